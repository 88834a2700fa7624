"""Reminders a young person chooses: by text (GOV.UK Notify) or email, never with personal content."""

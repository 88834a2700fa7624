"""Emails to staff that carry no names and no content: only 'please sign in'."""

"""Work the service does by itself on a schedule: escalation, owed email, retention."""

"""The data's life: backups and restores, retention of unshared check-ins, the audit trail kept."""

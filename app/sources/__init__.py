"""Other sources beside the check-ins: the council's statutory care-leaver return (SSDA903 OC3)."""

"""Demo councils and synthetic cohorts: support code for `checkin demo-data` and the benches, not the core."""

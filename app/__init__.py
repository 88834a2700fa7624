"""Check-in: care leavers tell their Personal Adviser how life is going."""

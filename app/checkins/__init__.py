"""Check-ins: drafts, answers, sharing, history, and the safety alerts they raise."""

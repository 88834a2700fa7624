"""The PA side: caseload, meeting preparation, closing the loop, safety alerts, team view."""

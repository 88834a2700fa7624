"""Pages every visitor can reach, and each role's home."""

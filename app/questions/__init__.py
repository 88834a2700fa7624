"""Question sets: versioned data files loaded into the database."""

"""Organisations, staff, young people, PA assignments and invite codes."""

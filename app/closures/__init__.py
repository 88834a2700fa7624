"""Closing a young person's account: they ask, their PA or an admin confirms, the data goes."""

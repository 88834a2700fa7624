"""Passwords, sessions, CSRF, throttling and the dependencies that guard routes."""

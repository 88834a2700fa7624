"""What the web layer knows of a request, shared by the domains' dependencies and the error pages."""

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class SignInRequired(Exception):
    """Raised when a page needs a signed-in user and there is none; answered with a redirect."""

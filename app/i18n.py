"""Every user-facing string goes through gettext; the language is chosen per request."""

from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.support import NullTranslations, Translations

LANGUAGES = ("en",)
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
_current: ContextVar[str] = ContextVar("language", default=LANGUAGES[0])


@lru_cache
def _translations(language: str) -> NullTranslations:
    return Translations.load(str(TRANSLATIONS_DIR), [language], domain="messages")


def choose_language(accept_language: str | None, default: str = LANGUAGES[0]) -> str:
    """The best supported language for an Accept-Language header."""
    wanted = [part.split(";")[0].strip().replace("-", "_") for part in (accept_language or "").split(",")]
    return negotiate_locale([w for w in wanted if w], list(LANGUAGES), sep="_") or default


def set_language(language: str) -> None:
    """Use this language for the rest of the current request."""
    _current.set(language if language in LANGUAGES else LANGUAGES[0])


def current_language() -> str:
    """The language of the current request, as used in the page's lang attribute."""
    return _current.get()


def language_name(language: str) -> str:
    """The language's own name for itself."""
    return Locale.parse(language).get_display_name(language) or language


def gettext(message: str, **variables: object) -> str:
    """The message in the current language, with %(name)s variables filled in."""
    text = _translations(_current.get()).gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    """The singular or plural message in the current language, with n available as %(num)s."""
    text = _translations(_current.get()).ngettext(singular, plural, n)
    return text % {"num": n, **variables}

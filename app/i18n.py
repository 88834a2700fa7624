"""Every user-facing string goes through gettext; the language is chosen per request."""

from contextvars import ContextVar
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale, negotiate_locale
from babel.dates import format_date, format_datetime
from babel.support import NullTranslations, Translations

LANGUAGES = ("en", "ar", "fa_AF")
# Draft translations, written to be checked by the council's interpreters before anyone relies on them.
DRAFTS = frozenset({"ar", "fa_AF"})
LANGUAGE_COOKIE = "language"
TRANSLATIONS_DIR = Path(__file__).parent / "translations"
_current: ContextVar[str] = ContextVar("language", default=LANGUAGES[0])


@lru_cache
def _translations(language: str) -> NullTranslations:
    return Translations.load(str(TRANSLATIONS_DIR), [language], domain="messages")


def choose_language(accept_language: str | None, default: str = LANGUAGES[0]) -> str:
    """The best supported language for an Accept-Language header. A draft translation is only used
    when someone picks it."""
    wanted = [part.split(";")[0].strip().replace("-", "_") for part in (accept_language or "").split(",")]
    settled = [language for language in LANGUAGES if language not in DRAFTS]
    return negotiate_locale([w for w in wanted if w], settled, sep="_") or default


def set_language(language: str) -> None:
    """Use this language for the rest of the current request."""
    _current.set(language if language in LANGUAGES else LANGUAGES[0])


def current_language() -> str:
    """The language of the current request, as used in the page's lang attribute."""
    return _current.get()


def language_name(language: str) -> str:
    """The language's own name for itself (Dari for fa_AF, as Afghans call it)."""
    if language == "fa_AF":
        return "دری"
    return Locale.parse(language).get_display_name(language) or language


def html_lang(language: str | None = None) -> str:
    """The BCP 47 tag for the page's lang attribute: fa-AF, not fa_AF."""
    return (language or current_language()).replace("_", "-")


def text_direction(language: str | None = None) -> str:
    """ "rtl" for Arabic and Dari, "ltr" otherwise."""
    return str(Locale.parse(language or current_language()).text_direction)


def is_draft(language: str | None = None) -> bool:
    return (language or current_language()) in DRAFTS


def gettext(message: str, **variables: object) -> str:
    """The message in the current language, with %(name)s variables filled in."""
    text = _translations(_current.get()).gettext(message)
    return text % variables if variables else text


def pgettext(context: str, message: str, **variables: object) -> str:
    """The message as meant in this context ("Home" the page, not the place a young person lives),
    in the current language, with %(name)s variables filled in."""
    text = str(_translations(_current.get()).pgettext(context, message))
    return text % variables if variables else text


def translate(message: str, language: str) -> str:
    """The message in this language (no variables), or the message itself if not translated."""
    return _translations(language).gettext(message)


def ngettext(singular: str, plural: str, n: int, **variables: object) -> str:
    """The singular or plural message in the current language, with n available as %(num)s."""
    text = _translations(_current.get()).ngettext(singular, plural, n)
    return text % {"num": n, **variables}


# The strftime formats the pages use, as CLDR patterns for other languages (month and day names in
# the reader's language). English keeps strftime, so its pages read exactly as they always have.
CLDR_PATTERNS = {
    "%-d %B %Y": "d MMMM y",
    "%-d %b %Y": "d MMM y",
    "%-d %B": "d MMMM",
    "%A %-d %B %Y": "EEEE d MMMM y",
    "%H:%M": "HH:mm",
    "%-d %B %Y at %H:%M": "d MMMM y, HH:mm",
    "%-d %B at %H:%M": "d MMMM, HH:mm",
    "%-d %B, %H:%M": "d MMMM, HH:mm",
    "%-d %b %Y %H:%M": "d MMM y, HH:mm",
    "%-d %B %Y %H:%M": "d MMMM y, HH:mm",
    "%-d %B %Y, %H:%M": "d MMMM y, HH:mm",
}


def moment(value: date | datetime, strftime_format: str) -> str:
    """A date or time as the page says it, in the reader's language."""
    language = current_language()
    if language == "en":
        return value.strftime(strftime_format)
    pattern = CLDR_PATTERNS[strftime_format]
    if isinstance(value, datetime):
        return format_datetime(value, pattern, tzinfo=value.tzinfo, locale=language)
    return format_date(value, pattern, locale=language)

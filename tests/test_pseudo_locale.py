"""A pseudo-locale finds every string a person sees that does not go through the catalogue.

Every message in the catalogue is turned into look-alike letters (a -> á, "Sign in" -> "Šíǧñ íñ"),
compiled, and every page each role can open is rendered in it. Any word still in plain ASCII
letters on a page is a string that would stay English in Arabic or Dari: people's names, the
council's own names and other data the service holds are the only exceptions.
"""

import re
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from bs4.element import Comment, Doctype, NavigableString
from sqlmodel import Session, select

from app import i18n, i18n_middleware
from app.checkins.models import CheckIn, TopicResponse
from app.i18n import TRANSLATIONS_DIR
from app.people.models import Locality, Organisation, Role, Team, User, YoungPerson
from app.settings import Settings
from tests.records import build_records
from tests.test_architecture import ROUTES
from tests.web import signed_in_client

# A real locale the service does not offer, standing in for the pseudo-locale: Greek, whose month
# and day names (from CLDR, through Babel) are in Greek letters, so a date formatted by strftime in
# English stands out.
PSEUDO = "el"
LOOK_ALIKE = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "áƀćđéƒǧĥíĵķĺɱñóƥɋŕšťúʋŵẋýžÁƁĆĐÉƑǦĤÍĴĶĹṀÑÓƤɊŔŠŤÚƲŴẊÝŽ",
)
# Left as they are: %(name)s variables, %% and HTML tags or entities inside a message.
KEEP = re.compile(r"%\([a-z_]+\)[sd]|%%|<[^>]+>|&[a-z]+;")
ENGLISH_WORD = re.compile(r"\b[A-Za-z]{2,}\b")


def pseudo(message: str) -> str:
    parts, last = [], 0
    for kept in KEEP.finditer(message):
        parts.append(message[last : kept.start()].translate(LOOK_ALIKE))
        parts.append(kept.group())
        last = kept.end()
    parts.append(message[last:].translate(LOOK_ALIKE))
    return "".join(parts)


@pytest.fixture
def pseudo_locale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open(TRANSLATIONS_DIR / "messages.pot", "rb") as handle:
        catalogue = read_po(handle, locale=PSEUDO)
    for message in catalogue:
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            message.string = tuple(pseudo(form) for form in message.id)
        else:
            message.string = pseudo(message.id)
    target = tmp_path / PSEUDO / "LC_MESSAGES"
    target.mkdir(parents=True)
    with open(target / "messages.mo", "wb") as handle:
        write_mo(handle, catalogue)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    monkeypatch.setattr(i18n, "LANGUAGES", (*i18n.LANGUAGES, PSEUDO))
    monkeypatch.setattr(i18n_middleware, "LANGUAGES", i18n.LANGUAGES)
    i18n._translations.cache_clear()
    yield
    i18n._translations.cache_clear()


def _other_language(element) -> bool:
    """Marked as in another language, or the list of languages (each in its own name)."""
    return element.get("lang") not in (None, PSEUDO) or "app-languages" in (element.get("class") or [])


def held_data(db: Session, settings: Settings) -> set[str]:
    """Words that are data the service holds or was set up with, not its own text."""
    texts = [value for value in settings.model_dump().values() if isinstance(value, str)]
    for model, fields in (
        (Organisation, ["name"]),
        (Locality, ["name"]),
        (Team, ["name"]),
        (User, ["display_name", "username"]),
        (YoungPerson, ["first_name", "last_name"]),
        (TopicResponse, ["comment"]),
        (CheckIn, ["talk_about_words", "reply", "actions_agreed"]),
    ):
        for record in db.exec(select(model)).all():
            texts.extend(str(getattr(record, field) or "") for field in fields)
    return {word for text in texts for word in ENGLISH_WORD.findall(text.replace(".", " "))}


def english_words(html: str, allowed: set[str]) -> set[str]:
    """Plain-ASCII words a person would see (text and labels), leaving out text marked as being in
    another language (lang="en" on the draft notice) and the list of languages."""
    soup = BeautifulSoup(html, "html.parser")
    words: set[str] = set()
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Doctype) or not isinstance(node, NavigableString):
            continue
        if node.parent is None or node.parent.name in {"script", "style", "textarea"}:
            continue
        if any(
            _other_language(element)
            for element in node.parents
            if element.name not in (None, "html", "[document]")
        ):
            continue
        words.update(ENGLISH_WORD.findall(str(node)))
    for element in soup.find_all(attrs={"aria-label": True}):
        words.update(ENGLISH_WORD.findall(element["aria-label"]))
    return words - allowed


def test_every_page_every_role_opens_is_translated(pseudo_locale, client, db, world, settings):
    records = build_records(client, db, world)
    ids = {
        "young_person_id": world.young.id,
        "check_in_id": records.sent_id,
        "topic_key": "employment",
        "alert_id": records.alert_id,
        "staff_id": world.pa.id,
        "request_id": records.pa2_closure_id,
        "table_key": "coverage",
        "locality_id": world.locality.id,
        "team_id": world.team.id,
    }
    pages = [
        (role, path.format(**ids))
        for (method, path), roles in ROUTES.items()
        if method == "GET"
        and not path.endswith((".csv", ".xlsx", ".json", ".yaml", ".ico"))
        and path != "/healthz"
        for role in sorted(roles) or [None]
    ]
    pages.append((Role.young_person, f"/check-in/{records.draft_id}/topics/housing"))
    pages.append((Role.young_person, f"/check-in/{records.draft_id}/check"))
    allowed = held_data(db, settings) | set(records.markers())
    found: dict[str, set[str]] = {}
    for role, path in pages:
        client.cookies.clear()
        client.cookies.set(i18n.LANGUAGE_COOKIE, PSEUDO)
        if role:
            signed_in_client(client, db, world.user(role))
        response = client.get(path, follow_redirects=True)
        assert response.status_code < 500, (role, path)
        words = english_words(response.text, allowed)
        if words:
            found[f"{role or 'signed out'} {path}"] = words
    assert not found, "untranslated words:\n" + "\n".join(
        f"{page}: {sorted(words)[:12]}" for page, words in found.items()
    )

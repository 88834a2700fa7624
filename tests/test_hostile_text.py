"""Free text with markup, odd Unicode, control characters and great length: stored and shown safely.

Through the real forms: a young person's comment in a check-in (read back by them and by their
PA), a PA adding a young person, an admin adding staff. What is stored is cleaned (no NUL, which
PostgreSQL refuses, no control or bidi-override characters; emoji sequences, combining accents and
right-to-left writing kept) and cut to its limit; every page it appears on shows it as text, with
no element or attribute from it (checked on the parsed HTML).
"""

from datetime import date

from sqlmodel import select

from app.checkins.models import COMMENT_LIMIT, TopicResponse
from app.people.models import User, YoungPerson
from app.people.young_person_form import NAME_LIMIT
from tests.checkins.journey import Journey
from tests.web import page, post_form, signed_in_client

MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">hi</a>'
FAMILY = "👩\u200d👩\u200d👧"
ODD = f"\u202eevil\u202c مرحبا \u200f{FAMILY} e\u0301\u0301 \x00\x07\x1b[31m\r\nend"
DROPPED = ["\x00", "\x07", "\x1b", "\u202e", "\u202c", "\u200f", "\r"]


def assert_nothing_injected(html) -> None:
    """Only the app's own elements: scripts from /static/, no event handlers, no javascript: links."""
    assert all(str(s.get("src", "")).startswith("/static/") for s in html.find_all("script"))
    assert not html.find_all("img", src="x")
    for element in html.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], element.name
        assert not str(element.get("href", "")).startswith("javascript:"), element


def assert_cleaned(text: str, limit: int) -> None:
    assert len(text) <= limit
    assert not [ch for ch in DROPPED if ch in text]


def test_a_hostile_comment_is_stored_clean_and_shown_as_text(client, db, world):
    signed_in_client(client, db, world.young_user)
    journey = Journey(client)
    journey.start()
    comment = MARKUP + ODD + "z" * 500
    assert journey.answer("employment", {"employment.feeling": "ok", "comment": comment}).status_code == 303
    assert journey.finish({"employment": "share"}).status_code == 303

    stored = db.exec(select(TopicResponse).where(TopicResponse.topic_key == "employment")).one().comment or ""
    assert_cleaned(stored, COMMENT_LIMIT)
    assert stored.endswith("z" * 500), "nothing the young person wrote is cut"
    assert stored.startswith(MARKUP + "evil مرحبا " + FAMILY + " e\u0301\u0301 [31m\nend")

    own_view = page(client.get(f"/check-ins/{journey.check_in_id}"))
    assert_nothing_injected(own_view)
    assert MARKUP in own_view.get_text()
    client.cookies.clear()
    signed_in_client(client, db, world.pa)
    pa_view = page(client.get(f"/young-people/{world.young.id}/meeting"))
    assert_nothing_injected(pa_view)
    assert MARKUP + "evil" in pa_view.get_text()


def test_hostile_names_from_the_add_a_young_person_form_are_cleaned_and_escaped(client, db, world):
    signed_in_client(client, db, world.pa)
    born = date.today().replace(year=date.today().year - 18, day=1)
    form = {
        "first_name": MARKUP[:150] + "\x00",
        "last_name": "\u202eO'Brien\u0301 " + "w" * 100,
        "day": str(born.day),
        "month": str(born.month),
        "year": str(born.year),
        "locality_id": str(world.locality.id),
        "gender": f"{FAMILY} <b>x</b>\x00",
    }
    assert post_form(client, "/young-people/new", form).status_code == 200
    person = db.exec(select(YoungPerson).where(YoungPerson.last_name.startswith("O'Brien"))).one()
    assert_cleaned(person.first_name, NAME_LIMIT)
    assert_cleaned(person.last_name, NAME_LIMIT)
    assert person.first_name == MARKUP[:NAME_LIMIT]
    assert person.gender == f"{FAMILY} <b>x</b>"
    for path in (f"/young-people/{person.id}", "/caseload"):
        html = page(client.get(path))
        assert_nothing_injected(html)
        assert MARKUP[:NAME_LIMIT] in html.get_text(), path


def test_a_field_longer_than_the_form_allows_is_refused_with_a_clear_page(client, db, world):
    signed_in_client(client, db, world.pa)
    response = post_form(client, "/young-people/new", {"first_name": "a" * 201})
    assert response.status_code == 400
    assert "Sorry, something was not right with that request" in page(response).h1.get_text()


def test_a_hostile_staff_name_is_cleaned_and_escaped(client, db, world):
    signed_in_client(client, db, world.admin)
    form = {
        "display_name": MARKUP + "\x00\u202e",
        "username": "new.staff",
        "role": "analyst",
        "passphrase": "kettle orbit lantern",
    }
    response = post_form(client, "/admin/staff/new", form)
    assert response.status_code == 303
    member = db.exec(select(User).where(User.username == "new.staff")).one()
    assert member.display_name == MARKUP[:120]
    html = page(client.get(response.headers["location"]))
    assert_nothing_injected(html)
    assert MARKUP[:120] in html.h1.get_text()

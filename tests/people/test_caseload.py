"""A PA's caseload and young people's records: only their own, added with care."""

from datetime import date

import pytest
from sqlmodel import select

from app.audit.models import AuditEvent
from app.people.models import PaAssignment, YoungPerson
from tests.web import csrf_token, error_messages, page, signed_in_client


def _names(response) -> list[str]:
    return [a.get_text(strip=True) for a in page(response).select("#caseload h2 a")]


def test_a_pa_sees_only_their_own_current_caseload(client, db, world):
    signed_in_client(client, db, world.pa)
    assert _names(client.get("/caseload")) == ["Alex Tester"]


@pytest.mark.parametrize(
    "path",
    ["/young-people/{id}", "/young-people/{id}/invite", "/young-people/{id}/sign-out-everywhere"],
)
def test_another_pa_gets_not_found_for_someone_elses_young_person(client, db, world, path):
    signed_in_client(client, db, world.pa2)
    url = path.format(id=world.young.id)
    token = csrf_token(client, "/caseload")
    method = "GET" if path.endswith("{id}") else "POST"
    assert client.request(method, url, data={"csrf_token": token}).status_code == 404


def test_an_admin_of_another_council_gets_not_found(client, db, world):
    signed_in_client(client, db, world.other_admin)
    assert client.get(f"/young-people/{world.young.id}").status_code == 404
    assert client.get(f"/young-people/{world.young.id}/pa").status_code == 404


def test_a_missing_young_person_is_not_found(client, db, world):
    signed_in_client(client, db, world.admin)
    assert client.get("/young-people/999999").status_code == 404


def _add(client, **fields):
    data = {
        "first_name": "Dee",
        "last_name": "Nolan",
        "day": "2",
        "month": "9",
        "year": str(date.today().year - 19),
        "locality_id": "",
        "gender": "",
        **fields,
        "csrf_token": csrf_token(client, "/young-people/new"),
    }
    return client.post("/young-people/new", data=data)


def test_a_pa_adds_a_young_person_to_their_caseload_and_gets_a_code(client, db, world):
    signed_in_client(client, db, world.pa)
    response = _add(client, locality_id=str(world.locality.id), gender="non-binary")
    assert response.status_code == 200
    assert page(response).find(id="invite-code") is not None
    person = db.exec(select(YoungPerson).where(YoungPerson.first_name == "Dee")).one()
    assert person.gender == "non-binary"
    assignment = db.exec(select(PaAssignment).where(PaAssignment.young_person_id == person.id)).one()
    assert assignment.pa_id == world.pa.id
    assert "Dee Nolan" in _names(client.get("/caseload"))
    actions = {e.action for e in db.exec(select(AuditEvent)).all()}
    assert {"young_person.created", "pa.assigned", "invite.issued"} <= actions


def test_mistakes_are_explained_and_what_was_typed_is_kept(client, db, world):
    signed_in_client(client, db, world.pa)
    response = _add(client, first_name="", day="31", month="2")
    assert response.status_code == 422
    assert error_messages(response) == [
        "Enter their first name",
        "Date of birth must be a real date, like 27 3 2007",
        "Choose where they live",
    ]
    html = page(response)
    assert html.find("input", attrs={"name": "last_name"})["value"] == "Nolan"
    assert html.find("input", attrs={"name": "day"})["value"] == "31"


def test_only_care_leavers_aged_16_to_25_can_be_added(client, db, world):
    signed_in_client(client, db, world.pa)
    response = _add(client, locality_id=str(world.locality.id), year=str(date.today().year - 30))
    assert "aged 16 to 25" in error_messages(response)[0]


def test_an_admin_chooses_the_pa_when_adding(client, db, world):
    signed_in_client(client, db, world.admin)
    response = _add(client, locality_id=str(world.locality.id))
    assert "Choose their PA" in error_messages(response)
    response = _add(client, locality_id=str(world.locality.id), pa_id=str(world.pa2.id))
    assert response.status_code == 200
    client.cookies.clear()
    signed_in_client(client, db, world.pa2)
    assert "Dee Nolan" in _names(client.get("/caseload"))


def test_a_locality_from_another_council_is_refused(client, db, world):
    signed_in_client(client, db, world.pa)
    other = world.other_person.locality_id
    assert "Choose where they live" in error_messages(_add(client, locality_id=str(other)))


def test_names_with_markup_are_shown_as_text(client, db, world):
    signed_in_client(client, db, world.pa)
    _add(client, first_name="<script>alert(1)</script>", locality_id=str(world.locality.id))
    response = client.get("/caseload")
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;" in response.text

"""The admin's work: staff accounts and moving young people between PAs."""

from fastapi.testclient import TestClient
from sqlmodel import select

from app.auth.models import UserSession
from app.people.models import PaAssignment, User
from tests.factories import PASSPHRASE, make_young_person
from tests.web import csrf_token, error_messages, page, sign_in, signed_in_client


def _add_staff(client, **fields):
    data = {
        "display_name": "Priya Shah",
        "username": "priya.shah",
        "role": "pa",
        "team_id": "",
        "passphrase": "lantern kettle orbit",
        **fields,
        "csrf_token": csrf_token(client, "/admin/staff/new"),
    }
    return client.post("/admin/staff/new", data=data)


def test_an_admin_adds_a_pa_who_can_then_sign_in(client, db, world):
    signed_in_client(client, db, world.admin)
    response = _add_staff(client, team_id=str(world.team.id))
    assert response.status_code == 303
    assert "Account added" in client.get(response.headers["location"]).text
    client.cookies.clear()
    assert sign_in(client, "priya.shah", "lantern kettle orbit").status_code == 303
    assert client.get("/", follow_redirects=True).url.path == "/caseload"


def test_staff_form_mistakes_are_explained_and_kept(client, db, world):
    signed_in_client(client, db, world.admin)
    response = _add_staff(client, username="pa.one", passphrase="password")
    assert response.status_code == 422
    assert error_messages(response) == [
        "That username is taken. Try another one.",
        "Choose their team",
        "That passphrase is too easy to guess. Try three random words, like 'kettle orbit lantern'.",
    ]
    assert page(response).find("input", attrs={"name": "display_name"})["value"] == "Priya Shah"


def test_an_unknown_role_is_refused(client, db, world):
    signed_in_client(client, db, world.admin)
    assert "Choose what they will do" in error_messages(_add_staff(client, role="young_person"))


def test_deactivating_signs_the_person_out_and_frees_their_young_people(client, web_app, db, world):
    pa_browser = TestClient(web_app, follow_redirects=False)
    sign_in(pa_browser, "pa.one")
    signed_in_client(client, db, world.admin)
    path = f"/admin/staff/{world.pa.id}"
    response = client.post(f"{path}/deactivate", data={"csrf_token": csrf_token(client, path)})
    assert response.status_code == 303
    assert pa_browser.get("/caseload").headers["location"] == "/sign-in"
    assert sign_in(pa_browser, "pa.one", PASSPHRASE).status_code == 422
    assert db.exec(select(UserSession).where(UserSession.user_id == world.pa.id)).all() == []
    open_rows = db.exec(
        select(PaAssignment).where(PaAssignment.pa_id == world.pa.id, PaAssignment.ended_at.is_(None))
    ).all()
    assert open_rows == []
    assert "No PA" in client.get("/admin").text


def test_an_admin_cannot_deactivate_themself(client, db, world):
    signed_in_client(client, db, world.admin)
    path = f"/admin/staff/{world.admin.id}"
    client.post(f"{path}/deactivate", data={"csrf_token": csrf_token(client, path)})
    db.expire_all()
    assert db.get(User, world.admin.id).active


def test_handover_gives_the_new_pa_access_and_removes_the_old_pas_at_once(client, db, world):
    signed_in_client(client, db, world.admin)
    path = f"/young-people/{world.young.id}/pa"
    response = client.post(path, data={"pa_id": str(world.pa2.id), "csrf_token": csrf_token(client, path)})
    assert response.status_code == 303
    client.cookies.clear()
    signed_in_client(client, db, world.pa)
    assert client.get(f"/young-people/{world.young.id}").status_code == 404
    client.cookies.clear()
    signed_in_client(client, db, world.pa2)
    assert client.get(f"/young-people/{world.young.id}").status_code == 200
    history = db.exec(
        select(PaAssignment).where(PaAssignment.young_person_id == world.young.id).order_by(PaAssignment.id)
    ).all()
    assert [(row.pa_id, row.ended_at is None) for row in history] == [
        (world.pa.id, False),
        (world.pa2.id, True),
    ]


def test_assigning_a_pa_from_another_council_is_refused(client, db, world):
    signed_in_client(client, db, world.admin)
    path = f"/young-people/{world.young.id}/pa"
    data = {"pa_id": str(world.other_admin.id), "csrf_token": csrf_token(client, path)}
    assert error_messages(client.post(path, data=data)) == ["Choose a PA"]


def test_admin_lists_every_young_person_in_their_council_only(client, db, world):
    signed_in_client(client, db, world.admin)
    text = client.get("/admin").text
    assert "Alex Tester" in text and "Blake Tester" in text
    assert "Casey" not in text


def test_a_big_council_shows_the_first_fifty_and_search_finds_anyone(client, db, world):
    for n in range(55):
        make_young_person(db, world.org, world.locality, world.pa2, f"Person{n:02d}")
    signed_in_client(client, db, world.admin)
    html = page(client.get("/admin"))
    rows = html.find(id="young-people").find_next("table").select("tbody tr")
    assert len(rows) == 50
    assert "Showing the first 50 of 57" in html.find(id="young-people-shown").get_text()
    found = page(client.get("/admin", params={"q": "person54 TESTER"}))
    names = [
        row.find("a").get_text()
        for row in found.find(id="young-people").find_next("table").select("tbody tr")
    ]
    assert names == ["Person54 Tester"]
    assert found.find(id="young-people-shown") is None
    assert (
        "No young person's name matches '50%'" in page(client.get("/admin", params={"q": "50%"})).get_text()
    )

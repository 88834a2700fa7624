"""Staff can receive email: an admin sets and changes a staff member's address (mistakes explained
with the typed address kept), `checkin create-user --email` sets one, and owed email reaches it."""

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.cli import main
from app.db import make_engine
from app.main import create_app
from app.people.email_address import email_problem, normalise_email
from app.people.models import User
from app.settings import get_settings
from tests.checkins.journey import Journey
from tests.conftest import make_settings
from tests.notifications.smtp import smtp_server
from tests.web import csrf_token, error_messages, page, signed_in_client


def _change(client, member_id: int, email: str):
    path = f"/admin/staff/{member_id}/email"
    return client.post(path, data={"email": email, "csrf_token": csrf_token(client, path)})


def test_an_admin_sets_then_changes_then_removes_a_staff_members_email(client, db, world):
    signed_in_client(client, db, world.admin)
    staff_page = page(client.get(f"/admin/staff/{world.pa.id}"))
    assert "None: they get no emails" in staff_page.find(id="email-row").get_text()
    change = staff_page.find(id="email-row").find("a")
    assert change.get_text(" ", strip=True) == "Change email address"

    response = _change(client, world.pa.id, "  Pa.One@Example.GOV.uk ")
    assert response.headers["location"] == f"/admin/staff/{world.pa.id}?done=email"
    shown = page(client.get(response.headers["location"]))
    assert "Email address saved." in shown.get_text()
    assert "Pa.One@example.gov.uk" in shown.find(id="email-row").get_text()
    db.expire_all()
    assert db.get(User, world.pa.id).email == "Pa.One@example.gov.uk"

    field = page(client.get(change["href"])).find("input", attrs={"name": "email"})
    assert field["type"] == "email" and field["value"] == "Pa.One@example.gov.uk"
    _change(client, world.pa.id, "sam@council.example")
    db.expire_all()
    assert db.get(User, world.pa.id).email == "sam@council.example"
    removed = client.get(_change(client, world.pa.id, "").headers["location"])
    assert "Email address removed. They will get no emails." in removed.text
    db.expire_all()
    assert db.get(User, world.pa.id).email is None
    changes = db.exec(select(AuditEvent).where(AuditEvent.action == "staff.email_changed")).all()
    assert len(changes) == 3


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("sam.council.example", "Enter an email address in the correct format, like name@example.com"),
        ("sam@council", "Enter an email address in the correct format, like name@example.com"),
        ("sam jones@council.example", "Enter an email address in the correct format, like name@example.com"),
        ("s" * 250 + "@x.uk", "Email address must be 254 characters or fewer"),
    ],
)
def test_a_wrong_address_is_explained_and_kept_in_the_box(client, db, world, typed, message):
    world.pa.email = "kept@council.example"
    db.add(world.pa)
    db.commit()
    signed_in_client(client, db, world.admin)
    response = _change(client, world.pa.id, typed)
    assert response.status_code == 422
    assert error_messages(response) == [message]
    assert page(response).find("input", attrs={"name": "email"})["value"] == typed
    db.expire_all()
    assert db.get(User, world.pa.id).email == "kept@council.example", "nothing lost"


def test_the_add_staff_form_takes_an_email_and_explains_a_wrong_one(client, db, world):
    signed_in_client(client, db, world.admin)
    form = {
        "display_name": "Priya Shah",
        "username": "priya.shah",
        "role": "pa",
        "team_id": str(world.team.id),
        "passphrase": "lantern kettle orbit",
        "email": "priya@",
        "csrf_token": csrf_token(client, "/admin/staff/new"),
    }
    wrong = client.post("/admin/staff/new", data=form)
    assert error_messages(wrong) == ["Enter an email address in the correct format, like name@example.com"]
    assert page(wrong).find("input", attrs={"name": "email"})["value"] == "priya@"
    ok = client.post("/admin/staff/new", data={**form, "email": "priya@council.example"})
    assert ok.status_code == 303
    assert db.exec(select(User).where(User.username == "priya.shah")).one().email == "priya@council.example"


def test_create_user_takes_an_email_and_refuses_a_wrong_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'users.db'}")
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    council = ["create-council", "--name", "Council", "--admin-username", "ada.admin"]
    council += ["--admin-name", "Ada Admin", "--admin-email", "ada@council.example"]
    assert runner.invoke(main, council, input="kettle orbit lantern\n").exit_code == 0
    base = ["create-user", "--username", "sam.jones", "--name", "Sam Jones", "--role", "pa"]
    base += ["--organisation", "Council", "--team", "North"]
    wrong = runner.invoke(main, [*base, "--email", "sam@"], input="lantern kettle orbit\n")
    assert wrong.exit_code != 0 and "correct format" in wrong.output
    made = runner.invoke(main, [*base, "--email", "Sam@Council.Example"], input="lantern kettle orbit\n")
    assert made.exit_code == 0, made.output
    with Session(make_engine(get_settings().database_url)) as session:
        sam = session.exec(select(User).where(User.username == "sam.jones")).one()
        assert sam.email == "Sam@council.example"
    get_settings.cache_clear()


def test_normalising_keeps_the_local_part_and_lowers_the_domain():
    assert normalise_email(" Sam.Jones@Council.GOV.UK ") == "Sam.Jones@council.gov.uk"
    assert email_problem("") is None
    assert email_problem("", required=True) == "Enter their email address"


def test_an_address_set_on_the_screen_receives_the_alert_email(engine, db, world):
    with smtp_server() as (inbox, port):
        settings = make_settings(engine, smtp_host="127.0.0.1", smtp_port=port, smtp_starttls=False)
        with TestClient(create_app(settings, engine=engine), follow_redirects=False) as client:
            signed_in_client(client, db, world.admin)
            assert _change(client, world.pa.id, "sam@council.example").status_code == 303
            client.cookies.clear()
            signed_in_client(client, db, world.young_user)
            journey = Journey(client)
            journey.start()
            journey.answer("risk", {"risk.unsafe_now": "yes"})
    assert [m["To"] for m in inbox.messages] == ["sam@council.example"]

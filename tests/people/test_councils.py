"""A network admin creates a council and its first admin on a screen (or with the command line);
the new admin can sign in to their own council straight away."""

from click.testing import CliRunner
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.cli import main
from app.db import make_engine
from app.people.models import Organisation, Role, User
from app.settings import get_settings
from tests.web import csrf_token, error_messages, page, sign_in, signed_in_client

NEW_COUNCIL = {
    "name": "  Riverside Borough ",
    "admin_name": "Rita Admin",
    "username": "Rita.Admin",
    "email": "rita@riverside.example",
    "passphrase": "kettle orbit lantern",
}


def _create(client, **changes: str):
    data = {**NEW_COUNCIL, **changes, "csrf_token": csrf_token(client, "/councils/new")}
    return client.post("/councils/new", data=data)


def test_a_network_admin_creates_a_council_whose_admin_signs_in_to_it(client, db, world):
    signed_in_client(client, db, world.network_admin)
    assert client.get("/").headers["location"] == "/councils"
    blank = _create(client, name=" ", admin_name="", username="", email="", passphrase="")
    assert blank.status_code == 422
    assert error_messages(blank) == [
        "Enter the council's name",
        "Enter the admin's name",
        "Enter a username",
        "Enter their email address",
        "Your passphrase must be at least 8 characters. Try three random words.",
    ]
    taken = _create(client, name="test council", username="admin.one")
    assert error_messages(taken) == [
        "There is already a council called test council",
        "That username is taken. Try another one.",
    ]
    kept = page(taken)
    assert kept.find("input", attrs={"name": "admin_name"})["value"] == "Rita Admin"
    assert kept.find("input", attrs={"name": "email"})["value"] == "rita@riverside.example"

    done = _create(client)
    assert done.headers["location"] == "/councils?done=created"
    listed = page(client.get(done.headers["location"]))
    assert listed.select_one("#done") is not None
    rows = {
        r.th.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in listed.select("#councils tbody tr")
    }
    assert rows == {  # staff accounts: the network admin's own is not one of its council's
        "Other Council": ["Other Admin", "1"],
        "Riverside Borough": ["Rita Admin", "1"],
        "Test Council": ["Admin One", "5"],
    }

    council = db.exec(select(Organisation).where(Organisation.name == "Riverside Borough")).one()
    admin = db.exec(select(User).where(User.username == "rita.admin")).one()
    assert (admin.organisation_id, admin.role, admin.email) == (
        council.id,
        Role.admin,
        "rita@riverside.example",
    )
    audit = db.exec(select(AuditEvent).where(AuditEvent.organisation_id == council.id)).all()
    assert {(a.action, a.actor_id) for a in audit} == {
        ("council.created", world.network_admin.id),
        ("staff.created", world.network_admin.id),
    }

    client.cookies.clear()
    assert sign_in(client, "rita.admin", "kettle orbit lantern").headers["location"] == "/"
    assert client.get("/").headers["location"] == "/admin"
    staff = page(client.get("/admin")).get_text()
    assert "Rita Admin" in staff and "Admin One" not in staff
    assert client.get("/councils").status_code == 403


def test_the_command_line_creates_a_council_and_refuses_a_user_for_a_misspelt_one(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'councils.db'}")
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    council = ["create-council", "--name", "North Council", "--admin-username", "nia.admin"]
    council += ["--admin-name", "Nia Admin", "--admin-email", "nia@north.example"]
    made = runner.invoke(main, council, input="kettle orbit lantern\n")
    assert made.exit_code == 0, made.output
    again = runner.invoke(main, council, input="kettle orbit lantern\n")
    assert again.exit_code != 0 and "There is already a council called North Council" in again.output

    user = ["create-user", "--username", "sam.pa", "--name", "Sam Pa", "--role", "pa", "--team", "East"]
    typo = runner.invoke(main, [*user, "--organisation", "Nroth Council"], input="lantern kettle orbit\n")
    assert typo.exit_code != 0
    assert "There is no council called 'Nroth Council'. Create it first" in typo.output
    case = runner.invoke(main, [*user, "--organisation", "north council"], input="lantern kettle orbit\n")
    assert case.exit_code != 0 and "Did you mean 'North Council'?" in case.output
    right = runner.invoke(main, [*user, "--organisation", "North Council"], input="lantern kettle orbit\n")
    assert right.exit_code == 0, right.output
    with Session(make_engine(get_settings().database_url)) as session:
        assert session.exec(select(Organisation.name)).all() == ["North Council"]
        assert session.exec(select(User.username, User.role).order_by(User.id)).all() == [
            ("nia.admin", "admin"),
            ("sam.pa", "pa"),
        ]
        assert session.exec(select(AuditEvent.action)).all() == ["council.created", "staff.created"]
    get_settings.cache_clear()

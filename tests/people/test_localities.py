"""A council admin adds localities on a screen; then a PA of a brand-new council can add a young person."""

from click.testing import CliRunner
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.cli import main
from app.db import make_engine
from app.people.models import Locality, Organisation, Role, YoungPerson
from app.settings import get_settings
from tests.factories import make_user
from tests.people.test_caseload import _add
from tests.web import csrf_token, error_messages, page, signed_in_client


def _post(client, name: str):
    return client.post(
        "/admin/localities", data={"name": name, "csrf_token": csrf_token(client, "/admin/localities")}
    )


def _names(client) -> list[str]:
    return [li.get_text() for li in page(client.get("/admin/localities")).select("#localities li")]


def test_a_new_councils_admin_adds_a_locality_and_its_pa_can_then_add_a_young_person(client, db, world):
    council = Organisation(name="New Council")
    db.add(council)
    db.commit()
    admin, pa = make_user(db, council, Role.admin, "new.admin"), make_user(db, council, Role.pa, "new.pa")
    signed_in_client(client, db, admin)
    assert page(client.get("/admin/localities")).select_one("#no-localities") is not None
    blank = _post(client, "   ")
    assert blank.status_code == 422 and error_messages(blank) == ["Enter the locality's name"]
    done = _post(client, "  Riverside ")
    assert done.headers["location"] == "/admin/localities?done=added"
    assert page(client.get(done.headers["location"])).select_one("#done") is not None
    assert _names(client) == ["Riverside"]
    again = _post(client, "riverside")
    assert again.status_code == 422
    assert error_messages(again) == ["Your council already has a locality called riverside"]
    assert page(again).find("input", attrs={"name": "name"})["value"] == "riverside"
    place = db.exec(select(Locality).where(Locality.organisation_id == council.id)).one()
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "locality.added")).one()
    assert (audit.organisation_id, audit.record_id, audit.actor_id) == (council.id, place.id, admin.id)

    client.cookies.clear()
    signed_in_client(client, db, pa)
    assert _add(client, locality_id=str(place.id)).status_code == 200
    assert (
        db.exec(select(YoungPerson).where(YoungPerson.organisation_id == council.id)).one().locality_id
        == place.id
    )


def test_an_admin_sees_and_adds_localities_in_their_own_council_only(client, db, world):
    signed_in_client(client, db, world.other_admin)
    assert _names(client) == ["East"]
    assert _post(client, "Westside").status_code == 303
    assert (
        db.exec(select(Locality).where(Locality.name == "Westside")).one().organisation_id
        == world.other_admin.organisation_id
    )
    client.cookies.clear()
    signed_in_client(client, db, world.admin)
    assert _names(client) == ["North"]


def test_only_admins_reach_localities(client, db, world):
    for role in Role:
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        assert client.get("/admin/localities").status_code == (200 if role is Role.admin else 403), role


def test_the_command_line_adds_a_locality_to_a_council_and_refuses_a_repeat(tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'places.db'}")
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    with Session(make_engine(get_settings().database_url)) as session:
        session.add(Organisation(name="New Council"))
        session.commit()
    command = ["create-locality", "--organisation", "New Council", "--name", "Riverside"]
    assert runner.invoke(main, command).exit_code == 0
    again = runner.invoke(main, command)
    assert again.exit_code != 0 and "already has a locality called Riverside" in again.output
    assert runner.invoke(main, [*command[:2], "Nowhere", *command[3:]]).exit_code != 0
    with Session(make_engine(get_settings().database_url)) as session:
        assert session.exec(select(Locality.name)).all() == ["Riverside"]
        assert session.exec(select(AuditEvent.action)).all() == ["locality.added"]
    get_settings.cache_clear()


def test_an_admin_renames_a_locality_and_removes_one_only_when_no_record_names_it(client, db, world):
    signed_in_client(client, db, world.admin)
    token = csrf_token(client, "/admin/localities")
    north = world.locality.id
    taken = client.post(f"/admin/localities/{north}", data={"name": "", "csrf_token": token})
    assert error_messages(taken) == ["Enter the locality's name"]
    renamed = client.post(f"/admin/localities/{north}", data={"name": "North Dale", "csrf_token": token})
    assert renamed.headers["location"] == "/admin/localities?done=renamed"
    assert _names(client) == ["North Dale"]
    in_use = client.post(f"/admin/localities/{north}/remove", data={"csrf_token": token})
    assert in_use.status_code == 422
    assert error_messages(in_use) == [
        "You cannot remove North Dale: 2 young people's records name it. Rename it instead."
    ]
    _post(client, "Spare")
    spare = db.exec(select(Locality).where(Locality.name == "Spare")).one()
    assert page(client.get(f"/admin/localities/{spare.id}")).select_one("#in-use") is None
    removed = client.post(f"/admin/localities/{spare.id}/remove", data={"csrf_token": token})
    assert removed.headers["location"] == "/admin/localities?done=removed"
    assert _names(client) == ["North Dale"]
    query = select(AuditEvent.action).where(AuditEvent.record_type == "locality").order_by(AuditEvent.id)
    actions = db.exec(query).all()
    assert actions == ["locality.renamed", "locality.added", "locality.removed"]

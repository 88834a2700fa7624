"""A council admin adds and renames teams and chooses their manager; all audited, own council only."""

from sqlmodel import select

from app.audit.models import AuditEvent
from app.people.models import Role, Team, User
from tests.factories import make_user
from tests.web import csrf_token, error_messages, page, signed_in_client


def _post(client, path: str, **data: str):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, "/admin/teams")})


def test_an_admin_adds_a_team_renames_it_and_chooses_its_manager(client, db, world):
    signed_in_client(client, db, world.admin)
    assert _post(client, "/admin/teams", name=" ").status_code == 422
    repeat = _post(client, "/admin/teams", name="leaving care")
    assert error_messages(repeat) == ["Your council already has a team called leaving care"]
    added = _post(client, "/admin/teams", name="  South Team ")
    team = db.exec(select(Team).where(Team.name == "South Team")).one()
    assert added.headers["location"] == f"/admin/teams/{team.id}?done=added"
    assert page(client.get(added.headers["location"])).select_one("#no-members") is not None
    names = [a.get_text() for a in page(client.get("/admin/teams")).select("#teams a")]
    assert names == ["Leaving Care", "South Team"]

    taken = _post(client, f"/admin/teams/{team.id}", name="Leaving Care")
    assert taken.status_code == 422
    assert page(taken).find("input", attrs={"name": "name"})["value"] == "Leaving Care"
    assert _post(client, f"/admin/teams/{team.id}", name="South Leaving Care").status_code == 303

    none = _post(client, f"/admin/teams/{team.id}/manager")
    assert error_messages(none) == ["Choose a team manager"]
    other = make_user(db, world.other_org, Role.manager, "other.manager")
    assert error_messages(_post(client, f"/admin/teams/{team.id}/manager", manager_id=str(other.id))) == [
        "Choose a team manager"
    ]
    chosen = _post(client, f"/admin/teams/{team.id}/manager", manager_id=str(world.manager.id))
    assert chosen.headers["location"] == f"/admin/teams/{team.id}?done=manager"
    members = page(client.get(f"/admin/teams/{team.id}")).select_one("#members").get_text()
    assert "Manager One" in members
    db.refresh(world.manager)
    db.refresh(team)
    assert (world.manager.team_id, team.name) == (team.id, "South Leaving Care")
    audit = db.exec(select(AuditEvent.action, AuditEvent.actor_id).order_by(AuditEvent.id)).all()
    assert [a for a in audit if a[0].startswith("team.")] == [
        ("team.added", world.admin.id),
        ("team.renamed", world.admin.id),
        ("team.manager_chosen", world.admin.id),
    ]


def test_a_new_team_takes_a_new_manager_who_then_sees_it(client, db, world):
    signed_in_client(client, db, world.other_admin)
    team_id = _post(client, "/admin/teams", name="East Team").headers["location"].split("/")[3].split("?")[0]
    form = page(client.get("/admin/staff/new"))
    assert [i["value"] for i in form.select("input[name=team_id]")] == [team_id]
    manager = {
        "display_name": "Eve Manager",
        "username": "eve.manager",
        "role": "manager",
        "team_id": team_id,
    }
    added = client.post(
        "/admin/staff/new",
        data={
            **manager,
            "passphrase": "kettle orbit lantern",
            "csrf_token": csrf_token(client, "/admin/staff/new"),
        },
    )
    assert added.status_code == 303
    assert "Eve Manager" in page(client.get(f"/admin/teams/{team_id}")).select_one("#members").get_text()
    client.cookies.clear()
    signed_in_client(client, db, db.exec(select(User).where(User.username == "eve.manager")).one())
    team_page = page(client.get("/team"))
    assert team_page.h1.get_text(strip=True) == "East Team"
    assert team_page.select_one("#coverage") is not None

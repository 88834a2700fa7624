"""A council admin opts the council in to the network tables, or out: recorded with who and when, audited."""

from sqlmodel import select

from app.audit.models import AuditEvent
from app.insights import network_decisions
from app.people.models import Role
from tests.web import csrf_token, error_messages, page, signed_in_client


def _decide(client, share: str):
    return client.post(
        "/admin/network", data={"share": share, "csrf_token": csrf_token(client, "/admin/network")}
    )


def _standing(client) -> str:
    return " ".join(page(client.get("/admin/network")).select_one("#standing").get_text().split())


def test_an_admin_opts_their_council_in_and_out_and_each_decision_is_recorded(client, db, world):
    signed_in_client(client, db, world.admin)
    assert _standing(client) == "Your council does not share its tables with the network."
    unchosen = _decide(client, "")
    assert unchosen.status_code == 422
    assert error_messages(unchosen) == ["Choose whether to share your council's tables with the network"]
    assert network_decisions.opted_in_councils(db) == []

    done = _decide(client, "yes")
    assert done.headers["location"] == "/admin/network?done=saved"
    assert page(client.get(done.headers["location"])).select_one("#done") is not None
    assert _standing(client).startswith("Your council shares its tables with the network. Decided by ")
    assert world.admin.display_name in _standing(client)
    assert network_decisions.opted_in_councils(db) == [(world.org.id, world.org.name)]

    signed_in_client(client, db, world.other_admin)
    assert _decide(client, "yes").status_code == 303
    assert [name for _i, name in network_decisions.opted_in_councils(db)] == sorted(
        [world.org.name, world.other_org.name]
    )
    signed_in_client(client, db, world.admin)
    assert _decide(client, "no").status_code == 303
    assert _standing(client).startswith("Your council does not share its tables with the network. Decided by")
    assert [i for i, _name in network_decisions.opted_in_councils(db)] == [world.other_org.id]
    audit = db.exec(
        select(AuditEvent).where(AuditEvent.action.startswith("network.")).order_by(AuditEvent.id)
    ).all()
    assert [(a.action, a.organisation_id, a.actor_id) for a in audit] == [
        ("network.opted_in", world.org.id, world.admin.id),
        ("network.opted_in", world.other_org.id, world.other_admin.id),
        ("network.opted_out", world.org.id, world.admin.id),
    ]


def test_only_admins_reach_the_network_decision(client, db, world):
    for role in Role:
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        assert client.get("/admin/network").status_code == (200 if role is Role.admin else 403), role

"""A young person asks to close their account; only their PA or an admin of their council can
confirm it; confirming erases the check-ins and the account and keeps alerts and the audit trail."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.audit.models import AuditEvent
from app.auth.models import UserSession
from app.checkins.models import Answer, CheckIn, SafetyAlert, TopicResponse
from app.closures.models import ClosureRequest
from app.notifications.models import Notification
from app.people.models import User
from tests.factories import World
from tests.records import send_check_in, start_draft
from tests.web import page, post_form, sign_in, signed_in_client


def ask_to_close(client: TestClient, db: Session, world: World) -> int:
    client.cookies.clear()
    signed_in_client(client, db, world.young_user)
    response = post_form(client, "/account/close", {})
    assert response.status_code == 303
    client.cookies.clear()
    request = db.exec(select(ClosureRequest)).one()
    assert request.id is not None
    return request.id


def test_asking_explains_what_is_kept_and_tells_the_pa(client: TestClient, db: Session, world: World) -> None:
    signed_in_client(client, db, world.young_user)
    before = page(client.get("/account/close")).get_text(" ", strip=True)
    assert "Safety alerts: only the safety answer and when it was given" in before
    assert "audit log" in before
    request_id = ask_to_close(client, db, world)
    assert db.exec(select(Notification.user_id).where(Notification.kind == "closure")).all() == [world.pa.id]
    signed_in_client(client, db, world.young_user)
    after = page(client.get("/account/close")).get_text(" ", strip=True)
    assert "You have asked to close your account" in after
    assert post_form(client, "/account/close", {}, token_from="/my-data").status_code == 303
    assert len(db.exec(select(ClosureRequest)).all()) == 1, "asking twice makes one request"
    client.cookies.clear()

    signed_in_client(client, db, world.pa)
    listing = page(client.get("/closures"))
    assert (
        listing.select_one(f'#closure-requests a[href="/closures/{request_id}"]').get_text() == "Alex Tester"
    )


def test_only_their_pa_or_an_admin_of_the_council_can_confirm(
    client: TestClient, db: Session, world: World
) -> None:
    request_id = ask_to_close(client, db, world)
    for outsider in (world.pa2, world.other_admin):
        client.cookies.clear()
        signed_in_client(client, db, outsider)
        assert "Alex" not in client.get("/closures").text
        assert client.get(f"/closures/{request_id}").status_code == 404
        assert post_form(client, f"/closures/{request_id}", {}, token_from="/closures").status_code == 404
    client.cookies.clear()
    signed_in_client(client, db, world.admin)
    assert client.get(f"/closures/{request_id}").status_code == 200
    db.expire_all()
    assert db.exec(select(ClosureRequest.confirmed_at)).one() is None


def test_confirming_erases_check_ins_and_account_and_keeps_alerts_and_audit(
    client: TestClient, db: Session, world: World
) -> None:
    sent_id = send_check_in(client, db, world.young_user, "words-to-erase")
    start_draft(client, db, world.young_user)
    signed_in_client(client, db, world.young_user)  # a session that must end
    client.cookies.clear()
    request_id = ask_to_close(client, db, world)

    signed_in_client(client, db, world.pa)
    confirm = page(client.get(f"/closures/{request_id}")).get_text(" ", strip=True)
    assert "Close Alex Tester's account?" in confirm
    response = post_form(client, f"/closures/{request_id}", {})
    assert response.headers["location"] == "/closures?done=closed"
    assert "Nobody is waiting" in client.get("/closures").text

    db.expire_all()
    assert db.exec(select(CheckIn).where(CheckIn.young_person_id == world.young.id)).all() == []
    assert db.exec(select(Answer).where(Answer.check_in_id == sent_id)).all() == []
    assert db.exec(select(TopicResponse).where(TopicResponse.check_in_id == sent_id)).all() == []
    alerts = db.exec(select(SafetyAlert).where(SafetyAlert.young_person_id == world.young.id)).all()
    assert alerts and all(a.check_in_id is None and a.option_key for a in alerts)
    account = db.get(User, world.young_user.id)
    assert account is not None and not account.active and account.username != "young.one"
    assert db.exec(select(UserSession).where(UserSession.user_id == account.id)).all() == []
    actions = db.exec(
        select(AuditEvent.action)
        .where(AuditEvent.young_person_id == world.young.id)
        .order_by(col(AuditEvent.id))
    ).all()
    assert "closure_requested" in actions and actions[-1] == "account_closed"
    assert db.exec(select(ClosureRequest.confirmed_by_id)).one() == world.pa.id

    client.cookies.clear()
    assert "words-to-erase" not in client.get("/").text
    failed = sign_in(client, "young.one")
    assert failed.status_code != 303, "the closed account can no longer sign in"

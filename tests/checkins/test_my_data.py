"""My data: everything held about the young person, as a page and a JSON download, and no more."""

import json

from app.audit.models import AuditEvent
from tests.checkins.journey import Journey
from tests.checkins.sending import another_young_person, send_check_in
from tests.factories import passphrase_hash
from tests.test_architecture import _snapshot
from tests.web import page, signed_in_client

KEPT = {"wellbeing": {"wellbeing.life_satisfaction": "3", "comment": "Rough week, keeping this to me"}}
RISKY = {"risk": {"risk.feeling": "really_unsafe"}}


def _event(db, world, actor, action: str, record_type: str = "check_in", person=None) -> None:
    db.add(
        AuditEvent(
            organisation_id=world.org.id,
            actor_id=actor.id,
            young_person_id=(person or world.young).id,
            action=action,
            record_type=record_type,
            record_id=1,
        )
    )
    db.commit()


def _download(client) -> dict:
    response = client.get("/my-data.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-disposition"].startswith('attachment; filename="check-in-my-data-')
    return response.json()


def test_the_download_holds_my_unshared_answers_drafts_and_alerts(client, db, world):
    signed_in_client(client, db, world.young_user)
    sent = send_check_in(client, {**KEPT, **RISKY}, {"wellbeing": "keep", "risk": "keep"})
    Journey(client).start("quick")
    data = _download(client)
    assert data["account"]["first_name"] == "Alex"
    assert data["account"]["pa"] == "Pa One"
    finished = next(c for c in data["check_ins"] if c["id"] == sent)
    feeling = next(t for t in finished["topics"] if t["key"] == "wellbeing")
    assert feeling["shared_with_pa"] is False
    assert feeling["your_words"] == "Rough week, keeping this to me"
    assert feeling["answers"][0]["answer"] == "3 out of 10"
    assert [c["finished"] for c in data["check_ins"]] == [False, True]
    [alert] = data["safety_alerts"]
    assert (alert["question"], alert["answer"]) == ("How safe do you feel at the moment?", "Really unsafe")
    assert data["sharing_history"] == []


def test_the_download_has_no_secrets_and_nobody_else(client, db, world):
    other, other_user = another_young_person(db, world)
    signed_in_client(client, db, other_user)
    send_check_in(
        client,
        {"employment": {"employment.feeling": "ok", "comment": "Dana's secret"}},
        {"employment": "keep"},
    )
    _event(db, world, world.pa, "check_in.viewed", person=other)
    client.cookies.clear()
    signed_in_client(client, db, world.young_user)
    send_check_in(client, KEPT, {"wellbeing": "share"})
    text = client.get("/my-data.json").text
    for secret in (passphrase_hash(), "password_hash", "code_hash", "Dana", "Blake", "Casey", "pa.one"):
        assert secret not in text, secret
    for cookie in client.cookies.values():
        assert cookie not in text
    assert json.loads(text)["staff_activity"] == []
    assert [row["topic"] for row in json.loads(text)["sharing_history"]] == ["How you feel"]


def test_staff_who_looked_at_my_check_ins_are_named_in_plain_words(client, db, world):
    _event(db, world, world.pa, "check_in.viewed")
    _event(db, world, world.manager, "check_in.viewed")
    _event(db, world, world.pa, "invite.issued", record_type="young_person")
    _event(db, world, world.young_user, "invite.redeemed", record_type="invite_code")
    signed_in_client(client, db, world.young_user)
    rows = page(client.get("/my-data")).select("#staff-activity + table tbody tr")
    described = [[td.get_text() for td in row.find_all("td")[1:]] for row in rows]
    assert described == [
        ["Pa One (your PA)", "Looked at your check-in"],
        ["Manager One (a team manager)", "Looked at your check-in"],
        ["Pa One (your PA)", "Gave you a code to set up your account"],
    ]
    assert [e["who"] for e in _download(client)["staff_activity"]][0] == "Pa One (your PA)"


def test_the_page_shows_my_account_check_ins_and_what_i_shared(client, db, world):
    signed_in_client(client, db, world.young_user)
    send_check_in(
        client,
        {**KEPT, "employment": {"employment.feeling": "good"}},
        {"employment": "share", "wellbeing": "keep"},
    )
    html = page(client.get("/my-data"))
    about = html.find(id="about-you").find_next("dl").get_text(" ", strip=True)
    assert "Alex Tester" in about and "14 May 2006" in about and "young.one" in about
    check_ins = html.select_one(".app-my-data-check-in").get_text(" ", strip=True)
    assert "Rough week, keeping this to me" in check_ins and "Kept to yourself" in check_ins
    shared = html.select("#sharing + table tbody tr")
    assert [row.find_all("td")[1].get_text().split(",")[0] for row in shared] == ["Work"]
    assert html.select_one("#sharing + table caption").get_text(strip=True) == "What you shared and when"
    assert "Nobody on the staff has looked at your check-ins yet." in html.get_text()
    assert html.find("a", href="/my-data.json") is not None


def test_reading_history_and_my_data_changes_nothing(client, db, world):
    signed_in_client(client, db, world.young_user)
    check_in_id = send_check_in(client, {**KEPT, **RISKY}, {"wellbeing": "keep", "risk": "keep"})
    _event(db, world, world.pa, "check_in.viewed")
    before = _snapshot(db)
    paths = ["/check-ins", f"/check-ins/{check_in_id}", f"/check-ins/{check_in_id}/delete", "/my-data"]
    for path in [*paths, "/my-data.json"]:
        assert client.get(path).status_code == 200, path
    db.expire_all()
    assert _snapshot(db) == before

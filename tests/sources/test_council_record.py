"""A young person sees what the council recorded and says it is wrong; the PA sees both beside their own answers."""

from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.sources.loading import take_extract
from tests.meetings.helpers import as_pa, check_in
from tests.sources.extracts import born, extract, give_child_ids
from tests.web import csrf_token, error_messages, page, signed_in_client


def _load(db: Session, world, line: str) -> None:
    outcome = take_extract(
        db, organisation_id=world.org.id, actor=world.admin, content=extract(line), good_lines=False
    )
    assert outcome.load is not None


def test_the_young_person_says_the_record_is_wrong_and_the_pa_sees_it_beside_what_they_said(
    client, db: Session, world
):
    give_child_ids(db, world)
    answers = {"employment": {"employment.activity": "G5"}, "housing": {"housing.where": "S"}}
    check_in(client, db, world, answers, {"employment": "share", "housing": "keep"})
    _load(db, world, f"C001,{born(world)},YES,F5,U1")

    signed_in_client(client, db, world.young_user)
    mine = page(client.get("/my-data"))
    record = mine.select_one("#council-record-1").get_text(" ", strip=True)
    assert "Training or employment (not an apprenticeship), full time" in record
    assert "Independent living (suitable)" in record
    download = client.get("/my-data.json").json()["council_records"][0]
    assert (download["activity_code"], download["accommodation_code"]) == ("F5", "U1")
    path = "/my-data/council-record"
    empty = client.post(path, data={"words": "  ", "csrf_token": csrf_token(client, path)})
    assert error_messages(empty) == ["Say what is not right"]
    said = "I lost that job in March and I'm sofa-surfing"
    done = client.post(path, data={"words": said, "csrf_token": csrf_token(client, path)})
    assert done.status_code == 303
    assert said in page(client.get("/my-data")).select_one("#council-record-1").get_text()
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "statutory_record.corrected")).one()
    assert audit.actor_id == world.young_user.id

    as_pa(client, db, world)
    section = page(client.get(f"/young-people/{world.young.id}/meeting")).select_one("#council-record")
    rows = [[c.get_text(" ", strip=True) for c in r.select("th, td")] for r in section.select("tbody tr")]
    assert rows[0][:2] == ["What they are doing", "Training or employment (not an apprenticeship), full time"]
    assert rows[0][2].startswith("Not working or studying for another reason")
    assert rows[1] == ["Where they live", "Independent living (suitable)", "Not shared"]  # housing was kept
    assert said in section.select_one("#record-correction-1").get_text()


def test_another_young_persons_record_stays_theirs(client, db: Session, world):
    give_child_ids(db, world)
    _load(db, world, f"C002,{born(world, 'pa2_person')},YES,F1,D1")
    signed_in_client(client, db, world.young_user)
    assert page(client.get("/my-data/council-record")).select_one("#no-council-record") is not None
    path = "/my-data/council-record"
    refused = client.post(path, data={"words": "not me", "csrf_token": csrf_token(client, path)})
    assert error_messages(refused) == ["The council has not recorded anything about you yet"]


def test_closing_the_account_deletes_the_copy_of_the_record_and_their_words(client, db: Session, world):
    from app.closures.service import confirm_closure, pending_closure_for, request_closure
    from app.sources.models import StatutoryCorrection, StatutoryRecord

    give_child_ids(db, world)
    _load(db, world, f"C001,{born(world)},YES,F5,U1")
    signed_in_client(client, db, world.young_user)
    path = "/my-data/council-record"
    client.post(path, data={"words": "Not true any more", "csrf_token": csrf_token(client, path)})
    mine = [StatutoryRecord.young_person_id == world.young.id]
    assert db.exec(select(StatutoryRecord).where(*mine)).all()

    closure = request_closure(db, user=world.young_user, person=world.young)
    pending = pending_closure_for(db, staff=world.pa, request_id=closure.id)
    assert pending is not None
    confirm_closure(db, staff=world.pa, pending=pending)
    db.expire_all()
    assert db.exec(select(StatutoryRecord).where(*mine)).all() == []
    assert (
        db.exec(
            select(StatutoryCorrection).where(StatutoryCorrection.young_person_id == world.young.id)
        ).all()
        == []
    )

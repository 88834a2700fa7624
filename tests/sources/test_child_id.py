"""A PA records a young person's council child ID: shown on their page, unique in the council, audited."""

from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.people.models import YoungPerson
from tests.web import csrf_token, error_messages, page, signed_in_client


def _save(client, person_id: int, typed: str):
    path = f"/young-people/{person_id}/child-id"
    return client.post(path, data={"child_id": typed, "csrf_token": csrf_token(client, path)})


def _shown(client, person_id: int) -> str:
    rows = page(client.get(f"/young-people/{person_id}")).select(".govuk-summary-list__row")
    row = next(r for r in rows if r.dt and r.dt.get_text(strip=True) == "Council child ID")
    return row.select_one(".govuk-summary-list__value").get_text(strip=True)


def test_pa_records_a_child_id_shown_on_the_persons_page_and_audited(client, db: Session, world):
    signed_in_client(client, db, world.pa)
    assert _shown(client, world.young.id) == "Not recorded"
    done = _save(client, world.young.id, " ab 12345 ")
    assert done.status_code == 303 and done.headers["location"].endswith("?done=child-id")
    assert _shown(client, world.young.id) == "AB12345"
    audit = db.exec(select(AuditEvent).where(AuditEvent.action == "young_person.child_id_recorded")).one()
    assert (audit.actor_id, audit.young_person_id) == (world.pa.id, world.young.id)


def test_a_child_id_is_unique_in_the_council_and_a_bad_one_keeps_what_was_typed(client, db: Session, world):
    world.pa2_person.council_child_id = "C100"
    world.other_person.council_child_id = "C200"
    db.add_all([world.pa2_person, world.other_person])
    db.commit()
    signed_in_client(client, db, world.admin)
    taken = _save(client, world.young.id, "c100")
    assert taken.status_code == 422
    assert error_messages(taken) == ["Another young person in your council already has this child ID"]
    bad = _save(client, world.young.id, "C-100/2")
    assert error_messages(bad) == ["The child ID must be 10 letters or numbers or fewer"]
    assert page(bad).select_one("#child_id")["value"] == "C-100/2"
    assert _save(client, world.young.id, "C200").status_code == 303  # another council's ID is theirs
    db.expire_all()
    assert db.get(YoungPerson, world.young.id).council_child_id == "C200"

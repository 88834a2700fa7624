"""Own and other people's records, made through the real forms, for probes and fuzzing.

On top of build_world: another team in the same council whose PA supports Drew (no account);
world.young, pa2_person (another PA's young person, same council) and
other_person (another council, with its own team and PA) each send a check-in through HTTP with a
risk answer, so each raises an alert for their own PA; world.young also has a draft. Every
young person's words carry a marker, so a probe can tell if another person's data leaked.
"""

from dataclasses import dataclass

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from app.checkins.models import SafetyAlert
from app.closures.models import ClosureRequest
from app.people.models import Organisation, PaAssignment, Role, Team, User, YoungPerson
from tests.checkins.journey import Journey
from tests.factories import World, make_user, make_young_person
from tests.web import signed_in_client


@dataclass
class Records:
    world: World
    draft_id: int  # world.young's unfinished check-in
    sent_id: int  # world.young's sent check-in, shared, with a risk answer
    alert_id: int  # its alert, for world.pa
    pa2_person_user: User
    pa2_sent_id: int
    pa2_alert_id: int  # for world.pa2: same council and team, another PA
    other_user: User
    other_pa: User
    other_sent_id: int
    other_alert_id: int  # for other_pa, in the other council
    other_team_person_id: int  # Drew: same council, another team's PA
    pa2_closure_id: int  # pa2_person's request to close their account (for world.pa2)
    other_closure_id: int  # other_person's request, in the other council

    def markers(self) -> list[str]:
        """Words that only the other young people's pages, or the other council's, contain."""
        return [
            "pa2-private-words",
            "other-private-words",
            "Blake",
            "Casey",
            "Drew",
            "Other Council",
            "Other Pa",
        ]


def give_account(db: Session, person: YoungPerson, username: str) -> User:
    """A sign-in account for a young person added without one."""
    organisation = db.get(Organisation, person.organisation_id)
    assert organisation is not None
    user = make_user(db, organisation, Role.young_person, username)
    person.user_id = user.id
    db.add(person)
    db.commit()
    return user


def send_check_in(client: TestClient, db: Session, user: User, words: str) -> int:
    """A sent check-in: work answered with words, a risk answer, both shared; cookies cleared after."""
    client.cookies.clear()
    signed_in_client(client, db, user)
    journey = Journey(client)
    journey.start()
    journey.answer("employment", {"employment.feeling": "ok", "comment": words})
    journey.answer("risk", {"risk.unsafe_now": "yes", "risk.feeling": "bit_unsafe", "comment": words})
    response = journey.finish({"employment": "share", "risk": "share"})
    assert response.status_code == 303, response.text[:500]
    client.cookies.clear()
    return journey.check_in_id or 0


def start_draft(client: TestClient, db: Session, user: User) -> int:
    client.cookies.clear()
    signed_in_client(client, db, user)
    journey = Journey(client)
    journey.start()
    journey.answer("housing", {"housing.feeling": "ok"})
    client.cookies.clear()
    return journey.check_in_id or 0


def _alert_of(db: Session, check_in_id: int) -> int:
    alert = db.exec(select(SafetyAlert).where(SafetyAlert.check_in_id == check_in_id)).one()
    return alert.id or 0


def _closure_request(db: Session, person: YoungPerson) -> int:
    request = ClosureRequest(organisation_id=person.organisation_id, young_person_id=person.id)
    db.add(request)
    db.commit()
    return request.id or 0


def build_records(client: TestClient, db: Session, world: World) -> Records:
    other_team = Team(organisation_id=world.other_org.id, name="Other Team")
    db.add(other_team)
    db.commit()
    other_pa = make_user(db, world.other_org, Role.pa, "other.pa", other_team)
    db.add(PaAssignment(young_person_id=world.other_person.id, pa_id=other_pa.id))
    db.commit()
    next_team = Team(organisation_id=world.org.id, name="Next Door Team")
    db.add(next_team)
    db.commit()
    next_team_pa = make_user(db, world.org, Role.pa, "next.team.pa", next_team)
    drew = make_young_person(db, world.org, world.locality, next_team_pa, "Drew")
    pa2_person_user = give_account(db, world.pa2_person, "young.two")
    other_user = give_account(db, world.other_person, "young.three")
    sent_id = send_check_in(client, db, world.young_user, "own-words")
    pa2_sent_id = send_check_in(client, db, pa2_person_user, "pa2-private-words")
    other_sent_id = send_check_in(client, db, other_user, "other-private-words")
    return Records(
        world=world,
        draft_id=start_draft(client, db, world.young_user),
        sent_id=sent_id,
        alert_id=_alert_of(db, sent_id),
        pa2_person_user=pa2_person_user,
        pa2_sent_id=pa2_sent_id,
        pa2_alert_id=_alert_of(db, pa2_sent_id),
        other_user=other_user,
        other_pa=other_pa,
        other_sent_id=other_sent_id,
        other_alert_id=_alert_of(db, other_sent_id),
        other_team_person_id=drew.id or 0,
        pa2_closure_id=_closure_request(db, world.pa2_person),
        other_closure_id=_closure_request(db, world.other_person),
    )

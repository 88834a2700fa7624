"""Simulated people for load tests, added straight into the database with sessions already open.

Signing in costs an argon2id verification (about 120 ms of CPU, on purpose), so a crowd signing
in at once would measure the password hash, not the service. Instead every simulated young person
gets a real account (all sharing one precomputed hash of the demo passphrase, so any of them can
also sign in through the form) and a row in `user_session` with a token we know: the load client
sends that token as the session cookie, exactly as a browser does after signing in.
"""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine
from sqlmodel import Session, col, select

from app.auth.models import UserSession
from app.auth.passwords import hash_passphrase
from app.auth.tokens import random_token, sha256
from app.demo.council import DEMO_COUNCIL, DEMO_PASSPHRASE
from app.people.models import Locality, Organisation, PaAssignment, Role, Team, User, YoungPerson

CASELOAD = 25
DEMO_PAS = ("demo.pa", "demo.pa2")


@dataclass(frozen=True)
class Person:
    """A signed-in simulated user: their session token, and the young people they may open."""

    token: str
    young_person_ids: tuple[int, ...]


def _council(session: Session) -> tuple[Organisation, Locality, Team]:
    council = session.exec(select(Organisation).where(Organisation.name == DEMO_COUNCIL)).one()
    locality = session.exec(select(Locality).where(Locality.organisation_id == council.id)).first()
    team = session.exec(select(Team).where(Team.organisation_id == council.id)).first()
    assert locality and team
    return council, locality, team


def _signed_in(session: Session, user: User) -> str:
    token = random_token()
    session.add(UserSession(token_hash=sha256(token), user_id=user.id))
    return token


def _account(council: Organisation, username: str, role: Role, password_hash: str, **extra: object) -> User:
    return User(
        organisation_id=council.id,
        username=username,
        password_hash=password_hash,
        role=role,
        display_name=username,
        **extra,
    )


def add_young_people(engine: Engine, *, count: int, prefix: str) -> list[Person]:
    """Young people with accounts and open sessions, in caseloads of 25 under new PAs."""
    shared_hash = hash_passphrase(DEMO_PASSPHRASE)
    people = []
    with Session(engine) as session:
        council, locality, team = _council(session)
        pa = None
        for n in range(count):
            if n % CASELOAD == 0:
                pa = _account(council, f"{prefix}.pa{n // CASELOAD}", Role.pa, shared_hash, team_id=team.id)
                session.add(pa)
                session.flush()
            user = _account(council, f"{prefix}.young{n}", Role.young_person, shared_hash)
            session.add(user)
            session.flush()
            person = YoungPerson(
                organisation_id=council.id,
                locality_id=locality.id,
                user_id=user.id,
                first_name=f"Young{n}",
                last_name="Bench",
                date_of_birth=date(2006, 1, 1),
            )
            session.add(person)
            session.flush()
            session.add(PaAssignment(young_person_id=person.id, pa_id=pa.id))
            people.append(Person(_signed_in(session, user), (person.id,)))
        session.commit()
    return people


def pa_sessions(
    engine: Engine, *, count: int, usernames: tuple[str, ...] = ("demo.pa", "demo.pa2")
) -> list[Person]:
    """Open sessions for the demo PAs (in turn), each with that PA's current caseload."""
    people = []
    with Session(engine) as session:
        caseloads = {}
        for username in usernames:
            pa = session.exec(select(User).where(User.username == username)).one()
            ids = session.exec(
                select(PaAssignment.young_person_id)
                .where(PaAssignment.pa_id == pa.id, col(PaAssignment.ended_at).is_(None))
                .order_by(PaAssignment.young_person_id)
            ).all()
            caseloads[username] = (pa, tuple(ids))
        for n in range(count):
            pa, ids = caseloads[usernames[n % len(usernames)]]
            people.append(Person(_signed_in(session, pa), ids))
        session.commit()
    return people

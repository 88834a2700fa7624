"""Demo data: one council with every role, so a newcomer can sign in as anyone.

Besides the named demo people, the demo council gets a synthetic cohort (app.demo.bulk) of
DEMO_COHORT young people with DEMO_COHORT_MONTHS months of check-ins across its localities and a
few more, with synthetic PAs of their own (never the demo PAs), so the analyst's tables show
real figures and realistic suppression rather than only `c`.
"""

from datetime import date, timedelta

from sqlalchemy import Engine
from sqlmodel import Session, select

from app.auth.passwords import hash_passphrase
from app.db import utcnow
from app.demo.bulk import LoadSummary, load_cohort
from app.demo.cohort import UNUSABLE_PASSWORD
from app.demo.history import DEMO_SEED, add_demo_history
from app.demo.personas import PERSONAS
from app.demo.statutory import load_demo_return
from app.people.invites import issue_invite
from app.people.models import Locality, Organisation, PaAssignment, Role, Team, User, YoungPerson
from app.settings import Settings

DEMO_PASSPHRASE = "try the demo safely"
DEMO_COUNCIL = "Demo Council"
STAFF = [
    ("demo.admin", "Ade Admin", Role.admin),
    ("demo.manager", "Morgan Price", Role.manager),
    ("demo.analyst", "Asha Patel", Role.analyst),
    ("demo.pa", "Sam Taylor", Role.pa),
    ("demo.pa2", "Jo Evans", Role.pa),
    ("demo.netadmin", "Nat Okoro", Role.network_admin),
]
CASELOAD_PA = [
    ("Alex", "Morgan", date(2006, 5, 14), "demo.young"),
    ("Bea", "Clarke", date(2005, 9, 2), None),
    ("Callum", "Hughes", date(2007, 1, 23), None),
    ("Dani", "Okafor", date(2004, 11, 30), None),
    ("Ellis", "Ward", date(2008, 3, 8), None),
    ("Farah", "Said", date(2003, 7, 19), None),
    ("Gabe", "Nowak", date(2006, 12, 1), None),
    ("Hana", "Kelly", date(2005, 2, 27), None),
    ("Isaac", "Boateng", date(2007, 8, 15), None),
    ("Jade", "Fletcher", date(2002, 4, 4), None),
]
CASELOAD_PA2 = [
    ("Kai", "Robinson", date(2006, 6, 6), None),
    ("Lena", "Kowalski", date(2004, 10, 10), None),
    ("Mo", "Rahman", date(2007, 9, 9), None),
]
# The synthetic cohort: enough months that the last calendar year is always whole.
DEMO_COHORT, DEMO_COHORT_MONTHS = 1000, 24
DEMO_LOCALITIES = (
    ("North Dale", 260), ("South Vale", 220), ("Riverside", 170), ("Hillcrest", 130),
    ("Old Quarry", 90), ("Saltmarsh", 40), ("Little Fenton", 12),
)  # fmt: skip


def load_demo(engine: Engine, *, settings: Settings, seed: int = DEMO_SEED) -> tuple[bool, LoadSummary]:
    """The demo council (once), its synthetic cohort (once), then its statutory return (once); whether
    the council and the cohort were new this time."""
    with Session(engine) as session:
        added = load_demo_data(session, settings=settings, seed=seed)
    cohort = load_demo_cohort(engine, settings=settings, seed=seed)
    with Session(engine) as session:
        load_demo_return(session, council_name=DEMO_COUNCIL, seed=seed, disagree_with=("Alex", "Morgan"))
    return added, cohort


def load_demo_cohort(engine: Engine, *, settings: Settings, seed: int = DEMO_SEED) -> LoadSummary:
    """The synthetic cohort in the demo council, once; the council must be there already."""
    return load_cohort(
        engine,
        settings=settings,
        young_people=DEMO_COHORT,
        months=DEMO_COHORT_MONTHS,
        seed=seed,
        into=DEMO_COUNCIL,
        localities=DEMO_LOCALITIES,
    )


def demo_loaded(session: Session) -> bool:
    """Whether the demo council is already there."""
    return session.exec(select(Organisation).where(Organisation.name == DEMO_COUNCIL)).first() is not None


def load_demo_data(session: Session, *, settings: Settings, seed: int = DEMO_SEED) -> bool:
    """Add the demo council and its check-in history once; returns False when it was already there."""
    if settings.is_production:
        raise RuntimeError("Demo data is never loaded in production")
    if demo_loaded(session):
        return False
    council = Organisation(name=DEMO_COUNCIL)
    session.add(council)
    session.flush()
    north = Locality(organisation_id=council.id, name="North Dale")
    south = Locality(organisation_id=council.id, name="South Vale")
    team = Team(organisation_id=council.id, name="Leaving Care Team")
    session.add_all([north, south, team])
    session.flush()
    users = {}
    for username, name, role in STAFF:
        users[username] = User(
            organisation_id=council.id,
            team_id=team.id if role in (Role.pa, Role.manager) else None,
            username=username,
            password_hash=hash_passphrase(DEMO_PASSPHRASE),
            role=role,
            display_name=name,
        )
        session.add(users[username])
    session.flush()
    with_history = {(p.first_name, p.last_name) for p in PERSONAS}
    for pa_name, caseload in (("demo.pa", CASELOAD_PA), ("demo.pa2", CASELOAD_PA2)):
        for index, (first, last, born, username) in enumerate(caseload):
            locality = north if index % 2 == 0 else south
            if username is None and (first, last) in with_history:
                username = f"demo.{first.casefold()}"
            _add_young_person(session, council.id, locality.id, users[pa_name], first, last, born, username)
    session.commit()
    for person in session.exec(select(YoungPerson).where(YoungPerson.user_id.is_(None))).all():
        issue_invite(session, actor=users["demo.admin"], young_person=person, settings=settings)
    add_demo_history(session, organisation_id=council.id, seed=seed)
    return True


def _add_young_person(
    session: Session,
    organisation_id: int | None,
    locality_id: int | None,
    pa: User,
    first: str,
    last: str,
    born: date,
    username: str | None,
) -> None:
    person = YoungPerson(
        organisation_id=organisation_id,
        locality_id=locality_id,
        first_name=first,
        last_name=last,
        date_of_birth=born,
    )
    if username:
        account = User(
            organisation_id=organisation_id,
            username=username,
            password_hash=hash_passphrase(DEMO_PASSPHRASE) if username == "demo.young" else UNUSABLE_PASSWORD,
            role=Role.young_person,
            display_name=first,
        )
        session.add(account)
        session.flush()
        person.user_id = account.id
    session.add(person)
    session.flush()
    started = utcnow() - timedelta(days=400)
    session.add(PaAssignment(young_person_id=person.id, pa_id=pa.id, started_at=started))

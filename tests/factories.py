"""Small factories for test data; every account shares one passphrase, hashed once."""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlmodel import Session

from app.auth.passwords import hash_passphrase
from app.people.models import Locality, Organisation, PaAssignment, Role, Team, User, YoungPerson
from app.questions.loader import ensure_default_set

PASSPHRASE = "correct horse battery"


@lru_cache
def passphrase_hash() -> str:
    return hash_passphrase(PASSPHRASE)


def make_user(db: Session, org: Organisation, role: Role, username: str, team: Team | None = None) -> User:
    user = User(
        organisation_id=org.id,
        team_id=team.id if team else None,
        username=username,
        password_hash=passphrase_hash(),
        role=role,
        display_name=username.replace(".", " ").title(),
    )
    db.add(user)
    db.commit()
    return user


def make_young_person(
    db: Session,
    org: Organisation,
    locality: Locality,
    pa: User | None,
    first_name: str,
    username: str | None = None,
    born: date = date(2006, 5, 14),
) -> YoungPerson:
    account = make_user(db, org, Role.young_person, username) if username else None
    person = YoungPerson(
        organisation_id=org.id,
        locality_id=locality.id,
        user_id=account.id if account else None,
        first_name=first_name,
        last_name="Tester",
        date_of_birth=born,
    )
    db.add(person)
    db.commit()
    if pa:
        db.add(PaAssignment(young_person_id=person.id, pa_id=pa.id))
        db.commit()
    return person


@dataclass
class World:
    org: Organisation
    other_org: Organisation
    locality: Locality
    team: Team
    admin: User
    manager: User
    analyst: User
    pa: User
    pa2: User
    young: YoungPerson
    young_user: User
    pa2_person: YoungPerson
    other_admin: User
    other_person: YoungPerson
    network_admin: User
    network_analyst: User

    def user(self, role: str) -> User:
        return {
            "admin": self.admin,
            "manager": self.manager,
            "analyst": self.analyst,
            "pa": self.pa,
            "young_person": self.young_user,
            "network_admin": self.network_admin,
            "network_analyst": self.network_analyst,
        }[role]


def build_world(db: Session) -> World:
    ensure_default_set(db)
    org, other = Organisation(name="Test Council"), Organisation(name="Other Council")
    db.add_all([org, other])
    db.commit()
    locality, other_locality = (
        Locality(organisation_id=org.id, name="North"),
        Locality(organisation_id=other.id, name="East"),
    )
    team = Team(organisation_id=org.id, name="Leaving Care")
    db.add_all([locality, other_locality, team])
    db.commit()
    pa = make_user(db, org, Role.pa, "pa.one", team)
    pa2 = make_user(db, org, Role.pa, "pa.two", team)
    young = make_young_person(db, org, locality, pa, "Alex", username="young.one")
    other_admin = make_user(db, other, Role.admin, "other.admin")
    return World(
        org=org,
        other_org=other,
        locality=locality,
        team=team,
        admin=make_user(db, org, Role.admin, "admin.one"),
        manager=make_user(db, org, Role.manager, "manager.one", team),
        analyst=make_user(db, org, Role.analyst, "analyst.one"),
        pa=pa,
        pa2=pa2,
        young=young,
        young_user=db.get(User, young.user_id),
        pa2_person=make_young_person(db, org, locality, pa2, "Blake"),
        other_admin=other_admin,
        other_person=make_young_person(db, other, other_locality, None, "Casey"),
        network_admin=make_user(db, org, Role.network_admin, "network.admin"),
        network_analyst=make_user(db, org, Role.network_analyst, "network.one"),
    )

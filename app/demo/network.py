"""The demo network of councils: a second, smaller council with a synthetic cohort of its own, both
councils sharing their tables with the network, and a network analyst (demo.network) who sees them
side by side. Loaded once, after the demo council (app.demo.council)."""

from sqlalchemy import Engine
from sqlmodel import Session, select

from app.auth.passwords import hash_passphrase
from app.demo.bulk import LoadSummary, load_cohort
from app.demo.council import DEMO_COHORT_MONTHS, DEMO_COUNCIL, DEMO_PASSPHRASE
from app.demo.history import DEMO_SEED
from app.insights import network_decisions
from app.people.models import Organisation, Role, User
from app.settings import Settings

SECOND_COUNCIL = "Fenwick Council"
SECOND_COHORT = 700
SECOND_LOCALITIES = (("Fenwick Town", 300), ("Marsh End", 250), ("Cobble Hill", 150))
NETWORK_ANALYST = ("demo.network", "Nia Brooks")


def load_demo_network(engine: Engine, *, settings: Settings, seed: int = DEMO_SEED) -> LoadSummary:
    """The second council, the network decisions and demo.network (once), then the second council's
    cohort (once); the demo council must be there already."""
    with Session(engine) as session:
        _add_network(session)
    return load_cohort(
        engine,
        settings=settings,
        young_people=SECOND_COHORT,
        months=DEMO_COHORT_MONTHS,
        seed=seed + 1,
        into=SECOND_COUNCIL,
        localities=SECOND_LOCALITIES,
    )


def _add_network(session: Session) -> None:
    """The second council, both councils opted in to the network tables, and the network analyst."""
    if session.exec(select(Organisation).where(Organisation.name == SECOND_COUNCIL)).first():
        return
    demo = session.exec(select(Organisation).where(Organisation.name == DEMO_COUNCIL)).one()
    assert demo.id is not None
    second = Organisation(name=SECOND_COUNCIL)
    username, name = NETWORK_ANALYST
    analyst = User(
        organisation_id=demo.id,
        username=username,
        password_hash=hash_passphrase(DEMO_PASSPHRASE),
        role=Role.network_analyst,
        display_name=name,
    )
    session.add_all([second, analyst])
    session.commit()
    admin = session.exec(select(User).where(User.username == "demo.admin")).one()
    for council, actor in ((demo, admin), (second, None)):
        assert council.id is not None
        network_decisions.decide(session, organisation_id=council.id, actor=actor, opted_in=True)

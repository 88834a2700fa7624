"""`checkin demo-data` loads a second council (with a synthetic cohort of its own), both councils
sharing their tables with the network, and demo.network; once."""

from sqlmodel import Session, func, select

from app.auth.passwords import verify_passphrase
from app.db import utcnow
from app.demo.council import DEMO_PASSPHRASE, load_demo_data
from app.demo.network import SECOND_COUNCIL, load_demo_network
from app.insights import network, network_decisions
from app.insights.models import NetworkDecision
from app.insights.periods import default_period
from app.people.models import Role, User
from tests.insights.test_demo_tables import demo_hash


def test_the_demo_network_has_two_councils_sharing_tables_and_a_network_analyst(
    db: Session, engine, settings, monkeypatch
):
    monkeypatch.setattr("app.demo.council.hash_passphrase", lambda _passphrase: demo_hash())
    monkeypatch.setattr("app.demo.network.hash_passphrase", lambda _passphrase: demo_hash())
    monkeypatch.setattr("app.demo.network.SECOND_COHORT", 80)
    load_demo_data(db, settings=settings)
    second = load_demo_network(engine, settings=settings)
    assert second.loaded and second.rows["young_person"] == 80
    assert [name for _i, name in network_decisions.opted_in_councils(db)] == ["Demo Council", SECOND_COUNCIL]
    analyst = db.exec(select(User).where(User.username == "demo.network")).one()
    assert (
        analyst.role == Role.network_analyst and verify_passphrase(DEMO_PASSPHRASE, analyst.password_hash)[0]
    )
    spec = network.network_spec(db, key="coverage")
    assert spec is not None
    table = network.network_table(
        db, spec=spec, period=default_period(utcnow()), settings=settings, now=utcnow()
    )
    (section,) = table.sections
    assert [row.label for row in section.councils] == ["Demo Council", SECOND_COUNCIL]
    assert section.network.total == str(sum(int(row.total or 0) for row in section.councils))
    again = load_demo_network(engine, settings=settings)
    assert not again.loaded
    assert db.exec(select(func.count()).select_from(NetworkDecision)).one() == 2

"""The synthetic cohort: a large, realistic, reproducible council loaded fast, beside any other data."""

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import func
from sqlalchemy import select as table_select
from sqlmodel import Session, SQLModel, col, select

from app.checkins.models import Answer, CheckIn, SafetyAlert, Status, TopicResponse
from app.cli import main
from app.db import make_engine
from app.demo.bulk import LOADING, load_cohort
from app.demo.bulk_writers import PostgresWriter
from app.demo.cohort import COLUMNS, LOCALITIES, PEOPLE_PER_PA, CohortSpec, Rows, plan_setup
from app.demo.cohort_people import CohortPlanner
from app.people.models import Locality, Organisation, PaAssignment, Role, Team, User, YoungPerson
from app.people.service import current_pa
from app.questions.catalogue import answers_of, is_risk
from app.questions.loader import DEFAULT_FILE, parse_question_file
from app.questions.schema import Kind
from app.settings import Environment, get_settings
from tests.factories import make_user, make_young_person

NOW = datetime(2026, 3, 15, tzinfo=UTC)
QUESTIONS = parse_question_file(DEFAULT_FILE.read_text(encoding="utf-8"))
BY_KEY = {q.key: (t.key, q) for t in QUESTIONS.topics for q in t.questions}
PEOPLE, MONTHS, SEED = 40, 6, 18  # a seed whose few alerts include open ones


def aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def load(db: Session, settings, seed: int = SEED, **options):
    """The test cohort loaded, and the first id it could use in each table."""
    first = next_ids(db)
    db.commit()
    options = {"young_people": PEOPLE, "months": MONTHS, "seed": seed, "now": NOW} | options
    summary = load_cohort(db.get_bind(), settings=settings, **options)
    return summary, first


def next_ids(db: Session) -> dict[str, int]:
    tables = SQLModel.metadata.tables
    return {
        t: (db.connection().execute(table_select(func.max(tables[t].c.id))).scalar() or 0) + 1
        for t in COLUMNS
    }


def planned(spec: CohortSpec, ids: dict[str, int], batch: int) -> Rows:
    cohort = plan_setup(spec, ids, stamp=lambda moment: moment)
    planner = CohortPlanner(cohort, QUESTIONS, ids, lambda moment: moment)
    rows = cohort.rows
    for start in range(0, spec.young_people, batch):
        more = planner.people(start, min(spec.young_people, start + batch))
        rows = {t: rows[t] + more[t] for t in COLUMNS}
    return {
        t: [tuple(aware(v) if isinstance(v, datetime) else v for v in row) for row in rows[t]] for t in rows
    }


def stored(db: Session, first: dict[str, int]) -> Rows:
    """Every row the cohort wrote, column by column as COLUMNS lists them, in id order."""
    rows = {}
    for name, columns in COLUMNS.items():
        table = SQLModel.metadata.tables[name]
        query = (
            table_select(*(table.c[c] for c in columns)).where(table.c.id >= first[name]).order_by(table.c.id)
        )
        result = db.connection().execute(query)
        rows[name] = [tuple(aware(v) if isinstance(v, datetime) else v for v in row) for row in result]
    return rows


def cohort_of(db: Session, seed: int = SEED) -> Organisation:
    return db.exec(select(Organisation).where(Organisation.name == f"Synthetic Council {seed}")).one()


def test_the_same_seed_plans_the_same_rows_in_any_batches_and_another_seed_does_not():
    spec = CohortSpec(young_people=PEOPLE, months=MONTHS, seed=SEED, now=NOW)
    first = planned(spec, dict.fromkeys(COLUMNS, 1), batch=7)
    assert first == planned(spec, dict.fromkeys(COLUMNS, 1), batch=PEOPLE)
    other = CohortSpec(young_people=PEOPLE, months=MONTHS, seed=SEED + 1, now=NOW)
    assert first["answer"] != planned(other, dict.fromkeys(COLUMNS, 1), batch=PEOPLE)["answer"]


def test_a_small_cohort_loads_whole_with_the_counts_it_reports(db, settings):
    summary, first = load(db, settings)
    assert summary.loaded and f"Synthetic Council {SEED}" in summary.line()
    rows = stored(db, first)
    assert {t: len(r) for t, r in rows.items() if r} == summary.rows
    assert summary.rows["young_person"] == PEOPLE == summary.rows["pa_assignment"]
    assert summary.rows["locality"] == len(LOCALITIES) and summary.rows["team"] == 4
    assert summary.rows["topic_response"] == 8 * summary.rows["check_in"]
    assert PEOPLE * MONTHS * 0.4 < summary.rows["check_in"] < PEOPLE * MONTHS
    assert summary.rows["answer"] > 5 * summary.rows["check_in"]
    spec = CohortSpec(young_people=PEOPLE, months=MONTHS, seed=SEED, now=NOW)
    assert rows == planned(spec, dict(first), batch=PEOPLE)


def test_staff_cannot_sign_in_and_each_pa_has_about_25_young_people(db, settings):
    load(db, settings)
    council = cohort_of(db)
    staff = db.exec(select(User).where(User.organisation_id == council.id)).all()
    assert staff and {(u.role, u.password_hash, u.email) for u in staff} == {(Role.pa, "!", None)}
    assert all(u.team_id for u in staff)
    people = db.exec(select(YoungPerson).where(YoungPerson.organisation_id == council.id)).all()
    caseloads: dict[int, int] = {}
    for person in people:
        pa = current_pa(db, young_person_id=person.id)
        caseloads[pa.id] = caseloads.get(pa.id, 0) + 1
        assert 16 <= (NOW.date() - person.date_of_birth).days / 365.25 < 26
    assert max(caseloads.values()) <= PEOPLE_PER_PA
    localities = db.exec(select(Locality.id).where(Locality.organisation_id == council.id)).all()
    sizes = [sum(p.locality_id == place for p in people) for place in localities]
    assert max(sizes) > 5 * min(sizes)


def test_every_answer_is_one_question_set_1_offers_and_follows_the_check_in_rules(db, settings):
    _, first = load(db, settings)
    check_ins = db.exec(select(CheckIn).where(CheckIn.id >= first["check_in"])).all()
    assert {(c.question_set_version, c.status) for c in check_ins} == {(1, Status.submitted)}
    modes = {c.id: c.mode for c in check_ins}
    assert set(modes.values()) == {"quick", "full"}
    given: dict[int, set[tuple[str, str]]] = {}
    for row in db.exec(select(Answer).where(Answer.check_in_id >= first["check_in"])).all():
        topic_key, question = BY_KEY[row.question_key]
        assert row.topic_key == topic_key and row.text is None
        assert question.headline or modes[row.check_in_id] == "full"
        if question.kind is Kind.scale:
            assert row.option_key == "" and 0 <= row.number <= 10
        else:
            scores = {a.key: a.score for a in answers_of(question)}
            assert row.option_key in scores and row.number == scores[row.option_key]
        given.setdefault(row.check_in_id, set()).add((row.question_key, row.option_key))
    for answers in given.values():
        for key in ("education.barriers", "risk.recent"):
            ticked = {option for question, option in answers if question == key}
            assert len(ticked) <= 1 or not {"nothing", "none"} & ticked
        if any(key == "risk.contact" for key, _ in answers):
            assert ("risk.unsafe_now", "yes") in answers


def test_topics_are_mostly_shared_some_kept_some_skipped_and_never_talked_about_unshared(db, settings):
    _, first = load(db, settings)
    responses = db.exec(select(TopicResponse).where(TopicResponse.id >= first["topic_response"])).all()
    answered = {(a.check_in_id, a.topic_key) for a in db.exec(select(Answer)).all()}
    shared = [r for r in responses if r.shared]
    kept = [r for r in responses if not r.shared and not r.skipped]
    skipped = [r for r in responses if r.skipped]
    assert len(shared) > 0.6 * len(responses) and kept and skipped
    assert all(r.shared_at and not r.comment for r in shared)
    assert all((r.check_in_id, r.topic_key) not in answered and not r.shared for r in skipped)
    assert all(r.shared for r in responses if r.talk_about)


def test_every_alert_is_one_risk_answer_raised_for_the_pa(db, settings):
    _, first = load(db, settings)
    alerts = db.exec(select(SafetyAlert).where(SafetyAlert.id >= first["safety_alert"])).all()
    assert alerts
    raised = {(a.check_in_id, a.question_key, a.option_key) for a in alerts}
    answers = db.exec(select(Answer).where(Answer.check_in_id >= first["check_in"])).all()
    risky = {
        (a.check_in_id, a.question_key, a.option_key)
        for a in answers
        if is_risk(BY_KEY[a.question_key][1], a.option_key)
    }
    assert raised == risky and len(raised) == len(alerts)
    for alert in alerts:
        assert alert.pa_id == current_pa(db, young_person_id=alert.young_person_id).id
        check_in = db.get(CheckIn, alert.check_in_id)
        assert check_in.young_person_id == alert.young_person_id
        assert aware(check_in.started_at) < aware(alert.raised_at) <= aware(check_in.submitted_at)
        old = aware(alert.raised_at) < NOW - timedelta(days=7)
        assert bool(alert.acknowledged_at and alert.action_taken) == old
    assert {alert.acknowledged_at is None for alert in alerts} == {True, False}


def add_one_of_each(db: Session, council: Organisation, suffix: str) -> dict[str, int]:
    """A row in every table the cohort writes to, added through the ORM as the app adds them."""
    other = Organisation(name=f"Council {suffix}")
    place = Locality(organisation_id=council.id, name=suffix)
    team = Team(organisation_id=council.id, name=suffix)
    db.add_all([other, place, team])
    db.commit()
    pa = make_user(db, council, Role.pa, f"pa.{suffix}", team)
    person = make_young_person(db, council, place, pa, suffix)
    assignment = db.exec(select(PaAssignment).where(PaAssignment.young_person_id == person.id)).one()
    check_in = CheckIn(young_person_id=person.id, question_set_version=1, mode="quick")
    db.add(check_in)
    db.commit()
    answer = Answer(check_in_id=check_in.id, topic_key="health", question_key="health.general")
    response = TopicResponse(check_in_id=check_in.id, topic_key="health")
    alert = SafetyAlert(young_person_id=person.id, check_in_id=check_in.id, question_key="q", option_key="o")
    db.add_all([answer, response, alert])
    db.commit()
    made = (other, place, team, pa, person, assignment, check_in, response, answer, alert)
    return dict(zip(COLUMNS, (row.id for row in made), strict=True))


def test_the_cohort_sits_beside_existing_data_and_the_app_adds_rows_after_it(db, settings, world):
    before = add_one_of_each(db, world.org, "before")
    _, first = load(db, settings)
    assert all(first[table] == before[table] + 1 for table in COLUMNS)
    db.expire_all()
    assert db.get(YoungPerson, world.young.id).first_name == "Alex"
    loaded = stored(db, first)
    after = add_one_of_each(db, cohort_of(db), "after")
    for table in COLUMNS:
        assert loaded[table] and after[table] == loaded[table][-1][0] + 1, table


def test_loading_the_same_seed_again_does_nothing_and_an_interrupted_load_is_refused(db, settings):
    load(db, settings)
    before = next_ids(db)
    again, _ = load(db, settings)
    assert not again.loaded and "already there" in again.line()
    assert next_ids(db) == before
    db.add(Organisation(name=f"Synthetic Council 9{LOADING}"))
    db.commit()
    with pytest.raises(RuntimeError, match="did not finish"):
        load(db, settings, seed=9)


def test_production_never_gets_a_cohort(db, settings):
    production = settings.model_copy(update={"environment": Environment.production})
    with pytest.raises(RuntimeError, match="never loaded in production"):
        load(db, production)


def test_postgres_loads_with_foreign_key_triggers_on_and_checks_references_when_off(
    db, settings, engine, monkeypatch
):
    if engine.dialect.name != "postgresql":
        pytest.skip("foreign-key triggers are a PostgreSQL matter")
    monkeypatch.setattr("app.demo.bulk_writers.SKIP_FOREIGN_KEY_TRIGGERS", False)
    summary, first = load(db, settings, young_people=20)
    assert summary.loaded and len(stored(db, first)["check_in"]) == summary.rows["check_in"]
    monkeypatch.setattr("app.demo.bulk_writers.SKIP_FOREIGN_KEY_TRIGGERS", True)
    raw = engine.raw_connection()
    try:
        writer = PostgresWriter(raw.driver_connection)
        assert writer.unchecked
        writer.write("answer", [(next_ids(db)["answer"], 10**9, "health", "health.general", "good", 4)])
        raw.driver_connection.commit()
        with pytest.raises(RuntimeError, match="missing check_in"):
            writer.finish(first)
        writer.close()
    finally:
        raw.close()


def test_demo_data_command_loads_a_cohort_with_its_options(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'cohort.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
        result = runner.invoke(main, ["demo-data", "--young-people", "30", "--months", "3", "--seed", "4"])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("Loaded Synthetic Council 4: 30 young_person")
        again = runner.invoke(main, ["demo-data", "--young-people", "30", "--seed", "4"])
        assert "already there" in again.output
    finally:
        get_settings.cache_clear()
    with Session(make_engine(url)) as session:
        assert session.exec(select(Organisation.name)).all() == ["Synthetic Council 4"]
        assert session.exec(select(CheckIn)).first()
        assert not session.exec(select(CheckIn).where(col(CheckIn.submitted_at) > datetime.now(UTC))).first()

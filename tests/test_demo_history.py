"""Demo check-in history: a realistic year for the demo young people, the same for the same seed."""

from datetime import UTC, datetime, timedelta
from statistics import mean

import pytest
from click.testing import CliRunner
from sqlalchemy import delete
from sqlmodel import Session, col, select

from app.checkins.models import Answer, CheckIn, SafetyAlert, Status, TopicResponse
from app.checkins.service import current_draft
from app.cli import main
from app.db import make_engine, utcnow
from app.demo.council import load_demo_data
from app.demo.history import DEMO_SEED, add_demo_history
from app.demo.plan import plan_history
from app.people.models import Organisation, PaAssignment, User, YoungPerson
from app.people.service import current_pa
from app.questions.catalogue import answers_of, is_risk, question_set
from app.questions.loader import DEFAULT_FILE, parse_question_file
from app.questions.schema import Kind
from app.settings import get_settings
from tests.factories import passphrase_hash
from tests.web import page, signed_in_client

FIXED_NOW = datetime(2026, 3, 15, 12, 0, tzinfo=UTC)
QUESTIONS = parse_question_file(DEFAULT_FILE.read_text(encoding="utf-8"))


def aware(moment: datetime) -> datetime:
    """Stored times come back naive on some backends; they are always UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@pytest.fixture
def fast_hashing(monkeypatch):
    monkeypatch.setattr("app.demo.council.hash_passphrase", lambda _passphrase: passphrase_hash())


@pytest.fixture
def demo(db, settings, fast_hashing) -> int:
    """The demo council loaded as `checkin demo-data` loads it; its id."""
    assert load_demo_data(db, settings=settings)
    return db.exec(select(Organisation.id).where(Organisation.name == "Demo Council")).one()


def person_named(db: Session, first_name: str) -> YoungPerson:
    return db.exec(select(YoungPerson).where(YoungPerson.first_name == first_name)).one()


def check_ins_of(db: Session, person: YoungPerson) -> list[CheckIn]:
    statement = select(CheckIn).where(CheckIn.young_person_id == person.id).order_by(col(CheckIn.started_at))
    return list(db.exec(statement).all())


def wipe_history(db: Session) -> None:
    for model in (SafetyAlert, Answer, TopicResponse, CheckIn):
        db.exec(delete(model))
    db.commit()


def dump(db: Session) -> list[tuple]:
    """Everything the history holds, without ids, in a stable order."""
    names = {p.id: p.first_name for p in db.exec(select(YoungPerson)).all()}
    rows = []
    for check_in in db.exec(select(CheckIn)).all():
        topics = db.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in.id)).all()
        answers = db.exec(select(Answer).where(Answer.check_in_id == check_in.id)).all()
        alerts = db.exec(select(SafetyAlert).where(SafetyAlert.check_in_id == check_in.id)).all()
        rows.append(
            (
                names[check_in.young_person_id],
                aware(check_in.started_at),
                aware(check_in.submitted_at),
                check_in.mode,
                check_in.status,
                check_in.talk_about_words,
                check_in.going_well,
                sorted(
                    (t.topic_key, t.skipped, t.comment, t.shared, t.talk_about, aware(t.saved_at))
                    for t in topics
                ),
                sorted((a.question_key, a.option_key, -1 if a.number is None else a.number) for a in answers),
                sorted(
                    (a.question_key, a.option_key, aware(a.raised_at), a.action_taken or "") for a in alerts
                ),
            )
        )
    return sorted(rows)


def test_the_same_seed_plans_the_same_year_and_another_seed_does_not():
    first = plan_history(QUESTIONS, seed=DEMO_SEED, now=FIXED_NOW)
    assert first == plan_history(QUESTIONS, seed=DEMO_SEED, now=FIXED_NOW)
    assert first != plan_history(QUESTIONS, seed=DEMO_SEED + 1, now=FIXED_NOW)


def test_the_same_seed_stores_identical_rows_and_another_seed_does_not(db, demo):
    stored = []
    for seed in (7, 7, 8):
        wipe_history(db)
        assert add_demo_history(db, organisation_id=demo, seed=seed, now=FIXED_NOW) > 100
        stored.append(dump(db))
    assert stored[0] == stored[1]
    assert stored[0] != stored[2]


def test_every_answer_is_one_that_question_set_1_offers(db, demo):
    questions = {q.key: (t.key, q) for t in question_set(db, version=1).topics for q in t.questions}
    assert {c.question_set_version for c in db.exec(select(CheckIn)).all()} == {1}
    rows = db.exec(select(Answer)).all()
    assert len(rows) > 1000
    for row in rows:
        topic_key, question = questions[row.question_key]
        assert row.topic_key == topic_key
        if question.kind is Kind.scale:
            assert row.option_key == "" and row.number is not None and 0 <= row.number <= 10
        else:
            scores = {a.key: a.score for a in answers_of(question)}
            assert row.option_key in scores, (row.question_key, row.option_key)
            assert row.number == scores[row.option_key]


def test_answers_follow_the_check_in_rules(db, demo):
    questions = {q.key: q for t in question_set(db, version=1).topics for q in t.questions}
    for check_in in db.exec(select(CheckIn)).all():
        answers = db.exec(select(Answer).where(Answer.check_in_id == check_in.id)).all()
        given = {(a.question_key, a.option_key) for a in answers}
        if check_in.mode == "quick":
            assert all(questions[key].headline for key, _ in given)
        for key in ("education.barriers", "risk.recent"):
            ticked = [option for question, option in given if question == key]
            exclusive = {a.key for a in questions[key].answers if a.exclusive}
            assert len(ticked) <= 1 or not exclusive & set(ticked)
        if any(key == "risk.contact" for key, _ in given):
            assert ("risk.unsafe_now", "yes") in given


def test_every_risk_answer_raised_one_alert_and_nothing_else_did(db, demo):
    questions = {q.key: q for t in question_set(db, version=1).topics for q in t.questions}
    alerts = db.exec(select(SafetyAlert)).all()
    assert len(alerts) >= 2
    raised = {(a.check_in_id, a.question_key, a.option_key) for a in alerts}
    risky = {
        (a.check_in_id, a.question_key, a.option_key)
        for a in db.exec(select(Answer)).all()
        if a.option_key and is_risk(questions[a.question_key], a.option_key)
    }
    assert raised == risky
    assert len(raised) == len(alerts)


def test_each_demo_young_person_with_history_checks_in_about_monthly(db, demo):
    now = utcnow()
    people = db.exec(select(YoungPerson).order_by(col(YoungPerson.id))).all()
    with_history = [p for p in people if check_ins_of(db, p)]
    assert len(with_history) >= 9
    for person in with_history:
        check_ins = check_ins_of(db, person)
        assert 10 <= len(check_ins) <= 13, person.first_name
        assert {c.status for c in check_ins} == {Status.submitted}
        assert {c.mode for c in check_ins} <= {"quick", "full"}
        assert aware(check_ins[0].started_at) > now - timedelta(days=380)
        for check_in in check_ins:
            assert aware(check_in.started_at) < aware(check_in.submitted_at) < now


def test_topics_are_shared_when_submitted_and_skipped_ones_never(db, demo):
    submitted = {c.id: aware(c.submitted_at) for c in db.exec(select(CheckIn)).all()}
    answered = {(a.check_in_id, a.topic_key) for a in db.exec(select(Answer)).all()}
    responses = db.exec(select(TopicResponse)).all()
    assert len(responses) == 8 * len(submitted)
    for response in responses:
        if response.shared:
            assert aware(response.shared_at) == submitted[response.check_in_id]
        else:
            assert response.shared is False and response.shared_at is None
        if response.skipped:
            assert not response.shared and not response.comment
            assert (response.check_in_id, response.topic_key) not in answered
    assert any(r.shared for r in responses) and any(r.shared is False and not r.skipped for r in responses)


def test_one_alert_in_the_last_week_belongs_to_dani_on_the_pa_caseload_and_is_open(db, demo):
    now = utcnow()
    alerts = db.exec(select(SafetyAlert)).all()
    recent = [a for a in alerts if aware(a.raised_at) > now - timedelta(days=7)]
    assert len(recent) == 1
    dani = person_named(db, "Dani")
    assert recent[0].young_person_id == dani.id
    assert current_pa(db, young_person_id=dani.id).username == "demo.pa"
    assert recent[0].acknowledged_at is None and recent[0].pa_id is not None
    assert all(a.acknowledged_at and a.action_taken for a in alerts if a is not recent[0])


def test_demo_young_keeps_a_topic_private_feels_better_and_has_no_draft(db, demo):
    account = db.exec(select(User).where(User.username == "demo.young")).one()
    alex = db.exec(select(YoungPerson).where(YoungPerson.user_id == account.id)).one()
    check_ins = check_ins_of(db, alex)
    ids = [c.id for c in check_ins]
    kept = db.exec(
        select(TopicResponse).where(
            col(TopicResponse.check_in_id).in_(ids),
            col(TopicResponse.shared).is_(False),
            col(TopicResponse.skipped).is_(False),
        )
    ).all()
    assert kept
    scores = []
    for check_in in check_ins:
        answer = db.exec(
            select(Answer).where(
                Answer.check_in_id == check_in.id, Answer.question_key == "wellbeing.life_satisfaction"
            )
        ).first()
        if answer is not None:
            scores.append(answer.number)
    assert len(scores) >= 6
    assert mean(scores[-3:]) > mean(scores[:3])
    assert current_draft(db, person=alex) is None
    assert not db.exec(select(SafetyAlert).where(SafetyAlert.young_person_id == alex.id)).all()


def test_loading_the_demo_twice_adds_no_more_history(db, demo, settings):
    before = dump(db)
    assert not load_demo_data(db, settings=settings)
    assert add_demo_history(db, organisation_id=demo) == 0
    assert dump(db) == before


def test_demo_data_seed_option_gives_the_planned_answers(tmp_path, monkeypatch, fast_hashing):
    url = f"sqlite:///{tmp_path / 'seeded.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    try:
        runner = CliRunner()
        assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
        result = runner.invoke(main, ["demo-data", "--seed", "11"])
        assert result.exit_code == 0, result.output
    finally:
        get_settings.cache_clear()
    with Session(make_engine(url)) as session:
        stored = sorted(
            (p.first_name, c.mode, a.question_key, a.option_key or str(a.number))
            for p, c, a in session.exec(
                select(YoungPerson, CheckIn, Answer)
                .join(CheckIn, col(CheckIn.young_person_id) == YoungPerson.id)
                .join(Answer, col(Answer.check_in_id) == CheckIn.id)
                .join(PaAssignment, col(PaAssignment.young_person_id) == YoungPerson.id)
                .join(User, col(User.id) == PaAssignment.pa_id)
                .where(col(User.username).in_(["demo.pa", "demo.pa2"]))  # not the synthetic cohort
            ).all()
        )
    planned = sorted(
        (plan.first_name, plan.mode, key, value)
        for plan in plan_history(QUESTIONS, seed=11, now=utcnow())
        for topic in plan.topics
        for key, values in topic.values.items()
        for value in values
    )
    assert stored == planned


def test_only_the_new_referrals_are_not_signed_up_on_the_demo_caseloads(client, db, demo):
    for username, expected in (("demo.pa", ["Ellis Ward", "Isaac Boateng"]), ("demo.pa2", ["Mo Rahman"])):
        signed_in_client(client, db, db.exec(select(User).where(User.username == username)).one())
        items = page(client.get("/caseload")).select("#caseload > li")
        assert (
            sorted(i.find("h2").get_text(strip=True) for i in items if "Not signed up" in i.get_text())
            == expected
        )
        client.cookies.clear()
    for person in db.exec(select(YoungPerson).where(col(YoungPerson.user_id).is_not(None))).all():
        account = db.get(User, person.user_id)
        if account.username != "demo.young":
            assert account.password_hash == "!"


def test_the_demo_pa_read_and_met_about_all_but_the_last_fortnight(db, demo):
    fortnight_ago = utcnow() - timedelta(days=14)
    sent = db.exec(select(CheckIn)).all()
    older = [c for c in sent if aware(c.submitted_at) < fortnight_ago]
    recent = [c for c in sent if aware(c.submitted_at) >= fortnight_ago]
    assert older and recent
    assert all(c.seen_at and c.actions_agreed for c in older)
    assert not any(c.seen_at or c.actions_agreed for c in recent)

"""Drafts and answers: start or resume, save a topic screen (safely twice), raise safety alerts."""

from dataclasses import dataclass

from sqlalchemy import bindparam, delete
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from app.checkins.alerts import note_changed_answers, raise_alerts, record_follow_ups, risk_answers
from app.checkins.answer_form import TopicAnswers
from app.checkins.answers import decode, questions_of
from app.checkins.models import Answer, CheckIn, Status, TopicResponse
from app.checkins.removal import remove_check_in
from app.db import utcnow
from app.people.models import YoungPerson
from app.questions.catalogue import latest_version, topic
from app.questions.loader import ensure_default_set
from app.questions.schema import Kind, Topic
from app.themes.catalogue import latest_version as latest_theme_version
from app.themes.confirmed import choose_themes


@dataclass(frozen=True)
class SavedTopic:
    risk_answered: bool
    raised: bool = False  # a new safety alert was raised by this save


def current_draft(session: Session, *, person: YoungPerson) -> CheckIn | None:
    """The young person's unfinished check-in, if there is one."""
    statement = (
        select(CheckIn)
        .where(CheckIn.young_person_id == person.id, CheckIn.status == Status.draft)
        .order_by(col(CheckIn.id).desc())
    )
    return session.exec(statement).first()


# Built once (the start page runs it on every view): the young person with this account and their
# newest unfinished check-in, if any, in one query.
_ME_AND_DRAFT = (
    select(YoungPerson, CheckIn)
    .outerjoin(
        CheckIn,
        (col(CheckIn.young_person_id) == col(YoungPerson.id)) & (col(CheckIn.status) == Status.draft),
    )
    .where(col(YoungPerson.user_id) == bindparam("user_id"))
    .order_by(col(CheckIn.id).desc())
    .limit(1)
)


def me_and_draft(session: Session, *, user_id: int) -> tuple[YoungPerson, CheckIn | None] | None:
    """The young person with this account and their unfinished check-in; None without a record."""
    row = session.exec(_ME_AND_DRAFT, params={"user_id": user_id}).first()
    return (row[0], row[1]) if row else None


def start_check_in(session: Session, *, person: YoungPerson, mode: str) -> CheckIn:
    """A new draft in the council's latest question set, replacing any unfinished one."""
    old = current_draft(session, person=person)
    if old is not None:
        remove_check_in(session, check_in=old)
    ensure_default_set(session)
    check_in = CheckIn(
        young_person_id=person.id,
        question_set_version=latest_version(session, organisation_id=person.organisation_id),
        mode=mode,
    )
    session.add(check_in)
    session.commit()
    session.refresh(check_in)
    return check_in


# Built once (a topic screen runs these on every view) on the tables' columns: plain rows, without
# the ORM's result machinery (half the CPU per query).
_ANSWER, _RESPONSE = Answer.__table__.c, TopicResponse.__table__.c  # type: ignore[attr-defined]
_SAVED_ANSWERS = (
    sa_select(_ANSWER.question_key, _ANSWER.option_key, _ANSWER.text, _ANSWER.number)
    .where(_ANSWER.check_in_id == bindparam("check_in_id"), _ANSWER.topic_key == bindparam("topic_key"))
    .order_by(_ANSWER.id)
)
_SAVED_COMMENT = sa_select(_RESPONSE.comment).where(
    _RESPONSE.check_in_id == bindparam("check_in_id"), _RESPONSE.topic_key == bindparam("topic_key")
)


def saved_topic(session: Session, *, check_in: CheckIn, topic_key: str) -> TopicAnswers:
    """What was saved for a topic, to show again when the young person comes back to it."""
    params = {"check_in_id": check_in.id, "topic_key": topic_key}
    values: dict[str, list[str]] = {}
    for question_key, option_key, text, number in session.exec(_SAVED_ANSWERS, params=params):
        values.setdefault(question_key, []).append(decode(option_key, text, number))
    comment = session.exec(_SAVED_COMMENT, params=params).scalar()
    return TopicAnswers(values=values, comment=comment or "")


def topic_response(session: Session, *, check_in: CheckIn, topic_key: str) -> TopicResponse | None:
    """The young person's record for one topic of a check-in."""
    return session.exec(
        select(TopicResponse).where(
            TopicResponse.check_in_id == check_in.id, TopicResponse.topic_key == topic_key
        )
    ).first()


def answer_rows(check_in: CheckIn, item: Topic, answers: TopicAnswers) -> list[Answer]:
    """The rows that store a topic's answers: a choice's key and score, a scale's number, words."""
    questions = {q.key: q for q in item.questions}
    rows = []
    for key, chosen in answers.values.items():
        question = questions[key]
        for value in chosen:
            row = Answer(check_in_id=check_in.id, topic_key=item.key, question_key=key)
            if question.kind is Kind.scale:
                row.number = int(value)
            elif question.kind is Kind.text:
                row.text = value
            else:
                row.option_key = value
                row.number = next((a.score for a in question.answers if a.key == value), None)
            rows.append(row)
    return rows


def save_topic(
    session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers, skipped: bool, settled: bool
) -> SavedTopic:
    """Replace the topic's answers with these; saving the same screen twice stores them once. A risk
    answer raises its alert only when settled ("Save and continue"), not while the young person is
    still choosing (autosave); an alert raised before stays, noting if its answer changed."""
    if skipped or not (answers.values or answers.comment):
        skipped, answers = True, TopicAnswers()
    try:
        session.exec(
            delete(Answer).where(col(Answer.check_in_id) == check_in.id, col(Answer.topic_key) == item.key)
        )
        session.add_all(answer_rows(check_in, item, answers))
        response = topic_response(session, check_in=check_in, topic_key=item.key) or TopicResponse(
            check_in_id=check_in.id, topic_key=item.key
        )
        response.skipped = skipped
        response.comment = answers.comment or None
        response.saved_at = check_in.updated_at = utcnow()
        session.add_all([response, check_in])
        if not answers.comment or answers.themes is not None:  # no words, no themes; else the ticks
            chosen = {item.key: answers.themes if answers.comment and answers.themes else set()}
            choose_themes(
                session, check_in_id=check_in.id or 0, chosen=chosen, version=latest_theme_version()
            )
        note_changed_answers(session, check_in=check_in, item=item, answers=answers)
        raised = settled and raise_alerts(session, check_in=check_in, item=item, answers=answers)
        session.commit()
    except IntegrityError:
        session.rollback()
        raised = False
    return SavedTopic(risk_answered=bool(risk_answers(item, answers)), raised=raised)


def first_unsaved_topic(session: Session, *, check_in: CheckIn) -> str | None:
    """Where to carry on: the first topic not yet saved, or None when every one is."""
    saved = set(
        session.exec(select(TopicResponse.topic_key).where(TopicResponse.check_in_id == check_in.id)).all()
    )
    keys = [t.key for t in questions_of(session, check_in).topics]
    return next((key for key in keys if key not in saved), None)


def find_topic(session: Session, *, check_in: CheckIn, topic_key: str) -> Topic | None:
    """The topic in the check-in's question set."""
    return topic(questions_of(session, check_in), topic_key)


def save_follow_ups(session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers) -> None:
    """Store answers to questions asked after a risk answer, leaving the topic's others alone."""
    keys = list(answers.values)
    if not keys:
        return
    session.exec(
        delete(Answer).where(col(Answer.check_in_id) == check_in.id, col(Answer.question_key).in_(keys))
    )
    session.add_all(answer_rows(check_in, item, answers))
    record_follow_ups(session, check_in=check_in, item=item, answers=answers)
    check_in.updated_at = utcnow()
    session.add(check_in)
    session.commit()

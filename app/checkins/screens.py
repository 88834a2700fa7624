"""Which screen comes next, and what each screen of the check-in needs to show."""

from typing import Any

from sqlmodel import Session

from app.checkins import service
from app.checkins.alerts import pa_to_tell, risk_answers, told_pa, topic_alerts
from app.checkins.answer_form import TopicAnswers
from app.checkins.answers import questions_of
from app.checkins.models import CheckIn
from app.forms import FormErrors
from app.people.service import current_pa
from app.questions.catalogue import asked_questions
from app.questions.schema import Question, Topic


def screen_questions(check_in: CheckIn, item: Topic) -> list[Question]:
    """The questions on a topic's screen for this check-in's mode (follow-ups come later)."""
    return [q for q in asked_questions(item, quick=check_in.mode == "quick") if not q.ask_if]


def follow_up_questions(session: Session, *, check_in: CheckIn, item: Topic) -> list[Question]:
    """Questions asked only after a particular answer, when that answer was given."""
    saved = service.saved_topic(session, check_in=check_in, topic_key=item.key)
    return [
        q for q in item.questions if q.ask_if and q.ask_if.answer in saved.values.get(q.ask_if.question, [])
    ]


def _topic_keys(session: Session, check_in: CheckIn) -> list[str]:
    return [t.key for t in questions_of(session, check_in).topics]


def resume_path(session: Session, *, check_in: CheckIn) -> str:
    """Where to carry on: the first topic not yet saved, or the check-your-answers page."""
    key = service.first_unsaved_topic(session, check_in=check_in)
    return f"/check-in/{check_in.id}/topics/{key}" if key else f"/check-in/{check_in.id}/check"


def after_topic_path(session: Session, *, check_in: CheckIn, topic_key: str) -> str:
    """The screen after a topic: the next topic, or check your answers."""
    keys = _topic_keys(session, check_in)
    position = keys.index(topic_key)
    if position + 1 < len(keys):
        return f"/check-in/{check_in.id}/topics/{keys[position + 1]}"
    return f"/check-in/{check_in.id}/check"


def carry_on_path(session: Session, *, check_in: CheckIn, item: Topic) -> str:
    """Where "Carry on" from the help panel goes: back to the topic's questions after the risk answer
    that are still unanswered, or else the next screen."""
    saved = service.saved_topic(session, check_in=check_in, topic_key=item.key)
    questions = screen_questions(check_in, item)
    risky = [
        n
        for n, q in enumerate(questions)
        if risk_answers(item, TopicAnswers({q.key: saved.values.get(q.key, [])}))
    ]
    later = questions[risky[0] + 1 :] if risky else []
    unanswered = next((q for q in later if not saved.values.get(q.key)), None)
    if unanswered is None:
        return after_topic_path(session, check_in=check_in, topic_key=item.key)
    return f"/check-in/{check_in.id}/topics/{item.key}#{unanswered.key.replace('.', '-')}"


def _previous_path(keys: list[str], check_in: CheckIn, topic_key: str) -> str:
    position = keys.index(topic_key)
    if position == 0:
        return "/check-in"
    return f"/check-in/{check_in.id}/topics/{keys[position - 1]}"


def topic_context(
    session: Session, *, check_in: CheckIn, item: Topic, answers: TopicAnswers
) -> dict[str, Any]:
    """Everything a topic screen shows."""
    keys = _topic_keys(session, check_in)
    return {
        "check_in": check_in,
        "item": item,
        "questions": screen_questions(check_in, item),
        "answers": answers,
        "errors": FormErrors(),
        "position": keys.index(item.key) + 1,
        "total": len(keys),
        "has_risk_questions": any(a.risk for q in item.questions for a in q.answers)
        or any(q.risk_answer for q in item.questions),
        "back_path": _previous_path(keys, check_in, item.key),
    }


def help_context(session: Session, *, check_in: CheckIn, item: Topic) -> dict[str, Any]:
    """The help panel after a risk answer: who was told (or will be, once the answer is saved), and
    any follow-up question."""
    alerts = topic_alerts(session, check_in=check_in, item=item)
    return {
        "raised": bool(alerts),
        "told": told_pa(session, alerts)
        if alerts
        else pa_to_tell(session, young_person_id=check_in.young_person_id),
        "has_pa": current_pa(session, young_person_id=check_in.young_person_id) is not None,
        "check_in": check_in,
        "item": item,
        "follow_ups": follow_up_questions(session, check_in=check_in, item=item),
        "answers": service.saved_topic(session, check_in=check_in, topic_key=item.key),
        "errors": FormErrors(),
        "next_path": carry_on_path(session, check_in=check_in, item=item),
    }

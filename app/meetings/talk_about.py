"""What a young person asked to talk about that no meeting has covered yet.

An ask is covered once the PA records "Actions agreed at the meeting" on the check-in it came in
or on a later one: actions are written after the meeting, so everything asked before it was there
to be talked about. Until then each ask stays on the meeting page and the caseload, however many
check-ins come after it. (The queries are app.checkins.answer_queries.open_ask_check_ins and
people_with_open_asks.)
"""

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session

from app.checkins.answer_queries import open_ask_check_ins
from app.checkins.answers import QuestionSets
from app.questions.catalogue import say, topic


@dataclass(frozen=True)
class Ask:
    check_in_id: int
    sent_at: datetime
    topics: list[str]
    words: str | None


def open_asks(session: Session, *, young_person_id: int) -> list[Ask]:
    """Each ask not covered yet, oldest first: the topics ticked (named as in the check-in's own
    question set) and anything written."""
    sets = QuestionSets(session)
    asks = []
    for check_in, keys in open_ask_check_ins(session, young_person_id=young_person_id):
        questions = sets.get(check_in.question_set_version)
        titles = [say(item.title) if (item := topic(questions, key)) else key for key in keys]
        sent = check_in.submitted_at or check_in.updated_at
        asks.append(Ask(check_in.id or 0, sent, titles, check_in.talk_about_words))
    return asks

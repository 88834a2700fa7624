"""A question set is read and validated once per process, yet never handed to the wrong database."""

import yaml
from sqlalchemy import delete, event
from sqlmodel import Session

from app.questions.catalogue import question_set, topic
from app.questions.loader import DEFAULT_FILE, ensure_default_set, load_question_set
from app.questions.models import QuestionSet


class Statements:
    """The SQL statements an engine runs while this is open."""

    def __init__(self, engine) -> None:
        self.engine, self.seen = engine, []

    def _record(self, _conn, _cursor, statement, *_args) -> None:
        self.seen.append(statement)

    def __enter__(self) -> list[str]:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self.seen

    def __exit__(self, *_exc) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)


def _changed_version_1() -> str:
    data = yaml.safe_load(DEFAULT_FILE.read_text())
    wellbeing = next(t for t in data["topics"] if t["key"] == "wellbeing")
    wellbeing["title"] = {"en": "How you have been feeling"}
    return yaml.safe_dump(data, sort_keys=False)


def test_a_session_asks_once_and_the_definition_is_read_once_per_process(engine):
    with Session(engine) as session:
        ensure_default_set(session)
        question_set(session, version=1)
    with Session(engine) as session, Statements(engine) as seen:
        first = question_set(session, version=1)
        again = question_set(session, version=1)
    assert again is first
    assert len(seen) == 1, seen  # which row it is; the definition itself is not read again
    assert "definition" not in seen[0]


def test_a_database_emptied_and_loaded_again_gets_its_own_set(engine):
    with Session(engine) as session:
        ensure_default_set(session)
        assert topic(question_set(session, version=1), "wellbeing").title["en"] == "How you feel"
    with Session(engine) as session:
        session.exec(delete(QuestionSet))
        session.commit()
        load_question_set(session, text=_changed_version_1())
    with Session(engine) as session:
        assert topic(question_set(session, version=1), "wellbeing").title["en"] == "How you have been feeling"

"""The shape of a question set file, checked with pydantic before anything is stored."""

from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]+(\.[a-z0-9_]+)?$|^[A-Z][0-9]?$")]
Texts = dict[str, Annotated[str, StringConstraints(min_length=1, max_length=300)]]
TOPIC_KEYS = (
    "employment",
    "education",
    "housing",
    "relationships",
    "wellbeing",
    "health",
    "life",
    "risk",
)


def _refuse(problems: list[str]) -> None:
    """Every problem found at once, one per line (the loader lists each with its line)."""
    if problems:
        raise ValueError("\n".join(problems))


class Kind(StrEnum):
    scale = "scale"
    choice = "choice"
    multi = "multi"
    yesno = "yesno"
    text = "text"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Answer(Strict):
    key: Key
    text: Texts
    score: int | None = None
    risk: bool = False
    exclusive: bool = False


class AskIf(Strict):
    question: Key
    answer: str


class Question(Strict):
    key: Key
    kind: Kind
    text: Texts
    hint: Texts | None = None
    headline: bool = False
    answers: list[Answer] = Field(default_factory=list)
    low: Texts | None = None
    high: Texts | None = None
    higher_is_worse: bool = False
    risk_answer: str | None = None
    ask_if: AskIf | None = None

    @model_validator(mode="after")
    def _answers_fit_the_kind(self) -> Self:
        problems = []
        if self.kind in (Kind.choice, Kind.multi) and len(self.answers) < 2:
            problems.append(f"{self.key}: a {self.kind} question needs at least two answers")
        if self.kind in (Kind.scale, Kind.yesno, Kind.text) and self.answers:
            problems.append(f"{self.key}: a {self.kind} question takes no answers list")
        if self.kind is Kind.scale and not (self.low and self.high):
            problems.append(f"{self.key}: a scale question needs 'low' and 'high' labels")
        if self.risk_answer is not None and self.kind is not Kind.yesno:
            problems.append(f"{self.key}: risk_answer is only for yesno questions")
        if self.risk_answer not in (None, "yes", "no"):
            problems.append(f"{self.key}: risk_answer must be 'yes' or 'no'")
        keys = [a.key for a in self.answers]
        if len(set(keys)) != len(keys):
            problems.append(f"{self.key}: two answers share a key")
        _refuse(problems)
        return self


class Topic(Strict):
    key: str
    title: Texts
    questions: list[Question]

    @model_validator(mode="after")
    def _one_headline_and_own_keys(self) -> Self:
        problems = []
        if self.key not in TOPIC_KEYS:
            problems.append(f"topic '{self.key}' is not one of the eight: {', '.join(TOPIC_KEYS)}")
        headlines = [q for q in self.questions if q.headline]
        if len(headlines) != 1:
            problems.append(f"topic '{self.key}' needs exactly one headline question")
        problems += [
            f"{q.key}: keys in topic '{self.key}' start '{self.key}.'"
            for q in self.questions
            if not q.key.startswith(self.key + ".")
        ]
        for headline in headlines[:1]:
            if headline.kind is Kind.choice and any(a.score is None for a in headline.answers):
                problems.append(f"{headline.key}: every answer of a headline needs a score")
            if headline.kind not in (Kind.choice, Kind.scale):
                problems.append(f"{headline.key}: a headline must be a choice or a scale")
        _refuse(problems)
        return self


class QuestionSetFile(Strict):
    version: Annotated[int, Field(ge=1)]
    title: Texts
    answer_lists: dict[str, list[Answer]] = Field(default_factory=dict)
    topics: list[Topic]

    @model_validator(mode="after")
    def _complete_and_consistent(self) -> Self:
        problems = []
        keys = [t.key for t in self.topics]
        if sorted(keys) != sorted(TOPIC_KEYS):
            problems.append(f"the set must have each of the eight topics once: {', '.join(TOPIC_KEYS)}")
        questions = {q.key: q for t in self.topics for q in t.questions}
        if len(questions) != sum(len(t.questions) for t in self.topics):
            problems.append("two questions share a key")
        languages = set(self.title)
        for question in questions.values():
            if set(question.text) != languages:
                problems.append(f"{question.key}: text must be given in {sorted(languages)}")
            if question.ask_if and question.ask_if.question not in questions:
                problems.append(f"{question.key}: asks after unknown {question.ask_if.question}")
        _refuse(problems)
        return self

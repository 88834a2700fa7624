"""A check-in, its answers per question, the young person's choices per topic, alerts raised."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, Text, UniqueConstraint, text
from sqlmodel import Column, Field, SQLModel

from app.db import utcnow

COMMENT_LIMIT = 2000


class Status(StrEnum):
    draft = "draft"
    submitted = "submitted"


class CheckIn(SQLModel, table=True):
    """One check-in by a young person, in the question set version it was started with."""

    __tablename__ = "check_in"
    __table_args__ = (
        Index("ix_check_in_young_person_status", "young_person_id", "status"),
        Index("ix_check_in_young_person_sent", "young_person_id", "submitted_at"),  # newest first
        Index(  # the few check-ins met about: is an ask covered by a later meeting (open asks)
            "ix_check_in_met_about",
            "young_person_id",
            "submitted_at",
            sqlite_where=text("actions_agreed IS NOT NULL"),
            postgresql_where=text("actions_agreed IS NOT NULL"),
        ),
        CheckConstraint("status IN ('draft', 'submitted')", name="status_known"),
        CheckConstraint("mode IN ('quick', 'full')", name="mode_known"),
    )

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id")
    question_set_version: int
    mode: str = Field(max_length=10)
    status: str = Field(default=Status.draft, max_length=10)
    started_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    submitted_at: datetime | None = None
    talk_about_words: str | None = Field(default=None, sa_column=Column(Text))
    going_well: str | None = Field(default=None, sa_column=Column(Text))
    seen_at: datetime | None = None
    seen_by_id: int | None = Field(default=None, foreign_key="user.id")
    reply: str | None = Field(default=None, sa_column=Column(Text))
    actions_agreed: str | None = Field(default=None, sa_column=Column(Text))
    replied_at: datetime | None = None
    replied_by_id: int | None = Field(default=None, foreign_key="user.id")


class Answer(SQLModel, table=True):
    """One answer: a choice or scale value, or one ticked option of a multi-select."""

    __table_args__ = (
        UniqueConstraint("check_in_id", "question_key", "option_key", name="uq_answer_one_each"),
        Index("ix_answer_question_key", "question_key", "check_in_id"),  # insights count a question at a time
        CheckConstraint("number IS NULL OR (number >= 0 AND number <= 10)", name="number_range"),
    )

    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", index=True)
    topic_key: str = Field(max_length=40)
    question_key: str = Field(max_length=80)
    option_key: str = Field(default="", max_length=40)
    number: int | None = None
    text: str | None = Field(default=None, sa_column=Column(Text))


class TopicResponse(SQLModel, table=True):
    """What the young person did with one topic: answered or skipped, their words, sharing."""

    __tablename__ = "topic_response"
    __table_args__ = (
        UniqueConstraint("check_in_id", "topic_key", name="uq_topic_response_once"),
        Index(  # the few topics a young person asked to talk about (open asks)
            "ix_topic_response_talk_about",
            "check_in_id",
            sqlite_where=text("talk_about IS 1"),
            postgresql_where=text("talk_about IS true"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", index=True)
    topic_key: str = Field(max_length=40)
    skipped: bool = False
    comment: str | None = Field(default=None, sa_column=Column(Text))
    shared: bool | None = None
    shared_at: datetime | None = None
    talk_about: bool = False
    saved_at: datetime = Field(default_factory=utcnow)


class Correction(SQLModel, table=True):
    """Words a young person added later to a shared topic; the original stays as it was."""

    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", index=True)
    topic_key: str = Field(max_length=40)
    text: str = Field(sa_column=Column(Text, nullable=False))
    created_at: datetime = Field(default_factory=utcnow)


class SafetyAlert(SQLModel, table=True):
    """A risk answer, for the PA or the team's duty queue: the answer, its follow-up (such as when
    they want contact), the time, and when the young person later changed the answer."""

    __tablename__ = "safety_alert"
    __table_args__ = (
        UniqueConstraint("check_in_id", "question_key", name="uq_safety_alert_once"),
        Index("ix_safety_alert_pa_open", "pa_id", "acknowledged_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id", index=True)
    check_in_id: int | None = Field(default=None, foreign_key="check_in.id")
    question_key: str = Field(max_length=80)
    option_key: str = Field(max_length=40)
    raised_at: datetime = Field(default_factory=utcnow)
    pa_id: int | None = Field(default=None, foreign_key="user.id")
    team_id: int | None = Field(default=None, foreign_key="team.id")
    seen_at: datetime | None = None
    acknowledged_at: datetime | None = None
    acknowledged_by_id: int | None = Field(default=None, foreign_key="user.id")
    action_taken: str | None = Field(default=None, sa_column=Column(Text))
    escalated_at: datetime | None = None
    escalated_to_id: int | None = Field(default=None, foreign_key="user.id")
    follow_up_question_key: str | None = Field(default=None, max_length=80)
    follow_up_option_key: str | None = Field(default=None, max_length=40)
    answer_changed_at: datetime | None = None

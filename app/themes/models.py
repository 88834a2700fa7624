"""Themes confirmed for a topic of a check-in: by the young person, or added by their PA."""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlmodel import Field, SQLModel

from app.db import utcnow


class AddedBy(StrEnum):
    young_person = "young_person"
    pa = "pa"


class TopicTheme(SQLModel, table=True):
    """One theme that fits what a young person wrote about a topic, with who confirmed it and in
    which version of the theme catalogue."""

    __tablename__ = "topic_theme"
    __table_args__ = (
        UniqueConstraint("check_in_id", "topic_key", "theme_key", name="uq_topic_theme_once"),
        CheckConstraint("added_by IN ('young_person', 'pa')", name="added_by_known"),
    )

    id: int | None = Field(default=None, primary_key=True)
    check_in_id: int = Field(foreign_key="check_in.id", index=True)
    topic_key: str = Field(max_length=40)
    theme_key: str = Field(max_length=40, index=True)
    added_by: str = Field(max_length=20)
    added_by_id: int | None = Field(default=None, foreign_key="user.id")  # the PA who added it
    catalogue_version: int
    added_at: datetime = Field(default_factory=utcnow)

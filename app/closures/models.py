"""A young person's request to close their account, and who confirmed it and when."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.db import utcnow


class ClosureRequest(SQLModel, table=True):
    """Asked for by the young person; confirmed (and the data erased) by their PA or an admin."""

    __tablename__ = "closure_request"

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    young_person_id: int = Field(foreign_key="young_person.id", index=True)
    requested_at: datetime = Field(default_factory=utcnow)
    confirmed_at: datetime | None = None
    confirmed_by_id: int | None = Field(default=None, foreign_key="user.id")

"""Who is who: councils, their localities and teams, user accounts, young people, PAs."""

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Column, Index, String
from sqlmodel import Field, SQLModel

from app.db import utcnow


class Role(StrEnum):
    young_person = "young_person"
    pa = "pa"
    manager = "manager"
    analyst = "analyst"
    admin = "admin"
    network_admin = "network_admin"
    network_analyst = "network_analyst"


STAFF_ROLES = (Role.pa, Role.manager, Role.analyst, Role.admin)
ROLE_CHECK = (
    "role IN ('young_person', 'pa', 'manager', 'analyst', 'admin', 'network_admin', 'network_analyst')"
)


class Organisation(SQLModel, table=True):
    """A local authority using the service."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    created_at: datetime = Field(default_factory=utcnow)


class Locality(SQLModel, table=True):
    """A district within a council, used for young people and aggregate tables."""

    __table_args__ = (Index("ix_locality_org_name", "organisation_id", "name", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    name: str = Field(max_length=120)


class Team(SQLModel, table=True):
    """A leaving-care team of PAs and a manager."""

    __table_args__ = (Index("ix_team_org_name", "organisation_id", "name", unique=True),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id")
    name: str = Field(max_length=120)


class User(SQLModel, table=True):
    """An account that can sign in: a member of staff or a young person."""

    __table_args__ = (CheckConstraint(ROLE_CHECK, name="role_known"),)

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    team_id: int | None = Field(default=None, foreign_key="team.id")
    username: str = Field(sa_column=Column(String(64), unique=True, nullable=False))
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=20)
    display_name: str = Field(max_length=120)
    email: str | None = Field(default=None, max_length=254)
    active: bool = Field(default=True)
    away: bool = Field(default=False)
    on_duty: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)
    deactivated_at: datetime | None = None


class YoungPerson(SQLModel, table=True):
    """A care leaver: the minimum the service needs to know about them."""

    __tablename__ = "young_person"
    __table_args__ = (
        Index("ix_young_person_org_child_id", "organisation_id", "council_child_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    organisation_id: int = Field(foreign_key="organisation.id", index=True)
    locality_id: int = Field(foreign_key="locality.id")
    user_id: int | None = Field(default=None, foreign_key="user.id", unique=True)
    first_name: str = Field(max_length=60)
    last_name: str = Field(max_length=60)
    date_of_birth: date
    gender: str | None = Field(default=None, max_length=40)
    council_child_id: str | None = Field(default=None, max_length=10)  # CHILD in the SSDA903 return
    created_at: datetime = Field(default_factory=utcnow)

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class PaAssignment(SQLModel, table=True):
    """A PA supporting a young person from one date to another; ended rows are kept."""

    __tablename__ = "pa_assignment"
    __table_args__ = (
        Index("ix_pa_assignment_pa_current", "pa_id", "ended_at"),
        Index("ix_pa_assignment_yp_current", "young_person_id", "ended_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id")
    pa_id: int = Field(foreign_key="user.id")
    started_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None
    next_meeting_on: date | None = None


class InviteCode(SQLModel, table=True):
    """A one-time code that lets a young person create their account; only its hash is kept."""

    __tablename__ = "invite_code"

    id: int | None = Field(default=None, primary_key=True)
    young_person_id: int = Field(foreign_key="young_person.id", index=True)
    code_hash: str = Field(max_length=64, unique=True)
    created_by_id: int = Field(foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    used_at: datetime | None = None
    revoked_at: datetime | None = None

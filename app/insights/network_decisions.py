"""Whether a council shares its tables with the network of councils: decisions recorded with who and when."""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.insights.models import NetworkDecision
from app.people.models import Organisation, User


@dataclass(frozen=True)
class Standing:
    """A council's latest decision: in or out, by whom (None: never, or the command line) and when."""

    opted_in: bool
    decided_by: str | None
    decided_at: datetime | None


def standing(session: Session, *, organisation_id: int) -> Standing:
    """The council's latest decision; a council that never decided is out."""
    row = session.exec(
        select(NetworkDecision, User)
        .outerjoin(User, col(User.id) == NetworkDecision.decided_by_id)
        .where(NetworkDecision.organisation_id == organisation_id)
        .order_by(col(NetworkDecision.id).desc())
        .limit(1)
    ).first()
    if row is None:
        return Standing(False, None, None)
    decision, who = row
    return Standing(decision.opted_in, who.display_name if who else None, decision.decided_at)


def decide(session: Session, *, organisation_id: int, actor: User | None, opted_in: bool) -> None:
    """Record the council's decision, audited as network.opted_in or network.opted_out."""
    decision = NetworkDecision(
        organisation_id=organisation_id, opted_in=opted_in, decided_by_id=actor.id if actor else None
    )
    session.add(decision)
    session.flush()
    record_event(
        session,
        actor=actor,
        organisation_id=organisation_id,
        action="network.opted_in" if opted_in else "network.opted_out",
        record_type="network_decision",
        record_id=decision.id,
    )
    session.commit()


def opted_in_councils(session: Session) -> list[tuple[int, str]]:
    """The councils whose latest decision is to share, as (id, name), by name."""
    latest = (
        select(NetworkDecision.organisation_id, func.max(NetworkDecision.id).label("last"))
        .group_by(col(NetworkDecision.organisation_id))
        .subquery()
    )
    rows = session.exec(
        select(Organisation.id, Organisation.name)
        .join(latest, latest.c.organisation_id == Organisation.id)
        .join(NetworkDecision, col(NetworkDecision.id) == latest.c.last)
        .where(col(NetworkDecision.opted_in).is_(True))
        .order_by(col(Organisation.name))
    ).all()
    return [(int(i or 0), name) for i, name in rows]

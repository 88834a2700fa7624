"""Choosing what the PA sees: submit with a choice per topic, share later, add a correction."""

from sqlmodel import Session, col, select

from app.audit.service import record_event
from app.checkins.models import CheckIn, Correction, Status, TopicResponse
from app.checkins.settled_alerts import raise_check_in_alerts
from app.db import utcnow
from app.insights.table_cache import forget
from app.notifications.mailer import queue_email
from app.people.models import User, YoungPerson
from app.people.service import current_pa
from app.themes.catalogue import latest_version
from app.themes.confirmed import choose_themes


def answered_topics(session: Session, *, check_in: CheckIn) -> list[TopicResponse]:
    """Topics the young person answered (not skipped), in the order they were saved."""
    return list(
        session.exec(
            select(TopicResponse)
            .where(TopicResponse.check_in_id == check_in.id, col(TopicResponse.skipped).is_(False))
            .order_by(TopicResponse.id)
        ).all()
    )


def submit_check_in(
    session: Session,
    *,
    check_in: CheckIn,
    shared: set[str],
    talk_about: set[str],
    talk_about_words: str,
    going_well: str,
    themes: dict[str, set[str]],
) -> bool:
    """Finish the check-in with the sharing choices and the themes ticked per topic, raising the
    alert of any risk answer not yet raised; a second submit changes nothing."""
    if check_in.status == Status.submitted:
        return False
    raise_check_in_alerts(session, check_in=check_in)
    now = utcnow()
    for response in session.exec(select(TopicResponse).where(TopicResponse.check_in_id == check_in.id)).all():
        response.shared = response.topic_key in shared and not response.skipped
        response.shared_at = now if response.shared else None
        response.talk_about = response.topic_key in talk_about
        session.add(response)
    if shared:
        pa = current_pa(session, young_person_id=check_in.young_person_id)
        if pa and pa.id and pa.active:
            queue_email(session, user_ids=[pa.id], kind="shared")
    choose_themes(session, check_in_id=check_in.id or 0, chosen=themes, version=latest_version())
    check_in.status = Status.submitted
    check_in.submitted_at = check_in.updated_at = now
    check_in.talk_about_words = talk_about_words or None
    check_in.going_well = going_well or None
    session.add(check_in)
    session.commit()
    return True


def share_later(session: Session, *, check_in: CheckIn, topic_key: str) -> bool:
    """Share a topic the young person kept to themselves; False if there is nothing to share."""
    response = session.exec(
        select(TopicResponse).where(
            TopicResponse.check_in_id == check_in.id,
            TopicResponse.topic_key == topic_key,
            col(TopicResponse.skipped).is_(False),
        )
    ).first()
    if response is None or check_in.status != Status.submitted:
        return False
    if not response.shared:
        response.shared = True
        response.shared_at = utcnow()
        session.add(response)
        forget(session, young_person_id=check_in.young_person_id, since=check_in.submitted_at)
        session.commit()
    return True


def add_correction(session: Session, *, check_in: CheckIn, topic_key: str, text: str) -> bool:
    """Add words to a shared topic; the original answers stay as they were."""
    response = session.exec(
        select(TopicResponse).where(
            TopicResponse.check_in_id == check_in.id, TopicResponse.topic_key == topic_key
        )
    ).first()
    if response is None or not response.shared or not text:
        return False
    session.add(Correction(check_in_id=check_in.id, topic_key=topic_key, text=text))
    session.commit()
    return True


def anything_shared(session: Session, *, check_in: CheckIn) -> bool:
    """Whether the PA can see any part of this check-in."""
    return (
        session.exec(
            select(TopicResponse.id).where(
                TopicResponse.check_in_id == check_in.id, col(TopicResponse.shared).is_(True)
            )
        ).first()
        is not None
    )


def stop_sharing(
    session: Session, *, actor: User, person: YoungPerson, check_in: CheckIn, topic_key: str
) -> bool:
    """Stop sharing a topic: the PA no longer sees it from now on, and the audit trail says so;
    False if it was not shared."""
    response = session.exec(
        select(TopicResponse).where(
            TopicResponse.check_in_id == check_in.id,
            TopicResponse.topic_key == topic_key,
            col(TopicResponse.shared).is_(True),
        )
    ).first()
    if response is None:
        return False
    response.shared, response.shared_at = False, None
    session.add(response)
    forget(session, young_person_id=check_in.young_person_id, since=check_in.submitted_at)
    record_event(
        session,
        actor=actor,
        organisation_id=person.organisation_id,
        action="check_in.topic_unshared",
        young_person_id=person.id,
        record_type="check_in",
        record_id=check_in.id,
    )
    session.commit()
    return True

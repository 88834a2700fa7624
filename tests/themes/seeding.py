"""Young people made straight from rows with their words about 'Money and everyday life' and the
themes they confirmed, for the analysts' table."""

from datetime import datetime

from sqlmodel import Session, col, select

from app.checkins.models import CheckIn, TopicResponse
from app.people.models import Locality
from app.themes.models import AddedBy, TopicTheme
from tests.insights.cohort import IN_Q1_2025, add_people

WORDS = "skint again SECRET-WORDS-7731"


def people_with_themes(
    db: Session,
    locality: Locality,
    count: int,
    theme_keys: list[str],
    *,
    shared: bool = True,
    when: datetime = IN_Q1_2025,
) -> None:
    """This many young people who shared (or kept) the topic, each with these themes confirmed."""
    people = add_people(db, locality, count, {"life.feeling": "not_great"}, shared=shared, when=when)
    responses = db.exec(
        select(TopicResponse)
        .join(CheckIn, col(CheckIn.id) == TopicResponse.check_in_id)
        .where(col(CheckIn.young_person_id).in_([p.id for p in people]))
    ).all()
    for response in responses:
        response.comment = WORDS
        db.add(response)
        db.add_all(
            TopicTheme(
                check_in_id=response.check_in_id,
                topic_key="life",
                theme_key=key,
                added_by=AddedBy.young_person,
                catalogue_version=1,
            )
            for key in theme_keys
        )
    db.commit()

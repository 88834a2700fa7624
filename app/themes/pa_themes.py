"""A PA adds a theme to a topic their young person shared, marked as the PA's and audited."""

from sqlmodel import Session

from app.audit.service import record_event
from app.checkins.models import CheckIn
from app.i18n import gettext as _
from app.insights.table_cache import forget
from app.people.models import User, YoungPerson
from app.themes.catalogue import latest_version, theme
from app.themes.confirmed import add_pa_theme
from app.themes.shared import is_shared_topic


def add_theme(
    session: Session, *, pa: User, person: YoungPerson, check_in: CheckIn, topic_key: str, theme_key: str
) -> tuple[bool, str | None]:
    """Add the theme to the shared topic (once). (False, None) for a topic not shared; (False, a
    message) when no theme of the catalogue was chosen."""
    if not is_shared_topic(session, check_in_id=check_in.id or 0, topic_key=topic_key):
        return False, None
    if theme(theme_key) is None:
        return False, _("Choose a theme to add")
    if add_pa_theme(
        session,
        check_in_id=check_in.id or 0,
        topic_key=topic_key,
        theme_key=theme_key,
        pa_id=pa.id or 0,
        version=latest_version(),
    ):
        record_event(
            session,
            actor=pa,
            organisation_id=person.organisation_id,
            action="theme.added",
            young_person_id=person.id,
            record_type="check_in",
            record_id=check_in.id,
        )
        forget(session, young_person_id=person.id or 0, since=check_in.submitted_at)
        session.commit()
    return True, None

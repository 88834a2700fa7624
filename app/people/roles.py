"""What each role is called on screen."""

from jinja2 import Environment

from app.i18n import gettext as _
from app.people.models import STAFF_ROLES, Role


def role_name(role: str) -> str:
    """The role as people say it."""
    names = {
        Role.young_person: _("Young person"),
        Role.pa: _("Personal Adviser (PA)"),
        Role.manager: _("Team manager"),
        Role.analyst: _("Analyst"),
        Role.admin: _("Admin"),
        Role.network_admin: _("Network admin"),
        Role.network_analyst: _("Network analyst"),
    }
    return names[Role(role)]


def role_choices() -> list[dict[str, str]]:
    """Radio items for the staff roles."""
    return [{"value": role.value, "text": role_name(role)} for role in STAFF_ROLES]


def template_globals(env: Environment) -> dict[str, object]:
    """Role names and the staff roles to choose from."""
    return {"role_name": role_name, "role_choices": role_choices}

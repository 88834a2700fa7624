"""The links each role sees in the menu; decided here, not in templates."""

from jinja2 import Environment

from app.i18n import gettext as _
from app.i18n import pgettext
from app.people.models import Role, User


def navigation_links(user: User) -> list[tuple[str, str]]:
    """(href, label) pairs for the signed-in user's menu."""
    links = {
        Role.young_person: [
            ("/me", pgettext("page", "Home")),
            ("/check-in", _("Check in")),
            ("/check-ins", _("Your check-ins")),
            ("/reminders", _("Reminders")),
        ],
        Role.pa: [
            ("/caseload", _("Caseload")),
            ("/young-people/new", _("Add a young person")),
            ("/closures", _("Closure requests")),
        ],
        Role.manager: [("/team", _("Your team"))],
        Role.analyst: [("/insights", _("Insights")), ("/sources/tables", _("Sources side by side"))],
        Role.network_analyst: [("/network", _("Network tables"))],
        Role.admin: [
            ("/admin", _("Accounts")),
            ("/admin/staff/new", _("Add staff")),
            ("/admin/teams", _("Teams")),
            ("/admin/localities", _("Localities")),
            ("/admin/exports", _("Downloads log")),
            ("/sources/903", _("Statutory return")),
            ("/closures", _("Closure requests")),
        ],
        Role.network_admin: [("/councils", _("Councils")), ("/councils/new", _("Add a council"))],
    }
    return [*links[Role(user.role)], ("/account/passphrase", _("Change passphrase"))]


def template_globals(env: Environment) -> dict[str, object]:
    """The menu for the signed-in user."""
    return {"navigation_links": navigation_links}

"""Checking the 'add a council' form: the council's name and its first admin's account."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.service import normalise_username
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.email_address import email_problem, normalise_email

NAME_LIMIT = 120


class CouncilForm(BaseModel):
    """The fields as typed by the network admin."""

    model_config = ConfigDict(extra="ignore")

    name: Annotated[str, Field(max_length=1000)] = ""
    admin_name: Annotated[str, Field(max_length=1000)] = ""
    username: Annotated[str, Field(max_length=1000)] = ""
    email: Annotated[str, Field(max_length=1000)] = ""
    passphrase: Annotated[str, Field(max_length=1000)] = ""


def check_council(form: CouncilForm, *, name_taken: bool, username_taken: bool) -> FormErrors:
    """Errors to show beside each field; empty when the council can be created."""
    errors = FormErrors()
    name = clean_text(form.name, limit=NAME_LIMIT + 1)
    if not name:
        errors.add("name", _("Enter the council's name"))
    elif len(name) > NAME_LIMIT:
        errors.add("name", _("The name must be %(limit)d characters or fewer", limit=NAME_LIMIT))
    elif name_taken:
        errors.add("name", _("There is already a council called %(name)s", name=name))
    admin_name = clean_text(form.admin_name, limit=NAME_LIMIT + 1)
    if not admin_name:
        errors.add("admin_name", _("Enter the admin's name"))
    elif len(admin_name) > NAME_LIMIT:
        errors.add("admin_name", _("The name must be %(limit)d characters or fewer", limit=NAME_LIMIT))
    username = normalise_username(form.username)
    errors.add("username", username_problem(username))
    if username_taken:
        errors.add("username", _("That username is taken. Try another one."))
    errors.add("email", email_problem(normalise_email(form.email), required=True))
    errors.add("passphrase", passphrase_problem(form.passphrase, context_words=(username, name)))
    return errors

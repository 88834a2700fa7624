"""Who may load the council's statutory return: its admins and analysts."""

from typing import Annotated

from fastapi import Depends

from app.auth.dependencies import allow
from app.people.models import Role, User

AdminOrAnalyst = Annotated[User, Depends(allow(Role.admin, Role.analyst))]

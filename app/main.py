"""create_app(): wiring only."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio
from fastapi import Depends, FastAPI
from sqlalchemy import Engine
from starlette.middleware.gzip import GZipMiddleware

from app.auth import account_routes, sign_up_routes
from app.auth import routes as auth_routes
from app.auth.dependencies import csrf_context, csrf_protect, optional_user
from app.checkins import (
    charts,
    finish_routes,
    flow_routes,
    history_routes,
    my_data_routes,
    who_has_looked_routes,
)
from app.closures import routes as closure_routes
from app.db import make_engine
from app.i18n_middleware import LanguageMiddleware
from app.insights import export_log_routes, network_decision_routes, network_routes
from app.insights import routes as insight_routes
from app.jobs.scheduler import run_on_schedule
from app.meetings import alert_routes, team_routes
from app.meetings import routes as meeting_routes
from app.pages import navigation
from app.pages import routes as page_routes
from app.people import (
    admin_routes,
    council_routes,
    handover_routes,
    locality_routes,
    roles,
    team_admin_routes,
    young_person_routes,
)
from app.questions import fields as question_fields
from app.questions import set_routes as question_set_routes
from app.reminders import routes as reminder_routes
from app.settings import Settings, get_settings
from app.sources import child_id_routes, my_record_routes, table_routes
from app.sources import routes as source_routes
from app.templating import STATIC_DIR, Templates, make_templates
from app.themes import routes as theme_routes
from app.web.errors import install_error_pages
from app.web.logs import configure_logging
from app.web.security import SecurityMiddleware
from app.web.static import PrecompressedStaticFiles

TEMPLATE_GLOBALS = (
    question_fields.template_globals,
    charts.template_globals,
    roles.template_globals,
    navigation.template_globals,
)


def app_templates(settings: Settings) -> Templates:
    """The one template environment, with every domain's globals and the CSRF token on each page."""
    return make_templates(settings, template_globals=TEMPLATE_GLOBALS, context_processors=(csrf_context,))


@asynccontextmanager
async def run_jobs_while_serving(app: FastAPI) -> AsyncIterator[None]:
    """Run the scheduled jobs in this process while it serves (JOBS_EVERY_SECONDS=0: never)."""
    async with anyio.create_task_group() as tasks:
        if app.state.settings.jobs_every_seconds:
            tasks.start_soon(run_on_schedule, app.state.engine, app.state.settings)
        yield
        tasks.cancel_scope.cancel()


def create_app(settings: Settings | None = None, engine: Engine | None = None) -> FastAPI:
    """The Check-in web app for these settings (and an engine to share, in tests)."""
    settings = settings or get_settings()
    configure_logging()
    app = FastAPI(
        title="Check-in",
        docs_url=None,
        redoc_url=None,
        openapi_url=None if settings.is_production else "/openapi.json",
        dependencies=[Depends(csrf_protect), Depends(optional_user)],
        lifespan=run_jobs_while_serving,
    )
    app.state.settings = settings
    app.state.engine = engine or make_engine(settings.database_url)
    app.state.templates = app_templates(settings)
    routers = (
        page_routes,
        auth_routes,
        account_routes,
        sign_up_routes,
        young_person_routes,
        admin_routes,
        locality_routes,
        team_admin_routes,
        question_set_routes,
        council_routes,
        handover_routes,
        flow_routes,
        finish_routes,
        history_routes,
        my_data_routes,
        who_has_looked_routes,
        meeting_routes,
        alert_routes,
        team_routes,
        insight_routes,
        export_log_routes,
        network_decision_routes,
        network_routes,
        closure_routes,
        child_id_routes,
        source_routes,
        theme_routes,
        my_record_routes,
        reminder_routes,
        table_routes,
    )
    for module in routers:
        app.include_router(module.router)
    app.mount("/static", PrecompressedStaticFiles(directory=STATIC_DIR), name="static")
    install_error_pages(app)
    app.add_middleware(LanguageMiddleware, settings=settings)
    app.add_middleware(GZipMiddleware, minimum_size=500)
    app.add_middleware(SecurityMiddleware, settings=settings)
    return app

"""The direction of imports, checked: the shared web layer knows no domain, services know no web."""

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
DOMAINS = {
    "audit",
    "auth",
    "checkins",
    "closures",
    "demo",
    "insights",
    "jobs",
    "lifecycle",
    "meetings",
    "notifications",
    "pages",
    "people",
    "questions",
    "themes",
    "reminders",
}
SHARED = ["db.py", "forms.py", "i18n.py", "i18n_middleware.py", "settings.py", "templating.py", "web"]
# Modules whose job is the web: routes, request dependencies, cookies, after-response tasks.
WEB_GLUE_NAMES = {"dependencies.py", "cookies.py", "background.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def modules(*names: str) -> list[Path]:
    paths: list[Path] = []
    for name in names:
        target = APP / name
        paths.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target])
    return paths


def _domain(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "app" and parts[1] in DOMAINS else None


@pytest.mark.parametrize("path", modules(*SHARED), ids=lambda p: str(p.relative_to(APP)))
def test_the_shared_web_layer_imports_no_domain(path):
    domains = {_domain(m) for m in imported_modules(path)} - {None}
    assert not domains, f"{path.relative_to(APP)} imports {sorted(domains)}"


def _is_web_glue(path: Path) -> bool:
    return path.name.endswith("routes.py") or path.name in WEB_GLUE_NAMES


SERVICES = [p for d in sorted(DOMAINS) for p in modules(d) if not _is_web_glue(p)]


@pytest.mark.parametrize("path", SERVICES, ids=lambda p: str(p.relative_to(APP)))
def test_no_service_imports_the_web_framework(path):
    web = {m for m in imported_modules(path) if m.split(".")[0] in {"fastapi", "starlette"}}
    assert not web, f"{path.relative_to(APP)} imports {sorted(web)}"


# The tables that hold stored answers: meetings and insights reach them only through the read model
# (app.checkins.answers) or its query module (app.checkins.answer_queries), so one place decides what
# an answer means and which question set version it is read with.
ANSWER_TABLES = {"Answer", "TopicResponse", "Correction"}


def imported_names(path: Path, module: str) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == module
        for alias in node.names
    }


@pytest.mark.parametrize("path", modules("meetings", "insights"), ids=lambda p: str(p.relative_to(APP)))
def test_meetings_and_insights_reach_stored_answers_only_through_the_read_model(path):
    tables = imported_names(path, "app.checkins.models") & ANSWER_TABLES
    assert not tables, f"{path.relative_to(APP)} imports {sorted(tables)}: use app.checkins.answers"

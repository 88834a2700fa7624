"""One Chromium per session, the app served for real per test, and phone-sized tabs.

Playwright is imported inside the fixtures, never at the top: without it, each test module
skips (or fails, with REQUIRE_BROWSER=1) when it imports tests.browser.support, with a reason.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import uvicorn
from fastapi import FastAPI

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

    from tests.browser.support import PageLog

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SERVER_START_SECONDS = 10


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    from playwright.sync_api import Error, sync_playwright

    from tests.browser.support import browser_unavailable

    if not CHROMIUM.exists():
        browser_unavailable(f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            browser_unavailable(f"Chromium at {CHROMIUM} would not start: {error.message}")
        yield browser
        browser.close()


def wait_until_started(server: uvicorn.Server, thread: threading.Thread) -> None:
    deadline = time.monotonic() + SERVER_START_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app server did not start")
        time.sleep(0.01)


@pytest.fixture
def live_server(web_app: FastAPI) -> Iterator[str]:
    """The app on a free local port, served by uvicorn in a thread; its base URL."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        port = listener.getsockname()[1]
        config = uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning", ws="none")
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [listener]}, name="live-server", daemon=True
        )
        thread.start()
        try:
            wait_until_started(server, thread)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=SERVER_START_SECONDS)


@pytest.fixture
def new_page(chromium: Browser, live_server: str) -> Iterator[Callable[..., Page]]:
    """Opens a tab in a fresh browser, phone-sized unless a viewport is given (no shared cookies);
    its pages must be checked."""
    from tests.browser.support import PHONE, watch

    contexts: list[BrowserContext] = []
    logs: list[PageLog] = []

    def open_page(*, javascript: bool = True, viewport: dict[str, int] = PHONE) -> Page:
        context = chromium.new_context(
            base_url=live_server,
            viewport=viewport,
            is_mobile=viewport == PHONE,
            java_script_enabled=javascript,
        )
        contexts.append(context)
        page = context.new_page()
        logs.append(watch(page, javascript=javascript))
        return page

    yield open_page
    for context in contexts:
        context.close()
    unchecked = [url for log in logs for url in log.unchecked()]
    if unchecked:
        pytest.fail(f"pages loaded but never checked with check_page(): {unchecked}")


@pytest.fixture
def page(new_page: Callable[..., Page]) -> Page:
    """A tab in a fresh phone-sized browser with JavaScript on."""
    return new_page()

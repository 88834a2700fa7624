"""A real uvicorn server on a throwaway SQLite database with the demo data, for benchmarks."""

import logging
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from sqlmodel import Session

from app import migrate
from app.db import make_engine
from app.demo.council import load_demo_data
from app.main import create_app
from app.questions.loader import ensure_default_set
from app.settings import Settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def demo_server() -> Iterator[str]:
    """Serve the app with the demo council loaded; yields its base URL."""
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(database_url=f"sqlite:///{Path(folder) / 'bench.db'}", environment="development")
        engine = make_engine(settings.database_url)
        migrate.upgrade(engine)
        with Session(engine) as session:
            ensure_default_set(session)
            load_demo_data(session, settings=settings)
        port = free_port()
        app = create_app(settings, engine=engine)
        logging.getLogger("checkin").setLevel(logging.WARNING)
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        server = uvicorn.Server(config)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            server.should_exit = True
            thread.join(timeout=10)
            engine.dispose()

"""A local stand-in for GOV.UK Notify (which cannot run here): a real HTTP server answering the
endpoints notifications-python-client calls, checking each request's JWT as Notify does."""

import json
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt

SERVICE_ID = str(uuid.UUID(int=1))
SECRET = str(uuid.UUID(int=2))
API_KEY = f"checkin_test-{SERVICE_ID}-{SECRET}"
SMS_TEMPLATE_ID = str(uuid.UUID(int=3))


@dataclass
class NotifyState:
    texts: list[dict[str, Any]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    refused: int = 0
    down: bool = False

    def reply(self, number: str, content: str, *, at: datetime | None = None) -> None:
        """A young person texts the service's number back (newest first, as Notify lists them)."""
        moment = at or datetime.now(UTC)
        self.received.insert(
            0,
            {
                "id": str(uuid.uuid4()),
                "user_number": number,
                "notify_number": "07700900000",
                "content": content,
                "created_at": moment.isoformat().replace("+00:00", "Z"),
                "service_id": SERVICE_ID,
            },
        )

    def bodies(self) -> list[str]:
        return [text["personalisation"]["message"] for text in self.texts]


def _handler(state: NotifyState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            return

        def _authorised(self) -> bool:
            token = self.headers.get("Authorization", "").removeprefix("Bearer ")
            try:
                claims = jwt.decode(token, SECRET, algorithms=["HS256"], options={"require": ["iss", "iat"]})
            except jwt.PyJWTError:
                return False
            return claims["iss"] == SERVICE_ID

        def _answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _refuse(self) -> bool:
            if state.down:
                self._answer(500, {"status_code": 500, "errors": [{"error": "Exception", "message": "down"}]})
                return True
            if not self._authorised():
                state.refused += 1
                error = {"error": "AuthError", "message": "Invalid token"}
                self._answer(403, {"status_code": 403, "errors": [error]})
                return True
            return False

        def do_POST(self) -> None:  # noqa: N802 - http.server's hook name
            if self._refuse():
                return
            body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            if self.path != "/v2/notifications/sms" or body.get("template_id") != SMS_TEMPLATE_ID:
                self._answer(400, {"status_code": 400, "errors": [{"error": "BadRequestError"}]})
                return
            state.texts.append(body)
            reply = {
                "id": str(uuid.uuid4()),
                "reference": body.get("reference"),
                "content": {"body": body["personalisation"]["message"], "from_number": "CheckIn"},
                "template": {"id": SMS_TEMPLATE_ID, "version": 1, "uri": "/v2/template"},
            }
            self._answer(201, reply)

        def do_GET(self) -> None:  # noqa: N802 - http.server's hook name
            if self._refuse():
                return
            if not self.path.startswith("/v2/received-text-messages"):
                self._answer(404, {"status_code": 404, "errors": [{"error": "NotFound"}]})
                return
            self._answer(200, {"received_text_messages": state.received, "links": {"current": self.path}})

    return Handler


@contextmanager
def notify_server() -> Iterator[tuple[NotifyState, str]]:
    state = NotifyState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()

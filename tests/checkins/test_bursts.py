"""A burst of simultaneous requests to one process is answered, none left waiting for the pool.

Sync handlers run in a pool of 40 threads and a request keeps its database connection from its
first query until it is answered; with 15 connections, 60 requests at once used to leave every
thread waiting for a connection held by a request that was itself waiting for a thread, until the
pool's 30 s timeout (docs/deployment.md). Requests now wait their turn before they take a session.
"""

import time
from concurrent.futures import ThreadPoolExecutor

import anyio
import httpx2
from sqlmodel import select

from app.auth.sessions import start_session
from app.checkins import service
from app.db import REQUESTS_WITH_A_SESSION
from app.people.models import YoungPerson

BURST = 4 * REQUESTS_WITH_A_SESSION


def test_a_burst_of_topic_screens_is_answered_without_waiting_for_the_pool(web_app, db, world):
    token = start_session(db, user=world.young_user)
    person = db.exec(select(YoungPerson).where(YoungPerson.user_id == world.young_user.id)).one()
    check_in = service.start_check_in(db, person=person, mode="full")
    cookies = {web_app.state.settings.session_cookie_name: token}
    statuses: list[int] = []

    async def burst() -> None:
        transport = httpx2.ASGITransport(app=web_app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://test", cookies=cookies) as client:

            async def one(n: int) -> None:
                topic = ("employment", "wellbeing", "risk")[n % 3]
                response = await client.get(f"/check-in/{check_in.id}/topics/{topic}")
                statuses.append(response.status_code)

            with anyio.fail_after(25):  # the pool's own timeout is 30 s
                async with anyio.create_task_group() as group:
                    for n in range(BURST):
                        group.start_soon(one, n)

    started = time.monotonic()
    with ThreadPoolExecutor(1) as thread:  # its own thread: the browser tests' event loop may own this one
        thread.submit(anyio.run, burst).result()
    assert statuses == [200] * BURST, sorted(set(statuses))
    assert time.monotonic() - started < 25

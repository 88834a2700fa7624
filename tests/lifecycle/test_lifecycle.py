"""Backups bring back every check-in; retention deletes only old unshared ones; audit is append-only."""

import os
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session, func, select

from app.audit.models import AuditEvent
from app.audit.service import record_event
from app.checkins.models import Answer, CheckIn, SafetyAlert
from app.db import make_engine, utcnow
from app.lifecycle.backup import BackupError, backup, restore
from app.lifecycle.models import RetentionRun
from app.lifecycle.retention import run_retention
from tests.checkins.journey import Journey
from tests.web import signed_in_client


def _check_ins(client, db, world, count: int) -> None:
    signed_in_client(client, db, world.young_user)
    for n in range(count):
        journey = Journey(client)
        journey.start()
        journey.answer("wellbeing", {"wellbeing.life_satisfaction": str(n % 11), "comment": f"words {n}"})
        journey.answer("risk", {"risk.unsafe_now": "yes"})
        journey.finish({"wellbeing": "share" if n % 2 else "keep", "risk": "keep"})


def _counts(engine) -> tuple[int, int, int]:
    with Session(engine) as session:
        return tuple(
            session.exec(select(func.count()).select_from(m)).one() for m in (CheckIn, Answer, SafetyAlert)
        )


def test_a_restore_brings_back_every_check_in(client, db, world, engine, tmp_path):
    _check_ins(client, db, world, 3)
    before = _counts(engine)
    target = tmp_path / "backup.dump"
    backup(engine.url.render_as_string(hide_password=False), target)
    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM answer"))
        restore(engine.url.render_as_string(hide_password=False), target)
        assert _counts(engine) == before
        print(
            f"\nrestore, sqlite: (check-ins, answers, alerts) {before} backed up, {_counts(engine)} restored"
        )
        return
    name = f"checkin_restore_{os.getpid()}"
    admin = create_engine(engine.url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
        connection.execute(text(f"CREATE DATABASE {name}"))
    restored = make_engine(engine.url.set(database=name).render_as_string(hide_password=False))
    try:
        restore(restored.url.render_as_string(hide_password=False), target)
        assert _counts(restored) == before
        print(
            f"\nrestore, postgresql: (check-ins, answers, alerts) {before} backed up, {_counts(restored)} restored"
        )
    finally:
        restored.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()


def test_restoring_a_missing_file_says_so(engine, tmp_path):
    with pytest.raises(BackupError, match="no backup file"):
        restore(engine.url.render_as_string(hide_password=False), tmp_path / "nothing.dump")


def test_retention_deletes_only_old_unshared_check_ins_and_records_the_count(client, db, world):
    _check_ins(client, db, world, 4)
    later = utcnow() + timedelta(days=400)
    run = run_retention(db, keep_days=365, now=later)
    assert run.check_ins_deleted == 2
    db.expire_all()
    left = db.exec(select(CheckIn)).all()
    assert len(left) == 2
    assert len(db.exec(select(SafetyAlert)).all()) == 4
    assert [r.check_ins_deleted for r in db.exec(select(RetentionRun)).all()] == [2]
    assert run_retention(db, keep_days=365, now=utcnow()).check_ins_deleted == 0


def test_the_audit_trail_cannot_be_changed_or_deleted_by_the_application(db, world):
    record_event(db, actor=world.pa, organisation_id=world.org.id, action="meeting.viewed")
    db.commit()
    row = db.exec(select(AuditEvent)).first()
    row.action = "nothing.happened"
    with pytest.raises(PermissionError):
        db.commit()
    db.rollback()
    db.delete(db.exec(select(AuditEvent)).first())
    with pytest.raises(PermissionError):
        db.commit()

"""Staff accounts, console sessions and the audit log.

Passwords are stored as argon2 hashes and session tokens as SHA-256 hashes, so a copy of the database
gives no way to log in.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.storage.models import AuditEntry, Staff, StaffSession, utcnow

ROLES = ("advisor", "editor", "coordinator", "admin")
_HASHER = PasswordHasher()
# Verifying against a fixed hash when the user does not exist keeps the timing of "no such user" and
# "wrong password" alike.
_DUMMY_HASH = _HASHER.hash(secrets.token_urlsafe(16))


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login attempt; `token` is set on success."""

    staff: Staff | None
    token: str | None = None
    locked_until: datetime | None = None


class StaffRepository:
    """Staff operations for one unit of work."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def add(self, username: str, password: str, role: str, languages: str = "") -> Staff:
        """Create an account.

        Raises:
            ValueError: unknown role, a short password, or the name is taken.
        """
        if role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if len(password) < 10:
            raise ValueError("the password must have at least 10 characters")
        if await self.by_username(username) is not None:
            raise ValueError(f"user {username!r} exists already")
        staff = Staff(username=username, password_hash=_HASHER.hash(password), role=role, languages=languages)
        self.session.add(staff)
        await self.session.flush()
        return staff

    async def by_username(self, username: str) -> Staff | None:
        return await self.session.scalar(select(Staff).where(Staff.username == username))

    async def login(
        self,
        username: str,
        password: str,
        *,
        max_failures: int,
        lockout: timedelta,
        session_length: timedelta,
    ) -> LoginResult:
        """Check a password; lock the account after repeated failures; open a session on success."""
        staff = await self.by_username(username)
        now = utcnow()
        if staff is None or not staff.active:
            _verify(_DUMMY_HASH, password)
            return LoginResult(None)
        if staff.locked_until is not None and staff.locked_until > now:
            return LoginResult(None, locked_until=staff.locked_until)
        if not _verify(staff.password_hash, password):
            staff.failed_logins += 1
            if staff.failed_logins >= max_failures:
                staff.locked_until, staff.failed_logins = now + lockout, 0
                return LoginResult(None, locked_until=staff.locked_until)
            return LoginResult(None)
        staff.failed_logins, staff.locked_until = 0, None
        if _HASHER.check_needs_rehash(staff.password_hash):
            staff.password_hash = _HASHER.hash(password)
        token = secrets.token_urlsafe(32)
        self.session.add(
            StaffSession(
                token_hash=_token_hash(token),
                staff_id=staff.id,
                csrf_token=secrets.token_urlsafe(32),
                expires_at=now + session_length,
            )
        )
        return LoginResult(staff, token)

    async def session_for(self, token: str, session_length: timedelta) -> tuple[Staff, StaffSession] | None:
        """The live session behind a cookie token, extended on use (idle timeout)."""
        record = await self.session.get(StaffSession, _token_hash(token))
        now = utcnow()
        if record is None or record.expires_at <= now:
            return None
        staff = await self.session.get(Staff, record.staff_id)
        if staff is None or not staff.active:
            return None
        record.expires_at = now + session_length
        return staff, record

    async def logout(self, token: str) -> None:
        await self.session.execute(delete(StaffSession).where(StaffSession.token_hash == _token_hash(token)))

    def audit(
        self,
        staff: Staff | None,
        action: str,
        target: str | None = None,
        remote: str | None = None,
        username: str | None = None,
    ) -> None:
        """Record a staff action (login, logout, claim, publish…)."""
        self.session.add(
            AuditEntry(
                staff_id=staff.id if staff else None,
                username=staff.username if staff else username,
                action=action,
                target=target,
                remote=remote,
            )
        )


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False

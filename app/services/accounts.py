"""Accounts of the ministry server: roles, argon2 password hashes, session tokens that expire and can be
revoked, and sign-in throttling (after five failures in a row each further attempt waits longer)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select
from sqlmodel import Session

from app.errors import KpiDeskError, ValidationError
from app.models import AccessToken, Account, Unit, utcnow

ROLES = ("admin", "secretary", "focal_point", "member")
ROLE_TH = {"admin": "ผู้ดูแลระบบ", "secretary": "ฝ่ายเลขานุการ", "focal_point": "ผู้ประสานงานตัวชี้วัดของหน่วยงาน",
           "member": "กรรมการ"}
TOKEN_HOURS = 12
FREE_FAILURES = 5            # failures in a row before sign-in slows down
MAX_WAIT = timedelta(minutes=15)


class SignInRefused(KpiDeskError):
    """Wrong name or password, an inactive account, or a token that is unknown, expired or revoked."""


class SlowDown(KpiDeskError):
    """Too many failed sign-ins in a row: try again after ``wait`` seconds."""

    def __init__(self, wait: int) -> None:
        self.wait = wait
        super().__init__(f"ลงชื่อเข้าใช้ผิดหลายครั้งติดกัน กรุณารอ {wait} วินาทีแล้วลองใหม่", f"wait {wait} s")


@dataclass(frozen=True)
class Who:
    """The signed-in account, as the server's rules need it."""

    id: uuid.UUID
    username: str
    role: str
    unit_id: uuid.UUID | None
    display_name: str = ""


def _hasher():
    from argon2 import PasswordHasher
    return PasswordHasher()


def _aware(t: datetime | None) -> datetime | None:
    return t if t is None or t.tzinfo else t.replace(tzinfo=timezone.utc)


def create_account(session: Session, *, username: str, password: str, role: str, unit_code: str | None = None,
                   display_name: str = "") -> Who:
    username = (username or "").strip()
    if not username or len(username) > 64 or any(c.isspace() for c in username):
        raise ValidationError(["ชื่อผู้ใช้ต้องไม่ว่าง ไม่มีช่องว่าง และยาวไม่เกิน ๖๔ ตัวอักษร"], "bad username")
    if role not in ROLES:
        raise ValidationError([f"บทบาทต้องเป็นหนึ่งใน {', '.join(ROLES)}"], "unknown role")
    if len(password or "") < 8:
        raise ValidationError(["รหัสผ่านต้องยาวอย่างน้อย ๘ ตัวอักษร"], "password too short")
    unit_id = None
    if role == "focal_point":
        unit = session.execute(select(Unit).where(Unit.code == (unit_code or ""))).scalar()
        if unit is None:
            raise ValidationError([f"ไม่พบหน่วยงานรหัส “{unit_code}” ของผู้ประสานงานตัวชี้วัด" if unit_code else
                                   "ผู้ประสานงานตัวชี้วัดต้องระบุรหัสหน่วยงานที่ดูแล (เช่น PCD)"], "no unit")
        unit_id = unit.id
    if session.execute(select(Account.id).where(Account.username == username)).first():
        raise ValidationError([f"มีชื่อผู้ใช้ “{username}” อยู่แล้ว"], "username taken")
    row = Account(username=username, display_name=display_name or username, role=role, unit_id=unit_id,
                  password_hash=_hasher().hash(password))
    session.add(row)
    session.flush()
    return _who(row)


def _who(a: Account) -> Who:
    return Who(a.id, a.username, a.role, a.unit_id, a.display_name)


def _account(session: Session, username: str) -> Account | None:
    return session.execute(select(Account).where(Account.username == (username or "").strip())).scalar()


def sign_in(session: Session, username: str, password: str, now: datetime | None = None) -> tuple[str, Who]:
    """A new token for a right name and password; failures are counted (and the count kept even though
    the caller's answer is a refusal: commit the session whatever this raises)."""
    from argon2.exceptions import VerificationError, InvalidHashError
    now = now or utcnow()
    account = _account(session, username)
    if account is None:
        _hasher().hash("spend the same time as a real check")
        raise SignInRefused("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง", "wrong name or password")
    locked = _aware(account.locked_until)
    if locked is not None and locked > now:
        raise SlowDown(int((locked - now).total_seconds()) + 1)
    try:
        _hasher().verify(account.password_hash, password or "")
        good = account.active
    except (VerificationError, InvalidHashError):
        good = False
    if not good:
        account.failed_logins += 1
        over = account.failed_logins - FREE_FAILURES
        if over >= 0:
            account.locked_until = now + min(timedelta(seconds=2 ** over), MAX_WAIT)
        session.add(account)
        session.flush()
        raise SignInRefused("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง" if account.active else "บัญชีนี้ถูกระงับการใช้งาน",
                            "wrong name or password")
    account.failed_logins, account.locked_until = 0, None
    session.add(account)
    token = secrets.token_urlsafe(32)
    session.add(AccessToken(account_id=account.id, token_hash=_digest(token), expires_at=now + timedelta(hours=TOKEN_HOURS)))
    session.flush()
    return token, _who(account)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_token(session: Session, token: str, now: datetime | None = None) -> Who:
    now = now or utcnow()
    row = session.execute(select(AccessToken).where(AccessToken.token_hash == _digest(token or ""))).scalar()
    if row is None or row.revoked_at is not None or _aware(row.expires_at) <= now:
        raise SignInRefused("ต้องลงชื่อเข้าใช้ใหม่ (โทเคนไม่ถูกต้อง หมดอายุ หรือถูกยกเลิกแล้ว)", "token not valid")
    account = session.get(Account, row.account_id)
    if account is None or not account.active:
        raise SignInRefused("บัญชีนี้ถูกระงับการใช้งาน", "account inactive")
    return _who(account)


def revoke_token(session: Session, token: str) -> None:
    row = session.execute(select(AccessToken).where(AccessToken.token_hash == _digest(token or ""))).scalar()
    if row is not None and row.revoked_at is None:
        row.revoked_at = utcnow()
        session.add(row)
        session.flush()


def account_list(session: Session) -> list[Who]:
    return [_who(a) for a in session.execute(select(Account).order_by(Account.username)).scalars()]


def copy_scope(session: Session, username: str) -> tuple[bool, uuid.UUID | None]:
    """Whether ``username`` is an active account, and the unit its copy is limited to (a focal point's):
    what a copy's rows are prepared for while its sign-in is checked. Says nothing to the caller."""
    a = _account(session, username)
    if a is None or not a.active:
        return False, None
    return True, a.unit_id if a.role == "focal_point" else None

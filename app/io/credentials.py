"""Where a desktop keeps its ministry-server session token: the operating system's keyring (``keyring``:
Windows Credential Manager, macOS Keychain, the Secret Service on Linux), never a file. Where the machine
has no keyring nothing is kept and the password is asked at each sign-in."""

from __future__ import annotations

KEYRING_SERVICE = "kpi-desk"


def _keyring():
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring
    except ImportError:
        return None
    return None if isinstance(keyring.get_keyring(), NoKeyring) else keyring


def remember_token(server: str, username: str, token: str | None) -> None:
    ring = _keyring()
    if ring is not None:
        try:
            ring.set_password(KEYRING_SERVICE, f"{server}|{username}", token or "")
        except Exception:       # noqa: BLE001 - a keyring that refuses: the password is asked next time
            pass


def recall_token(server: str, username: str) -> str | None:
    ring = _keyring()
    try:
        return (ring.get_password(KEYRING_SERVICE, f"{server}|{username}") or None) if ring else None
    except Exception:           # noqa: BLE001
        return None



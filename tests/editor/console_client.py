"""Driving the console like a browser does in aiohttp tests: log in, read CSRF tokens, submit forms."""

from __future__ import annotations

import re

from aiohttp import web
from aiohttp.test_utils import TestClient

from tests.editor.conftest import PASSWORD

Client = TestClient[web.Request, web.Application]
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def log_in(client: Client, username: str) -> str:
    """Log in through the form; returns the CSRF token of the new session."""
    page = await client.get("/console/login")
    token = CSRF.search(await page.text())
    assert token is not None
    response = await client.post(
        "/console/login",
        data={"csrf": token.group(1), "username": username, "password": PASSWORD, "next": "/console"},
        allow_redirects=False,
    )
    assert response.status == 302, await response.text()
    home = await client.get("/console")
    session_token = CSRF.search(await home.text())
    assert session_token is not None
    return session_token.group(1)


def field(html: str, name: str) -> str:
    """The value of a hidden or text input in a page."""
    match = re.search(rf'name="{name}" value="([^"]*)"', html)
    assert match is not None, name
    return match.group(1)

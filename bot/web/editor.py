"""The content editors' pages in the staff console: topics, editing with preview, history, training, inbox.

Handlers only translate HTTP: they read the form, call `bot.editor.workflow` (or the inbox and training
modules), and answer with a page or a redirect. A redirect carries a short `done` code that the page shows
as a sentence. Every route is for editors (and admins); an unknown topic or a form with missing fields
sends the editor back to a page that says so, never to an error page.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from aiohttp import web
from sqlalchemy.exc import IntegrityError

from bot.editor import inbox, pages, training, workflow
from bot.editor.diff import changes
from bot.editor.documents import LanguageEdit, with_input
from bot.editor.preview import render
from bot.editor.retrain import RetrainUnavailable, retrain
from bot.editor.runtime import EditorRuntime
from bot.editor.store import EditConflict, TopicNotFound, TopicStore
from bot.i18n import request_language
from bot.storage.models import Staff
from bot.storage.staff_repo import StaffRepository
from bot.web import console
from bot.web.auth import current_staff, requires
from content.model import LANGUAGES

BASE = "/console/editor"
RUNTIME: web.AppKey[EditorRuntime] = web.AppKey("editor_runtime", EditorRuntime)
ROLES = ("editor",)


def _(text: str) -> str:
    """Marks a UI string for extraction by `make i18n`; it is translated when shown."""
    return text


AREA = console.Area(BASE, _("Guide editor"), frozenset(ROLES))


def _staff(request: web.Request) -> Staff:
    staff = current_staff(request)
    assert staff is not None, "requires() lets only logged-in staff through"
    return staff


def _to(path: str, **query: str) -> web.HTTPFound:
    """A redirect to an editor page, with the notice to show there."""
    if not query:
        return web.HTTPFound(path)
    return web.HTTPFound(f"{path}{'&' if '?' in path else '?'}{urlencode(query)}")


def _url(kind: str, topic_id: str, language: str | None = None) -> str:
    """An editor page of a topic; the id is quoted, since it comes from the URL and may be anything."""
    path = f"{BASE}/{kind}/{quote(topic_id, safe='.')}"
    return f"{path}/{language}" if language else path


def _int(value: Any) -> int | None:
    try:
        return int(str(value))
    except ValueError:
        return None


def _language(request: web.Request) -> str | None:
    language = request.match_info.get("language", "")
    return language if language in LANGUAGES else None


def _render(template: str, request: web.Request, values: dict[str, Any], status: int = 200) -> web.Response:
    values = {
        "base": BASE,
        "done": request.query.get("done", ""),
        "query": dict(request.query),
        "path": request.path,
        **values,
    }
    response = console.render(template, request, values)
    response.set_status(status)
    return response


# --- topics -------------------------------------------------------------------------------------------------


@requires(*ROLES)
async def topic_list(request: web.Request) -> web.Response:
    query, runtime = request.query, request.app[RUNTIME]
    filters = pages.Filters(
        query.get("q", "").strip(),
        query.get("domain", ""),
        query.get("language", ""),
        query.get("status", ""),
    )
    async with runtime.sessions() as session:
        values = await pages.topic_list(session, runtime, request_language(), filters)
    values["domains"] = runtime.guide.domains
    return _render("console/editor_topics.html", request, values)


@requires(*ROLES)
async def topic_page(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    async with runtime.sessions() as session:
        try:
            values = await pages.topic_page(session, runtime, request.match_info["topic_id"])
        except TopicNotFound:
            raise _to(BASE, done="not_found") from None
    return _render("console/editor_topic.html", request, values)


@requires(*ROLES)
async def publish_draft(request: web.Request) -> web.Response:
    topic_id = request.match_info["topic_id"]
    form = await request.post()
    version = _int(form.get("version", ""))
    back = _url("topic", topic_id)
    if version is None:
        raise _to(back, done="missing")
    try:
        result = await workflow.publish_draft(request.app[RUNTIME], _staff(request), topic_id, version)
    except TopicNotFound:
        raise _to(BASE, done="not_found") from None
    except EditConflict:
        raise _to(back, done="conflict") from None
    except workflow.PublishRefused as refused:
        return await _topic_refused(request, topic_id, refused)
    raise _to(back, **_published(result))


async def _topic_refused(
    request: web.Request, topic_id: str, refused: workflow.PublishRefused
) -> web.Response:
    runtime = request.app[RUNTIME]
    async with runtime.sessions() as session:
        values = await pages.topic_page(session, runtime, topic_id)
    values["refused"] = refused.report
    return _render("console/editor_topic.html", request, values, status=422)


def _published(result: workflow.Result) -> dict[str, str]:
    if result.unchanged:
        return {"done": "unchanged"}
    return {"done": "published", "flagged": ",".join(result.flagged)}


# --- editing one language -----------------------------------------------------------------------------------


def _edit_form(form: Any) -> dict[str, str]:
    fields = ("title", "text", "more", "checked", "sources", "version", "note")
    return {name: str(form.get(name, "")) for name in fields}


async def _language_page(request: web.Request, load: Any) -> dict[str, Any]:
    """The values of a per-language page of a topic; unknown topics and languages go back to a list."""
    topic_id, language = request.match_info["topic_id"], _language(request)
    if language is None:
        raise _to(_url("topic", topic_id))
    runtime = request.app[RUNTIME]
    async with runtime.sessions() as session:
        try:
            values: dict[str, Any] = await load(session, runtime, topic_id, language)
        except TopicNotFound:
            raise _to(BASE, done="not_found") from None
    return values


@requires(*ROLES)
async def edit_page(request: web.Request) -> web.Response:
    values = await _language_page(request, pages.edit_page)
    values["flagged"] = request.query.get("flagged", "")
    return _render("console/editor_edit.html", request, values)


@requires(*ROLES)
async def save_language(request: web.Request) -> web.Response:
    topic_id, language = request.match_info["topic_id"], _language(request)
    posted = await request.post()
    form, publish = _edit_form(posted), posted.get("action") == "publish"
    version = _int(form["version"])
    if language is None or version is None:
        raise _to(_url("topic", topic_id), done="missing")
    edit = LanguageEdit(form["title"], form["text"], form["more"], form["checked"])
    runtime = request.app[RUNTIME]
    try:
        if not form["text"].strip():
            raise workflow.InvalidInput("text")
        result = await workflow.save_language(
            runtime,
            _staff(request),
            topic_id,
            language,
            version,
            edit,
            form["sources"],
            publish=publish,
            note=form["note"].strip()[:500] or None,
        )
    except TopicNotFound:
        raise _to(BASE, done="not_found") from None
    except EditConflict as conflict:
        return await _edit_again(request, topic_id, language, form, status=409, conflict=conflict)
    except workflow.PublishRefused as refused:
        return await _edit_again(request, topic_id, language, form, status=422, refused=refused.report)
    except workflow.InvalidInput as invalid:
        return await _edit_again(request, topic_id, language, form, status=422, invalid=invalid)
    back = _url("edit", topic_id, language)
    if publish:
        raise _to(back, **_published(result))
    raise _to(back, done="unchanged" if result.unchanged else "draft")


async def _edit_again(
    request: web.Request, topic_id: str, language: str, form: dict[str, str], status: int, **problem: Any
) -> web.Response:
    """The edit form again with what the editor typed, and why it was not saved."""
    runtime = request.app[RUNTIME]
    conflict: EditConflict | None = problem.get("conflict")
    async with runtime.sessions() as session:
        try:
            values = await pages.edit_page(session, runtime, topic_id, language, form)
        except TopicNotFound:
            raise _to(BASE, done="not_found") from None
    if conflict is not None:
        # Resubmitting from here is a decision made with the other change in view: base it on that version.
        values["values"] = {**form, "version": str(conflict.current.version)}
        values["their_changes"] = changes(
            conflict.base.body if conflict.base else None, conflict.current.body, language
        )
    return _render("console/editor_edit.html", request, {**values, **problem}, status=status)


@requires(*ROLES)
async def confirm_translation(request: web.Request) -> web.Response:
    topic_id, language = request.match_info["topic_id"], _language(request)
    if language is None:
        raise _to(_url("topic", topic_id), done="missing")
    cleared = await workflow.confirm_translation(request.app[RUNTIME], _staff(request), topic_id, language)
    raise _to(_url("edit", topic_id, language), done="confirmed" if cleared else "unchanged")


@requires(*ROLES)
async def preview(request: web.Request) -> web.Response:
    """POST /console/editor/preview: the reply as Telegram would show it, for the live preview pane."""
    form = await request.post()
    runtime = request.app[RUNTIME]
    topic_id, language = str(form.get("topic_id", "")), str(form.get("language", ""))
    if language not in LANGUAGES:
        return web.json_response({"html": "", "buttons": [], "length": 0, "limit": 0, "problems": []})
    async with runtime.sessions() as session:
        try:
            draft = (await TopicStore(session).state(topic_id)).draft
        except TopicNotFound:
            draft = {"id": topic_id}
    edit = LanguageEdit(*(str(form.get(name, "")) for name in ("title", "text", "more", "checked")))
    body = with_input(draft, language, edit, str(form.get("sources", "")))
    shown = render(runtime.guide, body, language)
    return web.json_response(
        {
            "html": shown.html,
            "buttons": [list(row) for row in shown.buttons],
            "length": shown.length,
            "limit": shown.limit,
            "problems": list(shown.problems),
        }
    )


# --- history ------------------------------------------------------------------------------------------------


@requires(*ROLES)
async def history(request: web.Request) -> web.Response:
    async with request.app[RUNTIME].sessions() as session:
        try:
            values = await pages.history_page(
                session, request.match_info["topic_id"], _int(request.query.get("show", ""))
            )
        except TopicNotFound:
            raise _to(BASE, done="not_found") from None
    return _render("console/editor_history.html", request, values)


@requires(*ROLES)
async def rollback(request: web.Request) -> web.Response:
    topic_id = request.match_info["topic_id"]
    form = await request.post()
    target, version = _int(form.get("to", "")), _int(form.get("version", ""))
    back = _url("history", topic_id)
    if target is None or version is None:
        raise _to(back, done="missing")
    try:
        result = await workflow.rollback(request.app[RUNTIME], _staff(request), topic_id, target, version)
    except TopicNotFound:
        raise _to(BASE, done="not_found") from None
    except EditConflict:
        raise _to(back, done="conflict") from None
    except workflow.PublishRefused as refused:
        async with request.app[RUNTIME].sessions() as session:
            values = await pages.history_page(session, topic_id, target)
        return _render("console/editor_history.html", request, {**values, "refused": refused.report}, 422)
    raise _to(back, **_published(result))


# --- new topics ---------------------------------------------------------------------------------------------


@requires(*ROLES)
async def new_topic_page(request: web.Request) -> web.Response:
    values = {"form": {}, "domains": request.app[RUNTIME].guide.domains, "languages": LANGUAGES}
    return _render("console/editor_new.html", request, values)


@requires(*ROLES)
async def create_topic(request: web.Request) -> web.Response:
    form = await request.post()
    topic_id = str(form.get("topic_id", "")).strip()
    if not topic_id:
        raise _to(f"{BASE}/new", done="missing")
    titles = {code: str(form.get(f"title_{code}", "")).strip() for code in LANGUAGES}
    runtime = request.app[RUNTIME]
    try:
        await workflow.create_topic(runtime, _staff(request), topic_id, str(form.get("escalate", "")), titles)
    except workflow.InvalidInput as invalid:
        values = {
            "form": {key: str(value) for key, value in form.items()},
            "invalid": invalid,
            "domains": runtime.guide.domains,
            "languages": LANGUAGES,
        }
        return _render("console/editor_new.html", request, values, status=422)
    raise _to(_url("topic", topic_id), done="created")


# --- training questions -------------------------------------------------------------------------------------


@requires(*ROLES)
async def training_page(request: web.Request) -> web.Response:
    values = await _language_page(request, pages.training_page)
    values["retrained"] = request.query.get("seconds", "")
    return _render("console/editor_training.html", request, values)


@requires(*ROLES)
async def change_training(request: web.Request) -> web.Response:
    topic_id, language = request.match_info["topic_id"], _language(request)
    form = await request.post()
    runtime = request.app[RUNTIME]
    if language is None:
        raise _to(_url("topic", topic_id), done="missing")
    back = _url("training", topic_id, language)
    staff = _staff(request)
    async with runtime.sessions() as session:
        try:
            await TopicStore(session).state(topic_id)
        except TopicNotFound:
            raise _to(BASE, done="not_found") from None
        if "remove" in form:
            done = await training.remove(
                session, runtime.data_dir, topic_id, language, str(form["remove"]), staff.username
            )
            action, code = "training_remove", "removed" if done else "unchanged"
        else:
            lines = [line for line in str(form.get("examples", "")).splitlines() if line.strip()]
            added = await training.add(session, runtime.data_dir, topic_id, language, lines, staff.username)
            action, code = "training_add", "added" if added else "unchanged"
        StaffRepository(session).audit(staff, action, target=f"{topic_id} {language}")
        try:
            await session.commit()
        except IntegrityError:  # another editor added the same question at the same moment
            raise _to(back, done="unchanged") from None
    raise _to(back, done=code)


@requires(*ROLES)
async def retrain_now(request: web.Request) -> web.Response:
    """POST /console/editor/retrain: retrain with every editor's question; the bot switches models live."""
    form = await request.post()
    back = str(form.get("next", "")) or f"{BASE}/inbox"
    if not back.startswith(f"{BASE}/") or back.startswith("//"):
        back = f"{BASE}/inbox"
    try:
        report = await retrain(request.app[RUNTIME])
    except RetrainUnavailable:
        raise _to(back, done="retrain_unavailable") from None
    async with request.app[RUNTIME].sessions() as session:
        StaffRepository(session).audit(_staff(request), "nlu_retrain", target=f"{report.extra} extra")
        await session.commit()
    raise _to(back, done="retrained", seconds=f"{report.seconds:.1f}")


# --- the "Unanswered" inbox ---------------------------------------------------------------------------------


@requires(*ROLES)
async def inbox_page(request: web.Request) -> web.Response:
    status = request.query.get("status", "open")
    status = status if status in inbox.STATUSES else "open"
    reason = request.query.get("reason", "")
    reason = reason if reason in inbox.REASONS else ""
    runtime = request.app[RUNTIME]
    async with runtime.sessions() as session:
        values = await pages.inbox_page(session, runtime, status, reason, request_language())
    values["retrained"] = request.query.get("seconds", "")
    values["count"] = request.query.get("count", "")
    return _render("console/editor_inbox.html", request, values)


@requires(*ROLES)
async def inbox_action(request: web.Request) -> web.Response:
    form = await request.post()
    ids = [number for value in form.getall("question", []) if (number := _int(value)) is not None]
    action, topic = str(form.get("action", "")), str(form.get("topic", ""))
    back = str(form.get("back", "")) or f"{BASE}/inbox"
    if not back.startswith(f"{BASE}/inbox"):
        back = f"{BASE}/inbox"
    if not ids or action not in ("assign", "needs_content", "dismissed", "open"):
        raise _to(back, done="missing")
    runtime, staff = request.app[RUNTIME], _staff(request)
    if action == "assign" and not topic:
        raise _to(back, done="no_topic")
    async with runtime.sessions() as session:
        if action == "assign":
            if topic != "out_of_scope":
                try:
                    await TopicStore(session).state(topic)
                except TopicNotFound:
                    raise _to(back, done="missing") from None
            count, _added = await inbox.assign(session, runtime.data_dir, ids, topic, staff.username)
        else:
            count = await inbox.decide(session, ids, action, staff.username)
        StaffRepository(session).audit(staff, f"inbox_{action}", target=f"{count} {topic}".strip())
        try:
            await session.commit()
        except IntegrityError:  # another editor decided on the same questions at the same moment
            raise _to(back, done="conflict") from None
    raise _to(back, done=f"inbox_{action}", count=str(count))


def setup(app: web.Application, runtime: EditorRuntime) -> None:
    """Add the editor to a console application and to the console menu."""
    app[RUNTIME] = runtime
    if AREA not in console.AREAS:
        console.AREAS.append(AREA)
    router = app.router
    # Ids are checked by the handlers (an unknown topic leads back to the list), so the patterns accept any
    # path segment; aiohttp's default would answer a malformed id with a bare 404 page.
    topic, language = "{topic_id:[^/]+}", "{language:[^/]+}"
    router.add_get(BASE, topic_list)
    router.add_get(f"{BASE}/new", new_topic_page)
    router.add_post(f"{BASE}/new", create_topic)
    router.add_post(f"{BASE}/preview", preview)
    router.add_get(f"{BASE}/inbox", inbox_page)
    router.add_post(f"{BASE}/inbox", inbox_action)
    router.add_post(f"{BASE}/retrain", retrain_now)
    router.add_get(f"{BASE}/topic/{topic}", topic_page)
    router.add_post(f"{BASE}/topic/{topic}/publish", publish_draft)
    router.add_get(f"{BASE}/edit/{topic}/{language}", edit_page)
    router.add_post(f"{BASE}/edit/{topic}/{language}", save_language)
    router.add_post(f"{BASE}/confirm/{topic}/{language}", confirm_translation)
    router.add_get(f"{BASE}/history/{topic}", history)
    router.add_post(f"{BASE}/rollback/{topic}", rollback)
    router.add_get(f"{BASE}/training/{topic}/{language}", training_page)
    router.add_post(f"{BASE}/training/{topic}/{language}", change_training)

"""Building replies: a guide answer with its sources and local contacts, menus, pickers, clarifications.

Only wording and layout live here; the decisions (which topic, when to hand off) are the dialogue's.
"""

from __future__ import annotations

from datetime import date, timedelta

from babel.dates import format_date

from bot.core import payloads
from bot.core.types import Button, Reply
from bot.handoff.wait import Availability, HandoffPolicy
from bot.i18n import Translator
from content.guide import Guide
from content.markup import escape
from content.model import LANGUAGES, Contact, District, Topic

LANGUAGE_NAMES = {"uk": "Українська", "ru": "Русский", "en": "English", "pl": "Polski"}
CHOOSE_LANGUAGE = "Оберіть мову · Выберите язык · Choose your language · Wybierz język"


def language_picker(suggested: str | None) -> Reply:
    """Four language buttons; the suggested language (from the hint) comes first and is marked."""
    order = sorted(LANGUAGES, key=lambda code: code != suggested)
    buttons = tuple(
        Button(("✓ " if code == suggested else "") + LANGUAGE_NAMES[code], payloads.encode("lang", code))
        for code in order
    )
    return Reply(f"🌐 {CHOOSE_LANGUAGE}", (buttons[:2], buttons[2:]))


def advisor_button(t: Translator, *source: str) -> Button:
    """The way to a person; `source` (e.g. "topic", topic id) tells the advisor why it was pressed."""
    return Button(t._("💬 Talk to an advisor"), payloads.encode("adv", *source))


def safety_note(t: Translator, crisis_topic: Topic | None) -> Reply:
    """Above an ordinary answer when a message might hide danger (a possible, not a certain, crisis signal):
    the emergency number and a way to a person, without taking the conversation away from the question."""
    row = [advisor_button(t, "safety")]
    if crisis_topic is not None:
        row.append(Button(crisis_topic.title(t.language), payloads.encode("t", crisis_topic.id)))
    return Reply(
        t._(
            "If you or someone close to you is in danger, call **112** (free, 24/7). If something "
            "difficult is happening, you can talk to an advisor of CWII in confidence."
        ),
        (tuple(row),),
    )


def menu_button(t: Translator) -> Button:
    return Button(t._("📋 Menu"), payloads.encode("menu"))


def domain_menu(guide: Guide, t: Translator) -> Reply:
    """The top menu: one button per domain, two per row."""
    buttons = [
        Button(f"{domain.icon} {domain.title(t.language)}".strip(), payloads.encode("dom", domain.id))
        for domain in guide.domains
        if guide.topics_in(domain.id)
    ]
    rows = tuple(tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2))
    return Reply(t._("What would you like to know? Choose a topic or just write your question."), rows)


def topic_menu(guide: Guide, domain_id: str, t: Translator) -> Reply:
    """The topics of one domain, one per row, and a way back."""
    domain = guide.domain(domain_id)
    topics = guide.topics_in(domain_id)
    if domain is None or not topics:
        return domain_menu(guide, t)
    rows = [(Button(topic.title(t.language), payloads.encode("t", topic.id)),) for topic in topics]
    rows.append((Button(t._("⬅️ All topics"), payloads.encode("menu")),))
    count = t.ngettext("{n} topic", "{n} topics", len(topics))
    return Reply(f"{domain.icon} **{domain.title(t.language)}** ({count})", tuple(rows))


def _contact_lines(contact: Contact, t: Translator) -> str:
    parts = [f"**{escape(contact.name)}**"]
    details = [escape(value) for value in (contact.address, contact.hours) if value]
    if contact.phone:
        details.append(t._("phone {phone}", phone=escape(contact.phone)))
    if contact.email:
        details.append(escape(contact.email))
    if details:
        parts.append(", ".join(details))
    if contact.url:
        website = t._("website")
        parts.append(f"[{website}]({contact.url})")
    return "\n".join(parts)


def local_contacts(topic: Topic, district: District | None, t: Translator) -> str | None:
    """The user's district contacts relevant to a topic, or a request to name the town."""
    if not topic.local:
        return None
    if district is None:
        return t._("📍 Tell me your town (for example: “I live in Gdynia”) and I will add local contacts.")
    contacts = [contact for contact in district.contacts if contact.kind in topic.local]
    if not contacts:
        return None
    header = t._("📍 Local contacts: {district}", district=district.name(t.language))
    return "\n\n".join([f"**{header}**", *(_contact_lines(contact, t) for contact in contacts)])


def district_contacts(district: District, t: Translator) -> Reply:
    """All local contacts of a district (e.g. after the user shared a location)."""
    header = t._("📍 Local contacts: {district}", district=district.name(t.language))
    body = "\n\n".join(_contact_lines(contact, t) for contact in district.contacts)
    return Reply(f"**{header}**\n\n{body}" if body else f"**{header}**", ((menu_button(t),),))


def _checked(day: date, t: Translator) -> str:
    return t._("Checked: {date}", date=format_date(day, format="long", locale=t.language))


def topic_answer(
    guide: Guide,
    topic: Topic,
    t: Translator,
    *,
    district: District | None,
    citizenship: str | None,
    status: str | None = None,
    show_more: bool = False,
) -> Reply:
    """A guide answer: the text, local contacts, sources and date checked, then the buttons."""
    answer = topic.answer(t.language, citizenship, status)
    parts = [answer.more if show_more and answer.more else answer.text]
    if topic.escalate == "always" and not show_more:
        parts.append(t._("⚠️ Every case like this is different: an advisor of CWII can look at yours."))
    local = None if show_more else local_contacts(topic, district, t)
    if local:
        parts.append(local)
    sources = " · ".join(f"[{escape(source.title)}]({source.url})" for source in topic.sources)
    sources_label = t._("Sources:")
    parts.append(f"{sources_label} {sources}\n{_checked(answer.checked, t)}")
    rows: list[tuple[Button, ...]] = []
    if topic.escalate == "always":
        rows.append((advisor_button(t, "topic", topic.id),))
    if answer.more and not show_more:
        rows.append((Button(t._("More ▸"), payloads.encode("more", topic.id)),))
    related = _related(guide, topic, t)
    rows.extend(tuple(related[i : i + 2]) for i in range(0, len(related), 2))
    rows.append(
        (
            Button(t._("👍 Helpful"), payloads.encode("fb", topic.id, "up")),
            Button(t._("👎 Not helpful"), payloads.encode("fb", topic.id, "down")),
        )
    )
    return Reply("\n\n".join(parts), tuple(rows))


def _related(guide: Guide, topic: Topic, t: Translator) -> list[Button]:
    """Buttons for related topics that exist in the guide, by their title in the user's language."""
    return [
        Button(f"↪ {guide.topics[rid].title(t.language)}", payloads.encode("t", rid))
        for rid in topic.related
        if rid in guide.topics
    ]


def clarification(candidates: list[Topic], t: Translator) -> Reply:
    """ "Did you mean…" with the best candidates, and a person as the way out."""
    rows: list[tuple[Button, ...]] = [
        (Button(topic.title(t.language), payloads.encode("t", topic.id)),) for topic in candidates
    ]
    rows.append((advisor_button(t), menu_button(t)))
    if candidates:
        return Reply(t._("I am not sure I understood. Did you mean:"), tuple(rows))
    return Reply(
        t._(
            "Sorry, I did not understand. Try to say it in other words, choose a topic from the menu, "
            "or talk to an advisor."
        ),
        tuple(rows),
    )


# --- advisors -------------------------------------------------------------------------------------------


def availability(policy: HandoffPolicy, found: Availability, t: Translator) -> str:
    """When a person will answer: the measured wait in office hours, else when advisors are back."""
    hours = policy.hours.describe(t.language)
    if found.open_now and found.wait is not None:
        return t._(
            "Advisors are at work now (office hours: {hours}). A first reply usually takes about {wait}.",
            hours=hours,
            wait=t.duration(max(found.wait, timedelta(minutes=1))),
        )
    if found.open_now:
        return t._(
            "Advisors are at work now (office hours: {hours}) and will answer as soon as possible.",
            hours=hours,
        )
    if found.back_at is not None:
        return t._(
            "Advisors are out of the office now (office hours: {hours}). They are back on {when} and will "
            "answer you then.",
            hours=hours,
            when=policy.hours.format_moment(found.back_at, t.language),
        )
    return t._("An advisor will answer you as soon as possible.")


def handed_off(case_id: int, policy: HandoffPolicy, found: Availability, t: Translator) -> Reply:
    """A new case: what happens next, and when."""
    return Reply(
        t._(
            "👤 I have passed your conversation to an advisor of CWII (case #{case}). "
            "A person will answer you here, in this chat. You can keep writing: your messages go to the "
            "advisor.",
            case=case_id,
        )
        + "\n\n"
        + availability(policy, found, t)
    )


def case_status(
    case_id: int, status: str, policy: HandoffPolicy, found: Availability, t: Translator
) -> Reply:
    """/advisor while a case is open: where it stands, the wait, and a way to close it."""
    states = {
        "waiting": t._("waiting for an advisor"),
        "assigned": t._("an advisor has taken it"),
        "answered": t._("an advisor has answered"),
    }
    text = t._(
        "👤 Your request #{case} is with the advisors: {status}. They answer here, in this chat; "
        "everything you write goes to them.",
        case=case_id,
        status=states.get(status, status),
    )
    return Reply(
        f"{text}\n\n{availability(policy, found, t)}",
        ((Button(t._("✖ Close my request"), payloads.encode("adv", "close")), menu_button(t)),),
    )


def relayed(t: Translator) -> Reply:
    return Reply(t._("✉️ Passed on to the advisor. The answer will come here."))


def reopened(case_id: int, t: Translator) -> Reply:
    return Reply(
        t._("↩️ Your request #{case} is open again: the advisor will read your message.", case=case_id)
    )


def closed_by_user(case_id: int, t: Translator) -> Reply:
    return Reply(
        t._(
            "Your request #{case} is closed. Ask me anything, or write /advisor when you need a person "
            "again.",
            case=case_id,
        ),
        ((menu_button(t),),),
    )


def closed_by_advisor(case_id: int, reopen_days: int, t: Translator) -> str:
    """What the person reads when an advisor closes their case (sent by the advisors' relay)."""
    closed = t._("✅ The advisor has closed your request #{case}.", case=case_id)
    if reopen_days <= 0:
        return closed + " " + t._("Write /advisor when you need a person again.")
    reopen = t.ngettext(
        "If you write within {n} day, the request opens again and reaches the advisor; after that I answer "
        "from the guide again.",
        "If you write within {n} days, the request opens again and reaches the advisor; after that I answer "
        "from the guide again.",
        reopen_days,
    )
    return f"{closed} {reopen}"


def from_advisor(text: str, t: Translator) -> str:
    """An advisor's message as the person reads it: marked as from a person, their words never as markup."""
    label = t._("💬 Advisor of CWII:")
    header = f"**{label}**"
    return f"{header}\n{escape(text)}" if text else header

"""A scripted stand-in for the understanding layer, so core tests pin the dialogue rules, not the model."""

from __future__ import annotations

from nlu.types import Entities, LanguageHint, Parse


def parse_of(
    text: str,
    language: str,
    intent: str,
    confidence: float = 0.9,
    decision: str = "confident",
    ranking: tuple[tuple[str, float], ...] | None = None,
    district: str | None = None,
    citizenship: str | None = None,
    crisis: str | None = None,
    crisis_certain: bool = True,
) -> Parse:
    return Parse(
        text=text,
        language=language,
        language_confidence=0.99,
        intent=intent,
        confidence=confidence,
        ranking=ranking or ((intent, confidence),),
        decision=decision,  # type: ignore[arg-type]
        entities=Entities(district=district, citizenship=citizenship),
        crisis=crisis,
        crisis_certain=crisis_certain,
    )


class ScriptedUnderstanding:
    """Returns the Parse scripted for a text; anything unscripted is an unsure out-of-scope guess."""

    def __init__(self, *parses: Parse) -> None:
        self.script = {parse.text: parse for parse in parses}
        self.hints: list[LanguageHint | None] = []

    async def parse(self, text: str, hint: LanguageHint | None = None) -> Parse:
        self.hints.append(hint)
        language = hint.chosen if hint and hint.chosen else "en"
        return self.script.get(text) or parse_of(text, language, "out_of_scope", 0.2, "unsure")

    async def aclose(self) -> None:
        return None

"""The `nlu` section of config.yml: which backend answers, the two decision thresholds, where data lives."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class NLUSettings(BaseModel):
    """Settings an operator may change; paths are relative to the working directory (the project root).

    The thresholds follow Rasa's FallbackClassifier: below `min_confidence` the bot is "unsure" and asks a
    clarifying question; when the best two intents are closer than `min_gap` it is "ambiguous" and offers
    the candidates as buttons. Their defaults were tuned on held-out chat messages (docs/NLU.md).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    backend: Literal["builtin", "rasa"] = "builtin"
    min_confidence: float = Field(default=0.35, ge=0.0, le=1.0)
    min_gap: float = Field(default=0.1, ge=0.0, le=1.0)
    # The crisis model's thresholds (nlu.crisis_model). From `crisis_threshold` on, a message is a possible
    # crisis: its answer starts with a safety note (112, an advisor button). From `crisis_certain` on (or on
    # any crisis phrase or rule) it is a crisis: emergency numbers first and an advisor at once. Recall
    # first for the note; fewer ordinary questions sent to an advisor for the flow (docs/NLU.md).
    crisis_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    crisis_certain: float = Field(default=0.8, ge=0.0, le=1.0)
    data_dir: Path = Path("nlu/data")
    directory_file: Path = Path("content/directory/districts.yml")
    cache_dir: Path = Path("data/models")
    rasa_url: str = "http://127.0.0.1:5005"
    rasa_timeout: float = Field(default=2.0, gt=0.0)

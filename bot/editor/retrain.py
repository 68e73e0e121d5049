"""Retraining the classifier with the editors' questions while the bot keeps answering.

The real path is `Understanding.reload(extra)`: it trains in a worker thread on the training files plus
`extra` and swaps the new model in with one assignment. Messages answered meanwhile use the old model.
One retrain runs at a time; a second request waits for the first and then trains on what is new.
"""

from __future__ import annotations

import logging
import time

from bot.editor.runtime import EditorRuntime, RetrainReport
from bot.editor.training import extra_examples, file_examples
from bot.storage.models import utcnow

log = logging.getLogger(__name__)


class RetrainUnavailable(RuntimeError):
    """The running understanding cannot be retrained (e.g. a scripted one)."""


async def retrain(runtime: EditorRuntime) -> RetrainReport:
    """Train on the files plus every editor's addition and make the running bot use the new model.

    Raises:
        RetrainUnavailable: the understanding has no `reload`.
    """
    understanding = runtime.understanding
    if understanding is None:
        raise RetrainUnavailable("this understanding cannot be retrained")
    async with runtime.retrain_lock:
        async with runtime.sessions() as session:
            extra = await extra_examples(session, runtime.data_dir)
        started = time.perf_counter()
        await understanding.reload(extra)
        seconds = time.perf_counter() - started
        total = len(file_examples(runtime.data_dir)) + len(extra)
        report = RetrainReport(utcnow(), seconds, total, len(extra))
        runtime.last_retrain = report
    log.info("retrained on %d examples (%d from editors) in %.1f s", total, len(extra), seconds)
    return report

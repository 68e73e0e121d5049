"""A logging filter that masks personal data in every record, tracebacks included.

Log lines leave the machine (journald, log shippers, screenshots in bug reports), so a phone number, an
e-mail or a PESEL that reached a log line through an error message (SQL parameters in a database error, an
exception that quotes its input) must not survive there. The filter sits on the handlers, not on a logger,
because records of child loggers reach the root's handlers without passing the root logger's filters.

Our own log calls never put message texts in INFO lines (tests/trust/test_logs.py checks a conversation);
this filter is the net under that rule, not a licence to log texts.
"""

from __future__ import annotations

import logging

from bot.privacy import mask

_FORMATTER = logging.Formatter()


class MaskingFilter(logging.Filter):
    """Rewrites the record's message, traceback and stack text with `bot.privacy.mask` applied."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            # Formatters reuse `exc_text` once it is set, so the masked traceback is what gets written.
            record.exc_text = _FORMATTER.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


def install_masking(logger: logging.Logger | None = None) -> MaskingFilter:
    """Add one masking filter to every handler of `logger` (the root logger by default)."""
    target = logger or logging.getLogger()
    found = next(
        (f for handler in target.handlers for f in handler.filters if isinstance(f, MaskingFilter)), None
    )
    masking = found or MaskingFilter()
    for handler in target.handlers:
        if masking not in handler.filters:
            handler.addFilter(masking)
    return masking

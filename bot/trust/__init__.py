"""Keeping people safe while the product runs: rate limits, a brief database outage, retention, masked logs.

- `gate`: what every incoming message passes before the core answers it (the database is there, the person
  is within their rate).
- `retention`: deleting what people wrote after the configured number of days.
- `logs`: masking personal data in every log record.
- `doctor`, `backup`: the operator's checks and copies.
"""

"""The Telegram door's fixtures (the Bot API emulator, a running door) for the trust tests."""

from tests.telegram.conftest import (  # noqa: F401  (fixtures are found by name)
    dialogue,
    door_factory,
    emulator,
    ptb_timedelta,
    understanding,
)

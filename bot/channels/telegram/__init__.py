"""The Telegram door: python-telegram-bot in front of the channel-free conversation core.

See docs/TELEGRAM.md for how updates flow, what is stored, and how limits and failures are handled.
"""

from bot.channels.telegram.door import TelegramDoor, api_urls
from bot.channels.telegram.webhook import SECRET_HEADER, webhook_secret

__all__ = ["SECRET_HEADER", "TelegramDoor", "api_urls", "webhook_secret"]

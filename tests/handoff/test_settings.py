"""The `handoff:` settings an operator writes, and what office hours then mean for a person."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.config import ConfigError, HandoffSettings, load_settings
from bot.handoff.hours import OfficeHours


def test_the_advisors_group_comes_from_the_environment_over_the_file(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("handoff:\n  advisor_chat_id: -100111\n")
    assert load_settings(config, env={}).handoff.advisor_chat_id == -100111
    assert load_settings(config, env={"ADVISOR_CHAT_ID": "-100222"}).handoff.advisor_chat_id == -100222


@pytest.mark.parametrize(
    ("hours", "expected"),
    [("9-17", "expected HH:MM-HH:MM"), ("17:00-09:00", "must open before it closes")],
)
def test_bad_office_hours_stop_start_up_naming_the_key(tmp_path: Path, hours: str, expected: str) -> None:
    config = tmp_path / "config.yml"
    config.write_text(f'handoff:\n  hours:\n    mon: "{hours}"\n')
    with pytest.raises(ConfigError, match=r"handoff\.hours") as error:
        load_settings(config, env={})
    assert expected in str(error.value)


def test_an_unknown_time_zone_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "config.yml"
    config.write_text("handoff:\n  timezone: Europe/Gdansk\n")
    with pytest.raises(ConfigError, match=r"handoff\.timezone"):
        load_settings(config, env={})


def test_advisors_are_back_on_the_next_open_day_skipping_closed_dates() -> None:
    hours = OfficeHours.from_settings(HandoffSettings(closed_dates=(date(2026, 12, 24), date(2026, 12, 25))))
    # Wednesday 23 December, 18:00 in Warsaw: Thursday and Friday are holidays, the weekend is closed.
    back = hours.next_open(datetime(2026, 12, 23, 17, 0, tzinfo=UTC))
    assert back is not None and back.isoformat() == "2026-12-28T09:00:00+01:00"
    assert hours.format_moment(back, "uk") == "понеділок 28 грудня, 09:00"
    assert hours.describe("pl") == "pon.–pt. 09:00–17:00"
    assert hours.is_open(datetime(2026, 12, 28, 8, 30, tzinfo=UTC))  # 09:30 in Warsaw
    assert not hours.is_open(datetime(2026, 12, 28, 16, 0, tzinfo=UTC))  # 17:00 in Warsaw

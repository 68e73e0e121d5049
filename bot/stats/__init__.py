"""Question statistics for coordinators: what people ask, where, in which language, what goes unanswered.

The anonymous `events` the conversation core writes, and the handoff cases, are counted per local day
and month into rollups (`cube`, `rollup`), read back for any period (`period`, `counts`, `report`), turned
into tables under the "<5" privacy rule (`privacy`, `tables`, `names`) and shown three ways: dashboard
pages with SVG charts (`pages`, `charts`, `display`, served by `bot.web.dashboard`), CSV files (`export`)
and `firststeps stats` (`arguments`, `command`). `demo` generates activity for a fresh database. What
counts as a question or as unanswered, the time zone and the privacy floor are defined once in
`definitions`; docs/STATISTICS.md explains them.

The package root imports nothing, so the command-line parser stays quick to build.
"""

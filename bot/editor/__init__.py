"""The content editors' workflow: drafts and revisions, publishing, translations, training questions, inbox.

The web editor (`bot.web.editor`) only translates HTTP into calls on these modules; each module owns one
job and works on a database session the caller opens and commits:

- `store`, `workflow`: revisions, drafts, the version lock; save, publish, roll back, create as units of work;
- `documents`, `diff`, `preview`: topic documents as editors change them, word diffs, the Telegram preview;
- `checks`: the content check a document must pass before users see it;
- `translations`: "needs review" flags when a sibling language changes;
- `listing`, `pages`: the topic list with per-language status, and what each page shows;
- `training`, `retrain`: training questions per topic and language, and retraining without a restart;
- `inbox`, `grouping`: the questions the bot could not answer, grouped across languages;
- `runtime`: the running bot's parts the editor changes (guide, understanding);
- `files`, `commands`: `firststeps content export|import`.
"""

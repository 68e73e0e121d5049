"""Word and phrase lists in uk, ru, en and pl (with common transliterations), read by nlu.matcher.

Each module holds immutable mappings from a label to phrases (the crisis module also co-occurrence rules,
idioms and weak cues). Phrases are written as users write them; the matcher reduces them to skeletons, so
one entry covers diacritics, apostrophes and script variants.
"""

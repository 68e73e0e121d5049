"""Word and phrase lists in uk, ru, en and pl (with common transliterations), read by nlu.matcher.

Each module holds one immutable mapping from a label to phrases. Phrases are written as users write them;
the matcher reduces them to skeletons, so one entry covers diacritics, apostrophes and script variants.
"""

"""The words a disclosure states a change against the prior year with, and the sign each gives it.

持平 is a change of exactly 0. Other wordings (一致, 无增减) are `publish.core.vocabulary`'s; the extractor
reads these words from the text and the row models check them against the change's sign.
"""

from __future__ import annotations

CHANGE_WORDS: dict[str, int] = {"增加": 1, "减少": -1, "增长": 1, "下降": -1, "持平": 0}
RISE = tuple(word for word, sign in CHANGE_WORDS.items() if sign > 0)
FALL = tuple(word for word, sign in CHANGE_WORDS.items() if sign < 0)
FLAT = next(word for word, sign in CHANGE_WORDS.items() if sign == 0)

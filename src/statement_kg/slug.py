"""The one way a name becomes the last part of an id: lower case, runs of anything but
letters and digits as one hyphen ("Golos Armenii" -> "golos-armenii")."""

from __future__ import annotations

import re

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _NOT_WORD.sub("-", text.lower()).strip("-")

"""Digits a scanner read as letters: "l992", "l,000", "l0 April", "I99I", "2O". Numbers and
dates are matched in a view of the text where such letters inside a run of digits are read
as digits; the view has the same length, so every span found in it is the span of the
received words, which keep their letters."""

from __future__ import annotations

import re

# A run of digits and the letters a scanner takes for them, with the separators of a
# number between them, standing alone (not inside a word).
_RUN = re.compile(r"(?<![A-Za-z])[\dlIO](?:[\dlIO]|[,.](?=[\dlIO]))+(?![A-Za-z])")
_AS_DIGITS = str.maketrans({"l": "1", "I": "1", "O": "0"})


def digit_view(text: str) -> str:
    """`text` with the letters inside a run that has a digit read as digits."""

    def read(match: re.Match[str]) -> str:
        run = match.group()
        return run.translate(_AS_DIGITS) if any(c.isdigit() for c in run) else run

    return _RUN.sub(read, text)

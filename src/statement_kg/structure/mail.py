"""A mail as its reader saved it: the header's fields ("From: NAME <address>", "Sent:",
"To:", "Subject:") over the text. When nothing in the text names its issuer, the sender does
(a forward's envelope is set apart by `zones` and is never read here)."""

from __future__ import annotations

import re

from statement_kg.language import BLANK_LINE
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found
from statement_kg.structure.zones import ENVELOPE_LINES, MAIL_FIELD, MAIL_FIELDS, Zones

# "From: Ingrid Solberg <ingrid.solberg@...>", "From: "Press Office" [mailto:...]": the
# display name before the address.
_FROM = re.compile(
    r"^\s*from\s*:\s*[\"']?(?P<name>[^\"'<\[\n@]*?)[\"']?\s*(?:<[^>\n]*>|\[mailto:[^\]\n]*\])\s*$",
    re.IGNORECASE,
)
# Every From field of the text, and a subject that says the mail passes something on.
_FROM_FIELD = re.compile(r"^[ \t>]*from\s*:", re.IGNORECASE | re.MULTILINE)
_PASSED_ON = re.compile(r"\b(?:fwd?|digest|alert)\b|\[", re.IGNORECASE)


def mail_sender(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The display name in the From field of the header the text opens with (a digest's
    messages below have headers of their own, and their senders are not the digest's)."""
    text = zones.analysis.original
    opening = zones.lines[0].start if zones.lines else 0
    block = BLANK_LINE.search(text, opening)
    end = block.start() if block is not None else len(text)
    lines = [line for line in zones.head[:ENVELOPE_LINES] if line.end <= end]
    fields = [line for line in lines if MAIL_FIELD.match(line.text)]
    # A digest or a mail that carries another's text has more than one sender or says so
    # in its subject: its sender issued none of it (a forward's envelope is not read).
    senders = _FROM_FIELD.findall(text, opening)
    subject = next((f.text for f in fields if f.text.lower().startswith("subject")), "")
    if len(fields) < MAIL_FIELDS or len(senders) != 1 or _PASSED_ON.search(subject):
        return []
    for line in fields:
        sender = _FROM.match(line.text)
        if sender is not None and sender["name"].strip():
            start = line.start + sender.start("name")
            return [
                found(text, start, start + len(sender["name"]), "mail sender", mentions, lexicon)
            ]
    return []

"""Posts as a reader site shows them: the author's display name stands before the handle
("NAME 🇦🇿 @handle · bio") and is the issuer; "Thread by @handle on SITE" names the site that
compiled the posts, a relay."""

from __future__ import annotations

import itertools
import re

from statement_kg.language.normalise import HANDLE
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.line_dates import TIME_OF_DAY, stamped
from statement_kg.structure.names import PERSON_NAME, found, names_body
from statement_kg.structure.zones import Zones

# The display name opens the line, a person's or a body's ("Youth Union of Europe"); flags
# and other pictographs may follow it.
_BODY_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:of|for|the|and|[A-Z][\w'’.-]*)){1,8}"
_DISPLAY = re.compile(rf"^\s*(?P<name>{PERSON_NAME}|{_BODY_NAME})[^\w@]*$")
# "azembassy.mx ✓ · Follow": a user name, a mark that the account is verified, the button.
_ACCOUNT = re.compile(r"^\s*@?(?P<user>[\w.]{2,30}) ?[✓✔☑]?\s*[·•|]\s*(?P<label>\w+)\s*$")
# "412K subscribers": the count of a channel's audience, opening its line.
_AUDIENCE = re.compile(r"^\s*\d[\d.,]*\s*[KkMm]?\s+(?P<noun>\w+)")
# Lines of a bio between a post's display name and its stamp.
BIO_LINES = 2
_COMPILED = re.compile(
    r"(?<!\w)@\w{2,}\s+on\s+(?P<site>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*$"
)


def post_author(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The display name before the first handle in the head that follows one (or on the
    first line, which the parser may run into the post under it)."""
    text = zones.analysis.original
    lines = zones.head or zones.lines[:1]
    for n, line in enumerate(lines):
        handle = HANDLE.search(line.text)
        if handle is None:
            continue
        # "NAME / @handle": a handle alone on its line, under the display name.
        alone = n > 0 and not line.text[: handle.start()].strip()
        shown = lines[n - 1] if alone else line
        named = _DISPLAY.match(shown.text if alone else line.text[: handle.start()])
        if named is not None:
            start = shown.start + named.start("name")
            return [found(text, start, start + len(named["name"]), "post", mentions, lexicon)]
    return _followed(zones, lexicon, mentions) or _over_stamp(zones, lexicon, mentions)


def _followed(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "azembassy.mx ✓ · Follow / Embassy of X": an account's user name beside the button
    to follow it, over its display name."""
    head = list(zones.head)
    for n, line in enumerate(head[:-1]):
        account = _ACCOUNT.match(line.text)
        if account is None or account["label"].lower() not in lexicon.structure.follow_labels:
            continue
        # A user name, not a word of a menu ("Newsletter | Subscribe").
        user = account["user"]
        if not (user.islower() or any(c in user for c in "._") or any(c.isdigit() for c in user)):
            continue
        below = head[n + 1]
        text = zones.analysis.original
        named = _DISPLAY.match(below.text)
        if named is not None:
            start = below.start + named.start("name")
            return [found(text, start, start + len(named["name"]), "post", mentions, lexicon)]
        # A body's name runs longer than a person's display name.
        tokens = zones.analysis.tokens(below.start, below.end)
        if names_body(tokens, lexicon.structure.organisation_heads):
            return [found(text, below.start, below.end, "post", mentions, lexicon)]
    return []


def _over_stamp(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """A page's post without handles: the display name over the post's stamp ("26 Feb,
    09:14 · 🌍"), a line of the author's bio ("MP for Kars · Politician") between."""
    text = zones.analysis.original
    head = list(zones.head)
    for n, line in enumerate(head):
        # A schedule's hours ("Mon/Wed 09:00-10:15") stamp no post.
        if "·" not in line.text or not stamped(line.text, TIME_OF_DAY):
            continue
        above = [a for a in head[max(0, n - 1 - BIO_LINES) : n] if "·" not in a.text][-1:]
        named = _DISPLAY.match(above[0].text) if above else None
        # "By NAME" over a news page's stamp is a by-line, read as one.
        if named is not None and named["name"].split()[0].lower() not in lexicon.structure.byline:
            start = above[0].start + named.start("name")
            return [found(text, start, start + len(named["name"]), "post", mentions, lexicon)]
    return []


def channel(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """ "TürkDoku Belgesel ✔ / 412K subscribers": a channel's display name over the count of
    its audience, where the page names it again. A heading that names whose statement a
    video is outranks it ("Statement of the Ministry ..." on a channel that names the
    ministry in short)."""
    text = zones.analysis.original
    head = list(zones.head)
    for above, line in itertools.pairwise(head):
        counted = _AUDIENCE.match(line.text)
        if counted is None or counted["noun"].lower() not in lexicon.structure.audience_nouns:
            continue
        named = _DISPLAY.match(above.text)
        # A channel speaks in its own voice where its page names it again ("TürkDoku
        # Belgesel presents ..."); else it may carry another's words ("Forwarded from X").
        if named is not None and named["name"].casefold() in text[line.end :].casefold():
            start = above.start + named.start("name")
            return [found(text, start, start + len(named["name"]), "post", mentions, lexicon)]
    return []


def compiler(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The site a head line says shows someone's posts ("Thread by @handle on SITE")."""
    text = zones.analysis.original
    for line in zones.head:
        shown = _COMPILED.search(line.text)
        if shown is not None:
            start, end = (line.start + at for at in shown.span("site"))
            return [found(text, start, end, "compiler", mentions, lexicon)]
    return []


def post_heads(zones: Zones) -> list[tuple[int, int]]:
    """The heading lines of posts in a thread ("NAME @handle · Feb 26"): the day there is
    the post's, no event's."""
    return [
        (line.start, line.end)
        for line in zones.lines
        if (handle := HANDLE.search(line.text)) is not None
        and line.text[handle.end() :].lstrip().startswith(("·", "•"))
    ]

"""The bodies that sign an open letter or a joint statement, listed under its closing
("Signed:", "Yours sincerely,", "On behalf of the Public Union ..."): each organisation the
list names, alone on its line or cell, after a signer's title ("Chair, Union of ..."), or
after "on behalf of". The persons in the list sign for those bodies. A list that names no
body but persons addressed by form ("Mr Aram KHACHATRYAN, Armenia, SOC"), as members sign
an assembly's written declaration, is signed by those persons; any other list is a
signature block's to read."""

from __future__ import annotations

import re

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Found
from statement_kg.structure.names import PERSON_NAME, found, names_body, says, trim
from statement_kg.structure.zones import Line, Zones, column, is_menu, same_row

# A signer's row: a name, then the title or words that describe the signer.
_SIGNER = re.compile(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’-]+(?:,|$)")
# A signer's name alone in its cell, a title of address before it or not ("Dr. Ani Sarkis").
_PERSON = re.compile(rf"(?:[A-Z][a-z]{{1,3}}\.\s+)?{PERSON_NAME}")
# "and 214 other signatories", "and others": the list goes on.
_MORE = re.compile(r"^and\b", re.IGNORECASE)
# A member's row after the form of address: "Jan de VRIES, Netherlands, ALDE".
_PARTICLED = r"[A-Z][\w'’-]+(?:\s+[a-z]{1,3}){1,2}\s+[A-Z][\w'’-]+"
_MEMBER = re.compile(rf"(?:{PERSON_NAME}|{_PARTICLED})(?=,|$)")
# A member's name by surname first: the surname and up to two given names.
NAME_WORDS_MAX = 3
# A list run on after its label ends with its paragraph; its cells are cut by semicolons.
_PARAGRAPH_END = re.compile(r"\n\s*\n")
_CELL = re.compile(r"(?<![^;\s])[^;\s][^;]*[^;\s]")
# A closing's aside: "Signed (see Doc. 15241):".
_ASIDE = re.compile(r"\s*\([^)]*\)")


def _words(line: str) -> str:
    """The line's words, without an aside or a note's raised number ("Signed¹:")."""
    return _ASIDE.sub("", line).strip().rstrip(",:.;¹²³⁴⁵⁶⁷⁸⁹⁰*").lower()


def _closing(line: Line, cues: StructureCues) -> bool:
    """A closing line of its own ("Signed:"), not the run-on of a line above ("... /
    on behalf of the Commission")."""
    words = _words(line.text)
    if not line.text[:1].isupper():
        return False
    return words in cues.closings | cues.signatory_lists or any(
        words.startswith(b + " ") for b in cues.on_behalf
    )


def _behalf(zones: Zones, line: Line, cues: StructureCues) -> int:
    """Where the body's name starts in "On behalf of the X" (the line's start otherwise)."""
    lowered = line.text.lower()
    for words in cues.on_behalf:
        if lowered.startswith(words + " "):
            return line.start + len(words) + 1
    return line.start


def _body(
    zones: Zones, start: int, end: int, cues: StructureCues, listed: bool = False
) -> tuple[int, int] | None:
    """The organisation these words name, if they name one and say nothing else; under a
    list's own label ("Signatory organisations:") any name, in any language, is one."""
    tokens = trim(zones.analysis.tokens(start, end))
    # "Member of Congress", "Chairman of the Group": a signer's title, not a body.
    if not tokens or tokens[0].lower_ in cues.titles:
        return None
    if (
        len([t for t in tokens if t.is_alpha]) < 2
        or not (listed or names_body(tokens, cues.organisation_heads - cues.titles))
        or says(tokens)
        or any(t.like_num for t in tokens)
        or not tokens[0].is_title
    ):
        return None
    return zones.analysis.span_of(tokens)


def _after_title(zones: Zones, line: Line, cues: StructureCues) -> tuple[int, int] | None:
    """ "Chair, Union of Armenian Students", "Board member, X", "NAME, Chair, X": the body
    after a title, the last part of a line cut by commas."""
    cells = line.text.split(",")
    titled = [n for n, cell in enumerate(cells) if {w.lower() for w in cell.split()} & cues.titles]
    if len(cells) < 2 or not titled or titled[0] == len(cells) - 1:
        return None
    start = line.start + len(",".join(cells[: titled[0] + 1])) + 1
    return _body(zones, start, line.end, cues)


def _affiliated(zones: Zones, line: Line, cues: StructureCues) -> tuple[int, int] | None:
    """ "Anahit Sargsian, Professor of History, Yerevan State University": a person who
    signs for themselves, the body after their title only where they work."""
    name, comma, rest = line.text.partition(",")
    title = rest.partition(",")[0]
    if not comma or not _PERSON.fullmatch(name.strip()):
        return None
    # The title's head word says it: "Associate Professor of Law", "Research Associate",
    # not "Associate Director", an office that signs for its body.
    head = re.split(r"\s+(?:of|in|at|for)\s+", title.strip())[0].split()
    if not head or head[-1].lower() not in cues.affiliation_titles:
        return None
    if names_body(
        zones.analysis.tokens(line.start, line.start + len(name)), cues.organisation_heads
    ):
        return None
    return line.start, line.start + len(name.rstrip())


def _continued(text: str, line: Line, row: Line) -> bool:
    """A line indented further than the row above goes on with it ("  Academy of Sciences
    of Armenia")."""
    return column(text, line.start) > column(text, row.start)


def _member(line: Line, forms: frozenset[str]) -> tuple[int, int] | None:
    """The name in a row opened by a form of address, "Ms Lilit GEVORGYAN, Armenia"."""
    form, _, rest = line.text.partition(" ")
    if form.rstrip(".").lower() not in forms:
        return None
    named = _MEMBER.match(rest.lstrip())
    if named is None:
        return None
    start = line.start + len(line.text) - len(rest.lstrip())
    return start, start + named.end()


def _run_on(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The members of a list that runs on after its label, one to a cell cut by semicolons
    and a name free to break across a line ("Signatories: Ms Anna\nKESSLER, Germany, SOC ;
    Mr ...")."""
    cues = lexicon.structure
    text = zones.analysis.original
    for line in zones.lines:
        label, colon, rest = line.text.partition(":")
        if not (colon and rest.strip()) or _words(label) not in cues.signatory_lists:
            continue
        start = line.start + len(label) + 1
        end = _PARAGRAPH_END.search(text, start)
        members = []
        for cell in _CELL.finditer(text, start, end.start() if end else len(text)):
            member = _member(Line(cell.start(), cell.end(), cell.group()), cues.address_forms)
            if member is not None:
                members.append(found(text, *member, "signing member", mentions, lexicon))
        return members
    return []


def _surname_first(line: Line) -> tuple[int, int] | None:
    """ "ALIYEV Tural, Azerbaijan, EPP/CD": a member listed by surname in capitals, then
    given names, then country and group."""
    name, comma, _ = line.text.partition(",")
    words = name.split()
    if not comma or not 2 <= len(words) <= NAME_WORDS_MAX:
        return None
    surname = words[0].replace("-", "")
    if not (surname.isalpha() and surname.isupper() and len(surname) > 1):
        return None
    if not all(w[:1].isupper() and not w.isupper() for w in words[1:]):
        return None
    return line.start, line.start + len(name.rstrip())


def signatory_bodies(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The bodies named in the list under the document's last closing line, or the members
    addressed by form in it when it names no body."""
    cues = lexicon.structure
    text = zones.analysis.original
    lines = [line for line in zones.lines if line.start >= zones.body_start]
    closings = [i for i, line in enumerate(lines) if _closing(line, cues)]
    if not closings:
        return _run_on(zones, lexicon, mentions)
    first = closings[-1]
    # "For the Municipality of X          For the Municipality of Y": closings side by side
    # open one list.
    while first - 1 in closings and same_row(text, lines[first - 1], lines[first]):
        first -= 1
    listed = _words(lines[first].text) in cues.signatory_lists
    bodies: list[Found] = []
    members: list[Found] = []
    persons: list[Found] = []
    row = lines[first]
    unit: Found | None = None
    for index, line in enumerate(lines[first:], first):
        above, unit = unit, None
        if is_menu(line, cues):
            break
        start = _behalf(zones, line, cues)
        if index == first and start == line.start:
            continue  # "Signed:", "Yours sincerely,"
        if persons and _continued(text, line, row):
            continue
        row = line
        person = _affiliated(zones, line, cues)
        if person is not None:
            persons.append(found(text, *person, "listed signatory", mentions, lexicon))
            continue
        titled = _after_title(zones, line, cues)
        named = titled or _body(zones, start, line.end, cues, listed)
        if named is not None:
            kind = "listed signatory" if listed else "signatory"
            body = found(text, *named, kind, mentions, lexicon)
            # "Chair, Media Committee / Armenian Community Council of Canada": the unit
            # the signer's title names is a part of the body on the line below.
            if titled is None and above is not None and bodies[-1:] == [above]:
                bodies.pop()
            unit = body if titled is not None else None
            if all(b.value.casefold() != body.value.casefold() for b in bodies):
                bodies.append(body)
            continue
        member = _member(line, cues.address_forms) or _surname_first(line)
        if member is not None:
            members.append(found(text, *member, "signing member", mentions, lexicon))
            continue
        words = {t.lower_ for t in zones.analysis.tokens(line.start, line.end)}
        if not (_SIGNER.match(line.text) or words & cues.titles or _MORE.match(line.text)):
            break
    # Each row says who signs: the bodies officers sign for, and scholars who sign as
    # themselves.
    return [*bodies, *persons] or members

"""Reads a document's structure: who issued it (and who only relayed it), when, where and
to whom, each with the span the genre puts it in. The structures are tried from the most
telling: a relay sentence names the issuer of what a site reproduces; a letter's head and
signature name its sender; a speech heading its speaker; an enacting clause the body that
resolves; a heading or letterhead the organisation."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.affiliated import affiliated_author
from statement_kg.structure.aligned import aligned
from statement_kg.structure.author import author_note, notes_place_at
from statement_kg.structure.authors import authors
from statement_kg.structure.byline import byline, byline_organisation, lead_subject
from statement_kg.structure.carriers import Reading, carried, printed
from statement_kg.structure.cooperating import cooperating
from statement_kg.structure.dateline_place import issued_at
from statement_kg.structure.datelines import own_dates
from statement_kg.structure.enacting import enacting_clauses
from statement_kg.structure.first_line import first_line_names, series_organ
from statement_kg.structure.footer import footer_rows
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.heading import document_heading, speech_heading
from statement_kg.structure.headline import headline_persons
from statement_kg.structure.honoured import honoured_speaker
from statement_kg.structure.interview_day import interview_day
from statement_kg.structure.introduced import introduced_speaker, spoken_to
from statement_kg.structure.issue_day import issue_date
from statement_kg.structure.labelled import labelled_speaker, listed_speakers
from statement_kg.structure.letter import LetterHead, letter_head
from statement_kg.structure.letterhead import letterhead, menu_rows, signing_organisation
from statement_kg.structure.mail import mail_sender
from statement_kg.structure.named_again import named_again
from statement_kg.structure.names import FUNCTION_WORDS, agent_mentions, is_body
from statement_kg.structure.note_marks import note_marks
from statement_kg.structure.record import record_speakers
from statement_kg.structure.record_source import carrying_site, record_source
from statement_kg.structure.relative_day import said_the_day_before
from statement_kg.structure.relay import credited, relay_sentences
from statement_kg.structure.relayed_day import relayed_day
from statement_kg.structure.reproduced import reproduced_issuer
from statement_kg.structure.running import page_head_author, page_head_publisher, running_title
from statement_kg.structure.signatories import signatory_bodies
from statement_kg.structure.signature import signatures
from statement_kg.structure.signed_by import signed_by
from statement_kg.structure.site_header import relay_header
from statement_kg.structure.sites import parent_site, place_named
from statement_kg.structure.social import channel, compiler, post_author, post_heads
from statement_kg.structure.source_line import dated_source
from statement_kg.structure.source_note import source_issuer
from statement_kg.structure.titled_head import titled_in_head
from statement_kg.structure.transcript import broadcaster, guest
from statement_kg.structure.zones import Zones, line_around, zones

CACHE_SIZE = 16
# How far before the first member's name the group's name may be: the members listed
# before it ("(Ambassadors X of the Russian Federation, Y of ...").
MEMBERS_REACH = 200


@dataclass(frozen=True)
class Structure:
    issuers: tuple[Found, ...]
    relays: tuple[Found, ...]
    date: Dated | None
    place: Found | None
    addressee: Found | None
    # The document's own date lines and relay header: no event is dated there.
    own_spans: tuple[tuple[int, int], ...]
    # A site's menus and section paths ("Research | Commentary | Events"): no claim is made
    # there.
    chrome: tuple[tuple[int, int], ...] = ()
    # Where the running text begins and ends (the head above, the tail below).
    body: tuple[int, int] = (0, 0)


def _words(found: Found) -> set[str]:
    return {w.strip('"“”(),').lower() for w in found.value.split()} - {"the", "of"}


def _signs_for(signer: Found, site: Found) -> bool:
    """ "Chairman, Qarabağ FK" under "QARABAĞ FK": the site's name, word for word, in the
    title the signer signs with."""
    return f" {' '.join(site.value.casefold().split())} " in (
        f" {' '.join(signer.span.exact.casefold().replace(',', ' ').split())} "
    )


def _last_word(found: Found) -> str:
    """A person's surname, an organisation's last word."""
    words = found.value.split()
    return words[-1].strip('"“”(),').lower() if words else ""


def _within(found: list[Found], line: Found) -> bool:
    """The names all lie in that one line (a heading read as a letterhead too)."""
    return all(line.span.start <= f.span.start and f.span.end <= line.span.end for f in found)


def _reported(
    parts: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    relays: list[Found],
    skip: list[tuple[int, int]],
) -> list[Found]:
    """The issuers a news text names: in its relay sentence (or a heading above that names
    the same), a by-line that names the reporter's body, or an interview's headline under
    the site's header."""
    # An editor's note that names the body whose text the site reworks names it first;
    # the letterhead of a document the site reproduces whole names its body.
    carried = (
        source_issuer(parts, lexicon, mentions) or reproduced_issuer(parts, lexicon, mentions)
        if relays
        else []
    )
    relayed = carried or relay_sentences(parts, lexicon, mentions, news=bool(relays))
    if not relayed and relays:
        # A site's report of a speech it then gives ("... the Minister said:"), or of an
        # interview given to it.
        sites = [" ".join(r.value.split()).casefold() for r in relays]
        relayed = introduced_speaker(parts, lexicon, mentions, sites)
    if relayed:
        # A heading above that names the same issuers names them first ("Statement by the
        # Co-Chairs ..." over "The Co-Chairs ... issued the following statement:").
        headed = speech_heading(parts, lexicon, mentions) or document_heading(
            parts, lexicon, mentions
        )
        same = headed and all(any(_last_word(r) in _words(h) for h in headed) for r in relayed)
        same = same or _members_of(parts, headed, relayed)
        return headed if same and headed[0].span.start < relayed[0].span.start else relayed
    # "By NAME, Caucasus Wire Service": the body's own report, whatever header is above it;
    # an opinion piece's author, whose note says who they are.
    reporting = byline_organisation(parts, lexicon, mentions) or author_note(
        parts, lexicon, mentions
    )
    if reporting or not _headers(relays):
        return reporting
    return headline_persons(parts, skip, lexicon, mentions)


def _members_of(parts: Zones, headed: list[Found], relayed: list[Found]) -> bool:
    """ "The Co-Chairs of the OSCE Minsk Group (Igor Popov of ..., ...) issued": persons the
    relay sentence lists right after the group the heading names; the group issued it."""
    if len(headed) != 1 or not relayed:
        return False
    text = parts.analysis.original
    group = headed[0].value.casefold()
    first = min(r.span.start for r in relayed)
    before = " ".join(text[max(0, first - MEMBERS_REACH) : first].split()).casefold()
    at = before.rfind(group)
    listed = before[at + len(group) :].lstrip()
    return at >= 0 and listed[:1] in {"(", ","} and ". " not in listed


def _headers(relays: list[Found]) -> list[Found]:
    return [r for r in relays if r.kind == "relay header"]


def _with_signatories(
    parts: Zones, lexicon: Lexicon, mentions: list[Mention], named: list[Found]
) -> list[Found]:
    """The issuers found, and the bodies that sign a list at the end of a text that is no
    letter with its own head."""
    signing = signatory_bodies(parts, lexicon, mentions)
    # A reporter's article may list who signed what it reports ("Signatories: ...").
    reported = any(f.kind == "by-line" for f in named)
    if not signing or (reported and any(s.kind == "listed signatory" for s in signing)):
        return named
    # The bodies that sign the list at the end are the issuers; a name found above stays
    # when it names a body (a letterhead, a relay sentence's "X and Y"), not when it only
    # describes them ("Three diaspora organisations") or names the site's reporter.
    first = min(s.span.start for s in signing)
    # Members who sign for themselves ("commits only those who signed it"): the assembly
    # whose letterhead is above is theirs, not a signer. A site's masthead over a signed
    # text only carries it.
    members = all(s.kind == "signing member" for s in signing)
    kept = [
        f
        for f in named
        if f.kind not in {"by-line", "masthead"}
        and not (members and f.kind in {"letterhead", "heading"})
        # A signer in the list signs for the bodies it names.
        and not (f.kind == "signature" and f.span.start > first)
        and _proper(parts, f)
        and not any(s.span.start < f.span.end and f.span.start < s.span.end for s in signing)
    ]
    # "Three diaspora organisations have issued a joint statement": the relay sentence
    # names the signatories too, as a group.
    group = tuple(f.span for f in named if f.kind == "relay sentence" and f not in kept)
    listed = [s for s in signing if all(_words(s) != _words(k) for k in kept)]
    return [*kept, *(replace(s, also=(*s.also, *group)) for s in listed)]


def _recorded(
    parts: Zones, lexicon: Lexicon, mentions: list[Mention], found: tuple[list[Found], list[Found]]
) -> tuple[list[Found], list[Found]]:
    """The issuers and relays found, or the issuer a database's record names for the
    document the page carries, and the site on the page's first line that carries it
    (unless a site's header already does)."""
    issuers, relays = found
    alone = all(i.kind == "masthead" for i in issuers)
    source = record_source(parts, lexicon, mentions, alone=alone)
    if source is None:
        return issuers, relays
    # A header whose line names the issuer too ("ԱՐԽԻՎ | National Archives of X") is the
    # issuer's own site.
    text = parts.analysis.original
    named = set(source.value.casefold().split())
    relays = [r for r in relays if r.kind != "relay header" or not named <= _line_words(text, r)]
    headed = any(r.kind == "relay header" for r in relays)
    site = None if headed else carrying_site(parts, lexicon, mentions, source)
    return [source], [*relays, *([site] if site is not None else [])]


def _line_words(text: str, found: Found) -> set[str]:
    """The words of the whole line a name stands on, in any case."""
    return set(text[slice(*line_around(text, found.span.start, found.span.end))].casefold().split())


def _proper(parts: Zones, found: Found) -> bool:
    """Whether the words name a body rather than describe a group ("Azerbaijani and
    Turkish community organisations in Germany": a plural common noun heads them)."""
    tokens = parts.analysis.tokens(found.span.start, found.span.end)
    head = parts.analysis.head(found.span.start, found.span.end)
    # A plural in title case heads a name ("Reporters Without Borders", "Mothers of ...");
    # in small letters or in a heading's capitals it describes ("... ORGANIZATIONS").
    described = head is not None and head.tag_ == "NNS" and not head.is_title
    return found.entity is not None or (
        not described
        and any(t.pos_ == "PROPN" and t.ent_type_ not in {"NORP", "GPE", "LOC"} for t in tokens)
    )


def _interviewed(parts: Zones, lexicon: Lexicon, mentions: list[Mention], read: Reading) -> Reading:
    """An interview set out in turns: its guest, and the outlet on its first line (over a
    broadcaster's or a site's name in its head, which carries the transcript); the
    interviewer's by-line over the turns is no issuer either."""
    issuers, relays, date = read
    headed_only = all(
        (
            i.kind in {"letterhead", "masthead", "first line"}
            and not is_body(parts.analysis, i, lexicon.structure.organisation_heads)
        )
        or i.kind == "by-line"
        for i in issuers
    )
    interviewed = guest(parts, lexicon, mentions) if headed_only else []
    if not interviewed:
        return read
    from_head = [replace(i, kind="relay header") for i in issuers if i.kind != "by-line"]
    bylined = len(from_head) < len(issuers)
    relays = (
        relays
        or from_head
        or (first_line_names(parts, lexicon, mentions) if bylined else [])
        or broadcaster(parts, lexicon, mentions)
    )
    return Reading(interviewed, relays, interview_day(parts, lexicon, date) or date)


def _issuers(
    parts: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    letter: LetterHead | None,
    relays: list[Found],
    skip: list[tuple[int, int]],
) -> list[Found]:
    reported = _reported(parts, lexicon, mentions, relays, skip)
    if reported:
        return reported
    spoke = record_speakers(parts, lexicon, mentions)
    if spoke:
        return spoke
    headers = _headers(relays)
    signed = signatures(parts, lexicon, mentions)
    if letter is not None:
        sender = signed or ([letter.sender] if letter.sender else [])
        if letter.sender is not None and len(signed) == 1:
            # The letter's title names the office whose holder signs.
            sender = [replace(signed[0], also=(letter.sender.span,))]
        return [*letter.transmitted, *sender]
    # Under a news site's header a by-line names the site's reporter, not an issuer, unless
    # it says who posted the text.
    bylined = byline(parts, lexicon, mentions, skip, posted_only=bool(headers))
    # A brief's authors under the title, over their institute's letterhead: all of them.
    titled = titled_in_head(parts, lexicon, mentions)
    if len(titled) > 1:
        return [*letterhead(parts, lexicon, mentions, skip)[:1], *titled]
    for named in (
        listed_speakers(parts, lexicon, mentions),
        authors(parts, lexicon, mentions),
        affiliated_author(parts, lexicon, mentions),
        post_author(parts, lexicon, mentions),
        honoured_speaker(parts, lexicon, mentions),
        labelled_speaker(parts, lexicon, mentions),
        speech_heading(parts, lexicon, mentions),
        titled,
        enacting_clauses(parts, lexicon, mentions),
        bylined,
    ):
        if named:
            # "ADDRESS OF THE PRESIDENT OF ..." signed "NAME / President of ...": the
            # heading names the office, the one who signs holds it.
            headed = named[0].kind == "speech heading"
            return (_office_of(signed, named, lexicon.structure.titles) if headed else []) or named
    return (
        _headed(parts, lexicon, mentions, skip, signed, headers)
        or channel(parts, lexicon, mentions)
        or mail_sender(parts, lexicon, mentions)
    )


def _office_of(signed: list[Found], lettered: list[Found], titles: frozenset[str]) -> list[Found]:
    """ "Office of the Mayor" over "Daniel R. Whitfield, Mayor": the letterhead is the office
    of the one who signs, the holder is the issuer (as a letter's title names the office
    whose holder signs)."""
    if len(signed) != 1 or not lettered:
        return []
    signer = {w.strip(",").lower() for w in signed[0].span.exact.split()}
    if not signer & _words(lettered[0]) & titles:
        return []
    return [replace(signed[0], also=(*signed[0].also, lettered[0].span))]


def _headed(
    parts: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
    skip: list[tuple[int, int]],
    signed: list[Found],
    headers: list[Found],
) -> list[Found]:
    """The issuer a heading, letterhead or signature names, else the site's own article's
    masthead or the lead's subject."""
    headed = document_heading(parts, lexicon, mentions)
    lettered = letterhead(parts, lexicon, mentions, skip)
    office = _office_of(signed, lettered, lexicon.structure.titles)
    if office:
        return office
    # "Statement of the Ministry" under its fuller letterhead (not the heading's own line)
    fuller = bool(lettered) and all(_words(h) <= _words(lettered[0]) for h in headed)
    if headed and fuller and not _within(headed, lettered[0]):
        # The heading names it again.
        return [replace(lettered[0], also=(*lettered[0].also, *(h.span for h in headed)))]
    # A church's letterhead over a message its clergyman signs: his message.
    served = bool(lettered) and not is_body(
        parts.analysis, lettered[0], lexicon.structure.organisation_heads
    )
    lettered = [] if served and signed else lettered
    lettered = [*lettered, *cooperating(parts, lexicon, mentions, lettered[0])] if lettered else []
    found = headed or lettered or signed or signing_organisation(parts, lexicon, mentions)
    # A site's header over a text that reproduces no one's: the site's own article (not an
    # interview someone gave it).
    if headers:
        sites = [" ".join(h.value.split()).casefold() for h in headers]
        if found or spoken_to(parts, sites):
            return found
        return [replace(h, kind="masthead") for h in headers]
    return found or lead_subject(parts, lexicon, mentions)


def _own_site(
    text: str, issuers: list[Found], relays: list[Found]
) -> tuple[list[Found], list[Found]]:
    """The issuers and relays, without the headers of the issuer's own site."""
    # A body's statement on its own site ("Ministry of Foreign Affairs of X | Official
    # website" over "Statement of the Ministry of Foreign Affairs"): the site is the issuer,
    # by its fuller name, and relays nothing; nor does a site whose header gives the
    # issuer's name beside its initials ("ACC | Armenian Community Council of Canada").
    own_sites = [
        r
        for r in relays
        if r.kind == "relay header"
        and any(_words(i) <= _words(r) or _words(i) <= _line_words(text, r) for i in issuers)
    ]
    # "QARABAĞ FK" over a programme its chairman signs "Chairman, Qarabağ FK": the club's
    # own paper, signed for it.
    headers = [r for r in relays if r.kind == "relay header"]
    signed_for = {
        n: [r for r in headers if _signs_for(i, r)]
        for n, i in enumerate(issuers)
        if i.kind == "signature"
    }
    signing = [r for sites in signed_for.values() for r in sites]
    issuers = [
        replace(i, also=(*i.also, *(r.span for r in signed_for[n]))) if signed_for.get(n) else i
        for n, i in enumerate(issuers)
    ]
    relays = [r for r in relays if r not in signing]
    if own_sites:
        site = replace(own_sites[0], kind="letterhead")
        issuers = [site if _words(i) <= _words(site) else i for i in issuers]
        relays = [r for r in relays if r not in own_sites]
    return issuers, relays


def _read(text: str, lexicon: Lexicon) -> Structure:
    parts = zones(text)
    mentions = agent_mentions(text, lexicon)
    dated = own_dates(parts, lexicon.structure)
    headers = relay_header(parts, dated, lexicon, mentions)
    # The site's credit on its own dateline ("/NAIRI/", "/HNW/" under HAYK NEWS WIRE) is the
    # header's site again, by its words or their initials.
    sites = [set(h.value.casefold().split()) for h in headers]
    initials = {
        "".join(w[0] for w in h.value.casefold().split() if w not in FUNCTION_WORDS)
        for h in headers
    }
    relays = [
        *headers,
        *(
            c
            for c in credited(parts, dated, lexicon, mentions)
            if not any(set(c.value.casefold().split()) <= site for site in sites)
            and c.value.casefold() not in initials
        ),
    ]
    relay_lines = [d.line for d in dated if d.kind == "relay"]
    skip = [*((r.span.start, r.span.end) for r in relays), *relay_lines]
    letter = letter_head(parts, lexicon, mentions)
    date = issue_date(parts, lexicon.structure, dated)
    own = [d.line for d in dated if d.kind != "month"] + [
        (r.span.start, r.span.end) for r in relays
    ]
    # Notes after the text ("14  Human Rights Watch, Bloodshed ... (New York, 1992)") cite
    # works: their dates and numbers are no event's and no figure's; a record's fields over
    # the text ("Questionnaire sent: DATE · Responses received: DATE") date its history.
    own += [*parts.notes, *note_marks(parts), *post_heads(parts)]
    own += [(f.start, f.end) for f in parts.record_fields]
    issuers = _issuers(parts, lexicon, mentions, letter, relays, skip)
    # A site's letterhead over a line of another body's name and day: that body's release.
    lettered = letter is None and all(i.kind == "letterhead" for i in issuers)
    source = dated_source(parts, dated, lexicon, mentions) if lettered else None
    issuers = [source] if source is not None else issuers
    issuers, relays = _recorded(parts, lexicon, mentions, (issuers, relays))
    relays = [
        *(r for r in relays if not place_named(parts, lexicon, r)),
        *compiler(parts, lexicon, mentions),
    ]
    if letter is None:
        issuers = _with_signatories(parts, lexicon, mentions, issuers)
    # A report that says who signed the text it carries names its issuers.
    signers = signed_by(parts, lexicon, mentions) if relays else []
    if signers:
        issuers = [*(i for i in issuers if i.kind != "relay sentence"), *signers]
    issuers, relays, date = printed(parts, lexicon, mentions, Reading(issuers, relays, date))
    date = (
        relayed_day(parts, issuers)
        or said_the_day_before(parts, issuers, date, lexicon.structure)
        or date
    )
    # An excerpt of a printed report with no cover page and nothing else that names its
    # issuer: its pages' running title.
    # A scanned book's page: the author its running head names.
    issuers = (
        issuers
        or page_head_author(parts, lexicon, mentions)
        or page_head_publisher(parts, lexicon, mentions)
    )
    running = running_title(parts, lexicon, mentions) if not issuers else None
    if running is not None:
        issuers = [running[0]] if running[0] is not None else []
        date = date or running[1]
        own.append(running[1].line)
    # Nothing else names it: the names on the first line ("SOVEREIGN ARMENIA PARTY"), or
    # the organ over a series document's title.
    issuers = (
        issuers
        or first_line_names(parts, lexicon, mentions)
        or series_organ(parts, lexicon, mentions)
    )
    issuers, relays, date = _interviewed(parts, lexicon, mentions, Reading(issuers, relays, date))
    issuers, relays = _own_site(text, issuers, relays)
    relays = [r for r in relays if not parent_site(parts, r, issuers)]
    (issuers, relays, date), carrier_lines = carried(
        parts, lexicon, mentions, Reading(issuers, relays, date)
    )
    own += carrier_lines
    issuers = [*issuers, *aligned(parts, lexicon, mentions)]
    issuers = named_again(list(dict.fromkeys(issuers)), parts, mentions)
    named = {(i.span.start, i.span.end) for i in issuers}
    # A body's own report names no site that relayed it: its header is a section's; so is
    # the header of a site whose body the author's note places the author at.
    own_report = any(i.kind == "by-line" for i in issuers)
    headed_at = [r for r in relays if r.kind == "relay header" and notes_place_at(parts, r)]
    return Structure(
        issuers=tuple(issuers),
        relays=tuple(
            named_again(
                [
                    r
                    for r in relays
                    if (r.span.start, r.span.end) not in named
                    and not (own_report and r.kind == "relay header")
                    and r not in headed_at
                ],
                parts,
                mentions,
            )
        ),
        date=date,
        place=_not_named(issued_at(text, date, lexicon), [*issuers, *relays]),
        addressee=letter.addressee if letter else None,
        own_spans=tuple(sorted(set(own))),
        chrome=(*menu_rows(parts, lexicon.structure), *footer_rows(parts, lexicon.structure)),
        body=(parts.body_start, parts.body_end),
    )


def _not_named(place: Found | None, named: list[Found]) -> Found | None:
    """ "Euronews, 5 October 2020": the words before a date that name the outlet or the
    issuer are no place."""
    if place is None or any(_words(place) == _words(n) for n in named):
        return None
    return place


_read_lately: OrderedDict[tuple[int, str], Structure] = OrderedDict()


def read_structure(text: str, lexicon: Lexicon) -> Structure:
    """The structure of a text, from the cache when it was read lately (evaluation and
    extraction ask about the same text)."""
    key = (id(lexicon.structure), text)
    found = _read_lately.get(key)
    if found is None:
        found = _read(text, lexicon)
        _read_lately[key] = found
        if len(_read_lately) > CACHE_SIZE:
            _read_lately.popitem(last=False)
    return found

"""A text relayed by a news site: the site's name on the heading line ("CASPIAN HERALD |
Politics"), its date line ("10:05, 26 Feb 2016"), and the relay sentence that names who
issued what it reproduces ("X has issued a statement ... The statement reads:", "X made a
statement ... Below is the text of the statement:"). The site is the relay, never the
issuer."""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span as SentenceSpan
from spacy.tokens import Token

from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.datelines import Dated
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, persons, trim
from statement_kg.structure.zones import Zones

# The relay sentence comes early: within this many sentences of running text.
RELAY_SENTENCES = 4
# The words that introduce the text open their sentence: "The statement reads:", "AzerToday
# presents the full text of ...".
READS_WITHIN = 5
# Clauses inside a subject ("X, having met on ...") that are not part of its name.
CLAUSES = frozenset({"acl", "relcl", "advcl"})


def relay_header(
    zones: Zones, dated: list[Dated], lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """The news site named on the first line, when a news site's date line follows it."""
    relay_lines = [d.line for d in dated if d.kind == "relay"]
    head = zones.head
    if not head or not relay_lines or relay_lines[0][0] > head[min(2, len(head) - 1)].end:
        return []
    first = head[0]
    if first.start == relay_lines[0][0]:
        return []
    text = zones.analysis.original
    end = first.end
    for separator in lexicon.structure.header_separators:
        at = text.find(separator, first.start, end)
        if at > first.start:
            end = at
    end = first.start + len(text[first.start : end].rstrip())
    return [found(text, first.start, end, "relay header", mentions, lexicon)]


def _subject(verb: Token) -> list[Token]:
    """The verb's subject, within the verb's own line block (a by-line or heading the
    parser ran into the sentence is not part of it)."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            clauses = {t.i for c in child.subtree if c.dep_ in CLAUSES for t in c.subtree}
            tokens = sorted((t for t in child.subtree if t.i not in clauses), key=lambda t: t.i)
            subject = _after_breaks(tokens)
            if any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE" for t in subject):
                return subject
    # Headings or a dateline the parser ran into the sentence can leave the verb without
    # a subject of its own: then the words before it, after the last break.
    before = _after_breaks([t for t in verb.sent if t.i < verb.i])
    return trim([t for t in before if t.pos_ in {"PROPN", "NOUN", "ADP", "DET", "PUNCT", "ADJ"}])


def _after_breaks(tokens: list[Token]) -> list[Token]:
    """The tokens after the last line break or dateline dash ("GENEVA, 3 March - The ...")."""
    breaks = [
        i
        for i, t in enumerate(tokens)
        if "\n" in t.whitespace_ or t.is_space or t.text in {"-", "–", "—"}
    ]
    return trim(tokens[breaks[-1] + 1 :] if breaks else tokens)


def _in_clause(token: Token, subject: list[Token]) -> bool:
    """A person named inside a clause of the subject ("having met under the chairmanship
    of Senator X") is not the subject."""
    inside = {t.i for t in subject}
    head = token.head
    while head.i in inside and head.i != head.head.i:
        if head.pos_ in {"VERB", "AUX"}:
            return True
        head = head.head
    return head.pos_ in {"VERB", "AUX"} and head.i in inside


def _introduces(sentence: SentenceSpan, following: SentenceSpan | None, matcher: Matcher) -> bool:
    """The relay sentence ends with a colon ("issued the following statement today:") or
    the next one introduces the text with one ("The statement reads:", "Below is the text
    of the statement:")."""
    if sentence.text.rstrip().endswith(":"):
        return True
    if following is None or not any(t.text == ":" for t in following):
        return False
    return any(start <= READS_WITHIN for _, start, _ in matcher(following))


def relay_sentences(zones: Zones, lexicon: Lexicon, mentions: list[Mention]) -> list[Found]:
    """The issuers a relay sentence names: the persons in its subject, or the subject."""
    cues = lexicon.structure
    analysis = zones.analysis
    matcher = Matcher(analysis.doc.vocab)
    for n, pattern in enumerate(cues.reads):
        matcher.add(f"reads{n}", [pattern])
    sentences = [s for s in analysis.doc.sents if analysis.span_of(list(s))[1] > zones.body_start][
        : RELAY_SENTENCES + 1
    ]
    for n, sentence in enumerate(sentences[:RELAY_SENTENCES]):
        following = sentences[n + 1] if n + 1 < len(sentences) else None
        for verb in reversed(list(sentence)):  # the verb nearest the text it introduces
            objects = [
                c
                for c in verb.children
                if c.dep_ == "dobj" and c.lemma_.lower() in cues.relay_objects
            ]
            if verb.lemma_.lower() not in cues.relay_verbs or not objects:
                continue
            if not _introduces(sentence, following, matcher) and not any(
                a.lower_ == "following" for o in objects for a in o.children
            ):
                continue
            subject = _subject(verb)
            if not subject:
                continue
            text = analysis.original
            named = [
                run for run in persons(analysis, subject) if not _in_clause(run[-1], subject)
            ] or [subject]
            return [
                found(text, *analysis.span_of(run), "relay sentence", mentions, lexicon)
                for run in named
            ]
    return []


def headline_persons(
    zones: Zones, skip: list[tuple[int, int]], lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """A relayed interview names the person interviewed in its headline, the first line
    after the site's heading and date line."""
    analysis = zones.analysis
    lines = [line for line in zones.lines if not any(a <= line.start < b for a, b in skip)]
    if not lines:
        return []
    headline = lines[0]
    named = persons(analysis, analysis.tokens(headline.start, headline.end))
    return [
        found(analysis.original, *analysis.span_of(run), "headline", mentions, lexicon)
        for run in named[-1:]
    ]

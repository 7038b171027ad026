"""Direct quotations and their speakers. A speaker is the agent named right after the quote
with a verb of saying ('"...," said Nino Beridze'), or else the nearest agent before the
quote, in its sentence, with a verb of saying between them; an agent after "quoted by" is
the reporter, not the speaker; an agent after a preposition ("in Azerbaijan") is not a
subject; else whoever the parse makes say the words (see said_by). A quote that follows
another in the same paragraph, with only the attribution between them, continues it. Quoted
titles (of a work already recognised) and quotes with no speaker are left out."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from statement_kg.extract.named_after import credited_after, name_after, named_then_said
from statement_kg.extract.people_named import last_person, titled_person
from statement_kg.extract.said_by import according_to, said_by, unlisted_person
from statement_kg.extract.scare_quotes import given_label, scare_quoted
from statement_kg.extract.spans import Nearby, SentenceIndex, SpanSet, make_span, nearby_mentions
from statement_kg.language import Analysis
from statement_kg.language.normalise import markup_spans
from statement_kg.lexicon import ClaimWords
from statement_kg.records import Mention, Quotation, QuotationOfRecord, Voice

# Curly, straight, and the doubled marks of typeset records (``...'').
_QUOTES = re.compile(
    r"“(?P<curly>[^”]{2,1500})”|(?<![\w\"])\"(?P<straight>\w[^\"]{1,1500}?[\w.!?,\]])\"(?!\w)"
    r"|``(?P<doubled>(?:[^`']|'(?!'))[^`]{1,1500}?)''"
)
_REPORTER = re.compile(r"quoted\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_PREPOSITION = re.compile(
    r"\b(?:in|of|from|against|to|by|for|with|on|at|into)\s+(?:the\s+)?$", re.IGNORECASE
)
SPEAKER_WINDOW = 400
# "Foreign Ministry spokesperson NAME": a title right before the name it is given to.
TITLE_CHARS = 40
# A title in quotation marks runs to at least this many words.
TITLE_WORDS = 3
# '"...," he said': the pronoun stands for a person named shortly before, in the paragraph.
PERSONAL_PRONOUNS = frozenset({"he", "she"})
ANTECEDENT_WINDOW = 600
# How far after '"...," said' the speaker's name may start ("said the Director of ..."), and
# how long the attribution between a quote and its continuation may be.
AFTER_WINDOW = 60
CONTINUATION_GAP = 160


@cache
def _verbs(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the words inside each pair of quotation marks, but an attribute's
    value inside a tag of markup ('<Data name="Date">')."""
    tags = SpanSet(markup_spans(text))
    spans = [
        next(m.span(g) for g in ("curly", "straight", "doubled") if m.group(g))
        for m in _QUOTES.finditer(text)
    ]
    return [(start, end) for start, end in spans if not tags.overlaps(start, end)]


def title_like(words: str, min_words: int) -> bool:
    """Capitalised like a title: at least `min_words` words, two thirds of the longer ones
    beginning with a capital ("The Sumgait Tragedy: Pogroms against Armenians")."""
    alphabetic = re.findall(r"[^\W\d_]+", words)
    long = [w for w in alphabetic if len(w) > 3]
    capitals = sum(w[0].isupper() for w in long)
    return len(alphabetic) >= min_words and bool(long) and capitals * 3 >= len(long) * 2


def quoted_titles(text: str, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Titles in quotation marks ('the volume "The Sumgait Tragedy: Pogroms against
    Armenians"'): three words or more, most of them capitalised. The terms in them name a
    work, not what the issuer calls an event."""
    return [(start, end) for start, end in quotes if title_like(text[start:end], TITLE_WORDS)]


def _speaker(
    text: str,
    start: int,
    agents: Nearby[Mention],
    quotes: Nearby[tuple[int, int]],
    words: ClaimWords,
    index: SentenceIndex,
) -> str | None:
    sentence_start, _ = index.around(start)
    # Not past the quote before this one: that quote's attribution is not this one's (one
    # further back than the window leaves `begin` where it is).
    near = quotes.near(start - SPEAKER_WINDOW, start)
    previous = max((q_end for _, q_end in near if q_end < start), default=0)
    begin = max(0, previous, min(sentence_start, start - SPEAKER_WINDOW), start - SPEAKER_WINDOW)
    verbs = _verbs(words.speech_verbs)
    candidates = [
        m
        for m in agents.near(begin, start)
        if begin <= m.span.start
        and m.span.end <= start
        and not any(q0 <= m.span.start < q1 for q0, q1 in quotes.near(m.span.start, m.span.start))
        and not _PREPOSITION.search(text, max(0, m.span.start - 12), m.span.start)
    ]
    for mention in reversed(candidates):
        if _REPORTER.search(text, max(0, mention.span.start - 60), mention.span.start):
            continue
        if verbs.search(text, mention.span.end, start):
            return mention.entity
    return None


@cache
def _attribution(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The closing of a quote and the verb of saying after it: '," said '."""
    return re.compile(rf"[”\"]?\s*,?\s*(?:{'|'.join(verbs)})\s+", re.IGNORECASE)


@cache
def _named_attribution(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """The closing of a quote, the speaker's name and the verb: '," Dr. Arslan added'."""
    return re.compile(
        rf"[”\"]?\s*,?\s*(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:{'|'.join(verbs)})\b", re.IGNORECASE
    )


@cache
def _new_speaker(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A new sentence (or the start of the text) whose subject says something."""
    return re.compile(rf"(?:[.!?]\s+|\n\s*|^\W*)[A-Z][^.!?]*?\b(?:{'|'.join(verbs)})\b")


def _speaker_after(
    text: str,
    end: int,
    agents: list[Mention],
    words: ClaimWords,
    people: list[Mention],
    analysis: Analysis,
) -> str | None:
    attribution = _attribution(words.speech_verbs).match(text, end)
    if attribution is None:
        return named_then_said(text, end, agents, words, people)
    if pronoun_attributed(text, end, words.speech_verbs):
        return _antecedent(text, end, people)
    for mention in agents:
        start = mention.span.start
        if attribution.end() <= start <= attribution.end() + AFTER_WINDOW and not re.search(
            r"[.,;:!?“”\"]|\n\s*\n", text[attribution.end() : start]
        ):
            # '," said Military Prosecutor, Colonel of Justice NAME': the
            # person the title is given to speaks; the parse names them.
            named = analysis.tokens(mention.span.start, mention.span.end)
            return None if unlisted_person(named, analysis, agents) else mention.entity
    return None


@cache
def _pronoun_attribution(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """'," he said', '," she added'."""
    pronouns = "|".join(sorted(PERSONAL_PRONOUNS))
    return re.compile(rf"[”\"]?\s*,?\s*(?:{pronouns})\s+(?:{'|'.join(verbs)})\b", re.IGNORECASE)


def pronoun_attributed(text: str, end: int, verbs: tuple[str, ...]) -> bool:
    """Whether the quote ending at `end` is attributed to a pronoun ('," he said')."""
    return _pronoun_attribution(verbs).match(text, end) is not None


def antecedent_window(text: str, start: int) -> int:
    """Where the person a pronoun stands for may be named: earlier in the quote's paragraph,
    not far back."""
    return max(text.rfind("\n\n", 0, start), start - ANTECEDENT_WINDOW, 0)


def _antecedent(text: str, end: int, people: list[Mention]) -> str | None:
    """'"...," he said': the person named last before the quote, in its paragraph."""
    begin = antecedent_window(text, end)
    before = [m for m in people if m.span.start >= begin and m.span.end <= end]
    return before[-1].entity if before else None


def _continues(text: str, previous_end: int, start: int, words: ClaimWords) -> bool:
    """Whether this quote goes on from the previous one: between them only the previous
    quote's own attribution ('," said X. "') or a clause of the same sentence ('" and
    firmly condemned "'), no blank line, no other quote, no new sentence whose subject says
    something ('". The Ministry said: "')."""
    gap = text[previous_end:start]
    verbs = words.speech_verbs
    attribution = _attribution(verbs).match(gap) or _named_attribution(verbs).match(gap)
    rest = gap[attribution.end() :] if attribution else gap
    return (
        len(gap) <= CONTINUATION_GAP
        and "\n\n" not in gap
        and not re.search(r"[“”\"]\w", gap)
        and _new_speaker(words.speech_verbs).search(rest) is None
    )


# A speaker named before a colon ('Speaker Hasanzade: "..."') in a few words.
LABEL_SPEAKER_WORDS = 5
_BEFORE_COLON = re.compile(
    r"(?:^|\n)[ \t]*(?P<name>[A-Za-z][^\n:\"“”]{1,60}):[ \t]*(?:\n[ \t]*)?[\"“]$"
)


def _named_before_colon(analysis: Analysis, start: int, parties: frozenset[str]) -> str | None:
    """The speaker a line names before a colon and the quote ('Minister Mirzoyan: "..."'),
    or the subject of a verb there ('His commander, NAME, remembers: "..."'): a person the
    parser finds there, or a party noun."""
    text = analysis.original
    line_start = text.rfind("\n", 0, start) + 1
    # A label on the line over the quote ("WITNESS (recorded 2019):" / "\"I was ...").
    if not text[line_start : start - 1].strip():
        line_start = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    match = _BEFORE_COLON.search(text, max(0, line_start - 1), start)
    if match is None or len(match["name"].split()) > LABEL_SPEAKER_WORDS:
        return None
    tokens = analysis.tokens(*match.span("name"))
    # "His commander, Samvel\nArakelyan, remembers:": a verb before the colon says who
    # speaks by its subject, which may begin on the line above.
    verb = tokens[-1] if tokens and tokens[-1].pos_ == "VERB" else None
    # "NAME, who was ..., shared\nher memory with me:": a sentence wrapped onto the line,
    # whose verb the words before the colon hang on.
    wrapped = match["name"][0].islower()
    if wrapped and tokens:
        verb = next((t for t in tokens[-1].ancestors if t.pos_ == "VERB"), None)
        if verb is None:
            return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    if subjects:
        # A person the subject names, else a party noun that heads it ("The inscription
        # reads:", "It reads:" name no one).
        phrase = [t for t in subjects[0].subtree if not t.is_space and not t.is_punct]
        # "A parishioner of ours, NAME, who ...": the parser may make the name a second
        # subject.
        people = [
            t
            for subject in subjects
            for t in subject.subtree
            if t.ent_type_ == "PERSON" and not t.is_space
        ]
        named = people or (phrase if subjects[0].lemma_.lower() in parties else [])
        return analysis.words(named) if named else None
    if not any(t.ent_type_ == "PERSON" or t.lemma_.lower() in parties for t in tokens):
        return None
    return " ".join(match["name"].split())


def _pronoun_named(
    text: str, quote: tuple[int, int], words: ClaimWords, analysis: Analysis
) -> str | None:
    """'," he said' after a paragraph that names someone no mapping knows: that person."""
    if not pronoun_attributed(text, quote[1], words.speech_verbs):
        return None
    begin = antecedent_window(text, max(0, antecedent_window(text, quote[0]) - 1))
    return last_person(analysis, begin, quote[0])


@cache
def _statement_says(nouns: frozenset[str], verbs: frozenset[str]) -> re.Pattern[str]:
    """'," the statement reads', '," the appeal says'."""
    noun = "|".join(sorted(nouns))
    verb = "|".join(sorted(verbs))
    return re.compile(
        rf"[”\"]?\s*,?\s*[”\"]?\s*(?:the|this|its|his|her)\s+(?:{noun})\s+(?:{verb})s?\b",
        re.IGNORECASE,
    )


@dataclass(frozen=True)
class Issued:
    """Who issued the text: its entity, else its words; where the text first names a person
    who issues it (a news report's lead, "spokesperson NAME said ..."), if it does; and the
    nouns and verbs that say a quote is the text's own words ("the statement reads")."""

    entity: str | None = None
    words: str | None = None
    person: tuple[int, int] | None = None
    nouns: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()

    @property
    def speaker(self) -> tuple[str | None, str | None]:
        """The issuer as a quote's speaker: its entity, else the words that name it."""
        return (self.entity, None) if self.entity is not None else (None, self.words)


def _issuer_meant(
    text: str, end: int, issued: Issued, people: list[Mention], words: ClaimWords
) -> bool:
    """'"...," she said' with no person named in the quote's paragraph: in a report of what
    one person said, the person the lead names, unless another is named since."""
    if issued.person is None or not pronoun_attributed(text, end, words.speech_verbs):
        return False
    at = issued.person[1]
    return at < end and not any(at <= m.span.start and m.span.end <= end for m in people)


def _issuer_titled(analysis: Analysis, words: str, issued: Issued, titles: frozenset[str]) -> bool:
    """ "the spokesperson said" where the lead named the issuer with that title
    ("Foreign Ministry spokesperson NAME said ...")."""
    named = [w.lower() for w in words.split() if w.lower() not in {"the", "a", "an"}]
    if issued.person is None or not named or not all(w in titles for w in named):
        return False
    start, end = issued.person
    return any(t.lower_ in named for t in analysis.tokens(max(0, start - TITLE_CHARS), end))


def _named_speaker(
    text: str,
    quote: tuple[int, int],
    agents: list[Mention],
    words: ClaimWords,
    people: list[Mention],
    analysis: Analysis,
    issued: Issued,
) -> tuple[str | None, str | None]:
    """Who says the quote, as an entity or the words that name them, where the text says
    it: the agent named right after the quote; the text's own words ("the statement
    reads"); whoever the parse makes say it; a headline's speaker before a colon; a title
    that stands for a person named before ("the Speaker said")."""
    start, end = quote
    speaker = _speaker_after(text, end, agents, words, people, analysis)
    if speaker is not None:
        return speaker, None
    if issued.nouns and _statement_says(issued.nouns, issued.verbs).match(text, end):
        return issued.speaker
    titles = words.voice.party_nouns
    speaker, party = said_by(
        analysis, start, end, words.quotation_verbs, titles, agents, words.quoting_verbs
    )
    if (speaker, party) == (None, None):
        # 'According to NAME, it was "..."': the one the attribution names.
        phrases = words.voice.attribution_phrases
        speaker, party = according_to(analysis, start, end, phrases, titles, agents)
    if speaker is not None:
        return speaker, party
    # 'Speaker Hasanzade: "..."': a headline's speaker before a colon, no verb; '"...," a
    # survivor, NAME, told me': the name, where no agent is known by it.
    party = (
        party
        or _named_before_colon(analysis, start, titles)
        or name_after(text, end, words)
        or credited_after(analysis, end, titles)
        or _pronoun_named(text, quote, words, analysis)
    )
    if party is not None and _issuer_titled(analysis, party, issued, titles):
        return issued.speaker
    if party is not None:
        return None, titled_person(analysis, start, party, titles) or party
    return None, None


def find_quotations(
    text: str,
    agents: list[Mention],
    works: list[Mention],
    words: ClaimWords,
    records: dict[str, QuotationOfRecord],
    index: SentenceIndex,
    analysis: Analysis,
    people: list[Mention],
    issued: Issued = Issued(),
) -> list[Quotation]:
    """The quotations of `text`; `people` are the agents that are persons, whom "he" and
    "she" can stand for. `issued` says who issued the text and how it names its own words
    ('," the statement reads'): those are the issuer's."""
    quotes = quoted_spans(text)
    titles = set(quoted_titles(text, quotes))
    found: list[Quotation] = []
    # Each quote asks only the works, agents and quotes near it: all of them is quadratic.
    near_works, near_agents = nearby_mentions(works), nearby_mentions(agents)
    near_quotes = Nearby(quotes, lambda span: span)
    for start, end in quotes:
        if any(
            w.span.start <= start and end <= w.span.end + 1 for w in near_works.near(start, end, 1)
        ):
            continue
        speaker, party = _named_speaker(text, (start, end), agents, words, people, analysis, issued)
        # A title is no one's words: no agent named before it says it, and it continues
        # no quotation.
        untitled = (start, end) not in titles
        # '"...," she said' stands for a person, not for a body named nearer.
        if speaker is None and party is None and _issuer_meant(text, end, issued, people, words):
            speaker, party = issued.speaker
        if speaker is None and party is None and untitled:
            speaker = _speaker(text, start, near_agents, near_quotes, words, index)
        unsaid = (speaker, party) == (None, None)
        if unsaid and untitled and found and _continues(text, found[-1].span.end, start, words):
            speaker, party = found[-1].speaker, found[-1].voice.party_words
        quoted = text[start:end]
        of_record = next(
            (r.id for r in records.values() if re.search(r.match, quoted, re.IGNORECASE)), None
        )
        if of_record is not None and (speaker, party) == (None, None):
            speaker = records[of_record].speaker
        if (speaker is None and party is None) or (
            of_record is None
            and (
                scare_quoted(analysis, start, end, words)
                or given_label(analysis, start, end, words)
            )
        ):
            continue
        # The quoted words are the speaker's: the statement reports them, from a known agent
        # or from the words that name the speaker.
        found.append(
            Quotation(
                make_span(text, start, end), speaker, of_record, Voice("reported", speaker, party)
            )
        )
    return found

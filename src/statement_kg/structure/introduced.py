"""A site's item that gives someone's words: an official's speech after "Addressing the
servicemen, the Minister said:", or an interview the speaker gave the site ("NAME, TITLE,
spoke to SITE about ..."). The speaker issued what follows; a title alone ("the Minister")
names the person the item named with that title before it ("the Minister of Defence,
Colonel General NAME, attended ...")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from statement_kg.language import Analysis
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.found import Found
from statement_kg.structure.names import found, persons
from statement_kg.structure.relay import RELAY_SENTENCES, block_before, subject_of, titled
from statement_kg.structure.zones import Zones

# Verbs of giving an interview to a site.
INTERVIEW_VERBS = frozenset({"speak", "talk"})
# The pronouns that stand for a person the lead named.
_PRONOUNS = frozenset({"he", "she"})
# The title that names the speaker again stands this many words before the name at most.
TITLE_REACH = 12


def _named_before(zones: Zones, titles: set[str], before: int) -> list[Token]:
    """The first person the item names with one of these titles before the offset: its
    subject, not a guest it names after ("met the Foreign Minister of X, NAME")."""
    analysis = zones.analysis
    runs = persons(analysis, analysis.tokens(zones.body_start, before))
    for run in runs:
        ahead = analysis.doc[max(0, run[0].i - TITLE_REACH) : run[0].i]
        if any(t.lemma_.lower() in titles for t in ahead):
            return run
    return []


def _ends_line(token: Token) -> bool:
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return "\n" in token.whitespace_ or (
        following is not None and following.is_space and "\n" in following.text
    )


def _to_site(verb: Token, sites: list[str]) -> bool:
    """ "spoke to Ararat Weekly", "talked to CaspianWire": the verb's hearer is the site
    ("told APA that ..." reports, it gives no interview)."""
    if verb.lemma_.lower() not in INTERVIEW_VERBS:
        return False
    hearers = [g for c in verb.children if c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
    for hearer in hearers:
        words = " ".join(t.text for t in hearer.subtree).casefold()
        # "spoke to Trend" under "Trend News Agency": the site by the first of its words, a
        # name ("spoke to reporters" is no "Reporters Without Borders").
        named = hearer.pos_ == "PROPN"
        # "spoke to the Courier" under "THE ARMENIAN COURIER": by its last word.
        last = named and words in {f"the {site.split()[-1]}" for site in sites if site}
        if last or any(site == words or (named and site.startswith(words + " ")) for site in sites):
            return True
    return False


def _site_spoke_with(analysis: Analysis, verb: Token, sites: list[str]) -> list[Token]:
    """ "Caucasus Monitor spoke with NAME, a ...": the site interviewed the person it
    names."""
    if verb.lemma_.lower() not in INTERVIEW_VERBS:
        return []
    # The words right before the verb on its line (the parser may run the page's head into
    # the sentence), after an opening phrase ("Twenty years after ..., SITE spoke with").
    subject = " ".join(t.text for t in block_before(verb) if not t.is_space).casefold()
    if not any(subject == site or subject.endswith(" " + site) for site in sites):
        return []
    guests = [
        g
        for c in verb.children
        if c.lower_ in {"with", "to"}
        for g in c.children
        if g.dep_ == "pobj"
    ]
    # The guest the preposition takes, not one its words name ("the lawyer of NAME").
    named = [run for g in guests for run in persons(analysis, list(g.subtree)) if g in run]
    return named[0] if named else []


def _lead(zones: Zones) -> list[Span]:
    analysis = zones.analysis
    sentences = [s for s in analysis.doc.sents if analysis.span_of(list(s))[1] > zones.body_start]
    return sentences[:RELAY_SENTENCES]


def spoken_to(zones: Zones, sites: list[str]) -> bool:
    """Whether the lead says someone spoke to the site: the item is an interview, whoever
    gave it, not the site's own article."""
    return any(_to_site(t, sites) for s in _lead(zones) for t in s)


def introduced_speaker(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], sites: list[str]
) -> list[Found]:
    """The speaker of a sentence whose colon ends its line over the speech it introduces
    (the parser may run the two into one sentence), or who spoke to the site (`sites`, its
    names in lower case)."""
    cues = lexicon.structure
    analysis = zones.analysis
    for sentence in _lead(zones):
        colons = [t.i for t in sentence if t.text == ":" and _ends_line(t)]
        end = colons[0] if colons else sentence.end
        for verb in sentence.doc[sentence.start : end]:
            guest = _site_spoke_with(analysis, verb, sites)
            if guest:
                span = analysis.span_of(guest)
                return [titled(analysis.original, span, guest, zones, lexicon, mentions)]
            if not colons and not _to_site(verb, sites):
                continue
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.speech_verbs:
                continue
            subject = subject_of(verb)
            named = persons(analysis, subject)
            if named:
                # Anchored with the title the subject gives the person.
                person = analysis.span_of(named[0])
                return [titled(analysis.original, person, subject, zones, lexicon, mentions)]
            nouns = {t.lemma_.lower() for t in subject if t.pos_ in {"NOUN", "PROPN"}}
            before = analysis.span_of(list(sentence))[0]
            run = _named_before(zones, nouns, before) if nouns and nouns <= cues.titles else []
            if not run and any(c.dep_ == "nsubj" and c.lower_ in _PRONOUNS for c in verb.children):
                # "... she spoke to Trend": the person the lead named last before.
                named_before = persons(analysis, analysis.tokens(zones.body_start, before))
                run = named_before[-1] if named_before else []
            if run:
                span = analysis.span_of(run)
                return [found(analysis.original, *span, "relay sentence", mentions, lexicon)]
    return []

"""A text relayed by a news site: the site's header (structure.site_header) and the relay
sentence that names who issued what it reproduces ("X has issued a statement ... The
statement reads:", "X made a statement ... Below is the text of the statement:"). The site
is the relay, never the issuer."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as SentenceSpan
from spacy.tokens import Token

from statement_kg.extract.spans import make_span
from statement_kg.extract.turns import asks
from statement_kg.extract.voice_parse import nearest_first
from statement_kg.lexicon import Lexicon
from statement_kg.records import Mention
from statement_kg.structure.cues import StructureCues
from statement_kg.structure.found import Dated, Found
from statement_kg.structure.names import found, persons, trim
from statement_kg.structure.relay_verbs import agent, relay_verb
from statement_kg.structure.source_note import issuing_body
from statement_kg.structure.zones import Zones

# The relay sentence comes early: within this many sentences of running text.
RELAY_SENTENCES = 4
# The sentence that introduces the text follows the relay sentence, or the speaker's words
# quoted right after it.
INTRODUCTION_SENTENCES = 2
# A turn's label is a few words ("Question (Lraber news agency)").
LABEL_WORDS = 6
# Clauses inside a subject ("X, having met on ...") that are not part of its name.
CLAUSES = frozenset({"acl", "relcl", "advcl"})


def credited(
    zones: Zones, dated: list[Dated], lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """Who a text credits as its source outside the header: an agency after the dateline
    ("Baku, February 24, 2024 / APA /"), a last line "Source: Artsakhpress"."""
    text = zones.analysis.original
    credits: list[Found] = [
        found(text, *d.agency, "dateline credit", mentions, lexicon) for d in dated if d.agency
    ]
    for line in zones.tail:
        label, colon, name = line.text.partition(":")
        if colon and label.strip().lower() in lexicon.structure.source_labels and name.strip():
            start = line.start + len(label) + 1
            start += len(name) - len(name.lstrip())
            credits.append(found(text, start, line.end, "source line", mentions, lexicon))
    return credits


def _is_break(token: Token) -> bool:
    """A line break, or a dash standing apart ("VIENNA, 27 February 2012 - The ..."), not
    the hyphen inside "Co-Chairs"."""
    if "\n" in token.whitespace_ or token.is_space:
        return True
    apart = token.i > 0 and bool(token.nbor(-1).whitespace_) and bool(token.whitespace_)
    return token.text in {"-", "–", "—"} and apart


def block_before(verb: Token) -> list[Token]:
    """The words before the verb in its own line block: a heading or dateline the parser ran
    into the sentence is not part of it."""
    before = [t for t in verb.sent if t.i < verb.i]
    breaks = [n for n, t in enumerate(before) if _is_break(t)]
    return before[breaks[-1] + 1 :] if breaks else before


def _outside_brackets(tokens: list[Token]) -> list[Token]:
    """A name without what its brackets add ("the Co-Chairs (Ambassadors of ...)")."""
    kept, depth = [], 0
    for token in tokens:
        depth += token.text == "("
        if not depth:
            kept.append(token)
        depth -= token.text == ")" and depth > 0
    return kept


def subject_of(verb: Token) -> list[Token]:
    """The verb's subject, within the verb's own line block; when the parser gives it no
    subject there, the words before it in the block."""
    block = {t.i for t in block_before(verb)}
    # A dateline run into the sentence may be parsed as a second subject: the nearest first.
    for child in nearest_first(verb, verb.children):
        if child.dep_ in {"nsubj", "nsubjpass"}:
            clauses = {t.i for c in child.subtree if c.dep_ in CLAUSES for t in c.subtree}
            tokens = sorted(
                (t for t in child.subtree if t.i not in clauses and t.i in block),
                key=lambda t: t.i,
            )
            subject = _hyphened(trim(tokens))
            if any(t.pos_ in {"NOUN", "PROPN"} and t.ent_type_ != "DATE" for t in subject):
                return subject
    if verb.dep_ == "conj" and verb.head.i in block and verb.head.pos_ in {"VERB", "AUX"}:
        # "X visited the memorial, laid a wreath and delivered a speech": X's.
        return subject_of(verb.head)
    before = [
        t for t in block_before(verb) if t.pos_ in {"PROPN", "NOUN", "ADP", "DET", "PUNCT", "ADJ"}
    ]
    return trim(before)


def _hyphened(tokens: list[Token]) -> list[Token]:
    """ "The Co-Chairs of ...": the word a hyphen joins to the subject's first, which the
    parser may have read as a subject of its own."""
    while tokens and tokens[0].i > 1:
        hyphen, word = tokens[0].nbor(-1), tokens[0].nbor(-2)
        if hyphen.text != "-" or hyphen.whitespace_ or word.whitespace_ or not word.is_alpha:
            break
        tokens = [word, hyphen, *tokens]
    return tokens


def _in_clause(token: Token, subject: list[Token]) -> bool:
    """A person named inside a clause of the subject ("having met under the chairmanship
    of Senator X") is not the subject, nor one the subject serves ("the Spokesman for
    Secretary-General X")."""
    inside = {t.i for t in subject}
    head = token.head
    while head.i in inside and head.i != head.head.i:
        if head.pos_ in {"VERB", "AUX"} or (head.dep_ == "prep" and head.lower_ == "for"):
            return True
        head = head.head
    return head.pos_ in {"VERB", "AUX"} and head.i in inside


def _interviewee(sentence: SentenceSpan, cues: StructureCues) -> list[Token]:
    """ "In an interview with X, NAME, TITLE, commented on ...": the subject of the speaking
    verb of a sentence that names an interview; where the parser gave that verb no subject,
    the words before it, after the phrase that names the interview."""
    # The interview is named by a phrase that opens the sentence's own block ("In an
    # interview with X, ..."), not in passing ("recalled his interview to X").
    interviews = [
        t
        for t in sentence
        if t.pos_ == "NOUN"
        and t.lemma_.lower() in cues.interview_nouns
        and t.head.pos_ == "ADP"
        and (t.head.i == sentence.start or _is_break(t.doc[t.head.i - 1]))
    ]
    if not interviews:
        return []
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in cues.speech_verbs:
            continue
        subject = subject_of(verb)
        if any(c.dep_ == "nsubj" for c in verb.children):
            # A pronoun ("he said in his interview to X") names no speaker of its own.
            named = any(t.pos_ in {"PROPN", "NOUN"} for t in subject)
            return subject if named else []
        # "an interview with AzNews": the noun and the object of its preposition.
        phrase_end = max(
            [n.i for n in interviews]
            + [o.i for n in interviews for p in n.children for o in p.children if o.dep_ == "pobj"]
        )
        after = [t for t in subject if t.i > phrase_end and t.pos_ != "ADP"]
        if after:
            return trim(after)
    return []


def relay_sentences(
    zones: Zones, lexicon: Lexicon, mentions: list[Mention], news: bool
) -> list[Found]:
    """The issuers a relay sentence names: the persons in its subject, or the subject. In a
    news site's report (`news`) the sentence need not introduce a text that follows: "X has
    issued a statement on ..., the site reports" names the source of all that is quoted;
    a lead that says what someone said ("NAME on Wednesday said ...") names its speaker."""
    cues = lexicon.structure
    analysis = zones.analysis
    lead = _lead_subject(zones, cues) if news else []
    if lead:
        return _named_in(lead, zones, lexicon, mentions)
    sentences = [s for s in analysis.doc.sents if analysis.span_of(list(s))[1] > zones.body_start][
        : RELAY_SENTENCES + INTRODUCTION_SENTENCES
    ]
    for n, sentence in enumerate(sentences[:RELAY_SENTENCES]):
        after = sentences[n + 1 : n + 1 + INTRODUCTION_SENTENCES]
        verb = relay_verb(sentence, after, cues, news)
        if verb is not None and _asked(analysis.original, analysis.span_of([verb])[0]):
            continue  # a journalist's question says what others did, not who answers
        # "SITE publishes the statement of the Ministry of X in full": the body the text is
        # of, not the site that publishes it. (The questions a speaker answers are the
        # askers': "answered questions from journalists at the Ministry's briefing".)
        objects = [
            c
            for c in (verb.children if verb is not None else [])
            if c.dep_ == "dobj"
            and c.lemma_.lower() in cues.relay_objects
            and c.lemma_.lower() not in cues.asked_objects
        ]
        source = next((b for c in objects if (b := issuing_body(c, cues.organisation_heads))), None)
        if source:
            span = analysis.span_of(source)
            return [found(analysis.original, *span, "relay sentence", mentions, lexicon)]
        # "In an interview with X, NAME said ...": the words after the interview's phrase.
        subject = _interviewee(sentence, cues) or (
            (agent(verb) or subject_of(verb)) if verb is not None else []
        )
        if subject:
            return _named_in(_antecedent(subject, sentence), zones, lexicon, mentions)
    return []


def _asked(text: str, start: int) -> bool:
    """Whether the words at `start` are in a paragraph a question's label opens
    ("Question: ...", "Q: ...")."""
    paragraph = text.rfind("\n\n", 0, start + 1)
    opening = text[paragraph + 2 if paragraph >= 0 else 0 :].lstrip()
    label, colon, _ = opening.partition("\n")[0].partition(":")
    return bool(colon) and len(label.split()) <= LABEL_WORDS and asks(label)


def _antecedent(subject: list[Token], sentence: SentenceSpan) -> list[Token]:
    """ "The Embassy of X in Y held an event ..., the embassy said in a press release": a
    body the sentence named in full before, not the common noun that names it again."""
    words = [t for t in subject if t.dep_ != "det"]
    if len(words) != 1 or words[0].pos_ != "NOUN" or not words[0].is_lower:
        return subject
    lemma = words[0].lemma_.lower()
    # The nearest before it (a headline the parser ran into the lead may name it too).
    before = [
        t for t in sentence if t.i < subject[0].i and t.lemma_.lower() == lemma and t.is_title
    ]
    if not before:
        return subject
    named = [t for t in before[-1].subtree if t.dep_ not in CLAUSES]
    return [t for t in named if before[-1].i <= t.i < subject[0].i]


def _named_in(
    subject: list[Token], zones: Zones, lexicon: Lexicon, mentions: list[Mention]
) -> list[Found]:
    """The persons a relay sentence's subject names, in brackets too ("the Co-Chairs
    (Ambassadors X, Y and Z)"), but not a possessor ("Azerbaijan's Ombudsman NAME"); else
    the subject without what its brackets add."""
    analysis = zones.analysis
    text = analysis.original
    named = [
        run
        for run in persons(analysis, subject)
        if not _in_clause(run[-1], subject) and not any(c.dep_ == "case" for c in run[-1].children)
    ] or _name_after_title(subject, lexicon.structure.titles)
    if len(named) == 1:
        return [titled(text, analysis.span_of(named[0]), subject, zones, lexicon, mentions)]
    return [
        found(text, *analysis.span_of(run), "relay sentence", mentions, lexicon)
        for run in named or [trim(_outside_brackets(subject))]
    ]


def _lead_subject(zones: Zones, cues: StructureCues) -> list[Token]:
    """The speaker of a news report's lead, its first paragraph (`Zones.lead`)."""
    start, local = zones.lead
    first = next(iter(local.doc.sents), None)
    verb = _reporting_lead(first, cues) if first is not None else None
    subject = subject_of(verb) if verb is not None else []
    if not subject:
        return []
    begin, finish = local.span_of(subject)
    return [t for t in zones.analysis.tokens(start + begin, start + finish) if not t.is_space]


def _name_after_title(subject: list[Token], titles: frozenset[str]) -> list[list[Token]]:
    """ "Foreign Ministry spokesperson Lusine Hakobyan", where the parser finds no person:
    the proper nouns that end the subject after a title in lower case."""
    run: list[Token] = []
    for token in reversed(trim(subject)):
        if token.pos_ != "PROPN" or not token.is_title:
            break
        run.insert(0, token)
    at = run[0].i if run else None
    before = [t for t in subject if at is not None and t.i == at - 1]
    if len(run) < 2 or not before or not before[0].is_lower or before[0].lower_ not in titles:
        return []
    return [run]


def titled(
    text: str,
    person: tuple[int, int],
    subject: list[Token],
    zones: Zones,
    lexicon: Lexicon,
    mentions: list[Mention],
) -> Found:
    """One person with the title the subject gives them ("Spokesperson of the Ministry of X,
    NAME"): the issuer is the person, anchored to the words that name them with the title."""
    start, end = zones.analysis.span_of(trim(_outside_brackets(subject)))
    start, end = min(start, person[0]), max(end, person[1])
    name = found(text, *person, "relay sentence", mentions, lexicon)
    return replace(name, span=make_span(text, start, end))


def _reporting_lead(sentence: SentenceSpan, cues: StructureCues) -> Token | None:
    """A news report's lead that says what someone said ("Foreign Ministry spokesperson NAME
    on Wednesday said Türkiye stands ..."): the report relays that speaker's words."""
    if sentence.text.rstrip().endswith("?"):
        return None
    for verb in sentence:
        if (
            verb.pos_ == "VERB"
            and verb.dep_ == "ROOT"
            and verb.tag_ in {"VBD", "VBZ"}
            and verb.lemma_.lower() in cues.speech_verbs
            # "NAME told APA that ...": a source of the agency's own report.
            and not any(c.dep_ in {"neg", "dobj", "dative"} for c in verb.children)
            and any(c.dep_ == "ccomp" for c in verb.children)
            and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children)
        ):
            return verb
    return _site_reports(sentence, cues)


def _site_reports(sentence: SentenceSpan, cues: StructureCues) -> Token | None:
    """ "NAME has called on ..., Caspian News Wire reports.": what the site's closing verb
    reports, when a person or body (not a place or a people) is its subject. A passive verb
    with no subject reports nothing: "Please be informed that ..." is a notice's words."""
    for verb in sentence:
        if verb.dep_ != "ROOT" or verb.lemma_.lower() not in cues.site_reports:
            continue
        deps = {c.dep_ for c in verb.children}
        if "auxpass" in deps and "nsubjpass" not in deps:
            continue
        for clause in verb.children:
            named = [
                t
                for c in clause.children
                if c.dep_ == "nsubj"
                for t in c.subtree
                if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "NORP"}
            ]
            if clause.dep_ == "ccomp" and clause.pos_ == "VERB" and named:
                return clause
    return None

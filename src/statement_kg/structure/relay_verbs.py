"""The verb of a relay sentence that says a text was issued ("X has issued a statement",
"X said in a statement", "X opened the sitting with an address"), and whether the sentence
introduces the text that follows ("The statement reads:", a colon)."""

from __future__ import annotations

from spacy.tokens import Span as SentenceSpan
from spacy.tokens import Token

from statement_kg.structure.cues import StructureCues
from statement_kg.structure.names import trim

# The sentence that introduces the text is short: "The statement reads:".
INTRODUCTION_TOKENS = 25


# Quotation marks around a title a sentence names.
_QUOTES = frozenset({'"', "“", "”", "«", "»"})


def _introduces(sentence: SentenceSpan, after: list[SentenceSpan], cues: StructureCues) -> bool:
    """Whether the relay sentence introduces the text, itself or by one of the short
    sentences after it (a quote of the speaker may come between)."""
    return sentence.text.rstrip().endswith(":") or any(_introduction(s, cues) for s in after)


def _introduction(following: SentenceSpan, cues: StructureCues) -> bool:
    """The relay sentence ends with a colon ("issued the following statement today:") or
    the next, short one introduces the text with one ("The statement reads:", "Below is the
    full text:", "The resolution, passed by ..., reads:") or says it follows below ("The
    interview is presented below.")."""
    words = [t for t in following if not t.is_space][:INTRODUCTION_TOKENS]
    colons = [n for n, t in enumerate(words) if t.text == ":"]
    if colons:
        words = words[: colons[0]]
    elif len(words) == INTRODUCTION_TOKENS or not any(t.lower_ in cues.below for t in words):
        return False
    if any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in cues.reads_verbs for t in words):
        return True
    # "Full text:", "Below is the text:"; not "Each of these resolutions repeats the same
    # numbers:", where a verb of its own says what the text does.
    return all(t.pos_ != "VERB" for t in words) and any(
        t.pos_ == "NOUN" and t.lemma_.lower() in cues.reads_nouns for t in words
    )


def _asked(verb: Token) -> bool:
    """A verb in a question ("are you going to issue a statement?"): nothing was issued; a
    question mark inside a quoted title after it ("a statement titled "Who will answer?"")
    asks nothing."""
    quoted = False
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.is_space and "\n" in token.text:
            return False
        if token.text in _QUOTES:
            quoted = not quoted
        elif token.text == "?" and not quoted:
            return True
    return False


def _said_before_text(verb: Token, after: list[SentenceSpan], cues: StructureCues) -> bool:
    """A sentence's own verb of saying, with its speaker, right before the sentence that
    introduces a text the speaker issued ("the text of the council's statement"), not an
    inscription it reads ("The plaque reads:")."""
    if verb.dep_ != "ROOT" or verb.lemma_.lower() not in cues.speech_verbs or not after:
        return False
    # A named speaker, not "you" in a question ("How do you comment ...? Answer: ...").
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    subject = bool(subjects) and all(c.pos_ in {"NOUN", "PROPN"} for c in subjects)
    subject = subject and not verb.sent.text.rstrip().endswith("?")
    if not (subject and _introduction(after[0], cues)):
        return False
    speaker = [t for c in subjects for t in c.subtree]
    return any(t.lemma_.lower() in cues.relay_objects and _owned_by(t, speaker) for t in after[0])


def _owned_by(text_noun: Token, speaker: list[Token]) -> bool:
    """ "the council's statement", "its release", "the ICRC news release" after "The
    International Committee of the Red Cross said": the text is the speaker's, by a
    possessive pronoun, the speaker's own noun, or its initials."""
    owners = [t for t in text_noun.subtree if t.i < text_noun.i and t.dep_ in {"poss", "compound"}]
    words = {t.lower_ for t in speaker}
    initials = "".join(
        t.text[0] for t in speaker if t.pos_ in {"PROPN", "NOUN"} and (t.is_title or t.is_upper)
    )
    return any(
        o.pos_ == "PRON" or o.lower_ in words or (len(o.text) > 1 and o.text == initials)
        for o in owners
    )


def relay_verb(
    sentence: SentenceSpan, after: list[SentenceSpan], cues: StructureCues, news: bool
) -> Token | None:
    """The verb that says a text was issued ("X has issued a statement"), the one nearest
    the text it introduces."""
    for verb in reversed(list(sentence)):
        # "has not issued a statement", "gave no information": nothing was issued; "on
        # charges of disseminating false information": no one issues anything.
        if any(c.dep_ == "neg" for c in verb.children) or _in_phrase(verb):
            continue
        if _describes(verb, cues) or _asked(verb):
            continue
        # "The following statement was issued today by X": the passive's subject is what
        # was issued.
        objects = [
            c
            for c in verb.children
            if (c.dep_ == "dobj" or (c.dep_ == "nsubjpass" and agent(verb)))
            and c.lemma_.lower() in cues.relay_objects
            and not any(d.lower_ == "no" for d in c.children)
        ]
        # "X said in a statement ...": the text it said it in.
        within = [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "in"
            for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in cues.relay_objects
        ]
        # "X opened the sitting with an address marking ...": the text it came with (the
        # parser may hang it on the object).
        hosts = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        accompanied = [
            g
            for h in hosts
            for c in h.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for g in c.children
            if g.dep_ == "pobj" and g.lemma_.lower() in cues.speech_nouns
        ]
        # "X commemorated the victims in a message posted on ...": any verb done in a text.
        if within and (verb.pos_ == "VERB" or verb.lemma_.lower() in cues.speech_verbs):
            objects = within
        elif accompanied and verb.pos_ == "VERB" and not objects:
            objects = accompanied
        elif (verb.lemma_.lower() not in cues.relay_verbs and not accompanied) or not objects:
            continue
        if (
            news
            or _introduces(sentence, after, cues)
            or any(a.lower_ == "following" for o in objects for a in o.children)
        ):
            return verb
    # "X said on Thursday ... Following is the text of X's news release:".
    return sentence.root if _said_before_text(sentence.root, after, cues) else None


def agent(verb: Token) -> list[Token]:
    """Who a passive verb says did it: the words after its "by"."""
    for child in verb.children:
        if child.dep_ == "agent":
            return trim([t for g in child.children if g.dep_ == "pobj" for t in g.subtree])
    return []


def _describes(verb: Token, cues: StructureCues) -> bool:
    """A verb in a clause that describes a noun other than a text ("the campaign ... to have
    American legislatures adopt resolutions"): it tells what someone sought, not that a
    text was issued ("the statement the Ministry issued" is one)."""
    top = verb
    while top.dep_ in {"conj", "ccomp", "xcomp"} and top.head is not top:
        top = top.head
    if top.dep_ not in {"acl", "relcl"} or top.head.lemma_.lower() in cues.relay_objects:
        return False
    # A parse run on from a headline above hangs the clause on a noun across the break.
    low, high = sorted((top.head.i, verb.i))
    return not any(t.is_space and "\n" in t.text for t in verb.doc[low:high])


def _in_phrase(verb: Token) -> bool:
    """A verb that is the object of a preposition, or joined to one ("on charges of inciting
    hatred and disseminating false information")."""
    first = verb
    while first.dep_ == "conj" and first.head is not first:
        first = first.head
    return first.dep_ in {"pcomp", "pobj"}

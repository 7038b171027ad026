"""Words in quotation marks that quote no one: scare quotes the issuer keeps a term at a
distance with ('the so-called "Khojaly genocide"'), and a label a verb of naming gives
('what Yerevan calls a "corridor incident"'). The claim's voice says whose term it is."""

from __future__ import annotations

import re

from statement_kg.language import Analysis
from statement_kg.lexicon import ClaimWords

# At most this many words with no verb between quotation marks are scare quotes, when
# what comes just before them makes them a name: a determiner, an adjective of origin.
SCARE_WORDS = 4
# A label a verb of naming gives may be a longer phrase ('describes it as an "unfortunate
# incident of the war"').
LABEL_WORDS = 7
SCARE_LEFT = 30
_SCARE_LEFT = re.compile(
    r"(?:\b(?:the|its|their|his|her|this|that|these|those|mere|so-called|alleged|of)|\w+an|\w+i)$"
)


def scare_quoted(analysis: Analysis, start: int, end: int, words: ClaimWords) -> bool:
    """Scare quotes, not a quotation: a few words with no verb, used as a name the issuer
    keeps at a distance ('the so-called "Khojaly genocide"', 'a mere "episode of combat"',
    'an Armenian "genocide"'). The claim's voice says whose term it is; they quote no one's
    words. A term quoted as another party's qualification ('qualified it as a "genocidal
    act"') stays a quotation."""
    tokens = [t for t in analysis.tokens(start, end) if not t.is_punct and not t.is_space]
    # A few capitalised words are a name in quotation marks ("Operation Ring").
    if len(tokens) <= SCARE_WORDS and all(t.pos_ == "PROPN" and t.is_title for t in tokens):
        return True
    if len(tokens) > SCARE_WORDS or any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return False
    # 'launched "anti-terrorist" operations': quoted words that modify the noun after the
    # quotation marks keep that noun's qualification at a distance.
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside), tokens[0])
    if (
        head.dep_ in {"amod", "compound"}
        and head.head.i > tokens[-1].i
        and head.head.pos_ == "NOUN"
    ):
        return True
    before = analysis.original[max(0, start - SCARE_LEFT) : start].lower()
    before = re.sub(r"[\s“”\"'‘’«]+$", "", before)
    return bool(_SCARE_LEFT.search(before)) or any(
        before.endswith(word) for word in words.voice.distancing_words
    )


def given_label(analysis: Analysis, start: int, end: int, words: ClaimWords) -> bool:
    """A name a verb of naming gives, in quotation marks: 'what Yerevan calls a "corridor
    incident"', 'describes its operation as "local anti-terrorist measures"'. A few words
    held up as the party's label (the claim's voice says whose), not its words quoted."""
    tokens = [t for t in analysis.tokens(start, end) if not t.is_punct and not t.is_space]
    if not tokens or len(tokens) > LABEL_WORDS:
        return False
    inside = {t.i for t in tokens}
    head = next((t for t in tokens if t.head.i not in inside), tokens[0])
    after_as = head.dep_ in {"pobj", "pcomp"} and head.head.lower_ == "as"
    verb = head.head.head if after_as else head.head
    naming = (after_as or head.dep_ in {"oprd", "dobj", "attr"}) and verb.pos_ in {"VERB", "AUX"}
    return naming and verb.lemma_.lower() in words.voice.labelling_verbs

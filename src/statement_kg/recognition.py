"""The entities the corpus names by their form (extract.recognise), found one text at a
time: recognition of a text depends only on the text and the listed lexicon, so each text's
entities are cached by both (and the code), and the texts not in the cache are recognised
in `jobs` processes. They are merged in the corpus's order, as `with_recognised` merges
them, so the lexicon is the same whichever way they were found."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from statement_kg.cache import ResultCache, text_key
from statement_kg.extract.recognise import merged_entities, recognise
from statement_kg.lexicon import Lexicon
from statement_kg.records import Entity

# A worker's listed lexicon, sent once when the process starts rather than with each text.
_worker: dict[str, Lexicon] = {}


@dataclass(frozen=True)
class Recognised:
    """The entities one text names by their form, in the order recognition found them."""

    entities: tuple[Entity, ...]


def _install(listed: Lexicon) -> None:
    _worker["listed"] = listed


def _recognise(text: str) -> Recognised:
    return Recognised(tuple(recognise(text, _worker["listed"])))


def _recognise_all(texts: Sequence[str], listed: Lexicon, jobs: int) -> list[Recognised]:
    if jobs > 1 and len(texts) > 1:
        workers = min(jobs, len(texts))
        with ProcessPoolExecutor(workers, initializer=_install, initargs=(listed,)) as pool:
            # A few texts per task: each is quick, so one task per text would be mostly
            # the round trip.
            return list(pool.map(_recognise, texts, chunksize=max(1, len(texts) // (8 * workers))))
    return [Recognised(tuple(recognise(text, listed))) for text in texts]


def recognised_lexicon(
    texts: Sequence[str],
    listed: Lexicon,
    cache: ResultCache[Recognised],
    digest: str,
    *,
    jobs: int = 1,
    reuse: bool = True,
) -> Lexicon:
    """`listed` with the entities every text names by its form (`with_recognised`), each
    text's from `cache` where `reuse` allows, the rest found in `jobs` processes and cached.
    `digest` stands for what recognition depends on besides the text."""
    keys = [text_key(text, digest) for text in texts]
    found = [cache.get(key) if reuse else None for key in keys]
    todo = [text for text, cached in zip(texts, found, strict=True) if cached is None]
    fresh = iter(_recognise_all(todo, listed, jobs))
    entities: list[Entity] = []
    for key, cached in zip(keys, found, strict=True):
        result = cached or next(fresh)
        if cached is None:
            cache.put(key, result)
        entities.extend(result.entities)
    return listed.with_entities(list(merged_entities(entities).values()))

"""The genre's cues, read from mappings/structure.yaml: the words and token patterns that
find issuer, relay, date, place and addressee where the genre puts them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from statement_kg.yamlfile import load

STRUCTURE_FILE = "structure.yaml"
STRUCTURE_SCHEMA = "structure.schema.json"

TokenPattern = list[dict[str, Any]]


@dataclass(frozen=True)
class StructureCues:
    organisation_heads: frozenset[str]
    document_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    meeting_nouns: frozenset[str]
    name_ends: tuple[str, ...]
    relay_verbs: frozenset[str]
    relay_objects: frozenset[str]
    reads_verbs: frozenset[str]
    reads_nouns: frozenset[str]
    interview_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    header_separators: tuple[str, ...]
    byline: frozenset[str]
    source_labels: frozenset[str]
    titles: frozenset[str]
    signature_marks: tuple[str, ...]
    enacting_by: tuple[TokenPattern, ...]
    enacting_verbs: frozenset[str]
    letter_nouns: frozenset[str]
    letter_dated: str
    letter_sender: str
    letter_addressee: str
    transmit: frozenset[str]
    issued_verbs: frozenset[str]
    distribution: frozenset[str]
    occasion_verbs: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    date_labels: frozenset[str] = frozenset()
    update_labels: frozenset[str] = frozenset()
    schedule_words: frozenset[str] = frozenset()
    revision_words: frozenset[str] = frozenset()
    impression_words: frozenset[str] = frozenset()
    reproduction_words: frozenset[str] = frozenset()
    label_ends: frozenset[str] = frozenset()
    capital_heads: frozenset[str] = frozenset()
    forum_heads: frozenset[str] = frozenset()
    filing_nouns: frozenset[str] = frozenset()
    cooperation_openings: tuple[str, ...] = ()
    volume_words: frozenset[str] = frozenset()
    record_issuer_labels: frozenset[str] = frozenset()
    publisher_labels: frozenset[str] = frozenset()
    posting_words: frozenset[str] = frozenset()
    below: frozenset[str] = frozenset()
    annex: frozenset[str] = frozenset()
    preamble: frozenset[str] = frozenset()
    closings: frozenset[str] = frozenset()
    closing_starts: frozenset[str] = frozenset()
    site_labels: frozenset[str] = frozenset()
    section_labels: frozenset[str] = frozenset()
    skip_links: frozenset[str] = frozenset()
    own_staff: frozenset[str] = frozenset()
    affiliations: frozenset[str] = frozenset()
    attest_marks: frozenset[str] = frozenset()
    site_reports: frozenset[str] = frozenset()
    path_roots: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    body_date_labels: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    cable_marks: frozenset[str] = frozenset()
    joining_verbs: frozenset[str] = frozenset()
    addressing: frozenset[str] = frozenset()
    on_behalf: tuple[str, ...] = ()
    address_forms: frozenset[str] = frozenset()
    affiliation_titles: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    hosts: frozenset[str] = frozenset()
    asked_objects: frozenset[str] = frozenset()
    witness_words: frozenset[str] = frozenset()
    presiding: frozenset[str] = frozenset()
    image_words: frozenset[str] = frozenset()
    follow_labels: frozenset[str] = frozenset()
    audience_nouns: frozenset[str] = frozenset()
    date_elements: frozenset[str] = frozenset()
    caption_labels: frozenset[str] = frozenset()
    author_labels: frozenset[str] = frozenset()
    footer_marks: tuple[str, ...] = ()
    link_lists: frozenset[str] = frozenset()
    dated_words: frozenset[str] = frozenset()
    byline_participles: frozenset[str] = frozenset()
    note_openings: tuple[str, ...] = ()
    concurring: frozenset[str] = frozenset()
    reprint_verbs: frozenset[str] = frozenset()
    day_before_words: frozenset[str] = frozenset()
    signed_verbs: frozenset[str] = frozenset()
    editor_addresses: frozenset[str] = frozenset()
    mail_separators: frozenset[str] = frozenset()
    post_counts: frozenset[str] = frozenset()
    greetings: frozenset[str] = frozenset()
    signatory_lists: frozenset[str] = frozenset()

    def mail_separator(self, line: str) -> bool:
        """ "---------- Forwarded message ---------": where a forwarded mail begins."""
        return line.strip("-–—=_ *").lower() in self.mail_separators

    @cached_property
    def separators(self) -> re.Pattern[str]:
        """A header's separators as one pattern: they cut menus, cells and a site's name."""
        return re.compile("|".join(re.escape(s) for s in self.header_separators))

    @property
    def said_verbs(self) -> frozenset[str]:
        """Verbs of issuing and of speaking: a date under one says when a text was given."""
        return self.relay_verbs | self.speech_verbs | self.issued_verbs


def _words(values: list[str]) -> frozenset[str]:
    """The words in lower case, and each also as Turkish or Azerbaijani capitals lower to
    ("VAKFI" is "vakfi", "BELEDİYESİ" is "beledi̇yesi̇" with a combining dot)."""
    lowered = {v.lower() for v in values}
    capitals = {v.replace("i", "i\u0307").replace("ı", "i") for v in lowered}
    return frozenset(lowered | capitals)


def load_cues(mappings: Path) -> StructureCues:
    raw = load(mappings / STRUCTURE_FILE, STRUCTURE_SCHEMA)
    relay, signature, enacting, letter = (
        raw["relay"],
        raw["signature"],
        raw["enacting"],
        raw["letter"],
    )
    return StructureCues(
        organisation_heads=_words(raw["organisation_heads"]),
        document_nouns=_words(raw["document_nouns"]),
        speech_nouns=_words(raw["speech_nouns"]),
        meeting_nouns=_words(raw["meeting_nouns"]),
        name_ends=tuple(raw["name_ends"]),
        relay_verbs=_words(relay["verbs"]),
        relay_objects=_words(relay["objects"]),
        reads_verbs=_words(relay["reads"]["verbs"]),
        reads_nouns=_words(relay["reads"]["nouns"]),
        interview_nouns=_words(relay["interview"]["nouns"]),
        speech_verbs=_words(relay["interview"]["verbs"]),
        header_separators=tuple(relay["header_separators"]),
        byline=_words(relay["byline"]),
        affiliations=_words(relay.get("affiliations", [])),
        source_labels=_words(relay["source"]),
        titles=_words(signature["titles"]),
        signature_marks=tuple(m.lower() for m in signature["marks"]),
        attest_marks=_words(signature.get("attest_marks", [])),
        enacting_by=tuple(enacting["by"]),
        enacting_verbs=_words(enacting["verbs"]),
        letter_nouns=_words(letter["nouns"]),
        letter_dated=letter["dated"].lower(),
        letter_sender=letter["sender"].lower(),
        letter_addressee=letter["addressee"].lower(),
        transmit=_words(letter["transmit"]),
        issued_verbs=_words(raw["issued_verbs"]),
        distribution=_words(raw["distribution"]),
        occasion_verbs=_words(raw.get("occasion_verbs", [])),
        occasion_nouns=_words(raw.get("occasion_nouns", [])),
        date_labels=_words(raw.get("date_labels", [])),
        update_labels=_words(raw.get("update_labels", [])),
        schedule_words=_words(raw.get("schedule_words", [])),
        revision_words=_words(raw.get("revision_words", [])),
        impression_words=_words(raw.get("impression_words", [])),
        reproduction_words=_words(raw.get("reproduction_words", [])),
        label_ends=_words(raw.get("label_ends", [])),
        capital_heads=_words(raw.get("capital_heads", [])),
        forum_heads=_words(raw.get("forum_heads", [])),
        filing_nouns=_words(raw.get("filing_nouns", [])),
        cooperation_openings=tuple(sorted(_words(raw.get("cooperation_openings", [])))),
        volume_words=_words(relay.get("volume_words", [])),
        record_issuer_labels=_words(raw.get("record_issuer_labels", [])),
        publisher_labels=_words(raw.get("publisher_labels", [])),
        posting_words=_words(raw.get("posting_words", [])),
        below=_words(relay.get("below", [])),
        annex=_words(letter.get("annex", [])),
        preamble=_words(enacting.get("preamble", [])),
        concurring=_words(enacting.get("concurring", [])),
        closings=_words(signature.get("closings", [])),
        closing_starts=_words(signature.get("closing_starts", [])),
        site_labels=_words(relay.get("site_labels", [])),
        section_labels=_words(relay.get("section_labels", [])),
        skip_links=_words(relay.get("skip_links", [])),
        own_staff=_words(relay.get("own_staff", [])),
        site_reports=_words(relay.get("site_reports", [])),
        path_roots=_words(relay.get("path_roots", [])),
        honorifics=_words(raw.get("honorifics", [])),
        body_date_labels=_words(raw.get("body_date_labels", [])),
        year_words=_words(raw.get("year_words", [])),
        cable_marks=_words(raw.get("cable_marks", [])),
        joining_verbs=_words(raw.get("joining_verbs", [])),
        addressing=_words(letter.get("addressing", [])),
        on_behalf=tuple(w.lower() for w in signature.get("on_behalf", [])),
        address_forms=_words(signature.get("address_forms", [])),
        affiliation_titles=_words(signature.get("affiliation_titles", [])),
        place_nouns=_words(raw.get("place_nouns", [])),
        state_nouns=_words(raw.get("state_nouns", [])),
        hosts=_words(relay.get("hosts", [])),
        asked_objects=_words(relay.get("asked", [])),
        witness_words=_words(raw.get("witness_words", [])),
        presiding=_words(raw.get("presiding", [])),
        image_words=_words(raw.get("image_words", [])),
        follow_labels=_words(raw.get("follow_labels", [])),
        audience_nouns=_words(raw.get("audience_nouns", [])),
        date_elements=_words(raw.get("date_elements", [])),
        caption_labels=_words(raw.get("caption_labels", [])),
        author_labels=_words(raw.get("author_labels", [])),
        footer_marks=tuple(w.lower() for w in raw.get("footer_marks", [])),
        link_lists=_words(raw.get("link_lists", [])),
        dated_words=_words(raw.get("dated_words", [])),
        byline_participles=_words(raw.get("byline_participles", [])),
        note_openings=tuple(w.lower() for w in raw.get("note_openings", [])),
        reprint_verbs=_words(raw.get("reprint_verbs", [])),
        day_before_words=_words(raw.get("day_before_words", [])),
        signed_verbs=_words(raw.get("signed_verbs", [])),
        editor_addresses=_words(raw.get("editor_addresses", [])),
        mail_separators=_words(raw.get("mail_separators", [])),
        post_counts=_words(raw.get("post_counts", [])),
        greetings=_words(raw.get("greetings", [])),
        signatory_lists=_words(signature.get("lists", [])),
    )

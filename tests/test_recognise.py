"""Works and persons that mappings/ does not list but a text names by their form: found,
identified, kept apart from listed ones, and built into a graph that conforms."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from statement_kg.build import build
from statement_kg.extract.recognise import recognise
from statement_kg.lexicon import Lexicon
from statement_kg.project import Project
from statement_kg.rdf.reference import RECOGNISED_NOTE

ID = Namespace("https://w3id.org/statement-kg/id/")
SKG = Namespace("https://w3id.org/statement-kg/ontology#")
CITO = Namespace("http://purl.org/spar/cito/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("https://schema.org/")

LETTER = """United Nations                                   A/79/501–S/2025/77
General Assembly

Letter dated 3 March 2025 from the Permanent Representative of Armenia to the United Nations

Further to my letter of 1 February 2025 (A/79/412–S/2025/40), I have the honour to recall
General Assembly resolution 260 (III) and General Assembly resolution 62/243, and that the
Security Council, in resolutions 822 (1993) and 2334 (2016), demanded a withdrawal.
"""

JUDGMENTS = """The European Court of Human Rights, in Fatullayev v. Azerbaijan (application
no. 40984/07) of 22 April 2010, and in Chiragov and Others v. Armenia (application no.
13216/05) of 16 June 2015, examined the conflict; see also application no. 55555/10."""

QUOTES = """Civic groups met in Tbilisi. "We are still waiting for answers," said Nino Beridze,
director of a monitoring group. "Nobody should forget them."

Foreign Minister Ararat Mirzoyan said: "The archives must be opened."
The Foreign Ministry said: "No comment." "Later," said the Ministry of Foreign Affairs."""


def _by_id(text: str, lexicon: Lexicon) -> dict[str, tuple[str, str, str | None, str | None]]:
    return {
        e.id: (e.type, e.label, e.symbol or e.application_number, e.issued or e.issued_by)
        for e in recognise(text, lexicon)
    }


def test_un_symbols_and_resolutions_by_number(lexicon: Lexicon) -> None:
    assert _by_id(LETTER, lexicon) == {
        # The letterhead's A/79/501-S/2025/77 is the letter's own symbol, not a citation;
        # S/RES/822 (1993) is listed in mappings/ and stays that entity.
        "a-79-412-s-2025-40": (
            "un_document",
            "UN document A/79/412-S/2025/40",
            "A/79/412-S/2025/40",
            None,
        ),
        "a-res-260": (
            "un_resolution",
            "UN General Assembly resolution 260",
            "A/RES/260(III)",
            "un-general-assembly",
        ),
        "a-res-62-243": (
            "un_resolution",
            "UN General Assembly resolution 62/243",
            "A/RES/62/243",
            "un-general-assembly",
        ),
        "s-res-2334": (
            "un_resolution",
            "UN Security Council resolution 2334",
            "S/RES/2334 (2016)",
            "un-security-council",
        ),
    }


def test_judgments_by_application_number(lexicon: Lexicon) -> None:
    assert _by_id(JUDGMENTS, lexicon) == {
        "echr-court-13216-05": (
            "court_judgment",
            "Chiragov and Others v. Armenia",
            "13216/05",
            "2015-06-16",
        ),
        "echr-court-55555-10": (
            "court_judgment",
            "Application no. 55555/10",
            "55555/10",
            "echr-court",
        ),
    }
    # Without a word for the court, an application number alone is not taken to be its
    # judgment; a case named with its number is.
    unnamed = _by_id(JUDGMENTS.replace("The European Court of Human Rights", "A court"), lexicon)
    assert list(unnamed) == ["echr-court-13216-05"]


def test_quoted_persons_but_not_institutions(lexicon: Lexicon) -> None:
    assert _by_id(QUOTES, lexicon) == {
        "ararat-mirzoyan": ("person", "Ararat Mirzoyan", None, None),
        "nino-beridze": ("person", "Nino Beridze", None, None),
    }


LETTER_SIDECAR = """title: Letter on the anniversary
type: letter
language: en
issuers: [permanent-representative-armenia-un]
issued:
  date: "2025-03-03"
  inferred: false
original_file: letter.txt
sha256: {sha256}
"""


@pytest.fixture
def with_letter(tmp_path: Path) -> Project:
    root = Path(__file__).resolve().parent.parent
    for part in ("corpus", "mappings", "ontology"):
        shutil.copytree(root / part, tmp_path / part)
    text = (LETTER + "\n" + JUDGMENTS + "\n\n" + QUOTES + "\n").encode()
    (tmp_path / "corpus" / "2025-03-03-letter.txt").write_bytes(text)
    sidecar = LETTER_SIDECAR.format(sha256=hashlib.sha256(text).hexdigest())
    (tmp_path / "corpus" / "2025-03-03-letter.yaml").write_text(sidecar)
    return Project(tmp_path)


def test_recognised_entities_are_built_cited_and_marked(with_letter: Project) -> None:
    out = with_letter.root / "graph"
    build(with_letter, out_dir=out)  # raises unless the graph conforms to the shapes
    graph = Graph().parse(out / "statements.nt")
    statement = ID["statement/2025-03-03-letter"]
    note = Literal(RECOGNISED_NOTE, lang="en")
    recognised = set(graph.subjects(SKOS.editorialNote, note))
    assert recognised == {
        ID["works/a-79-412-s-2025-40"],
        ID["works/a-res-260"],
        ID["works/a-res-62-243"],
        ID["works/s-res-2334"],
        ID["works/echr-court-13216-05"],
        ID["works/echr-court-55555-10"],
        ID["agent/nino-beridze"],
        ID["agent/ararat-mirzoyan"],
    }
    judgment = ID["works/echr-court-13216-05"]
    assert (judgment, RDF.type, SKG.CourtJudgment) in graph
    assert graph.value(judgment, RDFS.label) == Literal("Chiragov and Others v. Armenia", lang="en")
    assert graph.value(judgment, DCTERMS.creator) == ID["agent/echr-court"]
    cited = {
        o
        for p in (CITO.citesAsAuthority, CITO.citesForInformation)
        for o in graph.objects(statement, p)
    }
    assert {ID["works/s-res-2334"], ID["works/unsc-res-822"], judgment} <= cited
    assert graph.value(ID["works/a-res-260"], SKG.unSymbol) == Literal("A/RES/260(III)")
    quotes = {
        (
            str(graph.value(graph.value(claim, OA.hasBody), SCHEMA.text)),
            graph.value(claim, SKG.speaker),
            graph.value(claim, SKG.partyName),
        )
        for claim in graph.subjects(RDF.type, SKG.QuotationClaim)
        if "2025-03-03-letter" in str(claim)
    }
    beridze, mirzoyan = ID["agent/nino-beridze"], ID["agent/ararat-mirzoyan"]
    # The second quotation continues the first: only the attribution lies between them. The
    # two said by a ministry the mappings do not know are said by the words that name it.
    assert quotes == {
        ("We are still waiting for answers,", beridze, None),
        ("Nobody should forget them.", beridze, None),
        ("The archives must be opened.", mirzoyan, None),
        ("No comment.", None, Literal("The Foreign Ministry")),
        ("Later,", None, Literal("the Ministry of Foreign Affairs")),
    }


def test_a_listed_entity_wins_over_a_recognised_one(lexicon: Lexicon) -> None:
    """The ECHR judgment of the corpus is in mappings/ with its application number: a text
    naming it the same way finds that entity, and nothing is recognised."""
    assert "echr-fatullayev-judgment" in lexicon.entities
    text = (
        "The European Court of Human Rights, in Fatullayev v. Azerbaijan (application no. 40984/07)"
    )
    assert recognise(text, lexicon) == []

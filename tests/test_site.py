"""The site without a browser: highlights cut at code-point offsets, deterministic output,
corrections applied to the graph and shown, bad corrections refused with file and line."""

from __future__ import annotations

import json
import re
import socket
from html.parser import HTMLParser
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from site_fixtures import CORRECTIONS, CURATED_DOC, NON_BMP, curated_project
from statement_kg.build import build
from statement_kg.cli import main
from statement_kg.evaluate.run import evaluate
from statement_kg.lexicon import load_lexicon
from statement_kg.project import Project
from statement_kg.records import InputError
from statement_kg.site import build_site
from statement_kg.site.highlight import highlight
from statement_kg.site.http import serving
from statement_kg.site.model import Mark
from statement_kg.store import load_store


class _Pieces(HTMLParser):
    """The text inside each data-key, joined over its pieces, as a browser would read it."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[str] = []
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.open.append(dict(attrs)["data-key"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data: str) -> None:
        for key in self.open:
            self.text[key] = self.text.get(key, "") + data


def _pieces(html: str) -> dict[str, str]:
    parser = _Pieces()
    parser.feed(html)
    return parser.text


def _mark(key: str, start: int, end: int, text: str) -> Mark:
    return Mark(key, "figure", start, end, text[start:end], key)


HIGHLIGHT_CASES = {
    "plain": ("613 people", [(0, 3)]),
    "after a non-BMP character": (f"{NON_BMP}{NON_BMP} 613 people", [(3, 6)]),
    "a non-BMP character inside": (f"a {NON_BMP}b{NON_BMP} c", [(2, 5), (0, 1)]),
    "nested": ("the armed forces of Armenia", [(0, 27), (4, 16), (20, 27)]),
    "crossing": ("one two three four", [(0, 7), (4, 13), (8, 18)]),
    "escaped": ("<b>&amp;</b> ok", [(0, 8), (3, 8)]),
    "after blank lines": ("\n\n  613 people\n", [(4, 7)]),
}


@pytest.mark.parametrize(("text", "spans"), HIGHLIGHT_CASES.values(), ids=HIGHLIGHT_CASES.keys())
def test_every_highlight_holds_exactly_its_words(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [_mark(f"k{i}", s, e, text) for i, (s, e) in enumerate(spans)]
    html = str(highlight(text, marks))
    assert _pieces(html) == {m.key: m.exact for m in marks}
    assert (
        re.sub(r"<[^>]+>", "", html)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
        .replace("&#34;", '"')
        .replace("&#39;", "'")
        == text
    )


def test_site_is_deterministic(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    first, second = tmp_path / "a", tmp_path / "b"
    build_site(root / "graph", root / "queries", first)
    build_site(root / "graph", root / "queries", second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert len(files) > 100
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_corpus_pages_highlight_every_claim(corpus_site: Path, store: ox.Store) -> None:
    for page in sorted((corpus_site / "statements").glob("*.html")):
        pieces = _pieces(page.read_text(encoding="utf-8"))
        claims = [k for k in pieces if k.split("/")[0] in ("figure", "characterisation")]
        assert claims, page.name
        text = page.read_text(encoding="utf-8")
        assert 'rel="alternate" type="text/turtle"' in text
        assert '<script type="application/ld+json">' in text


ASK = """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX skg: <https://w3id.org/statement-kg/ontology#>
ASK {{ {pattern} }}"""
STATEMENT = f"<https://w3id.org/statement-kg/id/statement/{CURATED_DOC}"
CURATED_FACTS = {
    "rejected claim gone": (f"{STATEMENT}/figure/2307-2308> a skg:Claim", False),
    "rejection recorded": (f"?c prov:invalidated {STATEMENT}/figure/2307-2308>", True),
    "voice changed": (
        f"{STATEMENT}/characterisation/1522-1529> skg:voice "
        "<https://w3id.org/statement-kg/id/voice/reported> ; skg:attributedTo "
        "<https://w3id.org/statement-kg/id/agent/republic-of-armenia> ; prov:wasGeneratedBy ?c",
        True,
    ),
    "value, modifier and event changed": (
        f"{STATEMENT}/figure/782-787> schema:value 6500 ; skg:modifier "
        "<https://w3id.org/statement-kg/id/modifier/about> ; skg:concerns "
        "<https://w3id.org/statement-kg/id/event/khojaly-siege> ; prov:wasGeneratedBy ?c . "
        "?c prov:wasAssociatedWith/rdfs:label 'B. Curator'@und ; "
        "<http://purl.org/dc/terms/created> '2026-12-01'^^xsd:date",
        True,
    ),
    "claim added, curated": (
        f"{STATEMENT}/characterisation/913-919> a skg:CharacterisationClaim ; "
        "prov:wasGeneratedBy ?c ; skg:curatedBy ?who . ?c prov:wasAssociatedWith ?who",
        True,
    ),
}


@pytest.mark.parametrize(("pattern", "expected"), CURATED_FACTS.values(), ids=CURATED_FACTS.keys())
def test_corrections_change_the_graph(curated: Project, pattern: str, expected: bool) -> None:
    answer = load_store(curated.graph).query(ASK.format(pattern=pattern))
    assert bool(answer) is expected


def test_corrections_show_on_the_page(curated: Project) -> None:
    html = (curated.root / "site" / "statements" / f"{CURATED_DOC}.html").read_text("utf-8")
    assert "curated (add) by A. Curator, 2026-11-30" in html
    assert "curated (change) by A. Curator, 2026-11-30" in html
    assert 'data-key="correction/reject/figure/2307-2308"' in html
    pieces = _pieces(html)
    assert pieces["correction/reject/figure/2307-2308"] == "8"
    assert pieces["characterisation/913-919"] == "crimes"


def test_evaluate_scores_extraction_before_corrections(curated: Project, project: Project) -> None:
    gold = project.root / "tests" / "gold"
    before = evaluate(project.corpus, gold, load_lexicon(project.mappings))
    after = evaluate(curated.corpus, gold, load_lexicon(curated.mappings))
    assert [s.name for s in before] == [s.name for s in after]
    assert [s.counts for s in before] == [s.counts for s in after]


BAD = {
    "claim gone": (
        'claim: figure/2307-2308\n    exact: "8"',
        'claim: figure/2307-2309\n    exact: "8 "',
        "no claim figure/2307-2309 in undated-embassy-japan-press-release: the extraction no "
        "longer makes it; update or remove the correction",
    ),
    "words changed": (
        "exact: tragedy",
        "exact: disaster",
        "span 1522-1529 of undated-embassy-japan-press-release reads 'tragedy', not "
        "'disaster': the text has changed; update or remove the correction",
    ),
    "added twice": (
        "span: [913, 919]\n    exact: crimes",
        "span: [1522, 1529]\n    exact: tragedy",
        "undated-embassy-japan-press-release already has the claim characterisation/1522-1529: "
        "change it instead of adding one",
    ),
    "not a field of the kind": (
        "set: {voice: reported, party: republic-of-armenia}",
        "set: {value: 3}",
        "a characterisation claim has no value",
    ),
    "unknown party": (
        "party: republic-of-armenia}",
        "party: no-such-entity}",
        "unknown entity id 'no-such-entity' for party",
    ),
    "unknown category": (
        "category: war_crime,",
        "category: war_crimes,",
        "unknown characterisation category 'war_crimes'",
    ),
    "no reason given": (
        "    why: A count of districts, not a figure about the events.\n",
        "",
        "field 'corrections.0': 'why' is a required property",
    ),
    "unknown document": (
        f"  - document: {CURATED_DOC}\n    action: add",
        "  - document: no-such-document\n    action: add",
        "no document 'no-such-document' in the corpus",
    ),
}


@pytest.mark.parametrize(("old", "new", "message"), BAD.values(), ids=BAD.keys())
def test_bad_correction_names_file_and_line(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    assert old in CORRECTIONS
    text = CORRECTIONS.replace(old, new)
    project = curated_project(tmp_path, text)
    # The line of the list entry that holds the broken field.
    start = CORRECTIONS.rfind("\n  - ", 0, CORRECTIONS.index(old) + 4) + 1
    entry = CORRECTIONS[:start].count("\n") + 1
    with pytest.raises(InputError) as caught:
        build(project, write=False)
    assert str(caught.value) == f"{project.mappings / 'corrections.yaml'}:{entry}: {message}"


def test_every_disagreement_links_to_its_claim(corpus_site: Path) -> None:
    html = (corpus_site / "disagreements.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr><td><a href="([^"]+)">', html)
    assert len(rows) >= 15
    for href in rows:
        page, _, anchor = href.partition("#")
        assert anchor.startswith("c-figure-"), href
        assert f'id="{anchor}"' in (corpus_site / page).read_text(encoding="utf-8"), href


def test_every_page_carries_schema_org_json_ld(corpus_site: Path) -> None:
    pages = sorted(corpus_site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        html = page.read_text(encoding="utf-8")
        found = re.search(r'<script type="application/ld\+json">\n(.*?)\n</script>', html, re.S)
        assert found is not None, page.name
        data = json.loads(found[1])
        assert data["@context"] == "https://schema.org", page.name
        assert data["@type"] in {
            "CreativeWork",
            "Event",
            "Organization",
            "Thing",
            "ItemList",
            "Dataset",
        }, page.name


def test_site_command(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "public"
    result = CliRunner().invoke(main, ["--root", str(root), "site", "--out", str(out)])
    assert result.exit_code == 0, result.output
    pages = len(list(out.rglob("*.html")))
    assert result.output == (
        f"Wrote {pages} pages for 5 statements to {out}\nOpen {out / 'index.html'}\n"
    )


def test_site_without_a_graph_is_an_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "site"])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {tmp_path / 'graph' / 'statements.nt'} not found: run 'statement-kg build' first\n"
    )
    assert not (tmp_path / "site").exists()


def test_a_folder_that_is_not_a_site_is_not_replaced(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(root), "site", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert (
        result.output == f"Error: {tmp_path} is not empty and holds no site: it is not replaced\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_a_site_is_replaced_whole(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parent.parent
    out = tmp_path / "site"
    build_site(root / "graph", root / "queries", out)
    (out / "statements" / "stale.html").write_text("old", encoding="utf-8")
    build_site(root / "graph", root / "queries", out)
    assert not (out / "statements" / "stale.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_relayed_statement_names_its_relay_not_as_issuer(tmp_path: Path) -> None:
    """A news site that carried the text is shown as its relay, apart from its issuers."""
    project = curated_project(tmp_path / "project", corrections="corrections: []\n")
    sidecar = project.corpus / "2023-02-26-embassy-brussels-press-release.yaml"
    text = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(
        text.replace("\nissued:", "\nrelayed_by: [the-washington-post]\nissued:", 1),
        encoding="utf-8",
    )
    build(project)
    out = build_site(project.graph, project.queries, tmp_path / "site").out
    page = (out / "statements" / "2023-02-26-embassy-brussels-press-release.html").read_text(
        encoding="utf-8"
    )
    relay = page.split("<dt>Relayed by</dt>", 1)[1].split("</dd>", 1)[0]
    assert "The Washington Post" in relay
    issuers = page.split("<dt>Issuer", 1)[1].split("</dd>", 1)[0]
    assert "The Washington Post" not in issuers


def test_the_default_site_port_gives_way_when_taken(tmp_path: Path) -> None:
    """The endpoint's port plus one may be the private port of the server behind the front:
    the default site port then yields to a free one, an explicit one is refused."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with serving(tmp_path, port, or_any=True) as address:
            assert address.startswith("http://127.0.0.1:")
            assert address != f"http://127.0.0.1:{port}/"
        with pytest.raises(OSError, match="in use"), serving(tmp_path, port):
            pass

"""The competency questions in queries/ give their expected answers on the corpus."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from statement_kg.query import header, question, select

QUERIES = Path(__file__).resolve().parent.parent / "queries"
ID = "https://w3id.org/statement-kg/id/"


def _rows(store: ox.Store, name: str) -> list[dict[str, str]]:
    (path,) = QUERIES.glob(f"{name}-*.rq")
    table = select(store, path.read_text(encoding="utf-8"))
    return [
        {c: (t.value if t is not None else "") for c, t in zip(table.columns, row, strict=True)}
        for row in table.rows
    ]


@pytest.mark.parametrize("path", sorted(QUERIES.glob("*.rq")), ids=lambda p: p.stem)
def test_every_query_has_a_header(path: Path) -> None:
    text = header(path)
    assert question(path).endswith("?")
    assert "Parameters:" in text
    assert "Example: statement-kg query queries/" + path.name in text


def test_cq01_statements_citing_resolution_884(store: ox.Store) -> None:
    rows = _rows(store, "cq-01")
    assert [
        (r["statement"], r["issued"], set(r["issuers"].split("; ")), r["transmittedOn"])
        for r in rows
    ] == [
        (
            ID + "statement/2020-02-26-joint-statement-mfa-prosecutor-general",
            "2020-02-26",
            {
                "Ministry of Foreign Affairs of the Republic of Azerbaijan",
                "Prosecutor General's Office of the Republic of Azerbaijan",
            },
            "2020-03-04",
        ),
        (
            ID + "statement/2023-02-26-vienna-rally-statement",
            "2023-02-26",
            {"Participants of the European Khojaly Rally, Vienna, 26 February 2023"},
            "",
        ),
    ]
    assert rows[0]["inferred"] == "true"
    assert rows[0]["transmittedIn"].startswith("Note verbale dated 4 March 2020")


def test_cq04_timeline(store: ox.Store) -> None:
    rows = {r["event"].removeprefix(ID + "event/"): r for r in _rows(store, "cq-04")}
    assert rows["khojaly-events-1992"]["statements"] == "5"
    assert "1992-02-25/1992-02-26" in rows["khojaly-events-1992"]["datesGiven"].split(", ")
    assert set(rows["khojaly-siege"]["datesGiven"].split(", ")) == {"1991-10", "1991/1992"}
    assert rows["coe-declaration-1992-adoption"]["datesGiven"] == "1992-03-11"
    assert rows["echr-fatullayev-judgment-delivery"]["datesGiven"] == "2010-04-22"
    assert rows["justice-for-khojaly-launch"]["datesGiven"] == "2008-05-08"
    assert rows["unsc-resolutions-1993-adoption"] == {
        **rows["unsc-resolutions-1993-adoption"],
        "datesGiven": "1993",
        "statements": "2",
    }
    assert rows["conflict-end-2020"]["datesGiven"] == "2020"
    assert rows["european-khojaly-rally-2023"]["datesGiven"] == "2023-02-26"
    order = [r["earliest"] for r in rows.values() if r["earliest"]]
    assert order == sorted(order)


def test_cq09_legal_instruments(store: ox.Store) -> None:
    rows = _rows(store, "cq-09")
    by_statement: dict[str, set[str]] = {}
    for r in rows:
        by_statement.setdefault(r["statement"].removeprefix(ID + "statement/"), set()).add(
            r["identifier"] or r["label"]
        )
    assert by_statement["2023-02-26-vienna-rally-statement"] == {
        "S/RES/822 (1993)",
        "S/RES/853 (1993)",
        "S/RES/874 (1993)",
        "S/RES/884 (1993)",
        "Convention on the Prevention and Punishment of the Crime of Genocide",
    }
    joint = by_statement["2020-02-26-joint-statement-mfa-prosecutor-general"]
    assert {
        "S/RES/884 (1993)",
        "40984/07",
        "Geneva Conventions",
        "Convention on the Rights of the Child",
        "Convention for the Protection of Human Rights and Fundamental Freedoms",
    } <= joint
    assert by_statement["2022-02-26-anniversary-information-note"] == {
        "40984/07",
        "Charter of the United Nations",
        "Declaration of the Committee of Ministers of the Council of Europe of 11 March 1992 "
        "on Nagorno-Karabakh",
    }
    assert "undated-embassy-japan-press-release" not in by_statement


def test_cq12_anniversary_statements(store: ox.Store) -> None:
    rows = _rows(store, "cq-12")
    assert [
        (r["statement"].removeprefix(ID + "statement/"), r["ordinal"], r["event"]) for r in rows
    ] == [
        (
            "2020-02-26-joint-statement-mfa-prosecutor-general",
            "28",
            ID + "event/khojaly-events-1992",
        ),
        ("2022-02-26-anniversary-information-note", "30", ID + "event/khojaly-events-1992"),
        ("2023-02-26-embassy-brussels-press-release", "31", ID + "event/khojaly-events-1992"),
    ]

"""Times the command line's start, build, validation and the shipped queries on the corpus
and on a synthetic corpus, and compares rdflib's own store with Oxigraph for parsing,
serialising and querying.

    python benchmarks/bench.py [--statements 1000] [--repeat 3] [--startup-only]

Figures are medians of --repeat runs, measured side by side in one process, so that their
ratios hold on a shared, noisy machine even when the absolute times do not.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import yaml
from rdflib import Graph
from rdflib.plugins.sparql.sparql import NotBoundError

from statement_kg.build import build
from statement_kg.federation import services
from statement_kg.project import Project

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_project(target: Path, statements: int) -> Project:
    """A project whose corpus repeats the real documents under new ids, each text made
    unique by a first line of its own, with the mappings and shapes of the real one."""
    for part in ("mappings", "ontology"):
        shutil.copytree(ROOT / part, target / part)
    corpus = target / "corpus"
    corpus.mkdir()
    sources = sorted((ROOT / "corpus").glob("*.txt"))
    for index in range(statements):
        source = sources[index % len(sources)]
        data = f"Synthetic statement {index}\n".encode() + source.read_bytes()
        sidecar = yaml.safe_load(source.with_suffix(".yaml").read_text(encoding="utf-8"))
        sidecar["sha256"] = hashlib.sha256(data).hexdigest()
        name = f"synthetic-{index:05d}"
        (corpus / f"{name}.txt").write_bytes(data)
        (corpus / f"{name}.yaml").write_text(yaml.safe_dump(sidecar), encoding="utf-8")
    return Project(target)


def report_build(label: str, project: Project, out: Path, repeat: int) -> None:
    runs = [build(project, out_dir=out) for _ in range(repeat)]
    stages = {k: statistics.median(r.seconds[k] for r in runs) for k in runs[0].seconds}
    total = sum(stages.values())
    print(f"\n## build: {label} ({runs[0].documents} statements, {runs[0].triples} triples)")
    for stage, seconds in stages.items():
        print(f"  {stage:<10} {seconds:8.2f} s")
    print(
        f"  {'total':<10} {total:8.2f} s   "
        f"({1000 * total / runs[0].documents:.1f} ms per statement, "
        f"validation {1000 * stages['validate'] / runs[0].documents:.1f} ms per statement)"
    )


STARTUP = {
    "statement-kg --help": ["--help"],
    "statement-kg query --list": ["query", "--list"],
    "statement-kg query cq-01 (table)": ["query", "cq-01"],
    "statement-kg query cq-11 --param issuer=<short id> --format csv": [
        "query",
        "cq-11",
        "--param",
        "issuer=mfa-azerbaijan",
        "--format",
        "csv",
    ],
    "statement-kg entities": ["entities"],
}


def report_startup(repeat: int) -> None:
    """Wall time of whole command-line runs on the corpus, as a user sees them: the
    interpreter's start, imports, loading graph/ and the answer."""
    script = Path(sys.executable).parent / "statement-kg"
    print(f"\n## command line, end to end on the corpus, median of {repeat}")
    for label, args in STARTUP.items():

        def once(args: list[str] = args) -> None:
            subprocess.run(
                [str(script), "--root", str(ROOT), *args], check=True, capture_output=True
            )

        print(f"  {label:<64} {median_seconds(once, repeat) * 1000:8.0f} ms")


def _oxigraph_rows(store: ox.Store, text: str) -> int:
    result = store.query(text)
    assert isinstance(result, ox.QuerySolutions)
    return sum(1 for _ in result)


def _rdflib_rows(graph: Graph, text: str) -> int:
    return sum(1 for _ in graph.query(text))


def report_queries(label: str, nt: Path, repeat: int, with_rdflib: bool) -> None:
    """Each shipped query in Oxigraph and, where it finishes in reasonable time, rdflib."""
    queries = sorted((ROOT / "queries").glob("*.rq"))
    rdf = Graph().parse(nt, format="nt") if with_rdflib else None
    store = ox.Store()
    store.bulk_load(path=str(nt), format=ox.RdfFormat.N_TRIPLES)
    print(f"\n## queries: {label} ({len(store)} triples), median of {repeat}")
    print(f"  {'query':<42} {'rdflib':>10} {'oxigraph':>10} {'ratio':>7}")
    for query in queries:
        text = query.read_text(encoding="utf-8")
        if services(text):
            # A federated query would time a remote endpoint, not the store, and load it.
            print(f"  {query.stem:<42} {'federated: not timed':>21}")
            continue
        fast = median_seconds(partial(_oxigraph_rows, store, text), repeat)
        if rdf is None:
            print(f"  {query.stem:<42} {'-':>10} {fast * 1000:8.1f}ms")
            continue
        try:
            slow = median_seconds(partial(_rdflib_rows, rdf, text), repeat)
        except NotBoundError as error:
            # rdflib cannot aggregate over an unbound OPTIONAL value; Oxigraph can.
            print(f"  {query.stem:<42} {'fails':>10} {fast * 1000:8.1f}ms   ({error})")
            continue
        print(f"  {query.stem:<42} {slow * 1000:8.1f}ms {fast * 1000:8.1f}ms {slow / fast:6.0f}x")


def report_io(label: str, nt: Path, repeat: int) -> None:
    print(f"\n## parse and serialise: {label}, median of {repeat}")
    rdf_parse = median_seconds(lambda: Graph().parse(nt, format="nt"), repeat)
    ox_parse = median_seconds(
        lambda: list(ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)), repeat
    )
    graph = Graph().parse(nt, format="nt")
    triples = [q.triple for q in ox.parse(path=str(nt), format=ox.RdfFormat.N_TRIPLES)]
    rdf_ttl = median_seconds(lambda: graph.serialize(format="turtle"), repeat)
    ox_ttl = median_seconds(lambda: ox.serialize(triples, format=ox.RdfFormat.TURTLE), repeat)
    print(
        f"  parse N-Triples   rdflib {rdf_parse:7.2f} s  oxigraph {ox_parse:7.2f} s  "
        f"{rdf_parse / ox_parse:5.1f}x"
    )
    print(
        f"  write Turtle      rdflib {rdf_ttl:7.2f} s  oxigraph {ox_ttl:7.2f} s  "
        f"{rdf_ttl / ox_ttl:5.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--statements", type=int, default=1000, help="size of the synthetic corpus (default 1000)"
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (default 3)")
    parser.add_argument(
        "--startup-only", action="store_true", help="only time the command line's start"
    )
    args = parser.parse_args()
    report_startup(max(args.repeat, 5))
    if args.startup_only:
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        report_build("corpus", Project(ROOT), work / "corpus-graph", args.repeat)
        report_queries("corpus", ROOT / "graph" / "statements.nt", args.repeat, True)
        small = max(1, args.statements // 10)
        for size in (small, args.statements):
            project = synthetic_project(work / f"synthetic-{size}", size)
            out = work / f"synthetic-{size}-graph"
            report_build(f"synthetic, {size}", project, out, 1 if size > small else args.repeat)
        # rdflib side by side on the smaller graph only: on the larger one its Turtle writer
        # and some queries run for many minutes (see README, "Performance").
        small_nt = work / f"synthetic-{small}-graph" / "statements.nt"
        report_io(f"synthetic, {small}", small_nt, args.repeat)
        report_queries(f"synthetic, {small}", small_nt, 1, True)
        large_nt = work / f"synthetic-{args.statements}-graph" / "statements.nt"
        report_queries(f"synthetic, {args.statements}", large_nt, args.repeat, False)


if __name__ == "__main__":
    main()

"""Measures the build at scale on a synthetic corpus of distinct statements (see
statement_kg.synthetic): CPU per statement per stage, a clean build, an incremental rebuild
after one document changes, `--jobs 2` against `--jobs 1`, peak memory, the naive pipeline
(one rdflib graph, pyshacl over all of it, rdflib writers) for the ratio, extraction time
against text length, command start-up and the shipped queries on the persistent store.

    python benchmarks/bench.py [--statements 1000] [--naive 100] [--text-mb 0.1 1 10]
    python benchmarks/bench.py --stages-only [--statements 100]
    python benchmarks/bench.py --scaling-only [--text-mb 0.1 1 10]
    python benchmarks/bench.py --builds-only [--statements 200] [--repeat 3]
    python benchmarks/bench.py --queries-on PROJECT [--baseline DIR [--baseline-on OTHER]]

Builds run as `statement-kg` processes, so their wall time, CPU time and peak memory are the
command's own. The machine may be shared: CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from pathlib import Path
from typing import TypeVar

from rdflib import Graph
from rdflib.term import Node

from statement_kg.corpus import read_corpus
from statement_kg.extract import extract
from statement_kg.extract.recognise import merged_entities, recognise, with_recognised
from statement_kg.federation import services
from statement_kg.language import analyse
from statement_kg.lexicon import load_lexicon
from statement_kg.project import Project
from statement_kg.rdf.anchor import web_annotation, web_annotation_triples
from statement_kg.rdf.reference import reference_graph
from statement_kg.rdf.statement import statement_graph
from statement_kg.records import Document, Entity
from statement_kg.store import canonical_triples, serialise
from statement_kg.synthetic import generate
from statement_kg.validate import add_references, load_shapes, validate_graph

ROOT = Path(__file__).resolve().parent.parent
CLI = str(Path(sys.executable).parent / "statement-kg")


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    peak_mb: float
    # The build's own steps, from the time it prints ("Time: ... (read 1.2 s, ...)").
    steps: dict[str, float] = field(default_factory=dict)


_STEP = re.compile(r"(\w+) ([\d.]+) s")


def run(*args: str) -> Run:
    """Runs a command to its end: wall and CPU seconds, peak resident memory."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as output:
        process = subprocess.Popen(args, stdout=output, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            assert process.stderr is not None
            raise SystemExit(f"{' '.join(args)} failed: {process.stderr.read().decode()}")
        output.seek(0)
        printed = output.read().decode(errors="replace")
    timing = next((line for line in printed.splitlines() if line.startswith("Time:")), "")
    steps = {name: float(seconds) for name, seconds in _STEP.findall(timing.partition("(")[2])}
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, steps)


def build_run(root: Path, *options: str) -> Run:
    return run(CLI, "--root", str(root), "build", *options)


T = TypeVar("T")


def cpu(action: Callable[[], object]) -> float:
    start = time.process_time()
    action()
    return time.process_time() - start


def timed(spent: dict[str, float], name: str, action: Callable[[], T]) -> T:
    start = time.process_time()
    value = action()
    spent[name] = spent.get(name, 0.0) + time.process_time() - start
    return value


def _derived(graph: Graph) -> list[tuple[Node, Node, Node]]:
    return list(web_annotation_triples(graph))


def _dump(graph: Iterable[tuple[Node, Node, Node]]) -> bytes:
    return serialise(canonical_triples(graph), "nt")


def stages(project: Project) -> dict[str, float]:
    """CPU seconds per statement of each stage of the per-document function. The linguistic
    analysis (spaCy's parse of a text) is timed apart from the rules that read it: each text
    is parsed first, so recognition and extraction find it parsed; "analysis" also counts a
    text parsed again because the cache of parsed texts let it go, as a build's does."""
    listed = load_lexicon(project.mappings)
    spent: dict[str, float] = {}
    start = time.process_time()
    documents = read_corpus(project.corpus, listed)
    shapes = load_shapes(project.shapes)
    spent["read"] = time.process_time() - start
    found: list[Entity] = []
    for d in documents:
        timed(spent, "analysis", partial(analyse, d.text))
        found += timed(spent, "recognise", partial(recognise, d.text, listed))
    lexicon = timed(
        spent, "recognise", lambda: listed.with_entities(list(merged_entities(found).values()))
    )
    reference = timed(spent, "read", partial(reference_graph, lexicon))
    for d in documents:
        timed(spent, "analysis", partial(analyse, d.text))
        extracted = timed(spent, "extract", partial(extract, d, lexicon))
        graph = timed(spent, "to RDF", partial(statement_graph, extracted, lexicon))
        derived = timed(spent, "WA form", partial(_derived, graph))
        timed(spent, "serialise", partial(_dump, chain(graph, derived)))
        timed(spent, "references", partial(add_references, graph, reference))
        timed(spent, "validate", partial(validate_graph, graph, shapes, {d.id: d}))
    return {k: v / len(documents) for k, v in spent.items()}


def naive(project: Project, out: Path) -> float:
    """The naive pipeline: one rdflib graph, pyshacl over all of it, rdflib's writers."""

    def pipeline() -> None:
        listed = load_lexicon(project.mappings)
        documents = read_corpus(project.corpus, listed)
        lexicon = with_recognised((d.text for d in documents), listed)
        graph = reference_graph(lexicon)
        for document in documents:
            graph += statement_graph(extract(document, lexicon), lexicon)
        assert validate_graph(graph, load_shapes(project.shapes), {}) == []
        graph += web_annotation(graph)
        out.mkdir(parents=True, exist_ok=True)
        for fmt, name in (("turtle", "a.ttl"), ("nt", "a.nt"), ("json-ld", "a.jsonld")):
            graph.serialize(out / name, format=fmt, encoding="utf-8")

    return cpu(pipeline)


def change_one(project: Path) -> None:
    """Changes one text (and its sidecar's hash), as a curator's fix would."""
    text = min((project / "corpus").glob("*.txt"))
    old = text.read_bytes()
    new = old + b"\nCorrected on review.\n"
    text.write_bytes(new)
    sidecar = text.with_suffix(".yaml")
    body = sidecar.read_text(encoding="utf-8")
    sidecar.write_text(
        body.replace(hashlib.sha256(old).hexdigest(), hashlib.sha256(new).hexdigest()),
        encoding="utf-8",
    )


@dataclass(frozen=True)
class Scaling:
    """CPU seconds for one text: spaCy's parse, then the rules that read it."""

    mb: float
    analysis: float
    recognise: float
    extract: float

    @property
    def rules(self) -> float:
        return self.recognise + self.extract


def extraction_scaling(sizes_mb: Sequence[float]) -> Iterable[Scaling]:
    """CPU seconds of the analysis, the recognition and the extraction of texts of the given
    sizes, made of corpus texts; the text is parsed first, so the rules find it parsed."""
    listed = load_lexicon(ROOT / "mappings")
    base = read_corpus(ROOT / "corpus", listed)
    joined = "\n\n".join(d.text for d in base)
    for size in sizes_mb:
        text = (joined * (int(size * 1_000_000 / len(joined)) + 1))[: int(size * 1_000_000)]
        document = Document(
            "scaling", base[0].text_path, base[0].meta_path, text, "0" * 64, base[0].meta
        )
        parsed = cpu(partial(analyse, text))
        spent: dict[str, float] = {}
        lexicon = timed(spent, "recognise", partial(with_recognised, [text], listed))
        extracted = cpu(partial(extract, document, lexicon))
        yield Scaling(size, parsed, spent["recognise"], extracted)


def report_scaling(sizes_mb: Sequence[float]) -> None:
    print("\n## extraction against text length (CPU; s/MB after each figure)")
    heads = ("analysis", "recognise", "extract", "all but analysis")
    print(f"  {'size':>9} " + " ".join(f"{h:>17}" for h in heads))
    for row in extraction_scaling(sizes_mb):
        cells = (row.analysis, row.recognise, row.extract, row.rules)
        shown = " ".join(f"{s:8.2f} s {s / row.mb:6.1f}" for s in cells)
        print(f"  {row.mb:6.1f} MB {shown}", flush=True)


# Each query is timed in a process of its own, stopped after this many seconds: a query that
# takes longer is reported as such (a slow baseline must not hold the benchmark for hours).
LIMIT = 120.0
_TIMER = """
import statistics, sys, time
from pathlib import Path
from statement_kg.store import load_store
store = load_store(Path(sys.argv[1]))
text = Path(sys.argv[2]).read_text(encoding="utf-8")
samples = []
while len(samples) < int(sys.argv[3]) and sum(samples) < float(sys.argv[4]):
    start = time.perf_counter()
    for _ in store.query(text):
        pass
    samples.append(time.perf_counter() - start)
print(statistics.median(samples))
"""


def query_time(graph: Path, query: Path, repeat: int) -> float | None:
    """The median of up to `repeat` runs of the query on the graph's store, every row read
    (runs stop once they add up to a fifth of LIMIT); None when one run outlasts LIMIT."""
    arguments = [str(graph), str(query), str(repeat), str(LIMIT / 5)]
    try:
        done = subprocess.run(
            [sys.executable, "-c", _TIMER, *arguments],
            check=True,
            capture_output=True,
            text=True,
            timeout=LIMIT,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout)


def report_queries(
    graph: Path, repeat: int, baseline: Path | None, baseline_graph: Path | None = None
) -> None:
    """Each shipped query's median (those without SERVICE), and beside it that of the query
    of the same name in baseline (another version of queries/), with the ratio; the
    baseline's on baseline_graph when given (another build, for a change of the model)."""

    def shown(seconds: float | None) -> str:
        return f"> {LIMIT:.0f} s" if seconds is None else f"{seconds * 1000:.1f} ms"

    for query in sorted((ROOT / "queries").glob("*.rq")):
        if services(query.read_text(encoding="utf-8")):
            continue
        ours = query_time(graph, query, repeat)
        line = f"  {query.stem:<44} {shown(ours):>12}"
        if baseline is not None and (baseline / query.name).exists():
            theirs = query_time(baseline_graph or graph, baseline / query.name, repeat)
            ratio = theirs / ours if theirs is not None and ours else None
            line += f"   baseline {shown(theirs):>12}"
            line += f"   {ratio:7.1f}x" if ratio is not None else "   (ratio over the limit)"
        print(line, flush=True)


# Whole command-line runs on the corpus, as a user sees them: the interpreter's start,
# imports, loading graph/ and the answer.
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
    script = Path(sys.executable).parent / "statement-kg"
    print(f"\n## command line, end to end on the corpus, median of {repeat}")
    for label, arguments in STARTUP.items():
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(
                [str(script), "--root", str(ROOT), *arguments], check=True, capture_output=True
            )
            times.append(time.perf_counter() - start)
        print(f"  {label:<64} {statistics.median(times) * 1000:8.0f} ms")


def report_command_start(project: Path) -> None:
    """Whole command-line runs on a large build: until the answer is written."""
    print(f"  statement-kg --help        {run(CLI, '--help').wall:6.2f} s")
    count = run(
        CLI, "--root", str(project), "query", "--query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    )
    print(f"  statement-kg query (count) {count.wall:6.2f} s")
    for name, *options in (
        ("cq-01", "--format", "csv"),
        ("cq-11", "--param", "issuer=mfa-azerbaijan", "--format", "csv"),
    ):
        (path,) = (ROOT / "queries").glob(f"{name}-*.rq")
        took = run(CLI, "--root", str(project), "query", str(path), *options)
        print(f"  statement-kg query {name:<7} {took.wall:6.2f} s")


def report_stages(project: Path) -> None:
    per = stages(Project(project))
    print("\n## CPU per statement, per stage (ms)")
    for name, seconds in per.items():
        print(f"  {name:<12} {seconds * 1000:8.1f}")
    rest = sum(per.values()) - per["analysis"]
    print(f"  {'all but analysis':<12} {rest * 1000:8.1f}")


def report_builds(project: Path, repeat: int) -> None:
    """Clean builds with --jobs 1 and 2 turn about, then the rebuild after one document
    changed (the same one again each time), `repeat` times; medians of wall and CPU."""
    one: list[Run] = []
    two: list[Run] = []
    again: list[Run] = []
    for _ in range(repeat):
        one.append(build_run(project, "--no-cache", "--jobs", "1"))
        two.append(build_run(project, "--no-cache", "--jobs", "2"))
        change_one(project)
        again.append(build_run(project, "--jobs", "1"))
    print(f"\n## builds, medians of {repeat}")
    for name, runs in (("clean, --jobs 1", one), ("clean, --jobs 2", two), ("rebuild", again)):
        wall = statistics.median(r.wall for r in runs)
        cpu = statistics.median(r.cpu for r in runs)
        print(f"  {name:<16} {wall:8.1f} s wall {cpu:8.1f} s CPU")
    ratio = statistics.median(a.wall / b.wall for a, b in zip(one, two, strict=True))
    print(f"  speed-up of --jobs 2 over --jobs 1: {ratio:.2f}x (wall, median of the pairs)")
    for name, runs in (("clean, --jobs 1", one), ("rebuild", again)):
        print(f"  {name} by step: {_steps(runs)}")


def _steps(runs: Sequence[Run]) -> str:
    """The median of each step the build printed, in its order."""
    names = list(runs[0].steps)
    return ", ".join(
        f"{name} {statistics.median(r.steps.get(name, 0.0) for r in runs):.2f} s" for name in names
    )


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[1])
    parser.add_argument("--statements", type=int, default=1000, help="main size (1000)")
    parser.add_argument("--naive", type=int, default=100, help="size for the naive pipeline")
    parser.add_argument("--text-mb", type=float, nargs="*", default=[0.1, 1.0, 10.0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per query figure")
    parser.add_argument(
        "--startup-only", action="store_true", help="only time the command line's start"
    )
    parser.add_argument(
        "--stages-only", action="store_true", help="only the CPU per statement of each stage"
    )
    parser.add_argument(
        "--scaling-only", action="store_true", help="only extraction against text length"
    )
    parser.add_argument(
        "--builds-only",
        action="store_true",
        help="only the clean builds (--jobs 1, 2) and the rebuild, --repeat times, medians",
    )
    parser.add_argument(
        "--queries-on",
        type=Path,
        metavar="PROJECT",
        help="only time the shipped queries on PROJECT's build (its graph/), no new build",
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        metavar="DIR",
        help="also time the queries of DIR (another version of queries/) side by side",
    )
    parser.add_argument(
        "--baseline-on",
        type=Path,
        metavar="PROJECT",
        help="time the --baseline queries on PROJECT's build instead (another model's graph)",
    )
    return parser


def main() -> None:
    args = _parser().parse_args()
    if args.queries_on is not None:
        report_command_start(args.queries_on)
        other = args.baseline_on / "graph" if args.baseline_on is not None else None
        report_queries(args.queries_on / "graph", args.repeat, args.baseline, other)
        return
    if args.scaling_only:
        report_scaling(args.text_mb)
        return
    if not (args.stages_only or args.builds_only):
        report_startup(args.repeat)
    if args.startup_only:
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        size = args.statements
        project = work / f"synthetic-{size}"
        generate(ROOT, project, size)
        print(f"# synthetic corpus: {size} distinct statements")

        if args.builds_only:
            report_builds(project, args.repeat)
            return
        report_stages(project)
        if args.stages_only:
            return

        one = build_run(project, "--no-cache", "--jobs", "1")
        two = build_run(project, "--no-cache", "--jobs", "2")
        change_one(project)
        again = build_run(project, "--jobs", "1")
        triples = sum(1 for _ in (project / "graph" / "statements.nt").open("rb"))
        print(f"\n## build ({triples:,} triples)")
        print(
            f"  clean, --jobs 1   {one.wall:8.1f} s wall {one.cpu:8.1f} s CPU {one.peak_mb:7.0f} MB"
        )
        print(
            f"  clean, --jobs 2   {two.wall:8.1f} s wall {two.cpu:8.1f} s CPU {two.peak_mb:7.0f} MB"
        )
        print(f"  speed-up of --jobs 2 over --jobs 1: {one.wall / two.wall:.2f}x (wall)")
        print(f"  rebuild after one document changed: {again.wall:.1f} s wall ({_steps([again])})")

        small = work / f"synthetic-{args.naive}"
        generate(ROOT, small, args.naive, seed=1)
        ours = build_run(small, "--no-cache")
        theirs = naive(Project(small), work / "naive")
        print(f"\n## naive pipeline at {args.naive} statements (CPU)")
        print(f"  naive {theirs:8.1f} s   build {ours.cpu:8.1f} s   ratio {theirs / ours.cpu:.1f}x")

        report_scaling(args.text_mb)

        print(f"\n## start-up and queries on the persistent store ({triples:,} triples)")
        report_command_start(project)
        report_queries(project / "graph", args.repeat, args.baseline)


if __name__ == "__main__":
    main()

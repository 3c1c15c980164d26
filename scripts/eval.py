#!/usr/bin/env python3
"""Evaluate the reuselens CLI on the PAN 2013 text-alignment corpus and on the seed articles.

Subcommands
  pan    run `reuselens align` once over the corpus pairs (all, or the first N of each
         obfuscation type with --sample N) and score it with the PAN measures
         (precision, recall, granularity, plagdet) per obfuscation type and overall.
         With --via match: `reuselens match --source SRC SUSP` once per pair instead (the
         path that the extension, the demo and the JS module take, with its defaults).
  seeds  run `reuselens match --source 001 PAGE` for the seed pages 000, 002, 003, 004 and
         score the passages against seeds/truth.json (micro-averaged page characters;
         a detection counts only where its source range overlaps the truth's).
  all    both; prints one table and writes eval/results.md (unless --no-results).

Default paths are relative to the repository root (this script's parent's parent):
  --corpus ../shared/pan13-train   --seeds ../shared/seeds   --cli build/native/reuselens
Paths given on the command line are relative to the current directory.

Requirements (for CI): --require 'METRIC OP NUMBER', repeatable; OP is one of >= <= > < ==.
QUOTE each requirement: unquoted, the shell takes '>' as a redirection.
  PAN metrics:   GROUP.MEASURE where GROUP is a type (short name, folder name with or without
                 its number: none | no-obfuscation | 02-no-obfuscation, no-plagiarism, random,
                 translation, summary) or overall, and MEASURE is one of precision, recall,
                 granularity, plagdet, detections, cases, detected, pairs;
                 pan.seconds (wall clock of align), pan.missing (pairs without an output file).
  Seeds metrics: seeds.precision, seeds.recall, seeds.KIND.recall (verbatim, edited, spun,
                 paraphrase), seeds.detections, seeds.seconds.
  Example: --require 'none.plagdet>=0.99' --require 'no-plagiarism.detections<=0'
           --require 'seeds.verbatim.recall>=0.95'

Exit status: 0 ok; 1 a requirement failed; 2 the evaluation could not run (CLI missing or
failing, bad output, bad arguments).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import datetime
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pan_measures as pm  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
DEFAULT_CORPUS = SHARED / "pan13-train"
DEFAULT_SEEDS = SHARED / "seeds"
DEFAULT_CLI = REPO / "build" / "native" / "reuselens"
DEFAULT_RESULTS = REPO / "eval" / "results.md"
SEED_SOURCE = "001"
SEED_PAGES = ("000", "002", "003", "004")
PAN_MEASURES = ("precision", "recall", "granularity", "plagdet", "detections", "cases",
                "detected", "pairs")


class EvalError(Exception):
    """The evaluation cannot run or its input is broken (exit status 2)."""


def rel(p: Path) -> str:
    """A path for display: relative to the repo root when that is shorter."""
    p = Path(p)
    try:
        r = os.path.relpath(p, REPO)
    except ValueError:
        return str(p)
    return r if len(r) < len(str(p)) else str(p)


# ---------------------------------------------------------------------------
# Requirements

REQ_RE = re.compile(r"^\s*([A-Za-z0-9_.-]+?)\s*(>=|<=|==|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$")
OPS = {">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, ">": lambda a, b: a > b,
       "<": lambda a, b: a < b, "==": lambda a, b: a == b}


@dataclass
class Requirement:
    text: str
    metric: str
    op: str
    value: float


def parse_requirement(text: str) -> Requirement:
    m = REQ_RE.match(text)
    if not m:
        hint = ""
        if not re.search(r"[<>=]", text):
            hint = (f" (no comparison found: quote the requirement, e.g. --require '{text}>=0.9';"
                    " unquoted, the shell takes > as a redirection)")
        raise EvalError(f"bad requirement {text!r}: expected METRIC OP NUMBER with OP one of "
                        f">= <= > < =={hint}")
    return Requirement(text, m.group(1).lower(), m.group(2), float(m.group(3)))


def canonical_metric(name: str, aliases: Dict[str, str]) -> str:
    """Map alias group names (folder names, 'seeds.overall') to the canonical metric name."""
    for alias in sorted(aliases, key=len, reverse=True):
        if name.startswith(alias + "."):
            return aliases[alias] + name[len(alias):]
    return name


def check_requirements(reqs: Sequence[Requirement], metrics: Dict[str, Optional[float]],
                       aliases: Dict[str, str]) -> List[str]:
    failures = []
    for r in reqs:
        name = canonical_metric(r.metric, aliases)
        value = metrics.get(name)
        if value is None:
            failures.append(f"{r.text}: {name} was not measured")
        elif not OPS[r.op](value, r.value):
            failures.append(f"{r.text}: {name} = {value:.4g}, required {r.op} {r.value:g}")
    return failures


def validate_requirements(reqs: Sequence[Requirement], available: Sequence[str],
                          aliases: Dict[str, str]) -> None:
    unknown = [r.text for r in reqs if canonical_metric(r.metric, aliases) not in available]
    if unknown:
        raise EvalError(f"unknown metric in --require {', '.join(map(repr, unknown))}; "
                        f"available here: {', '.join(sorted(available))}")


# ---------------------------------------------------------------------------
# Running the CLI

def check_cli(cli: Path) -> None:
    if not cli.is_file() or not os.access(cli, os.X_OK):
        raise EvalError(f"CLI not found or not executable: {cli} (build it first, or pass --cli)")


def run_cli(cmd: Sequence[str], timeout: Optional[float]) -> Tuple[float, str]:
    """Runs the command; returns (wall-clock seconds, stdout). Raises EvalError on failure."""
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        raise EvalError(f"timed out after {timeout:g} s: {shlex.join(cmd)}") from None
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-15:]
        raise EvalError(f"exit status {proc.returncode}: {shlex.join(cmd)}\n" + "\n".join(tail))
    return elapsed, proc.stdout.decode("utf-8", "replace")


# ---------------------------------------------------------------------------
# PAN corpus

@dataclass
class PanType:
    folder: str                  # e.g. 02-no-obfuscation
    short: str                   # e.g. none
    pairs: List[Tuple[str, str]]


def short_name(folder: str) -> str:
    name = re.sub(r"^\d+-", "", folder)
    name = re.sub(r"-obfuscation$", "", name)
    return "none" if name == "no" else name


def read_pairs(path: Path) -> List[Tuple[str, str]]:
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 2:
            raise EvalError(f"{path}:{n}: expected 'suspicious-documentX.txt source-documentY.txt'")
        pairs.append((parts[0], parts[1]))
    return pairs


def discover_types(corpus: Path) -> List[PanType]:
    if not corpus.is_dir():
        raise EvalError(f"corpus not found: {corpus}")
    types = [PanType(d.name, short_name(d.name), read_pairs(d / "pairs"))
             for d in sorted(corpus.iterdir())
             if d.is_dir() and re.match(r"^\d+-", d.name) and (d / "pairs").is_file()]
    if not types:
        raise EvalError(f"no obfuscation-type folders (NN-name/pairs) in {corpus}")
    return types


def pan_aliases(types: Sequence[PanType]) -> Dict[str, str]:
    aliases = {}
    for t in types:
        aliases[t.folder.lower()] = t.short
        aliases[re.sub(r"^\d+-", "", t.folder).lower()] = t.short
    return aliases


def pan_available(types: Sequence[PanType]) -> List[str]:
    groups = [t.short for t in types] + ["overall"]
    return [f"{g}.{m}" for g in groups for m in PAN_MEASURES] + ["pan.seconds", "pan.missing"]


def xml_name(susp: str, src: str) -> str:
    return f"{Path(susp).stem}-{Path(src).stem}.xml"


def write_oracle(corpus: Path, types: Sequence[PanType], out: Path) -> None:
    """Writes each pair's truth cases as detections, in the format `reuselens align` writes."""
    for t in types:
        for susp, src in t.pairs:
            name = xml_name(susp, src)
            cases = pm.parse_pan_xml(str(corpus / t.folder / name), pm.TRUTH_FEATURE)
            (out / name).write_text(pm.annotations_to_xml(susp, cases), encoding="utf-8")


class DocLengths:
    """Code-point lengths of corpus documents, read on demand."""

    def __init__(self, corpus: Path):
        self.corpus = corpus
        self.cache: Dict[str, Optional[int]] = {}

    def get(self, folder: str, name: str) -> Optional[int]:
        key = f"{folder}/{name}"
        if key not in self.cache:
            p = self.corpus / folder / name
            self.cache[key] = (len(p.read_text(encoding="utf-8", errors="replace"))
                               if p.is_file() else None)
        return self.cache[key]


@dataclass
class PanResult:
    rows: List[List[str]] = field(default_factory=list)
    metrics: Dict[str, Optional[float]] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    seconds: Optional[float] = None
    score_seconds: float = 0.0
    npairs: int = 0
    how: str = ""


def score_pan(corpus: Path, types: Sequence[PanType], out: Path) -> PanResult:
    res = PanResult()
    lengths = DocLengths(corpus)
    all_cases: List[pm.Annotation] = []
    all_dets: List[pm.Annotation] = []
    missing = foreign = out_of_range = 0
    t0 = time.perf_counter()
    for t in types:
        cases: List[pm.Annotation] = []
        dets: List[pm.Annotation] = []
        for susp, src in t.pairs:
            name = xml_name(susp, src)
            try:
                cases += pm.parse_pan_xml(str(corpus / t.folder / name), pm.TRUTH_FEATURE)
            except (ET.ParseError, OSError) as e:
                raise EvalError(f"truth file {corpus / t.folder / name}: {e}") from None
            det_path = out / name
            if not det_path.is_file():
                missing += 1
                continue
            try:
                found = pm.parse_pan_xml(str(det_path), pm.DETECTION_FEATURE)
            except ET.ParseError as e:
                raise EvalError(f"detection file {det_path}: {e}") from None
            except ValueError as e:
                raise EvalError(f"detection file: {e}") from None
            for d in found:
                if d.pair != (susp, src):
                    foreign += 1
                    continue
                susp_len = lengths.get("susp", susp)
                src_len = lengths.get("src", src)
                if (susp_len is not None and d.this_range[1] > susp_len) or \
                        (src_len is not None and d.source_range[1] > src_len):
                    out_of_range += 1
            dets += found
        s = pm.evaluate(cases, dets)
        res.rows.append(pan_row(t.folder, len(t.pairs), s))
        put_scores(res.metrics, t.short, len(t.pairs), s)
        all_cases += cases
        all_dets += dets
    npairs = sum(len(t.pairs) for t in types)
    s = pm.evaluate(all_cases, all_dets)
    res.rows.append(pan_row("overall", npairs, s))
    put_scores(res.metrics, "overall", npairs, s)
    res.score_seconds = time.perf_counter() - t0
    res.npairs = npairs
    res.metrics["pan.missing"] = missing
    if missing:
        res.notes.append(f"{missing} of {npairs} pairs have no output file (scored as no detections)")
    if foreign:
        res.notes.append(f"WARNING: {foreign} detections name another document than their pair "
                         "(reference/source_reference); they cannot match any case")
    if out_of_range:
        res.notes.append(f"WARNING: {out_of_range} detections end beyond their document "
                         "(offsets must be code points, not bytes)")
    return res


def put_scores(metrics: Dict[str, Optional[float]], group: str, npairs: int, s: pm.Scores) -> None:
    metrics.update({f"{group}.precision": s.precision, f"{group}.recall": s.recall,
                    f"{group}.granularity": s.granularity, f"{group}.plagdet": s.plagdet,
                    f"{group}.detections": s.detections, f"{group}.cases": s.cases,
                    f"{group}.detected": s.detected_cases, f"{group}.pairs": npairs})


def pan_row(name: str, npairs: int, s: pm.Scores) -> List[str]:
    return [name, str(npairs), str(s.cases), str(s.detections), f"{s.precision:.4f}",
            f"{s.recall:.4f}", f"{s.granularity:.4f}", f"{s.plagdet:.4f}"]


def match_pairs(cli: Path, corpus: Path, pairs: Sequence[Tuple[str, str]], out: Path,
                timeout: Optional[float]) -> float:
    """Runs `match --source SRC SUSP` for each pair, one process per core, and writes its
    passages as the pair's detection file. Returns the wall clock in seconds."""
    notes: List[str] = []

    def one(pair: Tuple[str, str]) -> None:
        susp, src = corpus / "susp" / pair[0], corpus / "src" / pair[1]
        _, text = run_cli([str(cli), "match", "--source", str(src), str(susp)], timeout)
        found = [a for a, _ in parse_match_output(text, susp, src, str(src), notes)]
        (out / xml_name(*pair)).write_text(pm.annotations_to_xml(pair[0], found), encoding="utf-8")

    t0 = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        for _ in pool.map(one, pairs):  # re-raises the first EvalError
            pass
    for n in sorted(set(notes)):
        print(n, file=sys.stderr)
    return time.perf_counter() - t0


def scratch_base() -> Optional[str]:
    """Where a run's outputs go: /dev/shm when it is a writable folder, as in
    bench/run.sh, so the wall clock measures the work and not this disk's file
    creation. Creating 5,185 outputs on ext4 just after the last run's were
    deleted took `align` from 4.2 s to 8.6 s here; None: the system default."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def run_pan(args, reqs_check=None) -> PanResult:
    corpus = Path(args.corpus).resolve()
    types = discover_types(corpus)
    if args.sample is not None:
        if args.sample < 1:
            raise EvalError("--sample must be at least 1")
        for t in types:
            t.pairs = t.pairs[:args.sample]
    if reqs_check:
        reqs_check(types)
    npairs = sum(len(t.pairs) for t in types)
    scope = f"first {args.sample} pairs of each type" if args.sample else "all pairs"
    with tempfile.TemporaryDirectory(prefix="reuselens-eval-", dir=scratch_base()) as tmp:
        tmp = Path(tmp)
        seconds = None
        if args.oracle:
            out = tmp / "out"
            out.mkdir()
            write_oracle(corpus, types, out)
            how = "oracle: the truth itself as detections"
        elif args.detections:
            out = Path(args.detections).resolve()
            if not out.is_dir():
                raise EvalError(f"--detections directory not found: {out}")
            how = f"detections read from {rel(out)}"
        else:
            cli = Path(args.cli).resolve()
            check_cli(cli)
            if args.out:
                out = Path(args.out).resolve()
                out.mkdir(parents=True, exist_ok=True)
                for t in types:  # stale outputs of an earlier run must not be scored
                    for a, b in t.pairs:
                        (out / xml_name(a, b)).unlink(missing_ok=True)
            else:
                out = tmp / "out"
                out.mkdir()
            print(f"running {rel(cli)} {args.via} on {npairs} pairs ({scope}) ...", file=sys.stderr,
                  flush=True)
            if args.via == "match":
                seconds = match_pairs(cli, corpus, [p for t in types for p in t.pairs], out, args.timeout)
            else:
                pairs_file = tmp / "pairs"
                pairs_file.write_text("".join(f"{a} {b}\n" for t in types for a, b in t.pairs),
                                      encoding="utf-8")
                cmd = [str(cli), "align", "--pairs", str(pairs_file), "--src", str(corpus / "src"),
                       "--susp", str(corpus / "susp"), "--out", str(out)]
                seconds, _ = run_cli(cmd, args.timeout)
            how = f"{rel(cli)} {args.via}"
        res = score_pan(corpus, types, out)
    res.seconds = seconds
    res.how = how
    res.metrics["pan.seconds"] = seconds
    res.notes.insert(0, f"corpus {rel(corpus)}: {npairs} pairs ({scope}); {how}")
    if seconds is not None:
        res.notes.insert(1, f"{args.via} wall clock: {seconds:.2f} s for {npairs} pairs "
                            f"({npairs / seconds:.1f} pairs/s)" if seconds > 0 else
                         f"{args.via} wall clock: {seconds:.2f} s")
    res.notes.append(f"scoring: {res.score_seconds:.2f} s")
    return res


# ---------------------------------------------------------------------------
# Seed articles

def seed_file(seeds: Path, prefix: str) -> Path:
    found = sorted(seeds.glob(f"{prefix}_*.txt")) + sorted(seeds.glob(f"{prefix}.txt"))
    if len(found) != 1:
        raise EvalError(f"expected exactly one seed file {prefix}_*.txt in {seeds}, found {len(found)}")
    return found[0]


@dataclass
class SeedTruth:
    source: Path
    pages: List[Path]
    passages: List[Tuple[pm.Annotation, str]]  # (annotation, kind)
    # Every seed, and every shared passage in both directions: a passage of
    # page P reusing source S is also a passage of S that P shares.
    seeds: List[Path] = field(default_factory=list)
    shared: List[pm.Annotation] = field(default_factory=list)

    @property
    def kinds(self) -> List[str]:
        order = ["verbatim", "edited", "spun", "paraphrase"]
        ks = {k for _, k in self.passages}
        return [k for k in order if k in ks] + sorted(ks - set(order))


def load_seed_truth(seeds: Path) -> SeedTruth:
    truth_path = seeds / "truth.json"
    if not truth_path.is_file():
        raise EvalError(f"seed truth not found: {truth_path}")
    source = seed_file(seeds, SEED_SOURCE)
    pages = [seed_file(seeds, p) for p in SEED_PAGES]
    names = {p.name for p in pages}
    passages = []
    shared = []
    for p in json.loads(truth_path.read_text(encoding="utf-8"))["pairs"]:
        a = pm.Annotation(p["page"], p["page_start"], p["page_end"] - p["page_start"],
                          p["source"], p["source_start"], p["source_end"] - p["source_start"])
        if p["source"] == source.name and p["page"] in names:
            passages.append((a, p["kind"]))
        shared.append(a)
        shared.append(pm.Annotation(a.source_reference, a.source_offset, a.source_length,
                                    a.this_reference, a.this_offset, a.this_length))
    return SeedTruth(source, pages, passages, [source] + pages, shared)


def seeds_available(kinds: Sequence[str]) -> List[str]:
    return (["seeds.precision", "seeds.recall", "seeds.detections", "seeds.seconds", "seeds.kinds.agreement"]
            + [f"seeds.{k}.recall" for k in kinds]
            + ["seeds.others.f1", "seeds.others.min_f1", "seeds.pairs.f1", "seeds.pairs.min_f1"]
            + [f"seeds.others.{p}.f1" for p in (SEED_SOURCE,) + SEED_PAGES])


SEEDS_ALIASES = {"seeds.overall": "seeds", "seeds.all": "seeds"}


def parse_match_output(text: str, page: Path, source: Path, source_arg: str,
                       notes: List[str]) -> List[Tuple[pm.Annotation, str]]:
    try:
        passages = json.loads(text)["passages"]
        if not isinstance(passages, list):
            raise TypeError("'passages' is not a list")
    except (ValueError, KeyError, TypeError) as e:
        raise EvalError(f"match output for {page.name} is not {{\"passages\": [...]}}: {e}\n"
                        f"{text[:300]}") from None
    page_len = len(page.read_text(encoding="utf-8"))
    source_len = len(source.read_text(encoding="utf-8"))
    out = []
    for p in passages:
        try:
            start, end = int(p["start"]), int(p["end"])
            s_start, s_end = int(p["source_start"]), int(p["source_end"])
            src = str(p["source"])
        except (KeyError, TypeError, ValueError) as e:
            raise EvalError(f"match output for {page.name}: bad passage {p!r}: {e}") from None
        if end < start or s_end < s_start or min(start, s_start) < 0:
            raise EvalError(f"match output for {page.name}: bad range in {p!r}")
        if src == source_arg:
            src = source.name
        elif Path(src).name == source.name:
            notes.append(f"WARNING: match printed source {src!r}, not the FILE as given ({source_arg!r})")
            src = source.name
        if end > page_len or s_end > source_len:
            notes.append(f"WARNING: {page.name}: passage {start}-{end} / {s_start}-{s_end} ends beyond "
                         f"the text ({page_len} / {source_len} code points)")
        out.append((pm.Annotation(page.name, start, end - start, src, s_start, s_end - s_start),
                    str(p.get("kind", ""))))
    return out


@dataclass
class SeedResult:
    rows: List[List[str]] = field(default_factory=list)
    metrics: Dict[str, Optional[float]] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)
    seconds: Optional[float] = None


def kind_agreement(truth_passages: Sequence[Tuple[pm.Annotation, str]],
                   detections: Sequence[Tuple[pm.Annotation, str]]) -> Tuple[int, int]:
    """(agreeing, total): truth passages whose kind is the one reported by the detection
    overlapping them most on the page (and on the source side at all); none found disagrees."""
    agree = 0
    for case, kind in truth_passages:
        best, best_overlap = None, 0
        for det, det_kind in detections:
            if not pm.overlaps(det, case):
                continue
            overlap = pm.intersection_length([det.this_range], [case.this_range])
            if overlap > best_overlap:
                best, best_overlap = det_kind, overlap
        agree += best == kind
    return agree, len(truth_passages)


def run_seeds(args, truth: SeedTruth) -> SeedResult:
    res = SeedResult()
    dets: List[pm.Annotation] = []
    kinded: List[Tuple[pm.Annotation, str]] = []
    if args.oracle:
        dets = [a for a, _ in truth.passages]
        kinded = list(truth.passages)
        res.notes.append("seeds: oracle (the truth passages as detections)")
    else:
        cli = Path(args.cli).resolve()
        check_cli(cli)
        total = 0.0
        for page in truth.pages:
            cmd = [str(cli), "match", "--source", str(truth.source), str(page)]
            seconds, text = run_cli(cmd, args.timeout)
            total += seconds
            found = parse_match_output(text, page, truth.source, str(truth.source), res.notes)
            kinded += found
            dets += [a for a, _ in found]
        res.seconds = total
        res.notes.append(f"seeds: {rel(cli)} match --source {truth.source.name}, "
                         f"{len(truth.pages)} pages in {total:.2f} s wall clock")
    cases = [a for a, _ in truth.passages]
    # Page characters only: what a reader sees highlighted. truth.json's source ranges
    # are sometimes wider than the page's copy (004's verbatim sentence is annotated
    # with two source sentences), which would cap recall below 1 for a perfect answer.
    # A detection still has to overlap the truth passage's source range to count.
    prec = pm.micro_covered(dets, cases, page_only=True)
    rec = pm.micro_covered(cases, dets, page_only=True)
    label = f"seeds {SEED_SOURCE}->{','.join(SEED_PAGES)}"
    res.rows.append([label, str(len(truth.pages)), str(len(cases)), str(len(dets)),
                     f"{prec.ratio:.4f} ({prec.covered}/{prec.total})",
                     f"{rec.ratio:.4f} ({rec.covered}/{rec.total})", "", ""])
    res.metrics.update({"seeds.precision": prec.ratio, "seeds.recall": rec.ratio,
                        "seeds.detections": len(dets), "seeds.seconds": res.seconds})
    for kind in truth.kinds:
        kc = [a for a, k in truth.passages if k == kind]
        r = pm.micro_covered(kc, dets, page_only=True)
        res.rows.append([f"seeds {kind}", "", str(len(kc)), "", "",
                         f"{r.ratio:.4f} ({r.covered}/{r.total})", "", ""])
        res.metrics[f"seeds.{kind}.recall"] = r.ratio
    agree, total = kind_agreement(truth.passages, kinded)
    res.rows.append(["seeds kinds as in truth.json", "", str(total), "", "", f"{agree}/{total}", "", ""])
    res.metrics["seeds.kinds.agreement"] = agree / total if total else None
    run_seeds_against_others(args, truth, res)
    run_seeds_each_pair(args, truth, res)
    return res


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def seeds_library_score(dets: Sequence[pm.Annotation], cases: Sequence[pm.Annotation]) -> Tuple[int, int, int]:
    """(correct, highlighted, reused) page characters of one page matched against a library.

    A page character is reused when a truth passage (of any source) covers it, and
    highlighted when a detection covers it. It is correct when it is both and a
    detection covering it overlaps, in both texts, a truth passage of the source
    it names: the same sentence is often in several sources, and naming any of them
    is right, as long as the source passage named is the one reused.
    """
    truth = pm.merge(c.this_range for c in cases)
    shown = pm.merge(d.this_range for d in dets)
    valid = pm.merge(d.this_range for d in dets if any(pm.overlaps(d, c) for c in cases))
    return pm.intersection_length(valid, truth), pm.total_length(shown), pm.total_length(truth)


def precision_recall(correct: int, shown: int, reused: int) -> Tuple[float, float]:
    """Precision and recall of seeds_library_score's counts (0 where nothing is shown or reused)."""
    return (correct / shown if shown else 0.0), (correct / reused if reused else 0.0)


def split_by_source(text: str, page: Path, sources: Sequence[Path], notes: List[str]) -> List[pm.Annotation]:
    """Detections of a match run with several --source FILEs, each named by its file."""
    try:
        passages = json.loads(text)["passages"]
    except (ValueError, KeyError, TypeError) as e:
        raise EvalError(f"match output for {page.name} is not {{\"passages\": [...]}}: {e}") from None
    out: List[pm.Annotation] = []
    for src in sources:
        mine = [p for p in passages if isinstance(p, dict) and p.get("source") == str(src)]
        out += [a for a, _ in parse_match_output(json.dumps({"passages": mine}), page, src, str(src), notes)]
    named = {str(src) for src in sources}
    stray = [p for p in passages if not (isinstance(p, dict) and p.get("source") in named)]
    if stray:
        raise EvalError(f"match output for {page.name}: passages with an unknown source: {stray[:2]!r}")
    return out


def run_seeds_against_others(args, truth: SeedTruth, res: SeedResult) -> None:
    """Each seed as the page, the other four as its library: page characters, F1."""
    sums = [0, 0, 0]
    f1s = []
    for page in truth.seeds:
        others = [s for s in truth.seeds if s != page]
        cases = [a for a in truth.shared if a.this_reference == page.name]
        if args.oracle:
            dets = cases
        else:
            cmd = [str(Path(args.cli).resolve()), "match"]
            for o in others:
                cmd += ["--source", str(o)]
            cmd.append(str(page))
            _, text = run_cli(cmd, args.timeout)
            dets = split_by_source(text, page, others, res.notes)
        correct, shown, reused = seeds_library_score(dets, cases)
        prec, rec = precision_recall(correct, shown, reused)
        score = f1(prec, rec)
        f1s.append(score)
        sums = [sums[0] + correct, sums[1] + shown, sums[2] + reused]
        key = page.name.split("_")[0]
        res.metrics[f"seeds.others.{key}.f1"] = score
        res.rows.append([f"seeds {key} vs the other four: F1 {score:.4f}", "4", str(len(cases)), str(len(dets)),
                         f"{prec:.4f} ({correct}/{shown})", f"{rec:.4f} ({correct}/{reused})", "", ""])
    prec, rec = precision_recall(*sums)
    res.metrics["seeds.others.f1"] = f1(prec, rec)
    res.metrics["seeds.others.min_f1"] = min(f1s) if f1s else None
    res.notes.append("seeds vs the other four: each seed matched against the other four as sources, truth "
                     "passages taken in both directions; page characters, correct where a detection "
                     "overlaps a truth passage of the source it names")


def run_seeds_each_pair(args, truth: SeedTruth, res: SeedResult) -> None:
    """Each seed as the page, each other seed alone as its source: page characters, F1.

    Alone, a source must account for every passage the page shares with it; in a
    library, a sentence that several sources share goes to one of them, and a
    passage found only from some texts is still found.
    """
    sums = [0, 0, 0]
    f1s: List[Tuple[float, str]] = []
    cli = str(Path(args.cli).resolve())
    for page in truth.seeds:
        for source in truth.seeds:
            if source == page:
                continue
            cases = [a for a in truth.shared
                     if a.this_reference == page.name and a.source_reference == source.name]
            if args.oracle:
                dets = cases
            else:
                _, text = run_cli([cli, "match", "--source", str(source), str(page)], args.timeout)
                dets = [a for a, _ in parse_match_output(text, page, source, str(source), res.notes)]
            correct, shown, reused = seeds_library_score(dets, cases)
            sums = [sums[0] + correct, sums[1] + shown, sums[2] + reused]
            if reused:
                pair = f"{page.name.split('_')[0]}<-{source.name.split('_')[0]}"
                f1s.append((f1(*precision_recall(correct, shown, reused)), pair))
    prec, rec = precision_recall(*sums)
    score = f1(prec, rec)
    res.metrics["seeds.pairs.f1"] = score
    res.metrics["seeds.pairs.min_f1"] = min(f1s)[0] if f1s else None
    res.rows.append([f"seeds each vs each other one: F1 {score:.4f}", str(len(f1s)), "", "",
                     f"{prec:.4f} ({sums[0]}/{sums[1]})", f"{rec:.4f} ({sums[0]}/{sums[2]})", "", ""])
    weakest = ", ".join(f"{pair} {v:.4f}" for v, pair in sorted(f1s) if v < 0.9)
    res.notes.append("seeds each vs each other one: each seed matched against each other seed alone as its "
                     "source, for the pairs that share a truth passage (either direction); page characters "
                     f"summed over the pairs; F1 under 0.9: {weakest or 'none'}")


# ---------------------------------------------------------------------------
# Output

HEADER = ["set", "pairs", "cases", "detections", "precision", "recall", "granularity", "plagdet"]


def markdown_table(rows: Sequence[Sequence[str]]) -> str:
    table = [HEADER] + [list(r) for r in rows]
    widths = [max(len(r[i]) for r in table) for i in range(len(HEADER))]
    def line(r):
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        return "| " + " | ".join(cells) + " |"
    sep = "|" + "|".join(["-" * (widths[0] + 2)] + ["-" * (w + 1) + ":" for w in widths[1:]]) + "|"
    return "\n".join([line(table[0]), sep] + [line(r) for r in table[1:]])


def git_version() -> str:
    def git(*a):
        return subprocess.run(["git", "-C", str(REPO), *a], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    head = git("rev-parse", "--short", "HEAD")
    version = head.stdout.strip() if head.returncode == 0 else "no-commit"
    status = git("status", "--porcelain", "--untracked-files=no", "--", ".",
                 ":(exclude)eval/results.md")
    if status.returncode == 0 and status.stdout.strip():
        version += "-dirty"
    return version


def command_line() -> str:
    script = rel(Path(__file__).resolve())
    return shlex.join(["python3", script, *sys.argv[1:]])


def write_results(path: Path, table: str, notes: Sequence[str]) -> None:
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = [
        "# Evaluation results",
        "",
        "Written by `scripts/eval.py all`; measures in `scripts/pan_measures.py`.",
        "",
        f"- date: {now}",
        f"- commit: {git_version()}",
        f"- command: `{command_line()}`",
        *[f"- {n}" for n in notes],
        "",
        table,
        "",
        "PAN rows: macro-averaged character precision and recall over cases and detections, both",
        "documents counted (Potthast et al., COLING 2010; PAN 2013 conventions: no cases and no",
        "detections score 1, only one of them empty scores 0); granularity = detections per detected",
        "case; plagdet = F1 / log2(1 + granularity). Seeds rows: micro-averaged page characters (covered/total)",
        "of page and source, a detection counting only where it overlaps a truth passage on both sides;",
        "recall per kind of reuse.",
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(text), encoding="utf-8")


# ---------------------------------------------------------------------------
# main

def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="eval.py", description=__doc__.split("\n\n")[0],
                                 epilog=__doc__.split("\n", 1)[1],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)

    def common(p, pan: bool, seeds: bool):
        p.add_argument("--cli", default=str(DEFAULT_CLI), help="the reuselens binary (default: %(default)s)")
        p.add_argument("--timeout", type=float, default=3600.0,
                       help="seconds allowed per CLI invocation (default: %(default)s)")
        p.add_argument("--require", action="append", default=[], metavar="'METRIC OP NUMBER'",
                       help="fail (exit 1) unless the metric satisfies this, e.g. 'none.plagdet>=0.99'; "
                            "repeatable; quote it")
        p.add_argument("--json", metavar="FILE", help="also write all metrics as JSON to FILE")
        p.add_argument("--oracle", action="store_true",
                       help="score the truth itself instead of running the CLI (checks the harness: all 1.0)")
        if pan:
            p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="PAN corpus (default: %(default)s)")
            p.add_argument("--sample", type=int, metavar="N", help="only the first N pairs of each type folder")
            p.add_argument("--via", choices=("align", "match"), default="align",
                           help="align: one `align --pairs` run (default); match: `match` once per pair")
            p.add_argument("--out", metavar="DIR", help="keep the XML outputs in DIR (default: a temp dir)")
            p.add_argument("--detections", metavar="DIR",
                           help="score the XML files already in DIR instead of running the CLI")
        if seeds:
            p.add_argument("--seeds", default=str(DEFAULT_SEEDS), help="seed articles (default: %(default)s)")

    common(sub.add_parser("pan", help="PAN 2013 text alignment: precision, recall, granularity, plagdet"),
           True, False)
    common(sub.add_parser("seeds", help="seed articles: character precision and recall per kind"),
           False, True)
    p_all = sub.add_parser("all", help="pan and seeds, one table, writes eval/results.md")
    common(p_all, True, True)
    p_all.add_argument("--results", default=str(DEFAULT_RESULTS), help="results file (default: %(default)s)")
    p_all.add_argument("--no-results", action="store_true", help="do not write the results file")
    return ap


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        reqs = [parse_requirement(r) for r in args.require]
        do_pan = args.command in ("pan", "all")
        do_seeds = args.command in ("seeds", "all")
        aliases: Dict[str, str] = dict(SEEDS_ALIASES)
        available: List[str] = []
        truth = None
        if do_seeds:
            truth = load_seed_truth(Path(args.seeds).resolve())
            available += seeds_available(truth.kinds)

        def validate(types):
            aliases.update(pan_aliases(types))
            available.extend(pan_available(types))
            validate_requirements(reqs, available, aliases)

        rows: List[List[str]] = []
        notes: List[str] = []
        metrics: Dict[str, Optional[float]] = {}
        if do_pan:
            pan = run_pan(args, validate)
            rows += pan.rows
            notes += pan.notes
            metrics.update(pan.metrics)
        else:
            validate_requirements(reqs, available, aliases)
        if do_seeds:
            seeds = run_seeds(args, truth)
            rows += seeds.rows
            notes += seeds.notes
            metrics.update(seeds.metrics)
    except EvalError as e:
        print(f"eval.py: error: {e}", file=sys.stderr)
        return 2

    table = markdown_table(rows)
    print(table)
    print()
    for n in notes:
        print(n)
    if args.json:
        Path(args.json).write_text(json.dumps(metrics, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    if args.command == "all" and not args.no_results:
        write_results(Path(args.results), table, notes)
        print(f"wrote {rel(Path(args.results).resolve())}")
    failures = check_requirements(reqs, metrics, aliases)
    if failures:
        for f in failures:
            print(f"REQUIREMENT FAILED: {f}", file=sys.stderr)
        return 1
    if reqs:
        print(f"requirements: all {len(reqs)} met")
    return 0


if __name__ == "__main__":
    sys.exit(main())

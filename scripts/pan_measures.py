"""PAN text-alignment performance measures (precision, recall, granularity, plagdet).

This is a clean re-implementation of the measures defined in

    Martin Potthast, Benno Stein, Alberto Barron-Cedeno, Paolo Rosso:
    "An Evaluation Framework for Plagiarism Detection", COLING 2010,

as computed by the official PAN 2013 script (pan13-text-alignment-perfmeasures.py),
using interval arithmetic instead of per-character bit arrays, so that the whole
PAN 2013 training corpus is scored in well under a second (Python standard library only).

Definitions
-----------
An *annotation* (a plagiarism case ``s`` or a detection ``r``) references a range of
characters in a suspicious document and a range of characters in a source document.
Offsets are character offsets (Unicode code points of the UTF-8 decoded text) and
ranges are half-open ``[offset, offset + length)``.

*r detects s* (``overlaps(s, r)``) iff both name the same suspicious document and the same
source document, their suspicious ranges share at least one character, and their
source ranges share at least one character. Overlap in only one document does not count.

For an annotation ``x`` and a set ``Y`` of annotations, ``covered(x, Y)`` is the number of
characters of ``x`` (suspicious side plus source side) that lie inside the union of the
ranges of the members of ``Y`` that overlap ``x``.

Macro-averaged recall over the cases S, given detections R::

    rec(S, R) = 1/|S| * sum_{s in S} covered(s, R) / (|s_susp| + |s_src|)

Macro-averaged precision is the same with the roles swapped: ``prec(S, R) = rec(R, S)``,
i.e. the mean over detections of the fraction of their characters that lie in a case
they overlap.

Conventions for empty sets (as in the official script): no cases and no detections ->
recall = precision = 1; exactly one of them empty -> recall = precision = 0.

Granularity: the mean number of detections that overlap a case, over the cases that are
detected at all (1 when no case is detected, or when there are no detections).

plagdet = F1(precision, recall) / log2(1 + granularity); 0 when precision and recall are 0.

Like the official script, identical annotations are counted once (it stores them in a set).
Overlap means sharing at least one character (the paper's definition), so an empty range
overlaps nothing; the official script's test would let an empty range inside a case overlap
it, and then divide by zero on a detection empty on both sides. Here such a detection simply
counts with precision 0.

For the hand-made seed articles this module also offers a *micro-averaged* character
measure (:func:`micro_covered`), the PAN micro measure: characters are counted once
(union of ranges per document) instead of averaging per case/detection.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from typing import Dict, Iterable, List, NamedTuple, Sequence, Tuple

__all__ = [
    "Annotation", "Scores", "MicroCount",
    "merge", "total_length", "intersection_length",
    "overlaps", "macro_recall", "macro_precision", "granularity", "plagdet", "evaluate",
    "micro_covered", "parse_pan_xml", "TRUTH_FEATURE", "DETECTION_FEATURE",
]

TRUTH_FEATURE = "plagiarism"
DETECTION_FEATURE = "detected-plagiarism"

Range = Tuple[int, int]  # half-open [start, end)


class Annotation(NamedTuple):
    """A case or a detection: a suspicious range and a source range (character offsets)."""

    this_reference: str
    this_offset: int
    this_length: int
    source_reference: str
    source_offset: int
    source_length: int

    @property
    def pair(self) -> Tuple[str, str]:
        return (self.this_reference, self.source_reference)

    @property
    def this_range(self) -> Range:
        return (self.this_offset, self.this_offset + self.this_length)

    @property
    def source_range(self) -> Range:
        return (self.source_offset, self.source_offset + self.source_length)

    @property
    def size(self) -> int:
        """Characters on both sides."""
        return self.this_length + self.source_length


# ---------------------------------------------------------------------------
# Interval arithmetic on half-open integer ranges

def merge(ranges: Iterable[Range]) -> List[Range]:
    """Sorted, non-overlapping, non-adjacent union of the ranges; empty ranges dropped."""
    out: List[Range] = []
    for start, end in sorted(r for r in ranges if r[1] > r[0]):
        if out and start <= out[-1][1]:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def total_length(merged: Sequence[Range]) -> int:
    """Number of characters in a merged range list."""
    return sum(end - start for start, end in merged)


def intersection_length(a: Sequence[Range], b: Sequence[Range]) -> int:
    """Characters shared by two merged range lists (linear sweep)."""
    i = j = n = 0
    while i < len(a) and j < len(b):
        lo = max(a[i][0], b[j][0])
        hi = min(a[i][1], b[j][1])
        if hi > lo:
            n += hi - lo
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return n


def _clip(r: Range, to: Range) -> Range:
    return (max(r[0], to[0]), min(r[1], to[1]))


def _meets(a: Range, b: Range) -> bool:
    """True iff the half-open ranges share at least one character (so never an empty range)."""
    return max(a[0], b[0]) < min(a[1], b[1])


# ---------------------------------------------------------------------------
# The PAN macro measures

def overlaps(a: Annotation, b: Annotation) -> bool:
    """True iff a and b concern the same document pair and overlap in BOTH documents."""
    return (a.this_reference == b.this_reference
            and a.source_reference == b.source_reference
            and _meets(a.this_range, b.this_range)
            and _meets(a.source_range, b.source_range))


def _by_pair(anns: Iterable[Annotation]) -> Dict[Tuple[str, str], List[Annotation]]:
    index: Dict[Tuple[str, str], List[Annotation]] = {}
    for a in anns:
        index.setdefault(a.pair, []).append(a)
    return index


def _unique(anns: Iterable[Annotation]) -> List[Annotation]:
    return list(dict.fromkeys(anns))


def _covered(x: Annotation, others: Sequence[Annotation]) -> int:
    """Characters of x (both sides) inside the union of those `others` that overlap x."""
    hits = [y for y in others if overlaps(x, y)]
    if not hits:
        return 0
    this = merge(_clip(y.this_range, x.this_range) for y in hits)
    src = merge(_clip(y.source_range, x.source_range) for y in hits)
    return total_length(this) + total_length(src)


def macro_recall(cases: Iterable[Annotation], detections: Iterable[Annotation]) -> float:
    """Mean over cases of the fraction of each case's characters that overlapping detections cover."""
    cases, detections = _unique(cases), _unique(detections)
    if not cases and not detections:
        return 1.0
    if not cases or not detections:
        return 0.0
    index = _by_pair(detections)
    total = 0.0
    for case in cases:
        if case.size > 0:
            total += _covered(case, index.get(case.pair, ())) / case.size
    return total / len(cases)


def macro_precision(cases: Iterable[Annotation], detections: Iterable[Annotation]) -> float:
    """Mean over detections of the fraction of each detection's characters inside overlapping cases."""
    return macro_recall(detections, cases)


def granularity(cases: Iterable[Annotation], detections: Iterable[Annotation]) -> float:
    """Mean number of overlapping detections per detected case (1 if nothing is detected)."""
    cases, detections = _unique(cases), _unique(detections)
    index = _by_pair(detections)
    detected = hits = 0
    for case in cases:
        n = sum(1 for d in index.get(case.pair, ()) if overlaps(case, d))
        if n:
            detected += 1
            hits += n
    return hits / detected if detected else 1.0


def plagdet(precision: float, recall: float, gran: float) -> float:
    """F1 of precision and recall, divided by log2(1 + granularity)."""
    if precision < 0 or recall < 0 or gran < 1 or (precision == 0 and recall == 0):
        return 0.0
    f1 = 2 * precision * recall / (precision + recall)
    return f1 / math.log2(1 + gran)


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    granularity: float
    plagdet: float
    cases: int            # distinct cases
    detections: int       # distinct detections
    detected_cases: int   # cases overlapped by at least one detection


def evaluate(cases: Iterable[Annotation], detections: Iterable[Annotation]) -> Scores:
    """All PAN measures for one set of cases and detections (e.g. one obfuscation type)."""
    cases, detections = _unique(cases), _unique(detections)
    p = macro_precision(cases, detections)
    r = macro_recall(cases, detections)
    g = granularity(cases, detections)
    index = _by_pair(detections)
    detected = sum(1 for c in cases if any(overlaps(c, d) for d in index.get(c.pair, ())))
    return Scores(p, r, g, plagdet(p, r, g), len(cases), len(detections), detected)


# ---------------------------------------------------------------------------
# Micro-averaged character measure (used for the seed articles)

@dataclass(frozen=True)
class MicroCount:
    """`covered` of `total` characters; `ratio` follows the PAN empty-set conventions."""

    covered: int
    total: int
    other_empty: bool  # True when the set compared against had no characters

    @property
    def ratio(self) -> float:
        if self.total:
            return self.covered / self.total
        return 1.0 if self.other_empty else 0.0


def micro_covered(xs: Iterable[Annotation], ys: Iterable[Annotation],
                  page_only: bool = False) -> MicroCount:
    """Characters of xs that are matched by ys, counted once per document pair and side.

    For each document pair (page, source): the total is the union of the xs' page ranges
    plus the union of the xs' source ranges; a character of x counts as covered where it
    lies in a y that overlaps x in both documents (see `overlaps`), on the same side.
    With `page_only`, only page characters are counted (a y must still overlap x in the
    source too): for truth whose source ranges are coarser than its page ranges.

    recall = micro_covered(truth, detections).ratio
    precision = micro_covered(detections, truth).ratio
    """
    xs, ys = _unique(xs), _unique(ys)
    yindex = _by_pair(ys)
    covered = total = 0
    for pair, group in _by_pair(xs).items():
        others = yindex.get(pair, ())
        this_cov: List[Range] = []
        src_cov: List[Range] = []
        for x in group:
            hits = [y for y in others if overlaps(x, y)]
            this_cov.extend(_clip(y.this_range, x.this_range) for y in hits)
            src_cov.extend(_clip(y.source_range, x.source_range) for y in hits)
        total += total_length(merge(x.this_range for x in group))
        covered += total_length(merge(this_cov))
        if not page_only:
            total += total_length(merge(x.source_range for x in group))
            covered += total_length(merge(src_cov))
    other_empty = sum(y.size for y in ys) == 0
    return MicroCount(covered, total, other_empty)


# ---------------------------------------------------------------------------
# PAN XML

def parse_pan_xml(path: str, feature_name: str) -> List[Annotation]:
    """The annotations named `feature_name` in one PAN XML file.

    The suspicious document is the root's `reference` attribute; other features (e.g. the
    corpus' `about` and `md5` features) are ignored. Raises ValueError on a feature that
    lacks an attribute or has a non-integer or negative offset/length.
    """
    root = ET.parse(path).getroot()
    this_ref = root.get("reference", "")
    out: List[Annotation] = []
    for node in root:
        if node.tag != "feature" or node.get("name") != feature_name:
            continue
        try:
            values = [int(node.attrib[k]) for k in
                      ("this_offset", "this_length", "source_offset", "source_length")]
            source_ref = node.attrib["source_reference"]
        except KeyError as e:
            raise ValueError(f"{path}: <feature name={feature_name!r}> lacks attribute {e.args[0]}") from None
        except ValueError:
            raise ValueError(f"{path}: <feature name={feature_name!r}> has a non-integer offset or length") from None
        if min(values) < 0:
            raise ValueError(f"{path}: <feature name={feature_name!r}> has a negative offset or length")
        t_off, t_len, s_off, s_len = values
        out.append(Annotation(this_ref, t_off, t_len, source_ref, s_off, s_len))
    return out


def annotations_to_xml(this_reference: str, anns: Iterable[Annotation],
                       feature_name: str = DETECTION_FEATURE) -> str:
    """A PAN XML document for the annotations (the format `reuselens align` writes)."""
    from xml.sax.saxutils import quoteattr
    lines = [f"<document reference={quoteattr(this_reference)}>"]
    for a in anns:
        lines.append(
            f"<feature name={quoteattr(feature_name)} this_offset=\"{a.this_offset}\" "
            f"this_length=\"{a.this_length}\" source_reference={quoteattr(a.source_reference)} "
            f"source_offset=\"{a.source_offset}\" source_length=\"{a.source_length}\"/>")
    lines.append("</document>")
    return "\n".join(lines) + "\n"

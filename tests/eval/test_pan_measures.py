"""Tests of scripts/pan_measures.py on synthetic cases whose values are computed by hand.

Run from the repository root:  python3 -m unittest discover -s tests/eval -t .
"""

import math
import random
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import pan_measures as pm  # noqa: E402

A = pm.Annotation


def case(t_off, t_len, s_off, s_len, susp="susp1.txt", src="src1.txt"):
    return A(susp, t_off, t_len, src, s_off, s_len)


class IntervalTest(unittest.TestCase):
    def test_merge(self):
        self.assertEqual(pm.merge([(5, 10), (0, 3), (3, 4), (8, 12), (20, 20)]),
                         [(0, 4), (5, 12)])
        self.assertEqual(pm.merge([]), [])

    def test_lengths(self):
        a = pm.merge([(0, 10), (20, 30)])
        b = pm.merge([(5, 25)])
        self.assertEqual(pm.total_length(a), 20)
        self.assertEqual(pm.intersection_length(a, b), 10)  # [5,10) + [20,25)
        self.assertEqual(pm.intersection_length(a, []), 0)


class MacroMeasuresTest(unittest.TestCase):
    def check(self, cases, dets, precision, recall, gran, plagdet):
        s = pm.evaluate(cases, dets)
        self.assertAlmostEqual(s.precision, precision, places=12)
        self.assertAlmostEqual(s.recall, recall, places=12)
        self.assertAlmostEqual(s.granularity, gran, places=12)
        self.assertAlmostEqual(s.plagdet, plagdet, places=12)
        return s

    def test_perfect_detection(self):
        c = case(100, 50, 200, 50)
        s = self.check([c], [c], 1, 1, 1, 1)
        self.assertEqual((s.cases, s.detections, s.detected_cases), (1, 1, 1))

    def test_half_detected(self):
        # case: 100 + 100 chars; detection covers the first half on both sides.
        # recall = (50 + 50) / 200 = 0.5; precision = 1; F1 = 2*0.5/1.5 = 2/3; granularity 1.
        self.check([case(0, 100, 0, 100)], [case(0, 50, 0, 50)], 1, 0.5, 1, 2 / 3)

    def test_shifted_detection(self):
        # detection [50,150) x [0,100) on case [0,100) x [0,100):
        # recall = (50 + 100) / 200 = 0.75; precision = (50 + 100) / 200 = 0.75.
        self.check([case(0, 100, 0, 100)], [case(50, 100, 0, 100)], 0.75, 0.75, 1, 0.75)

    def test_split_in_two_detections(self):
        # two halves together cover the case: recall 1, precision 1, granularity 2,
        # plagdet = 1 / log2(1 + 2).
        dets = [case(0, 50, 0, 50), case(50, 50, 50, 50)]
        self.check([case(0, 100, 0, 100)], dets, 1, 1, 2, 1 / math.log2(3))

    def test_overlap_in_suspicious_only_does_not_count(self):
        c = case(0, 100, 0, 100)
        # same suspicious range, disjoint source range
        self.check([c], [case(0, 100, 500, 100)], 0, 0, 1, 0)
        # same ranges, but another source document
        self.check([c], [case(0, 100, 0, 100, src="src2.txt")], 0, 0, 1, 0)
        # same ranges, but another suspicious document
        self.check([c], [case(0, 100, 0, 100, susp="susp2.txt")], 0, 0, 1, 0)
        # adjacent ranges share no character
        self.check([c], [case(100, 50, 100, 50)], 0, 0, 1, 0)

    def test_detections_without_cases(self):
        self.check([], [case(0, 100, 0, 100)], 0, 0, 1, 0)

    def test_cases_without_detections(self):
        self.check([case(0, 100, 0, 100)], [], 0, 0, 1, 0)

    def test_no_cases_no_detections(self):
        self.check([], [], 1, 1, 1, 1)

    def test_macro_averaging(self):
        c1 = case(0, 100, 0, 100, susp="s1.txt")
        c2 = case(0, 100, 0, 100, susp="s2.txt")
        # one of two cases fully detected: recall (1 + 0) / 2, precision 1
        self.check([c1, c2], [c1], 1, 0.5, 1, 2 / 3)
        # precision is averaged per detection, not per character: a correct detection of
        # 200 chars and a false one of 20 chars give (1 + 0) / 2
        false_det = case(0, 10, 0, 10, susp="s3.txt")
        self.check([c1], [c1, false_det], 0.5, 1, 1, 2 / 3)

    def test_granularity_counts_detected_cases_only(self):
        c1 = case(0, 300, 0, 300)
        c2 = case(1000, 100, 1000, 100)
        c3 = case(5000, 100, 5000, 100)  # undetected: does not enter granularity
        dets = [case(0, 100, 0, 100), case(100, 100, 100, 100), case(200, 100, 200, 100),
                case(1000, 100, 1000, 100)]
        # (3 + 1) / 2 detected cases
        self.assertEqual(pm.granularity([c1, c2, c3], dets), 2)
        # recall = (1 + 1 + 0) / 3, precision 1
        s = pm.evaluate([c1, c2, c3], dets)
        self.assertAlmostEqual(s.recall, 2 / 3)
        self.assertEqual(s.precision, 1)
        self.assertEqual(s.detected_cases, 2)
        f1 = 2 * (2 / 3) / (1 + 2 / 3)
        self.assertAlmostEqual(s.plagdet, f1 / math.log2(3))

    def test_one_detection_spanning_two_cases(self):
        c1 = case(0, 100, 0, 100)
        c2 = case(200, 100, 200, 100)
        d = case(0, 300, 0, 300)
        # each case fully covered; the detection's chars inside some case: 200 + 200 of 600
        self.check([c1, c2], [d], 400 / 600, 1, 1, 2 * (2 / 3) / (1 + 2 / 3))

    def test_duplicates_count_once(self):
        c = case(0, 100, 0, 100)
        self.check([c], [c, c], 1, 1, 1, 1)

    def test_empty_detection_has_zero_precision(self):
        c = case(0, 100, 0, 100)
        self.check([c], [c, case(10, 0, 10, 0)], 0.5, 1, 1, 2 / 3)

    def test_plagdet(self):
        self.assertEqual(pm.plagdet(0, 0, 1), 0)
        self.assertEqual(pm.plagdet(1, 1, 1), 1)
        self.assertAlmostEqual(pm.plagdet(0.5, 1, 1), 2 / 3)
        self.assertAlmostEqual(pm.plagdet(1, 1, 3), 0.5)


def reference_measures(cases, dets):
    """The official script's algorithm with per-character sets (slow; for cross-checking)."""
    def ov(a, b):
        return (a[0] == b[0] and a[3] == b[3] and b[1] < a[1] + a[2] and a[1] < b[1] + b[2]
                and b[4] < a[4] + a[5] and a[4] < b[4] + b[5])

    def rec(xs, ys):
        xs, ys = set(xs), set(ys)
        if not xs and not ys:
            return 1
        if not xs or not ys:
            return 0
        total = 0
        for x in xs:
            t, s = set(), set()
            for y in ys:
                if ov(x, y):
                    t |= set(range(max(x[1], y[1]), min(x[1] + x[2], y[1] + y[2])))
                    s |= set(range(max(x[4], y[4]), min(x[4] + x[5], y[4] + y[5])))
            total += (len(t) + len(s)) / (x[2] + x[5])
        return total / len(xs)

    per_case = [sum(ov(c, d) for d in set(dets)) for c in set(cases)]
    detected = sum(1 for n in per_case if n)
    gran = sum(per_case) / detected if detected and dets else 1
    return rec(dets, cases), rec(cases, dets), gran


class CrossCheckTest(unittest.TestCase):
    def test_random_against_per_character_reference(self):
        rnd = random.Random(2013)
        for _ in range(200):
            docs = [("s1.txt", "r1.txt"), ("s1.txt", "r2.txt"), ("s2.txt", "r1.txt")]
            def ann():
                t, r = rnd.choice(docs)
                return A(t, rnd.randrange(0, 300), rnd.randrange(1, 120), r,
                         rnd.randrange(0, 300), rnd.randrange(1, 120))
            cases = [ann() for _ in range(rnd.randrange(0, 5))]
            dets = [ann() for _ in range(rnd.randrange(0, 7))]
            s = pm.evaluate(cases, dets)
            p, r, g = reference_measures(cases, dets)
            self.assertAlmostEqual(s.precision, p, places=12)
            self.assertAlmostEqual(s.recall, r, places=12)
            self.assertAlmostEqual(s.granularity, g, places=12)


class XmlTest(unittest.TestCase):
    TRUTH = """<document  reference="suspicious-document00008.txt">
\t<feature  name="about" authors="DUC2001" title="news" language="en" />
\t<feature  name="md5" value="d01ba6b61168d3fe1a11481772f3b1f8" language="en" />
\t<feature  name="plagiarism" type="artificial" obfuscation="summary" this_language="en" this_offset="3822" this_length="593" source_reference="source-document00305.txt" source_language="en" source_offset="0" source_length="5861" />
</document>
"""
    DETECTION = """<document reference="suspicious-document00008.txt">
<feature name="detected-plagiarism" this_offset="10" this_length="20" source_reference="source-document00305.txt" source_offset="30" source_length="40"/>
<feature name="detected-plagiarism" this_offset="100" this_length="5" source_reference="source-document00305.txt" source_offset="200" source_length="6"/>
</document>
"""

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self.tmp.name)

    def tearDown(self):
        self.tmp.cleanup()

    def write(self, name, text):
        p = self.dir / name
        p.write_text(text, encoding="utf-8")
        return str(p)

    def test_truth(self):
        path = self.write("t.xml", self.TRUTH)
        self.assertEqual(pm.parse_pan_xml(path, pm.TRUTH_FEATURE),
                         [A("suspicious-document00008.txt", 3822, 593,
                            "source-document00305.txt", 0, 5861)])
        self.assertEqual(pm.parse_pan_xml(path, pm.DETECTION_FEATURE), [])

    def test_detections(self):
        path = self.write("d.xml", self.DETECTION)
        self.assertEqual(pm.parse_pan_xml(path, pm.DETECTION_FEATURE), [
            A("suspicious-document00008.txt", 10, 20, "source-document00305.txt", 30, 40),
            A("suspicious-document00008.txt", 100, 5, "source-document00305.txt", 200, 6)])
        self.assertEqual(pm.parse_pan_xml(path, pm.TRUTH_FEATURE), [])

    def test_empty_document(self):
        path = self.write("e.xml", '<document reference="suspicious-document00017.txt">\n</document>\n')
        self.assertEqual(pm.parse_pan_xml(path, pm.DETECTION_FEATURE), [])

    def test_malformed_feature(self):
        path = self.write("m.xml", '<document reference="s.txt"><feature name="detected-plagiarism" '
                                   'this_offset="1" this_length="2"/></document>')
        with self.assertRaises(ValueError):
            pm.parse_pan_xml(path, pm.DETECTION_FEATURE)
        path = self.write("n.xml", '<document reference="s.txt"><feature name="detected-plagiarism" '
                                   'this_offset="1" this_length="x" source_reference="r.txt" '
                                   'source_offset="0" source_length="1"/></document>')
        with self.assertRaises(ValueError):
            pm.parse_pan_xml(path, pm.DETECTION_FEATURE)

    def test_round_trip(self):
        anns = [A("s&1.txt", 1, 2, 'r"1.txt', 3, 4)]
        path = self.write("r.xml", pm.annotations_to_xml("s&1.txt", anns))
        self.assertEqual(pm.parse_pan_xml(path, pm.DETECTION_FEATURE), anns)


class MicroTest(unittest.TestCase):
    def test_seed_style_micro_measure(self):
        t1 = A("page.txt", 0, 100, "src.txt", 0, 100)      # verbatim
        t2 = A("page.txt", 200, 100, "src.txt", 300, 100)  # spun
        d1 = A("page.txt", 50, 100, "src.txt", 50, 100)    # overlaps t1 on both sides
        d2 = A("page.txt", 200, 100, "src.txt", 0, 100)    # t2's page range, wrong source range
        dets = [d1, d2]
        # verbatim: t1 chars covered by d1: page [50,100) + source [50,100) = 100 of 200
        r = pm.micro_covered([t1], dets)
        self.assertEqual((r.covered, r.total), (100, 200))
        self.assertEqual(r.ratio, 0.5)
        # spun: d2 overlaps t2 on the page only -> nothing counts
        r = pm.micro_covered([t2], dets)
        self.assertEqual((r.covered, r.total, r.ratio), (0, 200, 0))
        # overall recall 100 / 400
        self.assertEqual(pm.micro_covered([t1, t2], dets).ratio, 0.25)
        # precision: detection chars counted once per side: page [50,150) + [200,300) = 200,
        # source [50,150) u [0,100) = [0,150) = 150; correct: 50 + 50 -> 100 / 350
        p = pm.micro_covered(dets, [t1, t2])
        self.assertEqual((p.covered, p.total), (100, 350))
        self.assertAlmostEqual(p.ratio, 2 / 7)

    def test_page_only_counts_page_characters_but_still_checks_the_source(self):
        # Truth source range wider than the page's copy (as in seeds 004/001).
        t = A("page.txt", 0, 100, "src.txt", 0, 250)
        exact = A("page.txt", 0, 100, "src.txt", 0, 100)
        self.assertEqual(pm.micro_covered([t], [exact]).ratio, 200 / 350)
        r = pm.micro_covered([t], [exact], page_only=True)
        self.assertEqual((r.covered, r.total), (100, 100))
        # a detection with the right page range but the wrong source range counts for nothing
        wrong = A("page.txt", 0, 100, "src.txt", 300, 100)
        self.assertEqual(pm.micro_covered([t], [wrong], page_only=True).covered, 0)
        p = pm.micro_covered([exact, wrong], [t], page_only=True)
        self.assertEqual((p.covered, p.total), (100, 100))  # page ranges of both merge to [0,100)

    def test_micro_empty_conventions(self):
        t = A("p", 0, 10, "s", 0, 10)
        self.assertEqual(pm.micro_covered([], []).ratio, 1.0)   # nothing to find, nothing found
        self.assertEqual(pm.micro_covered([], [t]).ratio, 0.0)  # precision with no detections
        self.assertEqual(pm.micro_covered([t], []).ratio, 0.0)  # recall with no detections

    def test_separate_pages_are_not_merged(self):
        # the same source range reused by two pages counts once per page
        t1 = A("p1", 0, 10, "s", 0, 10)
        t2 = A("p2", 0, 10, "s", 0, 10)
        r = pm.micro_covered([t1, t2], [t1])
        self.assertEqual((r.covered, r.total), (20, 40))


if __name__ == "__main__":
    unittest.main()

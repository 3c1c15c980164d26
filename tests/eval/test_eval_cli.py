"""End-to-end tests of scripts/eval.py against a fake `reuselens` CLI on a tiny corpus.

The fake CLI answers `align` with the truth (optionally split in two, or with a false
detection on the no-plagiarism pair) and `match` with the seed truth passages, so these
tests need neither the real binary nor the shared data.
"""

import contextlib
import io
import json
import os
import stat
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import eval as ev  # noqa: E402

FAKE_CLI = r'''#!PYTHON
import json, os, re, sys
from pathlib import Path
mode = os.environ.get("FAKE_MODE", "truth")
args = sys.argv[1:]
if mode == "crash":
    print("boom", file=sys.stderr); sys.exit(3)
if args[0] == "align":
    o = dict(zip(args[1::2], args[2::2]))
    if os.environ.get("FAKE_RECORD_OUT"):
        Path(os.environ["FAKE_RECORD_OUT"]).write_text(o["--out"])
    corpus = Path(o["--src"]).parent
    for line in Path(o["--pairs"]).read_text().splitlines():
        s, r = line.split()
        name = s[:-4] + "-" + r[:-4] + ".xml"
        truth = next(corpus.glob("*/" + name)).read_text()
        feats = re.findall(r'<feature name="plagiarism"([^>]*)/>', truth)
        out = ['<document reference="%s">' % s]
        for f in feats:
            if mode == "split":
                v = {k: int(x) for k, x in re.findall(r'(\w+_(?:offset|length))="(\d+)"', f)}
                h, hs = v["this_length"] // 2, v["source_length"] // 2
                for a, b, c, d in ((v["this_offset"], h, v["source_offset"], hs),
                                   (v["this_offset"] + h, v["this_length"] - h,
                                    v["source_offset"] + hs, v["source_length"] - hs)):
                    out.append('<feature name="detected-plagiarism" this_offset="%d" this_length="%d" '
                               'source_reference="%s" source_offset="%d" source_length="%d"/>' % (a, b, r, c, d))
            else:
                out.append('<feature name="detected-plagiarism"%s/>' % f)
        if mode == "false-positive" and not feats:
            out.append('<feature name="detected-plagiarism" this_offset="0" this_length="5" '
                       'source_reference="%s" source_offset="0" source_length="5"/>' % r)
        out.append("</document>")
        if mode != "skip-empty" or feats:
            (Path(o["--out"]) / name).write_text("\n".join(out))
elif args[0] == "match" and not (Path(args[2]).parent / "truth.json").exists():
    # a PAN pair: its cases as passages (code points; the fixture's texts are ASCII)
    src, page = Path(args[2]), Path(args[-1])
    truth = next(src.parent.parent.glob("*/" + page.stem + "-" + src.stem + ".xml")).read_text()
    ps = []
    for f in re.findall(r'<feature name="plagiarism"([^>]*)/>', truth):
        v = {k: int(x) for k, x in re.findall(r'(\w+_(?:offset|length))="(\d+)"', f)}
        ps.append({"start": v["this_offset"], "end": v["this_offset"] + v["this_length"], "source": args[2],
                   "source_start": v["source_offset"], "source_end": v["source_offset"] + v["source_length"],
                   "score": 1.0, "kind": "verbatim"})
    if mode == "false-positive" and not ps:
        ps.append({"start": 0, "end": 5, "source": args[2], "source_start": 0, "source_end": 5,
                   "score": 1.0, "kind": "verbatim"})
    print(json.dumps({"passages": ps}))
elif args[0] == "match":
    sources = [args[i + 1] for i in range(1, len(args) - 1, 2) if args[i] == "--source"]
    page = args[-1]
    truth = json.loads((Path(sources[0]).parent / "truth.json").read_text())
    ps = []
    for source in sources:  # the truth, read both ways
        for p in truth["pairs"]:
            for a, b in (("page", "source"), ("source", "page")):
                if p[a] == Path(page).name and p[b] == Path(source).name:
                    ps.append({"start": p[a + "_start"], "end": p[a + "_end"], "source": source,
                               "source_start": p[b + "_start"], "source_end": p[b + "_end"],
                               "score": 1.0, "kind": p["kind"]})
    if mode == "miss-spun":
        ps = [p for p in ps if p["kind"] != "spun"]
    if mode == "all-verbatim":
        ps = [dict(p, kind="verbatim") for p in ps]
    print(json.dumps({"passages": ps}))
'''

TEXT = "abcdefghij" * 30  # 300 code points


def build_fixture(root: Path):
    corpus = root / "corpus"
    (corpus / "src").mkdir(parents=True)
    (corpus / "susp").mkdir()
    for n in (1, 2):
        (corpus / "susp" / f"suspicious-document{n}.txt").write_text(TEXT)
        (corpus / "src" / f"source-document{n}.txt").write_text(TEXT)
    feat = ('<feature name="plagiarism" obfuscation="none" this_offset="{}" this_length="100" '
            'source_reference="source-document1.txt" source_offset="{}" source_length="100" />')
    folders = {
        "01-no-plagiarism": [("suspicious-document2.txt", "source-document2.txt", [])],
        "02-no-obfuscation": [("suspicious-document1.txt", "source-document1.txt", [(10, 20)]),
                              ("suspicious-document2.txt", "source-document1.txt", [(0, 0), (150, 150)])],
    }
    for folder, pairs in folders.items():
        d = corpus / folder
        d.mkdir()
        (d / "pairs").write_text("".join(f"{s} {r}\n" for s, r, _ in pairs))
        for s, r, cases in pairs:
            feats = "\n".join(feat.format(a, b) for a, b in cases)
            (d / f"{s[:-4]}-{r[:-4]}.xml").write_text(
                f'<document reference="{s}">\n<feature name="about" />\n{feats}\n</document>\n')
    seeds = root / "seeds"
    seeds.mkdir()
    for n in ("000", "001", "002", "003", "004"):
        (seeds / f"{n}_x.txt").write_text(TEXT)
    pairs = [("000", "spun", 0, 50, 0, 50), ("002", "verbatim", 10, 60, 100, 150),
             ("003", "edited", 0, 20, 200, 220), ("004", "paraphrase", 0, 30, 0, 40)]
    truth = {"pairs": [{"page": f"{p}_x.txt", "source": "001_x.txt", "kind": k, "page_start": a,
                        "page_end": b, "source_start": c, "source_end": d} for p, k, a, b, c, d in pairs]}
    truth["pairs"].append({"page": "003_x.txt", "source": "002_x.txt", "kind": "verbatim",
                           "page_start": 0, "page_end": 10, "source_start": 0, "source_end": 10})
    (seeds / "truth.json").write_text(json.dumps(truth))
    cli = root / "reuselens"
    cli.write_text(FAKE_CLI.replace("PYTHON", sys.executable, 1))
    cli.chmod(cli.stat().st_mode | stat.S_IXUSR)
    return corpus, seeds, cli


class EvalCliTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.root = Path(self.tmp.name)
        self.corpus, self.seeds, self.cli = build_fixture(self.root)
        os.environ.pop("FAKE_MODE", None)

    def tearDown(self):
        os.environ.pop("FAKE_MODE", None)
        self.tmp.cleanup()

    def run_eval(self, *argv, mode=None):
        if mode:
            os.environ["FAKE_MODE"] = mode
        out, err = io.StringIO(), io.StringIO()
        jpath = self.root / "m.json"
        jpath.unlink(missing_ok=True)
        argv = list(argv)
        base = ["--cli", str(self.cli), "--json", str(jpath)]
        if argv[0] in ("pan", "all"):
            base += ["--corpus", str(self.corpus)]
        if argv[0] in ("seeds", "all"):
            base += ["--seeds", str(self.seeds)]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = ev.main(argv[:1] + base + argv[1:])
        metrics = json.loads(jpath.read_text()) if jpath.exists() else None
        return rc, metrics, out.getvalue(), err.getvalue()

    def test_pan_truth_scores_one(self):
        rc, m, out, _ = self.run_eval("pan", "--require", "none.plagdet>=1",
                                      "--require", "no-plagiarism.detections<=0")
        self.assertEqual(rc, 0, out)
        self.assertEqual(m["none.cases"], 3)
        self.assertEqual(m["overall.plagdet"], 1)
        self.assertEqual(m["no-plagiarism.plagdet"], 1)
        self.assertGreaterEqual(m["pan.seconds"], 0)
        self.assertIn("| overall", out)

    def test_pan_split_detections(self):
        rc, m, _, err = self.run_eval("pan", "--require", "02-no-obfuscation.plagdet>=0.99",
                                      mode="split")
        self.assertEqual(rc, 1)
        self.assertEqual(m["none.granularity"], 2)
        self.assertAlmostEqual(m["none.plagdet"], 0.6309297535714575)
        self.assertIn("REQUIREMENT FAILED: 02-no-obfuscation.plagdet>=0.99", err)

    def test_pan_false_positive_on_no_plagiarism(self):
        rc, m, _, err = self.run_eval("pan", "--require", "no-plagiarism.detections<=0",
                                      mode="false-positive")
        self.assertEqual(rc, 1)
        self.assertEqual(m["no-plagiarism.detections"], 1)
        self.assertEqual(m["no-plagiarism.plagdet"], 0)
        self.assertEqual(m["none.plagdet"], 1)
        self.assertIn("no-plagiarism.detections = 1", err)

    def test_pan_missing_files_count_as_no_detections(self):
        rc, m, out, _ = self.run_eval("pan", mode="skip-empty")
        self.assertEqual(rc, 0)
        self.assertEqual(m["pan.missing"], 1)
        self.assertEqual(m["overall.plagdet"], 1)
        self.assertIn("have no output file", out)

    def test_pan_sample(self):
        rc, m, _, _ = self.run_eval("pan", "--sample", "1")
        self.assertEqual(rc, 0)
        self.assertEqual(m["overall.pairs"], 2)
        self.assertEqual(m["none.cases"], 1)

    def test_pan_via_match_runs_match_once_per_pair(self):
        rc, m, out, err = self.run_eval("pan", "--via", "match", "--require", "none.plagdet>=1")
        self.assertEqual(rc, 0, err)
        self.assertEqual(m["none.cases"], 3)
        self.assertEqual(m["none.detections"], 3)
        self.assertEqual(m["overall.plagdet"], 1)
        self.assertIn("running " + str(self.cli) + " match on 3 pairs", err)
        rc, m, _, _ = self.run_eval("pan", "--via", "match", mode="false-positive")
        self.assertEqual(rc, 0)
        self.assertEqual(m["no-plagiarism.detections"], 1)
        rc, _, _, err = self.run_eval("pan", "--via", "match", mode="crash")
        self.assertEqual(rc, 2)
        self.assertIn("exit status 3", err)

    def test_pan_outputs_go_to_shared_memory_when_it_is_writable(self):
        # As in bench/run.sh: the wall clock then measures the work, not the
        # disk's file creation.
        record = self.root / "out-path"
        os.environ["FAKE_RECORD_OUT"] = str(record)
        try:
            rc, _, _, err = self.run_eval("pan")
        finally:
            os.environ.pop("FAKE_RECORD_OUT")
        self.assertEqual(rc, 0, err)
        shm = Path("/dev/shm")
        writable = shm.is_dir() and os.access(shm, os.W_OK)
        base = shm if writable else Path(tempfile.gettempdir())
        out = Path(record.read_text())
        self.assertEqual(out.parent.parent, base)
        self.assertTrue(out.parent.name.startswith("reuselens-eval-"), out)
        self.assertFalse(out.exists(), "the outputs are removed after scoring")

    def test_pan_oracle_needs_no_cli(self):
        rc, m, _, _ = self.run_eval("pan", "--oracle", "--cli", str(self.root / "nothing"))
        self.assertEqual(rc, 0)
        self.assertEqual(m["overall.plagdet"], 1)
        self.assertIsNone(m["pan.seconds"])

    def test_seeds(self):
        rc, m, out, _ = self.run_eval("seeds", "--require", "seeds.verbatim.recall>=0.95",
                                      "--require", "seeds.overall.recall>=1")
        self.assertEqual(rc, 0, out)
        self.assertEqual(m["seeds.precision"], 1)
        self.assertEqual(m["seeds.detections"], 4)
        rc, m, _, err = self.run_eval("seeds", "--require", "seeds.spun.recall>=0.5", mode="miss-spun")
        self.assertEqual(rc, 1)
        self.assertEqual(m["seeds.spun.recall"], 0)
        self.assertEqual(m["seeds.verbatim.recall"], 1)
        # page characters only: 000's spun passage (50) missed, of 50+50+20+30
        self.assertAlmostEqual(m["seeds.recall"], 100 / 150)

    def test_seed_kinds_agreement(self):
        rc, m, out, _ = self.run_eval("seeds", "--require", "seeds.kinds.agreement>=1")
        self.assertEqual(rc, 0, out)
        self.assertIn("| seeds kinds as in truth.json", out)
        _, m, _, _ = self.run_eval("seeds", mode="all-verbatim")
        # 001's four truth passages are spun, verbatim, edited and paraphrase
        self.assertAlmostEqual(m["seeds.kinds.agreement"], 1 / 4)
        _, m, _, _ = self.run_eval("seeds", mode="miss-spun")  # a missed passage disagrees
        self.assertLess(m["seeds.kinds.agreement"], 1)

    def test_seeds_against_the_other_four(self):
        rc, m, out, _ = self.run_eval("seeds", "--require", "seeds.others.min_f1>=1")
        self.assertEqual(rc, 0, out)
        self.assertEqual(m["seeds.others.001.f1"], 1)
        self.assertEqual(m["seeds.others.002.f1"], 1)  # 002 is a source of 003 too
        rc, m, _, _ = self.run_eval("seeds", mode="miss-spun")
        self.assertEqual(m["seeds.others.000.f1"], 0)  # its only passage is spun
        # 001 as the page reuses 0-50 (000, 004), 100-150 (002), 200-220 (003):
        # without the spun passage, 40-50 is missed; nothing shown is wrong.
        recall = 110 / 120
        self.assertAlmostEqual(m["seeds.others.001.f1"], 2 * recall / (1 + recall))
        self.assertEqual(m["seeds.others.003.f1"], 1)

    def test_seeds_each_against_each_other_one(self):
        rc, m, out, _ = self.run_eval("seeds", "--require", "seeds.pairs.min_f1>=1")
        self.assertEqual(rc, 0, out)
        self.assertEqual(m["seeds.pairs.f1"], 1)
        self.assertIn("| seeds each vs each other one: F1 1.0000 |    10 |", out)
        self.assertIn("F1 under 0.9: none", out)
        _, m, out, _ = self.run_eval("seeds", mode="miss-spun")
        self.assertEqual(m["seeds.pairs.min_f1"], 0)  # 000 and 001 share only the spun passage
        # page characters of both sides of the five truth passages (50+50, 50+50,
        # 20+20, 30+40, 10+10): the spun one's 100 missed, nothing shown wrong
        recall = 230 / 330
        self.assertAlmostEqual(m["seeds.pairs.f1"], 2 * recall / (1 + recall))
        self.assertIn("F1 under 0.9: 000<-001 0.0000, 001<-000 0.0000", out)

    def test_all_writes_results(self):
        results = self.root / "results.md"
        rc, m, out, _ = self.run_eval("all", "--results", str(results))
        self.assertEqual(rc, 0, out)
        text = results.read_text()
        self.assertIn("- commit: ", text)
        self.assertIn("- command: `python3 ", text)
        self.assertIn("| overall", text)
        self.assertIn("| seeds verbatim", text)
        self.assertIn("align wall clock", text)
        rc, _, _, _ = self.run_eval("all", "--results", str(self.root / "r2.md"), "--no-results")
        self.assertFalse((self.root / "r2.md").exists())

    def test_usage_errors_exit_2(self):
        rc, _, _, err = self.run_eval("pan", "--require", "none.plagdet")
        self.assertEqual(rc, 2)
        self.assertIn("quote", err)
        rc, _, _, err = self.run_eval("pan", "--require", "nonsense.plagdet>=1")
        self.assertEqual(rc, 2)
        self.assertIn("unknown metric", err)
        rc, _, _, err = self.run_eval("pan", "--require", "seeds.recall>=1")
        self.assertEqual(rc, 2)
        rc, _, _, err = self.run_eval("pan", "--cli", str(self.root / "nothing"))
        self.assertEqual(rc, 2)
        self.assertIn("CLI not found", err)
        rc, _, _, err = self.run_eval("seeds", mode="crash")
        self.assertEqual(rc, 2)
        self.assertIn("boom", err)

    def test_requirement_parsing(self):
        r = ev.parse_requirement("no-plagiarism.detections<=0")
        self.assertEqual((r.metric, r.op, r.value), ("no-plagiarism.detections", "<=", 0))
        r = ev.parse_requirement(" seeds.verbatim.recall >= .95 ")
        self.assertEqual((r.metric, r.op, r.value), ("seeds.verbatim.recall", ">=", 0.95))
        aliases = {"02-no-obfuscation": "none", "no-obfuscation": "none", "seeds.overall": "seeds"}
        self.assertEqual(ev.canonical_metric("02-no-obfuscation.plagdet", aliases), "none.plagdet")
        self.assertEqual(ev.canonical_metric("no-obfuscation.plagdet", aliases), "none.plagdet")
        self.assertEqual(ev.canonical_metric("seeds.overall.recall", aliases), "seeds.recall")
        self.assertEqual(ev.short_name("04-translation-obfuscation"), "translation")
        self.assertEqual(ev.short_name("01-no-plagiarism"), "no-plagiarism")


if __name__ == "__main__":
    unittest.main()

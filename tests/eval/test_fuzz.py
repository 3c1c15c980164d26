"""Tests of scripts/fuzz.py: its checks reject what they must, it keeps a
failing input, and short repeatable campaigns of each mode pass on the real
builds (the long campaigns that find rare cases are `make fuzz`)."""

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import fuzz  # noqa: E402

CLI = ROOT / os.environ.get("REUSELENS_CLI", "build/native/reuselens")
PACKAGE = ROOT / "dist" / "reuselens" / "index.js"

# Texts of the test's own, so the campaigns need no ../shared.
TEXTS = [
    "The council voted on Tuesday to close the old harbour bridge for repairs. Engineers had warned for "
    "years that its steel frame was failing. “We could not wait any longer,” the mayor said. Ferries will "
    "run every twenty minutes until the bridge reopens in the spring, the council said.",
    "Der Stadtrat stimmte am Dienstag dafür, die alte Hafenbrücke zu schließen. 市议会周二投票决定关闭旧港口大桥进行维修。"
    " Городской совет проголосовал за закрытие старого моста.",
]


def passage(**changes):
    p = {"start": 0, "end": 4, "source": "s", "source_start": 0, "source_end": 4, "score": 0.5, "kind": "spun",
         "quoted": False, "alignment": [{"op": "exact", "page": [0, 4], "source": [0, 4]}]}
    p.update(changes)
    return p


class CheckMatchTest(unittest.TestCase):
    def check(self, *passages):
        fuzz.check_match(10, {"s": 10}, list(passages))

    def test_accepts_sorted_passages_apart_and_in_bounds(self):
        self.check(passage(), passage(start=4, end=10, alignment=[]))

    def test_rejects_what_must_not_happen(self):
        bad = {
            "overlap": [passage(), passage(start=3, end=6, alignment=[])],
            "page range": [passage(end=11, alignment=[])],
            "source range": [passage(source_end=11)],
            "score": [passage(score=1.5)],
            "kind": [passage(kind="copied")],
            "step outside passage": [passage(alignment=[{"op": "exact", "page": [3, 5], "source": [0, 1]}])],
            "page order": [passage(alignment=[{"op": "exact", "page": [2, 3], "source": [0, 1]},
                                              {"op": "exact", "page": [0, 1], "source": [2, 3]}])],
            "source order": [passage(alignment=[{"op": "exact", "page": [0, 1], "source": [2, 3]},
                                                {"op": "exact", "page": [2, 3], "source": [0, 1]}])],
            "step without source word": [passage(alignment=[{"op": "exact", "page": [0, 1]}])],
        }
        for what, passages in bad.items():
            with self.subTest(what), self.assertRaises(AssertionError) as caught:
                self.check(*passages)
            self.assertEqual(caught.exception.args[0][0], what)

    def test_a_moved_word_may_come_from_earlier_in_the_source(self):
        self.check(passage(alignment=[{"op": "exact", "page": [0, 1], "source": [2, 3]},
                                      {"op": "moved", "page": [2, 3], "source": [0, 1]}]))


class CampaignTest(unittest.TestCase):
    def setUp(self):
        self.dir = Path(tempfile.mkdtemp(prefix="reuselens-fuzz-test-"))
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        (self.dir / "texts").mkdir()
        for i, text in enumerate(TEXTS):
            (self.dir / "texts" / f"t{i}.txt").write_text(text, encoding="utf-8")

    def fuzz(self, *args, cli=CLI):
        return subprocess.run([sys.executable, str(ROOT / "scripts" / "fuzz.py"), *args, "--cli", str(cli),
                               "--seeds", str(self.dir / "texts"), "--pan", str(self.dir / "none"),
                               "--keep", str(self.dir / "keep")], capture_output=True, text=True, timeout=600)

    def test_a_failing_output_is_reported_and_its_input_kept(self):
        # A CLI whose passages overlap whenever the page has two characters.
        fake = self.dir / "fake-cli"
        fake.write_text("#!" + sys.executable + "\n" + """import json, sys
args = sys.argv[1:]
page = open(args[-1], encoding="utf-8", errors="surrogatepass").read()
if len(page) < 2:
    sys.exit(print("page: the text has no words to match", file=sys.stderr) or 1)
p = {"start": 0, "end": 2, "source": args[2], "source_start": 0, "source_end": 1, "score": 1, "kind": "verbatim",
     "quoted": False, "alignment": []}
print(json.dumps({"passages": [p, dict(p, start=1)]}))
""")
        fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
        r = self.fuzz("match", "--runs", "8", "--seed", "1", cli=fake)
        self.assertEqual(r.returncode, 1, r.stdout + r.stderr)
        self.assertRegex(r.stdout, r"fuzz match: 8 runs in \d+ s, [1-8] failures")
        kept = sorted((self.dir / "keep").glob("fail-match-1-*"))
        self.assertTrue(kept)
        self.assertIn("overlap", (kept[0] / "error").read_text())
        self.assertTrue((kept[0] / "page.txt").exists())

    @unittest.skipUnless(CLI.exists(), "the native CLI is not built")
    def test_short_campaigns_pass_on_the_native_build(self):
        for mode, runs in (("match", "40"), ("align", "4")):
            with self.subTest(mode):
                r = self.fuzz(mode, "--runs", runs, "--seed", "2")
                self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
                self.assertIn(f"fuzz {mode}: {runs} runs", r.stdout)
                self.assertIn(", 0 failures", r.stdout)

    @unittest.skipUnless(CLI.exists() and PACKAGE.exists() and shutil.which("node"), "needs the CLI, dist/ and node")
    def test_a_short_campaign_passes_on_the_wasm_package(self):
        r = self.fuzz("wasm", "--runs", "40", "--seed", "3")
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("fuzz wasm: 40 runs", r.stdout)


if __name__ == "__main__":
    unittest.main()

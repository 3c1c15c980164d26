"""End-to-end tests of the `reuselens` command-line interface.

They run the real binary on real files: the seed articles and a few pairs of the PAN13
training corpus in ../shared (read only; everything written goes to temporary
directories), plus pages built here with emoji, CJK and combining marks so that code point
offsets differ from both UTF-8 byte and UTF-16 offsets.

Run from the repository root:
    python3 -m unittest discover -s tests/cli -t .
The binary is $REUSELENS_CLI (a relative path is taken from the repository root),
by default build/native/reuselens. Set REUSELENS_SANITIZED when it is built with
AddressSanitizer (make test-sanitized): the one test that limits address space is skipped.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
PAN = SHARED / "pan13-train"


def _cli_path():
    path = Path(os.environ.get("REUSELENS_CLI", "build/native/reuselens")).expanduser()
    return path if path.is_absolute() else REPO / path


CLI = _cli_path()

# Sentences of seed 001 (the source article) and one of seed 002, copied into test pages.
S_RUSSIA = ("Russia, which is building up a military presence in Syria, was quick to say that "
            "Moscow was also ready for talks with the United States.")
S_OBAMA = ("U.S. President Barack Obama believes that holding military talks with Russia on Syria "
           "is an important next step and hopes they will take place very shortly, Secretary of "
           "State John Kerry said on Friday.")
S_MILLIONS = ("Millions of Syrians have fled the four-year conflict and the UAE foreign minister said "
              "his country had taken more than 100,000 Syrian refugees over the last four years.")
S_WASHINGTON = ("Washington and its North Atlantic Treaty Organisation allies broke off ties with the "
                "Russian military in April past year in protest at Moscow\u2019s intervention in Ukraine.")

UNRELATED = ("The quick brown fox jumps over the lazy dog while the baker kneads bread dough in the "
             "early morning light near the river. Gardeners plant tulips and daffodils in autumn so "
             "that colourful flowers bloom in spring.\n")

# Text before the copied sentence: emoji (astral, ZWJ sequence), CJK, combining marks,
# mathematical letters, a ligature, a fullwidth letter and a no-break space.
UNICODE_PREFIX = ("\U0001F600\U0001F389 \u65E5\u672C\u8A9E\u306E\u30C6\u30AD\u30B9\u30C8\u3067\u3059\u3002\n"
                  "Cafe\u0301 nai\u0308ve \u2014 \U0001F469\u200D\U0001F469\u200D\U0001F467 "
                  "\U0001D518\U0001D52B\U0001D526\U0001D520\U0001D52C\U0001D521\U0001D522 \uFB01 \uFF21\u00A0\n\n")
UNICODE_SUFFIX = "\n\n\u7D42\u308F\u308A \U0001F642 e\u0301\u0302\n"

PASSAGE_KEYS = {"start", "end", "source", "source_start", "source_end", "score", "kind", "quoted", "alignment"}
CRASH_MARKERS = ("terminate called", "what():", "Segmentation fault", "Aborted", "core dumped",
                 "AddressSanitizer", "UndefinedBehaviorSanitizer", "runtime error:", "Traceback")


def setUpModule():
    if not (CLI.is_file() and os.access(CLI, os.X_OK)):
        raise RuntimeError(f"reuselens binary not found at {CLI}; build it with "
                           "`cmake -S . -B build/native -G Ninja && cmake --build build/native` "
                           "or set REUSELENS_CLI")
    if not SEEDS.is_dir() or not PAN.is_dir():
        raise RuntimeError(f"shared data not found at {SHARED} (expects seeds/ and pan13-train/)")


def seed(number):
    """Path of seed article `number` ("001"), e.g. ../shared/seeds/001_08fe67f9a3eebd52.txt."""
    found = sorted(SEEDS.glob(f"{number}_*.txt"))
    if len(found) != 1:
        raise AssertionError(f"expected one seed {number} in {SEEDS}, found {found}")
    return found[0]


def read_text(path):
    """The file's text exactly as the CLI sees it: UTF-8, no newline translation."""
    return Path(path).read_bytes().decode("utf-8")


def write_text(path, text):
    Path(path).write_bytes(text.encode("utf-8"))
    return Path(path)


def load_truth():
    return json.loads((SEEDS / "truth.json").read_text(encoding="utf-8"))["pairs"]


class Result:
    def __init__(self, proc):
        self.rc = proc.returncode
        self.raw = proc.stdout
        self.out = proc.stdout.decode("utf-8", "replace")
        self.err = proc.stderr.decode("utf-8", "replace")

    def __repr__(self):
        return f"exit {self.rc}\n--- stdout ---\n{self.out[:2000]}\n--- stderr ---\n{self.err[:2000]}"


def run_cli(*args, cwd=None, timeout=60, **kwargs):
    proc = subprocess.run([str(CLI), *map(str, args)], cwd=cwd, capture_output=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, **kwargs)
    return Result(proc)


def _no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise AssertionError(f"duplicate keys in JSON object: {keys}")
    return dict(pairs)


class CliTestCase(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="reuselens-cli-test-")
        cls.tmp = Path(cls._tmp.name)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def assertNoCrash(self, res):
        self.assertGreaterEqual(res.rc, 0, f"killed by signal {-res.rc}: {res!r}")
        self.assertIn(res.rc, (0, 1, 2), f"unexpected exit status: {res!r}")
        for marker in CRASH_MARKERS:
            self.assertNotIn(marker, res.err, f"crash-like output: {res!r}")

    def assertExit(self, res, code, *needles):
        """Exit status `code`, no crash, and every needle (case-insensitive) on stderr."""
        self.assertNoCrash(res)
        self.assertEqual(res.rc, code, repr(res))
        for needle in needles:
            self.assertIn(str(needle).lower(), res.err.lower(), f"stderr should mention {needle!r}: {res!r}")
        if code != 0:
            self.assertTrue(res.err.strip(), f"a failure must explain itself on stderr: {res!r}")

    def assertUsageError(self, res):
        self.assertExit(res, 2, "usage")

    def match(self, *args, cwd=None):
        """Runs `reuselens match ARGS`, checks the JSON contract, returns the passages."""
        res = run_cli("match", *args, cwd=cwd)
        self.assertExit(res, 0)
        try:
            text = res.raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.fail(f"stdout is not UTF-8 ({e}): {res!r}")
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
        self.assertIsInstance(doc, dict, text)
        self.assertEqual(set(doc), {"passages"}, text)
        self.assertIsInstance(doc["passages"], list, text)
        previous_end = 0
        for p in doc["passages"]:
            self.assertIsInstance(p, dict, text)
            self.assertEqual(set(p), PASSAGE_KEYS, text)
            for key in ("start", "end", "source_start", "source_end"):
                self.assertIs(type(p[key]), int, f"{key} must be an integer: {p}")
                self.assertGreaterEqual(p[key], 0, p)
            self.assertLess(p["start"], p["end"], p)
            self.assertLess(p["source_start"], p["source_end"], p)
            self.assertIsInstance(p["source"], str, p)
            self.assertIsInstance(p["kind"], str, p)
            self.assertIn(type(p["score"]), (int, float), p)
            self.assertGreaterEqual(p["score"], 0, p)
            self.assertLessEqual(p["score"], 1, p)
            self.assertIn(p["kind"], ("verbatim", "edited", "spun", "paraphrase", "summary"), p)
            self.assertIs(type(p["quoted"]), bool, p)
            self.assertIsInstance(p["alignment"], list, p)
            for step in p["alignment"]:
                self.assertIn(step["op"], ("exact", "stem", "synonym", "function", "substituted",
                                           "inserted", "deleted", "moved"), step)
                self.assertEqual("page" in step, step["op"] != "deleted", step)
                self.assertEqual("source" in step, step["op"] != "inserted", step)
                if "page" in step:
                    self.assertTrue(p["start"] <= step["page"][0] < step["page"][1] <= p["end"], step)
                if "source" in step:
                    self.assertTrue(p["source_start"] <= step["source"][0] < step["source"][1] <= p["source_end"],
                                    step)
            # In page order and not overlapping.
            self.assertGreaterEqual(p["start"], previous_end, f"passages out of page order: {text}")
            previous_end = p["end"]
        return doc["passages"]


class MatchTest(CliTestCase):
    """`match --source FILE PAGE` on pages built here."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.tmp / "sources").mkdir()
        cls.src1 = shutil.copy(seed("001"), cls.tmp / "sources" / "seed001.txt")
        cls.src2 = shutil.copy(seed("002"), cls.tmp / "sources" / "seed002.txt")
        cls.text1 = read_text(cls.src1)
        cls.text2 = read_text(cls.src2)
        for s in (S_RUSSIA, S_OBAMA, S_MILLIONS):
            assert cls.text1.count(s) == 1, f"seed 001 changed? {s!r}"
            assert s not in cls.text2
        assert cls.text2.count(S_WASHINGTON) == 1 and S_WASHINGTON not in cls.text1

    def test_unicode_page_offsets_are_code_points(self):
        page_text = UNICODE_PREFIX + S_RUSSIA + UNICODE_SUFFIX
        # The prefix must tell code points apart from UTF-8 bytes and UTF-16 units.
        self.assertNotEqual(len(UNICODE_PREFIX), len(UNICODE_PREFIX.encode("utf-8")))
        self.assertNotEqual(len(UNICODE_PREFIX), len(UNICODE_PREFIX.encode("utf-16-le")) // 2)
        page = write_text(self.tmp / "unicode-page.txt", page_text)
        passages = self.match("--source", "sources/seed001.txt", page.name, cwd=self.tmp)
        self.assertEqual(len(passages), 1, passages)
        p = passages[0]
        self.assertEqual(p["start"], len(UNICODE_PREFIX), p)
        self.assertEqual(page_text[p["start"]:p["end"]], S_RUSSIA)
        self.assertEqual(self.text1[p["source_start"]:p["source_end"]], S_RUSSIA)
        self.assertEqual(p["source"], "sources/seed001.txt")
        self.assertEqual(p["kind"], "verbatim")

    def test_unicode_source_offsets_are_code_points(self):
        source_text = ("\U0001F642\U0001F642 \u4E2D\u6587\u5B57\u7B26 e\u0301\u0308 \U0001D518\U0001D52B\n\n"
                       + S_MILLIONS + "\n\n\U0001F642 and some closing words about nothing.\n")
        source = write_text(self.tmp / "unicode-source.txt", source_text)
        page_text = "\U0001D518\U0001D52B\U0001D526 \u00E9\u0301 " + S_MILLIONS + " \U0001F600"
        page = write_text(self.tmp / "unicode-source-page.txt", page_text)
        passages = self.match("--source", source, page)
        self.assertEqual(len(passages), 1, passages)
        p = passages[0]
        self.assertEqual(page_text[p["start"]:p["end"]], S_MILLIONS)
        self.assertEqual(source_text[p["source_start"]:p["source_end"]], S_MILLIONS)
        self.assertEqual(p["source_start"], source_text.index(S_MILLIONS))
        self.assertEqual(p["kind"], "verbatim")

    def test_source_is_reported_as_given(self):
        page = write_text(self.tmp / "as-given.txt", "Intro words first.\n\n" + S_RUSSIA + "\n")
        for given in ("./sources//seed001.txt", "sources/../sources/seed001.txt", str(self.src1)):
            with self.subTest(source=given):
                passages = self.match("--source", given, page.name, cwd=self.tmp)
                self.assertEqual([p["source"] for p in passages], [given])

    def test_one_word_replaced_is_edited(self):
        edited = S_OBAMA.replace("Russia", "Russian Federation")
        self.assertNotEqual(edited, S_OBAMA)
        intro = "Some unrelated intro about cooking pasta with tomatoes.\n\n"
        page_text = intro + edited + "\n\nAnd then we talk about gardening in spring.\n"
        page = write_text(self.tmp / "edited.txt", page_text)
        passages = self.match("--source", self.src1, page)
        self.assertEqual(len(passages), 1, passages)
        p = passages[0]
        self.assertEqual(p["kind"], "edited", p)
        self.assertLess(p["score"], 1, p)
        self.assertEqual(page_text[p["start"]:p["end"]], edited)
        self.assertEqual(self.text1[p["source_start"]:p["source_end"]], S_OBAMA)
        # The other name is one synonym step over both its words.
        changed = [(s["op"], page_text[slice(*s["page"])], self.text1[slice(*s["source"])])
                   for s in p["alignment"] if s["op"] != "exact"]
        self.assertEqual(changed, [("synonym", "Russian Federation", "Russia")])

    def test_exact_copy_is_verbatim(self):
        page_text = "Some unrelated intro about cooking pasta with tomatoes.\n\n" + S_OBAMA + "\n\nThe end.\n"
        page = write_text(self.tmp / "verbatim.txt", page_text)
        passages = self.match("--source", self.src1, page)
        self.assertEqual(len(passages), 1, passages)
        self.assertEqual(passages[0]["kind"], "verbatim")
        self.assertEqual(page_text[passages[0]["start"]:passages[0]["end"]], S_OBAMA)

    def test_two_sources_shuffled_in_page_order(self):
        # The page takes seed 002's sentence first, then seed 001's; the sources are given
        # the other way round.
        page_text = ("Opening remarks about nothing in particular here.\n\n" + S_WASHINGTON
                     + "\n\nA bridge paragraph about weather and sports scores today.\n\n" + S_MILLIONS + "\n")
        page = write_text(self.tmp / "two-sources.txt", page_text)
        passages = self.match("--source", "sources/seed001.txt", "--source", "sources/seed002.txt", page.name,
                              cwd=self.tmp)
        self.assertEqual(len(passages), 2, passages)
        first, second = passages
        self.assertEqual(first["source"], "sources/seed002.txt")
        self.assertEqual(page_text[first["start"]:first["end"]], S_WASHINGTON)
        self.assertEqual(self.text2[first["source_start"]:first["source_end"]], S_WASHINGTON)
        self.assertEqual(second["source"], "sources/seed001.txt")
        self.assertEqual(page_text[second["start"]:second["end"]], S_MILLIONS)
        self.assertEqual(self.text1[second["source_start"]:second["source_end"]], S_MILLIONS)
        self.assertEqual([p["kind"] for p in passages], ["verbatim", "verbatim"])

    def test_unrelated_page_has_no_passages(self):
        page = write_text(self.tmp / "unrelated.txt", UNRELATED)
        res = run_cli("match", "--source", self.src1, "--source", self.src2, page)
        self.assertExit(res, 0)
        self.assertEqual(json.loads(res.out), {"passages": []})


class SeedsTest(CliTestCase):
    """The seed articles against their hand-made ground truth."""

    def truth(self, page, source, page_start):
        for t in load_truth():
            if t["page"] == page.name and t["source"] == source.name and t["page_start"] == page_start:
                return t
        self.fail(f"truth.json has no passage {page.name} <- {source.name} at {page_start}")

    def find(self, passages, source, t):
        for p in passages:
            if p["source"] == str(source) and p["start"] == t["page_start"]:
                return p
        self.fail(f"no passage at {t['page_start']}-{t['page_end']} ({t['kind']}: {t['page_quote']!r}); "
                  f"got {passages}")

    def test_seed_003_against_001(self):
        page, source = seed("003"), seed("001")
        passages = self.match("--source", source, page)
        page_text, source_text = read_text(page), read_text(source)
        for page_start in (60, 2375):
            t = self.truth(page, source, page_start)
            with self.subTest(passage=f"{t['page_start']}-{t['page_end']}"):
                p = self.find(passages, source, t)
                self.assertLessEqual(abs(p["end"] - t["page_end"]), 1, p)
                self.assertEqual(p["source_start"], t["source_start"], p)
                self.assertLessEqual(abs(p["source_end"] - t["source_end"]), 1, p)
                self.assertEqual(p["kind"], t["kind"], p)
                self.assertTrue(page_text[p["start"]:p["end"]].startswith(t["page_quote"][:-1]))
                self.assertTrue(source_text[p["source_start"]:p["source_end"]].startswith(t["source_quote"][:-1]))
        self.assertEqual((60, 293, 542, 776), tuple(self.truth(page, source, 60)[k] for k in
                                                    ("page_start", "page_end", "source_start", "source_end")))

    def test_seed_003_paraphrase_keeps_the_words_it_moved_to_the_front(self):
        # "High-level military talks with Moscow were severed by the Pentagon ..." restates
        # "the Pentagon last year cut off high-level discussions with Moscow ...": the word
        # alignment follows one order, the passage keeps the moved words too.
        page, source = seed("003"), seed("001")
        t = self.truth(page, source, 1467)
        self.assertEqual(t["kind"], "paraphrase")
        p = self.find(self.match("--source", source, page), source, t)
        self.assertLessEqual(abs(p["end"] - t["page_end"]), 1, p)
        self.assertEqual(p["kind"], "paraphrase", p)
        # ...and says which words it moved: each with its source word, same stem.
        page_text, source_text = read_text(page), read_text(source)
        moved = [(page_text[s["page"][0]:s["page"][1]], source_text[s["source"][0]:s["source"][1]])
                 for s in p["alignment"] if s["op"] == "moved"]
        # "with" moved with "Moscow": beside it in both texts.
        self.assertEqual(moved, [("High", "high"), ("level", "level"), ("with", "with"), ("Moscow", "Moscow")], p)
        # A moved source word is no longer also left out of the page.
        sources = [tuple(s["source"]) for s in p["alignment"] if "source" in s]
        self.assertEqual(len(sources), len(set(sources)), p)

    def test_seed_003_text_format_marks_the_moved_words(self):
        res = run_cli("match", "--format", "text", "--source", str(seed("001")), str(seed("003")))
        self.assertExit(res, 0)
        lines = res.out.splitlines()
        at = next(i for i, line in enumerate(lines) if line.startswith("    diff ") and "Pentagon" in line)
        self.assertIn("{~High-level~} {+military talks+} {~with Moscow~} {+were severed by+} the Pentagon",
                      lines[at])
        self.assertTrue(lines[at - 1].endswith(", 4 moved"), lines[at - 1])

    def test_seed_000_spun_copy_is_found_whole_but_not_its_source_link(self):
        page, source = seed("000"), seed("001")
        passages = self.match("--source", source, page)
        covered = set()
        for p in passages:
            covered.update(range(p["start"], p["end"]))
        for t in load_truth():
            if t["page"] == page.name and t["source"] == source.name and t["kind"] == "spun":
                with self.subTest(passage=f"{t['page_start']}-{t['page_end']}"):
                    missed = set(range(t["page_start"], t["page_end"])) - covered
                    self.assertFalse(missed, read_text(page)[min(missed, default=0):max(missed, default=0) + 1])
        link = read_text(page).index("http://www.themoscowtimes")
        self.assertTrue(all(p["end"] <= link for p in passages), passages)

    def test_seed_000_is_spun_word_for_word(self):
        page, source = seed("000"), seed("001")
        passages = self.match("--source", source, page)
        page_text, source_text = read_text(page), read_text(source)
        t = self.truth(page, source, 166)
        p = next(p for p in passages if p["start"] <= t["page_start"] < p["end"])
        self.assertEqual(p["kind"], "spun", p)
        swaps = {(page_text[s["page"][0]:s["page"][1]], source_text[s["source"][0]:s["source"][1]]): s["op"]
                 for s in p["alignment"] if s["op"] not in ("exact", "inserted", "deleted")}
        self.assertEqual(swaps.get(("infantry", "military")), "substituted")
        self.assertEqual(swaps.get(("pronounced", "said")), "substituted")
        self.assertEqual(swaps.get(("critical", "important")), "substituted")
        self.assertEqual(swaps.get(("stairs", "steps")), "synonym")
        self.assertEqual(swaps.get(("4", "four")), "synonym")  # the numeral is WordNet's
        self.assertEqual(swaps.get(("a", "the")), "function")
        self.assertEqual(swaps.get(("a", "its")), "function")  # "after its annexation", "after a cast"
        self.assertEqual(swaps.get(("can't", "cannot")), "function")

    def test_quoted_passage_is_flagged(self):
        page, source = seed("002"), seed("001")
        passages = self.match("--source", source, page)
        self.assertEqual([p["quoted"] for p in passages], [True], passages)
        page3 = self.match("--source", source, seed("003"))
        self.assertFalse(next(p for p in page3 if p["start"] == 60)["quoted"])  # quotes only part of it

    def test_text_format_says_which_passages_are_quoted(self):
        res = run_cli("match", "--format", "text", "--source", str(seed("001")), str(seed("002")))
        self.assertExit(res, 0)
        self.assertIn("\n[1] verbatim, quoted, score 1\n", res.out)
        # 003 quotes one of its three passages: the headers say so where JSON does.
        passages = self.match("--source", seed("001"), seed("003"))
        res = run_cli("match", "--format", "text", "--source", str(seed("001")), str(seed("003")))
        self.assertExit(res, 0)
        headers = [line for line in res.out.splitlines() if re.match(r"\[\d+\] ", line)]
        self.assertEqual([", quoted," in line for line in headers], [p["quoted"] for p in passages], headers)
        self.assertEqual(sum(p["quoted"] for p in passages), 1, passages)

    def test_seed_004_against_001(self):
        page, source = seed("004"), seed("001")
        passages = self.match("--source", source, page)
        t = self.truth(page, source, 832)
        self.assertEqual(t["page_end"], 945)
        p = self.find(passages, source, t)
        self.assertLessEqual(abs(p["end"] - t["page_end"]), 1, p)
        self.assertEqual(p["kind"], "verbatim", p)
        # truth.json's source range (1255-1497) runs on into the next sentence, which the
        # page does not copy; the copied sentence is as long in the source as in the page.
        self.assertEqual(p["source_start"], t["source_start"], p)
        expected_source_end = t["source_start"] + len(t["page_quote"])
        self.assertLessEqual(abs(p["source_end"] - expected_source_end), 1, p)
        self.assertEqual(read_text(source)[t["source_start"]:expected_source_end],
                         t["page_quote"].replace("\u2019", "'"))

    def test_seed_004_paraphrase_leaves_out_the_clause_the_source_lacks(self):
        # "The last time a United States defence chief spoke with Shoigu was in August
        # 2014, the Pentagon said, adding high-level communications were halted ...":
        # only the last clause restates 001, which shares "The United States" and "the
        # Pentagon" with the opening of its sentence.
        page, source = seed("004"), seed("001")
        t = self.truth(page, source, 2244)
        found = [p for p in self.match("--source", source, page)
                 if p["source"] == str(source) and p["start"] < t["page_end"] and t["page_start"] < p["end"]]
        self.assertEqual(len(found), 1, found)
        p = found[0]
        self.assertEqual(p["kind"], "paraphrase", p)
        self.assertGreater(p["start"], read_text(page).index("the Pentagon said, adding") - 1, p)
        self.assertLessEqual(p["start"], t["page_start"], p)
        self.assertLessEqual(abs(p["end"] - t["page_end"]), 1, p)


class TextFormatTest(CliTestCase):
    """`match --format text`."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.src1 = shutil.copy(seed("001"), cls.tmp / "seed001.txt")
        cls.src2 = shutil.copy(seed("002"), cls.tmp / "seed002.txt")
        cls.intro = "Opening remarks about nothing in particular here.\n\n"
        cls.bridge = "\n\nA bridge paragraph about weather and sports scores today.\n\n"
        cls.page_text = UNICODE_PREFIX + cls.intro + S_WASHINGTON + cls.bridge + S_MILLIONS + UNICODE_SUFFIX
        write_text(cls.tmp / "page.txt", cls.page_text)
        cls.args = ("match", "--format", "text", "--source", "seed001.txt", "--source", "seed002.txt", "page.txt")

    def check_text_output(self, out):
        # The page text around the passages, unchanged.
        for chunk in (UNICODE_PREFIX + self.intro, self.bridge, UNICODE_SUFFIX.rstrip("\n")):
            self.assertIn(chunk, out)
        # Each passage marked in the page, numbered in page order.
        for number, sentence in ((1, S_WASHINGTON), (2, S_MILLIONS)):
            self.assertRegex(out, r"\[\[?" + str(number) + r"\]?[:\s]*" + re.escape(sentence))
        # Each source passage, beside the id of its source.
        lines = out.splitlines()
        for source, sentence in (("seed002.txt", S_WASHINGTON), ("seed001.txt", S_MILLIONS)):
            self.assertTrue(any(source in line and sentence in line for line in lines),
                            f"no line shows {source}'s passage {sentence!r}:\n{out}")

    def test_text_format_piped(self):
        res = run_cli(*self.args, cwd=self.tmp)
        self.assertExit(res, 0)
        self.assertNotIn("\x1b", res.out, "ANSI escape codes written to a pipe")
        self.check_text_output(res.out)

    def test_text_format_edited_shows_both_versions(self):
        edited = S_OBAMA.replace("Russia", "Russian Federation")
        write_text(self.tmp / "edited.txt", "Intro line.\n\n" + edited + "\n")
        res = run_cli("match", "--format", "text", "--source", "seed001.txt", "edited.txt", cwd=self.tmp)
        self.assertExit(res, 0)
        self.assertNotIn("\x1b", res.out)
        self.assertIn("edited", res.out)
        self.assertIn(edited, res.out)
        self.assertTrue(any("seed001.txt" in line and S_OBAMA in line for line in res.out.splitlines()), res.out)
        # The other name is one change, shown whole.
        words, diff, out = self.diff_lines(edited, "edited-diff.txt")
        self.assertEqual(words, ["1 synonym"], out)
        self.assertIn("[-Russia-]{+Russian Federation+}", diff[0], out)

    def diff_lines(self, page_text, name):
        """The `words` and `diff` lines printed for a page of one passage against seed 001."""
        write_text(self.tmp / name, "Intro line.\n\n" + page_text + "\n")
        res = run_cli("match", "--format", "text", "--source", "seed001.txt", name, cwd=self.tmp)
        self.assertExit(res, 0)
        lines = res.out.splitlines()
        words = [line.split(None, 1)[1] for line in lines if line.startswith("    words ")]
        diff = [line.split(None, 1)[1] for line in lines if line.startswith("    diff ")]
        return words, diff, res.out

    def test_text_format_shows_a_spinners_swaps_word_by_word(self):
        # The next sentence anchors the end of the spun one.
        spun = (S_OBAMA.replace("military", "infantry").replace("said", "pronounced")
                .replace("next", "subsequent").replace("will take", "would take")) + " " + S_RUSSIA
        words, diff, out = self.diff_lines(spun, "spun.txt")
        self.assertEqual(len(diff), 1, out)
        for swap in ("[-military-]{+infantry+}", "[-said-]{+pronounced+}", "[-next-]{+subsequent+}",
                     "[-will-]{+would+}"):
            self.assertIn(swap, diff[0])
        # The words around the swaps are the page's, unmarked, punctuation kept.
        self.assertIn("Barack Obama believes that holding [-military-]", diff[0])
        self.assertIn("[-said-]{+pronounced+} on Friday. Russia, which", diff[0])
        # Four swaps, counted by kind: nothing added or left out.
        self.assertNotIn("added", words[0])
        self.assertNotIn("left out", words[0])
        self.assertEqual(sum(int(n) for n in re.findall(r"(\d+) ", words[0])), 4, words[0])

    def test_text_format_shows_added_and_dropped_words_as_one_stretch(self):
        edited = S_OBAMA.replace("is an important next step", "is an important and urgent next step") \
                        .replace("Secretary of State John Kerry", "Kerry")
        words, diff, out = self.diff_lines(edited, "added.txt")
        self.assertEqual(len(diff), 1, out)
        self.assertIn("important {+and urgent+} next step", diff[0])
        self.assertIn("shortly, [-Secretary of State John-] Kerry said", diff[0])
        self.assertEqual(words[0], "2 added, 4 left out")

    def test_text_format_marks_words_left_out_of_chinese_without_spaces(self):
        # Chinese writes no spaces between words: the mark must not add any.
        source = ("北京市政府二十一日宣布，从下个月起全市所有公立学校的课程将改为线上教学。"
                  "市长在记者会上表示，孩子们的安全是最重要的考虑。"
                  "涉及的学校包括小学、初中和高中，共约两千所，时间至少两周。")
        page = source.replace("在记者会上", "在会上")
        write_text(self.tmp / "zh_source.txt", source + "\n")
        write_text(self.tmp / "zh_page.txt", "快讯。" + page + "\n")
        res = run_cli("match", "--format", "text", "--source", "zh_source.txt", "zh_page.txt", cwd=self.tmp)
        self.assertExit(res, 0)
        diff = [line.split(None, 1)[1] for line in res.out.splitlines() if line.startswith("    diff ")]
        self.assertEqual(len(diff), 1, res.out)
        self.assertIn("市长在[-记者-]会上表示", diff[0])
        self.assertNotIn(" ", diff[0])

    def test_text_format_prints_no_diff_for_a_verbatim_copy(self):
        words, diff, out = self.diff_lines(S_OBAMA, "copy.txt")
        self.assertIn("verbatim", out)
        self.assertEqual((words, diff), ([], []), out)

    def test_text_format_no_passages(self):
        write_text(self.tmp / "unrelated.txt", UNRELATED)
        res = run_cli("match", "--format", "text", "--source", "seed001.txt", "unrelated.txt", cwd=self.tmp)
        self.assertExit(res, 0)
        self.assertIn(UNRELATED.strip(), res.out)
        self.assertNotIn("\x1b", res.out)

    @unittest.skipUnless(sys.platform.startswith("linux") or sys.platform == "darwin", "needs a pty")
    def test_text_format_on_a_terminal_is_coloured(self):
        import pty
        master, slave = pty.openpty()
        try:
            proc = subprocess.Popen([str(CLI), *self.args], cwd=self.tmp, stdout=slave, stderr=subprocess.PIPE,
                                    stdin=subprocess.DEVNULL)
            os.close(slave)
            slave = None
            chunks = []
            while True:
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO once the child has closed the terminal
                    break
                if not chunk:
                    break
                chunks.append(chunk)
            proc.wait(timeout=30)
            proc.stderr.close()
        finally:
            if slave is not None:
                os.close(slave)
            os.close(master)
        self.assertEqual(proc.returncode, 0)
        out = b"".join(chunks).decode("utf-8", "replace")
        self.assertIn("\x1b[", out)
        self.assertIn(S_MILLIONS, out)


class LibraryMatchTest(CliTestCase):
    """`match --library LIB` gives what the same files given with --source give."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        shutil.copy(seed("001"), cls.tmp / "seed001.txt")
        shutil.copy(seed("002"), cls.tmp / "seed002.txt")
        for n in ("003", "004"):
            shutil.copy(seed(n), cls.tmp / f"seed{n}.txt")
        write_text(cls.tmp / "two.txt", "Intro.\n\n" + S_WASHINGTON + "\n\nBridge text here.\n\n" + S_MILLIONS + "\n")
        write_text(cls.tmp / "unicode.txt", UNICODE_PREFIX + S_RUSSIA + UNICODE_SUFFIX)
        res = run_cli("library", "build", "lib.rl", "seed001.txt", "seed002.txt", cwd=cls.tmp)
        assert res.rc == 0, repr(res)

    def test_library_equals_sources(self):
        for page in ("two.txt", "unicode.txt", "seed003.txt", "seed004.txt"):
            with self.subTest(page=page):
                with_sources = self.match("--source", "seed001.txt", "--source", "seed002.txt", page, cwd=self.tmp)
                with_library = self.match("--library", "lib.rl", page, cwd=self.tmp)
                self.assertTrue(with_sources, "expected passages")
                self.assertEqual(with_library, with_sources)

    def test_library_reports_source_ids(self):
        lib = self.tmp / "ids.rl"
        self.assertExit(run_cli("library", "build", lib, self.tmp / "seed001.txt"), 0)
        self.assertExit(run_cli("library", "add", lib, self.tmp / "seed002.txt", "--id", "reuters-2015"), 0)
        passages = self.match("--library", lib, self.tmp / "two.txt")
        self.assertEqual([p["source"] for p in passages], ["reuters-2015", str(self.tmp / "seed001.txt")])


class LibraryCommandTest(CliTestCase):
    """`library build|add|list|remove`, and damaged library files."""

    TITLE_001 = "U.S. Sees Military Talks With Russia on Syria as Important Next Step - Kerry"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        shutil.copy(seed("001"), cls.tmp / "seed001.txt")
        shutil.copy(seed("002"), cls.tmp / "seed002.txt")
        write_text(cls.tmp / "extra.txt", "# Extra article\n\n" + UNRELATED)

    def setUp(self):
        # Each test gets its own library, built from seeds 001 and 002.
        self.lib = self.tmp / f"{self._testMethodName}.rl"
        if self.lib.exists():
            self.lib.unlink()
        self.assertExit(run_cli("library", "build", self.lib.name, "seed001.txt", "seed002.txt", cwd=self.tmp), 0)

    def lib_cli(self, *args):
        return run_cli("library", *args, cwd=self.tmp)

    def list_json(self):
        res = self.lib_cli("list", self.lib.name, "--format", "json")
        self.assertExit(res, 0)
        doc = json.loads(res.out, object_pairs_hook=_no_duplicate_keys)
        self.assertEqual(set(doc), {"sources"})
        return doc["sources"]

    def assertNoTempFiles(self):
        leftovers = [p.name for p in self.tmp.iterdir() if ".tmp" in p.name]
        self.assertEqual(leftovers, [], "temporary files left behind")

    def test_list_text(self):
        res = self.lib_cli("list", self.lib.name)
        self.assertExit(res, 0)
        lines = res.out.splitlines()
        self.assertEqual(len(lines), 2, res.out)
        self.assertTrue(lines[0].startswith("seed001.txt"), lines)
        self.assertIn(self.TITLE_001, lines[0])
        self.assertTrue(lines[1].startswith("seed002.txt"), lines)
        self.assertIn("Share", lines[1])

    def test_list_json(self):
        sources = self.list_json()
        self.assertEqual([s["id"] for s in sources], ["seed001.txt", "seed002.txt"])
        self.assertEqual(sources[0]["title"], self.TITLE_001)
        self.assertEqual(sources[1]["title"], "Share")
        for s in sources:
            self.assertEqual(s["url"], "")
            self.assertEqual(s["characters"], len(read_text(self.tmp / s["id"])))

    def test_add_with_id_title_url_then_remove(self):
        before = self.lib.read_bytes()
        title, url = "T\u00EFtle \u2713 \"quoted\"", "https://example.org/a?b=1&c=2"
        res = self.lib_cli("add", self.lib.name, "extra.txt", "--id", "extra-id", "--title", title, "--url", url)
        self.assertExit(res, 0)
        self.assertNotEqual(self.lib.read_bytes(), before)
        sources = self.list_json()
        self.assertEqual([s["id"] for s in sources], ["seed001.txt", "seed002.txt", "extra-id"])
        self.assertEqual((sources[2]["title"], sources[2]["url"]), (title, url))
        text = self.lib_cli("list", self.lib.name)
        self.assertTrue(any(line.startswith("extra-id") and title in line and url in line
                            for line in text.out.splitlines()), text.out)

        self.assertExit(self.lib_cli("remove", self.lib.name, "extra-id"), 0)
        self.assertEqual([s["id"] for s in self.list_json()], ["seed001.txt", "seed002.txt"])
        self.assertExit(self.lib_cli("remove", self.lib.name, "seed001.txt"), 0)
        self.assertEqual([s["id"] for s in self.list_json()], ["seed002.txt"])
        self.assertNoTempFiles()

    def test_add_title_from_first_line(self):
        self.assertExit(self.lib_cli("add", self.lib.name, "extra.txt"), 0)
        self.assertEqual(self.list_json()[2], {"id": "extra.txt", "title": "Extra article", "url": "",
                                               "characters": len(read_text(self.tmp / "extra.txt"))})

    def test_remove_unknown_id_fails_and_keeps_file(self):
        before = self.lib.read_bytes()
        res = self.lib_cli("remove", self.lib.name, "no-such-id")
        self.assertExit(res, 1, "no-such-id")
        self.assertEqual(self.lib.read_bytes(), before)
        # One unknown id among known ones: nothing is removed.
        res = self.lib_cli("remove", self.lib.name, "seed001.txt", "no-such-id")
        self.assertExit(res, 1, "no-such-id")
        self.assertEqual(self.lib.read_bytes(), before)
        self.assertNoTempFiles()

    def test_add_duplicate_id_fails_and_keeps_file(self):
        before = self.lib.read_bytes()
        self.assertExit(self.lib_cli("add", self.lib.name, "seed001.txt"), 1, "seed001.txt")
        self.assertEqual(self.lib.read_bytes(), before)
        self.assertExit(self.lib_cli("add", self.lib.name, "extra.txt", "--id", "seed002.txt"), 1, "seed002.txt")
        self.assertEqual(self.lib.read_bytes(), before)
        # A good file followed by a duplicate: nothing is added.
        self.assertExit(self.lib_cli("add", self.lib.name, "extra.txt", "seed002.txt"), 1, "seed002.txt")
        self.assertEqual(self.lib.read_bytes(), before)
        self.assertNoTempFiles()

    def test_build_with_duplicate_file_fails_without_writing(self):
        res = self.lib_cli("build", "dup.rl", "seed001.txt", "seed001.txt")
        self.assertExit(res, 1, "seed001.txt")
        self.assertFalse((self.tmp / "dup.rl").exists())
        self.assertNoTempFiles()

    def test_corrupt_library(self):
        good = self.lib.read_bytes()
        # 8: the version field, 28: the payload length: damage there is damage too.
        for offset in (8, 28, len(good) // 2, len(good) - 1, 100):
            with self.subTest(offset=offset):
                data = bytearray(good)
                data[offset] ^= 0x20
                self.lib.write_bytes(bytes(data))
                for args in (("library", "list", self.lib.name),
                             ("library", "list", self.lib.name, "--format", "json"),
                             ("match", "--library", self.lib.name, "seed002.txt"),
                             ("library", "add", self.lib.name, "extra.txt"),
                             ("library", "remove", self.lib.name, "seed001.txt")):
                    res = run_cli(*args, cwd=self.tmp)
                    self.assertExit(res, 1, self.lib.name)
                    self.assertTrue("checksum" in res.err or "corrupt" in res.err, f"{args}: {res!r}")
                    self.assertEqual(res.out, "", f"{args}: nothing on stdout for a corrupt library")
                    self.assertEqual(self.lib.read_bytes(), bytes(data), f"{args} rewrote a corrupt library")
        self.assertNoTempFiles()

    def test_truncated_library(self):
        good = self.lib.read_bytes()
        for size in (len(good) - 1, len(good) // 2, 20, 0):
            with self.subTest(size=size):
                self.lib.write_bytes(good[:size])
                for args in (("library", "list", self.lib.name), ("match", "--library", self.lib.name, "seed002.txt")):
                    res = run_cli(*args, cwd=self.tmp)
                    self.assertExit(res, 1, self.lib.name)
                    self.assertRegex(res.err, r"truncated|not a ReuseLens library", f"{args}: {res!r}")

    def test_any_damaged_byte_is_rejected_cleanly(self):
        good = self.lib.read_bytes()
        offsets = sorted(set(range(64)) | set(range(64, len(good), 97)))
        messages = ("checksum", "corrupt", "truncated", "not a ReuseLens library", "version")
        for offset in offsets:
            data = bytearray(good)
            data[offset] ^= 0xFF
            self.lib.write_bytes(bytes(data))
            res = self.lib_cli("list", self.lib.name)
            with self.subTest(offset=offset):
                self.assertExit(res, 1, self.lib.name)
                self.assertTrue(any(m in res.err for m in messages), repr(res))

    def test_missing_library(self):
        self.assertExit(self.lib_cli("list", "missing.rl"), 1, "missing.rl")
        self.assertExit(self.lib_cli("add", "missing.rl", "extra.txt"), 1, "missing.rl")
        self.assertFalse((self.tmp / "missing.rl").exists())
        self.assertExit(run_cli("match", "--library", "missing.rl", "extra.txt", cwd=self.tmp), 1, "missing.rl")

    def test_library_usage_errors(self):
        for args in (("library",), ("library", "frobnicate", self.lib.name), ("library", "list"),
                     ("library", "build", "new.rl"), ("library", "remove", self.lib.name),
                     ("library", "list", self.lib.name, "--format", "xml"),
                     ("library", "add", self.lib.name, "seed001.txt", "seed002.txt", "--id", "x"),
                     ("library", "list", self.lib.name, "--bogus")):
            with self.subTest(args=args):
                self.assertUsageError(run_cli(*args, cwd=self.tmp))
        self.assertFalse((self.tmp / "new.rl").exists())


class AlignTest(CliTestCase):
    """`align` on a mini PAN corpus of three pairs."""

    PAIRS = (
        ("02-no-obfuscation", "suspicious-document00503.txt", "source-document00388.txt"),
        ("02-no-obfuscation", "suspicious-document01724.txt", "source-document01099.txt"),
        ("01-no-plagiarism", "suspicious-document00017.txt", "source-document00135.txt"),
    )

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.corpus = cls.tmp / "corpus"
        (cls.corpus / "src").mkdir(parents=True)
        (cls.corpus / "susp").mkdir()
        lines = []
        for _, susp, src in cls.PAIRS:
            shutil.copy(PAN / "susp" / susp, cls.corpus / "susp" / susp)
            shutil.copy(PAN / "src" / src, cls.corpus / "src" / src)
            lines.append(f"{susp} {src}\n")
        (cls.corpus / "pairs").write_text("".join(lines))
        cls.out = cls.tmp / "out"  # created by align
        cls.result = run_cli("align", "--pairs", cls.corpus / "pairs", "--src", cls.corpus / "src",
                             "--susp", cls.corpus / "susp", "--out", cls.out, "--threads", "2")

    @staticmethod
    def xml_name(susp, src):
        return f"{susp[:-4]}-{src[:-4]}.xml"

    def detections(self, susp, src):
        root = ET.parse(self.out / self.xml_name(susp, src)).getroot()
        self.assertEqual(root.tag, "document")
        self.assertEqual(root.get("reference"), susp)
        found = []
        for feature in root:
            self.assertEqual(feature.tag, "feature")
            self.assertEqual(feature.get("name"), "detected-plagiarism")
            self.assertEqual(feature.get("source_reference"), src)
            values = {}
            for key in ("this_offset", "this_length", "source_offset", "source_length"):
                self.assertRegex(feature.get(key) or "", r"^\d+$", f"{key} must be a non-negative integer")
                values[key] = int(feature.get(key))
            found.append(values)
        return found

    def truth_cases(self, folder, susp, src):
        root = ET.parse(PAN / folder / self.xml_name(susp, src)).getroot()
        return [{k: int(f.get(k)) for k in ("this_offset", "this_length", "source_offset", "source_length")}
                for f in root if f.get("name") == "plagiarism"]

    def test_one_xml_per_pair(self):
        self.assertExit(self.result, 0)
        self.assertEqual(sorted(p.name for p in self.out.iterdir()),
                         sorted(self.xml_name(susp, src) for _, susp, src in self.PAIRS))

    def test_no_obfuscation_pairs_are_detected(self):
        self.assertExit(self.result, 0)
        for folder, susp, src in self.PAIRS[:2]:
            with self.subTest(pair=f"{susp} {src}"):
                detections = self.detections(susp, src)
                cases = self.truth_cases(folder, susp, src)
                self.assertTrue(cases)
                susp_text, src_text = read_text(PAN / "susp" / susp), read_text(PAN / "src" / src)
                for case in cases:
                    overlapping = [d for d in detections
                                   if d["this_offset"] < case["this_offset"] + case["this_length"]
                                   and case["this_offset"] < d["this_offset"] + d["this_length"]
                                   and d["source_offset"] < case["source_offset"] + case["source_length"]
                                   and case["source_offset"] < d["source_offset"] + d["source_length"]]
                    self.assertTrue(overlapping, f"truth case {case} not detected; detections {detections}")
                for d in detections:
                    # Offsets are code points: the two spans hold the same words.
                    this = susp_text[d["this_offset"]:d["this_offset"] + d["this_length"]]
                    that = src_text[d["source_offset"]:d["source_offset"] + d["source_length"]]
                    self.assertEqual(this.split(), that.split(), d)
                    self.assertLessEqual(d["this_offset"] + d["this_length"], len(susp_text))
                    self.assertLessEqual(d["source_offset"] + d["source_length"], len(src_text))

    def test_no_plagiarism_pair_has_no_feature(self):
        self.assertExit(self.result, 0)
        _, susp, src = self.PAIRS[2]
        self.assertEqual(self.detections(susp, src), [])

    def align(self, pairs_text, name):
        pairs = write_text(self.tmp / f"{name}.pairs", pairs_text)
        return run_cli("align", "--pairs", pairs, "--src", self.corpus / "src", "--susp", self.corpus / "susp",
                       "--out", self.tmp / f"{name}-out")

    def test_pairs_line_with_one_field(self):
        _, susp, src = self.PAIRS[0]
        res = self.align(f"{susp} {src}\n\n{susp}\n", "one-field")
        self.assertExit(res, 1, "one-field.pairs")
        self.assertRegex(res.err, r"\b3\b", "the message must give the line number (3)")

    def test_pairs_line_with_three_fields(self):
        _, susp, src = self.PAIRS[0]
        res = self.align(f"{susp} {src} extra\n", "three-fields")
        self.assertExit(res, 1, "three-fields.pairs")
        self.assertRegex(res.err, r"\b1\b")

    def test_missing_source_file(self):
        _, susp, _ = self.PAIRS[0]
        res = self.align(f"{susp} source-document99999.txt\n", "missing-source")
        self.assertExit(res, 1, "source-document99999.txt")

    def test_missing_suspicious_file(self):
        _, _, src = self.PAIRS[0]
        res = self.align(f"suspicious-document99999.txt {src}\n", "missing-susp")
        self.assertExit(res, 1, "suspicious-document99999.txt")

    def test_align_usage_errors(self):
        self.assertUsageError(run_cli("align"))
        self.assertUsageError(run_cli("align", "--pairs", self.corpus / "pairs"))
        self.assertUsageError(run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.corpus / "src",
                                      "--susp", self.corpus / "susp", "--out", self.tmp / "x", "--threads", "many"))
        self.assertExit(run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.tmp / "nowhere",
                                "--susp", self.corpus / "susp", "--out", self.tmp / "y"), 1, "nowhere")

    def test_out_directory_is_made_with_its_parents(self):
        # A run's output often goes to a fresh nested folder (runs/2026-11-22/xml).
        out = self.tmp / "runs" / "today" / "xml"
        res = run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.corpus / "src",
                      "--susp", self.corpus / "susp", "--out", out)
        self.assertExit(res, 0)
        self.assertEqual(sorted(p.name for p in out.iterdir()), sorted(p.name for p in self.out.iterdir()))

    def test_out_path_that_is_a_file_is_refused_with_the_reason(self):
        blocker = write_text(self.tmp / "a-file", "")
        res = run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.corpus / "src",
                      "--susp", self.corpus / "susp", "--out", blocker / "xml")
        self.assertExit(res, 1, "a-file")
        self.assertRegex(res.err, r"cannot create directory: .*[Nn]ot a directory")

    def test_thread_count_is_checked(self):
        for bad in ("100000", "0", "-1", "3x", ""):
            res = run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.corpus / "src",
                          "--susp", self.corpus / "susp", "--out", self.tmp / "threads-out", "--threads", bad)
            self.assertExit(res, 2, "--threads")
        self.assertFalse((self.tmp / "threads-out").exists())

    @unittest.skipIf(os.environ.get("REUSELENS_SANITIZED"),
                     "AddressSanitizer reserves terabytes of address space: no room under RLIMIT_AS")
    def test_fewer_threads_than_asked_still_completes(self):
        import resource

        def limit_memory():  # thread stacks no longer fit: creating threads fails
            resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))

        out = self.tmp / "limited-out"
        res = run_cli("align", "--pairs", self.corpus / "pairs", "--src", self.corpus / "src",
                      "--susp", self.corpus / "susp", "--out", out, "--threads", "256",
                      preexec_fn=limit_memory)
        self.assertExit(res, 0)
        self.assertEqual(len(list(out.glob("*.xml"))), len(self.PAIRS))

    @unittest.skipIf(os.environ.get("REUSELENS_SANITIZED"),
                     "AddressSanitizer reserves terabytes of address space: no room under RLIMIT_AS")
    def test_out_of_memory_in_a_worker_fails_the_run_cleanly(self):
        import resource

        def limit_memory():
            resource.setrlimit(resource.RLIMIT_AS, (400 << 20, 400 << 20))

        corpus = self.tmp / "oom-corpus"
        shutil.copytree(self.corpus, corpus)
        with open(corpus / "susp" / "big.txt", "wb") as f:  # sparse: 3 GiB that take no disk
            f.truncate(3 << 30)
        _, susp, src = self.PAIRS[0]
        (corpus / "pairs").write_text(f"{susp} {src}\nbig.txt {src}\n")
        out = self.tmp / "oom-out"
        res = run_cli("align", "--pairs", corpus / "pairs", "--src", corpus / "src", "--susp", corpus / "susp",
                      "--out", out, preexec_fn=limit_memory)
        self.assertExit(res, 1, "out of memory")
        self.assertEqual(list(out.glob("*.xml")), [])  # no partial output

    def bad_corpus(self, name, pairs, files):
        """A copy of the mini corpus with `files` ({"src/x.txt": bytes}) added or replaced."""
        corpus = self.tmp / name
        shutil.copytree(self.corpus, corpus)
        for rel, data in files.items():
            (corpus / rel).write_bytes(data)
        (corpus / "pairs").write_text("".join(f"{susp} {src}\n" for susp, src in pairs))
        return corpus

    def align_corpus(self, corpus, out_name, threads="2"):
        return run_cli("align", "--pairs", corpus / "pairs", "--src", corpus / "src", "--susp", corpus / "susp",
                       "--out", self.tmp / out_name, "--threads", threads)

    def test_undecodable_bytes_are_read_as_python_reads_them(self):
        # A Latin-1 byte, a surrogate and a cut-off sequence in both texts of a
        # pair, before the page side of its case and after the source side;
        # the source is shared by a second pair.
        _, susp, src = self.PAIRS[0]
        _, other_susp, _ = self.PAIRS[1]
        junk = b" caf\xe9 \xed\xa0\x80 \xe2\x82 "
        susp_bytes, src_bytes = (PAN / "susp" / susp).read_bytes(), (PAN / "src" / src).read_bytes()
        corpus = self.bad_corpus("undecodable-corpus", [(susp, src), (other_susp, src)], {
            f"susp/{susp}": susp_bytes[:40] + junk + susp_bytes[40:],
            f"src/{src}": src_bytes[:-30] + junk + src_bytes[-30:],
        })
        res = self.align_corpus(corpus, "undecodable-out")
        self.assertExit(res, 0, "warning", susp, "invalid UTF-8 at byte 44", "5 ill-formed sequences read as U+FFFD",
                        src, f"invalid UTF-8 at byte {len(src_bytes) - 30 + 4}")
        self.assertEqual(res.err.count(src), 1, f"one warning for a source that two pairs share: {res!r}")
        self.assertEqual(len(res.err.strip().splitlines()), 2, res)

        clean = self.detections(susp, src)
        self.assertTrue(clean)
        self.assertTrue(all(d["this_offset"] > 40 and d["source_offset"] + d["source_length"] < len(src_bytes) - 30
                            for d in clean), clean)
        shift = len(junk.decode("utf-8", "replace"))  # 5 U+FFFD and the text between them
        expected = [dict(d, this_offset=d["this_offset"] + shift) for d in clean]
        found = [{k: int(f.get(k)) for k in expected[0]}
                 for f in ET.parse(self.tmp / "undecodable-out" / self.xml_name(susp, src)).getroot()]
        self.assertEqual(found, expected, "offsets count each U+FFFD as one character")
        susp_text = (corpus / "susp" / susp).read_bytes().decode("utf-8", "replace")
        src_text = (corpus / "src" / src).read_bytes().decode("utf-8", "replace")
        for d in found:
            this = susp_text[d["this_offset"]:d["this_offset"] + d["this_length"]]
            that = src_text[d["source_offset"]:d["source_offset"] + d["source_length"]]
            self.assertEqual(this.split(), that.split())
        self.assertTrue((self.tmp / "undecodable-out" / self.xml_name(other_susp, src)).is_file())

    def test_empty_or_wordless_files_get_no_detections(self):
        _, susp, src = self.PAIRS[0]
        corpus = self.bad_corpus("empty-corpus", [(susp, "empty.txt"), (susp, "dashes.txt"), ("blank.txt", src),
                                                  (susp, src)],
                                 {"src/empty.txt": b"", "src/dashes.txt": b"-- ... --\n", "susp/blank.txt": b"\n\n"})
        res = self.align_corpus(corpus, "empty-out", threads="1")
        self.assertExit(res, 0, "empty.txt: the file is empty", "dashes.txt: the text has no words",
                        "blank.txt: the text has no words")
        out = self.tmp / "empty-out"
        for pair in [(susp, "empty.txt"), (susp, "dashes.txt"), ("blank.txt", src)]:
            root = ET.parse(out / self.xml_name(*pair)).getroot()
            self.assertEqual((root.tag, root.get("reference"), len(root)), ("document", pair[0], 0), pair)
        self.assertTrue(ET.parse(out / self.xml_name(susp, src)).getroot().findall("feature"))

    def test_failed_run_leaves_no_partial_output(self):
        # The second pair's XML cannot be written (a directory has its name):
        # found only while running, after the first pair's XML was written.
        _, susp, src = self.PAIRS[0]
        _, other_susp, other_src = self.PAIRS[1]
        out = self.tmp / "unwritable-out"
        (out / self.xml_name(other_susp, other_src)).mkdir(parents=True)
        pairs = write_text(self.tmp / "unwritable.pairs", f"{susp} {src}\n{other_susp} {other_src}\n")
        res = run_cli("align", "--pairs", pairs, "--src", self.corpus / "src", "--susp", self.corpus / "susp",
                      "--out", out, "--threads", "1")
        self.assertExit(res, 1, self.xml_name(other_susp, other_src))
        self.assertEqual([p.name for p in out.iterdir()], [self.xml_name(other_susp, other_src)],
                         "no XML of a failed run may stay behind")


class BadInputTest(CliTestCase):
    """Bad input fails with exit 1 (or 2 for usage) and a message, never a crash."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.src = shutil.copy(seed("001"), cls.tmp / "seed001.txt")

    def match_page(self, name, data):
        page = self.tmp / name
        page.write_bytes(data)
        return run_cli("match", "--source", self.src, page)

    def test_missing_page(self):
        self.assertExit(run_cli("match", "--source", self.src, self.tmp / "no-such-page.txt"), 1, "no-such-page.txt")

    def test_directory_as_page(self):
        (self.tmp / "a-directory").mkdir()
        self.assertExit(run_cli("match", "--source", self.src, self.tmp / "a-directory"), 1, "a-directory")

    def test_missing_or_bad_source(self):
        page = write_text(self.tmp / "page.txt", S_RUSSIA)
        self.assertExit(run_cli("match", "--source", self.tmp / "no-such-source.txt", page), 1, "no-such-source.txt")
        self.assertExit(run_cli("match", "--source", self.tmp, page), 1, "directory")
        (self.tmp / "bad-source.txt").write_bytes(b"Russia, which is \xff building up")
        self.assertExit(run_cli("match", "--source", self.tmp / "bad-source.txt", page), 1, "invalid UTF-8",
                        "bad-source.txt")

    def test_invalid_utf8(self):
        res = self.match_page("invalid.txt", b"abc \xff def")
        self.assertExit(res, 1, "invalid UTF-8", "byte 4", "invalid.txt")

    def test_invalid_utf8_in_a_sources_first_line_is_placed_in_the_file(self):
        # The first line also becomes the source's title: the position is the file's.
        page = write_text(self.tmp / "title-page.txt", S_RUSSIA)
        (self.tmp / "title-source.txt").write_bytes(b"# \xff title line\n" + ("Intro. " + S_RUSSIA).encode())
        for command in (("match", "--source", self.tmp / "title-source.txt", page),
                        ("library", "build", self.tmp / "title.rl", self.tmp / "title-source.txt")):
            with self.subTest(command=command[0]):
                res = run_cli(*command)
                self.assertExit(res, 1, "title-source.txt", "invalid UTF-8 at byte 2 (line 1, column 3)")
                self.assertNotIn("its title", res.err)

    def test_invalid_utf8_variants(self):
        cases = {
            "lone-surrogate": b"abc \xed\xa0\x80 def",
            "overlong": b"abc \xc0\xaf def",
            "above-max": b"abc \xf4\x90\x80\x80 def",
            "truncated-sequence": b"abc def \xe2\x82",
            "continuation-only": b"abc \x80 def",
        }
        for name, data in cases.items():
            with self.subTest(case=name):
                self.assertExit(self.match_page(name + ".txt", data), 1, "invalid UTF-8")

    def test_source_id_clash_with_library_is_an_error(self):
        page = write_text(self.tmp / "clash-page.txt", S_RUSSIA)
        src = write_text(self.tmp / "clash-src.txt", "Intro. " + S_RUSSIA)
        lib = self.tmp / "clash.rl"
        self.assertExit(run_cli("library", "build", lib, src), 0)
        # The same path as --source again: its text may have changed, so it must not be skipped silently.
        self.assertExit(run_cli("match", "--library", lib, "--source", src, page), 1, "already")

    def test_file_name_that_is_not_utf8(self):
        name = os.fsencode(str(self.tmp)) + b"/s\xff.txt"
        with open(name, "wb") as f:
            f.write(("Intro. " + S_RUSSIA).encode())
        page = write_text(self.tmp / "fname-page.txt", S_RUSSIA)
        res = run_cli("match", "--source", os.fsdecode(name), page)
        self.assertExit(res, 1, "file name is not valid UTF-8")

    def test_source_without_words(self):
        page = write_text(self.tmp / "wordless-page.txt", S_RUSSIA)
        src = write_text(self.tmp / "wordless-src.txt", "... !!! \U0001F600")
        self.assertExit(run_cli("match", "--source", src, page), 1, "no words")
        self.assertExit(run_cli("library", "build", self.tmp / "wordless.rl", src), 1, "no words")
        self.assertFalse((self.tmp / "wordless.rl").exists())

    def test_control_characters_do_not_reach_the_terminal(self):
        src = write_text(self.tmp / "esc-src.txt", S_RUSSIA)
        page = write_text(self.tmp / "esc-page.txt", "Intro \x1b[2J\x1b]0;title\x07 line. " + S_RUSSIA + " \u009b31m")
        res = run_cli("match", "--format", "text", "--source", src, page)
        self.assertExit(res, 0)
        self.assertNotIn("\x1b", res.out)
        self.assertNotIn("\x07", res.out)
        self.assertNotIn("\u009b", res.out)
        self.assertIn("^[[2J", res.out)  # shown, not obeyed

    def test_empty_page(self):
        self.assertExit(self.match_page("empty.txt", b""), 1, "empty.txt")

    def test_page_without_words(self):
        for name, text in (("punctuation.txt", "!!! ... ??? \u2014 \u201C\u201D ;;; --\n"),
                           ("emoji.txt", "\U0001F600 \U0001F389\U0001F389 \U0001F469\u200D\U0001F469\u200D\U0001F467 \u2764\uFE0F\n"),
                           ("whitespace.txt", "  \n\t\n  \n")):
            with self.subTest(page=name):
                self.assertExit(self.match_page(name, text.encode("utf-8")), 1, "no words", name)

    def test_usage_errors(self):
        page = write_text(self.tmp / "usage-page.txt", S_RUSSIA)
        for args in ((), ("frobnicate",), ("match",), ("match", page), ("match", "--bogus", "--source", self.src, page),
                     ("match", "--source"), ("match", "--format", "xml", "--source", self.src, page),
                     ("match", "--source", self.src, page, page)):
            with self.subTest(args=args):
                self.assertUsageError(run_cli(*args))

    def test_help(self):
        for args in (("--help",), ("match", "--help"), ("library", "--help"), ("align", "--help")):
            with self.subTest(args=args):
                res = run_cli(*args)
                self.assertExit(res, 0)
                self.assertIn("usage", res.out.lower())


class LargePageTest(CliTestCase):
    def test_50_mb_page(self):
        paragraph = ("The quick brown fox jumps over the lazy dog while the baker kneads bread dough in the early "
                     "morning light near the river. Gardeners plant tulips and daffodils in autumn so that "
                     "colourful flowers bloom in spring \u2014 caf\u00E9 cre\u0300me, \u6771\u4EAC \U0001F338.\n\n")
        repeats = 50_000_000 // len(paragraph.encode("utf-8"))
        page_text = paragraph * repeats + S_MILLIONS + "\n"
        page = write_text(self.tmp / "big.txt", page_text)
        self.assertGreaterEqual(page.stat().st_size, 49_000_000)
        source = shutil.copy(seed("001"), self.tmp / "seed001.txt")
        passages = self.match("--source", source, page)
        self.assertEqual(len(passages), 1, passages)
        p = passages[0]
        self.assertEqual(p["start"], len(paragraph) * repeats)
        self.assertEqual(page_text[p["start"]:p["end"]], S_MILLIONS)
        self.assertEqual(read_text(source)[p["source_start"]:p["source_end"]], S_MILLIONS)
        self.assertEqual(p["kind"], "verbatim")

    def test_text_over_the_limit_is_refused_before_it_is_read(self):
        # A sparse file: 4 GiB of nothing on disk; refused by its size, not read.
        big = self.tmp / "over-limit.txt"
        with open(big, "wb") as f:
            f.truncate(4 << 30)
        page = write_text(self.tmp / "limit-page.txt", S_RUSSIA)
        for args in (("match", "--source", big, page), ("match", "--source", seed("001"), big),
                     ("library", "build", self.tmp / "over.rl", big)):
            with self.subTest(command=args[0], file=args[-1]):
                self.assertExit(run_cli(*args, timeout=30), 1, "over-limit.txt", "the limit is 4 GiB")
        self.assertFalse((self.tmp / "over.rl").exists())

    @unittest.skipIf(os.environ.get("REUSELENS_SANITIZED"),
                     "AddressSanitizer reserves terabytes of address space: no room under RLIMIT_AS")
    def test_out_of_memory_is_an_error_not_a_crash(self):
        import resource

        def limit_memory():
            resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20))

        page = write_text(self.tmp / "oom-page.txt", S_RUSSIA)
        # /dev/zero never ends: the text outgrows the memory the process may have.
        res = run_cli("match", "--source", "/dev/zero", page, preexec_fn=limit_memory)
        self.assertExit(res, 1, "out of memory")


if __name__ == "__main__":
    unittest.main()

#!/usr/bin/env python3
"""Random-mutation campaigns against the native CLI and the WASM package.

Builds pages from the seed articles and PAN texts by deleting, repeating,
shuffling and swapping words, pasting in awkward Unicode (joiners, combining
marks, bidi controls, emoji, CJK, NUL) and repeating whole stretches, then
runs `reuselens match` or `reuselens align` on them and checks what must hold
of any output:

  match: exit 0 (or the clear error for a page without words), passages sorted
         and apart on the page, every range inside its text, score in [0, 1],
         a known kind, and alignment steps inside their passage and in order;
  align: exit 0, every feature's ranges inside their texts, and the page-side
         detections of a pair apart;
  wasm:  what holds of match, in UTF-16 offsets, of the JS API in dist/reuselens
         (scripts/fuzz_wasm.mjs; the texts also get lone surrogates), no binding
         handle left alive, and the same passages as the native CLI.

Each failing input is kept in its own directory under --keep with the
assertion that failed; --seed and --runs repeat a campaign exactly. `make
test` runs a short campaign of each mode (tests/eval/test_fuzz.py), but the
cases worth finding are rare (the two kinds of overlapping passages that
align_test.cpp's PanProfilePassagesDoNotOverlapOnThePage keeps fixed came up
three times in some 75,000 pairs), so run it for minutes or hours: `make fuzz`
(FUZZ_SECONDS per mode, sanitized build), or e.g.

  python3 scripts/fuzz.py align --cli build/sanitized/reuselens --seconds 3600
"""
import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

JUNK = ["\u200b", "\u200d", "\u0301", "\u202e", "\ufeff", "😀", "👩‍👩‍👧", "“", "”", "«", "»", "„", '"', "'",
        "(", ")", "[", "]", "—", "–", "-", ".", ". ", "\n", "\n\n", "\t", "  ", "中文字", "的", "。", "สวัสดี",
        "עברית", "русский", "Größe", "İ", "ß", "\u00a0", "\u3000", "0", "1,000", "4th", "can't", "U.S.",
        "http://x.com/a-b", "...", "?!", "\r\n", "\x0b", "\x0c", "\u2028", "\ufffd", "\U0001F1FA\U0001F1F8",
        "ﬁ", "Ǆ", "ΐ", "\u0000"]
# Strings JavaScript can hold and UTF-8 cannot (the wasm campaign's own junk).
LONE_SURROGATES = ["\ud800", "\udfff", "\udbffA", "\udc00\ud800"]
# Words the seeds' spinner and editors swap in.
SPUN = ["the", "a", "infantry", "pronounced", "Russia", "Russian Federation", "USA", "four", "4"]
KINDS = ("verbatim", "edited", "spun", "paraphrase", "summary")
OPS = ("exact", "stem", "synonym", "function", "substituted", "inserted", "deleted", "moved")
# Clear errors for pages that hold nothing to match.
GRACEFUL = ("no words to match", "file is empty")


class Texts:
    def __init__(self, rng, seeds_dir, pan_dir, junk=JUNK):
        self.rng, self.junk = rng, junk
        self.seeds = [read(f) for f in sorted(glob.glob(os.path.join(seeds_dir, "*.txt")))]
        pan = sorted(glob.glob(os.path.join(pan_dir, "src", "*.txt")))[:400]
        self.pan = pan + sorted(glob.glob(os.path.join(pan_dir, "susp", "*.txt")))[:400]
        if not self.seeds and not self.pan:
            sys.exit(f"fuzz: no texts in {seeds_dir} or {pan_dir}")

    def pick(self):
        if not self.pan or (self.seeds and self.rng.random() < 0.5):
            return self.rng.choice(self.seeds)
        t = read(self.rng.choice(self.pan))
        if len(t) > 60000:
            start = self.rng.randrange(len(t) - 60000)
            t = t[start:start + 60000]
        return t

    def piece(self, t):
        if not t:
            return t
        a = self.rng.randrange(len(t))
        return t[a:min(len(t), a + self.rng.randrange(1, 3000))]

    def mutate(self, t, edits):
        rng, w = self.rng, t.split(" ")
        for _ in range(edits):
            if not w:
                w = ["x"]
            op, i = rng.randrange(8), rng.randrange(len(w))
            if op == 0:
                del w[i]
            elif op == 1:
                w.insert(i, rng.choice(self.junk))
            elif op == 2:
                w[i] += rng.choice(self.junk)
            elif op == 3:
                j = rng.randrange(len(w))
                w[i], w[j] = w[j], w[i]
            elif op == 4:
                w[i] = w[i].upper()
            elif op == 5:  # repeat a stretch
                j = min(len(w), i + rng.randrange(1, 40))
                w[i:i] = w[i:j] * rng.randrange(1, 4)
            elif op == 6:
                w[i] = rng.choice(SPUN)
            else:  # shuffle a stretch
                j = min(len(w), i + rng.randrange(1, 60))
                seg = w[i:j]
                rng.shuffle(seg)
                w[i:j] = seg
        return " ".join(w)

    def pair(self):
        """A (page, source) pair of one of six shapes."""
        rng, src = self.rng, self.pick()
        shape = rng.randrange(6)
        if shape == 0:  # the whole source, edited
            page = self.mutate(src, rng.randrange(0, 50))
        elif shape == 1:  # a piece inside other text
            page = self.pick()[:2000] + self.mutate(self.piece(src), rng.randrange(0, 30)) + self.pick()[:2000]
        elif shape == 2:  # pieces stitched together
            page = "".join(self.mutate(self.piece(src), 5) + rng.choice(["\n", " ", ". "])
                           for _ in range(rng.randrange(1, 8)))
        elif shape == 3:  # one piece repeated
            page = self.mutate(self.piece(src), 10) * rng.randrange(1, 30)
        elif shape == 4:  # junk and source words
            words = src.split(" ")
            page = "".join(rng.choice(self.junk) + rng.choice(words) for _ in range(rng.randrange(0, 500)))
        else:
            page = rng.choice(["", " ", "\n", ".", "a", "“", src[:1]])
        if rng.random() < 0.2:
            src = self.mutate(src, rng.randrange(0, 100))
        return page, src


# Texts keep their line ends (CR LF is a case to test); pages are written with
# their lone surrogates, for the WASM campaign's record.
def read(path):
    with open(path, encoding="utf-8", errors="replace", newline="") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogatepass", newline="") as f:
        f.write(text)


def check_match(page_length, source_lengths, passages):
    """Asserts what holds of any passages in the CLI's JSON shape; lengths in
    the offsets' units."""
    prev_end = 0
    for p in passages:
        assert 0 <= p["start"] < p["end"] <= page_length, ("page range", p)
        assert p["start"] >= prev_end, ("overlap", p)
        prev_end = p["end"]
        assert 0 <= p["source_start"] < p["source_end"] <= source_lengths[p["source"]], ("source range", p)
        assert 0 <= p["score"] <= 1, ("score", p)
        assert p["kind"] in KINDS, ("kind", p)
        assert isinstance(p["quoted"], bool), ("quoted", p)
        last_page = last_source = -1
        seen_page, seen_source = set(), set()
        for step in p["alignment"]:
            assert step["op"] in OPS, ("op", step)
            if "page" in step:
                s, e = step["page"]
                assert p["start"] <= s < e <= p["end"], ("step outside passage", step, p["start"], p["end"])
                assert (s, e) not in seen_page, ("page word twice", step)
                assert s >= last_page, ("page order", step)
                seen_page.add((s, e))
                last_page = s
            else:
                assert step["op"] == "deleted", ("step without page word", step)
            if "source" in step:
                s, e = step["source"]
                assert p["source_start"] <= s < e <= p["source_end"], ("step outside source", step)
                # a source word may stand for several page synonyms (one class)
                assert (s, e) not in seen_source or step["op"] == "synonym", ("source word twice", step)
                seen_source.add((s, e))
                if step["op"] != "moved":
                    assert s >= last_source, ("source order", step)
                    last_source = s
            else:
                assert step["op"] == "inserted", ("step without source word", step)


def run_match(cli, texts, work):
    page, src = texts.pair()
    write(os.path.join(work, "page.txt"), page)
    sources, args = {}, [cli, "match"]
    for k in range(texts.rng.randrange(1, 4)):
        s = src if k == 0 else texts.pick()
        path = os.path.join(work, f"s{k}.txt")
        write(path, s)
        sources[path] = s
        args += ["--source", path]
    r = subprocess.run(args + [os.path.join(work, "page.txt")], capture_output=True, text=True, timeout=600)
    if r.returncode != 0 and any(m in r.stderr for m in GRACEFUL):
        return
    assert r.returncode == 0, ("exit", r.returncode, r.stderr[-2000:])
    check_match(len(page), {path: len(s) for path, s in sources.items()}, json.loads(r.stdout)["passages"])


def utf16(text):
    return text.encode("utf-16-le", "surrogatepass")


def without_lone_surrogates(text):
    """What the JS API hands the core: U+FFFD for each lone surrogate, every
    UTF-16 offset in place."""
    return utf16(text).decode("utf-16-le", "replace")


class WasmMatcher:
    """One node process running scripts/fuzz_wasm.mjs for the campaign."""

    def __init__(self):
        self.node = subprocess.Popen(["node", os.path.join(ROOT, "scripts", "fuzz_wasm.mjs")], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, encoding="utf-8", errors="surrogatepass")

    def __call__(self, page, sources):
        # ensure_ascii: lone surrogates travel as \ud800 escapes
        self.node.stdin.write(json.dumps({"page": page, "sources": sources}) + "\n")
        self.node.stdin.flush()
        line = self.node.stdout.readline()
        assert line, ("node exited", self.node.poll())
        return json.loads(line)


def as_cli_passages(passages):
    """JS API passages in the CLI's JSON shape (absent ranges for null ones)."""
    return [{"start": p["start"], "end": p["end"], "source": int(p["sourceId"]), "source_start": p["sourceStart"],
             "source_end": p["sourceEnd"], "score": p["score"], "kind": p["kind"], "quoted": p["quoted"],
             "alignment": [{k: v for k, v in step.items() if v is not None} for step in p["alignment"]]}
            for p in passages]


def run_wasm(cli, texts, work, wasm):
    page, src = texts.pair()
    sources = [src] + [texts.pick() for _ in range(texts.rng.randrange(0, 3))]
    write(os.path.join(work, "page.txt"), page)  # kept with a failure, as the sources are
    for k, s in enumerate(sources):
        write(os.path.join(work, f"s{k}.txt"), s)
    reply = wasm(page, sources)
    assert "error" not in reply, ("JS API error", reply.get("error"))
    assert reply["memory"]["liveHandles"] == 0, ("binding handles left alive", reply["memory"])
    passages = as_cli_passages(reply["passages"])
    check_match(len(utf16(page)) // 2, [len(utf16(s)) // 2 for s in sources], passages)
    # The native CLI on the texts the core saw: the same passages.
    page, sources = without_lone_surrogates(page), [without_lone_surrogates(s) for s in sources]
    paths = [os.path.join(work, f"core-s{k}.txt") for k in range(len(sources))]
    for path, s in zip(paths, sources):
        write(path, s)
    write(os.path.join(work, "core-page.txt"), page)
    r = subprocess.run([cli, "match"] + [a for path in paths for a in ("--source", path)] +
                       [os.path.join(work, "core-page.txt")], capture_output=True, text=True, timeout=600)
    if r.returncode != 0 and any(m in r.stderr for m in GRACEFUL):
        assert not passages, ("passages where the CLI found no words", passages)
        return
    assert r.returncode == 0, ("exit", r.returncode, r.stderr[-2000:])

    def u16(text, start, end):
        return utf16(text)[2 * start:2 * end].decode("utf-16-le")

    native = [(page[p["start"]:p["end"]], paths.index(p["source"]), sources[paths.index(p["source"])]
               [p["source_start"]:p["source_end"]], p["kind"], p["quoted"], len(p["alignment"]))
              for p in json.loads(r.stdout)["passages"]]
    ours = [(u16(page, p["start"], p["end"]), p["source"], u16(sources[p["source"]], p["source_start"], p["source_end"]),
             p["kind"], p["quoted"], len(p["alignment"])) for p in passages]
    if ours != native:
        i = next((i for i, (a, b) in enumerate(zip(ours, native)) if a != b), min(len(ours), len(native)))
        raise AssertionError("differs from the native CLI", f"passage {i} of {len(ours)} / {len(native)}",
                             ours[i] if i < len(ours) else None, native[i] if i < len(native) else None)


FEATURE = re.compile(r'this_offset="(\d+)" this_length="(\d+)" source_reference="[^"]*" '
                     r'source_offset="(\d+)" source_length="(\d+)"')


def run_align(cli, texts, work, pairs=8):
    for sub in ("src", "susp"):
        os.makedirs(os.path.join(work, sub))
    made = []
    for k in range(pairs):
        page, src = texts.pair()
        write(os.path.join(work, "susp", f"p{k}.txt"), page)
        write(os.path.join(work, "src", f"s{k}.txt"), src)
        made.append((page, src))
    write(os.path.join(work, "pairs"), "".join(f"p{k}.txt s{k}.txt\n" for k in range(pairs)))
    r = subprocess.run([cli, "align", "--pairs", os.path.join(work, "pairs"), "--src", os.path.join(work, "src"),
                        "--susp", os.path.join(work, "susp"), "--out", os.path.join(work, "out"), "--threads", "1"],
                       capture_output=True, text=True, timeout=900)
    assert r.returncode == 0, ("exit", r.returncode, r.stderr[-2000:])
    for k, (page, src) in enumerate(made):
        spans = []
        for m in FEATURE.finditer(read(os.path.join(work, "out", f"p{k}-s{k}.xml"))):
            start, length, source_start, source_length = map(int, m.groups())
            assert length > 0 and start + length <= len(page), ("page range", k, start, length, len(page))
            assert source_length > 0 and source_start + source_length <= len(src), ("source range", k)
            spans.append((start, start + length))
        spans.sort()
        for (_, end), (start, _) in zip(spans, spans[1:]):
            assert end <= start, ("overlap", k, spans)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=("match", "align", "wasm"))
    ap.add_argument("--cli", default=os.path.join(ROOT, "build", "native", "reuselens"))
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--runs", type=int, default=0, help="stop after this many runs instead (a repeatable campaign)")
    ap.add_argument("--seed", type=int, default=1, help="random seed: a campaign is repeatable")
    ap.add_argument("--keep", default="/tmp/reuselens-fuzz", help="directory for failing inputs")
    ap.add_argument("--seeds", default=os.path.join(SHARED, "seeds"))
    ap.add_argument("--pan", default=os.path.join(SHARED, "pan13-train"))
    args = ap.parse_args()
    if not os.access(args.cli, os.X_OK):
        sys.exit(f"fuzz: {args.cli} is not built (make native, or make sanitized)")
    wasm = None
    if args.mode == "wasm":
        if not os.path.exists(os.path.join(ROOT, "dist", "reuselens", "index.js")):
            sys.exit("fuzz: dist/reuselens is not built (make wasm)")
        wasm = WasmMatcher()
    junk = JUNK + LONE_SURROGATES if wasm else JUNK
    texts = Texts(random.Random(args.seed), args.seeds, args.pan, junk)
    run = {"match": run_match, "align": run_align, "wasm": lambda *a: run_wasm(*a, wasm)}[args.mode]
    work = os.path.join(args.keep, f"work-{args.mode}-{args.seed}")
    runs = failures = 0
    t0 = time.time()
    while runs < args.runs if args.runs else time.time() - t0 < args.seconds:
        runs += 1
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        try:
            run(args.cli, texts, work)
        except (AssertionError, subprocess.TimeoutExpired) as e:
            failures += 1
            kept = os.path.join(args.keep, f"fail-{args.mode}-{args.seed}-{runs}")
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(work, kept)
            write(os.path.join(kept, "error"), repr(e)[:5000] + "\n")
            print(f"FAIL {kept}: {repr(e)[:300]}", flush=True)
    shutil.rmtree(work, ignore_errors=True)
    print(f"fuzz {args.mode}: {runs} runs in {time.time() - t0:.0f} s, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Hostile pages: `reuselens match` of degenerate texts against sources like them.

Text that repeats itself on both sides makes every part of the page resemble
every part of the source; a matcher that pairs them all needs time and memory
that grow with the product of the two lengths. A page that repeats a real
article thousands of times has as many passages, and any step that compares
every passage with every other grows with their square. Each case prints its median
wall time, its peak memory (the child's maximum resident set) and how many
passages were found, as a markdown section for bench/results.md.

usage: hostile_pages.py CLI WORKDIR ARTICLE [RUNS]
  ARTICLE  a real article (the seed 001) for the cases that hide a copy of it
           among repeated boilerplate and that repeat it
"""

import os
import random
import statistics
import subprocess
import sys
import time


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def word_salad(words, count, rng):
    return " ".join(rng.choice(words) for _ in range(count))


def make_cases(work, article_path, write_files):
    """(name, page file, source file, what it is), writing the files if asked."""
    rng = random.Random(20261122)
    sentence = "The military said on Friday that the talks would take place very shortly. "
    article = open(article_path, encoding="utf-8").read()
    boilerplate = "Subscribe to our newsletter for the latest news from the region. "
    specs = [
        ("one sentence repeated", lambda: sentence * 20000, lambda: sentence * 5000,
         "the page repeats one sentence 20,000 times, the source 5,000 times"),
        ("one sentence repeated, both sides doubled", lambda: sentence * 40000, lambda: sentence * 10000,
         "40,000 and 10,000 times: work that grows linearly takes twice the time of the case above, "
         "work that grows with the product of the sides four times"),
        ("word salad", lambda: word_salad(sentence.split(), 200000, rng),
         lambda: word_salad(sentence.split(), 50000, rng),
         "200,000 and 50,000 words drawn at random from that sentence's 13"),
        ("a copy among boilerplate", lambda: boilerplate * 3000 + article + boilerplate * 3000,
         lambda: article + boilerplate * 2000,
         "the article between 3,000 newsletter lines on each side; the source is the article and 2,000 of them"),
        ("an article repeated", lambda: article * 20000, lambda: article,
         "a spam page repeats the article 20,000 times; the source is the article once, so every copy is a "
         "passage"),
    ]
    cases = []
    for i, (name, page, source, what) in enumerate(specs):
        page_path = os.path.join(work, f"page{i}.txt")
        source_path = os.path.join(work, f"source{i}.txt")
        if write_files:
            write(page_path, page())
            write(source_path, source())
        cases.append((name, page_path, source_path, what))
    return cases


def megabytes(path):
    return os.path.getsize(path) / 1e6


def run_once(cli, page, source):
    """Wall seconds, peak resident KB of the child, passages found."""
    start = time.perf_counter()
    child = subprocess.Popen([cli, "match", "--source", source, page], stdout=subprocess.PIPE)
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"hostile_pages: {cli} match failed on {page} (exit {child.returncode})")
    return seconds, usage.ru_maxrss, out.count(b'"start":')


def main():
    cli, work, article = sys.argv[1:4]
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    os.makedirs(work, exist_ok=True)
    # The texts are made in a process of their own: a child's peak memory
    # counts what it shares with this process when forked, and the 48 MB page
    # made here would add to every case measured.
    subprocess.run([sys.executable, os.path.abspath(__file__), "--write-cases", work, article], check=True)
    print("\n## match of hostile pages\n")
    print(f"`reuselens match --source SOURCE PAGE`, {runs} runs each (bench/hostile_pages.py).\n")
    print("| case | page (MB) | source (MB) | median (s) | peak memory (MB) | passages |")
    print("|---|---:|---:|---:|---:|---:|")
    notes = []
    for name, page, source, what in make_cases(work, article, write_files=False):
        results = [run_once(cli, page, source) for _ in range(runs)]
        seconds = statistics.median(r[0] for r in results)
        peak_mb = max(r[1] for r in results) / 1024
        print(f"| {name} | {megabytes(page):.3g} | {megabytes(source):.3g} | {seconds:.2f} | {peak_mb:.0f} | {results[0][2]} |")
        notes.append(f"- {name}: {what}.")
    print()
    print("\n".join(notes))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--write-cases"]:
        make_cases(sys.argv[2], sys.argv[3], write_files=True)
    else:
        main()

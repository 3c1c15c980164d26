#!/usr/bin/env python3
"""Builds ReuseLens's synonym table from WordNet (Debian's wordnet-base).

Run at build time by core/CMakeLists.txt; writes a C++ source holding the table
as one byte array, compiled into reuselens_core (see core/src/synonyms.cpp).

Classes are WordNet synsets. Spinners swap words for synonyms, and rare senses
mostly add false matches, so a word only joins the synsets of its first
DEFAULT_SENSES senses per part of speech (index.* lists senses by frequency),
where it is written in lower case. Phrases ("talk_about", "armed_forces")
are kept as their words joined by a space, as the tokenizer splits them, and
only when SemCor attests them: WordNet's many rare compounds would double the
table. Names (synsets whose members are all capitalized) are kept with all
their senses, lower-cased: "Russia" and "Russian Federation", "USA" and
"United States" stand for each other wherever they occur. Numerals join
their words ("4" and "four", "4th" and "fourth"): spinners write one for the
other. A synset is kept as a class when it joins two words, one of them
attested in SemCor (a tagged sense in that part of speech): that halves the
table, and classes of rare words only ("agonistic", "combative") matter little
to spinners, which swap common words. Irregular forms from the *.exc files
("said" -> "say") get their base's classes because the Snowball stemmer does
not map them.

Choices measured on the seed spinner pair (article 000 spun from 001): more
senses find a few more swaps but flag many more unrelated pairs; adjective
similar-to links (satellites joining their head's class) found 2 more swaps
of 69 and doubled the unrelated pairs flagged, so they are not used.

Blob format: one record per lemma, lemmas sorted bytewise:
  shared prefix length with the previous lemma (1 byte), the rest of the
  lemma, a NUL, the number of classes (1 byte), then the class ids in
  increasing order as LEB128 varints: the first one absolute, the others as
  differences from the previous one.

Stdlib only: it runs on the build host, also for the Emscripten build.
"""

import argparse
import gzip
import os
import re
import sys

POS_FILES = (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r"))

# Defaults, tuned on the seed spinner pair (see the docstring).
DEFAULT_SENSES = 3
DEFAULT_ATTESTED = "lemma"

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")

# Longest phrase kept, in words ("united states of america").
MAX_PHRASE_WORDS = 4


def is_table_word(word):
    """A single lower-case word or numeral the tokenizer keeps whole."""
    return _WORD.fullmatch(word) is not None


def table_key(lemma):
    """The key of an index lemma: the word itself, or the words of a phrase
    ("talk_about", "long-term") as the tokenizer splits them, joined by a
    space; None for what the tokenizer would not give ("U.S.", "A-one")."""
    words = re.split(r"[_-]", lemma)
    if len(words) > MAX_PHRASE_WORDS or not all(is_table_word(w) for w in words):
        return None
    return " ".join(words)


def is_name_synset(words):
    """Every member has a capital: a proper noun ("Russia", "the_States")."""
    return all(any(c.isupper() for c in w) for w in words)


def read_data(wordnet_dir, name):
    """Synsets of data.<name>: offset -> the words as written ("Russia", "big")."""
    synsets = {}
    with open(os.path.join(wordnet_dir, "data." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # license header
                continue
            fields = line.split(" ", 4 + 2 * 255)
            w_cnt = int(fields[3], 16)
            # Adjective position markers: "big(a)", "galore(ip)".
            synsets[int(fields[0])] = [re.sub(r"\((a|p|ip)\)$", "", fields[4 + 2 * i])
                                       for i in range(w_cnt)]
    return synsets


def read_index(wordnet_dir, name):
    """Senses of index.<name>: lemma -> (synset offsets, most frequent first;
    how many of the first ones are tagged in the SemCor corpus)."""
    senses = {}
    with open(os.path.join(wordnet_dir, "index." + name), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma = fields[0]
            p_cnt = int(fields[3])
            sense_cnt = int(fields[4 + p_cnt])
            tagged = int(fields[5 + p_cnt])
            offsets = [int(x) for x in fields[6 + p_cnt: 6 + p_cnt + sense_cnt]]
            senses[lemma] = (offsets, tagged)
    return senses


def read_exceptions(wordnet_dir, name):
    """Irregular forms of <name>.exc: (inflected, base) pairs."""
    path = os.path.join(wordnet_dir, name + ".exc")
    if not os.path.exists(path):  # there is no adv.exc in some releases
        return []
    pairs = []
    with open(path, encoding="latin-1") as f:
        for line in f:
            fields = line.split()
            for base in fields[1:]:
                pairs.append((fields[0], base))
    return pairs


def build_classes(wordnet_dir, senses_per_pos=DEFAULT_SENSES, attested=DEFAULT_ATTESTED,
                  exceptions=True, phrases=True, names=True):
    """lemma -> set of classes; a class is a (pos, synset offset) pair."""
    lemma_classes = {}
    attested_classes = set()
    for name, pos in POS_FILES:
        synsets = read_data(wordnet_dir, name)
        for lemma, (offsets, tagged) in read_index(wordnet_dir, name).items():
            key = table_key(lemma)
            if key is None or (not phrases and " " in key):
                continue
            phrase = " " in key
            only_names = all(is_name_synset(synsets[offset]) for offset in offsets)
            for rank, offset in enumerate(offsets):
                if is_name_synset(synsets[offset]):
                    # Every sense of a name: the names of one place or body
                    # stand for each other ("Russia", "Russian Federation").
                    # A word that is also a common noun ("china", "bush")
                    # keeps its common senses only.
                    if not names or not (only_names or rank < senses_per_pos):
                        continue
                elif (rank >= senses_per_pos or lemma not in synsets[offset]
                      or (phrase and tagged == 0)):
                    # A word's common senses where it is written in lower
                    # case ("US", the country, is not a sense of the word
                    # "us"); a phrase only if SemCor has it ("talk about";
                    # WordNet's many rare compounds would double the table).
                    continue
                lemma_classes.setdefault(key, set()).add((pos, offset))
                # Senses are listed by frequency, so the tagged ones come first.
                if (attested == "lemma" and tagged > 0) or (attested == "synset" and rank < tagged):
                    attested_classes.add((pos, offset))
        if exceptions:
            for inflected, base in read_exceptions(wordnet_dir, name):
                base = table_key(base)
                if is_table_word(inflected) and base in lemma_classes:
                    for cls in list(lemma_classes[base]):
                        if cls[0] == pos:
                            lemma_classes.setdefault(inflected, set()).add(cls)

    # A class must join two words, else it says nothing.
    members = {}
    for lemma, classes in lemma_classes.items():
        for cls in classes:
            members[cls] = members.get(cls, 0) + 1
    kept = {}
    for lemma, classes in lemma_classes.items():
        useful = {cls for cls in classes if members[cls] >= 2
                  and (attested == "none" or cls in attested_classes)}
        if useful:
            kept[lemma] = useful
    return kept


def encode(lemma_classes):
    """The blob (see the module docstring) and its class count."""
    # Dense class ids in order of first use by the sorted lemmas: lists then
    # hold nearby ids, so the varint differences stay small.
    lemmas = sorted(lemma_classes, key=lambda s: s.encode("ascii"))
    class_id = {}
    for lemma in lemmas:
        for cls in sorted(lemma_classes[lemma]):
            class_id.setdefault(cls, len(class_id))
    out = bytearray()
    previous = b""
    for lemma in lemmas:
        word = lemma.encode("ascii")
        shared = 0
        while shared < min(len(word), len(previous), 255) and word[shared] == previous[shared]:
            shared += 1
        out.append(shared)
        out += word[shared:]
        out.append(0)
        ids = sorted({class_id[cls] for cls in lemma_classes[lemma]})
        if len(ids) > 255:
            raise ValueError("too many classes for " + lemma)
        out.append(len(ids))
        last = 0
        for i, value in enumerate(ids):
            delta = value if i == 0 else value - last
            last = value
            while True:
                byte = delta & 0x7F
                delta >>= 7
                out.append(byte | (0x80 if delta else 0))
                if not delta:
                    break
        previous = word
    return bytes(out), len(lemmas), len(class_id)


def write_cpp(path, blob, lemmas, classes):
    lines = [
        "// Generated by scripts/build_synonyms.py from WordNet; do not edit.",
        "#include <cstddef>",
        "#include <cstdint>",
        "",
        "namespace reuselens::detail {",
        "",
        "extern const std::size_t kSynonymLemmaCount = %d;" % lemmas,
        "extern const std::size_t kSynonymClassCount = %d;" % classes,
        "extern const std::size_t kSynonymBlobSize = %d;" % len(blob),
        "extern const std::uint8_t kSynonymBlob[] = {",
    ]
    for start in range(0, len(blob), 32):
        lines.append(",".join(str(b) for b in blob[start:start + 32]) + ",")
    lines += ["};", "", "}  // namespace reuselens::detail", ""]
    with open(path, "w", encoding="ascii") as f:
        f.write("\n".join(lines))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--wordnet", required=True, help="WordNet dict dir (/usr/share/wordnet)")
    parser.add_argument("--output", required=True, help="generated C++ source")
    parser.add_argument("--senses", type=int, default=DEFAULT_SENSES,
                        help="senses kept per word and part of speech (most frequent first)")
    parser.add_argument("--attested", choices=("none", "lemma", "synset"), default=DEFAULT_ATTESTED,
                        help="a class needs a member with a SemCor-tagged sense (lemma) or "
                             "a member tagged in this very synset (synset)")
    parser.add_argument("--stats", action="store_true", help="print sizes")
    args = parser.parse_args(argv)

    for name, _ in POS_FILES:
        for kind in ("data.", "index."):
            if not os.path.exists(os.path.join(args.wordnet, kind + name)):
                sys.exit("build_synonyms.py: no %s%s in %s (run `make setup`)"
                         % (kind, name, args.wordnet))
    lemma_classes = build_classes(args.wordnet, args.senses, args.attested)
    blob, lemmas, classes = encode(lemma_classes)
    write_cpp(args.output, blob, lemmas, classes)
    if args.stats:
        print("synonym table: %d lemmas, %d classes, %d bytes (%d gzipped)"
              % (lemmas, classes, len(blob), len(gzip.compress(blob, 9))))


if __name__ == "__main__":
    main(sys.argv[1:])

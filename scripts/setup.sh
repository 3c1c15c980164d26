#!/usr/bin/env bash
# Prepares a Debian 12 machine (or CI runner) for ReuseLens:
#   1. Debian packages: toolchains (native + Emscripten), libraries, test and bench tools;
#   2. the C sources the WASM build compiles with emcc (utf8proc, Snowball's libstemmer),
#      fetched as Debian source packages into third_party/ (gitignored); Snowball's
#      compiler is built natively there to generate its C stemmers; and the stop word
#      lists of Lucene's analyzers (Greek, Turkish, Arabic, Hindi...), taken from the
#      Debian package liblucene8-java into third_party/lucene-stopwords/ (no Java needed);
#   3. npm dependencies, when the repository has a package.json.
# Idempotent: when everything is in place it only checks, in well under a second.
# Runs as root, or as a user with sudo.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

PACKAGES=(
  cmake ninja-build g++ make pkg-config dpkg-dev
  libutf8proc-dev googletest libgtest-dev libstemmer-dev
  emscripten python3 wordnet-base similarity-tester hyperfine
  liblingua-stopwords-perl  # function words of German, French, Spanish... (Snowball's lists)
  chromium   # the web demo's and the extension's end-to-end tests (driven by playwright-core)
  firefox-esr  # the extension's end-to-end tests in Firefox (puppeteer-core, WebDriver BiDi)
  zip        # the extension's store packages
)
# Where the temporary deb-src entry goes (removed again before the script ends).
SRC_LIST_DIR=/etc/apt/sources.list.d
SRC_LIST_BASE=zz-reuselens-src

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

# --- privileges -------------------------------------------------------------
# Checked only when something must be installed, so a ready machine needs no root.
SUDO=()
need_root() {
  if [[ ${EUID} -eq 0 ]]; then
    SUDO=()
  elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    die "$1 needs root: run this script as root (or install sudo)"
  fi
}
as_root() { ${SUDO[@]+"${SUDO[@]}"} env DEBIAN_FRONTEND=noninteractive "$@"; }

# --- cleanup ----------------------------------------------------------------
LOG=""            # output of the current long command, shown only if it fails
SRC_LIST=""       # temporary deb-src entry, while it exists
WORK_DIR=""       # temporary download dir, while it exists
cleanup() {
  local rc=$?
  if [[ -n "$SRC_LIST" ]]; then
    as_root rm -f "$SRC_LIST" || true
    SRC_LIST=""
    say "removed the temporary deb-src entry; refreshing apt's lists"
    as_root apt-get update -qq >/dev/null 2>&1 || say "warning: apt-get update failed after removing the deb-src entry"
  fi
  if [[ -n "$WORK_DIR" ]]; then rm -rf "$WORK_DIR"; fi
  if [[ -n "$LOG" ]]; then rm -f "$LOG"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command with its output in a log, printed (or its ends) only if it fails.
quietly() {
  [[ -n "$LOG" ]] || LOG="$(mktemp "${TMPDIR:-/tmp}/reuselens-setup.XXXXXX")"
  if ! "$@" >"$LOG" 2>&1; then
    printf 'setup: command failed: %s\n' "$*" >&2
    if [[ $(wc -l <"$LOG") -le 60 ]]; then cat "$LOG" >&2
    else head -n 15 "$LOG" >&2; echo '[...]' >&2; tail -n 40 "$LOG" >&2; fi
    return 1
  fi
}

# --- 1. Debian packages -----------------------------------------------------
is_installed() {
  local status
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$1" 2>/dev/null || true)"
  [[ "$status" == ii* ]]
}

install_packages() {
  local wanted=("${PACKAGES[@]}") missing=() pkg
  # Node: any node on PATH will do (e.g. NodeSource's); otherwise Debian's.
  if ! command -v node >/dev/null 2>&1; then wanted+=(nodejs npm); fi
  for pkg in "${wanted[@]}"; do
    is_installed "$pkg" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    say "Debian packages: all ${#wanted[@]} installed"
    return
  fi
  need_root "installing ${missing[*]}"
  say "Debian packages: installing ${missing[*]} (may take a few minutes)"
  quietly as_root apt-get update
  quietly as_root apt-get install -y --no-install-recommends "${missing[@]}"
  say "Debian packages: installed"
}

# --- 2. Sources fetched from Debian: C for the WASM build, stop word lists --
# Sets SRC_ENTRIES to deb-src twins of the machine's Debian entries (same URIs, suites,
# key) and SRC_EXT to the apt file type, from the deb822 file of Debian 12 containers
# or from a classic one-line sources.list.
SRC_ENTRIES=""
SRC_EXT=""
deb_src_entries() {
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    # Paragraph mode: copy each stanza whose Types is exactly "deb" as "deb-src".
    SRC_EXT=sources
    SRC_ENTRIES="$(awk 'BEGIN { RS = ""; ORS = "\n\n" }
      /(^|\n)Types:[ \t]*deb[ \t]*(\n|$)/ {
        sub(/Types:[ \t]*deb[ \t]*(\n|$)/, "Types: deb-src\n"); print
      }' /etc/apt/sources.list.d/debian.sources)"
  elif [[ -f /etc/apt/sources.list ]]; then
    SRC_EXT=list
    SRC_ENTRIES="$(sed -nE 's/^[[:space:]]*deb([[:space:]])/deb-src\1/p' /etc/apt/sources.list)"
  fi
  [[ -n "$SRC_ENTRIES" ]] ||
    die "found no Debian 'deb' entry in /etc/apt/sources.list.d/debian.sources or /etc/apt/sources.list"
}

# fetch_source SOURCE_PACKAGE VERSION DEST CHECK_FILE
fetch_source() {
  local pkg="$1" version="$2" dest="$3" check="$4"
  if [[ -f "$dest/$check" ]]; then
    say "$pkg source: present in ${dest#"$ROOT"/}"
    return
  fi
  need_root "fetching the $pkg source package (temporary apt source entry)"

  deb_src_entries

  # Download next to the destination so the final move is an atomic rename.
  mkdir -p "$(dirname "$dest")"
  WORK_DIR="$(mktemp -d "$(dirname "$dest")/.fetch-$pkg.XXXXXX")"

  SRC_LIST="$SRC_LIST_DIR/$SRC_LIST_BASE.$SRC_EXT"
  printf '%s\n' "$SRC_ENTRIES" | as_root tee "$SRC_LIST" >/dev/null

  say "$pkg source: apt-get update with a temporary deb-src entry"
  quietly as_root apt-get update
  say "$pkg source: apt-get source $pkg=$version"
  pushd "$WORK_DIR" >/dev/null
  quietly apt-get source "$pkg=$version"
  popd >/dev/null

  # The deb-src entry is no longer needed: remove it now (the trap would too).
  as_root rm -f "$SRC_LIST"
  SRC_LIST=""
  say "$pkg source: removed the temporary deb-src entry; refreshing apt's lists"
  quietly as_root apt-get update

  local tree
  tree="$(find "$WORK_DIR" -mindepth 1 -maxdepth 1 -type d -name "$pkg-*" | head -n 1)"
  [[ -n "$tree" && -f "$tree/$check" ]] || die "apt-get source $pkg=$version gave no $check"
  rm -rf "$dest"   # a stale tree without $check
  mv "$tree" "$dest"
  rm -rf "$WORK_DIR"
  WORK_DIR=""
  say "$pkg source: $version in ${dest#"$ROOT"/}"
}

# generate_snowball DIR: builds the Snowball compiler natively in the fetched tree and
# has it generate the UTF-8 C stemmers (src_c/stem_UTF_8_*.[ch]) of every algorithm in
# libstemmer/modules.txt; wasm/snowball.cmake compiles the ones it wants with emcc,
# with its own libstemmer module table. Nothing else is built (no libstemmer.a, no
# other encodings). The stamp is written only after a successful generation, and goes
# away with the tree when fetch_source replaces it.
SNOWBALL_STAMP=.reuselens-generated
generate_snowball() {
  local dir="$1" jobs sources
  if [[ -f "$dir/$SNOWBALL_STAMP" ]]; then
    say "snowball: C stemmers generated"
    return
  fi
  if ! command -v make >/dev/null 2>&1 || ! command -v cc >/dev/null 2>&1; then
    die "generating the Snowball stemmers needs make and a C compiler (cc)"
  fi
  jobs="$(nproc 2>/dev/null || echo 2)"
  say "snowball: building the Snowball compiler and generating the C stemmers"
  # The compiler, and mkinc_utf8.mak: the list of the UTF-8 stemmer sources.
  quietly make -C "$dir" -j "$jobs" snowball libstemmer/mkinc_utf8.mak
  sources="$(sed -nE 's|^[[:space:]]*(src_c/stem_UTF_8_[[:alnum:]_]+\.c).*|\1|p' \
    "$dir/libstemmer/mkinc_utf8.mak")"
  [[ -n "$sources" ]] || die "snowball: no UTF-8 stemmer listed in $dir/libstemmer/mkinc_utf8.mak"
  # shellcheck disable=SC2086 # one word per source file
  quietly make -C "$dir" -j "$jobs" $sources
  touch "$dir/$SNOWBALL_STAMP"
  say "snowball: $(wc -w <<<"$sources") UTF-8 C stemmers generated in ${dir#"$ROOT"/}"
}

# The source package of an installed binary package, at the binary's version
# (${source:Version} drops a binNMU suffix).
source_of() {
  is_installed "$1" || die "$1 is not installed"
  dpkg-query -W -f='${source:Package} ${source:Version}' "$1"
}

fetch_sources() {
  local pkg version
  read -r pkg version <<<"$(source_of libutf8proc-dev)"
  fetch_source "$pkg" "$version" "$ROOT/third_party/utf8proc" utf8proc.c
  # Snowball's libstemmer: the compiler plus the .sbl algorithms it turns into C.
  read -r pkg version <<<"$(source_of libstemmer-dev)"
  fetch_source "$pkg" "$version" "$ROOT/third_party/snowball" libstemmer/libstemmer_c.in
  generate_snowball "$ROOT/third_party/snowball"
  fetch_lucene_stopwords "$ROOT/third_party/lucene-stopwords"
}

# fetch_lucene_stopwords DEST: the function-word lists of the languages that
# liblingua-stopwords-perl lacks (Greek, Turkish, Arabic, Hindi, Catalan...) are
# the stop word lists of Lucene's analyzers. Debian ships them inside a jar of
# liblucene8-java; the package is downloaded, not installed (it would pull in a
# Java runtime), and only the lists and Lucene's licence files are kept.
LUCENE_PACKAGE=liblucene8-java
LUCENE_VERSION=8.8.1-4
LUCENE_JAR=usr/share/java/lucene-analyzers-common-8.7.0.jar
fetch_lucene_stopwords() {
  local dest="$1" stamp="$1/.reuselens-$LUCENE_VERSION"
  if [[ -f "$stamp" ]]; then
    say "$LUCENE_PACKAGE: stop word lists present in ${dest#"$ROOT"/}"
    return
  fi
  mkdir -p "$(dirname "$dest")"
  WORK_DIR="$(mktemp -d "$(dirname "$dest")/.fetch-lucene.XXXXXX")"
  say "$LUCENE_PACKAGE: apt-get download $LUCENE_PACKAGE=$LUCENE_VERSION"
  pushd "$WORK_DIR" >/dev/null
  if ! apt-get download "$LUCENE_PACKAGE=$LUCENE_VERSION" >/dev/null 2>&1; then
    # apt's package lists may be missing (a fresh container) or stale.
    need_root "refreshing apt's package lists"
    quietly as_root apt-get update
    quietly apt-get download "$LUCENE_PACKAGE=$LUCENE_VERSION"
  fi
  quietly dpkg-deb -x "${LUCENE_PACKAGE}_"*.deb deb
  popd >/dev/null
  [[ -f "$WORK_DIR/deb/$LUCENE_JAR" ]] || die "$LUCENE_PACKAGE $LUCENE_VERSION has no $LUCENE_JAR"
  # <language>/stopwords.txt of the jar -> <language>.txt, with the licence files.
  python3 - "$WORK_DIR/deb/$LUCENE_JAR" "$WORK_DIR/lists" <<'PY'
import os, re, sys, zipfile
jar, out = sys.argv[1], sys.argv[2]
os.makedirs(out)
with zipfile.ZipFile(jar) as z:
    for name in z.namelist():
        m = re.fullmatch(r"org/apache/lucene/analysis/([a-z]+)/stopwords\.txt", name)
        if m:
            target = m.group(1) + ".txt"
        elif name in ("META-INF/LICENSE.txt", "META-INF/NOTICE.txt"):
            target = os.path.basename(name)
        else:
            continue
        with open(os.path.join(out, target), "wb") as f:
            f.write(z.read(name))
PY
  [[ -f "$WORK_DIR/lists/el.txt" ]] || die "$LUCENE_JAR holds no Greek stop word list"
  touch "$WORK_DIR/lists/.reuselens-$LUCENE_VERSION"
  rm -rf "$dest"
  mv "$WORK_DIR/lists" "$dest"
  rm -rf "$WORK_DIR"
  WORK_DIR=""
  say "$LUCENE_PACKAGE: $(find "$dest" -name '*.txt' ! -name '[A-Z]*' | wc -l) stop word lists in ${dest#"$ROOT"/}"
}

# --- 3. npm -----------------------------------------------------------------
install_npm() {
  if [[ ! -f "$ROOT/package.json" ]]; then
    say "npm: no package.json, nothing to install"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm is not on PATH (needed for package.json)"
  [[ -f "$ROOT/package-lock.json" ]] ||
    die "package.json has no package-lock.json beside it: run 'npm install' once and commit the lock file"
  # npm ci rewrites node_modules from scratch: skip it when npm's own record of the
  # last install is newer than the manifest and the lock file.
  local stamp="$ROOT/node_modules/.package-lock.json"
  if [[ -f "$stamp" && -f "$ROOT/package-lock.json" &&
        "$stamp" -nt "$ROOT/package-lock.json" && "$stamp" -nt "$ROOT/package.json" ]]; then
    say "npm: node_modules up to date"
    return
  fi
  say "npm: npm ci"
  pushd "$ROOT" >/dev/null
  quietly npm ci --no-audit --no-fund
  popd >/dev/null
  say "npm: installed"
}

install_packages
fetch_sources
install_npm
say "done"

# ReuseLens: the two commands a new user needs are `make demo` and `make test`.
# Both set the machine up first (Debian 12: packages from Debian's archive,
# C sources for the WASM build as Debian source packages, npm packages).

SHELL := /bin/bash
SHARED ?= $(abspath ../shared)
NATIVE := build/native
SANITIZED := build/sanitized
WASM := build/wasm
PACKAGE := dist/reuselens
CLI := $(NATIVE)/reuselens
JOBS ?= $(shell nproc)

.PHONY: all setup native sanitized wasm web docs extension test test-native test-sanitized test-wasm test-web test-extension test-tools fuzz eval eval-match demo demo-cli bench bench-wasm bench-extension bench-editor clean help

all: native

help:
	@echo "make demo    set up, build, and serve the web demo on the built-in demo library (the seed articles)"
	@echo "make demo-cli  the same demo in the terminal, with the native CLI"
	@echo "make test    set up, build, and run every test (native and sanitized, CLI, evaluation sample, WASM, web, extension)"
	@echo "make setup   install what the project needs (idempotent)"
	@echo "make native  build the core library, the CLI ($(CLI)) and the unit tests"
	@echo "make sanitized  the same with AddressSanitizer and UBSan, into $(SANITIZED)/"
	@echo "make wasm    build the WebAssembly module and its JS package into $(PACKAGE)/"
	@echo "make web     build the static web demo and the editor examples into dist/web/ (after make wasm)"
	@echo "make docs    the Embedding guide and the API reference into dist/web/docs/ (after make wasm)"
	@echo "make extension  build the browser extension into dist/extension/ and its store zips"
	@echo "make fuzz    random-mutation campaigns: match and align (sanitized build), WASM against native; FUZZ_SECONDS each"
	@echo "make eval    score the PAN13 training corpus and the seeds; updates eval/results.md"
	@echo "make eval-match  the PAN13 pairs through match one by one, with the product's defaults"
	@echo "make bench   run the benchmarks in bench/ (align over PAN13)"
	@echo "make bench-wasm  the library benchmark: WASM in Node and Chromium against native"
	@echo "make bench-extension  the extension benchmark: page load to highlights at 1,000 and 10,000 sources, memory"
	@echo "make bench-editor  the editor benchmark: re-check after a one-word edit, keystroke latency with and without"

setup:
	bash scripts/setup.sh

native:
	cmake -S . -B $(NATIVE) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(NATIVE) -j $(JOBS)

# The core, the CLI and the unit tests with AddressSanitizer and UBSan: a memory
# error, a leak or undefined behaviour stops the program with a report.
sanitized:
	cmake -S . -B $(SANITIZED) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_FLAGS='-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer' \
	  -DCMAKE_EXE_LINKER_FLAGS='-fsanitize=address,undefined'
	cmake --build $(SANITIZED) -j $(JOBS)

wasm:
	NODE_PATH=/usr/share/nodejs emcmake cmake -S . -B $(WASM) -G Ninja -DCMAKE_BUILD_TYPE=Release
	cmake --build $(WASM) -j $(JOBS)
	rm -rf $(PACKAGE) && mkdir -p $(PACKAGE)
	cp $(WASM)/reuselens_core.mjs $(WASM)/reuselens_core.wasm $(PACKAGE)/
	cp wasm/index.js wasm/index.d.ts wasm/client.js wasm/client.d.ts wasm/worker.js wasm/package.json $(PACKAGE)/
	node scripts/build_embed.mjs

web: wasm
	node scripts/build_web.mjs
	node scripts/build_examples.mjs
	$(MAKE) --no-print-directory docs

# The Embedding guide (docs/embedding.md) and the API reference generated from the
# package's type declarations (TypeDoc), into dist/web/docs/.
docs:
	npx --no-install typedoc --options docs/typedoc.json

extension: wasm
	node scripts/build_extension.mjs

test: setup native web extension
	$(MAKE) --no-print-directory test-native test-sanitized test-tools test-wasm test-web test-extension

test-native:
	ctest --test-dir $(NATIVE) --output-on-failure -j $(JOBS)

# The unit tests and the CLI end to end again, on the sanitized build.
test-sanitized: sanitized
	ctest --test-dir $(SANITIZED) --output-on-failure -j $(JOBS)
	REUSELENS_CLI=$(SANITIZED)/reuselens REUSELENS_SANITIZED=1 python3 -m unittest discover -s tests/cli -t .

# The CLI end to end, the evaluation code, and the regression checks on the
# seeds and a PAN sample.
test-tools:
	python3 -m unittest discover -s tests/cli -t . -v
	python3 -m unittest discover -s tests/eval -t . -v
	python3 scripts/eval.py seeds --require 'seeds.precision>=0.95' --require 'seeds.recall>=0.95' \
	  --require 'seeds.verbatim.recall>=0.95' --require 'seeds.edited.recall>=0.95' \
	  --require 'seeds.spun.recall>=0.9' --require 'seeds.paraphrase.recall>=0.9' \
	  --require 'seeds.kinds.agreement>=0.8' --require 'seeds.others.min_f1>=0.9'
	python3 scripts/eval.py pan --sample 100 --require 'none.plagdet>=0.99' \
	  --require 'no-plagiarism.detections<=0'

test-wasm:
	node --test tests/wasm/

# The web demo and the editor examples end to end in headless Chromium
# (playwright-core), the draft checker in Node, and the package's type
# declarations compiled as a TypeScript project would use them.
test-web:
	npx --no-install tsc -p tests/types/tsconfig.json
	node --test --test-concurrency=1 tests/web/

# The extension: Node tests of its storage, web-ext lint of the Firefox package,
# end to end in headless Chromium (playwright-core, chromium.test.mjs) and headless
# Firefox (puppeteer-core over WebDriver BiDi, firefox.test.mjs).
test-extension:
	node --test tests/extension/unit/
	npx --no-install web-ext lint --source-dir dist/extension-firefox
	node --test --test-concurrency=1 tests/extension/*.test.mjs

eval: native
	python3 scripts/eval.py all

# Long campaigns (scripts/fuzz.py); failing inputs are kept in $(FUZZ_KEEP).
FUZZ_SECONDS ?= 300
FUZZ_KEEP ?= /tmp/reuselens-fuzz
FUZZ := python3 scripts/fuzz.py --seconds $(FUZZ_SECONDS) --keep $(FUZZ_KEEP) --seeds $(SHARED)/seeds --pan $(SHARED)/pan13-train
fuzz: sanitized native wasm
	$(FUZZ) match --cli $(SANITIZED)/reuselens
	$(FUZZ) align --cli $(SANITIZED)/reuselens
	$(FUZZ) wasm --cli $(CLI)

# The PAN13 pairs through `match` one by one, with the defaults the extension,
# the demo and the JS module use (about a minute); prints the table.
eval-match: native
	python3 scripts/eval.py pan --via match

demo: setup native web
	node scripts/serve.mjs dist/web

demo-cli: setup native
	bash scripts/demo.sh

bench: native
	bash bench/run.sh

# WASM (Node, Chromium) against native on libraries of 100 to 10,000 sources.
bench-wasm: setup native wasm
	node bench/wasm/library_bench.mjs

bench-extension: setup extension
	node bench/extension/extension_bench.mjs

# A one-word edit in a 2,000-word draft against 1,000 sources; keystroke latency with and without ReuseLens.
bench-editor: setup web
	node bench/editor/editor_bench.mjs

clean:
	rm -rf build dist

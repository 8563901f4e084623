# gdprscan — make targets. `make demo` and `make test` are the two a new user runs.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X github.com/gdprscan/gdprscan/internal/version.Version=$(VERSION)
BIN     := bin/gdprscan

.PHONY: all build test testdb demo bench bench-go bench-rules eval vet lint fmt cover clean demo-config fuzz

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/gdprscan

# All tests, including those against real PostgreSQL and MariaDB, which testdb makes sure
# are running (starting or installing them when needed). With CI=true a database that
# cannot be reached fails the run instead of skipping.
#
# The race detector instruments the pure-Go SQLite (machine-translated C) and slows it
# some fifty times, so the packages whose tests scan the whole demo CRM end to end run
# without it; every other package — scheduler, sinks, store, engines, classifier,
# reports — runs with -race.
E2E_PKGS := ./internal/pipeline/... ./internal/demo/... ./cmd/...
test: testdb
	$(GO) vet ./...
	$(GO) test -race -count=1 -timeout 20m $$($(GO) list ./... | grep -v -e /internal/pipeline -e /internal/demo -e /cmd/)
	$(GO) test -count=1 -timeout 20m $(E2E_PKGS)

testdb:
	bash .ci/ensure-databases.sh

# Fuzzes the config loader, the DSN parser and the value detectors, FUZZTIME each (Go
# fuzzes one target per run). Their seed corpora already run in `make test`; a crasher is
# saved under the package's testdata/fuzz/ for `go test -run` to replay.
FUZZTIME ?= 60s
FUZZ_TARGETS := ./config:FuzzLoad ./scanner/dsn:FuzzCheck ./rules/detect:FuzzValueDetectors \
	./rules/detect:FuzzClassifyMasksExamples ./rules/detect:FuzzClassify
fuzz:
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "== $${t#*:} ($${t%%:*}, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) $${t%%:*}; \
	done

# Builds gdprscan and scans the embedded demo CRM (SQLite); no server needed.
demo: build
	./$(BIN) demo --out out/demo

# Generates a large CRM in PostgreSQL and MariaDB (scale S: 100 tables, 1M rows; a few
# minutes), scans it and prints each phase's time, queries, rows and peak memory; the
# results go to out/bench/<scale>-<commit>.json for `gdprscan-bench -compare`. The
# databases are dropped afterwards. BENCH_SCALE=M (1,000 tables, 10M rows) or L by hand;
# BENCH_FLAGS="-engines postgres -repeat 3 -quick" and more: go run ./cmd/gdprscan-bench -h.
BENCH_SCALE ?= S
BENCH_FLAGS ?=
bench: testdb
	mkdir -p out/bench
	$(GO) run ./cmd/gdprscan-bench -scale $(BENCH_SCALE) -commit $(VERSION) -json out/bench/$(BENCH_SCALE)-$(VERSION).json $(BENCH_FLAGS)

# Go benchmarks of the detectors, the classifier, the scanner and the workbook writer,
# six runs each so that two commits compare with benchstat:
#   make bench-go > old.txt; (change); make bench-go > new.txt; benchstat old.txt new.txt
BENCH_GO ?= .
bench-go:
	$(GO) test -run '^$$' -bench '$(BENCH_GO)' -benchmem -count 6 -timeout 30m ./rules/detect/ ./scanner/ ./reports/

# Each consent and retention rule through the scanner vs the same SQL written by hand, on
# a 10-million-row contacts table (plus consent history) built in a fresh PostgreSQL
# database. Takes several minutes; GDPRSCAN_BENCH_ROWS=200000 for a quick run.
bench-rules: testdb
	GDPRSCAN_BENCH_ROWS=$${GDPRSCAN_BENCH_ROWS:-1} $(GO) test -run '^$$' -bench BenchmarkRulesPostgres -benchtime 3x -timeout 3h ./rules/

# Measures the column classifier on the generated, labelled corpus of internal/eval and
# fails when precision < 0.95 or recall < 0.95, overall or in any schema style (docs/detection.md).
# EVALFLAGS="-gate=false" only
# prints; "-misses 0" lists every misclassified column; "-schema crm_de" narrows it.
eval:
	$(GO) run ./cmd/gdprscan-eval $(EVALFLAGS)

vet:
	$(GO) vet ./...

# staticcheck at a pinned version, fetched through the module proxy and cached by the go
# command (no tools.go, nothing installed): default checks, no exclusions.
STATICCHECK_VERSION := v0.8.2
lint:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION) ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

cover: testdb
	$(GO) test -race -coverprofile=cover.out ./... && $(GO) tool cover -func=cover.out

# The demo config is embedded in the binary; testdata/demo/gdprscan.yaml is its source and
# this copies it into internal/demo (the go:generate line there), as a test asks.
demo-config:
	$(GO) generate ./internal/demo

clean:
	rm -rf bin out cover.out

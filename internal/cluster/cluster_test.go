package cluster_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/cluster"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/sink"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/scanner"
)

const wait = 3 * time.Minute

// probe wraps the sqlite engine of every replica in this process (they share
// pipeline.Openers): it counts the sources open and the samples running at once, and
// each table's first sample.
type probe struct {
	mu      sync.Mutex
	open    map[string]int
	maxOpen map[string]int
	running map[string]int // samples in flight: queries against the CRM
	maxRun  map[string]int
	samples map[string]int // unit ID → samples of the configured size
	sampleN int
	latency time.Duration // added to every sample (benchmarks: a remote CRM)
}

func newProbe(t testing.TB, sampleN int) *probe {
	p := &probe{open: map[string]int{}, maxOpen: map[string]int{}, running: map[string]int{}, maxRun: map[string]int{}, samples: map[string]int{}, sampleN: sampleN}
	orig := pipeline.Openers["sqlite"]
	pipeline.Openers["sqlite"] = func(ctx context.Context, dsn string, o scanner.Options) (scanner.Source, error) {
		s, err := orig(ctx, dsn, o)
		if err != nil {
			return nil, err
		}
		p.mu.Lock()
		p.open[o.Name]++
		p.maxOpen[o.Name] = max(p.maxOpen[o.Name], p.open[o.Name])
		p.mu.Unlock()
		return &probed{Source: s, p: p, name: o.Name}, nil
	}
	t.Cleanup(func() { pipeline.Openers["sqlite"] = orig })
	return p
}

type probed struct {
	scanner.Source
	p    *probe
	name string
}

func (s *probed) Sample(ctx context.Context, u scanner.Unit, n int) (scanner.Sample, error) {
	s.p.mu.Lock()
	if n == s.p.sampleN {
		s.p.samples[u.ID()]++
	}
	s.p.running[s.name]++
	s.p.maxRun[s.name] = max(s.p.maxRun[s.name], s.p.running[s.name])
	s.p.mu.Unlock()
	defer func() {
		s.p.mu.Lock()
		s.p.running[s.name]--
		s.p.mu.Unlock()
	}()
	if s.p.latency > 0 {
		time.Sleep(s.p.latency)
	}
	return s.Source.Sample(ctx, u, n)
}

// maxRunning is the most samples that ran at once against each source.
func (p *probe) maxRunning() map[string]int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps(p.maxRun)
}

func (s *probed) Close() error {
	s.p.mu.Lock()
	s.p.open[s.name]--
	s.p.mu.Unlock()
	return s.Source.Close()
}

func (p *probe) counts() (samples map[string]int, maxOpen map[string]int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return maps(p.samples), maps(p.maxOpen)
}

func maps(m map[string]int) map[string]int {
	out := make(map[string]int, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// merged collects the merges of every replica.
type merged struct {
	ch chan mergeEvent
}

type mergeEvent struct {
	run string
	out *pipeline.Outcome
	err error
}

func (m *merged) next(t testing.TB) mergeEvent {
	t.Helper()
	select {
	case ev := <-m.ch:
		return ev
	case <-time.After(wait):
		t.Fatal("no run was merged")
	}
	return mergeEvent{}
}

// replica is one `serve` of the cluster: its own state store, sinks and River client.
type replica struct {
	node *cluster.Node
	stop func()
}

func startReplica(t testing.TB, cfg *config.Config, name string, m *merged, mod func(*cluster.Options)) *replica {
	t.Helper()
	ctx := context.Background()
	outDir := cfg.Path(cfg.Report.OutDir)
	require.NoError(t, os.MkdirAll(outDir, 0o755))
	st, err := pipeline.OpenState(ctx, cfg, outDir)
	require.NoError(t, err)
	sinks, err := sink.Build(cfg, outDir)
	require.NoError(t, err)
	disp, err := sink.NewDispatcher(st, sinks)
	require.NoError(t, err)
	o := cluster.Options{Config: cfg, Store: st, Dispatcher: disp, Name: name, FetchPollInterval: 50 * time.Millisecond, FetchCooldown: 5 * time.Millisecond,
		OnMerged: func(run string, out *pipeline.Outcome, err error) { m.ch <- mergeEvent{run, out, err} }}
	if mod != nil {
		mod(&o)
	}
	n, err := cluster.New(ctx, o)
	require.NoError(t, err)
	require.NoError(t, n.Start(ctx))
	r := &replica{node: n}
	var once sync.Once
	r.stop = func() {
		once.Do(func() {
			sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			assert.NoError(t, n.Stop(sctx))
			st.Close()
		})
	}
	t.Cleanup(r.stop)
	return r
}

// demoCluster is the demo CRM (SQLite) with its state in a fresh PostgreSQL database.
func demoCluster(t *testing.T) *config.Config {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	cfg.State.DSN = config.Secret(testdb.Postgres(t))
	t.Cleanup(func() { quiesce(t, cfg) })
	cfg.Report.Formats = []string{"json", "xlsx"}
	cfg.Cluster = config.Cluster{Enabled: true, Workers: 2, BatchTables: 1, SourceConcurrency: 2,
		JobTimeout: config.Duration(20 * time.Second), RescueAfter: config.Duration(25 * time.Second)}
	if raceEnabled {
		cfg.Sources[0].IncludeTables = raceTables
	}
	return cfg
}

// quiesce runs after the replicas have stopped and before the state database is dropped:
// it waits until no connection of theirs is left, and fails the test if one stays.
func quiesce(t testing.TB, cfg *config.Config) {
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, cfg.State.DSN.Reveal())
	if err != nil {
		t.Errorf("quiesce: %v", err)
		return
	}
	defer conn.Close(ctx)
	var left []string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		rows, err := conn.Query(ctx, `SELECT application_name || ' ' || state FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
		if err != nil {
			t.Errorf("quiesce: %v", err)
			return
		}
		if left, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil || len(left) == 0 {
			return
		}
	}
	t.Errorf("connections left after the replicas stopped: %v", left)
}

// reference is the same scan on one node, with its own SQLite state.
func reference(t *testing.T, cfg *config.Config) *pipeline.Outcome {
	t.Helper()
	ref := *cfg
	ref.State = config.State{Path: "state.db"}
	ref.Cluster = config.Cluster{}
	ref.Tasks.Sinks = nil
	out, err := pipeline.Run(context.Background(), pipeline.Options{Config: &ref, OutDir: t.TempDir()})
	require.NoError(t, err)
	return out
}

func tables(rep reports.Report) []string {
	var out []string
	for _, it := range rep.Inventory {
		if k := it.Schema + "." + it.Table; !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

func fingerprints(rep reports.Report) map[string]int64 {
	out := map[string]int64{}
	for _, f := range rep.Findings {
		out[f.Fingerprint] = f.RecordsAffected
	}
	return out
}

func readTasks(t *testing.T, path string) map[string]int {
	t.Helper()
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	seen := map[string]int{}
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l struct{ ID, Status string }
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l))
		seen[l.ID+"/"+l.Status]++
	}
	return seen
}

func readRecord(t *testing.T, cfg *config.Config) cluster.Record {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(cfg.Path(cfg.Report.OutDir), cfg.Organisation.Scope+"-cluster.json"))
	require.NoError(t, err)
	var rec cluster.Record
	require.NoError(t, json.Unmarshal(b, &rec))
	return rec
}

// stateCount runs a count query on the state database.
func stateCount(t *testing.T, cfg *config.Config, q string, args ...any) int {
	t.Helper()
	conn, err := pgx.Connect(context.Background(), cfg.State.DSN.Reveal())
	require.NoError(t, err)
	defer conn.Close(context.Background())
	var n int
	require.NoError(t, conn.QueryRow(context.Background(), q, args...).Scan(&n))
	return n
}

// waitIdle waits until the queue holds no job that is still to run.
func waitIdle(t *testing.T, cfg *config.Config) {
	t.Helper()
	deadline := time.Now().Add(wait)
	for time.Now().Before(deadline) {
		if stateCount(t, cfg, `SELECT count(*) FROM river_job WHERE state NOT IN ('completed', 'cancelled', 'discarded')`) == 0 {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatal("jobs still queued")
}

// Done when: three replicas scan the demo CRM and produce exactly one report and one
// set of tasks, every table scanned once, never more queries against the CRM at once
// than its limit — and the result is the single-node scan's.
func TestThreeReplicasScanTheDemoOnce(t *testing.T) {
	cfg := demoCluster(t)
	want := reference(t, cfg)
	p := newProbe(t, cfg.Sources[0].SampleSize)
	m := &merged{ch: make(chan mergeEvent, 8)}
	var rs []*replica
	for i := range 3 {
		rs = append(rs, startReplica(t, cfg, fmt.Sprintf("replica-%d", i), m, nil))
	}
	// Every replica fires the same slot (clock skew, a new leader): it runs once.
	slot := time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	for _, r := range rs {
		wg.Go(func() { assert.NoError(t, r.node.Trigger(context.Background(), cluster.JobScope(cfg), nil, slot)) })
	}
	wg.Wait()
	ev := m.next(t)
	require.NoError(t, ev.err)
	waitIdle(t, cfg)
	select {
	case ev := <-m.ch:
		t.Fatalf("a second merge of %s", ev.run)
	default:
	}
	rep := ev.out.Report

	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM gdprscan_cluster_runs`))
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM runs`), "one run in the state")
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM river_job WHERE kind = 'gdprscan_merge'`))
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM river_job WHERE kind = 'gdprscan_plan'`))

	// The cluster's report is the single node's.
	assert.Equal(t, tables(want.Report), tables(rep))
	assert.Equal(t, fingerprints(want.Report), fingerprints(rep))
	assert.Len(t, rep.Inventory, len(want.Report.Inventory))
	require.Len(t, rep.Sources, 1)
	assert.Equal(t, want.Report.Sources[0].TablesScanned, rep.Sources[0].TablesScanned)
	assert.Equal(t, len(want.Report.NotEvaluated), len(rep.NotEvaluated))
	assert.Len(t, ev.out.TasksCreated, len(want.TasksCreated))
	require.NotEmpty(t, ev.out.TasksCreated)

	// Every table scanned once, by whichever replica.
	samples, maxOpen := p.counts()
	assert.Len(t, samples, len(tables(want.Report)))
	for u, n := range samples {
		assert.Equal(t, 1, n, "table %s sampled once", u)
	}
	assert.LessOrEqual(t, maxOpen["crm"], 2, "never more than the source's limit open at once")
	assert.LessOrEqual(t, p.maxRunning()["crm"], 2, "never more queries at once than the source's limit")
	rec := readRecord(t, cfg)
	assert.Empty(t, rec.Retried)
	assert.Equal(t, rep.ScanID, rec.ScanID)
	require.Len(t, rec.Sources, 1)
	assert.Len(t, rec.Sources[0].Batches, len(tables(want.Report)))
	by := map[string]int{}
	for _, b := range rec.Sources[0].Batches {
		assert.Equal(t, 1, b.Attempt)
		by[b.Replica]++
	}
	t.Logf("batches per replica: %v; most sources open at once: %d", by, maxOpen["crm"])

	// One set of tasks: each opened once.
	seen := readTasks(t, filepath.Join(cfg.Path(cfg.Report.OutDir), cfg.Tasks.File))
	assert.Len(t, seen, len(want.TasksCreated))
	for k, n := range seen {
		assert.Equal(t, 1, n, "%s written once", k)
	}
	_, err := os.Stat(filepath.Join(cfg.Path(cfg.Report.OutDir), "crm-dpia.xlsx"))
	assert.NoError(t, err)

	// A later firing of the same slot is a no-op.
	require.NoError(t, rs[1].node.Trigger(context.Background(), cluster.JobScope(cfg), nil, slot))
	waitIdle(t, cfg)
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM runs`))
}

// Done when: one replica is killed mid-scan — it holds table jobs and the source's query
// slots — and the others finish the scan: its jobs are rescued and run again, the record
// and the report's inventory note them, and the run is still merged once.
func TestReplicaKilledMidScan(t *testing.T) {
	cfg := demoCluster(t)
	cfg.Cluster.SourceConcurrency = 3
	cfg.Cluster.JobTimeout = config.Duration(8 * time.Second)
	cfg.Cluster.RescueAfter = config.Duration(10 * time.Second)
	want := reference(t, cfg)
	p := newProbe(t, cfg.Sources[0].SampleSize)
	m := &merged{ch: make(chan mergeEvent, 8)}

	var held atomic.Int32
	holding := make(chan int, 8)
	victim := startReplica(t, cfg, "victim", m, func(o *cluster.Options) {
		o.BeforeTables = func(ctx context.Context, _ string, batch int) {
			held.Add(1)
			holding <- batch
			<-ctx.Done() // hangs until the replica dies
		}
	})
	require.NoError(t, victim.node.Trigger(context.Background(), cluster.JobScope(cfg), nil, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)))
	var lost []int
	for range 2 { // both of its workers are stuck in a batch
		select {
		case b := <-holding:
			lost = append(lost, b)
		case <-time.After(wait):
			t.Fatal("the victim took no table job")
		}
	}
	a := startReplica(t, cfg, "replica-a", m, nil)
	b := startReplica(t, cfg, "replica-b", m, nil)
	_, _ = a, b
	victim.node.Kill(context.Background())
	victim.stop = func() {}

	ev := m.next(t)
	require.NoError(t, ev.err)
	waitIdle(t, cfg)
	rep := ev.out.Report
	assert.Equal(t, tables(want.Report), tables(rep), "every table is in the report")
	assert.Equal(t, fingerprints(want.Report), fingerprints(rep))
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM runs`))
	assert.Equal(t, 0, stateCount(t, cfg, `SELECT count(*) FROM gdprscan_cluster_units WHERE result IS NULL`))

	rec := readRecord(t, cfg)
	require.Len(t, rec.Retried, len(lost), "the record notes the retried units: %v", rec.Retried)
	for _, bt := range rec.Sources[0].Batches {
		assert.NotEqual(t, "victim", bt.Replica, "batch %d", bt.Batch)
		if slices.Contains(lost, bt.Batch) {
			assert.Equal(t, 2, bt.Attempt, "batch %d ran again", bt.Batch)
		} else {
			assert.Equal(t, 1, bt.Attempt, "batch %d", bt.Batch)
		}
	}
	marked := map[string]bool{}
	for _, it := range rep.Inventory {
		if slices.Contains(it.Evidence.Signals, cluster.SignalRetried) {
			marked[it.Schema+"."+it.Table] = true
		}
	}
	assert.Len(t, marked, len(lost), "the report's inventory marks the retried tables")
	samples, _ := p.counts()
	for u, n := range samples {
		assert.Equal(t, 1, n, "table %s sampled once (the victim died before sampling)", u)
	}
	seen := readTasks(t, filepath.Join(cfg.Path(cfg.Report.OutDir), cfg.Tasks.File))
	assert.Len(t, seen, len(want.TasksCreated))
	for k, n := range seen {
		assert.Equal(t, 1, n, "%s written once", k)
	}
}

// raceTables hold the demo's security, retention and erasure violations.
var raceTables = []string{"payments", "users", "erasure_requests", "leads"}

// A source out of reach fails alone, as in a single scan: after its plan's tries the run
// is merged with that source's error (no DSN in it) and the other source scanned.
func TestUnreachableSourceFailsAlone(t *testing.T) {
	cfg := demoCluster(t)
	cfg.Sources = append(cfg.Sources, config.Source{Name: "gone", Kind: "postgres", Environment: "prod", SampleSize: 50,
		StatementTimeout: config.Duration(time.Second), DSN: "postgres://nobody:s3cret@127.0.0.1:1/none?connect_timeout=1&sslmode=disable"})
	m := &merged{ch: make(chan mergeEvent, 8)}
	var rs []*replica
	for i := range 2 {
		rs = append(rs, startReplica(t, cfg, fmt.Sprintf("replica-%d", i), m, func(o *cluster.Options) { o.RetryDelay = 50 * time.Millisecond }))
	}
	require.NoError(t, rs[0].node.Trigger(context.Background(), cluster.JobScope(cfg), nil, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)))
	ev := m.next(t)
	require.NoError(t, ev.err)
	assert.Equal(t, 1, ev.out.SourcesFailed)
	got := map[string]scanner.SourceSummary{}
	for _, s := range ev.out.Report.Sources {
		got[s.Name] = s
	}
	require.Contains(t, got, "gone")
	assert.NotEmpty(t, got["gone"].Error)
	assert.NotContains(t, got["gone"].Error, "s3cret")
	assert.Empty(t, got["crm"].Error)
	assert.Positive(t, got["crm"].TablesScanned)
	assert.Equal(t, 3, stateCount(t, cfg, `SELECT attempt FROM river_job WHERE kind = 'gdprscan_plan' AND args->>'source' = 'gone'`),
		"the plan gave up at its third try")
}

// The schedules run as River periodic jobs on the elected leader: two replicas with an
// every-minute schedule start one run for the minute, keyed by job and slot.
func TestScheduleFiresOncePerSlot(t *testing.T) {
	cfg := demoCluster(t)
	cfg.Sources[0].IncludeTables = raceTables
	cfg.Sources[0].Schedule = nil
	cfg.Report.Schedule = &config.Schedule{Cron: "* * * * *", Timezone: "UTC"}
	m := &merged{ch: make(chan mergeEvent, 8)}
	for i := range 2 {
		startReplica(t, cfg, fmt.Sprintf("replica-%d", i), m, func(o *cluster.Options) { o.Schedules = true })
	}
	ev := m.next(t)
	require.NoError(t, ev.err)
	job, slot, ok := strings.Cut(ev.run, "@")
	require.True(t, ok, ev.run)
	assert.Equal(t, cluster.JobScope(cfg), job)
	at, err := time.Parse(time.RFC3339, slot)
	require.NoError(t, err)
	assert.Zero(t, at.Second(), "the slot is the minute")
	assert.WithinDuration(t, time.Now(), at, 2*time.Minute)
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM gdprscan_cluster_runs WHERE slot = $1`, at))
	assert.Equal(t, 1, stateCount(t, cfg, `SELECT count(*) FROM river_job WHERE kind = 'gdprscan_slot' AND args->>'slot' = $1`, at.Format(time.RFC3339)))
}

// A query slot is one query: a batch job holding one of the cluster's slots samples its
// tables one at a time, whatever the source's own concurrency, so n jobs never run more
// than n queries against the CRM.
func TestQuerySlotIsOneQuery(t *testing.T) {
	cfg := demoCluster(t)
	cfg.Sources[0].IncludeTables = nil
	cfg.Sources[0].Concurrency = 4 // a single scan's limit; the cluster's is 1
	cfg.Cluster.SourceConcurrency = 1
	cfg.Cluster.BatchTables = 8
	p := newProbe(t, cfg.Sources[0].SampleSize)
	p.latency = 20 * time.Millisecond // let samples of one batch overlap if they can
	m := &merged{ch: make(chan mergeEvent, 8)}
	r := startReplica(t, cfg, "replica-0", m, nil)
	require.NoError(t, r.node.Trigger(context.Background(), cluster.JobScope(cfg), nil, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)))
	ev := m.next(t)
	require.NoError(t, ev.err)
	samples, _ := p.counts()
	require.Greater(t, len(samples), cfg.Cluster.BatchTables, "more tables than one batch")
	assert.Equal(t, 1, p.maxRunning()["crm"], "one query at a time under a cluster limit of one")
}

// The DPIA facts of a cluster run are the single scan's, also when the source's filters
// leave the mapped consent table out of discovery: it is still counted.
func TestFactsCountFilteredMappedTables(t *testing.T) {
	cfg := demoCluster(t)
	cfg.Sources[0].IncludeTables = raceTables // the consent table is not among them
	require.NotNil(t, cfg.Sources[0].Mapping.Consent)
	require.NotContains(t, raceTables, cfg.Sources[0].Mapping.Consent.Table)
	want := reference(t, cfg)
	require.Len(t, want.Report.DPIA.Consent, 1)
	require.NotEmpty(t, want.Report.DPIA.Consent[0].Counts, "the single scan counts the filtered consent table")

	m := &merged{ch: make(chan mergeEvent, 8)}
	r := startReplica(t, cfg, "replica-0", m, nil)
	require.NoError(t, r.node.Trigger(context.Background(), cluster.JobScope(cfg), nil, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)))
	ev := m.next(t)
	require.NoError(t, ev.err)
	require.Len(t, ev.out.Report.DPIA.Consent, 1)
	assert.Equal(t, want.Report.DPIA.Consent[0].Counts, ev.out.Report.DPIA.Consent[0].Counts)
	require.Len(t, ev.out.Report.DPIA.Requests, len(want.Report.DPIA.Requests))
	for i := range want.Report.DPIA.Requests {
		assert.Equal(t, want.Report.DPIA.Requests[i], ev.out.Report.DPIA.Requests[i])
	}
	assert.Equal(t, tables(want.Report), tables(ev.out.Report), "the filters still hold")
}

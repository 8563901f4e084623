package cluster_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/cluster"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

// Many-source workload: benchSources small CRMs of benchTables tables each, all scanned
// by the scope's run, on 1, 2 and 3 replicas of 2 workers each, with at most 2 queries
// per source at once. The machine has 2 cores, so what replicas can speed up here is the
// waiting on remote databases, not CPU: every sample of a table waits for the given
// latency first (a CRM across a network, or a slow sampling query), as a real remote
// source would while the worker's CPU is idle. With latency 0 the scan is CPU-bound
// (SQLite in this process) and more replicas on the same 2 cores cannot help.
const (
	benchSources = 12
	benchTables  = 8
	benchRows    = 60
)

func BenchmarkClusterManySources(b *testing.B) {
	for _, latency := range []time.Duration{100 * time.Millisecond, 0} {
		for _, replicas := range []int{1, 2, 3} {
			b.Run(fmt.Sprintf("latency=%s/replicas=%d", latency, replicas), func(b *testing.B) {
				benchCluster(b, replicas, latency)
			})
		}
	}
}

func benchCluster(b *testing.B, replicas int, latency time.Duration) {
	dir := b.TempDir()
	yaml := "organisation: {scope: bench}\nreport: {formats: [json]}\nsources:\n"
	for i := range benchSources {
		path := filepath.Join(dir, fmt.Sprintf("crm%02d.db", i))
		buildBenchCRM(b, path, i)
		yaml += fmt.Sprintf("  - {name: crm%02d, kind: sqlite, dsn: \"sqlite://%s\"}\n", i, path)
	}
	cfg, err := config.Load([]byte(yaml), filepath.Join(dir, "bench.yaml"))
	require.NoError(b, err)
	cfg.Dir = dir
	cfg.State.DSN = config.Secret(testdb.Postgres(b))
	b.Cleanup(func() { quiesce(b, cfg) })
	cfg.Cluster = config.Cluster{Enabled: true, Workers: 2, BatchTables: 1, SourceConcurrency: 2}
	p := newProbe(b, config.DefaultSampleSize)
	p.latency = latency
	m := &merged{ch: make(chan mergeEvent, 8)}
	var nodes []*cluster.Node
	for i := range replicas {
		nodes = append(nodes, startReplica(b, cfg, fmt.Sprintf("bench-%d", i), m, nil).node)
	}
	slot := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	b.ResetTimer()
	runs := 0
	for b.Loop() {
		slot = slot.Add(time.Minute)
		require.NoError(b, nodes[0].Trigger(context.Background(), cluster.JobScope(cfg), nil, slot))
		select {
		case ev := <-m.ch:
			require.NoError(b, ev.err)
			require.Len(b, ev.out.Report.Sources, benchSources)
		case <-time.After(wait):
			b.Fatal("no run was merged")
		}
		runs++
	}
	b.StopTimer()
	samples, maxOpen := p.counts()
	most := 0
	for _, n := range maxOpen {
		most = max(most, n)
	}
	require.LessOrEqual(b, most, 2, "a source's limit held")
	require.Len(b, samples, benchSources*benchTables)
	b.ReportMetric(float64(benchSources*benchTables*runs)/b.Elapsed().Seconds(), "tables/s")
	b.ReportMetric(float64(most), "max-open/source")
}

// buildBenchCRM writes a small CRM: people, their orders, invoices, logins and notes.
func buildBenchCRM(b *testing.B, path string, seed int) {
	db, err := sql.Open("sqlite", path)
	require.NoError(b, err)
	defer db.Close()
	ddl := []string{
		`CREATE TABLE customers (id INTEGER PRIMARY KEY, first_name TEXT, last_name TEXT, email TEXT, phone TEXT, created_at TEXT)`,
		`CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, total REAL, shipping_address TEXT)`,
		`CREATE TABLE invoices (id INTEGER PRIMARY KEY, customer_id INTEGER, iban TEXT, amount REAL)`,
		`CREATE TABLE users (id INTEGER PRIMARY KEY, username TEXT, password_hash TEXT, last_login_ip TEXT)`,
		`CREATE TABLE notes (id INTEGER PRIMARY KEY, customer_id INTEGER, body TEXT)`,
		`CREATE TABLE newsletter (id INTEGER PRIMARY KEY, email TEXT, subscribed_at TEXT)`,
		`CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT, price REAL)`,
		`CREATE TABLE audit_log (id INTEGER PRIMARY KEY, action TEXT, at TEXT)`,
	}
	tx, err := db.Begin()
	require.NoError(b, err)
	for _, q := range ddl {
		_, err := tx.Exec(q)
		require.NoError(b, err)
	}
	first := []string{"Anna", "Jonas", "Lea", "Noah", "Mia", "Elias", "Emma", "Paul"}
	last := []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker"}
	for i := range benchRows {
		f, l := first[(i+seed)%len(first)], last[(i*3+seed)%len(last)]
		email := fmt.Sprintf("%s.%s%d@example.com", f, l, i)
		exec := func(q string, args ...any) {
			_, err := tx.Exec(q, args...)
			require.NoError(b, err)
		}
		exec(`INSERT INTO customers VALUES (?, ?, ?, ?, ?, ?)`, i, f, l, email, fmt.Sprintf("+49 30 %07d", 1000000+i*7919%9000000), "2024-01-02")
		exec(`INSERT INTO orders VALUES (?, ?, ?, ?)`, i, i, float64(i)*9.5, fmt.Sprintf("Hauptstraße %d, 10115 Berlin", i+1))
		exec(`INSERT INTO invoices VALUES (?, ?, ?, ?)`, i, i, "DE89370400440532013000", float64(i)*12)
		exec(`INSERT INTO users VALUES (?, ?, ?, ?)`, i, fmt.Sprintf("user%d", i), "$2a$10$abcdefghijklmnopqrstuv", fmt.Sprintf("10.0.%d.%d", i/250, i%250+1))
		exec(`INSERT INTO notes VALUES (?, ?, ?)`, i, i, "called back about the delivery")
		exec(`INSERT INTO newsletter VALUES (?, ?, ?)`, i, email, "2023-05-06")
		exec(`INSERT INTO products VALUES (?, ?, ?)`, i, fmt.Sprintf("Widget %d", i), 4.99)
		exec(`INSERT INTO audit_log VALUES (?, ?, ?)`, i, "login", "2024-02-03")
	}
	require.NoError(b, tx.Commit())
}

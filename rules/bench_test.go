package rules_test

// BenchmarkRulesPostgres compares each consent and retention rule run through the scanner
// (its counting query plus the sample-key query, on top of listing and sampling the two
// tables) with the same computation written by hand and run directly: records, distinct
// subjects and the oldest date, in one query.
//
// It builds a contacts table of GDPRSCAN_BENCH_ROWS rows (1 means 10,000,000) and a
// consent-history table of about 0.9 rows per contact in a fresh PostgreSQL database with
// generate_series, so it is skipped unless that variable is set: `make bench-rules`.

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/postgres"
)

const benchSchema = `
CREATE TABLE contacts (
  id bigint PRIMARY KEY, email text NOT NULL, first_name text, last_name text, birth_date date, country text,
  lawful_basis text, marketing_opt_in smallint NOT NULL DEFAULT 0, is_deleted smallint NOT NULL DEFAULT 0,
  deleted_at timestamp, created_at timestamp NOT NULL, last_inbound_at timestamp, customer_until timestamp);
INSERT INTO contacts
SELECT g, 'person' || g || '@mail' || (g % 97) || '.eu', 'First' || (g % 1000), 'Last' || (g % 5000),
  DATE '1950-01-01' + ((g * 7919) % 25000)::int,
  (ARRAY['DE','FR','NL','PL','GB','ES','IT'])[1 + (g % 7)::int],
  CASE WHEN g % 20 = 0 THEN NULL WHEN g % 3 = 0 THEN 'contract' WHEN g % 3 = 1 THEN 'consent' ELSE 'legitimate_interest' END,
  CASE WHEN g % 10 < 9 THEN 1 ELSE 0 END,
  CASE WHEN g % 50 = 0 THEN 1 ELSE 0 END,
  CASE WHEN g % 50 = 0 THEN $1::timestamp - make_interval(days => ((g * 3) % 400)::int) END,
  $1::timestamp - make_interval(secs => (g * 23)::double precision),
  CASE WHEN g % 2 = 0 THEN $1::timestamp - make_interval(days => ((g * 17) % 1500)::int) END,
  CASE WHEN g % 3 = 0 THEN $1::timestamp - make_interval(days => ((g * 13) % 2500)::int) END
FROM generate_series(1, $2::bigint) g;
CREATE TABLE consents (
  id bigint PRIMARY KEY, contact_id bigint NOT NULL, purpose text, channel text NOT NULL, status text NOT NULL,
  captured_at timestamp NOT NULL, capture_method text, capture_source text, notice_version text, withdrawn_at timestamp);
INSERT INTO consents
SELECT g, g, CASE WHEN g % 500 = 0 THEN 'all' ELSE 'email_marketing' END, 'email', 'granted',
  CASE WHEN g % 1000 = 0 THEN $1::timestamp - interval '800 days'
       ELSE $1::timestamp - make_interval(secs => (g * 23)::double precision) + interval '1 day' END,
  CASE g % 100 WHEN 0 THEN 'import' WHEN 1 THEN 'pre_ticked' ELSE 'web_form' END,
  CASE WHEN g % 37 = 0 THEN NULL ELSE 'form:newsletter' END,
  CASE WHEN g % 41 = 0 THEN NULL ELSE 'notice-v3' END, NULL
FROM generate_series(1, $2::bigint) g WHERE g % 10 < 8;
INSERT INTO consents
SELECT $2::bigint + g, g, 'email_marketing', 'email', 'withdrawn',
  $1::timestamp - make_interval(secs => (g * 23)::double precision) + interval '101 days',
  'web_form', 'unsubscribe-link', 'notice-v3',
  $1::timestamp - make_interval(secs => (g * 23)::double precision) + interval '101 days'
FROM generate_series(1, $2::bigint) g WHERE g % 10 = 0;
CREATE INDEX consents_contact ON consents (contact_id, purpose, captured_at);
ANALYZE contacts;
ANALYZE consents;`

const benchConfig = `sources:
  - name: bench
    kind: postgres
    dsn: x
    statement_timeout: 30m
    mapping:
      subjects:
        - {table: contacts, key: id, lawful_basis_column: lawful_basis, marketable: "marketing_opt_in = 1",
           soft_deleted: "is_deleted = 1", deleted_at_column: deleted_at, birth_date_column: birth_date,
           country_column: country, email_column: email, created_column: created_at}
      consent:
        {table: consents, subject_key: contact_id, subject_table: contacts, purpose_column: purpose, status_column: status,
         marketing_purpose: email_marketing, captured_at_column: captured_at, capture_method_column: capture_method,
         capture_source_column: capture_source, notice_version_column: notice_version, withdrawn_at_column: withdrawn_at}
      retention:
        - {id: prospects-3y, table: contacts, key: id, subject_filter: "lawful_basis <> 'contract' AND is_deleted = 0",
           anchor: "COALESCE(last_inbound_at, created_at)", period: P3Y}
        - {id: customers-3y, table: contacts, key: id, applies_to: customers, subject_filter: "customer_until IS NOT NULL AND is_deleted = 0",
           anchor: customer_until, period: P3Y}
`

// handWritten is each rule's computation as an engineer would write it, with the same
// conditions as the rule (so it returns the same counts): $1 is the rule's cut-off time
// where it has one.
func handWritten(now time.Time) map[string]struct {
	sql  string
	args []any
} {
	ages := []string{}
	for cc, age := range map[string]int{"DE": 16, "FR": 15, "NL": 16, "PL": 16, "GB": 13, "ES": 14, "IT": 14} {
		ages = append(ages, fmt.Sprintf("WHEN '%s' THEN DATE '%s'", cc, now.AddDate(-age, 0, 0).Format("2006-01-02")))
	}
	latest := `NOT EXISTS (SELECT 1 FROM consents n WHERE n.contact_id = k.contact_id AND n.purpose = k.purpose AND n.captured_at > k.captured_at)`
	type q = struct {
		sql  string
		args []any
	}
	return map[string]q{
		"CNS-01": {`SELECT COUNT(*), COUNT(DISTINCT c.id), NULL FROM contacts c WHERE c.marketing_opt_in = 1 AND c.is_deleted = 0
			AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.contact_id = c.id AND k.purpose = 'email_marketing' AND k.status = 'granted')`, nil},
		"CNS-02": {`SELECT COUNT(*), COUNT(DISTINCT contact_id), MIN(captured_at) FROM consents WHERE status = 'granted'
			AND (contact_id IS NULL OR captured_at IS NULL OR capture_method IS NULL OR capture_method = ''
			OR capture_source IS NULL OR capture_source = '' OR notice_version IS NULL OR notice_version = ''
			OR capture_method IN ('import', 'unknown'))`, nil},
		"CNS-03": {`SELECT COUNT(*), COUNT(DISTINCT k.contact_id), MIN(COALESCE(k.withdrawn_at, k.captured_at)) FROM consents k
			WHERE k.purpose = 'email_marketing' AND (k.status = 'withdrawn' OR k.withdrawn_at IS NOT NULL) AND ` + latest + `
			AND EXISTS (SELECT 1 FROM contacts c WHERE c.id = k.contact_id AND c.marketing_opt_in = 1 AND c.is_deleted = 0)`, nil},
		"CNS-04": {`SELECT COUNT(*), COUNT(DISTINCT k.contact_id), MIN(k.captured_at) FROM consents k
			WHERE k.status = 'granted' AND k.captured_at < $1 AND ` + latest, []any{now.AddDate(0, -24, 0)}},
		"CNS-05": {`SELECT COUNT(*), COUNT(DISTINCT contact_id), MIN(captured_at) FROM consents WHERE status = 'granted'
			AND (purpose IS NULL OR purpose = '' OR purpose IN ('all', 'any', '*', 'general', 'everything'))`, nil},
		"CNS-06": {`SELECT COUNT(*), COUNT(DISTINCT k.contact_id), MIN(k.captured_at) FROM consents k
			LEFT JOIN (SELECT date_trunc('second', captured_at) AS s FROM consents WHERE status = 'granted' GROUP BY 1 HAVING COUNT(*) > 10) b
			ON b.s = date_trunc('second', k.captured_at)
			WHERE k.status = 'granted' AND (k.capture_method IN ('import', 'default', 'pre_ticked') OR b.s IS NOT NULL)`, nil},
		"CNS-07": {`SELECT COUNT(*), COUNT(DISTINCT c.id), MIN(c.birth_date) FROM contacts c WHERE c.is_deleted = 0
			AND c.birth_date > CASE c.country ` + joinSpace(ages) + ` ELSE $1 END
			AND (c.lawful_basis = 'consent' OR EXISTS (SELECT 1 FROM consents k WHERE k.contact_id = c.id AND k.status = 'granted'))`,
			[]any{now.AddDate(-16, 0, 0)}},
		"RET-01": {`SELECT COUNT(*), COUNT(DISTINCT id), MIN(COALESCE(last_inbound_at, created_at)) FROM contacts
			WHERE lawful_basis <> 'contract' AND is_deleted = 0 AND COALESCE(last_inbound_at, created_at) < $1`, []any{now.AddDate(-3, 0, 0)}},
		"RET-02": {`SELECT COUNT(*), COUNT(DISTINCT id), MIN(customer_until) FROM contacts
			WHERE customer_until IS NOT NULL AND is_deleted = 0 AND customer_until < $1`, []any{now.AddDate(-3, 0, 0)}},
		"RET-04": {`SELECT COUNT(*), COUNT(DISTINCT id), MIN(deleted_at) FROM contacts
			WHERE is_deleted = 1 AND deleted_at < $1 AND (email IS NOT NULL OR first_name IS NOT NULL OR last_name IS NOT NULL
			OR birth_date IS NOT NULL OR country IS NOT NULL)`, []any{now.AddDate(0, 0, -30)}},
	}
}

func joinSpace(s []string) string {
	out := ""
	for _, x := range s {
		out += " " + x
	}
	return out
}

func BenchmarkRulesPostgres(b *testing.B) {
	env := os.Getenv("GDPRSCAN_BENCH_ROWS")
	if env == "" {
		b.Skip("set GDPRSCAN_BENCH_ROWS (1 for 10,000,000 contacts) or run make bench-rules")
	}
	rows, err := strconv.ParseInt(env, 10, 64)
	if err != nil || rows < 1 {
		b.Fatalf("GDPRSCAN_BENCH_ROWS must be a positive number, got %q", env)
	}
	if rows == 1 {
		rows = 10_000_000
	}
	ctx := context.Background()
	dsn := testdb.Postgres(b)
	db, err := sql.Open("pgx", dsn)
	require.NoError(b, err)
	defer db.Close()
	now := time.Now().UTC().Truncate(time.Second)
	start := time.Now()
	for _, stmt := range strings.Split(benchSchema, ";\n") {
		if stmt = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(stmt), ";")); stmt == "" {
			continue
		}
		var args []any
		if strings.Contains(stmt, "$2") {
			args = []any{now, rows}
		}
		_, err = db.ExecContext(ctx, stmt, args...)
		require.NoError(b, err, stmt)
	}
	b.Logf("built %d contacts and their consents in %v", rows, time.Since(start).Round(time.Second))

	cfg, err := config.Load([]byte(benchConfig), "bench.yaml")
	require.NoError(b, err)
	cfg.Sources[0].DSN = config.Secret(dsn)
	src, err := postgres.Open(ctx, dsn, scanner.Options{Name: "bench", StatementTimeout: 30 * time.Minute})
	require.NoError(b, err)
	defer src.Close()

	direct := handWritten(now)
	for _, id := range []string{"CNS-01", "CNS-02", "CNS-03", "CNS-04", "CNS-05", "CNS-06", "CNS-07", "RET-01", "RET-02", "RET-04"} {
		b.Run(id, func(b *testing.B) {
			set, err := rules.Default().Select([]string{id}, nil)
			require.NoError(b, err)
			sc, err := scanner.New(categories, set, scanner.WithClock(func() time.Time { return now }))
			require.NoError(b, err)
			hw := direct[id]
			var warm int64
			var skip1, skip2 any
			require.NoError(b, db.QueryRowContext(ctx, hw.sql, hw.args...).Scan(&warm, &skip1, &skip2)) // warm the cache, untimed
			b.ResetTimer()
			var viaScanner, viaSQL time.Duration
			var records int64
			for i := 0; i < b.N; i++ {
				// Alternate which goes first so neither always finds a warmer cache.
				runScan := func() {
					t0 := time.Now()
					res, err := sc.Scan(ctx, scanner.Target{Name: "bench", Kind: "postgres", Source: src, Settings: &cfg.Sources[0], Config: cfg})
					viaScanner += time.Since(t0)
					require.NoError(b, err)
					require.Empty(b, res.Summary.TablesFailed)
					require.Len(b, res.Findings, 1, "%s: %+v", id, res.NotEvaluated)
					records = res.Findings[0].RecordsAffected
				}
				var n, subjects int64
				var oldest any
				runSQL := func() {
					t0 := time.Now()
					require.NoError(b, db.QueryRowContext(ctx, hw.sql, hw.args...).Scan(&n, &subjects, &oldest))
					viaSQL += time.Since(t0)
				}
				if i%2 == 0 {
					runSQL()
					runScan()
				} else {
					runScan()
					runSQL()
				}
				require.Equal(b, n, records, "%s: the hand-written query counts what the rule counts", id)
			}
			b.ReportMetric(float64(viaScanner.Milliseconds())/float64(b.N), "scanner-ms/op")
			b.ReportMetric(float64(viaSQL.Milliseconds())/float64(b.N), "direct-ms/op")
			b.ReportMetric(float64(viaScanner)/float64(viaSQL), "ratio")
			b.ReportMetric(float64(records), "records")
		})
	}
}

package scannertest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
)

// HostileHarness is what an engine test hands to RunHostile.
type HostileHarness struct {
	Dialect dialect.Dialect
	// Admin is a writable connection; the fixtures go into Schema through it.
	Admin *sql.DB
	// Schema is where the fixtures are created and where the source must find them:
	// a hostile PostgreSQL schema (RunHostile creates it), the hostile MySQL database the
	// DSN names (the engine test creates it), or SQLite's "main".
	Schema string
	// Open opens the read-only source under test; it should register closing with t.Cleanup.
	Open func(t *testing.T, opts scanner.Options) scanner.Source
}

// hostileRows is how many rows each hostile table gets: enough for the classifier to
// decide on the planted columns.
const hostileRows = 30

// hostileTable is one fixture table; each column's value(i) is the SQL expression of
// row i (i from 1), or "NULL".
type hostileTable struct {
	name string
	cols []hostileCol
}

type hostileCol struct {
	name, typ string
	value     func(i int) string
}

// Planted personal values: the e-mails and IBANs the scan must find, and must never
// write out unmasked.
func plantedEmail(i int) string { return fmt.Sprintf("hostile.subject%02d@example.org", i) }

// plantedIBAN is a German IBAN with valid check digits.
func plantedIBAN(i int) string {
	bban := fmt.Sprintf("370400440532%06d", 13000+i)
	// Check digits: the BBAN, then DE (13 14) and 00, as a number mod 97.
	n, _ := new(big.Int).SetString(bban+"131400", 10)
	check := 98 - new(big.Int).Mod(n, big.NewInt(97)).Int64()
	return fmt.Sprintf("DE%02d%s", check, bban)
}

// maxIdent is a name at the engine's identifier limit: 63 bytes on PostgreSQL, 64
// characters on MySQL and MariaDB; SQLite has none, so a long one.
func maxIdent(d dialect.Dialect, prefix string) string {
	name := prefix + "_maximal_ü"
	switch d {
	case dialect.Postgres:
		return name + strings.Repeat("x", 63-len(name))
	case dialect.MySQL:
		return name + strings.Repeat("x", 64-utf8.RuneCountInString(name))
	default:
		return name + strings.Repeat("x", 300-len(name))
	}
}

// hostileTables are the fixtures: quotes of every engine, spaces, dots, semicolons,
// comment markers, unicode, reserved words, formula-like names, maximal lengths, names
// differing only by case (where the engine tells them apart) and exotic types.
func hostileTables(d dialect.Dialect, schema string, caseTables bool) []hostileTable {
	text := "VARCHAR(100)"
	lit := func(format string) func(int) string {
		return func(i int) string { return d.String(fmt.Sprintf(format, i)) }
	}
	emoji := "emoji 😀"
	if d == dialect.MySQL { // MySQL identifiers are utf8mb3: nothing beyond the BMP
		emoji = "bmp ☃ ü"
	}
	odd := []hostileCol{
		{`say "hi"`, text, lit("said %d")},
		{"it's", text, lit("its %d")},
		{"back`tick", text, lit("tick %d")},
		{"with space", text, lit("space %d")},
		{"dot.ted", text, lit("dot %d")},
		{"semi;colon", text, lit("semi %d")},
		{"dash--comment", text, lit("dash %d")},
		{"Kündér_客户", text, lit("kunde %d")},
		{emoji, text, lit("emoji %d")},
		{"=SUM(A1)", text, lit("formula %d")},
		{"+plus", text, lit("plus %d")},
		{maxIdent(d, "col"), text, lit("long %d")},
	}
	reserved := []hostileCol{
		{"select", text, lit("s%d")}, {"order", "INTEGER", func(i int) string { return fmt.Sprint(i) }},
		{"user", text, lit("u%d")}, {"group", text, lit("g%d")}, {"from", text, lit("f%d")},
	}
	tables := []hostileTable{
		{`cust"omer's list`, append([]hostileCol{{`e"mail; --`, "VARCHAR(200)", func(i int) string { return d.String(plantedEmail(i)) }}}, odd...)},
		{"back`tick; DROP TABLE x; --", append([]hostileCol{{"i`ban.no", "VARCHAR(40)", func(i int) string { return d.String(plantedIBAN(i)) }}}, reserved...)},
		{"Kündér_客户 " + emoji, odd[:6]},
		{"select", reserved},
		{"order", reserved[:2]},
		{"user", reserved[2:]},
		{"group", reserved[1:4]},
		{"=HYPERLINK(\"x\")", odd[6:]},
		{"+cmd", odd[9:11]},
		{"schema.table.name", odd[3:5]},
		{maxIdent(d, "tbl"), odd[11:]},
		exoticTable(d, schema),
	}
	if caseTables {
		tables = append(tables, hostileTable{"Clients", odd[:2]}, hostileTable{"clients", odd[2:4]})
	}
	if d == dialect.Postgres { // only PostgreSQL tells columns apart by case
		tables = append(tables, hostileTable{"Case", []hostileCol{{"Email", text, lit("E%d")}, {"email", text, lit("e%d")}, {"EMAIL", text, lit("EE%d")}}})
	}
	return tables
}

// exoticTable has a column of every type the engine has that a CRM might use.
func exoticTable(d dialect.Dialect, schema string) hostileTable {
	c := func(name, typ, value string) hostileCol {
		return hostileCol{name, typ, func(int) string { return value }}
	}
	var cols []hostileCol
	switch d {
	case dialect.Postgres:
		cols = []hostileCol{
			c("json", "JSON", `'{"k": [1, "two", null]}'`),
			c("jsonb", "JSONB", `'{"nested": {"a": true}}'`),
			c("ints", "INT[]", "'{1,2,3}'"),
			c("texts", "TEXT[]", `'{"a b","c,d","e\"f"}'`),
			c("raw", "BYTEA", `'\x00ff10'`),
			c("mood", d.Table(schema, `mood "type"`), "'happy'"),
			c("point", "POINT", "'(1.5,2)'"),
			c("polygon", "POLYGON", "'((0,0),(1,1),(1,0))'"),
			c("tsv", "TSVECTOR", "'a fat cat'"),
			c("uuid", "UUID", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'"),
			c("interval", "INTERVAL", "'1 day 02:03:04'"),
			c("money", "MONEY", "'12.34'"),
			c("xml", "XML", "'<a b=\"c\">d</a>'"),
			c("inet", "INET", "'10.1.2.3'"),
			c("numeric", "NUMERIC(40,10)", "123456789012345678901234567890.0123456789"),
			c("range", "INT4RANGE", "'[1,10)'"),
			c("timetz", "TIMETZ", "'04:05:06+02'"),
			c("infinity", "TIMESTAMP", "'infinity'"),
			c("wide", "TEXT", "repeat('x', 1048576)"),
		}
	case dialect.MySQL:
		cols = []hostileCol{
			c("json", "JSON", `'{"k": [1, "two", null]}'`),
			c("blob", "BLOB", "X'00ff10'"),
			c("longblob", "LONGBLOB", "REPEAT(X'00', 100000)"),
			c("enum", "ENUM('happy','sad')", "'happy'"),
			c("set", "SET('a','b','c')", "'a,c'"),
			c("geometry", "GEOMETRY", "ST_GeomFromText('POINT(1 2)')"),
			c("point", "POINT", "POINT(1.5, 2)"),
			c("bit", "BIT(8)", "b'10100101'"),
			c("year", "YEAR", "2024"),
			c("decimal", "DECIMAL(40,10)", "123456789012345678901234567890.0123456789"),
			c("zero_date", "DATE", "'1000-01-01'"),
			c("wide", "LONGTEXT", "REPEAT('x', 1048576)"),
		}
	default:
		// SQLite is dynamically typed: any column may hold any type, whatever it declares.
		rows := func(vals ...string) func(int) string { return func(i int) string { return vals[(i-1)%len(vals)] } }
		cols = []hostileCol{
			c("blob", "BLOB", "X'00ff10'"),
			{"untyped", "", rows("1", "'text é'", "X'00ff'")},
			{"mixed int", "INTEGER", rows("'not a number'", "2.5", "X'ff00'")},
			{"bad date", "DATETIME", rows("'yesterday'", "'2024-02-30 25:61:00'", "42")},
			{"text blob", "TEXT", rows("X'c328'", "X'00'", "'ok'")}, // invalid UTF-8 in a text column
			c("wide", "TEXT", "replace(hex(zeroblob(524288)), '0', 'x')"),
		}
	}
	return hostileTable{name: "exotic types", cols: cols}
}

// RunHostile creates the hostile catalogue and runs a full scan over it with the real
// classifier and the default rules. No table may fail, every table and column must be in
// the inventory under its exact name, the planted e-mails and IBANs must be found, and
// none of them may appear unmasked in the serialised result.
func RunHostile(t *testing.T, h HostileHarness) {
	t.Helper()
	d := h.Dialect
	caseTables := d == dialect.Postgres
	if d == dialect.MySQL {
		var lower int
		require.NoError(t, h.Admin.QueryRow("SELECT @@lower_case_table_names").Scan(&lower))
		caseTables = lower == 0
	}
	if d == dialect.Postgres {
		_, err := h.Admin.Exec("CREATE SCHEMA " + d.Ident(h.Schema))
		require.NoError(t, err)
		_, err = h.Admin.Exec("CREATE TYPE " + d.Table(h.Schema, `mood "type"`) + " AS ENUM ('happy', 'sad')")
		require.NoError(t, err)
	}
	tables := hostileTables(d, h.Schema, caseTables)
	want := map[string][]string{} // table -> columns, in order
	for _, tb := range tables {
		createHostile(t, h, tb)
		cols := []string{"id"}
		for _, c := range tb.cols {
			cols = append(cols, c.name)
		}
		want[tb.name] = cols
	}
	view := `view "of" cust's`
	_, err := h.Admin.Exec(fmt.Sprintf("CREATE VIEW %s AS SELECT %s, %s FROM %s", d.Table(h.Schema, view),
		d.Ident("id"), d.Ident(`e"mail; --`), d.Table(h.Schema, tables[0].name)))
	require.NoError(t, err)
	want[view] = []string{"id", `e"mail; --`}

	classifier, err := detect.New()
	require.NoError(t, err)
	sc, err := scanner.New(classifier, rules.Default())
	require.NoError(t, err)
	src := h.Open(t, scanner.Options{Name: "hostile", StatementTimeout: 30 * time.Second})
	res, err := sc.Scan(context.Background(), scanner.Target{Name: "hostile", Kind: string(d), Source: src})
	require.NoError(t, err)

	require.Empty(t, res.Summary.TablesFailed, "no table may fail")
	require.Equal(t, len(want), res.Summary.TablesScanned)
	got := map[string][]string{}
	items := map[string]scanner.InventoryItem{} // "table\x00column"
	for _, it := range res.Inventory {
		require.Equal(t, h.Schema, it.Schema, "schema of %s", it.Table)
		got[it.Table] = append(got[it.Table], it.Column)
		items[it.Table+"\x00"+it.Column] = it
	}
	require.Equal(t, want, got, "every table and column under its exact name")

	found := func(table, column string, cat detect.Category) {
		it := items[table+"\x00"+column]
		require.True(t, it.Personal, "%s.%s: %+v", table, column, it)
		require.Equal(t, cat, it.Category, "%s.%s", table, column)
		require.NotEmpty(t, it.MaskedExamples, "%s.%s", table, column)
		t.Logf("%s.%s: %s, masked examples %q", table, column, it.Category, it.MaskedExamples)
	}
	found(tables[0].name, `e"mail; --`, detect.Email)
	found(view, `e"mail; --`, detect.Email)
	found(tables[1].name, "i`ban.no", detect.IBANBankAccount)

	out, err := json.Marshal(res)
	require.NoError(t, err)
	for i := 1; i <= hostileRows; i++ {
		for _, raw := range []string{plantedEmail(i), plantedIBAN(i)} {
			require.NotContains(t, string(out), raw, "a raw planted value in the result")
		}
	}
	t.Logf("%d tables scanned, %d columns, %d findings, %d rules not evaluated",
		res.Summary.TablesScanned, len(res.Inventory), len(res.Findings), len(res.NotEvaluated))
}

func createHostile(t *testing.T, h HostileHarness, tb hostileTable) {
	t.Helper()
	d := h.Dialect
	defs := []string{d.Ident("id") + " INTEGER PRIMARY KEY"}
	names := []string{d.Ident("id")}
	for _, c := range tb.cols {
		defs = append(defs, strings.TrimSpace(d.Ident(c.name)+" "+c.typ))
		names = append(names, d.Ident(c.name))
	}
	table := d.Table(h.Schema, tb.name)
	stmts := []string{fmt.Sprintf("CREATE TABLE %s (%s)", table, strings.Join(defs, ", "))}
	for i := 1; i <= hostileRows; i++ {
		vals := []string{fmt.Sprint(i)}
		for _, c := range tb.cols {
			v := c.value(i)
			if tb.name == "exotic types" && i > 3 {
				v = "NULL" // three rows of 1 MB are plenty
			}
			vals = append(vals, v)
		}
		stmts = append(stmts, fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", table, strings.Join(names, ", "), strings.Join(vals, ", ")))
	}
	for _, s := range stmts {
		_, err := h.Admin.Exec(s)
		require.NoError(t, err, "%.300s", s)
	}
}

// RunManyTables creates n small tables in one schema and scans them all with the real
// classifier and the default rules; none may fail. It returns how long the scan took.
func RunManyTables(t *testing.T, h HostileHarness, n int) time.Duration {
	t.Helper()
	began := time.Now()
	createMany(t, h, n)
	t.Logf("created %d tables in %v", n, time.Since(began).Round(time.Millisecond))
	classifier, err := detect.New()
	require.NoError(t, err)
	sc, err := scanner.New(classifier, rules.Default())
	require.NoError(t, err)
	src := h.Open(t, scanner.Options{Name: "many", StatementTimeout: 30 * time.Second})
	start := time.Now()
	res, err := sc.Scan(context.Background(), scanner.Target{Name: "many", Kind: string(h.Dialect), Source: src})
	took := time.Since(start)
	require.NoError(t, err)
	require.Empty(t, res.Summary.TablesFailed)
	require.Equal(t, n, res.Summary.TablesScanned)
	tables := map[string]bool{}
	for _, it := range res.Inventory {
		tables[it.Schema+"."+it.Table] = true
	}
	require.Len(t, tables, n)
	t.Logf("%d tables scanned in %v", res.Summary.TablesScanned, took.Round(time.Millisecond))
	return took
}

// createMany creates n tables of two rows each in h.Schema.
func createMany(t *testing.T, h HostileHarness, n int) {
	t.Helper()
	d := h.Dialect
	if d == dialect.Postgres { // one statement on the server: 4,000 round trips take 13 s
		_, err := h.Admin.Exec(fmt.Sprintf(`DO $$ BEGIN FOR i IN 0..%d LOOP
			EXECUTE format('CREATE TABLE %%I.%%I (id INTEGER PRIMARY KEY, label VARCHAR(40))', %s, 'tbl_' || lpad(i::text, 4, '0'));
			EXECUTE format('INSERT INTO %%I.%%I VALUES (1, %%L), (2, %%L)', %s, 'tbl_' || lpad(i::text, 4, '0'), 'label ' || i, 'other');
			END LOOP; END $$`, n-1, d.String(h.Schema), d.String(h.Schema)))
		require.NoError(t, err)
		return
	}
	tx, err := h.Admin.Begin()
	require.NoError(t, err)
	defer tx.Rollback() //nolint:errcheck // committed below
	for i := range n {
		table := d.Table(h.Schema, fmt.Sprintf("tbl_%04d", i))
		for _, s := range []string{
			fmt.Sprintf("CREATE TABLE %s (%s INTEGER PRIMARY KEY, %s VARCHAR(40))", table, d.Ident("id"), d.Ident("label")),
			fmt.Sprintf("INSERT INTO %s VALUES (1, %s), (2, %s)", table, d.String(fmt.Sprintf("label %d", i)), d.String("other")),
		} {
			_, err := tx.Exec(s)
			require.NoError(t, err, s)
		}
	}
	require.NoError(t, tx.Commit())
}

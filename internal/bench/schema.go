// Package bench generates large CRM databases, deterministically and fast, and measures
// a full gdprscan scan of them phase by phase (see docs/benchmarks.md). It backs
// `make bench` and cmd/gdprscan-bench; nothing in the product imports it.
package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"time"
)

// Scale is the size of a generated CRM.
type Scale struct {
	Name   string
	Tables int
	Rows   int64 // in all tables together
	// Even spreads the rows evenly; otherwise a few tables hold most of them (Zipf-like,
	// as in real CRMs: activities and audit logs dwarf the settings tables).
	Even bool
}

// Scales are the named sizes of issue 12.
var Scales = map[string]Scale{
	"S": {Name: "S", Tables: 100, Rows: 1_000_000},
	"M": {Name: "M", Tables: 1000, Rows: 10_000_000},
	"L": {Name: "L", Tables: 2000, Rows: 100_000_000},
}

// column is one column of a table kind: its type per engine and how its values are made.
type column struct {
	name, pg, my string
	gen          func(g *gen) any
	indexed      bool // foreign keys are indexed, as CRMs do
}

// kind is a kind of CRM table; the generated schema cycles through them.
type kind struct {
	name string
	cols []column
}

// gen makes one row's values; row counts from 1 and is the primary key.
type gen struct {
	r        *rand.Rand
	row      int64
	contacts int64 // rows of the first contacts table, for foreign keys
	base     time.Time
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }
func (g *gen) day(yearsBack int) time.Time {
	return g.base.AddDate(0, 0, -g.r.IntN(365*yearsBack+1))
}
func (g *gen) at(yearsBack int) time.Time {
	return g.day(yearsBack).Add(time.Duration(g.r.IntN(86400)) * time.Second)
}
func (g *gen) contact() any { return 1 + g.r.Int64N(max(g.contacts, 1)) }

var (
	firstNames = []string{"Anna", "Peter", "Marie", "Lukas", "Jean", "Giulia", "Piotr", "Sofia", "Lars", "Ingrid", "María", "João", "Emma", "Noah", "Chloé", "Mateusz"}
	lastNames  = []string{"Schmidt", "Dupont", "García", "Rossi", "Nowak", "de Vries", "Silva", "Andersson", "Jensen", "Müller", "Martin", "Kowalski", "Bianchi", "Larsen"}
	cities     = []string{"Berlin", "Paris", "Madrid", "Roma", "Warszawa", "Amsterdam", "Lisboa", "Stockholm", "København", "Wien", "Bruxelles", "Oslo"}
	streets    = []string{"Hauptstraße", "Rue de la Paix", "Calle Mayor", "Via Roma", "ul. Długa", "Kerkstraat", "Rua Augusta", "Storgatan"}
	countries  = []string{"DE", "FR", "ES", "IT", "PL", "NL", "PT", "SE", "DK", "AT", "BE", "NO"}
	domains    = []string{"example.com", "example.org", "mail.example", "post.example"}
	purposes   = []string{"email_marketing", "profiling", "newsletter", "sms_marketing"}
	statuses   = []string{"open", "pending", "closed", "won", "lost"}
	actTypes   = []string{"email", "call", "meeting", "web_visit", "note"}
	words      = []string{"invoice", "delivery", "renewal", "question", "complaint", "upgrade", "meeting", "offer", "contract", "support"}
)

func (g *gen) email() string {
	return firstNames[g.row%int64(len(firstNames))] + "." + strconv.FormatInt(g.row, 10) + "@" + g.pick(domains)
}

func (g *gen) phone() string {
	return "+49 171 " + strconv.Itoa(1000000+g.r.IntN(9000000))
}

// iban makes a valid German IBAN: its check digits are computed, so validators accept it.
func (g *gen) iban() string {
	bban := fmt.Sprintf("%08d%010d", 37040044+g.r.IntN(1000), g.r.Int64N(10_000_000_000))
	// mod 97 of BBAN + "DE00" (D=13, E=14)
	rem := 0
	for _, c := range bban + "131400" {
		rem = (rem*10 + int(c-'0')) % 97
	}
	return fmt.Sprintf("DE%02d%s", 98-rem, bban)
}

func (g *gen) text(n int) string {
	b := make([]byte, 0, n*10)
	for i := range n {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, g.pick(words)...)
	}
	return string(b)
}

var (
	idCol = column{name: "id", pg: "bigint PRIMARY KEY", my: "BIGINT PRIMARY KEY", gen: func(g *gen) any { return g.row }}
	fkCol = func(name string) column {
		return column{name, "bigint", "BIGINT", func(g *gen) any { return g.contact() }, true}
	}
	textCol = func(name string, f func(g *gen) string) column {
		return column{name: name, pg: "text", my: "VARCHAR(255)", gen: func(g *gen) any { return f(g) }}
	}
	tsCol = func(name string, years int) column {
		return column{name: name, pg: "timestamp", my: "DATETIME", gen: func(g *gen) any { return g.at(years) }}
	}
)

// kinds are modelled on what open-source CRMs (CiviCRM, SuiteCRM, Odoo, Dolibarr) keep.
var kinds = []kind{
	{"contacts", []column{idCol,
		textCol("first_name", func(g *gen) string { return g.pick(firstNames) }),
		textCol("last_name", func(g *gen) string { return g.pick(lastNames) }),
		textCol("email", (*gen).email),
		textCol("phone", (*gen).phone),
		{name: "birth_date", pg: "date", my: "DATE", gen: func(g *gen) any { return g.day(80).AddDate(-18, 0, 0) }},
		textCol("street", func(g *gen) string { return g.pick(streets) + " " + strconv.Itoa(1+g.r.IntN(200)) }),
		textCol("city", func(g *gen) string { return g.pick(cities) }),
		textCol("postcode", func(g *gen) string { return fmt.Sprintf("%05d", g.r.IntN(100000)) }),
		textCol("country_code", func(g *gen) string { return g.pick(countries) }),
		textCol("iban", (*gen).iban),
		textCol("lawful_basis", func(g *gen) string { return []string{"consent", "contract", "legitimate_interest"}[g.r.IntN(3)] }),
		{name: "marketing_opt_in", pg: "integer", my: "INT", gen: func(g *gen) any { return g.r.IntN(2) }},
		{name: "is_deleted", pg: "integer", my: "INT", gen: func(g *gen) any { return b2i(g.r.IntN(50) == 0) }},
		{name: "deleted_at", pg: "timestamp", my: "DATETIME", gen: func(g *gen) any { return nil }},
		tsCol("created_at", 8),
	}},
	{"activities", []column{idCol, fkCol("contact_id"),
		textCol("activity_type", func(g *gen) string { return g.pick(actTypes) }),
		textCol("subject", func(g *gen) string { return g.text(3) }),
		tsCol("occurred_at", 5),
		textCol("ip_address", func(g *gen) string { return fmt.Sprintf("10.%d.%d.%d", g.r.IntN(256), g.r.IntN(256), 1+g.r.IntN(254)) }),
	}},
	{"orders", []column{idCol, fkCol("contact_id"),
		textCol("order_no", func(g *gen) string { return "SO" + strconv.FormatInt(100000+g.row, 10) }),
		{name: "amount", pg: "numeric(12,2)", my: "DECIMAL(12,2)", gen: func(g *gen) any { return strconv.FormatFloat(float64(g.r.IntN(100000))/100, 'f', 2, 64) }},
		textCol("currency", func(g *gen) string { return "EUR" }),
		tsCol("ordered_at", 6),
	}},
	{"consent_records", []column{idCol, fkCol("contact_id"),
		textCol("purpose", func(g *gen) string { return g.pick(purposes) }),
		textCol("status", func(g *gen) string { return []string{"granted", "granted", "granted", "withdrawn"}[g.r.IntN(4)] }),
		textCol("channel", func(g *gen) string { return []string{"web", "email", "phone", "import"}[g.r.IntN(4)] }),
		tsCol("captured_at", 4),
	}},
	{"leads", []column{idCol,
		textCol("full_name", func(g *gen) string { return g.pick(firstNames) + " " + g.pick(lastNames) }),
		textCol("email", (*gen).email),
		textCol("company", func(g *gen) string { return g.pick(lastNames) + " GmbH" }),
		textCol("status", func(g *gen) string { return g.pick(statuses) }),
		tsCol("created_at", 5),
	}},
	{"users", []column{idCol,
		textCol("username", func(g *gen) string { return "user" + strconv.FormatInt(g.row, 10) }),
		textCol("email", (*gen).email),
		textCol("password_hash", func(g *gen) string { return fmt.Sprintf("$2b$12$%053d", g.r.Int64()) }),
		textCol("last_login_ip", func(g *gen) string { return fmt.Sprintf("192.0.2.%d", 1+g.r.IntN(254)) }),
		tsCol("last_login_at", 2),
	}},
	{"products", []column{idCol,
		textCol("sku", func(g *gen) string { return fmt.Sprintf("SKU-%06d", g.row) }),
		textCol("name", func(g *gen) string { return g.text(2) }),
		{name: "price", pg: "numeric(10,2)", my: "DECIMAL(10,2)", gen: func(g *gen) any { return strconv.FormatFloat(float64(g.r.IntN(50000))/100, 'f', 2, 64) }},
		{name: "stock", pg: "integer", my: "INT", gen: func(g *gen) any { return g.r.IntN(1000) }},
	}},
	{"tickets", []column{idCol, fkCol("contact_id"),
		textCol("title", func(g *gen) string { return g.text(4) }),
		{name: "body", pg: "text", my: "TEXT", gen: func(g *gen) any { return g.text(20) }},
		textCol("status", func(g *gen) string { return g.pick(statuses) }),
		tsCol("created_at", 4),
	}},
	{"invoices", []column{idCol, fkCol("contact_id"),
		textCol("invoice_no", func(g *gen) string { return "INV-" + strconv.FormatInt(g.row, 10) }),
		{name: "total", pg: "numeric(12,2)", my: "DECIMAL(12,2)", gen: func(g *gen) any { return strconv.FormatFloat(float64(g.r.IntN(200000))/100, 'f', 2, 64) }},
		textCol("billing_iban", (*gen).iban),
		{name: "issued_at", pg: "date", my: "DATE", gen: func(g *gen) any { return g.day(6) }},
	}},
	{"audit_log", []column{idCol,
		{name: "user_id", pg: "bigint", my: "BIGINT", gen: func(g *gen) any { return 1 + g.r.Int64N(500) }},
		textCol("action", func(g *gen) string { return []string{"login", "update", "export", "delete"}[g.r.IntN(4)] }),
		textCol("remote_addr", func(g *gen) string { return fmt.Sprintf("198.51.100.%d", 1+g.r.IntN(254)) }),
		tsCol("logged_at", 2),
	}},
	{"settings", []column{idCol,
		textCol("setting_key", func(g *gen) string { return "key." + strconv.FormatInt(g.row, 10) }),
		textCol("setting_value", func(g *gen) string { return strconv.Itoa(g.r.IntN(1000)) }),
	}},
	{"companies", []column{idCol,
		textCol("name", func(g *gen) string {
			return g.pick(lastNames) + " " + []string{"GmbH", "SA", "BV", "AB", "S.p.A."}[g.r.IntN(5)]
		}),
		textCol("vat_id", func(g *gen) string { return g.pick(countries) + fmt.Sprintf("%09d", g.r.IntN(1_000_000_000)) }),
		textCol("website", func(g *gen) string { return "https://" + g.pick(domains) }),
		textCol("city", func(g *gen) string { return g.pick(cities) }),
	}},
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// table is one generated table.
type table struct {
	name string
	kind *kind
	rows int64
}

// plan lays out the tables of a scale: kinds in turn (the first of each kind keeps the
// plain name, later ones get a suffix), rows by rank.
func plan(s Scale) []table {
	weights := make([]float64, s.Tables)
	var sum float64
	for i := range weights {
		weights[i] = 1
		if !s.Even {
			weights[i] = 1 / math.Pow(float64(i+1), 0.9)
		}
		sum += weights[i]
	}
	out := make([]table, s.Tables)
	var given int64
	for i := range out {
		k := &kinds[i%len(kinds)]
		name := k.name
		if i >= len(kinds) {
			name = fmt.Sprintf("%s_%04d", k.name, i/len(kinds))
		}
		rows := int64(float64(s.Rows) * weights[i] / sum)
		out[i] = table{name: name, kind: k, rows: max(rows, 1)}
		given += out[i].rows
	}
	out[0].rows += max(s.Rows-given, 0) // rounding: the contacts table takes the rest
	return out
}

// seed of the generator: the same scale always gives the same database.
const seed = 0x67647072

func newGen(tableIndex int, contacts int64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, uint64(tableIndex))), contacts: contacts,
		base: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
}

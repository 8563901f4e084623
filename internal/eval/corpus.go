// Package eval measures how well the column classifier of rules/detect finds personal
// data. It generates, deterministically from a seed, a labelled corpus of CRM-like
// schemas (several vendors' naming styles, nine languages, values of many countries,
// decoys that look personal but are not), feeds every column to the classifier the way
// the scanner does, and reports precision, recall, F1 and category agreement per schema
// and overall.
//
// The corpus is written from knowledge of how real CRMs are built, never from the
// detectors' vocabularies: the labels are what a careful DPO would say under the GDPR.
// Ground truth per column is a category id of docs/rule-catalogue.md §6 or "none"; a column is
// personal exactly when its category is not "none".
package eval

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// DefaultSeed is the seed `make eval` uses.
const DefaultSeed uint64 = 20250630

// DefaultRows is the number of rows generated for a table, and so the sample size.
const DefaultRows = 200

// None is the ground-truth category of a column that holds no personal data.
const None = "none"

// Categories are the category ids of docs/rule-catalogue.md §6.
var Categories = []string{
	"email", "phone", "person_name", "postal_address", "postal_code", "city", "country", "date_of_birth",
	"age", "gender", "username", "national_id", "passport", "tax_id", "payment_card", "card_security_code",
	"iban_bank_account", "salary_financial", "employment", "ip_address", "device_id", "geo_location",
	"password_or_secret", "photo_or_biometric", "free_text_may_contain_pii", "health", "religion_or_belief",
	"ethnicity", "political", "sexual_orientation", "trade_union", "genetic", "criminal",
}

// Corpus is the labelled corpus.
type Corpus struct {
	Seed    uint64
	Schemas []Schema
}

// Schema is one database schema in one naming style.
type Schema struct {
	Name   string // e.g. "crm_de"
	Style  string // one line: vendor, language, engine
	Engine string // postgres, mysql or sqlite: how types are spelt and values rendered
	Tables []Table
}

// Table is one table with its sampled columns.
type Table struct {
	Name    string
	Sampled int // rows sampled
	Columns []Column
}

// Column is one labelled column, with what the scanner would hand to the classifier.
type Column struct {
	Schema       string
	Table        string
	Name         string
	DataType     string   // as the engine's catalogue reports it
	TableColumns []string // all column names of the table
	Values       []string // sampled non-null values rendered as text
	Sampled      int      // rows sampled (Values may be fewer: NULLs are dropped)

	Personal bool   // ground truth
	Category string // ground truth: a docs/rule-catalogue.md §6 category id or "none"
}

// ID is "schema.table.column".
func (c Column) ID() string { return c.Schema + "." + c.Table + "." + c.Name }

// Columns returns every column of the corpus in order.
func (c Corpus) Columns() []Column {
	var out []Column
	for _, s := range c.Schemas {
		for _, t := range s.Tables {
			out = append(out, t.Columns...)
		}
	}
	return out
}

// Stats counts schemas, tables, columns and personal columns.
type Stats struct {
	Schemas, Tables, Columns, Personal, Values int
}

// Stats summarises the corpus.
func (c Corpus) Stats() Stats {
	var st Stats
	st.Schemas = len(c.Schemas)
	for _, s := range c.Schemas {
		st.Tables += len(s.Tables)
		for _, t := range s.Tables {
			for _, col := range t.Columns {
				st.Columns++
				st.Values += len(col.Values)
				if col.Personal {
					st.Personal++
				}
			}
		}
	}
	return st
}

// Digest is a SHA-256 over every label and value of the corpus, in order: two corpora
// with the same digest are the same corpus.
func (c Corpus) Digest() string {
	h := sha256.New()
	for _, col := range c.Columns() {
		fmt.Fprintf(h, "%s\x1f%s\x1f%s\x1f%t\x1f%d\x1e", col.ID(), col.DataType, col.Category, col.Personal, col.Sampled)
		for _, v := range col.Values {
			h.Write([]byte(v))
			h.Write([]byte{0})
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Generate builds the corpus from a seed. The same seed always gives the same corpus.
func Generate(seed uint64) Corpus {
	c := Corpus{Seed: seed}
	for _, def := range schemaDefs {
		g := newGen(seed, def.name)
		s := Schema{Name: def.name, Style: def.style, Engine: def.engine}
		for _, td := range def.tables(g) {
			s.Tables = append(s.Tables, td.build(g, def.name))
		}
		c.Schemas = append(c.Schemas, s)
	}
	return c
}

// ---- the table builder ----

type schemaDef struct {
	name, style, engine string
	tables              func(g *gen) []tableDef
}

type tableDef struct {
	name   string
	rows   int
	people mix // countries of the people the rows are about
	cols   []colDef
}

type colDef struct {
	name, typ, cat string
	null           float64 // probability that a row's value is NULL
	val            func(r *row) string
}

// row is the generation context of one row.
type row struct {
	g    *gen
	p    *person
	i    int
	org  *org // the row's organisation, for tables about companies
	memo map[string]string
}

// once returns the row's memoised value of key, computing it the first time; columns of
// one row that must agree (a kind flag and the name it governs) share it.
func (r *row) once(key string, f func() string) string {
	if v, ok := r.memo[key]; ok {
		return v
	}
	v := f()
	r.memo[key] = v
	return v
}

func col(name, typ, cat string, val func(r *row) string) colDef {
	return colDef{name: name, typ: typ, cat: cat, val: val}
}

// sparse makes a share of the column's values NULL.
func (c colDef) sparse(nullShare float64) colDef { c.null = nullShare; return c }

func (td tableDef) build(g *gen, schema string) Table {
	rows := td.rows
	if rows == 0 {
		rows = DefaultRows
	}
	people := td.people
	if len(people.codes) == 0 {
		people = mixOf("US", 1)
	}
	names := make([]string, len(td.cols))
	for i, c := range td.cols {
		names[i] = c.name
	}
	cols := make([]Column, len(td.cols))
	for i, c := range td.cols {
		if c.cat != None && !knownCategory(c.cat) {
			panic(fmt.Sprintf("eval: %s.%s.%s: unknown category %q", schema, td.name, c.name, c.cat))
		}
		cols[i] = Column{
			Schema: schema, Table: td.name, Name: c.name, DataType: c.typ, TableColumns: names,
			Sampled: rows, Personal: c.cat != None, Category: c.cat, Values: []string{},
		}
	}
	for i := range rows {
		r := &row{g: g, p: newPerson(g, people.pick(g)), i: i, memo: map[string]string{}}
		for j, c := range td.cols {
			if c.null > 0 && g.chance(c.null) {
				continue
			}
			if v := c.val(r); v != "" {
				cols[j].Values = append(cols[j].Values, v)
			}
		}
	}
	return Table{Name: td.name, Sampled: rows, Columns: cols}
}

func knownCategory(c string) bool {
	for _, k := range Categories {
		if k == c {
			return true
		}
	}
	return false
}

// ---- small value makers shared by the schemas ----

func seq(start int) func(r *row) string {
	return func(r *row) string { return strconv.Itoa(start + r.i*3 + r.g.intn(3)) }
}

func intRange(lo, hi int) func(r *row) string {
	return func(r *row) string { return strconv.Itoa(r.g.between(lo, hi)) }
}

func oneOf(vs ...string) func(r *row) string {
	return func(r *row) string { return pick(r.g, vs) }
}

func constant(v string) func(r *row) string { return func(*row) string { return v } }

func uuidV(r *row) string { return r.g.uuid() }

func upperUUID(r *row) string {
	u := r.g.uuid()
	out := make([]byte, len(u))
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c >= 'a' && c <= 'f' {
			c -= 32
		}
		out[i] = c
	}
	return string(out)
}

func tsV(r *row) string   { return tsText(r.g.recent()) }
func dateV(r *row) string { return dateText(r.g.recent()) }

// tf renders a boolean as PostgreSQL casts it to text, bit as MySQL and SQLite store it.
func tf(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

func bit(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func pgBool(p float64) func(r *row) string { return func(r *row) string { return tf(r.g.chance(p)) } }
func myBool(p float64) func(r *row) string { return func(r *row) string { return bit(r.g.chance(p)) } }

func moneyV(lo, hi float64) func(r *row) string {
	return func(r *row) string { return money(r.g, lo, hi) }
}

// Person-derived value makers.

func firstV(r *row) string    { return r.p.first }
func lastV(r *row) string     { return r.p.last }
func fullV(r *row) string     { return r.p.full() }
func emailV(r *row) string    { return r.p.email }
func lineV(r *row) string     { return r.p.line }
func postcodeV(r *row) string { return r.p.postcode }
func cityV(r *row) string     { return r.p.city }
func regionV(r *row) string   { return r.p.region }
func natIDV(r *row) string    { return r.p.nationalID() }
func userV(r *row) string     { return r.p.username }
func dobV(r *row) string      { return r.p.dob(fmtDate) }
func countryEN(r *row) string { return r.p.countryEN() }
func countryISO(r *row) string {
	return r.p.code
}

func ibanV(style string) func(r *row) string {
	return func(r *row) string {
		code := r.p.code
		if _, ok := ibanLength[code]; !ok {
			code = "DE"
		}
		s := r.g.iban(code)
		if style == "grouped" {
			return synth.GroupIBAN(s)
		}
		return s
	}
}

func phoneV(mobile bool, style string) func(r *row) string {
	return func(r *row) string { return r.p.phone(mobile).format(style) }
}

// phoneMixV stores numbers the way a CRM fed by many hands does: mixed styles.
func phoneMixV(mobile bool, styles ...string) func(r *row) string {
	return func(r *row) string { return r.p.phone(mobile).format(pick(r.g, styles)) }
}

package scanner

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// Location is where a finding or a column is: source, database, schema, table, column.
type Location struct {
	Source   string `json:"source"`
	Database string `json:"database"`
	Schema   string `json:"schema"`
	Table    string `json:"table"`
	Column   string `json:"column"`
}

// String renders db.schema.table[.column].
func (l Location) String() string {
	s := l.Database + "." + l.Schema + "." + l.Table
	if l.Column != "" {
		s += "." + l.Column
	}
	return s
}

// InventoryItem is one scanned column, personal or not.
type InventoryItem struct {
	Source         string          `json:"source"`
	Database       string          `json:"database"`
	Schema         string          `json:"schema"`
	Table          string          `json:"table"`
	Column         string          `json:"column"`
	DataType       string          `json:"data_type"`
	IsView         bool            `json:"is_view"`
	RowEstimate    int64           `json:"row_estimate"`
	Personal       bool            `json:"personal"`
	Category       detect.Category `json:"category"`
	Confidence     float64         `json:"confidence"`
	Evidence       detect.Evidence `json:"evidence"`
	MaskedExamples []string        `json:"masked_examples"`
}

// Status of a finding in its lifecycle.
const (
	StatusNew        = "new"
	StatusOpen       = "open"
	StatusReopened   = "reopened" // resolved in an earlier run, found again
	StatusSuppressed = "suppressed"
)

// Finding is one rule violation at one location.
type Finding struct {
	Fingerprint      string            `json:"fingerprint"`
	RuleID           string            `json:"rule_id"`
	Title            string            `json:"title"`
	Family           rules.Family      `json:"family"`
	Articles         []string          `json:"articles"`
	FineTier         rules.FineTier    `json:"fine_tier"`
	Severity         rules.Severity    `json:"severity"`
	Likelihood       rules.Likelihood  `json:"likelihood"`
	RiskLevel        rules.RiskLevel   `json:"risk_level"`
	Principle        string            `json:"principle"`
	Location         Location          `json:"location"`
	RecordsAffected  int64             `json:"records_affected"`
	SubjectsAffected int64             `json:"subjects_affected"`
	Estimated        bool              `json:"estimated"`          // counts come from a bounded sample
	Oldest           string            `json:"oldest,omitempty"`   // earliest "since" date of the offending records
	SampleKeys       []string          `json:"sample_keys"`        // primary keys of offending rows, never values
	Evidence         map[string]string `json:"evidence,omitempty"` // counts, masked examples, detail
	ReproduceSQL     string            `json:"reproduce_sql"`
	Remediation      string            `json:"remediation"`
	Status           string            `json:"status"`
}

// Fingerprint identifies a finding across runs. Recipe (version 1):
//
//	"v1:" + hex(SHA-256(source | database | schema | table | column | rule_id | scope))
//
// with "|" as separator and every part as is; scope is the mapping scope of the check
// (a retention rule id, "plaintext") or empty. It holds no counts, values or times, so a
// finding keeps its fingerprint while its numbers change; a new recipe gets a new prefix.
func Fingerprint(loc Location, ruleID, scope string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{loc.Source, loc.Database, loc.Schema, loc.Table, loc.Column, ruleID, scope}, "|")))
	return "v1:" + hex.EncodeToString(h[:])
}

// NotEvaluated records a rule that could not run on a source because its mapping is missing.
type NotEvaluated struct {
	RuleID string `json:"rule_id"`
	Source string `json:"source"`
	Needs  string `json:"needs"`
}

// TableError records a table (or rule check) that failed; the scan went on without it.
type TableError struct {
	Table string `json:"table"`
	Error string `json:"error"`
}

// SourceSummary is the per-source part of a scan result.
type SourceSummary struct {
	Name          string       `json:"name"`
	Kind          string       `json:"kind"`
	TablesScanned int          `json:"tables_scanned"`
	TablesFailed  []TableError `json:"tables_failed"`
	Error         string       `json:"error,omitempty"` // set when the source could not be scanned at all
	DurationMS    int64        `json:"duration_ms"`
}

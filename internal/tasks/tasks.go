// Package tasks turns findings into remediation tasks — one per rule and table, not one
// per column — and writes new ones to a JSON-lines file that sinks and people can read.
package tasks

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

// Task is one remediation task. It names the table, the rows affected and a query that
// reproduces the finding; it never holds a value read from the data.
type Task struct {
	ID               string           `json:"id"`
	Status           string           `json:"status"`
	RuleID           string           `json:"rule_id"`
	Title            string           `json:"title"`
	Source           string           `json:"source"`
	Database         string           `json:"database"`
	Schema           string           `json:"schema"`
	Table            string           `json:"table"`
	Columns          []string         `json:"columns"`
	Severity         rules.Severity   `json:"severity"`
	Likelihood       rules.Likelihood `json:"likelihood"`
	RiskLevel        rules.RiskLevel  `json:"risk_level"`
	Articles         []string         `json:"articles"`
	RecordsAffected  int64            `json:"records_affected"`
	SubjectsAffected int64            `json:"subjects_affected"`
	ReproduceSQL     string           `json:"reproduce_sql"`
	Remediation      string           `json:"remediation"`
	Description      string           `json:"description"`
	Fingerprints     []string         `json:"fingerprints"`
	ScanID           string           `json:"scan_id"`
	CreatedAt        time.Time        `json:"created_at"`
}

// ID is stable across runs: "GDPR-" + the first 12 hex digits of
// SHA-256(source | database | schema | table | rule_id).
func ID(source, database, schema, table, ruleID string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{source, database, schema, table, ruleID}, "|")))
	return "GDPR-" + hex.EncodeToString(h[:6])
}

// FromFindings groups the findings that need work into tasks. Suppressed findings raise none.
func FromFindings(fs []scanner.Finding, scanID string, at time.Time) []Task {
	byID := map[string]*Task{}
	var order []string
	// Counts per task and column: scopes of one column (plaintext, weak-hash) are disjoint
	// and add up; different columns of one table may share rows, so the task takes the
	// largest column rather than a sum that could count rows twice.
	type counts struct{ records, subjects int64 }
	perColumn := map[string]map[string]*counts{}
	for _, f := range fs {
		if f.Status == scanner.StatusSuppressed {
			continue
		}
		l := f.Location
		id := ID(l.Source, l.Database, l.Schema, l.Table, f.RuleID)
		t, ok := byID[id]
		if !ok {
			t = &Task{
				ID: id, Status: "open", RuleID: f.RuleID, Title: fmt.Sprintf("[%s] %s in %s.%s", f.RuleID, f.Title, l.Schema, l.Table),
				Source: l.Source, Database: l.Database, Schema: l.Schema, Table: l.Table, Columns: []string{},
				Severity: f.Severity, Likelihood: f.Likelihood, RiskLevel: f.RiskLevel, Articles: f.Articles,
				ReproduceSQL: f.ReproduceSQL, Remediation: f.Remediation, ScanID: scanID, CreatedAt: at.UTC(),
			}
			byID[id] = t
			order = append(order, id)
		}
		if l.Column != "" && !slices.Contains(t.Columns, l.Column) {
			t.Columns = append(t.Columns, l.Column)
		}
		if f.Severity > t.Severity {
			t.Severity = f.Severity
		}
		if f.Likelihood > t.Likelihood {
			t.Likelihood = f.Likelihood
		}
		if f.RiskLevel > t.RiskLevel {
			t.RiskLevel = f.RiskLevel
			t.ReproduceSQL = f.ReproduceSQL
		}
		if perColumn[id] == nil {
			perColumn[id] = map[string]*counts{}
		}
		c := perColumn[id][l.Column]
		if c == nil {
			c = &counts{}
			perColumn[id][l.Column] = c
		}
		c.records += f.RecordsAffected
		c.subjects += f.SubjectsAffected
		t.RecordsAffected = max(t.RecordsAffected, c.records)
		t.SubjectsAffected = max(t.SubjectsAffected, c.subjects)
		t.Fingerprints = append(t.Fingerprints, f.Fingerprint)
	}
	out := make([]Task, 0, len(order))
	for _, id := range order {
		t := byID[id]
		sort.Strings(t.Fingerprints)
		t.Description = describe(*t)
		out = append(out, *t)
	}
	return out
}

func describe(t Task) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s.%s.%s", t.Title, t.Database, t.Schema, t.Table)
	if len(t.Columns) > 0 {
		fmt.Fprintf(&b, " (columns: %s)", strings.Join(t.Columns, ", "))
	}
	fmt.Fprintf(&b, "\n\nRisk: %s (severity %d, likelihood %d); %s.\n", t.RiskLevel, t.Severity, t.Likelihood, strings.Join(t.Articles, ", "))
	fmt.Fprintf(&b, "Records affected: %d; data subjects affected: %d.\n\n", t.RecordsAffected, t.SubjectsAffected)
	fmt.Fprintf(&b, "What to do: %s\n\nReproduce (lists the keys of the offending rows):\n\n%s\n", t.Remediation, t.ReproduceSQL)
	return b.String()
}

// Append writes tasks to a JSON-lines file, one object per line, creating it if needed.
func Append(path string, ts []Task) error {
	if len(ts) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("tasks: %w", err)
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("tasks: %w", err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	for _, t := range ts {
		if err := enc.Encode(t); err != nil {
			f.Close()
			return fmt.Errorf("tasks %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("tasks %s: %w", path, err)
	}
	return f.Close()
}

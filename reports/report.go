// Package reports writes scan results: the DPIA workbook (xlsx) and the JSON report.
package reports

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/scanner"
)

// SchemaVersion is the version of the JSON contract. Bump it on any breaking change.
const SchemaVersion = 1

// Report is the envelope every format writes.
type Report struct {
	SchemaVersion  int                     `json:"schema_version"`
	ScanID         string                  `json:"scan_id"`
	StartedAt      time.Time               `json:"started_at"`
	FinishedAt     time.Time               `json:"finished_at"`
	Tool           Tool                    `json:"tool"`
	RulesetVersion string                  `json:"ruleset_version"`
	Organisation   Organisation            `json:"organisation"`
	Sources        []scanner.SourceSummary `json:"sources"`
	Inventory      []scanner.InventoryItem `json:"inventory"`
	Findings       []scanner.Finding       `json:"findings"`
	NotEvaluated   []scanner.NotEvaluated  `json:"not_evaluated"`
	// Rules is the catalogue the scan ran with, for the workbook's methodology part.
	Rules []RuleInfo `json:"-"`
	// DPIA is the workbook-only context: configuration declarations, comparison with
	// earlier runs, tickets and the DPO's previous entries (see DPIAContext).
	DPIA DPIAContext `json:"-"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Organisation is the controller the report is for (from the config).
type Organisation struct {
	Controller string `json:"controller"`
	DPO        string `json:"dpo"`
	Scope      string `json:"scope"`
}

// RuleInfo is one catalogue entry as the workbook lists it.
type RuleInfo struct {
	ID, Title, Family, Articles, FineTier string
	Severity, Likelihood                  int
	Remediation                           string
	Version                               int // the rule's logic version; 0 when unknown
}

// Reporter writes a report in one format.
type Reporter interface {
	Write(ctx context.Context, w io.Writer, r Report) error
	// Ext is the file extension, without the dot.
	Ext() string
}

// ForFormat returns the reporter for a format name.
func ForFormat(name string) (Reporter, error) {
	switch strings.ToLower(name) {
	case "json":
		return JSONReporter{}, nil
	case "xlsx":
		return XLSXReporter{}, nil
	}
	return nil, fmt.Errorf("%w %q (valid: %s)", ErrUnknownFormat, name, strings.Join(Formats(), ", "))
}

// Formats lists the valid format names, sorted.
func Formats() []string {
	f := []string{"json", "xlsx"}
	sort.Strings(f)
	return f
}

// Sort orders findings by risk (highest first), then severity, then location and rule,
// and the inventory by location, so reports are stable from run to run.
func (r *Report) Sort() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.RiskLevel != b.RiskLevel {
			return a.RiskLevel > b.RiskLevel
		}
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if la, lb := locKey(a.Location), locKey(b.Location); la != lb {
			return la < lb
		}
		return a.RuleID < b.RuleID
	})
	sort.SliceStable(r.Inventory, func(i, j int) bool {
		a, b := r.Inventory[i], r.Inventory[j]
		return locKey(scanner.Location{Source: a.Source, Database: a.Database, Schema: a.Schema, Table: a.Table}) <
			locKey(scanner.Location{Source: b.Source, Database: b.Database, Schema: b.Schema, Table: b.Table})
	})
}

func locKey(l scanner.Location) string {
	return strings.Join([]string{l.Source, l.Database, l.Schema, l.Table, l.Column}, "\x00")
}

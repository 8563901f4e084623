package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// DPO statuses of a finding (the "DPO status" drop-down of the Findings sheet). The
// values are part of the workbook contract: they are what a DPO picks and what
// ReadAnnotations returns.
const (
	DPOStatusNew           = "new"
	DPOStatusOpen          = "open"
	DPOStatusInProgress    = "in progress"
	DPOStatusFixed         = "fixed"
	DPOStatusAccepted      = "accepted"       // the DPO accepts the risk
	DPOStatusFalsePositive = "false positive" // the DPO says the finding is wrong
)

// FindingStatuses lists the DPO statuses of a finding in drop-down order.
func FindingStatuses() []string { return slices.Clone(findingStatuses) }

// Annotations are the DPO's entries in a DPIA workbook, keyed by the stable ids the
// workbook carries, so that they can be carried into the next scan's workbook (and, for
// findings, used as suppressions). Read them with ReadAnnotations.
//
// Stable ids: a finding's fingerprint; a measure's id ("M-" + rule id); a risk's id
// ("R-" + rule id); a screening criterion's id ("WP248-1" … "WP248-9", "ART35-3a" …);
// a necessity question's id ("NP-01" …); a sign-off item's id ("SO-01" …); a
// processing activity's id; a retention rule's source and id; a data-inventory column's
// source, database, schema, table and column.
type Annotations struct {
	// Path is the workbook read.
	Path string
	// ScanID, Scope and FindingsHash are the workbook's document properties
	// (gdprscan_scan_id, gdprscan_scope, gdprscan_findings_hash); empty when absent.
	ScanID, Scope, FindingsHash string
	// Findings are the DPO's entries on the Findings sheet, by fingerprint. Only
	// findings with at least one DPO cell filled are present; retired rows are included
	// with Retired set.
	Findings map[string]FindingAnnotation
	// Tables holds the DPO cells of every tabular sheet (Findings included) as read:
	// sheet name → row id → entry. A composite row id joins its parts with "\x1f".
	Tables map[string]map[string]Entry
	// Fields holds the DPO cells of the Summary sheet outside any table, by label
	// ("DPO conclusion", "DPIA status").
	Fields map[string]string

	records map[string]int64 // Findings "Records" of every row, for the trend column
}

// FindingAnnotation is what the DPO recorded about one finding.
type FindingAnnotation struct {
	Fingerprint string
	// Status is one of the DPOStatus* values, or "" when the DPO set none.
	Status string
	Owner  string
	// DueDate is zero when not set.
	DueDate time.Time
	// SeverityOverride and LikelihoodOverride are 1–4, or 0 when not overridden.
	SeverityOverride, LikelihoodOverride int
	// Reason justifies the overrides and the status.
	Reason string
	// Retired is set when the entry was in the previous workbook's retired block: its
	// finding was not in that scan.
	Retired bool
}

// Suppresses reports whether the DPO's status silences the finding: accepted or
// false positive.
func (a FindingAnnotation) Suppresses() bool {
	return a.Status == DPOStatusAccepted || a.Status == DPOStatusFalsePositive
}

// Entry is one row's DPO cells as read from a workbook.
type Entry struct {
	// Values maps a DPO column title to the cell's value. Dates are Excel serial
	// numbers as text (see excelize.ExcelDateToTime); other cells are their text.
	Values map[string]string
	// Context keeps a few automatic cells of the row (e.g. rule id, title, target),
	// shown again when the entry is retired.
	Context map[string]string
	Retired bool
}

// tableSpecs are the tabular sheets whose DPO cells are read back.
func tableSpecs() []*sheetSpec {
	return []*sheetSpec{
		&descriptionSpec, &screeningSpec, &processingSpec, &inventorySpec, &consentSpec, &retentionSpec, &rightsSpec,
		&findingSpec, &registerSpec, &measureSpec, &necessitySpec, &signOffSpec,
	}
}

// summaryFields are the labelled DPO cells of Summary (label in column A, value in B).
var summaryFields = []string{fieldConclusion, fieldStatus}

const (
	fieldConclusion = "DPO conclusion"
	fieldStatus     = "DPIA status"
)

// ReadAnnotations reads the DPO's entries from a DPIA workbook written by gdprscan (and
// edited by a DPO in Excel or LibreOffice). Sheets are matched by name and columns by
// header title, so reordered columns still read. A file that is not such a workbook
// gives ErrNotWorkbook.
func ReadAnnotations(path string) (Annotations, error) {
	x, err := openXLSX(path)
	if err != nil {
		return Annotations{}, fmt.Errorf("read workbook %s: %w", path, err)
	}
	defer x.Close()
	a := Annotations{
		Path: path, Findings: map[string]FindingAnnotation{}, Tables: map[string]map[string]Entry{},
		Fields: map[string]string{}, records: map[string]int64{},
	}
	props := x.customProps()
	a.ScanID, a.Scope, a.FindingsHash = props[propScanID], props[propScope], props[propHash]
	if !slices.Contains(x.order, sheetFindings) || !slices.Contains(x.order, sheetSummary) {
		return Annotations{}, fmt.Errorf("%w: %s has no %s or %s sheet", ErrNotWorkbook, path, sheetSummary, sheetFindings)
	}
	for _, spec := range tableSpecs() {
		if !slices.Contains(x.order, spec.name) {
			continue // an older layout without this sheet
		}
		entries, err := a.readTable(x, spec)
		if err != nil {
			return Annotations{}, fmt.Errorf("read workbook %s: sheet %s: %w", path, spec.name, err)
		}
		if len(entries) > 0 {
			a.Tables[spec.name] = entries
		}
	}
	for fp, e := range a.Tables[sheetFindings] {
		a.Findings[fp] = findingAnnotation(fp, e)
	}
	if err := a.readFields(x); err != nil {
		return Annotations{}, fmt.Errorf("read workbook %s: %w", path, err)
	}
	return a, nil
}

// readTable reads one tabular sheet: the header row names the columns, rows below it
// are entries when a DPO cell holds something other than a prefilled default.
func (a *Annotations) readTable(x *xlsxReader, spec *sheetSpec) (map[string]Entry, error) {
	out := map[string]Entry{}
	var idx map[string]int // title → 0-based column
	var dpo []column
	retired := false
	err := x.rows(spec.name, func(r int, cells []string) error {
		get := func(title string) string {
			if i, ok := idx[title]; ok && i < len(cells) {
				return strings.TrimSpace(cells[i])
			}
			return ""
		}
		switch {
		case r < headerRow:
			return nil
		case r == headerRow:
			idx = map[string]int{}
			for i, t := range cells {
				t = strings.TrimSpace(t)
				if cur, ok := spec.aliases[t]; ok {
					t = cur
				}
				if _, dup := idx[t]; !dup {
					idx[t] = i
				}
			}
			for _, k := range spec.key {
				if _, ok := idx[k]; !ok {
					return fmt.Errorf("no %q column in the header row", k)
				}
			}
			for _, c := range spec.cols {
				if c.kind == kindDPO {
					dpo = append(dpo, c)
				}
			}
			return nil
		case idx == nil:
			return fmt.Errorf("no header row")
		}
		if len(cells) > 0 && strings.HasPrefix(strings.TrimSpace(cells[0]), "Retired") {
			retired = true
			return nil
		}
		parts := make([]string, len(spec.key))
		found := false
		for i, k := range spec.key {
			parts[i] = get(k)
			found = found || parts[i] != ""
		}
		if !found {
			return nil
		}
		key := strings.Join(parts, keySep)
		if spec == &findingSpec && !retired {
			if n, err := strconv.ParseInt(get(colRecords), 10, 64); err == nil {
				a.records[key] = n
			}
		}
		e := Entry{Retired: retired}
		for _, c := range dpo {
			v := get(c.title)
			if v == "" || slices.Contains(spec.defaults[c.title], v) || strings.HasPrefix(v, strings.TrimSpace(suggestionMark)) {
				continue
			}
			if e.Values == nil {
				e.Values = map[string]string{}
			}
			e.Values[c.title] = v
		}
		if e.Values == nil {
			return nil
		}
		for _, t := range spec.context {
			if v := get(t); v != "" {
				if e.Context == nil {
					e.Context = map[string]string{}
				}
				e.Context[t] = v
			}
		}
		out[key] = e
		return nil
	})
	return out, err
}

// readFields reads Summary's labelled DPO cells.
func (a *Annotations) readFields(x *xlsxReader) error {
	return x.rows(sheetSummary, func(_ int, r []string) error {
		if len(r) < 2 {
			return nil
		}
		label := strings.TrimSpace(r[0])
		if !slices.Contains(summaryFields, label) {
			return nil
		}
		v := strings.TrimSpace(r[1])
		if v == "" || (label == fieldStatus && v == dpiaStatuses[0]) {
			return nil // empty, or the prefilled "draft"
		}
		a.Fields[label] = v
		return nil
	})
}

func findingAnnotation(fp string, e Entry) FindingAnnotation {
	v := e.Values
	fa := FindingAnnotation{
		Fingerprint: fp, Status: strings.ToLower(v[colDPOStatus]), Owner: v[colOwner], Reason: v[colReason],
		SeverityOverride: scaleValue(v[colSevOverride]), LikelihoodOverride: scaleValue(v[colLikOverride]),
		Retired: e.Retired,
	}
	fa.DueDate, _ = parseDate(v[colDueDate])
	return fa
}

// scaleValue reads 1–4 (as typed or picked); anything else is 0.
func scaleValue(s string) int {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f != float64(int(f)) || f < 1 || f > 4 {
		return 0
	}
	return int(f)
}

// parseDate reads an Excel serial date, or an ISO date typed as text.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f > 0 {
		t, err := excelize.ExcelDateToTime(f, false)
		return t, err == nil
	}
	for _, layout := range []string{"2006-01-02", time.RFC3339, "02/01/2006", "2.1.2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// typedValue turns a carried value back into a cell value: a date for date cells, a
// number for 1–4 scale drop-downs, text otherwise.
func typedValue(v string, isDate bool, choices []string) any {
	if isDate {
		if t, ok := parseDate(v); ok {
			return t
		}
		return v
	}
	if slices.Equal(choices, scaleChoices) {
		if n := scaleValue(v); n > 0 {
			return n
		}
	}
	return v
}

// annotated returns a's entries for a sheet, never nil.
func (a *Annotations) table(sheet string) map[string]Entry {
	if a == nil {
		return nil
	}
	return a.Tables[sheet]
}

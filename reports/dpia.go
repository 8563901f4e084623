package reports

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/gdprscan/gdprscan/rules"
)

// This file derives the workbook's aggregate views from a Report. It knows nothing of
// excelize, so the numbers can be checked without opening a workbook.

// riskLevels lists the levels in report order, highest first.
var riskLevels = []rules.RiskLevel{rules.RiskCritical, rules.RiskHigh, rules.RiskMedium, rules.RiskLow}

// measure is one remediation measure: one per rule that has findings, so its id
// ("M-" + rule id) is stable from one scan to the next and DPO edits can be carried over.
type measure struct {
	ID           string
	RuleID       string
	Title        string
	Type         string // technical or organisational
	Fingerprints []string
	Remediation  string
	SQLHint      string
}

// measureID is the stable id of the measure for a rule.
func measureID(ruleID string) string { return "M-" + ruleID }

// measureType is a default the DPO can overrule in the workbook: fixes to how data is
// stored or kept are technical, fixes to records, notices and decisions are organisational.
func measureType(f rules.Family) string {
	switch f {
	case rules.Security, rules.Retention, rules.Erasure, rules.Minimisation:
		return "technical"
	}
	return "organisational"
}

// measures groups findings (already sorted, riskiest first) by rule, in order of first
// appearance, so the measures that matter most come first.
func measures(r Report) []measure {
	info := make(map[string]RuleInfo, len(r.Rules))
	for _, ri := range r.Rules {
		info[ri.ID] = ri
	}
	var out []measure
	idx := map[string]int{}
	for _, f := range r.Findings {
		i, ok := idx[f.RuleID]
		if !ok {
			m := measure{
				ID:          measureID(f.RuleID),
				RuleID:      f.RuleID,
				Title:       f.Title,
				Type:        measureType(f.Family),
				Remediation: f.Remediation,
				SQLHint:     f.ReproduceSQL,
			}
			if ri, ok := info[f.RuleID]; ok {
				if ri.Title != "" {
					m.Title = ri.Title
				}
				if m.Remediation == "" {
					m.Remediation = ri.Remediation
				}
			}
			i = len(out)
			idx[f.RuleID] = i
			out = append(out, m)
		}
		out[i].Fingerprints = append(out[i].Fingerprints, f.Fingerprint)
	}
	return out
}

// shortFingerprint keeps the recipe prefix and 12 hex digits: enough to find a finding
// by eye, short enough to list many in one cell.
func shortFingerprint(fp string) string {
	const keep = len("v1:") + 12
	if len(fp) > keep {
		return fp[:keep]
	}
	return fp
}

// stats are the Summary sheet's numbers.
type stats struct {
	ByRisk            map[rules.RiskLevel]int
	ByFamily          map[rules.Family]int
	Families          []rules.Family // rules.Families plus any unknown family found, in report order
	Records, Subjects int64
	AnyEstimated      bool
	PersonalColumns   int
	// PersonalViewColumns are the personal columns of views, included in
	// PersonalColumns; the sheets that count tables only leave them out.
	PersonalViewColumns int
	SpecialPresent      bool
	SpecialCategories   []string // distinct Art. 9 / Art. 10 categories seen in the inventory
	MaxSample           int
}

func computeStats(r Report) stats {
	s := stats{ByRisk: map[rules.RiskLevel]int{}, ByFamily: map[rules.Family]int{}}
	s.Families = slices.Clone(rules.Families)
	for _, f := range r.Findings {
		s.ByRisk[f.RiskLevel]++
		if !slices.Contains(s.Families, f.Family) {
			s.Families = append(s.Families, f.Family) // a family added after this code
		}
		s.ByFamily[f.Family]++
		s.Records += f.RecordsAffected
		s.Subjects += f.SubjectsAffected
		s.AnyEstimated = s.AnyEstimated || f.Estimated
		if f.Family == rules.SpecialCategories {
			s.SpecialPresent = true
		}
	}
	seen := map[string]bool{}
	for _, it := range r.Inventory {
		if it.Evidence.Sampled > s.MaxSample {
			s.MaxSample = it.Evidence.Sampled
		}
		if !it.Personal {
			continue
		}
		s.PersonalColumns++
		if it.IsView {
			s.PersonalViewColumns++
		}
		if (it.Category.Special() || it.Category.CriminalData()) && !seen[string(it.Category)] {
			seen[string(it.Category)] = true
			s.SpecialPresent = true
			s.SpecialCategories = append(s.SpecialCategories, string(it.Category))
		}
	}
	return s
}

// truncate keeps a cell under Excel's 32,767-character limit with room for the marker.
func truncate(s string) string {
	const limit = 32000
	if len(s) <= limit {
		return s
	}
	cut := limit
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut-- // don't split a UTF-8 sequence
	}
	return s[:cut] + " …[truncated]"
}

// yesNo renders a flag the way a reader of the workbook expects.
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// joinTrunc joins strings and truncates the result to one cell.
func joinTrunc(s []string, sep string) string { return truncate(strings.Join(s, sep)) }

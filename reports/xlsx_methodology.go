package reports

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// knownLimits are stated in every workbook so nobody reads "no finding" as "compliant".
var knownLimits = []string{
	"Sampling: values are read from a bounded sample of rows per table; a rare value outside the sample is missed, and counts marked 'estimated' are extrapolated.",
	"Name heuristics: columns are also classified by their names in several languages; an unusual or misleading name can cause a miss or a false positive.",
	"Backups, replicas, exports and files are not visible to the scanner: only the live databases configured were read.",
	"Free text is checked for patterns and keywords only; personal data written in other ways can remain undetected.",
	"Compliance rules that need a mapping (processing activities, consent, retention) are not evaluated without it; see 'Rules not evaluated' on Summary.",
	"Severity, likelihood and risk level are defaults for triage; they are not a legal assessment and carry no fine estimate.",
}

// methodology writes the transparency appendix: scales, convention, rule catalogue,
// sampling and known limits (DOMAIN.md §5 sheet 14).
func (b *book) methodology() error {
	const s = sheetMethodology
	st, rep := b.st, b.r
	b.backLink(s, "Methodology and appendix")
	row := 1
	para := func(text string) {
		b.set(s, 1, row, text, st.autoWrap)
		b.do(func() error { return b.f.MergeCell(s, cell(1, row), cell(8, row)) })
		row++
	}
	section := func(title string) {
		row++
		b.set(s, 1, row, title, st.section)
		row++
	}

	section("Purpose")
	para("This workbook is the scanner's evidence for a data protection impact assessment (GDPR Art. 35(7)): the data it found (Data inventory), " +
		"what it judged non-compliant (Findings), the resulting risks (Risk matrix) and the measures to take (Measures). " +
		"It holds no raw personal data: examples are masked when they are read.")

	section("Cell kinds")
	for _, l := range legend {
		b.set(s, 1, row, l.kind.String(), b.headerStyle(l.kind))
		b.set(s, 2, row, l.text, 0)
		row++
	}

	section("Fine tiers (Art. 83)")
	para("83(4): up to €10m or 2% of worldwide annual turnover (e.g. Art. 8, 25, 28, 30, 32, 35). " +
		"83(5): up to €20m or 4% (principles and rights: Art. 5, 6, 7, 9, 12–22, transfers). " +
		"The tier tells which maximum applies; gdprscan never estimates an amount.")

	row = b.scaleLegend(s, 1, row+1)

	section("Rule catalogue")
	if rep.RulesetVersion != "" {
		b.set(s, 1, row, "Ruleset version", st.label)
		b.set(s, 2, row, rep.RulesetVersion, 0)
		row++
	}
	notEval := notEvaluatedBy(rep.NotEvaluated)
	titles := []string{"Rule id", "Title", "Family", "GDPR articles", "Fine tier", "Severity", "Likelihood", "Default risk", "Remediation", "Not evaluated on"}
	for i, t := range titles {
		b.set(s, 1+i, row, t, st.hdrAuto)
	}
	row++
	for _, ri := range rep.Rules {
		risk := ""
		if rules.Severity(ri.Severity).Valid() && rules.Likelihood(ri.Likelihood).Valid() {
			risk = rules.Risk(rules.Severity(ri.Severity), rules.Likelihood(ri.Likelihood)).String()
		}
		vals := []any{ri.ID, ri.Title, ri.Family, ri.Articles, ri.FineTier, ri.Severity, ri.Likelihood, risk, ri.Remediation, notEval[ri.ID]}
		for i, v := range vals {
			b.set(s, 1+i, row, v, 0)
		}
		row++
	}
	if len(rep.Rules) == 0 {
		b.set(s, 1, row, "The rule catalogue was not passed to the report writer.", st.subtitle)
		row++
	}

	section("Sampling")
	sample := "no table was sampled"
	if b.stats.MaxSample > 0 {
		sample = fmt.Sprintf("the largest sample in this scan was %d rows", b.stats.MaxSample)
	}
	para("Each table is read through a bounded sample (" + sample + "). A column's value ratio is the share of sampled non-null values that " +
		"validated for its category; its confidence combines name and value evidence, and columns at or above " +
		strconv.FormatFloat(detect.Threshold, 'f', -1, 64) + " are personal data. " +
		"Finding counts come from read-only queries; when a query is bounded, the finding is marked 'estimated'.")

	section("Known limits")
	for _, l := range knownLimits {
		para("• " + l)
	}

	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 16}, {"B", 36}, {"C", 16}, {"D", 40}, {"E", 40}, {"F", 10}, {"G", 10}, {"H", 12}, {"I", 48}, {"J", 36}} {
		b.do(func() error { return b.f.SetColWidth(s, w.col, w.col, w.width) })
	}
	b.do(func() error { return b.protect(s) })
	return b.err
}

// notEvaluatedBy renders, per rule id, the sources a rule could not run on and why.
func notEvaluatedBy(ne []scanner.NotEvaluated) map[string]string {
	by := map[string][]string{}
	for _, n := range ne {
		by[n.RuleID] = append(by[n.RuleID], n.Source+": needs "+n.Needs)
	}
	out := make(map[string]string, len(by))
	for id, v := range by {
		sort.Strings(v)
		out[id] = strings.Join(v, "; ")
	}
	return out
}

// docProps labels the file so a later import can match DPO edits to this scan.
func (b *book) docProps() error {
	rep := b.r
	creator := strings.TrimSpace(rep.Tool.Name + " " + rep.Tool.Version)
	if err := b.f.SetDocProps(&excelize.DocProperties{
		Title:       workbookTitle(rep.Organisation),
		Subject:     "GDPR data protection impact assessment (Art. 35) – scan evidence",
		Creator:     creator,
		Keywords:    "gdprscan; DPIA; GDPR; scan_id=" + rep.ScanID,
		Description: "Generated by " + creator + " from scan " + rep.ScanID + ".",
		Identifier:  rep.ScanID,
		Created:     fmtTime(rep.FinishedAt),
		Category:    "DPIA",
	}); err != nil {
		return err
	}
	for _, p := range []excelize.CustomProperty{
		{Name: "gdprscan_scan_id", Value: rep.ScanID},
		{Name: "gdprscan_schema_version", Value: int32(rep.SchemaVersion)},
		{Name: "gdprscan_ruleset_version", Value: rep.RulesetVersion},
	} {
		if err := b.f.SetCustomProps(p); err != nil {
			return fmt.Errorf("custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

package reports

import (
	"crypto/sha256"
	"encoding/hex"
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
// sampling and known limits (docs/rule-catalogue.md §5 sheet 14).
func (b *book) methodology() error {
	const s = sheetMethodology
	b.backLink(s, "Methodology and appendix")
	c := &cursor{b: b, s: s, row: 1}
	b.methodPurpose(c)
	b.methodRules(c)
	b.methodSampling(c)
	b.methodReference(c)
	b.methodChanges(c)

	for _, w := range []struct {
		col   string
		width float64
	}{{"A", 22}, {"B", 36}, {"C", 16}, {"D", 40}, {"E", 40}, {"F", 14}, {"G", 14}, {"H", 14}, {"I", 48}, {"J", 36}, {"K", 8}} {
		b.do(func() error { return b.f.SetColWidth(s, w.col, w.col, w.width) })
	}
	b.do(func() error { return b.fitToPage(s) })
	b.do(func() error { return b.printSetup(s, 200) })
	b.do(func() error { return b.protect(s) })
	return b.err
}

// para writes a paragraph merged across the sheet's width, its row sized to the text.
func (c *cursor) para(text string) {
	b, s := c.b, c.s
	b.set(s, 1, c.row, text, b.st.autoWrap)
	r := c.row
	b.do(func() error { return b.f.MergeCell(s, cell(1, r), cell(8, r)) })
	// Merged wrapped cells are never fitted automatically: size the row.
	if h := rowHeight([]column{{width: 170, format: fmtWrap}}, []any{text}, false); h > 0 {
		b.do(func() error { return b.f.SetRowHeight(s, r, h) })
	}
	c.row++
}

// methodPurpose writes what the workbook is, the cell kinds, the fine tiers and the
// scales.
func (b *book) methodPurpose(c *cursor) {
	c.section("Purpose")
	c.para("This workbook is the scanner's evidence for a data protection impact assessment (GDPR Art. 35(7)): whether one is needed (Screening), " +
		"the processing and the data it found (Processing inventory, Data inventory), lawful basis, retention and rights (the next three sheets), " +
		"what it judged non-compliant (Findings), the resulting risks (Risk register, Risk matrix), the measures to take (Measures), " +
		"necessity and proportionality, and the sign-off. It holds no raw personal data: examples are masked when they are read.")
	c.para("Your entries (yellow cells) are read back when the next scan writes its workbook — from the file given with --previous, or else from the " +
		"newest workbook of the scope in the output folder — and matched to rows by stable ids (finding id, measure id, risk id, criterion id, " +
		"question id, item id). An entry whose row is gone moves to the Retired block at the bottom of its sheet.")

	c.section("Cell kinds")
	for _, l := range legend {
		b.set(c.s, 1, c.row, l.kind.String(), b.headerStyle(l.kind))
		b.set(c.s, 2, c.row, l.text, 0)
		c.row++
	}

	c.section("Fine tiers (Art. 83)")
	c.para("83(4): up to €10m or 2% of worldwide annual turnover (e.g. Art. 8, 25, 28, 30, 32, 35). " +
		"83(5): up to €20m or 4% (principles and rights: Art. 5, 6, 7, 9, 12–22, transfers). " +
		"The tier tells which maximum applies; gdprscan never estimates an amount.")

	c.row = b.scaleLegend(c.s, c.row+1)
}

// methodRules writes the rule catalogue.
func (b *book) methodRules(c *cursor) {
	s, st, rep := c.s, b.st, b.r
	c.section("Rule catalogue")
	if rep.RulesetVersion != "" {
		b.set(s, 1, c.row, "Ruleset version", st.label)
		b.set(s, 2, c.row, rep.RulesetVersion, 0)
		c.row++
	}
	notEval := notEvaluatedBy(rep.NotEvaluated)
	titles := []string{"Rule id", "Title", "Family", "GDPR articles", "Fine tier", "Severity", "Likelihood", "Default risk", "Remediation", "Not evaluated on", "Version"}
	for i, t := range titles {
		b.set(s, 1+i, c.row, t, st.hdrAuto)
	}
	c.row++
	for _, ri := range rep.Rules {
		risk := ""
		if rules.Severity(ri.Severity).Valid() && rules.Likelihood(ri.Likelihood).Valid() {
			risk = rules.Risk(rules.Severity(ri.Severity), rules.Likelihood(ri.Likelihood)).String()
		}
		var version any
		if ri.Version > 0 {
			version = ri.Version
		}
		vals := []any{ri.ID, ri.Title, familyWords(rules.Family(ri.Family)), ri.Articles, ri.FineTier, ri.Severity, ri.Likelihood, risk, ri.Remediation, notEval[ri.ID], version}
		for i, v := range vals {
			b.set(s, 1+i, c.row, v, 0)
		}
		c.row++
	}
	if len(rep.Rules) == 0 {
		c.line("The rule catalogue was not passed to the report writer.", st.subtitle)
	}
}

// methodSampling writes how tables are sampled and the sources' scan settings.
func (b *book) methodSampling(c *cursor) {
	s, st, rep := c.s, b.st, b.r
	c.section("Sampling")
	sample := "no table was sampled"
	if b.stats.MaxSample > 0 {
		sample = fmt.Sprintf("the largest sample in this scan was %d rows", b.stats.MaxSample)
	}
	c.para("Each table is read through a bounded sample (" + sample + "). A column's value ratio is the share of sampled non-null values that " +
		"validated for its category; its confidence combines name and value evidence, and columns at or above " +
		strconv.FormatFloat(detect.Threshold, 'f', -1, 64) + " are personal data. " +
		"Finding counts come from read-only queries; when a query is bounded, the finding is marked 'estimated'.")

	c.section("Sources and scan settings")
	for i, t := range []string{"Source", "Engine", "Environment", "Sample size", "Schemas included", "Schemas excluded", "Tables included", "Tables excluded"} {
		b.set(s, 1+i, c.row, t, st.hdrConfig)
	}
	c.row++
	all := func(v []string) string {
		if len(v) == 0 {
			return "all"
		}
		return strings.Join(v, ", ")
	}
	none := func(v []string) string {
		if len(v) == 0 {
			return "none"
		}
		return strings.Join(v, ", ")
	}
	for _, ss := range rep.DPIA.Settings {
		for i, v := range []any{ss.Name, engineWords(ss.Kind), ss.Environment, ss.SampleSize, all(ss.IncludeSchemas), none(ss.ExcludeSchemas), all(ss.IncludeTables), none(ss.ExcludeTables)} {
			b.set(s, 1+i, c.row, v, st.config)
		}
		c.row++
	}
	if len(rep.DPIA.Settings) == 0 {
		c.line("No source settings were passed to the report writer.", st.subtitle)
	}
}

// methodReference writes the known limits, the category ids and the glossary.
func (b *book) methodReference(c *cursor) {
	c.section("Known limits")
	for _, l := range knownLimits {
		c.para("• " + l)
	}

	c.section("Personal-data categories")
	c.para("Category ids used in Data inventory (compare across scans and tools): " + strings.Join(categoryIDs, ", ") +
		". Special categories (Art. 9): health, religion_or_belief, ethnicity, political, sexual_orientation, trade_union, genetic. Criminal data (Art. 10): criminal. A column holding none of these is none.")

	c.section("Glossary")
	for _, g := range glossary {
		c.kv(g[0], g[1], 0)
	}
}

// methodChanges writes the change log versus the previous workbook.
func (b *book) methodChanges(c *cursor) {
	s, st, rep := c.s, b.st, b.r
	c.section("Change log versus the previous workbook")
	ch := rep.DPIA.Changes
	c.kv("Previous scan", cmp(ch.PreviousScanID, "none"), 0)
	c.kv("Previous workbook", cmp(rep.DPIA.PreviousFile, "none"), 0)
	c.kv("New findings", ch.New, 0)
	c.kv("Reopened findings", len(ch.Reopened), 0)
	c.kv("Resolved findings", len(ch.Resolved), 0)
	c.kv("DPO entries carried forward", b.carried, 0)
	c.kv("DPO entries retired", b.retired, 0)
	if len(ch.Resolved) == 0 {
		return
	}
	c.row++
	for i, t := range []string{"Resolved finding", "Rule id", "Title", "Target", "Risk level"} {
		b.set(s, 1+i, c.row, t, st.hdrAuto)
	}
	c.row++
	for _, rf := range ch.Resolved[:min(maxSummaryFailures, len(ch.Resolved))] {
		for i, v := range []any{shortFingerprint(rf.Fingerprint), rf.RuleID, rf.Title, rf.Location, rf.RiskLevel} {
			b.set(s, 1+i, c.row, v, 0)
		}
		c.row++
	}
	if len(ch.Resolved) > maxSummaryFailures {
		c.line(fmt.Sprintf("… %d more", len(ch.Resolved)-maxSummaryFailures), st.subtitle)
	}
}

// categoryIDs are the category ids of docs/rule-catalogue.md §6.
var categoryIDs = []string{
	"email", "phone", "person_name", "postal_address", "postal_code", "city", "country", "date_of_birth", "age", "gender",
	"username", "national_id", "passport", "tax_id", "payment_card", "card_security_code", "iban_bank_account",
	"salary_financial", "employment", "ip_address", "device_id", "geo_location", "password_or_secret",
	"photo_or_biometric", "free_text_may_contain_pii", "health", "religion_or_belief", "ethnicity", "political",
	"sexual_orientation", "trade_union", "genetic", "criminal",
}

var glossary = [][2]string{
	{"DPIA", "Data protection impact assessment (GDPR Art. 35)."},
	{"WP248", "Article 29 Working Party guidelines on DPIA (rev. 01), endorsed by the EDPB: nine criteria; two or more usually call for a DPIA."},
	{"Record of processing (RoPA)", "The Art. 30 record: processing activities, purposes, lawful bases, recipients, retention."},
	{"LIA", "Legitimate interests assessment: the balancing test behind Art. 6(1)(f)."},
	{"TOMs", "Technical and organisational measures (Art. 32)."},
	{"Feared event", "CNIL term for what may happen to the data: illegitimate access, unwanted modification, disappearance."},
	{"Inherent / residual risk", "The risk before measures, and the risk left once the measures are in place."},
	{"Finding id", "v1: + SHA-256 of source, database, schema, table, column, rule id and scope: stable from scan to scan."},
	{"Retired", "A DPO entry whose row is not in this scan; kept at the bottom of its sheet until you clear it."},
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

// Custom document properties. gdprscan_scan_id and gdprscan_findings_hash let a
// re-import tell which scan (and which set of findings) a DPO's workbook belongs to.
const (
	propScanID = "gdprscan_scan_id"
	propScope  = "gdprscan_scope"
	propHash   = "gdprscan_findings_hash"
	propLayout = "gdprscan_workbook_layout"
)

// workbookLayout is the version of the sheet layout; it changes when sheets or DPO
// columns are renamed or removed (ReadAnnotations keeps reading older layouts).
const workbookLayout = 2

// findingsHash is "sha256:" + hex SHA-256 of the sorted fingerprints, one per line:
// two workbooks with the same hash hold the same findings.
func findingsHash(fs []scanner.Finding) string {
	fps := make([]string, len(fs))
	for i, f := range fs {
		fps[i] = f.Fingerprint
	}
	sort.Strings(fps)
	h := sha256.New()
	for _, fp := range fps {
		h.Write([]byte(fp))
		h.Write([]byte{'\n'})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
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
		{Name: propScanID, Value: rep.ScanID},
		{Name: "gdprscan_schema_version", Value: int32(rep.SchemaVersion)},
		{Name: "gdprscan_ruleset_version", Value: rep.RulesetVersion},
		{Name: propScope, Value: rep.Organisation.Scope},
		{Name: propHash, Value: findingsHash(rep.Findings)},
		{Name: propLayout, Value: int32(workbookLayout)},
	} {
		if err := b.f.SetCustomProps(p); err != nil {
			return fmt.Errorf("custom property %s: %w", p.Name, err)
		}
	}
	return nil
}

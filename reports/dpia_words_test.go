package reports

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

func TestPlainWords(t *testing.T) {
	for in, want := range map[string]string{
		"P3Y": "3 years", "P13M": "13 months", "P1M": "1 month", "P30D": "30 days", "P1Y6M": "1 year 6 months",
		"P2W": "2 weeks", "": "", "three years": "three years", "P": "P",
	} {
		assert.Equal(t, want, periodWords(in), in)
	}
	for in, want := range map[string]string{
		"legitimate_interest": "Legitimate interest", "consent": "Consent", "legal_obligation": "Legal obligation",
		"explicit_consent": "Explicit consent", "some_custom_basis": "Some custom basis",
	} {
		assert.Equal(t, want, basisWords(in), in)
	}
	assert.Equal(t, "health data", categoryWords("health"))
	assert.Equal(t, "date of birth", categoryWords("date_of_birth"))
	assert.Equal(t, "loyalty tier", categoryWords("loyalty_tier"), "an unknown category still reads as words")
	assert.Equal(t, "Special categories", familyWords(rules.SpecialCategories))
	assert.Equal(t, "main.contacts", qualifiedTable("main", "main", "contacts"), "SQLite's schema is its database")
	assert.Equal(t, "crm.public.contacts", qualifiedTable("crm", "public", "contacts"))
	assert.Equal(t, "public.contacts", qualifiedTable("", "public", "contacts"))
	assert.Equal(t, "main.contacts.email", targetWords(scanner.Location{Database: "main", Schema: "main", Table: "contacts", Column: "email"}))
	assert.Equal(t, "rows unknown (view)", rowsWords(-1, true))
	assert.Equal(t, "rows unknown", rowsWords(-1, false))
	assert.Equal(t, "18,200 rows", rowsWords(18200, false))
	assert.Equal(t, time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC), dateValue("2019-04-01"))
	assert.Equal(t, time.Date(2019, 4, 1, 0, 0, 0, 0, time.UTC), dateValue("2019-04-01T10:11:12Z"))
	assert.Equal(t, "before 2019", dateValue("before 2019"))
	assert.Nil(t, dateValue(""))
	assert.Equal(t, "open longer than 1 month; period 3 years from created_at; PA-01", periodsInWords("open longer than P1M; period P3Y from created_at; PA-01"))
}

// Risk text follows the rule and the data: no health data with "unwanted marketing",
// children named where the rule is about them, and rules added later (or not yet
// written) still get their family's text rather than a generic one.
func TestRiskTextSpecific(t *testing.T) {
	cnil := []string{fearedAccess, fearedModification, fearedDisappear}
	seen := map[string]bool{}
	for _, c := range []struct {
		rule   string
		family rules.Family
		cats   []string
		want   []string // in sources, threats or impacts
		not    []string
	}{
		{"SPC-01", rules.SpecialCategories, []string{"health"}, []string{"Discrimination", "irreversible"}, []string{"marketing", "health or genetic data:"}},
		{"RET-01", rules.Retention, []string{"health"}, []string{"Health or genetic data"}, nil},
		{"SEC-01", rules.Security, []string{"payment_card"}, []string{"card fraud", "Fraudulent payments"}, nil},
		{"SEC-03", rules.Security, []string{"password_or_secret"}, []string{"credential stuffing", "take-over"}, nil},
		{"CNS-07", rules.Consent, []string{"date_of_birth"}, []string{"Children", "parent"}, nil},
		{"CNS-01", rules.Consent, []string{"email"}, []string{"without valid consent", "Unwanted marketing"}, nil},
		{"RET-01", rules.Retention, nil, []string{"retention period"}, nil},
		// Rules a helper may add: their own text or their family's.
		{"SPC-02", rules.SpecialCategories, []string{"health"}, []string{"Special-category data"}, []string{"marketing"}},
		{"DSC-03", rules.Discovery, []string{"free_text_may_contain_pii"}, []string{"free-text"}, nil},
		{"SEC-04", rules.Security, []string{"national_id"}, []string{"Identity-document", "identity theft"}, nil},
		{"MIN-02", rules.Minimisation, nil, []string{"More data collected"}, nil},
		{"SEC-99", rules.Security, nil, []string{"over-broad grants"}, nil},
	} {
		feared, sources, threats, impacts := suggestRisk(risk{RuleID: c.rule, Categories: c.cats}, c.family)
		assert.Contains(t, cnil, feared, c.rule)
		all := sources + " " + threats + " " + impacts
		for _, s := range []string{sources, threats, impacts} {
			assert.True(t, strings.HasPrefix(s, suggestionMark), "%s: prefilled text is marked as the scanner's", c.rule)
		}
		for _, w := range c.want {
			assert.Contains(t, strings.ToLower(all), strings.ToLower(w), c.rule)
		}
		for _, w := range c.not {
			assert.NotContains(t, strings.ToLower(all), w, c.rule)
		}
		seen[threats] = true
	}
	assert.GreaterOrEqual(t, len(seen), 10, "threats differ from rule to rule")
	_, _, threats, _ := suggestRisk(risk{RuleID: "ZZZ-01"}, rules.Family("new_family"))
	assert.Contains(t, threats, "principle the rule checks", "an unknown family gets the generic text")
}

// Residual risk is "not assessed" until the DPO rates it, and Art. 36 prior
// consultation follows from the residual level, on the register, Sign-off and Summary.
func TestXLSXResidualAndArt36(t *testing.T) {
	r := testReport()
	f := writeXLSX(t, r)
	row := rowOf(t, f, &registerSpec, colRiskID, "R-SEC-01")
	assert.Equal(t, notAssessed, get(t, f, &registerSpec, row, colResidualLevel))
	assert.Equal(t, notAssessed, get(t, f, &registerSpec, row, colArt36))
	formula, err := f.GetCellFormula(sheetRegister, cell(colIndex(registerCols, colArt36), row))
	require.NoError(t, err)
	assert.Contains(t, formula, `"critical"`)
	assert.Equal(t, art36Unknown, summaryValue(t, f, "Prior consultation (Art. 36)"))
	so := rowOf(t, f, &signOffSpec, "Item id", "SO-08")
	assert.Equal(t, art36Unknown, get(t, f, &signOffSpec, so, "Indicated by the workbook"))
	fr := rowOf(t, f, &findingSpec, colFindingID, testFingerprint(loc("payments", "card_number"), "SEC-01"))
	assert.Equal(t, notAssessed, get(t, f, &findingSpec, fr, colResidualSev))

	// The DPO rated the card-number risk 4 × 3 last week: critical, consult.
	r.DPIA.Previous = &Annotations{Tables: map[string]map[string]Entry{
		sheetRegister: {"R-SEC-01": {Values: map[string]string{colResidualSev: "4", colResidualLik: "3"}}},
	}}
	f = writeXLSX(t, r)
	assert.Equal(t, "critical", get(t, f, &registerSpec, row, colResidualLevel))
	assert.Equal(t, "yes", get(t, f, &registerSpec, row, colArt36))
	assert.Equal(t, art36Yes, summaryValue(t, f, "Prior consultation (Art. 36)"))
	assert.Equal(t, "4", get(t, f, &findingSpec, fr, colResidualSev))
	assert.Equal(t, "3", get(t, f, &findingSpec, fr, colResidualLik))
}

// summaryValue is the value beside a label on Summary.
func summaryValue(t *testing.T, f *excelize.File, label string) string {
	t.Helper()
	rows, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	for _, r := range rows {
		if len(r) > 1 && r[0] == label {
			return r[1]
		}
	}
	t.Fatalf("Summary has no %q", label)
	return ""
}

// The scanner's suggestions in DPO cells are not read back as the DPO's entries; once
// the DPO deletes the mark, the text is theirs and is carried forward.
func TestSuggestionsAreNotDPOEntries(t *testing.T) {
	path := saveXLSX(t, testReport(), "week1.xlsx")
	ann, err := ReadAnnotations(path)
	require.NoError(t, err)
	assert.Empty(t, ann.Tables[sheetRegister], "untouched suggestions")

	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	row := rowOf(t, f, &registerSpec, colRiskID, "R-SPC-01")
	v := get(t, f, &registerSpec, row, colImpacts)
	require.True(t, strings.HasPrefix(v, suggestionMark))
	dpoSet(t, f, &registerSpec, row, colImpacts, strings.TrimPrefix(v, suggestionMark)+" Confirmed by the DPO.")
	require.NoError(t, f.Save())
	require.NoError(t, f.Close())
	ann, err = ReadAnnotations(path)
	require.NoError(t, err)
	assert.Contains(t, ann.Tables[sheetRegister]["R-SPC-01"].Values[colImpacts], "Confirmed by the DPO.")
}

// Findings opens with the action view, keeps the SQL last, and prints with its key
// columns and header rows on every page, a header naming scope and scan and a footer
// with page numbers and the confidentiality mark; headers break at words.
func TestXLSXActionViewAndPrint(t *testing.T) {
	f := writeXLSX(t, testReport())
	rows, err := f.GetRows(sheetFindings)
	require.NoError(t, err)
	assert.Equal(t, []string{colRuleID, colTitle, colRiskLevel, colRecords, colRemediation, colOwner, colDueDate}, rows[1][:7])
	assert.Equal(t, "Reproduce SQL", rows[1][len(rows[1])-1])
	var titles string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheetFindings {
			titles = dn.RefersTo
		}
	}
	assert.Contains(t, titles, "$A:$B")
	assert.Contains(t, titles, "$1:$2")
	for _, s := range wantSheets {
		hf, err := f.GetHeaderFooter(s)
		require.NoError(t, err, s)
		require.NotNil(t, hf, s)
		assert.Contains(t, hf.OddFooter, "Confidential", s)
		assert.Contains(t, hf.OddFooter, "&P of &N", s)
		assert.Contains(t, hf.OddHeader, testScan, s)
	}
	for _, spec := range tableSpecs() {
		for i, c := range spec.cols {
			w, err := f.GetColWidth(spec.name, colName(i+1))
			require.NoError(t, err)
			longest := slices.MaxFunc(strings.Fields(c.title), func(a, b string) int { return len([]rune(a)) - len([]rune(b)) })
			assert.GreaterOrEqual(t, w, float64(len([]rune(longest)))+1, "%s: %q fits its column", spec.name, longest)
		}
	}
	w, err := f.GetColWidth(sheetFindings, "A")
	require.NoError(t, err)
	assert.GreaterOrEqual(t, w, float64(len([]rune(backText)))+2, "← Summary is not cut")
}

// Summary's screening lines are formulas over Screening, with the values cached.
func TestXLSXSummaryScreeningFormulas(t *testing.T) {
	f := writeXLSX(t, testReport())
	rows, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	for i, r := range rows {
		if len(r) < 2 || !slices.Contains([]string{"WP248 criteria met (of 9)", "Art. 35(3) trigger met", "Suggestion"}, r[0]) {
			continue
		}
		formula, err := f.GetCellFormula(sheetSummary, cell(2, i+1))
		require.NoError(t, err)
		assert.Contains(t, formula, "'Screening'!C", r[0])
		assert.NotEmpty(t, r[1], r[0])
	}
	assert.Equal(t, suggestLikely, summaryValue(t, f, "Suggestion"))

	// The conclusion counts all nine WP248 rows and the three triggers, not one row each.
	counted := colLetter(screeningCols, colCounted)
	var formulas []string
	rows, err = f.GetRows(sheetScreening)
	require.NoError(t, err)
	for i := range rows {
		if fm, _ := f.GetCellFormula(sheetScreening, cell(3, i+1)); fm != "" {
			formulas = append(formulas, fm)
		}
	}
	assert.Contains(t, formulas, `COUNTIF(`+counted+`3:`+counted+`11,"yes")`)
	assert.Contains(t, formulas, `IF(COUNTIF(`+counted+`12:`+counted+`14,"yes")>0,"yes","no")`)
}

package reports

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// criterion is one row of the Screening sheet: a WP248 criterion, an Art. 35(3)
// trigger or the national-list check.
type criterion struct {
	ID, Text string
	Evidence string
	Count    int
	// Indicated is "yes" or "no" when the database can show it, "DPO to judge" when it
	// cannot (automated decisions, innovative use, …).
	Indicated string
	kind      int // criterionWP248, criterionTrigger, criterionNational
}

const (
	criterionWP248 = iota
	criterionTrigger
	criterionNational
)

const dpoToJudge = "DPO to judge"

// screening is the Screening sheet's rows and its conclusion with the DPO's answers
// carried forward.
type screening struct {
	rows              []criterion
	met               int  // WP248 criteria met (DPO's answer, else the scan's indication)
	trigger, national bool // an Art. 35(3) trigger or the national list applies
	likely            bool // DPIA likely required
}

// suggestion is the text Summary and Screening show.
func (s screening) suggestion() string {
	if s.likely {
		return suggestLikely
	}
	return suggestNot
}

const (
	suggestLikely = "DPIA likely required"
	suggestNot    = "Not indicated – record why no DPIA is needed"
)

var (
	scoreName    = regexp.MustCompile(`(?i)(score|scoring|rating|propensity|churn|segment|ranking|predict|profil|lifetime_value|\bltv\b|\brfm\b|\bnps\b)`)
	trackingName = regexp.MustCompile(`(?i)(track|event|pageview|page_view|click|visit|session|web_activit|email_open|\bopens?\b|activit|audit|log$|_log|^log)`)
	sourceName   = regexp.MustCompile(`(?i)(lead_source|source|utm_|enrich|imported?_from|import_batch|partner|provider|purchased|third_party|origin|list_id|campaign)`)
	vulnerable   = regexp.MustCompile(`(?i)(employee|staff|worker|patient|child|minor|pupil|student|elderly|vulnerable|asylum|mental)`)
)

// highlyPersonal are categories WP248 criterion 4 counts besides Art. 9 and 10 data:
// financial, identity-document and location data.
var highlyPersonal = []detect.Category{
	detect.PaymentCard, detect.CardSecurityCode, detect.IBANBankAccount, detect.SalaryFinancial,
	detect.NationalID, detect.Passport, detect.TaxID, detect.GeoLocation,
}

// evidenceList renders up to five items and how many more there are.
func evidenceList(items []string) string {
	const show = 5
	if len(items) <= show {
		return strings.Join(items, "; ")
	}
	return strings.Join(items[:show], "; ") + fmt.Sprintf("; and %d more", len(items)-show)
}

// thousands writes 182000 as "182,000".
func thousands(n int64) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// screen derives the WP248 evidence from the inventory, findings and configuration,
// and applies the DPO's previous answers.
func screen(r Report, d *derived, prev *Annotations) screening {
	ev := gatherEvidence(r, d)
	scale, subjects, large := largeScale(r, d)
	vuln, vulnIndicated := vulnerableSubjects(r, d, ev.dob)
	special := slices.ContainsFunc(d.tables, func(t *tableInfo) bool { return len(t.Special) > 0 })
	sc := screening{rows: criteria(ev, scale, subjects, large, vuln, vulnIndicated, special)}
	sc.tally(prev.table(sheetScreening))
	return sc
}

// screenEvidence are the columns and tables found for the WP248 criteria, described.
type screenEvidence struct {
	scores, monitoring, sensitive, combining, dob []string
}

// gatherEvidence lists the scoring, monitoring, sensitive, combining and date-of-birth
// columns (and tracking tables) of the scanned tables, views left out.
func gatherEvidence(r Report, d *derived) screenEvidence {
	var ev screenEvidence
	colDesc := func(column string, t *tableInfo) string {
		return fmt.Sprintf("%s in %s (%s)", column, t, rowsWords(t.Rows, t.IsView))
	}
	for _, it := range r.Inventory {
		t := d.tableByKey[tableKey(it.Source, it.Schema, it.Table)]
		if t == nil || it.IsView {
			continue
		}
		if t.Personal && scoreName.MatchString(it.Column) {
			ev.scores = append(ev.scores, colDesc(it.Column, t))
		}
		if !it.Personal {
			continue
		}
		switch {
		case it.Category == detect.IPAddress || it.Category == detect.DeviceID || it.Category == detect.GeoLocation:
			ev.monitoring = append(ev.monitoring, colDesc(it.Column+" ("+categoryWords(string(it.Category))+")", t))
		}
		if it.Category.Special() || it.Category.CriminalData() || slices.Contains(highlyPersonal, it.Category) {
			kind := "Art. 9"
			switch {
			case it.Category.CriminalData():
				kind = "Art. 10"
			case !it.Category.Special():
				kind = "highly personal"
			}
			ev.sensitive = append(ev.sensitive, colDesc(it.Column+" ("+categoryWords(string(it.Category))+", "+kind+")", t))
		}
		if it.Category == detect.DateOfBirth || it.Category == detect.Age {
			ev.dob = append(ev.dob, colDesc(it.Column, t))
		}
	}
	for _, t := range d.tables {
		if t.Personal && !t.IsView && trackingName.MatchString(t.Table) {
			ev.monitoring = append(ev.monitoring, fmt.Sprintf("table %s holds personal data (%s)", t, rowsWords(t.Rows, t.IsView)))
		}
	}
	for _, it := range r.Inventory {
		t := d.tableByKey[tableKey(it.Source, it.Schema, it.Table)]
		if t != nil && t.Personal && !t.IsView && sourceName.MatchString(it.Column) && !strings.EqualFold(it.Column, "id") {
			ev.combining = append(ev.combining, colDesc(it.Column, t))
		}
	}
	personSources := map[string]bool{}
	for _, t := range d.tables {
		if slices.Contains(t.Categories, string(detect.Email)) {
			personSources[t.Source] = true
		}
	}
	if len(personSources) > 1 {
		ev.combining = append(ev.combining, fmt.Sprintf("%d sources hold email addresses and can be joined on them", len(personSources)))
	}
	return ev
}

// largeScale counts the data subjects: the mapped subject tables, else the biggest
// table of direct identifiers; it returns the evidence text, the count and whether it
// reaches the threshold.
func largeScale(r Report, d *derived) (string, int64, bool) {
	threshold := r.DPIA.LargeScaleSubjects
	if threshold <= 0 {
		threshold = DefaultLargeScale
	}
	var subjects int64
	var parts []string
	for _, t := range d.tables {
		if _, ok := d.subjectByTable[t.key()]; ok && !t.IsView && t.Rows > 0 {
			subjects += t.Rows
			parts = append(parts, fmt.Sprintf("%s %s", t.Table, thousands(t.Rows)))
		}
	}
	basis := "mapped subject tables"
	if len(parts) == 0 {
		basis = "largest table of people"
		var best *tableInfo
		for _, t := range d.tables {
			if t.IsView || !(slices.Contains(t.Categories, string(detect.Email)) || slices.Contains(t.Categories, string(detect.PersonName))) {
				continue
			}
			if best == nil || t.Rows > best.Rows {
				best = t
			}
		}
		if best != nil && best.Rows > 0 {
			subjects = best.Rows
			parts = append(parts, fmt.Sprintf("%s %s", best.Table, thousands(best.Rows)))
		}
	}
	scale := fmt.Sprintf("≈ %s data subjects (%s: %s); threshold %s (a product default, WP248 sets none)",
		thousands(subjects), basis, strings.Join(parts, ", "), thousands(threshold))
	return scale, subjects, subjects >= threshold
}

// vulnerableSubjects lists the evidence of vulnerable data subjects; the criterion is
// indicated by children found or an activity declaring them, not by dates of birth
// alone, which are only listed.
func vulnerableSubjects(r Report, d *derived, dob []string) ([]string, bool) {
	var vuln []string
	if _, subj, n := d.sumRule("CNS-07", nil); n > 0 {
		vuln = append(vuln, fmt.Sprintf("CNS-07: %s children below the age of digital consent", thousands(subj)))
	}
	for _, a := range r.DPIA.Activities {
		for _, s := range a.DataSubjects {
			if vulnerable.MatchString(s) {
				vuln = append(vuln, fmt.Sprintf("activity %s concerns %s", a.ID, s))
			}
		}
	}
	indicated := len(vuln) > 0
	if len(dob) > 0 {
		vuln = append(vuln, "dates of birth held, so minors can be present: "+evidenceList(dob))
	}
	return vuln, indicated
}

// criteria are the Screening sheet's rows: the nine WP248 criteria, the Art. 35(3)
// triggers and the national list, with the scan's evidence and indication.
func criteria(ev screenEvidence, scale string, subjects int64, large bool, vuln []string, vulnIndicated, special bool) []criterion {
	yes := func(b bool) string { return yesNo(b) }
	none := func(items []string, empty string) string {
		if len(items) == 0 {
			return empty
		}
		return evidenceList(items)
	}
	scores, monitoring, sensitive, combining := ev.scores, ev.monitoring, ev.sensitive, ev.combining
	return []criterion{
		{ID: "WP248-1", Text: "1. Evaluation or scoring, including profiling and predicting", kind: criterionWP248,
			Evidence: none(scores, "No score, rating, segment or prediction column found."), Count: len(scores), Indicated: yes(len(scores) > 0)},
		{ID: "WP248-2", Text: "2. Automated decision-making with legal or similar significant effect", kind: criterionWP248,
			Evidence: "Not observable in the database: decisions are made by applications.", Indicated: dpoToJudge},
		{ID: "WP248-3", Text: "3. Systematic monitoring", kind: criterionWP248,
			Evidence: none(monitoring, "No tracking table, IP address, device id or location column found."), Count: len(monitoring), Indicated: yes(len(monitoring) > 0)},
		{ID: "WP248-4", Text: "4. Sensitive data or data of a highly personal nature", kind: criterionWP248,
			Evidence: none(sensitive, "No special-category, criminal, financial, identity-document or location data found."), Count: len(sensitive), Indicated: yes(len(sensitive) > 0)},
		{ID: "WP248-5", Text: "5. Data processed on a large scale", kind: criterionWP248,
			Evidence: scale, Count: int(subjects), Indicated: yes(large)},
		{ID: "WP248-6", Text: "6. Matching or combining datasets", kind: criterionWP248,
			Evidence: none(combining, "No source, enrichment or import-origin column found."), Count: len(combining), Indicated: yes(len(combining) > 0)},
		{ID: "WP248-7", Text: "7. Data concerning vulnerable data subjects (children, employees, patients …)", kind: criterionWP248,
			Evidence: none(vuln, "No children found and no activity declares vulnerable data subjects."), Count: len(vuln), Indicated: yes(vulnIndicated)},
		{ID: "WP248-8", Text: "8. Innovative use or applying new technological or organisational solutions", kind: criterionWP248,
			Evidence: "Not observable in the database.", Indicated: dpoToJudge},
		{ID: "WP248-9", Text: "9. Processing that prevents data subjects from exercising a right or using a service or contract", kind: criterionWP248,
			Evidence: "Not observable in the database.", Indicated: dpoToJudge},
		{ID: "ART35-3a", Text: "Art. 35(3)(a): systematic and extensive evaluation by automated processing, including profiling, with legal or similarly significant effects", kind: criterionTrigger,
			Evidence: "Scoring columns: " + none(scores, "none found") + ". Whether decisions follow is not observable.", Count: len(scores), Indicated: dpoToJudge},
		{ID: "ART35-3b", Text: "Art. 35(3)(b): large-scale processing of special categories (Art. 9(1)) or criminal data (Art. 10)", kind: criterionTrigger,
			Evidence: fmt.Sprintf("Special or criminal data present: %s; large scale: %s.", yesNo(special), yesNo(large)), Indicated: yes(special && large)},
		{ID: "ART35-3c", Text: "Art. 35(3)(c): systematic monitoring of a publicly accessible area on a large scale", kind: criterionTrigger,
			Evidence: "Not observable in a CRM database (CCTV, public spaces).", Indicated: dpoToJudge},
		{ID: "NATIONAL", Text: "The processing is on the supervisory authority's Art. 35(4) list", kind: criterionNational,
			Evidence: "Check the list of your lead authority (e.g. CNIL, BfDI/DSK, ICO).", Indicated: dpoToJudge},
	}
}

// tally counts the criteria met, by the DPO's answer or else the scan's indication, and
// whether a DPIA is likely required.
func (sc *screening) tally(answers map[string]Entry) {
	for _, c := range sc.rows {
		if !counted(answers[c.ID].Values[colApplies], c.Indicated) {
			continue
		}
		switch c.kind {
		case criterionWP248:
			sc.met++
		case criterionTrigger:
			sc.trigger = true
		case criterionNational:
			sc.national = true
		}
	}
	sc.likely = sc.met >= 2 || sc.trigger || sc.national
}

// counted is the Screening sheet's "Counted" formula in Go: the DPO's answer, else the
// scan's indication.
func counted(answer, indicated string) bool {
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "yes":
		return true
	case "no":
		return false
	}
	return indicated == "yes"
}

const (
	colApplies   = "Applies"
	colIndicated = "Indicated by the scan"
	colCounted   = "Counted"
)

var screeningCols = []column{
	autoCol("Criterion id", 10), autoCol("Criterion", 44).as(fmtWrap), autoCol("Auto-evidence", 64).as(fmtWrap),
	autoCol("Evidence count", 9).as(fmtInt), autoCol(colIndicated, 11),
	dpoCol(colApplies, 9).list("Does the criterion apply? Your answer replaces the scan's indication.", yesNoChoices...),
	dpoCol("Comment", 40).as(fmtWrap), autoCol(colCounted, 9),
}

var screeningSpec = sheetSpec{name: sheetScreening, cols: screeningCols, key: []string{"Criterion id"}, context: []string{"Criterion"}}

// screeningCells are where Screening's conclusion sits, for Summary's formulas.
type screeningCells struct{ met, trigger, national, suggestion string }

// screeningSheet writes the WP248 screening (Art. 35(1), (3)); docs/rule-catalogue.md §5 sheet 2.
// "Counted" is a formula, so the conclusion follows the DPO's answers as they are typed.
func (b *book) screeningSheet() error {
	rows := b.screen.rows
	answers := b.prev.table(sheetScreening)
	ci := func(t string) string { return colLetter(screeningCols, t) }
	fill := func(i int, row []any) {
		c := rows[i]
		r := fmt.Sprint(firstRow + i)
		row[0], row[1], row[2], row[3], row[4] = c.ID, c.Text, c.Evidence, c.Count, c.Indicated
		if c.Count == 0 && c.Indicated == dpoToJudge {
			row[3] = nil
		}
		ans, ind := ci(colApplies)+r, ci(colIndicated)+r
		row[7] = excelize.Cell{StyleID: b.st.cell[kindAuto][fmtText], Value: yesNo(counted(answers[c.ID].Values[colApplies], c.Indicated)),
			Formula: fmt.Sprintf(`IF(%[1]s="yes","yes",IF(%[1]s="no","no",IF(%[2]s="yes","yes","no")))`, ans, ind)}
	}
	var wp248Last, trigFirst, trigLast, natRow int
	for i, c := range rows {
		switch c.kind {
		case criterionWP248:
			wp248Last = firstRow + i
		case criterionTrigger:
			if trigFirst == 0 {
				trigFirst = firstRow + i
			}
			trigLast = firstRow + i
		case criterionNational:
			natRow = firstRow + i
		}
	}
	counts := ci(colCounted)
	below := func(w *rowWriter, row int) (int, error) {
		st := b.st
		// Explicit argument indexes throughout: after %[1]s a bare %d would take argument
		// 2 again and the range would shrink to one row (H3:H3).
		metF := fmt.Sprintf(`COUNTIF(%[1]s%[2]d:%[1]s%[3]d,"yes")`, counts, firstRow, wp248Last)
		trigF := fmt.Sprintf(`IF(COUNTIF(%[1]s%[2]d:%[1]s%[3]d,"yes")>0,"yes","no")`, counts, trigFirst, trigLast)
		natF := fmt.Sprintf(`%s%d`, counts, natRow)
		lines := []struct {
			label   string
			value   any
			formula string
		}{
			{"WP248 criteria met (of 9)", b.screen.met, metF},
			{"Art. 35(3) trigger met", yesNo(b.screen.trigger), trigF},
			{"On the national list", yesNo(b.screen.national), natF},
			{"Suggestion", b.screen.suggestion(),
				fmt.Sprintf(`IF(OR(C%d>=2,C%d="yes",C%d="yes"),%s,%s)`, row+1, row+2, row+3, quoteFormula(suggestLikely), quoteFormula(suggestNot))},
		}
		if err := w.row(row, nil, excelize.Cell{StyleID: st.section, Value: "Conclusion"}); err != nil {
			return 0, err
		}
		b.screenCells = screeningCells{met: fmt.Sprintf("C%d", row+1), trigger: fmt.Sprintf("C%d", row+2), national: fmt.Sprintf("C%d", row+3), suggestion: fmt.Sprintf("C%d", row+4)}
		for i, l := range lines {
			if err := w.row(row+1+i, nil, excelize.Cell{StyleID: st.label, Value: l.label},
				excelize.Cell{StyleID: st.value, Value: l.value, Formula: l.formula}); err != nil {
				return 0, err
			}
		}
		next := row + 1 + len(lines)
		if err := w.row(next, nil, excelize.Cell{StyleID: st.subtitle,
			Value: "WP248: processing meeting two or more criteria is likely to require a DPIA; an Art. 35(3) trigger or the national list requires one. Your answer in Applies replaces the scan's indication."}); err != nil {
			return 0, err
		}
		return next + 1, nil
	}
	extras := func(_, lastAll int) error {
		id := b.st.yesCF
		return b.f.SetConditionalFormat(sheetScreening, colRange(colIndex(screeningCols, colCounted), firstRow, lastAll),
			[]excelize.ConditionalFormatOptions{{Type: "cell", Criteria: "==", Value: `"yes"`, Format: &id}})
	}
	return b.writeTable(table{spec: &screeningSpec, title: "Screening – is a DPIA required? (Art. 35(1), (3); WP248)",
		n: len(rows), fill: fill, below: below, extras: extras})
}

package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// question is one necessity-and-proportionality question (CNIL PIA guide 211–227).
type question struct {
	ID, Topic, Text, Articles string
	facts                     func(b *book) []string
}

var questions = []question{
	{"NP-01", "Purposes", "Are the purposes specified, explicit and legitimate?", "Art. 5(1)(b)", factsPurposes},
	{"NP-02", "Lawful basis", "Is there a lawful basis for each purpose, and is it recorded?", "Art. 6, 9", factsBasis},
	{"NP-03", "Minimisation", "Are the data adequate, relevant and limited to what is necessary?", "Art. 5(1)(c)", factsMinimisation},
	{"NP-04", "Accuracy", "Are the data accurate and kept up to date?", "Art. 5(1)(d)", rulesFacts("MIN-04")},
	{"NP-05", "Storage limitation", "Is each kind of data kept no longer than needed, and deleted then?", "Art. 5(1)(e)", factsRetention},
	{"NP-06", "Information", "Are the people told (Art. 13, 14), and can the notice shown be proven?", "Art. 12–14", rulesFacts("CNS-02")},
	{"NP-07", "Consent", "Where consent is the basis: is it freely given, specific, informed, provable and withdrawable?", "Art. 7, 8", rulesFacts("CNS-01", "CNS-03", "CNS-04", "CNS-05", "CNS-06", "CNS-07")},
	{"NP-08", "Access and portability", "Can people obtain their data, and in a portable form?", "Art. 15, 20", factsRequests("")},
	{"NP-09", "Rectification and erasure", "Are rectification and erasure requests honoured, on time and completely?", "Art. 16, 17, 19", factsRequests("erasure", "ERA-01", "ERA-02", "ERA-03", "ERA-04")},
	{"NP-10", "Restriction and objection", "Are restriction and objection (incl. to marketing) honoured?", "Art. 18, 21", rulesFacts("CNS-03")},
	{"NP-11", "Processors", "Are processors bound by an Art. 28 contract?", "Art. 28", notObservable},
	{"NP-12", "Transfers", "Are transfers outside the EEA covered by Chapter V safeguards?", "Art. 44–49", notObservable},
	{"NP-13", "Security", "Are the data protected by appropriate technical and organisational measures?", "Art. 32", rulesFacts("SEC-01", "SEC-02", "SEC-03", "SEC-04", "SEC-05", "SEC-06", "DSC-04", "MIN-03")},
}

var necessityCols = []column{
	autoCol("Question id", 9), autoCol("Topic", 16), autoCol("Question", 38).as(fmtWrap), autoCol("GDPR", 11),
	autoCol("Auto-facts", 58).as(fmtWrap), dpoCol("Narrative", 56).as(fmtWrap),
	dpoCol("Evaluation", 12).list("CNIL evaluation of this point", cnilStatuses...),
}

var necessitySpec = sheetSpec{name: sheetNecessity, cols: necessityCols, key: []string{"Question id"}, context: []string{"Topic"}}

func notObservable(*book) []string {
	return []string{"Not observable in the database: declare it on Processing inventory and describe it here."}
}

func factsPurposes(b *book) []string {
	d := b.derived
	out := []string{fmt.Sprintf("%d processing activities declared.", len(b.r.DPIA.Activities))}
	var un []string
	for _, t := range d.tables {
		if t.Personal && !t.IsView && len(d.activitiesByTable[t.key()]) == 0 {
			un = append(un, t.String())
		}
	}
	if len(b.r.DPIA.Activities) > 0 {
		out = append(out, fmt.Sprintf("%d tables with personal data are in no activity%s.", len(un), listSuffix(un)))
	}
	return out
}

func factsBasis(b *book) []string {
	by := map[string]int{}
	var order []string
	var noLIA []string
	for _, a := range b.r.DPIA.Activities {
		basis := cmp(basisWords(a.LawfulBasis), "none declared")
		if by[basis] == 0 {
			order = append(order, basis)
		}
		by[basis]++
		if a.LawfulBasis == "legitimate_interest" && a.LIARef == "" {
			noLIA = append(noLIA, a.ID)
		}
	}
	slices.Sort(order)
	var parts []string
	for _, k := range order {
		parts = append(parts, fmt.Sprintf("%s %d", k, by[k]))
	}
	var out []string
	if len(parts) > 0 {
		out = append(out, "Bases declared: "+strings.Join(parts, ", ")+".")
	}
	if len(noLIA) > 0 {
		out = append(out, "Legitimate interest without an LIA reference: "+strings.Join(noLIA, ", ")+".")
	}
	return append(out, rulesFacts("LAW-01", "LAW-02", "LAW-03", "SPC-01", "SPC-03")(b)...)
}

func factsMinimisation(b *book) []string {
	personal, empty, free := 0, 0, 0
	for _, it := range b.r.Inventory {
		if !it.Personal || it.IsView {
			continue
		}
		personal++
		if ev := it.Evidence; ev.Sampled > 0 && float64(ev.NonNull) < 0.01*float64(ev.Sampled) {
			empty++
		}
		if it.Category == detect.FreeText {
			free++
		}
	}
	out := []string{fmt.Sprintf("%d personal-data columns in tables (views not counted again); %d of them (%s) more than 99%% empty in the sample.", personal, empty, pctText(empty, personal))}
	if free > 0 {
		out = append(out, fmt.Sprintf("%d free-text columns may hold personal data (notes, comments).", free))
	}
	return append(out, rulesFacts("MIN-01", "MIN-02", "MIN-03", "DSC-03", "DSC-04")(b)...)
}

func factsRetention(b *book) []string {
	d := b.derived
	var none []string
	for _, t := range d.tables {
		if t.Personal && !t.IsView && len(d.retentionByTable[t.key()]) == 0 {
			none = append(none, t.String())
		}
	}
	out := []string{
		fmt.Sprintf("%d retention rules mapped.", len(b.r.DPIA.Retention)),
		fmt.Sprintf("Retention rule missing for %d tables with personal data%s.", len(none), listSuffix(none)),
	}
	return append(out, rulesFacts("RET-01", "RET-02", "RET-03", "RET-04", "RET-05", "RET-06")(b)...)
}

func factsRequests(right string, ids ...string) func(*book) []string {
	return func(b *book) []string {
		var out []string
		mapped := false
		for _, rs := range b.r.DPIA.Requests {
			if rs.Right != right || right == "" {
				continue
			}
			mapped = true
			if rs.Counted {
				out = append(out, fmt.Sprintf("%s requests in %s: %s received, %s completed, %s open.", sentence(rs.Right), rs.Table,
					thousands(rs.Received), thousands(rs.Completed), thousands(rs.Open)))
			}
		}
		if !mapped {
			out = append(out, "No request table is mapped for this right; describe how requests are handled.")
		}
		return append(out, rulesFacts(ids...)(b)...)
	}
}

// rulesFacts states each rule's findings: records and subjects, or that it found
// nothing, or that it was not evaluated. Rules not in the scan's catalogue are skipped.
func rulesFacts(ids ...string) func(*book) []string {
	return func(b *book) []string {
		var out []string
		for _, id := range ids {
			fs := b.derived.byRule[id]
			title := id
			for _, ri := range b.r.Rules {
				if ri.ID == id && ri.Title != "" {
					title = id + " " + ri.Title
				}
			}
			if len(fs) > 0 && title == id {
				title = id + " " + fs[0].Title
			}
			switch {
			case len(fs) > 0:
				rec, subj, n := b.derived.sumRule(id, nil)
				out = append(out, fmt.Sprintf("%s: %d finding(s), %s records, %s subjects.", title, n, thousands(rec), thousands(subj)))
			default:
				switch b.ruleStatus(id, nil) {
				case "ran":
					out = append(out, title+": nothing found.")
				case "not evaluated":
					out = append(out, title+": not evaluated (mapping missing).")
				}
			}
		}
		return out
	}
}

func listSuffix(items []string) string {
	if len(items) == 0 {
		return ""
	}
	return ": " + evidenceList(items)
}

func pctText(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

// necessity writes the necessity and proportionality questions with the scan's facts
// (Art. 35(7)(b), ICO step 4, CNIL 211–227); docs/rule-catalogue.md §5 sheet 12.
func (b *book) necessity() error {
	fill := func(i int, row []any) {
		q := questions[i]
		row[0], row[1], row[2], row[3] = q.ID, q.Topic, q.Text, q.Articles
		row[4] = truncate(strings.Join(q.facts(b), "\n"))
	}
	return b.writeTable(table{spec: &necessitySpec, title: "Necessity & proportionality (Art. 35(7)(b))", n: len(questions), fill: fill})
}

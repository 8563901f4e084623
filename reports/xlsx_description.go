package reports

import (
	"fmt"
	"slices"
	"strings"
)

// The Description sheet is the first part of the ICO and CNIL DPIA templates: the
// nature, scope, context and purposes of the processing, its supporting assets (the
// databases and their engines) and who was consulted. The scanner suggests what it can
// see or what the configuration declares; the DPO writes the description beside it.

const (
	colSuggestion  = "Scanner's suggestion (from the scan and the configuration)"
	colDescription = "Your description"
)

var descriptionCols = []column{
	autoCol("Item id", 12), autoCol("Part", 14), autoCol("Item", 30).as(fmtWrap),
	autoCol(colSuggestion, 62).as(fmtWrap), dpoCol(colDescription, 62).as(fmtWrap),
}

var descriptionSpec = sheetSpec{name: sheetDescription, cols: descriptionCols, key: []string{"Item id"}, context: []string{"Item"}}

// descItem is one row of the Description sheet.
type descItem struct{ id, part, item, suggestion string }

func (b *book) descriptionItems() []descItem {
	d, rep := b.derived, b.r
	var personalTables, views int
	var cats, special []string
	for _, t := range d.tables {
		if !t.Personal {
			continue
		}
		if t.IsView {
			views++
			continue
		}
		personalTables++
		for _, c := range t.Categories {
			if !slices.Contains(cats, c) {
				cats = append(cats, c)
			}
		}
		for _, c := range t.Special {
			if !slices.Contains(special, c) {
				special = append(special, c)
			}
		}
	}
	ruled := 0
	for _, t := range d.tables {
		if t.Personal && !t.IsView && len(d.retentionByTable[t.key()]) > 0 {
			ruled++
		}
	}
	var engines []string
	for _, s := range rep.Sources {
		engines = append(engines, fmt.Sprintf("%s (%s)", s.Name, engineWords(s.Kind)))
	}
	criterion := func(id string) string {
		for _, c := range b.screen.rows {
			if c.ID == id {
				return c.Evidence
			}
		}
		return ""
	}
	unknown := "Not visible to the scanner: describe it."

	nature := fmt.Sprintf("Held in %d database(s): %s. %d tables hold personal data (%d personal-data columns in tables",
		len(rep.Sources), strings.Join(engines, ", "), personalTables, b.stats.PersonalColumns-b.stats.PersonalViewColumns)
	if views > 0 {
		nature += fmt.Sprintf("; %d views show them too", views)
	}
	nature += fmt.Sprintf("). A retention rule deletes or anonymises data in %d of these tables; %d have none.", ruled, personalTables-ruled)
	scope := "Kinds of data found: " + cmp(categoriesWords(cats), "none") + "."
	if len(special) > 0 {
		scope += " Special categories (Art. 9/10): " + categoriesWords(special) + "."
	}
	var retention []string
	for _, a := range rep.DPIA.Activities {
		if a.Retention != "" {
			retention = append(retention, fmt.Sprintf("%s: %s", a.Name, periodWords(a.Retention)))
		}
	}
	for _, r := range rep.DPIA.Retention {
		retention = append(retention, fmt.Sprintf("rule %s on %s: %s, then %s", r.ID, r.Table, periodWords(r.Period), cmp(r.EndAction, "delete")))
	}
	var people []string
	for _, a := range rep.DPIA.Activities {
		if len(a.DataSubjects) > 0 {
			people = append(people, fmt.Sprintf("%s: %s", a.Name, strings.Join(a.DataSubjects, ", ")))
		}
	}

	items := []descItem{
		{"NAT-01", "Nature", "How the data is collected, used, stored and deleted", nature},
		{"NAT-02", "Nature", "Where the data comes from (forms, imports, partners, enrichment)", criterion("WP248-6")},
		{"NAT-03", "Nature", "Who the data is shared with: recipients and processors", "Declare them on Processing inventory (Recipients, Processors / DPA). " + unknown},
		{"SCO-01", "Scope", "Kinds of data, including special categories", scope},
		{"SCO-02", "Scope", "How many people and records; how often the data is collected", criterion("WP248-5")},
		{"SCO-03", "Scope", "How long the data is kept", cmp(strings.Join(retention, "; "), "No retention declared in the configuration.")},
		{"SCO-04", "Scope", "Geographical area covered", unknown},
		{"CTX-01", "Context", "The people concerned and your relationship with them", cmp(strings.Join(people, "; "), "No data-subject categories declared in the configuration.")},
		{"CTX-02", "Context", "Children or other vulnerable people among them", criterion("WP248-7")},
		{"CTX-03", "Context", "Would they expect this use? Known concerns, past incidents, security flaws",
			fmt.Sprintf("The scan found %d findings (%d critical, %d high); see Findings.", len(rep.Findings), b.stats.ByRisk[riskLevels[0]], b.stats.ByRisk[riskLevels[1]])},
	}
	for _, a := range rep.DPIA.Activities {
		s := fmt.Sprintf("Purpose: %s. Lawful basis: %s.", cmp(a.Purpose, "not declared"), cmp(basisWords(a.LawfulBasis), "not declared"))
		if a.LIARef != "" {
			s += " LIA: " + a.LIARef + "."
		}
		if a.Art9Condition != "" {
			s += " Art. 9(2) condition: " + a.Art9Condition + "."
		}
		if len(a.DataSubjects) > 0 {
			s += " People: " + strings.Join(a.DataSubjects, ", ") + "."
		}
		if len(a.Tables) > 0 {
			s += " Tables: " + strings.Join(a.Tables, ", ") + "."
		}
		if a.Retention != "" {
			s += " Kept " + periodWords(a.Retention) + "."
		}
		items = append(items, descItem{"PUR-" + a.ID, "Purposes", a.ID + " " + a.Name + ": what it achieves, for you and for the people", s})
	}
	if len(rep.DPIA.Activities) == 0 {
		items = append(items, descItem{"PUR-01", "Purposes", "What the processing achieves, for you and for the people", "No processing activity in the configuration: declare them (activities:)."})
	}
	settings := map[string]SourceSettings{}
	for _, s := range rep.DPIA.Settings {
		settings[s.Name] = s
	}
	for _, src := range rep.Sources {
		s := fmt.Sprintf("%s database, %d tables scanned", engineWords(src.Kind), src.TablesScanned)
		if st, ok := settings[src.Name]; ok && st.Environment != "" {
			s += ", environment " + st.Environment
		}
		s += ". Describe where it runs (hosting, country), its backups and replicas, and who administers it."
		items = append(items, descItem{"AST-" + src.Name, "Supporting assets", "Database " + src.Name, s})
	}
	consult := "Record who was consulted, when, and what they said; the responses are reviewed on Sign-off (SO-13)."
	items = append(items,
		descItem{"CON-01", "Consultation", "Internal stakeholders (business owners, IT, information security)", consult},
		descItem{"CON-02", "Consultation", "Processors and other experts", consult},
		descItem{"CON-03", "Consultation", "The people concerned or their representatives (Art. 35(9))", "Where appropriate; their views are summarised on Sign-off (SO-04, SO-05)."},
	)
	return items
}

// description writes the Description sheet.
func (b *book) description() error {
	items := b.descriptionItems()
	fill := func(i int, row []any) {
		it := items[i]
		row[0], row[1], row[2], row[3] = it.id, it.part, it.item, truncate(it.suggestion)
	}
	return b.writeTable(table{spec: &descriptionSpec, title: "Description of the processing – nature, scope, context, purposes, assets, consultation (Art. 35(7)(a))",
		n: len(items), fill: fill})
}

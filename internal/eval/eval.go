package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// Classifier is what the evaluation needs of rules/detect; *detect.Classifier satisfies it.
type Classifier interface {
	Classify(detect.Column) detect.Result
}

var _ Classifier = (*detect.Classifier)(nil)

// Outcome is the classification of one labelled column.
type Outcome struct {
	Column Column
	Got    detect.Result
}

// Kind of an outcome for the `personal` decision.
func (o Outcome) Kind() string {
	switch {
	case o.Column.Personal && o.Got.Personal:
		return "TP"
	case !o.Column.Personal && o.Got.Personal:
		return "FP"
	case o.Column.Personal && !o.Got.Personal:
		return "FN"
	}
	return "TN"
}

// CategoryMatch reports a true positive whose category is the labelled one.
func (o Outcome) CategoryMatch() bool {
	return o.Kind() == "TP" && string(o.Got.Category) == o.Column.Category
}

// Counts is a confusion matrix for `personal`, plus category agreement on true positives.
type Counts struct {
	TP, FP, FN, TN int
	CatMatch       int // true positives whose category matches the label
}

// Add counts one outcome.
func (c *Counts) Add(o Outcome) {
	switch o.Kind() {
	case "TP":
		c.TP++
		if o.CategoryMatch() {
			c.CatMatch++
		}
	case "FP":
		c.FP++
	case "FN":
		c.FN++
	default:
		c.TN++
	}
}

func ratio(num, den int) float64 {
	if den == 0 {
		return math.NaN()
	}
	return float64(num) / float64(den)
}

// Precision is TP/(TP+FP); NaN when nothing was flagged.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN); NaN when nothing is personal.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall; NaN when either is undefined, 0 when
// both are 0.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if math.IsNaN(p) || math.IsNaN(r) {
		return math.NaN()
	}
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// CategoryAgreement is the share of true positives whose category matches the label.
func (c Counts) CategoryAgreement() float64 { return ratio(c.CatMatch, c.TP) }

// Columns is the number of columns counted.
func (c Counts) Columns() int { return c.TP + c.FP + c.FN + c.TN }

// Positives is the number of labelled personal columns.
func (c Counts) Positives() int { return c.TP + c.FN }

// SchemaResult holds the counts of one schema.
type SchemaResult struct {
	Schema string
	Style  string
	Counts Counts
}

// CategoryResult holds, for one labelled category, how its columns fared; for "none" and
// categories nobody labelled it still counts the false positives the classifier put there.
type CategoryResult struct {
	Category  string
	Labelled  int // columns labelled with this category
	Detected  int // of those, classified personal
	Matched   int // of those, with this category
	FlaggedAs int // columns of any label the classifier put in this category while personal
	FalsePos  int // of those, labelled not personal
}

// Report is the result of one evaluation.
type Report struct {
	Seed       uint64
	Stats      Stats
	Overall    Counts
	Schemas    []SchemaResult
	Categories []CategoryResult
	Outcomes   []Outcome
}

// Evaluate classifies every column of the corpus exactly as the scanner does and counts.
func Evaluate(c Corpus, cl Classifier) Report {
	rep := Report{Seed: c.Seed, Stats: c.Stats()}
	cats := map[string]*CategoryResult{}
	cat := func(k string) *CategoryResult {
		if cats[k] == nil {
			cats[k] = &CategoryResult{Category: k}
		}
		return cats[k]
	}
	for _, s := range c.Schemas {
		sr := SchemaResult{Schema: s.Name, Style: s.Style}
		for _, t := range s.Tables {
			for _, col := range t.Columns {
				got := cl.Classify(detect.Column{
					Table: col.Table, Name: col.Name, DataType: col.DataType,
					TableColumns: col.TableColumns, Values: col.Values, Sampled: col.Sampled,
				})
				o := Outcome{Column: col, Got: got}
				rep.Outcomes = append(rep.Outcomes, o)
				sr.Counts.Add(o)
				rep.Overall.Add(o)
				if col.Personal {
					cr := cat(col.Category)
					cr.Labelled++
					if got.Personal {
						cr.Detected++
					}
					if o.CategoryMatch() {
						cr.Matched++
					}
				}
				if got.Personal {
					cr := cat(string(got.Category))
					cr.FlaggedAs++
					if !col.Personal {
						cr.FalsePos++
					}
				}
			}
		}
		rep.Schemas = append(rep.Schemas, sr)
	}
	for _, k := range append(append([]string{}, Categories...), None) {
		if cats[k] != nil {
			rep.Categories = append(rep.Categories, *cats[k])
			delete(cats, k)
		}
	}
	var rest []string // categories the classifier invented, if any
	for k := range cats {
		rest = append(rest, k)
	}
	sort.Strings(rest)
	for _, k := range rest {
		rep.Categories = append(rep.Categories, *cats[k])
	}
	return rep
}

// Gate reports whether precision and recall reach the targets overall and in every schema
// style, so that one style cannot hide behind the others. A figure without data (a schema
// where nothing is flagged and nothing is personal) passes.
func (r Report) Gate(minPrecision, minRecall float64) error {
	var fails []string
	check := func(name string, c Counts) {
		var f []string
		if p := c.Precision(); !math.IsNaN(p) && p < minPrecision || math.IsNaN(p) && c.Positives() > 0 {
			f = append(f, fmt.Sprintf("precision %s < %.2f", pct(p), minPrecision))
		}
		if rc := c.Recall(); !math.IsNaN(rc) && rc < minRecall {
			f = append(f, fmt.Sprintf("recall %s < %.2f", pct(rc), minRecall))
		}
		if len(f) > 0 {
			fails = append(fails, name+": "+strings.Join(f, ", "))
		}
	}
	check("overall", r.Overall)
	for _, s := range r.Schemas {
		check(s.Schema, s.Counts)
	}
	if len(fails) > 0 {
		return fmt.Errorf("eval: below target: %s", strings.Join(fails, "; "))
	}
	return nil
}

func pct(f float64) string {
	if math.IsNaN(f) {
		return "–"
	}
	return fmt.Sprintf("%.3f", f)
}

// PrintSummary writes the corpus size and the per-schema and overall table.
func (r Report) PrintSummary(w io.Writer) {
	st := r.Stats
	fmt.Fprintf(w, "corpus (seed %d): %d schemas, %d tables, %d columns (%d personal, %d not), %d sampled values\n\n",
		r.Seed, st.Schemas, st.Tables, st.Columns, st.Personal, st.Columns-st.Personal, st.Values)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "schema\tcolumns\tpersonal\tTP\tFP\tFN\tprecision\trecall\tF1\tcategory agr.\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t\n", name, c.Columns(), c.Positives(), c.TP, c.FP, c.FN,
			pct(c.Precision()), pct(c.Recall()), pct(c.F1()), pct(c.CategoryAgreement()))
	}
	for _, s := range r.Schemas {
		row(s.Schema, s.Counts)
	}
	row("OVERALL", r.Overall)
	tw.Flush()
}

// PrintCategories writes, per category, recall and agreement of the labelled columns and
// the false positives the classifier put there.
func (r Report) PrintCategories(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "category\tlabelled\tdetected\tsame category\tflagged as\tof which FP\t")
	for _, c := range r.Categories {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t\n", c.Category, c.Labelled, c.Detected, c.Matched, c.FlaggedAs, c.FalsePos)
	}
	tw.Flush()
}

// Misses returns the false negatives, false positives and category mismatches, in that
// order, each sorted by column id.
func (r Report) Misses() (fn, fp, mismatch []Outcome) {
	for _, o := range r.Outcomes {
		switch {
		case o.Kind() == "FN":
			fn = append(fn, o)
		case o.Kind() == "FP":
			fp = append(fp, o)
		case o.Kind() == "TP" && !o.CategoryMatch():
			mismatch = append(mismatch, o)
		}
	}
	return fn, fp, mismatch
}

// PrintMisses lists misclassified columns with what was expected, what came out, the
// confidence and the signals — never a value. limit ≤ 0 lists all.
func (r Report) PrintMisses(w io.Writer, limit int) {
	fn, fp, mm := r.Misses()
	section := func(title string, os []Outcome) {
		fmt.Fprintf(w, "\n%s (%d)\n", title, len(os))
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  column\ttype\twant\tgot\tconf\tratio\tsignals")
		for i, o := range os {
			if limit > 0 && i == limit {
				fmt.Fprintf(tw, "  … %d more (run with -misses 0 to list all)\n", len(os)-limit)
				break
			}
			got := string(o.Got.Category)
			if !o.Got.Personal {
				got = "not personal (" + got + ")"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%.2f\t%.2f\t%s\n", o.Column.ID(), o.Column.DataType, o.Column.Category, got,
				o.Got.Confidence, o.Got.Evidence.ValueRatio, strings.Join(o.Got.Evidence.Signals, ","))
		}
		tw.Flush()
	}
	section("missed personal columns (false negatives)", fn)
	section("false alarms (false positives)", fp)
	section("personal, but another category", mm)
}

// Explain writes the label and the full evidence of the named columns (never values).
func (r Report) Explain(w io.Writer, ids []string) error {
	byID := map[string]Outcome{}
	for _, o := range r.Outcomes {
		byID[o.Column.ID()] = o
	}
	for _, id := range ids {
		o, ok := byID[strings.TrimSpace(id)]
		if !ok {
			return fmt.Errorf("eval: no column %q (want schema.table.column)", id)
		}
		e := o.Got.Evidence
		fmt.Fprintf(w, "%s (%s)\n  want: personal=%t category=%s\n  got:  personal=%t category=%s confidence=%.2f [%s]\n",
			o.Column.ID(), o.Column.DataType, o.Column.Personal, o.Column.Category, o.Got.Personal, o.Got.Category, o.Got.Confidence, o.Kind())
		fmt.Fprintf(w, "  evidence: signals=%s name_match=%q value_ratio=%.2f non_null=%d distinct=%d sampled=%d\n",
			strings.Join(e.Signals, ","), e.NameMatch, e.ValueRatio, e.NonNull, e.Distinct, e.Sampled)
	}
	return nil
}

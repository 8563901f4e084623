// Command gdprscan-eval measures the column classifier on the generated, labelled corpus of
// internal/eval and prints precision, recall, F1 and category agreement per schema and
// overall, then the misclassified columns (never their values). It exits 1 when the
// figures miss the targets overall or in any schema style (unless -gate=false), 2 on a
// usage error.
//
//	go run ./cmd/gdprscan-eval [-seed N] [-gate=false] [-misses 0] [-schema crm_de]
//	go run ./cmd/gdprscan-eval -explain hubspot.contacts.cpf
package main

import (
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/gdprscan/gdprscan/internal/eval"
	"github.com/gdprscan/gdprscan/rules/detect"
)

func main() { os.Exit(run()) }

func run() int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	seed := fs.Uint64("seed", eval.DefaultSeed, "corpus seed")
	gate := fs.Bool("gate", true, "exit 1 when precision or recall is below target, overall or in any schema")
	minP := fs.Float64("min-precision", 0.95, "precision target")
	minR := fs.Float64("min-recall", 0.95, "recall target")
	misses := fs.Int("misses", 40, "misclassified columns listed per section (0 = all)")
	cats := fs.Bool("categories", true, "print the per-category table")
	schema := fs.String("schema", "", "evaluate only these schemas (comma-separated)")
	regions := fs.String("phone-regions", "", "phone regions for the classifier (comma-separated; default: the classifier's)")
	labels := fs.String("write-labels", "", "write the ground truth as TSV to this file and exit")
	explain := fs.String("explain", "", "print the evidence of these columns (schema.table.column, comma-separated)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		return 2
	}
	corpus := eval.Generate(*seed)
	if *schema != "" {
		want := map[string]bool{}
		for _, s := range strings.Split(*schema, ",") {
			want[strings.TrimSpace(s)] = true
		}
		var kept []eval.Schema
		var names []string
		for _, s := range corpus.Schemas {
			names = append(names, s.Name)
			if want[s.Name] {
				kept = append(kept, s)
			}
		}
		if len(kept) == 0 {
			fmt.Fprintf(os.Stderr, "eval: no schema %q; valid: %s\n", *schema, strings.Join(names, ", "))
			return 2
		}
		corpus.Schemas = kept
	}
	if *labels != "" {
		f, err := os.Create(*labels)
		if err == nil {
			err = eval.WriteLabels(f, corpus)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "eval:", err)
			return 2
		}
		return 0
	}
	var opts []detect.Option
	if *regions != "" {
		opts = append(opts, detect.WithPhoneRegions(strings.Split(*regions, ",")))
	}
	cl, err := detect.New(opts...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		return 2
	}
	rep := eval.Evaluate(corpus, cl)
	if *explain != "" {
		ids := strings.Split(*explain, ",")
		if err := rep.Explain(os.Stdout, ids); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 2
		}
		return 0
	}
	rep.PrintSummary(os.Stdout)
	if *cats {
		fmt.Println()
		rep.PrintCategories(os.Stdout)
	}
	rep.PrintMisses(os.Stdout, *misses)
	if err := rep.Gate(*minP, *minR); err != nil {
		fmt.Println()
		if *gate {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		fmt.Println(err, "(gate disabled)")
		return 0
	}
	fmt.Printf("\nprecision ≥ %.2f and recall ≥ %.2f overall (%.3f, %.3f) and in each of the %d schemas: target met\n",
		*minP, *minR, rep.Overall.Precision(), rep.Overall.Recall(), len(rep.Schemas))
	return 0
}

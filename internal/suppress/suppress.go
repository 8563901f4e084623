// Package suppress silences findings someone has judged: an accepted risk, a false
// positive, a lawful basis documented elsewhere. Suppressions come from a YAML file
// (.gdprscan-ignore.yaml beside the config, or suppressions.file) — by fingerprint, or by
// rule and location pattern — and from the DPO statuses of the previous DPIA workbook.
// Each has a kind, a justification, an author and an expiry. A suppressed finding stays
// in the reports with status "suppressed" and raises no task; when the suppression
// expires it comes back.
package suppress

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/gdprscan/gdprscan/scanner"
)

// Kinds of suppression, sorted.
var Kinds = []string{KindAcceptedRisk, KindFalsePositive, KindLawfulBasis}

// Kinds.
const (
	KindAcceptedRisk  = "accepted-risk"
	KindFalsePositive = "false-positive"
	KindLawfulBasis   = "lawful-basis"
)

// EvidenceKey is the finding evidence entry that tells why it is suppressed.
const EvidenceKey = "suppression"

// Rule is one suppression.
type Rule struct {
	// Fingerprint suppresses one finding. Otherwise RuleID (a rule id or glob, e.g.
	// "SEC-0*") and at least one location pattern select the findings.
	Fingerprint string `yaml:"fingerprint"`
	RuleID      string `yaml:"rule"`
	Source      string `yaml:"source"`   // glob over the source name
	Table       string `yaml:"table"`    // glob over "table" or "schema.table"
	Column      string `yaml:"column"`   // glob over the column name
	Location    string `yaml:"location"` // glob over "database.schema.table[.column]"

	Kind          string `yaml:"kind"`
	Justification string `yaml:"justification"`
	Author        string `yaml:"author"`
	// Expires is the first day (UTC) the findings are reported again, as YYYY-MM-DD.
	Expires string `yaml:"expires"`

	// Origin says where the suppression was written: "file:line", or the workbook.
	Origin  string    `yaml:"-"`
	expires time.Time // zero: never
}

// ExpiresAt is when the suppression ends; zero when it does not.
func (r Rule) ExpiresAt() time.Time { return r.expires }

// String describes the suppression for the report and the task comment.
func (r Rule) String() string {
	var b strings.Builder
	b.WriteString(r.Kind)
	if r.Author != "" {
		b.WriteString(" by " + r.Author)
	}
	if !r.expires.IsZero() {
		b.WriteString(" until " + r.expires.Format("2006-01-02"))
	}
	if r.Justification != "" {
		b.WriteString(": " + r.Justification)
	}
	return b.String()
}

// Active tells whether the suppression holds at now.
func (r Rule) Active(now time.Time) bool { return r.expires.IsZero() || now.Before(r.expires) }

// Matches tells whether the suppression selects the finding (expiry aside).
func (r Rule) Matches(f scanner.Finding) bool {
	if r.Fingerprint != "" {
		return r.Fingerprint == f.Fingerprint
	}
	l := f.Location
	if !glob(r.RuleID, f.RuleID) || (r.Source != "" && !glob(r.Source, l.Source)) {
		return false
	}
	if r.Table != "" && !glob(r.Table, l.Table) && !glob(r.Table, l.Schema+"."+l.Table) {
		return false
	}
	if r.Column != "" && !glob(r.Column, l.Column) {
		return false
	}
	return r.Location == "" || glob(r.Location, l.String())
}

func glob(pattern, name string) bool {
	ok, _ := path.Match(strings.ToLower(pattern), strings.ToLower(name))
	return ok
}

// Set is the suppressions in force for a run.
type Set struct{ rules []Rule }

// Len is the number of suppressions.
func (s Set) Len() int { return len(s.rules) }

// Merge returns the suppressions of both sets; s's are tried first.
func (s Set) Merge(o Set) Set { return Set{rules: append(slices.Clone(s.rules), o.rules...)} }

// Match returns the active suppression of a finding; when none holds but one matched
// and has expired, it is returned as expired.
func (s Set) Match(f scanner.Finding, now time.Time) (active *Rule, expired *Rule) {
	for i := range s.rules {
		r := &s.rules[i]
		if !r.Matches(f) {
			continue
		}
		if r.Active(now) {
			return r, nil
		}
		if expired == nil {
			expired = r
		}
	}
	return nil, expired
}

// Outcome is what Apply did.
type Outcome struct {
	// Suppressed maps the fingerprint of each suppressed finding to its suppression.
	Suppressed map[string]Rule
	// Expired lists the suppressions that matched a finding but no longer hold.
	Expired []Rule
}

// Apply marks the findings a suppression holds for as suppressed (status and evidence).
func (s Set) Apply(fs []scanner.Finding, now time.Time) Outcome {
	out := Outcome{Suppressed: map[string]Rule{}}
	seenExpired := map[string]bool{}
	for i := range fs {
		f := &fs[i]
		active, expired := s.Match(*f, now)
		if active != nil {
			f.Status = scanner.StatusSuppressed
			if f.Evidence == nil {
				f.Evidence = map[string]string{}
			}
			f.Evidence[EvidenceKey] = active.String()
			out.Suppressed[f.Fingerprint] = *active
			continue
		}
		if expired != nil && !seenExpired[expired.Origin] {
			seenExpired[expired.Origin] = true
			out.Expired = append(out.Expired, *expired)
		}
	}
	return out
}

// file is the suppression file.
type file struct {
	Suppressions []Rule `yaml:"suppressions"`
}

// Load reads a suppression file. Errors name the file and line.
func Load(p string) (Set, error) {
	data, err := os.ReadFile(p)
	if err != nil {
		return Set{}, fmt.Errorf("suppressions: %w", err)
	}
	return Parse(data, p)
}

// Parse reads suppressions from data; name is used in errors and origins.
func Parse(data []byte, name string) (Set, error) {
	var f file
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		if errors.Is(err, io.EOF) {
			return Set{}, nil
		}
		return Set{}, yamlError(name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return Set{}, yamlError(name, err)
	}
	lines := entryLines(&root)
	var errs []error
	for i := range f.Suppressions {
		r := &f.Suppressions[i]
		line := 0
		if i < len(lines) {
			line = lines[i]
		}
		r.Origin = fmt.Sprintf("%s:%d", name, line)
		bad := func(format string, a ...any) {
			errs = append(errs, fmt.Errorf("%s: suppressions[%d]: %s", r.Origin, i, fmt.Sprintf(format, a...)))
		}
		switch {
		case r.Fingerprint != "" && (r.RuleID != "" || r.Source != "" || r.Table != "" || r.Column != "" || r.Location != ""):
			bad("give a fingerprint, or a rule with a location pattern, not both")
		case r.Fingerprint != "" && !strings.HasPrefix(r.Fingerprint, "v1:"):
			bad("fingerprint %q is not a gdprscan fingerprint (v1:…)", r.Fingerprint)
		case r.Fingerprint == "" && r.RuleID == "":
			bad("give a fingerprint, or a rule with a location pattern")
		case r.Fingerprint == "" && r.Source == "" && r.Table == "" && r.Column == "" && r.Location == "":
			bad("a suppression by rule needs a location pattern (source, table, column or location); to turn a rule off everywhere use rules.disable")
		}
		for _, g := range []string{r.RuleID, r.Source, r.Table, r.Column, r.Location} {
			if _, err := path.Match(g, ""); err != nil {
				bad("bad pattern %q", g)
			}
		}
		if !slices.Contains(Kinds, r.Kind) {
			bad("unknown kind %q (valid: %s)", r.Kind, strings.Join(Kinds, ", "))
		}
		if strings.TrimSpace(r.Justification) == "" {
			bad("justification is required")
		}
		if strings.TrimSpace(r.Author) == "" {
			bad("author is required")
		}
		if r.Expires == "" {
			bad("expires is required (YYYY-MM-DD): a suppression is reviewed when it expires")
		} else if t, err := time.Parse("2006-01-02", r.Expires); err != nil {
			bad("expires %q is not a date (YYYY-MM-DD)", r.Expires)
		} else {
			r.expires = t
		}
	}
	if len(errs) > 0 {
		return Set{}, errors.Join(errs...)
	}
	return Set{rules: f.Suppressions}, nil
}

// entryLines returns the line of each entry of the suppressions list.
func entryLines(root *yaml.Node) []int {
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "suppressions" && m.Content[i+1].Kind == yaml.SequenceNode {
			var out []int
			for _, e := range m.Content[i+1].Content {
				out = append(out, e.Line)
			}
			return out
		}
	}
	return nil
}

func yamlError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		errs := make([]error, len(te.Errors))
		for i, e := range te.Errors {
			errs[i] = fmt.Errorf("%s:%s", name, strings.TrimPrefix(e, "line "))
		}
		return errors.Join(errs...)
	}
	return fmt.Errorf("%s:%s", name, strings.TrimPrefix(strings.TrimPrefix(err.Error(), "yaml: "), "line "))
}

// DPOStatus is a DPO's decision on one finding, read from the previous workbook.
type DPOStatus struct {
	Status string // "accepted", "false positive", … (the workbook's drop-down)
	Owner  string
	Reason string
	// Review is when the decision is to be reviewed (the row's due date); zero: never.
	Review time.Time
}

// FromDPO turns the DPO's "accepted" and "false positive" statuses into suppressions of
// the findings, by fingerprint; other statuses suppress nothing.
func FromDPO(statuses map[string]DPOStatus, origin string) Set {
	fps := make([]string, 0, len(statuses))
	for fp := range statuses {
		fps = append(fps, fp)
	}
	slices.Sort(fps)
	var rules []Rule
	for _, fp := range fps {
		st := statuses[fp]
		var kind string
		switch strings.ToLower(strings.TrimSpace(st.Status)) {
		case "accepted", "accepted risk", "accepted-risk":
			kind = KindAcceptedRisk
		case "false positive", "false-positive":
			kind = KindFalsePositive
		case "lawful basis", "lawful-basis":
			kind = KindLawfulBasis
		default:
			continue
		}
		author, why := st.Owner, st.Reason
		if author == "" {
			author = "DPO"
		}
		if why == "" {
			why = "DPO status \"" + st.Status + "\" in the DPIA workbook"
		}
		rules = append(rules, Rule{Fingerprint: fp, Kind: kind, Justification: why, Author: author, Origin: origin, expires: st.Review})
	}
	return Set{rules: rules}
}

package pipeline

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

// CheckRules checks the config's rule selection and overrides against the catalogue and
// returns the selected rules. validate, scan and serve all call it, so a config one
// accepts the others accept too.
func CheckRules(cfg *config.Config) (rules.Set, error) {
	set, err := rules.Default().Select(cfg.Rules.Enable, cfg.Rules.Disable)
	if err != nil {
		return rules.Set{}, fmt.Errorf("%w: rules: %w", ErrConfig, err)
	}
	ids := make([]string, 0, len(cfg.Rules.Overrides))
	for id := range cfg.Rules.Overrides {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if err := rules.Default().CheckIDs(ids); err != nil {
		return rules.Set{}, fmt.Errorf("%w: rules.overrides: %w", ErrConfig, err)
	}
	return set, nil
}

// Validate connects to a source, says what the scan role can read, and tries every
// rule's mapped queries once (LIMIT 1), so a wrong table, column or predicate in the
// mapping shows up before the first scheduled run. problems counts mapping and query
// errors found.
func Validate(ctx context.Context, cfg *config.Config, s *config.Source) (report string, problems int, err error) {
	src, err := Open(ctx, s)
	if err != nil {
		return "", 0, fmt.Errorf("%s", scanner.Scrub(err.Error()))
	}
	defer src.Close()
	var b strings.Builder
	fmt.Fprintf(&b, "source %s (%s): connected", s.Name, s.Kind)
	var info scanner.Info
	if d, ok := src.(scanner.Describer); ok {
		if info, err = d.Describe(ctx); err != nil {
			fmt.Fprintf(&b, "\n  WARNING: could not read the role's privileges: %s", scanner.Scrub(err.Error()))
		} else {
			ro := "no — grant a read-only role"
			if info.ReadOnly {
				ro = "yes"
			}
			fmt.Fprintf(&b, " — server %s, user %q, database %q, session read-only: %s", info.ServerVersion, info.User, info.Database, ro)
		}
	}
	b.WriteString("\n")
	if len(info.CanWrite) > 0 {
		fmt.Fprintf(&b, "  WARNING: the role %q could write (the scan's session refuses writes, but a read-only role is the safeguard; see docs/security.md):\n", info.User)
		for _, w := range info.CanWrite {
			fmt.Fprintf(&b, "    - %s\n", w)
		}
	}
	units, err := src.Units(ctx)
	if err != nil {
		return "", 0, fmt.Errorf("list tables: %s", scanner.Scrub(err.Error()))
	}
	units = filterUnits(units, s)
	unreadable := map[string]bool{}
	for _, name := range info.Unreadable {
		unreadable[name] = true
	}
	var cannot []string
	schemas := map[string]int{}
	views, readable := 0, 0
	var tables []rules.Table // all of them: a mapped query on an unreadable one says so
	for _, u := range units {
		if unreadable[u.Schema+"."+u.Table] {
			cannot = append(cannot, u.Schema+"."+u.Table)
		} else {
			readable++
			schemas[u.Schema]++
			if u.IsView {
				views++
			}
		}
		t := rules.Table{Schema: u.Schema, Name: u.Table, IsView: u.IsView, PrimaryKey: u.PrimaryKey, RowEstimate: u.RowEstimate}
		for _, c := range u.Columns {
			t.Columns = append(t.Columns, rules.TableColumn{Name: c.Name, DataType: c.DataType, Default: c.Default})
		}
		tables = append(tables, t)
	}
	names := make([]string, 0, len(schemas))
	for n, c := range schemas {
		names = append(names, fmt.Sprintf("%s (%d)", n, c))
	}
	slices.Sort(names)
	fmt.Fprintf(&b, "  can read %d tables and %d views in %d schemas: %s\n", readable-views, views, len(schemas), strings.Join(names, ", "))
	if len(cannot) > 0 {
		fmt.Fprintf(&b, "  WARNING: cannot read %d tables or views (grant SELECT on them, or exclude them): %s\n", len(cannot), listNames(cannot))
	}
	if info.Unseen != "" {
		fmt.Fprintf(&b, "  WARNING: %s\n", info.Unseen)
	}
	if readable == 0 {
		b.WriteString("  WARNING: nothing to scan — check the role's SELECT grants and include/exclude lists\n")
	}

	env := &rules.Env{Dialect: src.Dialect(), SourceName: s.Name, Source: s, Config: cfg, Tables: tables, Now: time.Now()}
	for _, r := range rules.Default().Rules() {
		m := r.Meta()
		checks, err := r.Checks(env)
		if needs, ok := rules.IsNotEvaluated(err); ok {
			fmt.Fprintf(&b, "  %s: not evaluated: needs %s\n", m.ID, needs)
			continue
		}
		if err != nil {
			fmt.Fprintf(&b, "  %s: MAPPING ERROR: %s\n", m.ID, err)
			problems++
			continue
		}
		if m.Needs == "" {
			continue // discovery-driven rules have nothing mapped to try
		}
		for _, c := range checks {
			q := "SELECT * FROM (\n" + c.Offending + "\n) q " + src.Dialect().Limit(1)
			if _, err := src.Query(ctx, q, 1); err != nil {
				fmt.Fprintf(&b, "  %s on %s: QUERY ERROR: %s\n", m.ID, c.Location.Table, scanner.Scrub(err.Error()))
				problems++
				continue
			}
			fmt.Fprintf(&b, "  %s on %s: ok\n", m.ID, c.Location.Table)
		}
	}
	return b.String(), problems, nil
}

// listNames shows at most ten names, then how many more.
func listNames(names []string) string {
	if len(names) <= 10 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:10], ", ") + fmt.Sprintf(" and %d more", len(names)-10)
}

// filterUnits applies the source's include/exclude lists, as the scanner does.
func filterUnits(units []scanner.Unit, s *config.Source) []scanner.Unit {
	return scanner.FilterUnits(units, s)
}

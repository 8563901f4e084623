package rules

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/gdprscan/gdprscan/config"
)

// subject is a mapped subject table resolved against the catalogue.
type subject struct {
	cfg   config.Subject
	table Table
}

// subjects resolves every mapped subject table; a table the source lacks is a mapping
// error, reported for the rule rather than silently skipped.
func (e *Env) subjects() ([]subject, error) {
	var out []subject
	for _, s := range e.Mapping().Subjects {
		t, err := e.table(s.Table, "mapping.subjects")
		if err != nil {
			return nil, err
		}
		if err := e.column(t, s.Key, "mapping.subjects "+s.Table+" key"); err != nil {
			return nil, err
		}
		out = append(out, subject{cfg: s, table: t})
	}
	return out, nil
}

// subjectOf returns the subject mapping of t, if t is a subject table.
func (e *Env) subjectOf(t Table) (config.Subject, bool) {
	for _, s := range e.Mapping().Subjects {
		if e.refersTo(s.Table, t) {
			return s, true
		}
	}
	return config.Subject{}, false
}

// refersTo reports whether a table reference from the config names t.
func (e *Env) refersTo(ref string, t Table) bool {
	schema, name := config.SplitTableRef(ref)
	return equalFold(name, t.Name) && (schema == "" || equalFold(schema, t.Schema))
}

// appliesTo reports whether a mapping part that names subjectTable (empty: any) is about
// the subject s.
func (e *Env) appliesTo(subjectTable string, s subject) bool {
	return subjectTable == "" || e.refersTo(subjectTable, s.table)
}

// firstSubject resolves a subject_table reference, defaulting to the first subject.
func (e *Env) subjectByRef(ref, what string) (subject, error) {
	subs, err := e.subjects()
	if err != nil {
		return subject{}, err
	}
	for _, s := range subs {
		if ref == "" || e.refersTo(ref, s.table) {
			return s, nil
		}
	}
	if ref == "" {
		return subject{}, needs("mapping.subjects (%s refers to a subject)", what)
	}
	return subject{}, fmt.Errorf("%s: subject_table %q is not in mapping.subjects", what, ref)
}

// softDeleted returns the predicate that marks deleted rows of t, or "": the subject's
// own soft_deleted, else the first soft_delete entry whose globs match t and whose column
// t has.
func (e *Env) softDeleted(t Table) string {
	if s, ok := e.subjectOf(t); ok && s.SoftDeleted != "" {
		return s.SoftDeleted
	}
	for _, sd := range e.Mapping().SoftDelete {
		if _, ok := t.Column(sd.Column); ok && matchTable(sd.Tables, t) {
			return sd.Predicate
		}
	}
	return ""
}

func matchTable(globs []string, t Table) bool {
	for _, g := range globs {
		g = strings.ToLower(g)
		for _, name := range []string{t.Name, t.Schema + "." + t.Name} {
			if ok, _ := path.Match(g, strings.ToLower(name)); ok {
				return true
			}
		}
	}
	return false
}

// live is " AND NOT (soft-deleted)" for t, or "" when t has no soft-delete mapping.
func (e *Env) live(t Table) string { return notDeleted(e.softDeleted(t)) }

// relation is a parent-child link from a child table to a subject table.
type relation struct {
	child     Table
	column    string
	parent    Table
	parentKey string
	filter    string
	auto      bool
}

func (r relation) String() string {
	return fmt.Sprintf("%s.%s → %s.%s", r.child.Name, r.column, r.parent.Name, r.parentKey)
}

// relations returns the links to subject tables: those named in mapping.relations, then
// those found from column names (contact_id, contactid or ContactId → contacts.id, or
// civicrm_contact.id), leaving out tables that legitimately outlive their subject
// (erasure requests, tombstones, holds).
func (e *Env) relations() ([]relation, error) {
	if e.rels == nil {
		rels, err := e.findRelations()
		e.rels = &relationsMemo{rels: rels, err: err}
	}
	return e.rels.rels, e.rels.err
}

func (e *Env) findRelations() ([]relation, error) {
	mp := e.Mapping()
	subs, err := e.subjects()
	if err != nil {
		return nil, err
	}
	var out []relation
	seen := map[string]bool{}
	add := func(r relation) {
		k := strings.ToLower(r.child.Schema + "." + r.child.Name + "." + r.column + ">" + r.parent.Name)
		if !seen[k] {
			seen[k] = true
			out = append(out, r)
		}
	}
	for _, r := range mp.Relations {
		child, err := e.table(r.Child, "mapping.relations")
		if err != nil {
			return nil, err
		}
		if err := e.column(child, r.Column, "mapping.relations"); err != nil {
			return nil, err
		}
		parent, err := e.table(r.Parent, "mapping.relations")
		if err != nil {
			return nil, err
		}
		key := r.ParentKey
		if key == "" {
			s, ok := e.subjectOf(parent)
			if !ok {
				return nil, fmt.Errorf("mapping.relations: parent %q is not a subject table: set parent_key", r.Parent)
			}
			key = s.Key
		}
		if err := e.column(parent, key, "mapping.relations"); err != nil {
			return nil, err
		}
		add(relation{child: child, column: r.Column, parent: parent, parentKey: key, filter: r.Filter})
	}
	excluded := map[string]bool{}
	for _, ref := range e.outlivingTables() {
		if t, ok := e.FindTable(ref); ok {
			excluded[t.Schema+"."+t.Name] = true
		}
	}
	for _, s := range subs {
		names := fkNames(s.table.Name, s.cfg.Key)
		for _, t := range e.Tables {
			if t.IsView || excluded[t.Schema+"."+t.Name] || (t.Schema == s.table.Schema && t.Name == s.table.Name) {
				continue
			}
			for _, c := range t.Columns {
				if names[strings.ToLower(c.Name)] {
					add(relation{child: t, column: c.Name, parent: s.table, parentKey: s.cfg.Key, auto: true})
					break
				}
			}
		}
	}
	return out, nil
}

// outlivingTables are mapped tables that keep a subject's id after the subject is gone.
func (e *Env) outlivingTables() []string {
	mp := e.Mapping()
	var out []string
	if mp.Erasure != nil {
		out = append(out, mp.Erasure.Table)
	}
	if mp.Holds != nil {
		out = append(out, mp.Holds.Table)
	}
	for _, tb := range mp.Tombstones {
		out = append(out, tb.Table)
	}
	return out
}

// fkNames are the column names that reference table.key by convention, lower case:
// contacts.id → contact_id, contactid; civicrm_contact.id → contact_id; res_partner.id →
// partner_id.
func fkNames(table, key string) map[string]bool {
	base := strings.ToLower(table)
	if i := strings.LastIndexByte(base, '_'); i >= 0 && i < len(base)-1 {
		base = base[i+1:]
	}
	out := map[string]bool{}
	k := strings.ToLower(key)
	for _, b := range []string{singular(base), base} {
		out[b+"_"+k] = true
		out[b+k] = true
	}
	return out
}

func singular(s string) string {
	switch {
	case s == "people":
		return "person"
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

// subjectExpr is the expression naming the data subject of a row of t under alias: the
// subject key when t is a subject table, the reference to a subject when t is a child of
// one, else the row's own key.
func (e *Env) subjectExpr(t Table, alias string) string {
	d := e.Dialect
	if s, ok := e.subjectOf(t); ok {
		return d.Column(alias, s.Key)
	}
	if rels, err := e.relations(); err == nil {
		for _, r := range rels {
			if r.child.Schema == t.Schema && r.child.Name == t.Name {
				return d.Column(alias, r.column)
			}
		}
	}
	return rowKey(d, alias, t)
}

// basisValues returns the values this CRM writes for a canonical basis.
func (e *Env) basisValues(canonical string) []string {
	if v, ok := e.Mapping().BasisValues[canonical]; ok && len(v) > 0 {
		return v
	}
	return []string{canonical}
}

// basisIs is a predicate true when the basis column holds one of the values of the
// canonical basis, as a LIKE pattern when the value has a %.
func (e *Env) basisIs(col, canonical string) string {
	return valueIn(e.Dialect, col, e.basisValues(canonical))
}

// valueIn compares col with config values as the CRM writes them: equality, or LIKE for
// a value with a % (SuiteCRM multi-selects such as "%^consent^%").
func valueIn(d interface{ String(string) string }, col string, values []string) string {
	var eq, parts []string
	for _, v := range values {
		if strings.Contains(v, "%") {
			parts = append(parts, col+" LIKE "+d.String(v))
		} else {
			eq = append(eq, d.String(v))
		}
	}
	if len(eq) > 0 {
		parts = append([]string{col + " IN (" + strings.Join(eq, ", ") + ")"}, parts...)
	}
	if len(parts) == 0 {
		return "1 = 0"
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return "(" + strings.Join(parts, " OR ") + ")"
}

// timeNameRE matches column names that hold a date or time when the type does not say
// (SQLite declares timestamps as TEXT).
var timeNameRE = regexp.MustCompile(`(?i)(_at|_on|_date|_time|_ts|date|time|timestamp)$|^(date|created|updated|modified|timestamp)`)

// isTimeColumn reports whether a column can anchor a retention period.
func isTimeColumn(c TableColumn) bool {
	t := strings.ToLower(c.DataType)
	if strings.Contains(t, "date") || strings.Contains(t, "time") {
		return true
	}
	return timeNameRE.MatchString(c.Name) && c.Class.Category != "date_of_birth"
}

var identRE = regexp.MustCompile("\"((?:[^\"]|\"\")+)\"|`((?:[^`]|``)+)`|([A-Za-z_][A-Za-z0-9_]*)")

// predicateColumns returns the columns of t that an SQL predicate names.
func predicateColumns(pred string, t Table) []TableColumn {
	var out []TableColumn
	seen := map[string]bool{}
	for _, m := range identRE.FindAllStringSubmatch(stripStrings(pred), -1) {
		name := m[1] + m[2] + m[3]
		if c, ok := t.Column(name); ok && !seen[strings.ToLower(c.Name)] {
			seen[strings.ToLower(c.Name)] = true
			out = append(out, c)
		}
	}
	return out
}

// stripStrings blanks out '…' literals so their words are not taken for columns.
func stripStrings(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		if r == '\'' {
			in = !in
			b.WriteRune(' ')
			continue
		}
		if in {
			b.WriteRune(' ')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// truthyDefault reports whether a catalogue default expression sets a flag on: 1, true,
// 'yes', b'1', 'granted', with quotes, parentheses and casts such as ::boolean stripped.
func truthyDefault(def *string, alsoTrue []string) bool {
	if def == nil {
		return false
	}
	v := strings.TrimSpace(*def)
	if i := strings.Index(v, "::"); i >= 0 {
		v = v[:i]
	}
	v = strings.Trim(v, "() ")
	v = strings.TrimPrefix(strings.TrimPrefix(v, "b'"), "B'")
	v = strings.ToLower(strings.Trim(v, "'\" "))
	switch v {
	case "1", "true", "t", "yes", "y", "on":
		return true
	}
	for _, a := range alsoTrue {
		if v == strings.ToLower(a) {
			return true
		}
	}
	return false
}

// notDeleted excludes soft-deleted rows when the mapping says how to see them.
func notDeleted(pred string) string {
	if pred == "" {
		return ""
	}
	return "\n  AND NOT " + paren(pred)
}

package suggest

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
)

// Header describes the source the draft is for.
type Header struct {
	Name string // source name
	Kind string // postgres | mysql | sqlite
	DSN  string // as written to the file (passwords replaced by an ${ENV} reference)
	Now  time.Time
	// PhoneRegions, when set, were used to classify and go into discovery.phone_regions.
	PhoneRegions []string
}

const review = "  # suggested: review"

// YAML renders a complete, loadable config around the draft, every suggested part
// marked for review.
func (d *Draft) YAML(h Header) []byte {
	w := &writer{}
	w.line(0, "# gdprscan configuration drafted by `gdprscan init` on %s from the %s database %q.", h.Now.UTC().Format("2006-01-02"), h.Kind, h.Name)
	w.line(0, "#")
	w.line(0, "# Every mapping part below is a guess from table and column names, the classification")
	w.line(0, "# of sampled values and sampled enum words; each is marked \"suggested: review\". Check it")
	w.line(0, "# against how the CRM really works before relying on the findings, then run")
	w.line(0, "# `gdprscan validate --config FILE`, which tries every mapped query once. Keys and their")
	w.line(0, "# meaning: testdata/demo/gdprscan.yaml and rules/RULES.md.")
	for _, n := range d.Notes {
		w.line(0, "#   - not found: %s", n)
	}
	for _, sk := range d.Skipped {
		w.line(0, "#   - skipped table %s (could not be read: %s): give the scanner access to it, or more time, and run init again", sk.Table, oneLine(sk.Reason))
	}
	w.line(0, "")
	w.line(0, "organisation:")
	w.line(1, "controller: \"\"%s: the controller the DPIA is for", review)
	w.line(1, "scope: %s", q(h.Name))
	w.line(0, "")
	w.line(0, "sources:")
	w.line(1, "- name: %s", q(h.Name))
	w.line(2, "kind: %s", h.Kind)
	w.line(2, "dsn: %s", q(h.DSN))
	if h.Kind == "sqlite" {
		w.line(2, "exclude_tables: [\"sqlite_*\"]")
	}
	w.line(2, "environment: prod%s: prod | staging | dev | test (MIN-03 checks non-production copies)", review)
	w.line(2, "mapping:")
	d.writeMapping(w, 3)
	w.line(0, "")
	w.line(0, "# The record of processing activities (Art. 30) cannot be guessed: add one entry per")
	w.line(0, "# purpose with its tables, lawful basis and retention (DSC-02, LAW-01, LAW-02, RET-03).")
	w.line(0, "# activities:")
	w.line(0, "#   - id: PA-01")
	w.line(0, "#     name: Customer relationship management")
	w.line(0, "#     lawful_basis: contract    # consent | contract | legal_obligation | legitimate_interest | …")
	w.line(0, "#     tables: [contacts]")
	w.line(0, "#     retention: P3Y")
	w.line(0, "")
	if len(h.PhoneRegions) > 0 {
		w.line(0, "discovery:")
		w.line(1, "phone_regions: [%s]", strings.Join(h.PhoneRegions, ", "))
		w.line(0, "")
	}
	w.line(0, "report:")
	w.line(1, "formats: [xlsx, json]")
	return []byte(w.String())
}

func (d *Draft) writeMapping(w *writer, n int) {
	m := d.Mapping
	d.writeSubjects(w, n)
	d.writeConsent(w, n)
	d.writeEmailConsent(w, n)
	d.writeEvents(w, n, "sends", "keep only marketing messages (CNS-03 looks for sends after a withdrawal)", m.Sends)
	d.writeEvents(w, n, "lists", "marketing-list memberships: people on them count as marketed to (CNS-01, CNS-03)", m.Lists)
	d.writeEvents(w, n, "interactions", "keep only contact the person started: forms, replies, clicks, visits (CNS-04)", m.Interactions)
	d.writeEvents(w, n, "withdrawals", "unsubscribe events: CNS-03 counts marketing sent after the last one", m.Withdrawals)
	d.writeRetention(w, n)
	d.writeErasure(w, n)
	w.line(n, "# relations: parent links beyond <table>_id → <tables>.id, which are found automatically (ERA-04)")
	w.line(n, "# allowed_grantees: [crm_app]   # roles that may read personal data (SEC-05)")
}

// writeSubjects writes the subject tables and the lawful-basis values.
func (d *Draft) writeSubjects(w *writer, n int) {
	m := d.Mapping
	if len(m.Subjects) > 0 {
		w.line(n, "subjects:")
		for _, s := range m.Subjects {
			w.line(n+1, "- table: %s%s: %s", q(s.Table), review, d.Why["subjects/"+s.Table])
			w.kv(n+2, "key", s.Key)
			w.kv(n+2, "lawful_basis_column", s.LawfulBasisColumn)
			w.kv(n+2, "marketable", s.Marketable)
			w.kv(n+2, "opted_out", s.OptedOut)
			w.kv(n+2, "opted_out_at_column", s.OptedOutAtColumn)
			w.kv(n+2, "soft_deleted", s.SoftDeleted)
			w.kv(n+2, "deleted_at_column", s.DeletedAtColumn)
			w.kv(n+2, "email_column", s.EmailColumn)
			w.kv(n+2, "created_column", s.CreatedColumn)
			w.kv(n+2, "birth_date_column", s.BirthDateColumn)
			w.kv(n+2, "country_column", s.CountryColumn)
			w.kv(n+2, "basis_reviewed_column", s.BasisReviewedColumn)
		}
	}
	if len(m.BasisValues) > 0 {
		w.line(n, "basis_values:%s: %s", review, d.Why["basis_values"])
		for _, k := range config.BasisKeys {
			w.list(n+1, k, m.BasisValues[k])
		}
	}
}

// writeConsent writes the consent table.
func (d *Draft) writeConsent(w *writer, n int) {
	m := d.Mapping
	if c := m.Consent; c != nil {
		w.line(n, "consent:%s: %s", review, d.Why["consent"])
		w.kv(n+1, "table", c.Table)
		w.kv(n+1, "subject_key", c.SubjectKey)
		w.kv(n+1, "subject_table", c.SubjectTable)
		w.kv(n+1, "purpose_column", c.PurposeColumn)
		w.kv(n+1, "status_column", c.StatusColumn)
		w.list(n+1, "granted_values", c.GrantedValues)
		w.list(n+1, "withdrawn_values", c.WithdrawnValues)
		if c.MarketingPurpose != "" {
			w.kv(n+1, "marketing_purpose", c.MarketingPurpose)
		} else {
			w.line(n+1, "# marketing_purpose: email_marketing%s: the purpose marketable people need consent for", review)
		}
		w.kv(n+1, "channel_column", c.ChannelColumn)
		w.kv(n+1, "lawful_basis_column", c.LawfulBasisColumn)
		w.kv(n+1, "captured_at_column", c.CapturedAtColumn)
		w.kv(n+1, "capture_method_column", c.CaptureMethodColumn)
		w.kv(n+1, "capture_source_column", c.CaptureSourceColumn)
		w.kv(n+1, "notice_version_column", c.NoticeVersionColumn)
		w.kv(n+1, "proof_ref_column", c.ProofRefColumn)
		w.kv(n+1, "double_opt_in_at_column", c.DoubleOptInAtColumn)
		w.kv(n+1, "withdrawn_at_column", c.WithdrawnAtColumn)
		w.kv(n+1, "reconfirmed_at_column", c.ReconfirmedAtColumn)
		w.kv(n+1, "parental_consent_column", c.ParentalConsentColumn)
		w.line(n+1, "refresh_period: P24M%s: when consent is due for renewal (CNS-04)", review)
	}
}

// writeEmailConsent writes the e-mail address opt-ins and opt-outs.
func (d *Draft) writeEmailConsent(w *writer, n int) {
	m := d.Mapping
	if e := m.EmailConsent; e != nil {
		w.line(n, "email_consent:%s: %s", review, d.Why["email_consent"])
		w.kv(n+1, "table", e.Table)
		w.kv(n+1, "key", e.Key)
		w.kv(n+1, "subject_table", e.SubjectTable)
		w.kv(n+1, "subject_key", e.SubjectKey)
		link := func(l config.EmailLink, first string) {
			w.line(n+2, "%stable: %s", first, q(l.Table))
			ind := n + 2
			if first != "" {
				ind = n + 3
			}
			w.kv(ind, "address_key", l.AddressKey)
			w.kv(ind, "subject_key", l.SubjectKey)
			w.kv(ind, "subject_table", l.SubjectTable)
			w.kv(ind, "filter", l.Filter)
		}
		if l := e.Link; l != nil {
			w.line(n+1, "link:")
			link(*l, "")
		}
		if len(e.Links) > 0 {
			w.line(n+1, "links:  # one per subject table the addresses belong to")
			for _, l := range e.Links {
				link(l, "- ")
			}
		}
		w.kv(n+1, "opted_in", e.OptedIn)
		w.kv(n+1, "opted_out", e.OptedOut)
		w.kv(n+1, "opted_out_at_column", e.OptedOutAtColumn)
		w.kv(n+1, "double_opt_in_at_column", e.DoubleOptInAtColumn)
		w.kv(n+1, "soft_deleted", e.SoftDeleted)
	}
}

// writeEvents writes one list of subject events (sends, lists, interactions, withdrawals).
func (d *Draft) writeEvents(w *writer, n int, key, why string, evs []config.SubjectEvents) {
	if len(evs) == 0 {
		return
	}
	w.line(n, "%s:%s: %s", key, review, why)
	for _, e := range evs {
		w.line(n+1, "- table: %s", q(e.Table))
		w.kv(n+2, "subject_key", e.SubjectKey)
		w.kv(n+2, "subject_table", e.SubjectTable)
		w.kv(n+2, "at_column", e.AtColumn)
		w.kv(n+2, "filter", e.Filter)
		if th := e.Through; th != nil {
			w.line(n+2, "through: {table: %s, key: %s, column: %s}", q(th.Table), q(th.Key), q(th.Column))
		}
	}
}

// writeRetention writes the contracts, retention rules, soft deletes, logs and holds.
func (d *Draft) writeRetention(w *writer, n int) {
	m := d.Mapping
	if len(m.Contracts) > 0 {
		w.line(n, "contracts:%s: what a \"contract\" basis rests on (LAW-03); add a filter for cancelled rows", review)
		for _, c := range m.Contracts {
			w.line(n+1, "- table: %s", q(c.Table))
			w.kv(n+2, "subject_key", c.SubjectKey)
			w.kv(n+2, "subject_table", c.SubjectTable)
			w.kv(n+2, "end_column", c.EndColumn)
		}
	}
	if len(m.Retention) > 0 {
		w.line(n, "retention:%s: periods are common references, not legal advice; the table is aliased t", review)
		for _, r := range m.Retention {
			w.line(n+1, "- id: %s", q(r.ID))
			w.kv(n+2, "table", r.Table)
			w.kv(n+2, "key", r.Key)
			w.kv(n+2, "applies_to", r.AppliesTo)
			w.kv(n+2, "subject_filter", r.SubjectFilter)
			w.kv(n+2, "anchor", r.Anchor)
			w.kv(n+2, "period", r.Period.String())
			w.kv(n+2, "end_action", r.EndAction)
			w.kv(n+2, "legal_basis", r.LegalBasis)
			w.kv(n+2, "hold", r.Hold)
		}
	}
	if len(m.SoftDelete) > 0 {
		w.line(n, "soft_delete:%s: %s", review, d.Why["soft_delete"])
		for _, s := range m.SoftDelete {
			w.line(n+1, "- tables: [\"*\"]")
			w.kv(n+2, "column", s.Column)
			w.kv(n+2, "predicate", s.Predicate)
			w.kv(n+2, "deleted_at_column", s.DeletedAtColumn)
		}
	}
	if len(m.Logs) > 0 {
		w.line(n, "logs:%s: activity and tracking tables; P13M is the CNIL's tracking reference", review)
		for _, l := range m.Logs {
			w.line(n+1, "- table: %s", q(l.Table))
			w.kv(n+2, "at_column", l.AtColumn)
			w.line(n+2, "period: P13M")
		}
	}
	if h := m.Holds; h != nil {
		w.line(n, "holds:%s: %s", review, d.Why["holds"])
		w.kv(n+1, "table", h.Table)
		w.kv(n+1, "key", h.Key)
		w.kv(n+1, "subject_key", h.SubjectKey)
		w.kv(n+1, "reason_column", h.ReasonColumn)
		w.kv(n+1, "owner_column", h.OwnerColumn)
		w.kv(n+1, "review_column", h.ReviewColumn)
		w.kv(n+1, "released_column", h.ReleasedColumn)
		w.kv(n+1, "placed_column", h.PlacedColumn)
	}
}

// writeErasure writes the erasure requests and the tombstones.
func (d *Draft) writeErasure(w *writer, n int) {
	m := d.Mapping
	if e := m.Erasure; e != nil {
		w.line(n, "erasure:%s: %s", review, d.Why["erasure"])
		w.kv(n+1, "table", e.Table)
		w.kv(n+1, "key", e.Key)
		w.kv(n+1, "subject_key", e.SubjectKey)
		w.kv(n+1, "subject_table", e.SubjectTable)
		w.kv(n+1, "received_column", e.ReceivedColumn)
		w.kv(n+1, "completed_column", e.CompletedColumn)
		w.kv(n+1, "completed_filter", e.CompletedFilter)
		if e.HashColumn != "" {
			w.line(n+1, "hash_column: %s%s: hex SHA-256 of lower(trim(email))? set hash_salt if salted", q(e.HashColumn), review)
		}
		w.line(n+1, "deadline: P1M")
	}
	if len(m.Tombstones) > 0 {
		w.line(n, "tombstones:%s: suppression or erasure lists (ERA-03)", review)
		for _, t := range m.Tombstones {
			w.line(n+1, "- table: %s", q(t.Table))
			w.kv(n+2, "email_column", t.EmailColumn)
			w.kv(n+2, "hash_column", t.HashColumn)
			w.kv(n+2, "at_column", t.AtColumn)
		}
	}
}

// oneLine keeps a reason on its comment line.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

type writer struct{ strings.Builder }

func (w *writer) line(indent int, format string, a ...any) {
	if format == "" {
		w.WriteString("\n")
		return
	}
	w.WriteString(strings.Repeat("  ", indent))
	fmt.Fprintf(w, format, a...)
	w.WriteString("\n")
}

// kv writes key: value, nothing when value is empty.
func (w *writer) kv(indent int, key, value string) {
	if value == "" {
		return
	}
	w.line(indent, "%s: %s", key, q(value))
}

func (w *writer) list(indent int, key string, values []string) {
	if len(values) == 0 {
		return
	}
	qs := make([]string, len(values))
	for i, v := range values {
		qs[i] = q(v)
	}
	w.line(indent, "%s: [%s]", key, strings.Join(qs, ", "))
}

// q renders a YAML scalar: plain when safe, else double-quoted (JSON strings are valid
// YAML double-quoted scalars).
func q(s string) string {
	if plainScalar(s) {
		return s
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

func plainScalar(s string) bool {
	if s == "" || strings.ContainsAny(s[:1], "-?:,[]{}#&*!|>'\"%@` ") {
		return false
	}
	switch strings.ToLower(s) {
	case "true", "false", "yes", "no", "on", "off", "null", "~", "y", "n":
		return false
	}
	for _, r := range s {
		if !(r == '_' || r == '-' || r == '.' || r == '/' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// SafeDSN returns the DSN to write into the file: a password in a URL DSN is replaced
// by ${GDPRSCAN_<NAME>_PASSWORD}, whose name is returned so the user can be told to set
// it. Other DSNs are returned as they are.
func SafeDSN(dsn, source string) (string, string) {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn, ""
	}
	if _, ok := u.User.Password(); !ok {
		return dsn, ""
	}
	env := "GDPRSCAN_" + strings.ToUpper(envName.ReplaceAllString(source, "_")) + "_PASSWORD"
	s := u.Scheme + "://" + url.User(u.User.Username()).String() + ":${" + env + "}@" + u.Host + u.EscapedPath()
	if u.RawQuery != "" {
		s += "?" + u.RawQuery
	}
	return s, env
}

var envName = regexp.MustCompile(`[^A-Za-z0-9]+`)

package config

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Mapping tells the rules how this CRM stores people, consent, retention and requests.
// Every part is optional: a rule whose part is missing is reported as "not evaluated:
// needs …". SQL predicates and expressions are written over the columns of the table
// they belong to, unqualified; gdprscan puts each one in a (sub)query whose innermost
// table is that table.
type Mapping struct {
	Subjects []Subject `yaml:"subjects"`
	// Consent maps a consent-event table onto the canonical model (docs/rule-catalogue.md §1).
	Consent *ConsentMapping `yaml:"consent"`
	// EmailConsent maps per-address opt-ins on an email-address table (SuiteCRM
	// email_addresses style).
	EmailConsent *EmailConsentMapping `yaml:"email_consent"`
	// BasisValues maps a canonical lawful basis (see BasisKeys) to the values this CRM
	// writes in its basis columns; a value with % is an SQL LIKE pattern. A basis not
	// listed matches its own name.
	BasisValues map[string][]string `yaml:"basis_values"`
	// Sends are marketing messages sent to subjects (CNS-03).
	Sends []SubjectEvents `yaml:"sends"`
	// Lists are marketing-list memberships: a subject on a list is marketed to (CNS-01)
	// and must not stay on one after withdrawing (CNS-03). Leave suppression and test
	// lists out with the filter.
	Lists []SubjectEvents `yaml:"lists"`
	// Withdrawals are events that withdraw consent or object to marketing: unsubscribe
	// clicks (SuiteCRM campaign_log 'removed', CiviCRM civicrm_mailing_event_unsubscribe).
	// CNS-03 counts people listed or sent marketing after their last one.
	Withdrawals []SubjectEvents `yaml:"withdrawals"`
	// Interactions are contacts the subject started: form, reply, click, visit (CNS-04).
	Interactions []SubjectEvents `yaml:"interactions"`
	// Contracts are the rows a "contract" basis rests on: contracts, orders, deals (LAW-03).
	Contracts []ContractMapping `yaml:"contracts"`
	Retention []RetentionRule   `yaml:"retention"`
	// SoftDelete says how tables other than subjects mark deleted rows (every table in
	// SuiteCRM: deleted = 1). A subject's own soft_deleted wins for its table.
	SoftDelete []SoftDeleteRule `yaml:"soft_delete"`
	// Logs are activity, email-log, tracking and audit tables with their period (RET-05).
	Logs  []LogTable   `yaml:"logs"`
	Holds *HoldMapping `yaml:"holds"`
	// Erasure maps the table of erasure requests (Art. 17).
	Erasure *ErasureMapping `yaml:"erasure"`
	// Tombstones are suppression or erasure lists of identifiers (ERA-03).
	Tombstones []TombstoneMapping `yaml:"tombstones"`
	// Relations add parent-child links to those found from column names such as
	// contact_id → contacts.id (ERA-04).
	Relations []Relation `yaml:"relations"`
	// ConsentAges overrides the Art. 8 age of digital consent per ISO country code;
	// "default" applies to other countries (built in: the Member States' ages, 16).
	ConsentAges map[string]int `yaml:"consent_ages"`
	// TestDomains are email domains that mark test data in non-production sources
	// (MIN-03): "example.com" (and subdomains), "example.*", "*.test".
	TestDomains []string `yaml:"test_domains"`
	// AllowedGrantees are the roles (PostgreSQL) or users (MySQL) that may read personal
	// data; with the list set, any other grantee is broad access (SEC-05).
	AllowedGrantees []string `yaml:"allowed_grantees"`
}

// Subject is a table whose rows are data subjects (contacts, leads, customers).
type Subject struct {
	Table string `yaml:"table"`
	Key   string `yaml:"key"` // primary key column
	// LawfulBasisColumn holds the per-row lawful basis, if the CRM records one
	// (hs_legal_basis, SuiteCRM lawful_basis).
	LawfulBasisColumn string `yaml:"lawful_basis_column"`
	// Marketable is an SQL predicate over the table's columns that is true for people
	// who are being marketed to, e.g. "marketing_opt_in = 1".
	Marketable string `yaml:"marketable"`
	// OptedOut is an SQL predicate true for people who objected or unsubscribed
	// (hs_email_optout = 1, do_not_email = 1, HasOptedOutOfEmail = 1).
	OptedOut string `yaml:"opted_out"`
	// OptedOutAtColumn holds when they opted out, if known.
	OptedOutAtColumn string `yaml:"opted_out_at_column"`
	// SoftDeleted is an SQL predicate true for rows the CRM considers deleted.
	SoftDeleted string `yaml:"soft_deleted"`
	// DeletedAtColumn holds when a row was soft-deleted; PurgeWindow (default P30D) is
	// how long a soft-deleted row may keep its personal data (RET-04).
	DeletedAtColumn string `yaml:"deleted_at_column"`
	PurgeWindow     Period `yaml:"purge_window"`
	// EmailColumn is the identity key used to match people across tables (ERA-02,
	// ERA-03, MIN-04).
	EmailColumn string `yaml:"email_column"`
	// CreatedColumn holds when the row was created (ERA-03).
	CreatedColumn string `yaml:"created_column"`
	// BirthDateColumn and CountryColumn give the age of consent (CNS-07).
	BirthDateColumn string `yaml:"birth_date_column"`
	CountryColumn   string `yaml:"country_column"`
	// BasisReviewedColumn holds when the lawful basis was last reviewed (SuiteCRM
	// date_reviewed); BasisReviewPeriod defaults to P12M (LAW-04).
	BasisReviewedColumn string `yaml:"basis_reviewed_column"`
	BasisReviewPeriod   Period `yaml:"basis_review_period"`
}

// ConsentMapping maps a consent-event table onto the canonical consent model: one row
// per subject × purpose (× channel), with history kept. The *_column keys name this
// CRM's column for each canonical field; a field left out is one the CRM does not keep.
type ConsentMapping struct {
	Table            string   `yaml:"table"`
	SubjectKey       string   `yaml:"subject_key"`   // column referencing the subject's key
	SubjectTable     string   `yaml:"subject_table"` // the subject table it references; default: every subject
	PurposeColumn    string   `yaml:"purpose_column"`
	StatusColumn     string   `yaml:"status_column"`
	GrantedValues    []string `yaml:"granted_values"`    // default [granted]
	WithdrawnValues  []string `yaml:"withdrawn_values"`  // default [withdrawn]
	MarketingPurpose string   `yaml:"marketing_purpose"` // the purpose marketable people need consent for
	// MarketingChannel, with channel_column, also requires the consent's channel to be
	// this one or "any".
	MarketingChannel string `yaml:"marketing_channel"`

	ChannelColumn         string `yaml:"channel_column"`
	LawfulBasisColumn     string `yaml:"lawful_basis_column"` // consent type: consent | explicit_consent
	CapturedAtColumn      string `yaml:"captured_at_column"`
	CaptureMethodColumn   string `yaml:"capture_method_column"`
	CaptureSourceColumn   string `yaml:"capture_source_column"`
	NoticeVersionColumn   string `yaml:"notice_version_column"`
	ProofRefColumn        string `yaml:"proof_ref_column"`
	DoubleOptInAtColumn   string `yaml:"double_opt_in_at_column"`
	WithdrawnAtColumn     string `yaml:"withdrawn_at_column"`
	ReconfirmedAtColumn   string `yaml:"reconfirmed_at_column"`
	ParentalConsentColumn string `yaml:"parental_consent_column"`

	// WeakMethods are capture methods that prove nothing (CNS-02); default [import, unknown].
	WeakMethods []string `yaml:"weak_methods"`
	// ImpliedMethods are capture methods that are not a clear affirmative act (CNS-06);
	// default [import, default, pre_ticked].
	ImpliedMethods []string `yaml:"implied_methods"`
	// BundledPurposes are purpose values that cover everything (CNS-05); default
	// [all, any, "*", general, everything].
	BundledPurposes []string `yaml:"bundled_purposes"`
	// ExplicitValues are consent-type values that mean explicit consent (SPC-04);
	// default [explicit, explicit_consent].
	ExplicitValues []string `yaml:"explicit_values"`
	// RefreshPeriod is when a consent is due for renewal (CNS-04); default P24M.
	RefreshPeriod Period `yaml:"refresh_period"`
	// BulkThreshold: more consents than this captured in one second are a bulk import
	// (CNS-06); default 10.
	BulkThreshold int `yaml:"bulk_threshold"`
}

// EmailConsentMapping maps per-channel opt-ins kept on an email-address table, linked to
// the subject directly (subject_key) or through a relation table (link, or links when
// one relation table serves several subject tables).
type EmailConsentMapping struct {
	Table        string     `yaml:"table"`
	Key          string     `yaml:"key"`
	SubjectTable string     `yaml:"subject_table"` // default: the first subject
	SubjectKey   string     `yaml:"subject_key"`   // column on the address table, or
	Link         *EmailLink `yaml:"link"`          // a relation table, or
	// Links are one relation table per subject table, or one polymorphic table with a
	// filter per subject (SuiteCRM email_addr_bean_rel: bean_module = 'Contacts', 'Leads').
	Links []EmailLink `yaml:"links"`
	// OptedIn and OptedOut are SQL predicates over the address row, e.g.
	// "confirm_opt_in IN ('opt-in', 'confirmed-opt-in')" and "opt_out = 1".
	OptedIn  string `yaml:"opted_in"`
	OptedOut string `yaml:"opted_out"`
	// OptedOutAtColumn holds when the address was opted out, or a time at or after it
	// (the row's last change): CNS-03 counts sends after it.
	OptedOutAtColumn    string `yaml:"opted_out_at_column"`
	OptedInAtColumn     string `yaml:"opted_in_at_column"`
	DoubleOptInAtColumn string `yaml:"double_opt_in_at_column"`
	SoftDeleted         string `yaml:"soft_deleted"`
}

// EmailLink is a relation table between addresses and subjects (email_addr_bean_rel).
type EmailLink struct {
	Table      string `yaml:"table"`
	AddressKey string `yaml:"address_key"` // column referencing the address's key
	SubjectKey string `yaml:"subject_key"` // column referencing the subject's key
	Filter     string `yaml:"filter"`      // e.g. "bean_module = 'Contacts' AND deleted = 0"
	// SubjectTable is the subject the link leads to; required in links, where it
	// defaults to email_consent.subject_table in link.
	SubjectTable string `yaml:"subject_table"`
}

// SubjectEvents is a table of things that happened to or by a subject.
type SubjectEvents struct {
	Table        string `yaml:"table"`
	SubjectKey   string `yaml:"subject_key"`   // on the table, or on through's table
	SubjectTable string `yaml:"subject_table"` // default: every subject
	AtColumn     string `yaml:"at_column"`
	Filter       string `yaml:"filter"` // SQL predicate selecting the relevant rows
	// Through is the table between the events and the subject when events point at one
	// of its rows (CiviCRM: civicrm_mailing_event_delivered.event_queue_id →
	// civicrm_mailing_event_queue.id, which holds contact_id).
	Through *EventThrough `yaml:"through"`
}

// EventThrough is a table the events reference, holding the subject key.
type EventThrough struct {
	Table  string `yaml:"table"`
	Key    string `yaml:"key"`    // its key
	Column string `yaml:"column"` // the events' column referencing the key
}

// ContractMapping is a table of contracts, orders or deals of subjects.
type ContractMapping struct {
	Table        string `yaml:"table"`
	SubjectKey   string `yaml:"subject_key"`
	SubjectTable string `yaml:"subject_table"`
	EndColumn    string `yaml:"end_column"` // contract end; NULL means still running
	Filter       string `yaml:"filter"`     // e.g. "status <> 'cancelled'"
	GracePeriod  Period `yaml:"grace_period"`
}

// RetentionRule is one retention rule for one entity (docs/rule-catalogue.md §2).
type RetentionRule struct {
	ID    string `yaml:"id"`
	Table string `yaml:"table"`
	Key   string `yaml:"key"`
	// AppliesTo says what the rule is about: prospects (leads, RET-01; the default),
	// customers (former customers, RET-02) or records (anything else, RET-01).
	AppliesTo     string `yaml:"applies_to"`
	SubjectFilter string `yaml:"subject_filter"` // SQL predicate; empty: every row
	Anchor        string `yaml:"anchor"`         // SQL expression giving the anchor time
	Period        Period `yaml:"period"`
	GracePeriod   Period `yaml:"grace_period"`
	EndAction     string `yaml:"end_action"` // delete | anonymise | archive
	LegalBasis    string `yaml:"legal_basis"`
	Hold          string `yaml:"hold"` // SQL predicate true for rows under legal hold
}

// SoftDeleteRule marks deleted rows of the tables it covers.
type SoftDeleteRule struct {
	Tables          []string `yaml:"tables"`    // globs over "table" or "schema.table"
	Column          string   `yaml:"column"`    // tables without it are not covered
	Predicate       string   `yaml:"predicate"` // e.g. "deleted = 1"
	DeletedAtColumn string   `yaml:"deleted_at_column"`
	PurgeWindow     Period   `yaml:"purge_window"` // default P30D
}

// LogTable is a log or tracking table kept for a bounded period.
type LogTable struct {
	Table    string `yaml:"table"`
	AtColumn string `yaml:"at_column"`
	Period   Period `yaml:"period"` // default P13M
	Filter   string `yaml:"filter"`
}

// HoldMapping maps the legal-hold table (docs/rule-catalogue.md §2).
type HoldMapping struct {
	Table          string `yaml:"table"`
	Key            string `yaml:"key"`
	SubjectKey     string `yaml:"subject_key"` // NULL: the hold covers a whole table
	ReasonColumn   string `yaml:"reason_column"`
	OwnerColumn    string `yaml:"owner_column"`
	ReviewColumn   string `yaml:"review_column"`
	ReleasedColumn string `yaml:"released_column"`
	PlacedColumn   string `yaml:"placed_column"`
}

// ErasureMapping maps the table of erasure requests (Art. 17).
type ErasureMapping struct {
	Table           string `yaml:"table"`
	Key             string `yaml:"key"`
	SubjectKey      string `yaml:"subject_key"`
	SubjectTable    string `yaml:"subject_table"` // default: the first subject
	ReceivedColumn  string `yaml:"received_column"`
	CompletedColumn string `yaml:"completed_column"`
	Deadline        Period `yaml:"deadline"` // default P1M (Art. 12(3))
	// CompletedFilter is true for requests carried out (default: completed_column is
	// set), e.g. "status = 'completed'" where rejected requests get a date too.
	CompletedFilter string `yaml:"completed_filter"`
	// HashColumn holds hex SHA-256 of salt + lower(trim(email)) of the requester.
	HashColumn string `yaml:"hash_column"`
	HashSalt   string `yaml:"hash_salt"`
}

// TombstoneMapping maps a list of erased or suppressed identifiers.
type TombstoneMapping struct {
	Table       string `yaml:"table"`
	EmailColumn string `yaml:"email_column"` // the address itself, or
	HashColumn  string `yaml:"hash_column"`  // hex SHA-256 of salt + lower(trim(email))
	HashSalt    string `yaml:"hash_salt"`
	AtColumn    string `yaml:"at_column"` // when the subject was erased or suppressed
	Filter      string `yaml:"filter"`
}

// Relation is a parent-child link: child.column references parent.parent_key.
type Relation struct {
	Child     string `yaml:"child"`
	Column    string `yaml:"column"`
	Parent    string `yaml:"parent"`
	ParentKey string `yaml:"parent_key"` // default: the parent subject's key
	Filter    string `yaml:"filter"`     // SQL predicate over child rows, e.g. "bean_module = 'Contacts'"
}

// BasisKeys are the canonical lawful bases basis_values may map, sorted.
var BasisKeys = []string{"consent", "contract", "explicit_consent", "legal_obligation", "legitimate_interest", "public_task", "vital_interests", "withdrawn"}

// AppliesTo are the kinds of retention rule, sorted.
var AppliesTo = []string{"customers", "prospects", "records"}

// Mapping defaults.
const (
	DefaultBulkThreshold = 10
)

// DefaultTestDomains are the reserved names of RFC 2606 and RFC 6761.
var DefaultTestDomains = []string{"example.com", "example.net", "example.org", "*.example", "*.invalid", "*.localhost", "*.test"}

func (m *Mapping) applyDefaults() {
	for i := range m.Subjects {
		s := &m.Subjects[i]
		if s.PurgeWindow.IsZero() {
			s.PurgeWindow = MustPeriod("P30D")
		}
		if s.BasisReviewPeriod.IsZero() {
			s.BasisReviewPeriod = MustPeriod("P12M")
		}
	}
	if c := m.Consent; c != nil {
		def := func(v *[]string, d ...string) {
			if len(*v) == 0 {
				*v = d
			}
		}
		def(&c.GrantedValues, "granted")
		def(&c.WithdrawnValues, "withdrawn")
		def(&c.WeakMethods, "import", "unknown")
		def(&c.ImpliedMethods, "import", "default", "pre_ticked")
		def(&c.BundledPurposes, "all", "any", "*", "general", "everything")
		def(&c.ExplicitValues, "explicit", "explicit_consent")
		if c.RefreshPeriod.IsZero() {
			c.RefreshPeriod = MustPeriod("P24M")
		}
		if c.BulkThreshold == 0 {
			c.BulkThreshold = DefaultBulkThreshold
		}
	}
	for i := range m.Retention {
		r := &m.Retention[i]
		if r.EndAction == "" {
			r.EndAction = "delete"
		}
		if r.AppliesTo == "" {
			r.AppliesTo = "prospects"
		}
	}
	for i := range m.SoftDelete {
		if m.SoftDelete[i].PurgeWindow.IsZero() {
			m.SoftDelete[i].PurgeWindow = MustPeriod("P30D")
		}
	}
	for i := range m.Logs {
		if m.Logs[i].Period.IsZero() {
			m.Logs[i].Period = MustPeriod("P13M")
		}
	}
	if e := m.Erasure; e != nil && e.Deadline.IsZero() {
		e.Deadline = MustPeriod("P1M")
	}
	if len(m.TestDomains) == 0 {
		m.TestDomains = slices.Clone(DefaultTestDomains)
	}
}

func (c *Config) validateMapping(v *validator, s *Source, at func(...any) []any) {
	mc := &mappingCheck{v: v, s: s, at: at}
	m := &s.Mapping
	mc.subjects(m.Subjects)
	mc.consent(m.Consent)
	mc.emailConsent(m.EmailConsent)
	mc.basisValues(m.BasisValues)
	mc.events("sends", m.Sends, true)
	mc.events("lists", m.Lists, false)
	mc.events("interactions", m.Interactions, true)
	mc.events("withdrawals", m.Withdrawals, true)
	mc.contracts(m.Contracts)
	mc.retention(m)
	mc.requests(m)
	mc.structure(m)
	mc.consentAges(m.ConsentAges)
}

// mappingCheck validates one source's mapping, a part at a time; at turns a path
// below the source into the YAML node path errors are reported at.
type mappingCheck struct {
	v  *validator
	s  *Source
	at func(...any) []any
}

// req reports val missing at path.
func (mc *mappingCheck) req(val string, path []any, what string) {
	if strings.TrimSpace(val) == "" {
		mc.v.add(path, "source %q: %s is required", mc.s.Name, what)
	}
}

func (mc *mappingCheck) subjects(subjects []Subject) {
	v, s, at, req := mc.v, mc.s, mc.at, mc.req
	for j, sub := range subjects {
		p := at("mapping", "subjects", j)
		req(sub.Table, p, fmt.Sprintf("mapping.subjects[%d].table", j))
		req(sub.Key, p, fmt.Sprintf("mapping.subjects[%d].key", j))
		if sub.OptedOutAtColumn != "" && sub.OptedOut == "" {
			v.add(append(p, "opted_out_at_column"), "source %q: mapping.subjects[%d].opted_out_at_column needs opted_out", s.Name, j)
		}
		if sub.DeletedAtColumn != "" && sub.SoftDeleted == "" {
			v.add(append(p, "deleted_at_column"), "source %q: mapping.subjects[%d].deleted_at_column needs soft_deleted", s.Name, j)
		}
	}
}

func (mc *mappingCheck) consent(cm *ConsentMapping) {
	if cm == nil {
		return
	}
	v, s, at, req := mc.v, mc.s, mc.at, mc.req
	p := at("mapping", "consent")
	req(cm.Table, p, "mapping.consent.table")
	req(cm.SubjectKey, p, "mapping.consent.subject_key")
	req(cm.PurposeColumn, p, "mapping.consent.purpose_column")
	req(cm.StatusColumn, p, "mapping.consent.status_column")
	if cm.BulkThreshold < 0 || cm.BulkThreshold == 1 {
		v.add(append(p, "bulk_threshold"), "source %q: mapping.consent.bulk_threshold must be at least 2", s.Name)
	}
	if cm.MarketingChannel != "" && cm.ChannelColumn == "" {
		v.add(append(p, "marketing_channel"), "source %q: mapping.consent.marketing_channel needs channel_column", s.Name)
	}
	for _, g := range cm.GrantedValues {
		if slices.Contains(cm.WithdrawnValues, g) {
			v.add(append(p, "withdrawn_values"), "source %q: mapping.consent: %q is both a granted and a withdrawn value", s.Name, g)
		}
	}
}

func (mc *mappingCheck) emailConsent(e *EmailConsentMapping) {
	if e == nil {
		return
	}
	v, s, at, req := mc.v, mc.s, mc.at, mc.req
	p := at("mapping", "email_consent")
	req(e.Table, p, "mapping.email_consent.table")
	req(e.Key, p, "mapping.email_consent.key")
	ways := 0
	for _, set := range []bool{e.SubjectKey != "", e.Link != nil, len(e.Links) > 0} {
		if set {
			ways++
		}
	}
	switch {
	case ways > 1:
		v.add(append(p, "link"), "source %q: mapping.email_consent: set one of subject_key, link or links", s.Name)
	case ways == 0:
		v.add(p, "source %q: mapping.email_consent needs subject_key, link or links", s.Name)
	}
	if l := e.Link; l != nil {
		mc.emailLink(*l, append(p, "link"), "mapping.email_consent.link", false)
	}
	seen := map[string]int{}
	for j, l := range e.Links {
		what := fmt.Sprintf("mapping.email_consent.links[%d]", j)
		mc.emailLink(l, append(p, "links", j), what, true)
		if k := strings.ToLower(l.SubjectTable); k != "" {
			if first, dup := seen[k]; dup {
				v.add(append(p, "links", j, "subject_table"), "source %q: %s: subject table %q already has links[%d]", s.Name, what, l.SubjectTable, first)
			}
			seen[k] = j
		}
	}
	subjectRef(v, s, e.SubjectTable, append(p, "subject_table"), "mapping.email_consent.subject_table")
	if e.OptedIn == "" && e.OptedOut == "" {
		v.add(p, "source %q: mapping.email_consent needs opted_in or opted_out", s.Name)
	}
	if e.OptedOutAtColumn != "" && e.OptedOut == "" {
		v.add(append(p, "opted_out_at_column"), "source %q: mapping.email_consent.opted_out_at_column needs opted_out", s.Name)
	}
}

func (mc *mappingCheck) emailLink(l EmailLink, lp []any, what string, needSubject bool) {
	mc.req(l.Table, lp, what+".table")
	mc.req(l.AddressKey, lp, what+".address_key")
	mc.req(l.SubjectKey, lp, what+".subject_key")
	if needSubject {
		mc.req(l.SubjectTable, lp, what+".subject_table")
	}
	subjectRef(mc.v, mc.s, l.SubjectTable, append(lp, "subject_table"), what+".subject_table")
}

func (mc *mappingCheck) basisValues(values map[string][]string) {
	bases := make([]string, 0, len(values))
	for k := range values {
		bases = append(bases, k)
	}
	sort.Strings(bases)
	for _, k := range bases {
		if !slices.Contains(BasisKeys, k) {
			mc.v.add(mc.at("mapping", "basis_values", k), "source %q: mapping.basis_values: unknown basis %q (valid: %s)", mc.s.Name, k, strings.Join(BasisKeys, ", "))
		}
	}
}

// events checks one list of subject events (sends, lists, interactions, withdrawals).
func (mc *mappingCheck) events(key string, list []SubjectEvents, needAt bool) {
	req := mc.req
	for j, e := range list {
		p := mc.at("mapping", key, j)
		what := fmt.Sprintf("mapping.%s[%d]", key, j)
		req(e.Table, p, what+".table")
		req(e.SubjectKey, p, what+".subject_key")
		subjectRef(mc.v, mc.s, e.SubjectTable, append(p, "subject_table"), what+".subject_table")
		if th := e.Through; th != nil {
			req(th.Table, append(p, "through"), what+".through.table")
			req(th.Key, append(p, "through"), what+".through.key")
			req(th.Column, append(p, "through"), what+".through.column")
		}
		if needAt {
			req(e.AtColumn, p, what+".at_column")
		}
	}
}

func (mc *mappingCheck) contracts(contracts []ContractMapping) {
	for j, ct := range contracts {
		p := mc.at("mapping", "contracts", j)
		mc.req(ct.Table, p, fmt.Sprintf("mapping.contracts[%d].table", j))
		mc.req(ct.SubjectKey, p, fmt.Sprintf("mapping.contracts[%d].subject_key", j))
	}
}

// retention checks the retention rules, soft deletes, logs and holds.
func (mc *mappingCheck) retention(m *Mapping) {
	v, s, at, req := mc.v, mc.s, mc.at, mc.req
	rids := map[string]bool{}
	for j, r := range m.Retention {
		p := at("mapping", "retention", j)
		what := fmt.Sprintf("mapping.retention[%d]", j)
		req(r.ID, p, what+".id")
		if r.ID != "" && rids[r.ID] {
			v.add(append(p, "id"), "source %q: found multiple retention rules with id %q", s.Name, r.ID)
		}
		rids[r.ID] = true
		req(r.Table, p, what+".table")
		req(r.Key, p, what+".key")
		req(r.Anchor, p, what+".anchor")
		if r.Period.IsZero() {
			v.add(p, "source %q: %s.period is required (ISO-8601, e.g. P3Y)", s.Name, what)
		}
		if !slices.Contains(EndActions, r.EndAction) {
			v.add(append(p, "end_action"), "source %q: unknown end_action %q (valid: %s)", s.Name, r.EndAction, strings.Join(EndActions, ", "))
		}
		if !slices.Contains(AppliesTo, r.AppliesTo) {
			v.add(append(p, "applies_to"), "source %q: unknown applies_to %q (valid: %s)", s.Name, r.AppliesTo, strings.Join(AppliesTo, ", "))
		}
	}
	for j, sd := range m.SoftDelete {
		p := at("mapping", "soft_delete", j)
		what := fmt.Sprintf("mapping.soft_delete[%d]", j)
		if len(sd.Tables) == 0 {
			v.add(p, "source %q: %s.tables is required (globs, e.g. [\"*\"])", s.Name, what)
		}
		req(sd.Column, p, what+".column")
		req(sd.Predicate, p, what+".predicate")
	}
	for j, l := range m.Logs {
		p := at("mapping", "logs", j)
		req(l.Table, p, fmt.Sprintf("mapping.logs[%d].table", j))
		req(l.AtColumn, p, fmt.Sprintf("mapping.logs[%d].at_column", j))
	}
	if h := m.Holds; h != nil {
		p := at("mapping", "holds")
		req(h.Table, p, "mapping.holds.table")
		req(h.Key, p, "mapping.holds.key")
	}
}

// requests checks the erasure requests and the tombstones of erased subjects.
func (mc *mappingCheck) requests(m *Mapping) {
	req := mc.req
	if e := m.Erasure; e != nil {
		p := mc.at("mapping", "erasure")
		req(e.Table, p, "mapping.erasure.table")
		req(e.Key, p, "mapping.erasure.key")
		req(e.ReceivedColumn, p, "mapping.erasure.received_column")
		req(e.CompletedColumn, p, "mapping.erasure.completed_column")
	}
	for j, tb := range m.Tombstones {
		p := mc.at("mapping", "tombstones", j)
		what := fmt.Sprintf("mapping.tombstones[%d]", j)
		req(tb.Table, p, what+".table")
		req(tb.AtColumn, p, what+".at_column")
		if (tb.EmailColumn == "") == (tb.HashColumn == "") {
			mc.v.add(p, "source %q: %s needs email_column or hash_column (one of them)", mc.s.Name, what)
		}
	}
}

// structure checks the declared relations between tables.
func (mc *mappingCheck) structure(m *Mapping) {
	for j, r := range m.Relations {
		p := mc.at("mapping", "relations", j)
		what := fmt.Sprintf("mapping.relations[%d]", j)
		mc.req(r.Child, p, what+".child")
		mc.req(r.Column, p, what+".column")
		mc.req(r.Parent, p, what+".parent")
	}
}

func (mc *mappingCheck) consentAges(ages map[string]int) {
	countries := make([]string, 0, len(ages))
	for cc := range ages {
		countries = append(countries, cc)
	}
	sort.Strings(countries)
	for _, cc := range countries {
		if age := ages[cc]; age < 1 || age > 18 {
			mc.v.add(mc.at("mapping", "consent_ages", cc), "source %q: mapping.consent_ages.%s must be 1 to 18, got %d", mc.s.Name, cc, age)
		}
	}
}

// subjectRef reports a subject_table that names no mapped subject: the part it belongs
// to would otherwise never apply, silently.
func subjectRef(v *validator, s *Source, ref string, path []any, what string) {
	if ref == "" || len(s.Mapping.Subjects) == 0 {
		return
	}
	schema, name := SplitTableRef(ref)
	var names []string
	for _, sub := range s.Mapping.Subjects {
		ss, sn := SplitTableRef(sub.Table)
		if strings.EqualFold(sn, name) && (schema == "" || ss == "" || strings.EqualFold(ss, schema)) {
			return
		}
		names = append(names, sub.Table)
	}
	v.add(path, "source %q: %s %q is not in mapping.subjects (%s)", s.Name, what, ref, strings.Join(names, ", "))
}

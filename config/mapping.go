package config

import (
	"fmt"
	"slices"
	"strings"
)

// Mapping tells the rules how this CRM stores people, consent, retention and requests.
type Mapping struct {
	Subjects  []Subject       `yaml:"subjects"`
	Consent   *ConsentMapping `yaml:"consent"`
	Retention []RetentionRule `yaml:"retention"`
	Erasure   *ErasureMapping `yaml:"erasure"`
}

// Subject is a table whose rows are data subjects (contacts, leads, customers).
type Subject struct {
	Table string `yaml:"table"`
	Key   string `yaml:"key"` // primary key column
	// LawfulBasisColumn holds the per-row lawful basis, if the CRM records one.
	LawfulBasisColumn string `yaml:"lawful_basis_column"`
	// Marketable is an SQL predicate over the table's columns that is true for people
	// who are being marketed to, e.g. "marketing_opt_in = 1".
	Marketable string `yaml:"marketable"`
	// SoftDeleted is an SQL predicate true for rows the CRM considers deleted.
	SoftDeleted string `yaml:"soft_deleted"`
}

// ConsentMapping maps a consent-event table onto the canonical consent model.
type ConsentMapping struct {
	Table            string   `yaml:"table"`
	SubjectKey       string   `yaml:"subject_key"` // column referencing the subject's key
	SubjectTable     string   `yaml:"subject_table"`
	PurposeColumn    string   `yaml:"purpose_column"`
	StatusColumn     string   `yaml:"status_column"`
	GrantedValues    []string `yaml:"granted_values"`
	MarketingPurpose string   `yaml:"marketing_purpose"` // the purpose marketable people need consent for
}

// RetentionRule is one retention rule for one entity (DOMAIN.md §2).
type RetentionRule struct {
	ID            string `yaml:"id"`
	Table         string `yaml:"table"`
	Key           string `yaml:"key"`
	SubjectFilter string `yaml:"subject_filter"` // SQL predicate; empty: every row
	Anchor        string `yaml:"anchor"`         // SQL expression giving the anchor time
	Period        Period `yaml:"period"`
	GracePeriod   Period `yaml:"grace_period"`
	EndAction     string `yaml:"end_action"` // delete | anonymise | archive
	LegalBasis    string `yaml:"legal_basis"`
	Hold          string `yaml:"hold"` // SQL predicate true for rows under legal hold
}

// ErasureMapping maps the table of erasure requests (Art. 17).
type ErasureMapping struct {
	Table           string `yaml:"table"`
	Key             string `yaml:"key"`
	SubjectKey      string `yaml:"subject_key"`
	ReceivedColumn  string `yaml:"received_column"`
	CompletedColumn string `yaml:"completed_column"`
	Deadline        Period `yaml:"deadline"` // default P1M (Art. 12(3))
}

func (c *Config) validateMapping(v *validator, s *Source, at func(...any) []any) {
	req := func(val string, path []any, what string) {
		if strings.TrimSpace(val) == "" {
			v.add(path, "source %q: %s is required", s.Name, what)
		}
	}
	for j, sub := range s.Mapping.Subjects {
		p := at("mapping", "subjects", j)
		req(sub.Table, p, fmt.Sprintf("mapping.subjects[%d].table", j))
		req(sub.Key, p, fmt.Sprintf("mapping.subjects[%d].key", j))
	}
	if m := s.Mapping.Consent; m != nil {
		p := at("mapping", "consent")
		req(m.Table, p, "mapping.consent.table")
		req(m.SubjectKey, p, "mapping.consent.subject_key")
		req(m.PurposeColumn, p, "mapping.consent.purpose_column")
		req(m.StatusColumn, p, "mapping.consent.status_column")
	}
	rids := map[string]bool{}
	for j, r := range s.Mapping.Retention {
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
	}
	if e := s.Mapping.Erasure; e != nil {
		p := at("mapping", "erasure")
		req(e.Table, p, "mapping.erasure.table")
		req(e.Key, p, "mapping.erasure.key")
		req(e.ReceivedColumn, p, "mapping.erasure.received_column")
		req(e.CompletedColumn, p, "mapping.erasure.completed_column")
	}
}

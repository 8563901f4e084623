package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// RulesetVersion changes whenever a rule's logic changes, so a change in findings can be
// told apart from a change in the data. Each run records it.
const RulesetVersion = "2026.12.1"

// Set is an ordered collection of rules.
type Set struct{ rules []Rule }

//go:generate go run gen_rules_md.go

// Default returns every built-in rule, in catalogue order.
func Default() Set {
	return Set{rules: []Rule{
		UnmappedPersonalData(),
		FreeTextPersonalData(),
		ShadowCopies(),
		MarketedWithoutConsent(),
		ConsentLacksProof(),
		ProcessedAfterWithdrawal(),
		StaleConsent(),
		BundledConsent(),
		ImpliedConsent(),
		ChildWithoutParentalConsent(),
		NoLawfulBasis(),
		LegitimateInterestWithoutLIA(),
		ContractWithoutContract(),
		BasisReviewOverdue(),
		PastRetention(),
		FormerCustomersPastRetention(),
		NoRetentionRule(),
		SoftDeletedNotPurged(),
		UnboundedLogs(),
		LegalHoldHygiene(),
		SpecialCategoryData(),
		SpecialCategoryFreeText(),
		CriminalOffenceData(),
		SpecialCategoryWithoutExplicitConsent(),
		ErasureOverdue(),
		ResidualAfterErasure(),
		RecreatedAfterErasure(),
		OrphanedChildRows(),
		PlaintextCardNumbers(),
		CardSecurityCodes(),
		WeakPasswords(),
		IdentifiersInClear(),
		BroadAccess(),
		TransportNotEncrypted(),
		RarelyPopulated(),
		UndeclaredCategories(),
		RealDataOutsideProduction(),
		DuplicatePersons(),
	}}
}

// Rules returns the rules of the set.
func (s Set) Rules() []Rule { return slices.Clone(s.rules) }

// Get returns a rule by id.
func (s Set) Get(id string) (Rule, bool) {
	for _, r := range s.rules {
		if r.Meta().ID == id {
			return r, true
		}
	}
	return nil, false
}

// IDs lists the rule ids, sorted.
func (s Set) IDs() []string {
	ids := make([]string, len(s.rules))
	for i, r := range s.rules {
		ids[i] = r.Meta().ID
	}
	slices.Sort(ids)
	return ids
}

// Select keeps the enabled rules (all when enable is empty) minus the disabled ones.
// An unknown id is an error listing the valid ones.
func (s Set) Select(enable, disable []string) (Set, error) {
	for _, id := range slices.Concat(enable, disable) {
		if _, ok := s.Get(id); !ok {
			return Set{}, fmt.Errorf("%w %q (valid: %s)", ErrUnknownRule, id, strings.Join(s.IDs(), ", "))
		}
	}
	var out Set
	for _, r := range s.rules {
		id := r.Meta().ID
		if (len(enable) == 0 || slices.Contains(enable, id)) && !slices.Contains(disable, id) {
			out.rules = append(out.rules, r)
		}
	}
	return out, nil
}

// CheckIDs validates rule ids named elsewhere in the config (e.g. overrides).
func (s Set) CheckIDs(ids []string) error {
	for _, id := range ids {
		if _, ok := s.Get(id); !ok {
			return fmt.Errorf("%w %q (valid: %s)", ErrUnknownRule, id, strings.Join(s.IDs(), ", "))
		}
	}
	return nil
}

var idRE = regexp.MustCompile(`^(DSC|CNS|LAW|RET|SPC|ERA|SEC|MIN)-\d{2}$`)

// fineTier derives the Art. 83 tier from the articles (docs/rule-catalogue.md §3): Art. 5, 6, 7, 9
// and 12–22 fall under 83(5); the controller obligations under 83(4).
func fineTier(articles []string) FineTier {
	for _, a := range articles {
		n := articleNumber(a)
		if n == 5 || n == 6 || n == 7 || n == 9 || (n >= 12 && n <= 22) {
			return Tier835
		}
	}
	return Tier834
}

func articleNumber(a string) int {
	a = strings.TrimPrefix(strings.TrimSpace(a), "Art. ")
	n := 0
	for _, c := range a {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// rule is the common implementation: metadata plus a planning function.
type rule struct {
	meta Meta
	plan func(env *Env, m Meta) ([]Check, error)
}

func (r *rule) Meta() Meta                       { return r.meta }
func (r *rule) Checks(env *Env) ([]Check, error) { return r.plan(env, r.meta) }

func newRule(m Meta, plan func(env *Env, m Meta) ([]Check, error)) Rule {
	if m.Version == 0 {
		m.Version = 1
	}
	m.FineTier = fineTier(m.Articles)
	return &rule{meta: m, plan: plan}
}

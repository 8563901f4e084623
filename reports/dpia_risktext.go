package reports

import (
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// This file writes the Risk register's suggested risk sources, threats and impacts:
// specific to the rule (what went wrong) and to the data involved (what it does to the
// people). Texts are keyed by rule id, then by rule-id prefix, then by family, so a rule
// added later gets its family's text until it has its own.

// The CNIL PIA method's three feared events.
const (
	fearedAccess       = "illegitimate access"
	fearedModification = "unwanted modification"
	fearedDisappear    = "disappearance"
)

// suggestionMark starts every text the scanner prefills in a DPO cell. Text that still
// starts with it is the scanner's, rewritten each scan; delete the mark to make the text
// yours (it is then carried forward like any DPO entry).
const suggestionMark = "Scanner's suggestion: "

// riskText is what a rule's findings threaten, before the data is taken into account.
type riskText struct {
	feared  string // one of the CNIL feared events
	sources string // who or what could cause it
	threats string // how it could happen
	impacts string // what it does to people, whatever the data
}

// ruleRiskText is keyed by rule id or by rule-id prefix ("SEC-").
var ruleRiskText = map[string]riskText{
	"SEC-01": {fearedAccess, "External attackers after card data; staff and contractors with read access to the table; whoever holds a backup or export.",
		"Card numbers read in clear from the table, a dump, a replica or a backup and used or sold for card fraud.",
		"Fraudulent payments, cards to cancel and replace, time spent with the bank."},
	"SEC-02": {fearedAccess, "External attackers after card data; anyone with read access to the table or its backups.",
		"Stored card security codes let a thief pay online with the card (card-not-present fraud); PCI DSS forbids keeping them.",
		"Fraudulent online payments; cards to cancel and replace."},
	"SEC-03": {fearedAccess, "External attackers; staff with database access; whoever obtains a dump.",
		"Passwords read in clear or cracked offline from weak hashes, then tried on this and other services (credential stuffing).",
		"Take-over of the person's account here and wherever they reuse the password; fraud or impersonation from it."},
	"SEC-04": {fearedAccess, "External attackers; staff with broad read access; processors.",
		"Identity-document, tax or bank numbers copied in clear and used to impersonate the person or debit their account.",
		"Identity theft, fraudulent credit or direct debits, long procedures to clear one's name."},
	"SEC-05": {fearedAccess, "Any database user or role granted access it does not need, and attackers who take over one of them.",
		"Reading or copying personal data through over-broad grants (e.g. to PUBLIC or a wildcard host).",
		"Disclosure of the people's data to people who should not see it."},
	"SEC-06": {fearedAccess, "Anyone able to watch the network between applications and the database.",
		"Personal data and credentials read in transit because the connection is not encrypted.",
		"Disclosure of the data in transit; take-over of database accounts."},
	"SPC-": {fearedAccess, "Staff and contractors with access to the CRM; external attackers; processors.",
		"Special-category data read, disclosed or used for decisions it should play no part in.",
		"Discrimination (insurance, employment, credit), stigma and distress; the harm is often irreversible."},
	"CNS-07": {fearedAccess, "The controller's marketing and sign-up processes.",
		"Children's data processed on consent they cannot give alone (Art. 8), without a parent's authorisation.",
		"Children profiled or contacted by marketing; their data used in ways their parents never agreed to."},
	"CNS-": {fearedAccess, "The controller's own marketing team, tools and list imports.",
		"People contacted or profiled without valid consent: none recorded, no proof, bundled, stale or after they withdrew it.",
		"Unwanted marketing and contact after saying no; loss of control over one's data and of trust in the controller."},
	"LAW-": {fearedAccess, "The controller's own processes and the teams using the CRM.",
		"Data used without a recorded or valid lawful basis (no basis, legitimate interest without an assessment, contract that ended).",
		"Data used in ways people did not expect and cannot object to properly; loss of control over it."},
	"RET-": {fearedAccess, "Attackers and insiders, for whom every record kept is one more to expose; teams reusing old data.",
		"Data kept past its retention period (or with none) stays exposed to breaches and gets reused for purposes that have ended.",
		"Old data about people who left long ago disclosed in a breach or used against them; contact years after the relationship ended."},
	"ERA-01": {fearedAccess, "The controller's request-handling process.",
		"Erasure requests left open past the one-month deadline (Art. 12(3)): the data stays and stays in use.",
		"People who asked to be forgotten are still processed and contacted; their right is not honoured."},
	"ERA-02": {fearedAccess, "Copies, audit tables and integrations that erasure did not reach.",
		"Data of people whose erasure was completed left in other tables, still readable and usable.",
		"People believe their data is gone while it can still leak or be used."},
	"ERA-03": {fearedModification, "Imports, sign-up forms and integrations that re-create records.",
		"A person erased or opted out is re-created from an old list and processed again.",
		"Contact and processing after the person exercised their rights."},
	"ERA-": {fearedAccess, "The controller's request handling and the CRM's data model.",
		"Rights requests not applied fully or on time; data left behind in related tables.",
		"Rights not honoured; data people asked to remove still used or exposed."},
	"DSC-04": {fearedAccess, "Staff and contractors with database access; attackers; anyone given the backup or export.",
		"A stray copy of personal data (backup, export or old table) outside the controls, retention and erasure of the live table.",
		"Disclosure of out-of-date data; erasure and objection requests that never reach the copy."},
	"DSC-03": {fearedAccess, "Staff writing notes; everyone who can read them.",
		"Personal and sometimes sensitive details typed into free-text fields, beyond what the purpose needs and outside any control.",
		"Disclosure of details people never expected to be recorded."},
	"DSC-": {fearedAccess, "The controller's teams and applications that keep personal data.",
		"Personal data held outside the record of processing, so no purpose, basis, retention or protection is set for it.",
		"Data processed without anyone answering for it; rights requests that miss it."},
	"MIN-04": {fearedModification, "Imports, integrations and manual entry.",
		"Duplicate or inaccurate records used for decisions, contact and rights requests.",
		"Wrong decisions about the person; requests applied to one copy while another is still used."},
	"MIN-": {fearedAccess, "The teams that collect data and the applications that store it.",
		"More data collected or kept than the purpose needs (empty columns, undeclared categories, real data in test systems).",
		"Every extra item is one more to disclose in a breach or to misuse."},
}

// familyPrefix is the text used for a family when the rule id has no entry.
var familyPrefix = map[rules.Family]string{
	rules.Security: "SEC-05", rules.SpecialCategories: "SPC-", rules.Consent: "CNS-", rules.LawfulBasis: "LAW-",
	rules.Retention: "RET-", rules.Erasure: "ERA-", rules.Discovery: "DSC-", rules.Minimisation: "MIN-",
}

// genericRisk is the last fallback: a rule of an unknown family.
var genericRisk = riskText{fearedAccess, "The controller's own processes; staff, processors and attackers with access to the data.",
	"Personal data processed in breach of the GDPR principle the rule checks.",
	"Loss of control over one's data; disclosure or misuse of it."}

// ruleRisk finds the text for a rule: its id, then its prefix, then its family.
func ruleRisk(ruleID string, family rules.Family) riskText {
	if t, ok := ruleRiskText[ruleID]; ok {
		return t
	}
	if i := strings.IndexByte(ruleID, '-'); i > 0 {
		if t, ok := ruleRiskText[ruleID[:i+1]]; ok {
			return t
		}
	}
	if k, ok := familyPrefix[family]; ok {
		return ruleRiskText[k]
	}
	return genericRisk
}

// dataImpact is what a category of data adds to the impacts, most harmful first; rules
// whose own text already says it (by id or prefix) skip it.
var dataImpact = []struct {
	cats []detect.Category
	text string
	skip []string
}{
	{[]detect.Category{detect.Health, detect.Genetic}, "Health or genetic data: discrimination (insurance, employment), stigma, distress.", []string{"SPC-"}},
	{[]detect.Category{"religion_or_belief", "ethnicity", "political", "sexual_orientation", "trade_union"},
		"Beliefs, origin, opinions, sex life or union membership: discrimination, harassment, exposure of one's private life.", []string{"SPC-"}},
	{[]detect.Category{"criminal"}, "Criminal-offence data: stigma, exclusion from work or housing.", []string{"SPC-03"}},
	{[]detect.Category{"photo_or_biometric"}, "Biometric data: cannot be changed once disclosed; impersonation.", nil},
	{[]detect.Category{detect.PaymentCard, detect.CardSecurityCode, detect.IBANBankAccount, detect.SalaryFinancial}, "Financial data: fraud and financial loss.", []string{"SEC-01", "SEC-02"}},
	{[]detect.Category{detect.NationalID, detect.Passport, detect.TaxID}, "Identity-document numbers: identity theft.", []string{"SEC-04"}},
	{[]detect.Category{detect.PasswordOrSecret}, "Passwords or secrets: take-over of accounts.", []string{"SEC-03"}},
	{[]detect.Category{detect.DateOfBirth, detect.Age}, "Dates of birth: children may be among the people; with a name, easier identity theft.", []string{"CNS-07"}},
	{[]detect.Category{detect.GeoLocation, detect.IPAddress, detect.DeviceID}, "Location or device data: tracking of movements and habits.", nil},
	{[]detect.Category{detect.Email, detect.Phone, detect.PostalAddress}, "Contact details: phishing, spam and unwanted contact.", nil},
}

// suggestRisk writes a risk's prefilled sources, threats and impacts: the rule's text,
// with the impacts of the data it concerns and of children when the rule is about them.
func suggestRisk(rk risk, family rules.Family) (feared, sources, threats, impacts string) {
	t := ruleRisk(rk.RuleID, family)
	var extra []string
	for _, di := range dataImpact {
		if slices.ContainsFunc(di.skip, func(s string) bool { return strings.HasPrefix(rk.RuleID, s) }) {
			continue
		}
		if slices.ContainsFunc(di.cats, func(c detect.Category) bool { return slices.Contains(rk.Categories, string(c)) }) {
			extra = append(extra, di.text)
		}
		if len(extra) == 2 {
			break
		}
	}
	imp := t.impacts
	if len(extra) > 0 {
		imp += " " + strings.Join(extra, " ")
	}
	return t.feared, suggestionMark + t.sources, suggestionMark + t.threats, suggestionMark + imp
}

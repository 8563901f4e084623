// Package suggest drafts the mapping part of a config from a database's catalogue and a
// classification of its columns, the way a scan sees them: which tables hold people and
// their keys, where consent is kept, which timestamps can anchor retention, how rows are
// soft-deleted, and where erasure requests, holds, suppressions and contracts live.
//
// Everything it writes is a guess from names and sampled enum values, marked
// "# suggested: review" in the file; nothing it writes is a personal value (sampled values
// are kept only when they are words of a fixed vocabulary, such as "granted").
package suggest

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
)

// Table is a catalogue table with its classified columns and the vocabulary words seen
// in its sampled values.
type Table struct {
	rules.Table
	words map[string][]string // lower-case column name → vocabulary words sampled, sorted
	// names are sampled values that name a table of the catalogue (bean_module =
	// 'Contacts', model = 'res.partner'), by lower-case column name: polymorphic links.
	names map[string][]string
	// tokens are the ^word^ items of multi-select values (SuiteCRM lawful_basis
	// "^consent^,^contract^"), by lower-case column name.
	tokens map[string][]string
}

// Catalogue is what the suggestion is drawn from.
type Catalogue struct {
	Dialect dialect.Dialect
	Tables  []Table
	// Skipped are the tables that could not be read (no privilege, a view that timed
	// out): the draft is made from the rest and says which were left out.
	Skipped []Skipped
}

// Skipped is a table init could not sample, and why (scrubbed of secrets).
type Skipped struct {
	Table  string
	Reason string
}

// Read lists the source's tables, samples and classifies each, as a scan does. Tables
// of the engine itself (sqlite_*) are left out; a table that cannot be sampled is
// skipped and recorded, so one unreadable table does not stop the draft.
func Read(ctx context.Context, src scanner.Source, c scanner.Classifier, sampleSize int) (*Catalogue, error) {
	units, err := src.Units(ctx)
	if err != nil {
		return nil, fmt.Errorf("list tables: %s", scanner.Scrub(err.Error()))
	}
	out := &Catalogue{Dialect: src.Dialect()}
	tableNames := map[string]bool{}
	for _, u := range units {
		tableNames[strings.ToLower(u.Table)] = true
	}
	for _, u := range units {
		if strings.HasPrefix(strings.ToLower(u.Table), "sqlite_") {
			continue
		}
		s, err := src.Sample(ctx, u, sampleSize)
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			// Cut the engine's "sample <table>: " before scrubbing: scrubbing may mask digits
			// in the table's own name, and the prefix would no longer match.
			reason := scanner.Scrub(strings.TrimPrefix(err.Error(), "sample "+u.ID()+": "))
			out.Skipped = append(out.Skipped, Skipped{Table: tableRef(u.Schema, u.Table), Reason: reason})
			continue
		}
		names := make([]string, len(u.Columns))
		for i, col := range u.Columns {
			names[i] = col.Name
		}
		t := Table{Table: rules.Table{Schema: u.Schema, Name: u.Table, IsView: u.IsView, RowEstimate: u.RowEstimate, PrimaryKey: u.PrimaryKey},
			words: map[string][]string{}, names: map[string][]string{}, tokens: map[string][]string{}}
		for _, col := range u.Columns {
			vals := s.Values[col.Name]
			r := c.Classify(detect.Column{Table: u.Table, Name: col.Name, DataType: col.DataType, TableColumns: names, Values: vals, Sampled: s.Rows})
			t.Columns = append(t.Columns, rules.TableColumn{Name: col.Name, DataType: col.DataType, Default: col.Default, Class: r})
			if !r.Personal {
				k := strings.ToLower(col.Name)
				t.words[k] = vocabulary(vals)
				t.names[k] = tableNamesIn(vals, tableNames)
				t.tokens[k] = multiSelectTokens(vals)
			}
		}
		out.Tables = append(out.Tables, t)
	}
	return out, nil
}

func tableRef(schema, table string) string {
	if schema == "" {
		return table
	}
	return schema + "." + table
}

// vocabularyRE keeps sampled values that are enum words: short, lower-case letters,
// digits, '_' and '-', or one capitalised word (CiviCRM's 'Added'), never an address or
// a full name. Only words of fixed vocabularies are ever written to the draft.
var vocabularyRE = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,30}$|^[A-Z][a-z]{1,20}$`)

func vocabulary(vals []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		w := strings.TrimSpace(v)
		if vocabularyRE.MatchString(w) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
		if len(out) > 40 {
			return nil // too many distinct values for an enum
		}
	}
	slices.Sort(out)
	return out
}

// tableNamesIn returns the distinct sampled values that name a catalogue table, as
// written: "Contacts" (contacts), "res.partner" (res_partner), "Lead" (leads).
func tableNamesIn(vals []string, tables map[string]bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		if len(v) > 64 || seen[v] {
			continue
		}
		if _, ok := tableOfName(v, tables); ok {
			seen[v] = true
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return out
}

// tableOfName is the catalogue table a type value names, if any.
func tableOfName(v string, tables map[string]bool) (string, bool) {
	n := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(v), ".", "_"))
	for _, cand := range []string{n, n + "s", n + "es", strings.TrimSuffix(n, "y") + "ies"} {
		if n != "" && tables[cand] {
			return cand, true
		}
	}
	return "", false
}

var tokenRE = regexp.MustCompile(`\^([a-z][a-z_]{1,40})\^`)

func multiSelectTokens(vals []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range vals {
		for _, m := range tokenRE.FindAllStringSubmatch(v, -1) {
			if !seen[m[1]] {
				seen[m[1]] = true
				out = append(out, m[1])
			}
		}
	}
	slices.Sort(out)
	return out
}

// --- name patterns --------------------------------------------------------------------

var (
	// Whether a table's rows are people at all is detect's judgement (detect.PeopleTable,
	// from the table nouns of rules/detect/vocab/tables.yaml); these rank the people tables
	// by role: customers and contacts first, then prospects, staff last.
	primaryNameRE = regexp.MustCompile(`(?i)(contact|customer|person|people|client|member|partner|individual|patient|subscriber|kunde|kontakt)`)
	leadNameRE    = regexp.MustCompile(`(?i)(lead|prospect|interessent)`)
	staffNameRE   = regexp.MustCompile(`(?i)^(users?|staff|employees?|admin_users|crm_users|agents?)$`)
	consentNameRE = regexp.MustCompile(`(?i)(consent|gdpr|permission|subscription|opt_?in|preference|privacy_choice|einwilligung)`)
	requestNameRE = regexp.MustCompile(`(?i)(erasure|deletion|dsar|gdpr_request|privacy_request|data_subject_request|subject_request|forget|loesch)`)
	holdNameRE    = regexp.MustCompile(`(?i)(legal_?hold|litigation_?hold|^holds?$)`)
	tombNameRE    = regexp.MustCompile(`(?i)(suppress|unsubscrib|block_?list|black_?list|do_not_contact|tombstone|erased)`)
	// Transactions that show a relationship: orders, contracts, deals, invoices, and a
	// non-profit's contributions, donations and memberships, in the CRM languages.
	contractNameRE = regexp.MustCompile(`(?i)(order|contract|deal|opportunit|potential|invoice|contribution|donation|membership|` +
		`purchase|booking|reservation|vertrag|auftrag|bestellung|rechnung|spende|commande|facture|contrat|cotisation|` +
		`pedido|factura|contrato|ordine|fattura|contratto|bestelling|factuur|zamowienie|faktura|ordre|tilaus|lasku|sopimus)`)
	activityNameRE = regexp.MustCompile(`(?i)(activit|event|email_log|campaign_log|interaction|engagement|touch|visit|tracking|page_?view|click|audit|_log$|^log|mailing_trace|_sends?$|delivered)`)
	listNameRE     = regexp.MustCompile(`(?i)(list_member|prospect_lists|list_subscri|audience_member|segment_member|mailing_list|group_contact|list_contact|contact_list|campaign\w*rel$|subscription)`)
	emailTableRE   = regexp.MustCompile(`(?i)^(email_?addresses|emails|email_address|contact_emails)$|_(emails?|email_address(es)?)$`)
	// collectionNameRE names tables of lists, groups and campaigns (prospect_lists,
	// civicrm_group): about people only through their members.
	collectionNameRE = regexp.MustCompile(`(?i)(^|_)(lists?|groups?|segments?|audiences?|campaigns?)$`)
	// listColRE names a membership row's reference to its list or group.
	listColRE = regexp.MustCompile(`(?i)^(\w+_)?(list|group|segment|audience)_?id$`)
	// excludedListRE are list types that are not marketing: suppression, exemption, test
	// and seed lists (SuiteCRM list_type exempt*, seed, test).
	excludedListRE = regexp.MustCompile(`(?i)(exempt|suppress|block|black|test|seed|unsubscri|do_not)`)
)

// column patterns, tried in order.
var (
	basisColRE     = regexp.MustCompile(`(?i)^(hs_)?(lawful|legal)_?basis$|rechtsgrundlage|base_legale|base_juridica`)
	optInColRE     = regexp.MustCompile(`(?i)^((marketing|email|newsletter)_)?opt_?in$|^optin|accepts_marketing|marketing_consent|^subscribed$|^is_subscribed$|newsletter$`)
	optOutColRE    = regexp.MustCompile(`(?i)opt_?out$|^do_not_(email|mail|contact)$|^donotemail$|^unsubscribed$|hasoptedoutofemail|^is_opt_out$`)
	optOutAtColRE  = regexp.MustCompile(`(?i)(opt_?out|unsubscri)\w*(_at|_date|date|_on|_datetime)$`)
	modifiedColRE  = regexp.MustCompile(`(?i)^(date_modified|modified_date|updated_at|modified_at|modified_on|write_date|last_modified(_date)?|modifiedtime)$`)
	convertedColRE = regexp.MustCompile(`(?i)^(is_)?converted$`)
	listTypeColRE  = regexp.MustCompile(`(?i)^(list_type|group_type|type|kind|category)$`)
	deletedFlagRE  = regexp.MustCompile(`(?i)^(is_)?(deleted|archived)$`)
	deletedAtColRE = regexp.MustCompile(`(?i)^(deleted|archived)_(at|on|date)$|^date_deleted$|^deletion_date$`)
	createdColRE   = regexp.MustCompile(`(?i)^(created(_at|_on|date|_date|time|_time)?|date_entered|createdate|create_date|creation_date|date_created|inserted_at|datec)$`)
	inboundColRE   = regexp.MustCompile(`(?i)^last_(inbound|activity|contact(ed)?|interaction|engagement|reply|touch)\w*$`)
	reviewedColRE  = regexp.MustCompile(`(?i)^(date_reviewed|basis_reviewed(_at|_on)?|lawful_basis_reviewed\w*)$`)
	purposeColRE   = regexp.MustCompile(`(?i)^(purpose|consent_purpose|topic|category|subscription_type|consent_topic)$`)
	statusColRE    = regexp.MustCompile(`(?i)^(status|state|consent_status|consent_state)$`)
	capturedColRE  = regexp.MustCompile(`(?i)^(captured|consented|given|granted|recorded|collected)(_at|_on|_date)$|^consent_date$`)
	methodColRE    = regexp.MustCompile(`(?i)^(capture_method|method|collection_method|source_type|capture_type)$`)
	sourceColRE    = regexp.MustCompile(`(?i)^(capture_source|source|form_id|form|url|origin|collection_point)$`)
	noticeColRE    = regexp.MustCompile(`(?i)^(notice_version|policy_version|privacy_version|notice|wording_version|text_version)$`)
	withdrawnColRE = regexp.MustCompile(`(?i)^(withdrawn|revoked|retracted)(_at|_on|_date)$|^withdrawal_date$`)
	channelColRE   = regexp.MustCompile(`(?i)^(channel|medium)$`)
	consentTypeRE  = regexp.MustCompile(`(?i)^(consent_type|lawful_basis|legal_basis)$`)
	proofColRE     = regexp.MustCompile(`(?i)^(proof_ref|proof|evidence_ref|submission_id|ip_hash)$`)
	doiColRE       = regexp.MustCompile(`(?i)^(double_opt_in(_at|_date)?|doi_(at|date|confirmed_at)|confirm_opt_in_date|confirmed_at)$`)
	reconfColRE    = regexp.MustCompile(`(?i)^(reconfirmed|renewed|refreshed)(_at|_on|_date)$`)
	parentalColRE  = regexp.MustCompile(`(?i)(parental|guardian)`)
	typeColRE      = regexp.MustCompile(`(?i)^(activity_type|event_type|type|kind|action|activity|event|trace_type|trace_status)$`)
	receivedColRE  = regexp.MustCompile(`(?i)^(received|requested|submitted)(_at|_on|_date)$|^date_entered$|^created_at$`)
	completedColRE = regexp.MustCompile(`(?i)^(completed|closed|resolved|done|fulfilled|finished)(_at|_on|_date)$`)
	hashColRE      = regexp.MustCompile(`(?i)(hash|sha256|sha_256|digest)`)
	reasonColRE    = regexp.MustCompile(`(?i)^(reason|matter|case_ref|description)$`)
	ownerColRE     = regexp.MustCompile(`(?i)^(owner|owner_id|responsible|assigned_to)$`)
	reviewColRE    = regexp.MustCompile(`(?i)^review(_at|_on|_date|_by)?$`)
	releasedColRE  = regexp.MustCompile(`(?i)^(released|lifted|ended)(_at|_on|_date)$`)
	placedColRE    = regexp.MustCompile(`(?i)^(placed|created|started)(_at|_on|_date)$`)
	endColRE       = regexp.MustCompile(`(?i)(^end|_end$|end_(at|date|on)$|expir|terminat)`)
	atColRE        = regexp.MustCompile(`(?i)(_at|_on|_date|_time|date|time|timestamp|_stamp)$`)
	grantedWords   = []string{"granted", "given", "yes", "opt-in", "opted_in", "optin", "opted-in", "active", "subscribed", "accepted", "agreed", "confirmed", "true"}
	withdrawnWords = []string{"withdrawn", "revoked", "opted_out", "opt-out", "opted-out", "optout", "unsubscribed", "retracted", "cancelled"}
	completedWords = []string{"completed", "done", "closed", "fulfilled", "resolved", "erased"}
	// Event tables that are sends or subject-started contact by their name alone
	// (CiviCRM civicrm_mailing_event_delivered, civicrm_mailing_event_reply).
	sendTableRE       = regexp.MustCompile(`(?i)(deliver|_sent$|_sends?$|send_log)`)
	withdrawalTableRE = regexp.MustCompile(`(?i)(unsubscri|opt_?outs?$)`)
	// withdrawalWord is an event type saying the person unsubscribed (SuiteCRM
	// campaign_log 'removed').
	withdrawalWord     = regexp.MustCompile(`^(removed|unsubscribed?|unsubscription|opt_?out|opted_out|optout|opt-out)$`)
	interactionTableRE = regexp.MustCompile(`(?i)(reply|click|trackable_url_open|form_submi|web_form|forward)`)
	interactionWord    = regexp.MustCompile(`(?i)(web|visit|form|click|reply|inbound|download|signup|submission)|^link$`)
	memberWords        = []string{"added", "subscribed", "active", "confirmed", "member", "opted_in", "opt-in"}
	sendWord           = regexp.MustCompile(`(?i)^(email|e-mail|sent|newsletter|campaign|targeted|mailing|send)$`)
)

func (t Table) find(re *regexp.Regexp) (rules.TableColumn, bool) {
	for _, c := range t.Columns {
		if re.MatchString(c.Name) {
			return c, true
		}
	}
	return rules.TableColumn{}, false
}

func (t Table) findTime(re *regexp.Regexp) (rules.TableColumn, bool) {
	for _, c := range t.Columns {
		if re.MatchString(c.Name) && isTime(c) {
			return c, true
		}
	}
	return rules.TableColumn{}, false
}

func (t Table) category(cat detect.Category) (rules.TableColumn, bool) {
	for _, c := range t.Columns {
		if c.Class.Personal && c.Class.Category == cat {
			return c, true
		}
	}
	return rules.TableColumn{}, false
}

// isTime reports whether c holds a time, by type or, where the type does not say
// (SQLite's TEXT), by name: created_at, date_entered.
func isTime(c rules.TableColumn) bool {
	dt := strings.ToLower(c.DataType)
	return strings.Contains(dt, "date") || strings.Contains(dt, "time") || atColRE.MatchString(c.Name) || timePrefixRE.MatchString(c.Name)
}

var timePrefixRE = regexp.MustCompile(`(?i)^(date|datetime|timestamp)_`)

func isBool(c rules.TableColumn) bool { return strings.Contains(strings.ToLower(c.DataType), "bool") }

func (t Table) key() string {
	if len(t.PrimaryKey) == 1 {
		return t.PrimaryKey[0]
	}
	return ""
}

func (t Table) ref() string { return t.Name }

// words returns the sampled vocabulary of a column.
func (t Table) wordsOf(col string) []string { return t.words[strings.ToLower(col)] }

// fkTo returns the column of t that references subject s by naming convention.
func (t Table) fkTo(s Table) (string, bool) {
	if s.key() == "" {
		return "", false
	}
	base := strings.ToLower(s.Name)
	if i := strings.LastIndexByte(base, '_'); i >= 0 && i < len(base)-1 {
		base = base[i+1:]
	}
	k := strings.ToLower(s.key())
	names := map[string]bool{}
	// The whole name counts too: email_addresses.id → email_address_id,
	// prospect_lists.id → prospect_list_id.
	for _, b := range []string{singular(base), base, singular(strings.ToLower(s.Name))} {
		names[b+"_"+k] = true
		names[b+k] = true
		names["fk_"+b] = true // Dolibarr: fk_socpeople
		names["id_"+b] = true
	}
	if stem, ok := strings.CutSuffix(k, "id"); ok {
		// A key named for its table (contactid in vtiger_contactdetails) is named so where
		// it is used: vtiger_salesorder.contactid, vtiger_potential.contact_id.
		if stem = strings.TrimSuffix(stem, "_"); len(stem) > 2 && strings.Contains(base, stem) {
			names[stem+"_id"], names[stem+"id"], names[k] = true, true, true
		}
	}
	for _, c := range t.Columns {
		if slices.Contains(t.PrimaryKey, c.Name) {
			continue // a table's own key links to nothing
		}
		if names[strings.ToLower(c.Name)] {
			return c.Name, true
		}
	}
	// The end of a prefixed name: event_queue_id → civicrm_mailing_event_queue.id.
	full := strings.ToLower(s.Name)
	for _, c := range t.Columns {
		p, ok := strings.CutSuffix(strings.ToLower(c.Name), "_"+k)
		if !ok || len(p) < 4 || slices.Contains(t.PrimaryKey, c.Name) {
			continue
		}
		if strings.HasSuffix(full, "_"+p) || strings.HasSuffix(full, "_"+p+"s") {
			return c.Name, true
		}
	}
	return "", false
}

func singular(s string) string {
	switch {
	case s == "people":
		return "person"
	case strings.HasSuffix(s, "sses"):
		return s[:len(s)-2]
	case strings.HasSuffix(s, "ies") && len(s) > 3:
		return s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss"):
		return s[:len(s)-1]
	}
	return s
}

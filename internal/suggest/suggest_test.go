package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// tbl builds a catalogue table: columns as "name:type[:category]", words per column.
func tbl(name string, pk string, cols []string, words map[string][]string) Table {
	t := Table{Table: rules.Table{Schema: "public", Name: name, PrimaryKey: []string{pk}}, words: map[string][]string{}}
	for _, c := range cols {
		parts := append(splitN(c), "", "")
		col := rules.TableColumn{Name: parts[0], DataType: parts[1], Class: detect.Result{Category: detect.None}}
		if parts[2] != "" {
			col.Class = detect.Result{Category: detect.Category(parts[2]), Personal: true}
		}
		t.Columns = append(t.Columns, col)
	}
	for k, v := range words {
		t.words[k] = v
	}
	t.names, t.tokens = map[string][]string{}, map[string][]string{}
	return t
}

// with sets sampled table names (polymorphic type values) and multi-select tokens.
func (t Table) with(names, tokens map[string][]string) Table {
	for k, v := range names {
		t.names[k] = v
	}
	for k, v := range tokens {
		t.tokens[k] = v
	}
	return t
}

func splitN(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// A HubSpot-style export: basis and opt-out on the contact, deals, engagements.
func TestSuggestHubSpotShape(t *testing.T) {
	cat := &Catalogue{Dialect: dialect.Postgres, Tables: []Table{
		tbl("contacts", "id", []string{"id:bigint", "email:text:email", "firstname:text:person_name", "lastname:text:person_name",
			"hs_legal_basis:text", "hs_email_optout:boolean", "hs_email_optout_date:timestamp", "createdate:timestamp",
			"archived:boolean", "date_of_birth:date:date_of_birth", "country:text:country"}, nil),
		tbl("deals", "id", []string{"id:bigint", "contact_id:bigint", "closedate:timestamp", "contract_end_date:date"}, nil),
		tbl("engagements", "id", []string{"id:bigint", "contact_id:bigint", "type:text", "occurred_at:timestamp"},
			map[string][]string{"type": {"call", "email", "form_submission", "meeting"}}),
		tbl("gdpr_requests", "id", []string{"id:bigint", "contact_id:bigint", "requested_at:timestamp", "completed_at:timestamp", "status:text"},
			map[string][]string{"status": {"completed", "open", "rejected"}}),
	}}
	d := Suggest(cat)
	m := d.Mapping
	require.Len(t, m.Subjects, 1)
	s := m.Subjects[0]
	assert.Equal(t, config.Subject{Table: "contacts", Key: "id", LawfulBasisColumn: "hs_legal_basis",
		Marketable: "NOT (hs_email_optout = TRUE)", OptedOut: "hs_email_optout = TRUE", OptedOutAtColumn: "hs_email_optout_date",
		SoftDeleted: "archived = TRUE", EmailColumn: "email", CreatedColumn: "createdate",
		BirthDateColumn: "date_of_birth", CountryColumn: "country"}, s)
	require.Len(t, m.Contracts, 1)
	assert.Equal(t, config.ContractMapping{Table: "deals", SubjectKey: "contact_id", SubjectTable: "contacts", EndColumn: "contract_end_date"}, m.Contracts[0])
	require.Len(t, m.Sends, 1)
	assert.Equal(t, "type = 'email'", m.Sends[0].Filter)
	require.Len(t, m.Interactions, 1)
	assert.Equal(t, "type = 'form_submission'", m.Interactions[0].Filter)
	require.Len(t, m.Retention, 1)
	assert.Equal(t, "customers", m.Retention[0].AppliesTo)
	assert.Equal(t, "(SELECT MAX(o.closedate) FROM deals o WHERE o.contact_id = t.id)", m.Retention[0].Anchor)
	require.NotNil(t, m.Erasure)
	assert.Equal(t, "status = 'completed'", m.Erasure.CompletedFilter)
	assert.Equal(t, "requested_at", m.Erasure.ReceivedColumn)
	assert.Nil(t, m.Consent)
	assert.Contains(t, d.Notes, "no legal-hold table found")
	loads(t, d, "postgres")
}

// A SuiteCRM-style schema: email addresses linked to contacts and leads through one
// polymorphic relation table, target-list memberships and a campaign log pointing at
// either by id and module, a multi-select lawful basis, a converted flag on leads, a
// deleted flag on every table, legal holds.
func TestSuggestSuiteCRMShape(t *testing.T) {
	modules := map[string][]string{"bean_module": {"Accounts", "Contacts", "Leads"}}
	cat := &Catalogue{Dialect: dialect.MySQL, Tables: []Table{
		tbl("contacts", "id", []string{"id:char(36)", "first_name:varchar(100):person_name", "last_name:varchar(100):person_name",
			"phone_mobile:varchar(100):phone", "lawful_basis:text", "date_reviewed:date", "deleted:tinyint(1)", "date_entered:datetime",
			"date_modified:datetime"}, nil).with(nil, map[string][]string{"lawful_basis": {"consent", "contract", "protection_of_interest", "withdrawn"}}),
		tbl("email_addresses", "id", []string{"id:char(36)", "email_address:varchar(255):email", "opt_out:tinyint(1)",
			"confirm_opt_in:varchar(255)", "confirm_opt_in_date:datetime", "deleted:tinyint(1)", "date_modified:datetime"}, nil),
		tbl("email_addr_bean_rel", "id", []string{"id:char(36)", "email_address_id:char(36)", "bean_id:char(36)",
			"bean_module:varchar(100)", "deleted:tinyint(1)", "date_modified:datetime"}, nil).with(modules, nil),
		tbl("legal_holds", "id", []string{"id:int", "contact_id:char(36)", "reason:text", "owner:varchar(50)",
			"review_at:datetime", "released_at:datetime", "placed_at:datetime"}, nil),
		tbl("leads", "id", []string{"id:char(36)", "first_name:varchar(100):person_name", "last_name:varchar(100):person_name",
			"status:varchar(100)", "converted:tinyint(1)", "lawful_basis:text", "date_entered:datetime", "last_activity_date:datetime", "deleted:tinyint(1)"},
			map[string][]string{"status": {"Converted", "Dead", "New"}}),
		tbl("prospect_lists", "id", []string{"id:char(36)", "name:varchar(50)", "list_type:varchar(100)", "deleted:tinyint(1)"},
			map[string][]string{"list_type": {"default", "exempt", "exempt_domain", "seed", "test"}}),
		tbl("prospect_lists_prospects", "id", []string{"id:char(36)", "prospect_list_id:char(36)", "related_id:char(36)",
			"related_type:varchar(25)", "date_modified:datetime", "deleted:tinyint(1)"}, nil).with(map[string][]string{"related_type": {"Contacts", "Leads"}}, nil),
		tbl("campaign_log", "id", []string{"id:char(36)", "campaign_id:char(36)", "target_id:char(36)", "target_type:varchar(100)",
			"activity_type:varchar(100)", "activity_date:datetime", "deleted:tinyint(1)"},
			map[string][]string{"activity_type": {"link", "removed", "targeted", "viewed"}}).with(map[string][]string{"target_type": {"Contacts", "Users"}}, nil),
	}}
	d := Suggest(cat)
	m := d.Mapping
	require.Len(t, m.Subjects, 2)
	assert.Equal(t, "contacts", m.Subjects[0].Table, "people before prospects")
	assert.Equal(t, "deleted = 1", m.Subjects[0].SoftDeleted)
	assert.Equal(t, "date_reviewed", m.Subjects[0].BasisReviewedColumn)
	assert.Equal(t, "lawful_basis", m.Subjects[0].LawfulBasisColumn)
	assert.Equal(t, "lawful_basis", m.Subjects[1].LawfulBasisColumn)
	assert.Equal(t, map[string][]string{"consent": {"%^consent^%"}, "contract": {"%^contract^%"}, "vital_interests": {"%^protection_of_interest^%"},
		"withdrawn": {"%^withdrawn^%"}}, m.BasisValues)
	require.NotNil(t, m.EmailConsent)
	assert.Nil(t, m.EmailConsent.Link)
	assert.Equal(t, []config.EmailLink{
		{Table: "email_addr_bean_rel", AddressKey: "email_address_id", SubjectKey: "bean_id", Filter: "bean_module = 'Contacts'", SubjectTable: "contacts"},
		{Table: "email_addr_bean_rel", AddressKey: "email_address_id", SubjectKey: "bean_id", Filter: "bean_module = 'Leads'", SubjectTable: "leads"},
	}, m.EmailConsent.Links)
	assert.Equal(t, "confirm_opt_in IN ('opt-in', 'confirmed-opt-in')", m.EmailConsent.OptedIn)
	assert.Equal(t, "opt_out = 1", m.EmailConsent.OptedOut)
	assert.Equal(t, "date_modified", m.EmailConsent.OptedOutAtColumn)
	assert.Equal(t, "confirm_opt_in_date", m.EmailConsent.DoubleOptInAtColumn)
	notMarketing := "prospect_list_id NOT IN (SELECT id FROM prospect_lists WHERE list_type IN ('exempt', 'exempt_domain', 'seed', 'test'))"
	assert.Equal(t, []config.SubjectEvents{
		{Table: "prospect_lists_prospects", SubjectKey: "related_id", SubjectTable: "contacts", Filter: "related_type = 'Contacts' AND " + notMarketing},
		{Table: "prospect_lists_prospects", SubjectKey: "related_id", SubjectTable: "leads", Filter: "related_type = 'Leads' AND " + notMarketing},
	}, m.Lists)
	assert.Equal(t, []config.SubjectEvents{{Table: "campaign_log", SubjectKey: "target_id", SubjectTable: "contacts", AtColumn: "activity_date",
		Filter: "activity_type = 'targeted' AND target_type = 'Contacts'"}}, m.Sends)
	assert.Equal(t, []config.SubjectEvents{{Table: "campaign_log", SubjectKey: "target_id", SubjectTable: "contacts", AtColumn: "activity_date",
		Filter: "activity_type = 'link' AND target_type = 'Contacts'"}}, m.Interactions)
	assert.Equal(t, []config.SubjectEvents{{Table: "campaign_log", SubjectKey: "target_id", SubjectTable: "contacts", AtColumn: "activity_date",
		Filter: "activity_type = 'removed' AND target_type = 'Contacts'"}}, m.Withdrawals)
	require.Len(t, m.SoftDelete, 1)
	assert.Equal(t, "deleted = 1", m.SoftDelete[0].Predicate)
	require.NotNil(t, m.Holds)
	assert.Equal(t, config.HoldMapping{Table: "legal_holds", Key: "id", SubjectKey: "contact_id", ReasonColumn: "reason",
		OwnerColumn: "owner", ReviewColumn: "review_at", ReleasedColumn: "released_at", PlacedColumn: "placed_at"}, *m.Holds)
	require.Len(t, m.Retention, 1)
	r := m.Retention[0]
	assert.Equal(t, "COALESCE(converted, 0) = 0 AND NOT (deleted = 1)", r.SubjectFilter)
	assert.Equal(t, "COALESCE(last_activity_date, date_entered)", r.Anchor)
	loads(t, d, "mysql")

	// Without a converted flag, the status word is used as the CRM writes it.
	cat.Tables[4] = tbl("leads", "id", []string{"id:char(36)", "first_name:varchar(100):person_name", "last_name:varchar(100):person_name",
		"status:varchar(100)", "date_entered:datetime", "deleted:tinyint(1)"}, map[string][]string{"status": {"Converted", "Dead", "New"}})
	d = Suggest(cat)
	require.Len(t, d.Mapping.Retention, 1)
	assert.Equal(t, "(status IS NULL OR status <> 'Converted') AND NOT (deleted = 1)", d.Mapping.Retention[0].SubjectFilter)
}

// CiviCRM keeps addresses on civicrm_email (on_hold 2 is an opt-out, with hold_date) and
// group memberships with a status; Odoo keeps list subscriptions with an opt-out flag
// and mail traces pointing at any model by res_id.
func TestSuggestCiviCRMAndOdooShapes(t *testing.T) {
	cat := &Catalogue{Dialect: dialect.MySQL, Tables: []Table{
		tbl("civicrm_contact", "id", []string{"id:int", "first_name:varchar(64):person_name", "last_name:varchar(64):person_name",
			"is_opt_out:tinyint", "do_not_email:tinyint", "is_deleted:tinyint", "created_date:timestamp"}, nil),
		tbl("civicrm_email", "id", []string{"id:int", "contact_id:int", "email:varchar(254):email", "is_primary:tinyint",
			"on_hold:tinyint", "hold_date:datetime", "reset_date:datetime"}, nil),
		tbl("civicrm_group", "id", []string{"id:int", "name:varchar(64)", "group_type:varchar(128)"}, nil),
		tbl("civicrm_group_contact", "id", []string{"id:int", "group_id:int", "contact_id:int", "status:varchar(8)", "email_id:int"},
			map[string][]string{"status": {"Added", "Pending", "Removed"}}),
	}}
	m := Suggest(cat).Mapping
	require.NotNil(t, m.EmailConsent)
	assert.Equal(t, config.EmailConsentMapping{Table: "civicrm_email", Key: "id", SubjectKey: "contact_id", SubjectTable: "civicrm_contact",
		OptedOut: "on_hold = 2", OptedOutAtColumn: "hold_date"}, *m.EmailConsent)
	assert.Equal(t, []config.SubjectEvents{{Table: "civicrm_group_contact", SubjectKey: "contact_id", SubjectTable: "civicrm_contact", Filter: "status = 'Added'"}}, m.Lists)
	assert.Equal(t, "(is_opt_out = 1 OR do_not_email = 1)", m.Subjects[0].OptedOut)
	assert.Equal(t, "NOT (is_opt_out = 1 OR do_not_email = 1)", m.Subjects[0].Marketable)

	cat = &Catalogue{Dialect: dialect.Postgres, Tables: []Table{
		tbl("mailing_contact", "id", []string{"id:integer", "name:varchar:person_name", "email:varchar:email", "create_date:timestamp"}, nil),
		tbl("mailing_list", "id", []string{"id:integer", "name:varchar", "active:boolean"}, nil),
		tbl("mailing_subscription", "id", []string{"id:integer", "contact_id:integer", "list_id:integer", "opt_out:boolean",
			"opt_out_datetime:timestamp", "create_date:timestamp"}, nil),
		tbl("mailing_trace", "id", []string{"id:integer", "model:varchar", "res_id:integer", "trace_status:varchar", "sent_datetime:timestamp"},
			map[string][]string{"trace_status": {"bounce", "open", "reply", "sent"}}).with(map[string][]string{"model": {"mailing.contact", "res.partner"}}, nil),
	}}
	d := Suggest(cat)
	m = d.Mapping
	assert.Equal(t, []config.SubjectEvents{{Table: "mailing_subscription", SubjectKey: "contact_id", SubjectTable: "mailing_contact",
		Filter: "COALESCE(opt_out, FALSE) = FALSE"}}, m.Lists)
	assert.Equal(t, []config.SubjectEvents{{Table: "mailing_trace", SubjectKey: "res_id", SubjectTable: "mailing_contact", AtColumn: "sent_datetime",
		Filter: "trace_status = 'sent' AND model = 'mailing.contact'"}}, m.Sends)
	loads(t, d, "postgres")
}

func loads(t *testing.T, d *Draft, kind string) {
	t.Helper()
	doc := d.YAML(Header{Name: "crm", Kind: kind, DSN: kind + "://scanner@db/crm"})
	_, err := config.Load(doc, "draft.yaml")
	require.NoError(t, err, string(doc))
	assert.Contains(t, string(doc), "# suggested: review")
}

func TestSafeDSN(t *testing.T) {
	got, env := SafeDSN("postgres://scanner:s3cr3t@db:5432/crm?sslmode=require", "crm-eu")
	assert.Equal(t, "postgres://scanner:${GDPRSCAN_CRM_EU_PASSWORD}@db:5432/crm?sslmode=require", got)
	assert.Equal(t, "GDPRSCAN_CRM_EU_PASSWORD", env)
	got, env = SafeDSN("sqlite:///var/lib/crm.db", "crm")
	assert.Equal(t, "sqlite:///var/lib/crm.db", got)
	assert.Empty(t, env)
}

func TestVocabularyKeepsOnlyEnumWords(t *testing.T) {
	assert.Equal(t, []string{"granted", "withdrawn"}, vocabulary([]string{"granted", "Jane Doe", "withdrawn", "jane@example.com", "granted", "+49 151 1234567"}))
}

func TestScalarQuoting(t *testing.T) {
	for in, want := range map[string]string{"contacts": "contacts", "P3Y": "P3Y", "yes": `"yes"`, "status <> 'converted'": `"status <> 'converted'"`, "": `""`} {
		assert.Equal(t, want, q(in), in)
	}
}

// Open-source CRM shapes: a CiviCRM contribution, a Dolibarr order on fk_socpeople, and
// vtiger orders whose contactid / contact_id point at contactdetails.contactid.
func TestSuggestLinksByForeignKeyConventions(t *testing.T) {
	contracts := func(tables ...Table) (map[string]config.ContractMapping, map[string]string) {
		d := Suggest(&Catalogue{Dialect: dialect.MySQL, Tables: tables})
		loads(t, d, "mysql")
		byTable, anchors := map[string]config.ContractMapping{}, map[string]string{}
		for _, c := range d.Mapping.Contracts {
			byTable[c.Table] = c
		}
		for _, r := range d.Mapping.Retention {
			anchors[r.Table] = r.Anchor
		}
		return byTable, anchors
	}
	c, a := contracts(
		tbl("civicrm_contact", "id", []string{"id:int", "first_name:varchar(64):person_name", "created_date:timestamp", "is_deleted:tinyint"}, nil),
		tbl("civicrm_contribution", "id", []string{"id:int", "contact_id:int", "receive_date:datetime", "total_amount:decimal"}, nil))
	assert.Equal(t, config.ContractMapping{Table: "civicrm_contribution", SubjectKey: "contact_id", SubjectTable: "civicrm_contact"}, c["civicrm_contribution"])
	assert.Equal(t, "(SELECT MAX(o.receive_date) FROM civicrm_contribution o WHERE o.contact_id = t.id)", a["civicrm_contact"])

	c, a = contracts(
		tbl("llx_socpeople", "rowid", []string{"rowid:int", "lastname:varchar(50):person_name", "datec:datetime"}, nil),
		tbl("llx_commande", "rowid", []string{"rowid:int", "fk_socpeople:int", "date_commande:date"}, nil))
	assert.Equal(t, "fk_socpeople", c["llx_commande"].SubjectKey)
	assert.Equal(t, "(SELECT MAX(o.date_commande) FROM llx_commande o WHERE o.fk_socpeople = t.rowid)", a["llx_socpeople"])

	c, _ = contracts(
		tbl("vtiger_contactdetails", "contactid", []string{"contactid:int", "lastname:varchar(80):person_name"}, nil),
		tbl("vtiger_salesorder", "salesorderid", []string{"salesorderid:int", "contactid:int", "duedate:date"}, nil),
		tbl("vtiger_invoice", "invoiceid", []string{"invoiceid:int", "contact_id:int", "invoicedate:date"}, nil))
	assert.Equal(t, config.ContractMapping{Table: "vtiger_salesorder", SubjectKey: "contactid", SubjectTable: "vtiger_contactdetails"}, c["vtiger_salesorder"])
	assert.Equal(t, config.ContractMapping{Table: "vtiger_invoice", SubjectKey: "contact_id", SubjectTable: "vtiger_contactdetails"}, c["vtiger_invoice"])
}

// vtiger keeps people in vtiger_contactdetails and vtiger_leaddetails keyed by their own
// id names, flags as varchar '0'/'1', and campaign memberships in vtiger_campaigncontrel.
func TestSuggestVtigerShape(t *testing.T) {
	cat := &Catalogue{Dialect: dialect.Postgres, Tables: []Table{
		tbl("vtiger_contactdetails", "contactid", []string{"contactid:integer", "firstname:varchar(40):person_name", "lastname:varchar(80):person_name",
			"email:varchar(100):email", "emailoptout:varchar(3)", "donotcall:varchar(3)"}, nil),
		tbl("vtiger_leaddetails", "leadid", []string{"leadid:integer", "firstname:varchar(40):person_name", "lastname:varchar(80):person_name",
			"email:varchar(100):email", "converted:integer", "emailoptout:varchar(3)", "createdtime:timestamp"}, nil),
		tbl("vtiger_campaigncontrel", "campaignid", []string{"campaignid:integer", "contactid:integer", "campaignrelstatusid:integer"}, nil),
	}}
	d := Suggest(cat)
	m := d.Mapping
	require.Len(t, m.Subjects, 2)
	assert.Equal(t, "emailoptout = '1'", m.Subjects[0].OptedOut)
	assert.Equal(t, []config.SubjectEvents{{Table: "vtiger_campaigncontrel", SubjectKey: "contactid", SubjectTable: "vtiger_contactdetails"}}, m.Lists)
	require.Len(t, m.Retention, 1)
	assert.Equal(t, "COALESCE(converted, 0) = 0", m.Retention[0].SubjectFilter)
	assert.Equal(t, "createdtime", m.Retention[0].Anchor)
	loads(t, d, "postgres")
}

// A subscription table with a purpose and a status is consent history, not a list: a
// withdrawn row must not count as a membership.
func TestSuggestSubscriptionHistoryIsConsentNotList(t *testing.T) {
	cat := &Catalogue{Dialect: dialect.Postgres, Tables: []Table{
		tbl("contacts", "id", []string{"id:bigint", "email:text:email", "firstname:text:person_name", "createdate:timestamp"}, nil),
		tbl("email_subscriptions", "id", []string{"id:bigint", "contact_id:bigint", "subscription_type:text", "status:text", "created_at:timestamp"},
			map[string][]string{"subscription_type": {"marketing_email", "one_to_one"}, "status": {"subscribed", "unsubscribed"}}),
	}}
	m := Suggest(cat).Mapping
	require.NotNil(t, m.Consent)
	assert.Equal(t, "email_subscriptions", m.Consent.Table)
	assert.Equal(t, "marketing_email", m.Consent.MarketingPurpose)
	assert.Empty(t, m.Lists)
}

package detect

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The tables below are written in other shapes than the eval corpus on purpose: the rules
// must hold for CRMs neither has seen.

func cycle(n int, vs ...string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = vs[i%len(vs)]
	}
	return out
}

func numbers(n, from int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(from + i*7%97)
	}
	return out
}

// Class 1: the organisation's own texts are not personal free text.
func TestOrganisationTexts(t *testing.T) {
	formCols := []string{"id", "title", "intro_text", "footer_text", "success_message", "reply_to_email", "description", "created_at"}
	statusCols := []string{"id", "name", "label", "is_active"}
	recordCols := []string{"id", "record_type", "description", "owner_id", "created_at"}
	venue := cycle(40, "The hall is wheelchair accessible.", "Bring your church choir folder.", "Refreshments are served after the talk.", "Parking is free.")
	runClassify(t, []classifyCase{
		{"form intro", Column{Table: "web_forms", Name: "intro_text", DataType: "text", TableColumns: formCols, Values: venue, Sampled: 40}, None, false},
		{"form footer", Column{Table: "web_forms", Name: "footer_text", DataType: "text", TableColumns: formCols, Values: cycle(40, "Registered charity no. 1234567.", "Unsubscribe at any time.")}, None, false},
		{"form description with special words", Column{Table: "web_forms", Name: "description", DataType: "text", TableColumns: formCols, Values: venue}, None, false},
		{"form sender address", Column{Table: "web_forms", Name: "reply_to_email", DataType: "varchar(255)", TableColumns: formCols, Values: cycle(40, "events@greenpeace-local.org", "donations@greenpeace-local.org")}, None, false},
		{"form title", Column{Table: "web_forms", Name: "title", DataType: "varchar(255)", TableColumns: formCols, Values: cycle(40, "Donate now", "Join our newsletter", "Sign the petition")}, None, false},
		{"status type names", Column{Table: "case_status", Name: "name", DataType: "varchar(64)", TableColumns: statusCols, Values: cycle(12, "Open", "Closed", "Pending Input", "Resolved")}, None, false},
		{"contact type labels", Column{Table: "contact_types", Name: "label", DataType: "varchar(64)", TableColumns: statusCols, Values: cycle(12, "Individual", "Organization", "Household", "Student")}, None, false},
		{"currency full name", Column{Table: "currency_list", Name: "full_name", DataType: "varchar(64)", TableColumns: []string{"code", "full_name", "symbol"}, Values: cycle(20, "Euro", "Pound Sterling", "US Dollar", "Swiss Franc")}, None, false},
		{"template body with placeholders", Column{Table: "notification_templates", Name: "body", DataType: "text", TableColumns: []string{"id", "name", "subject", "body"}, Values: cycle(20, "Dear {{contact.first_name}}, thanks for your order.", "Hello $first_name, your ticket $ticket_no is solved.")}, None, false},
		{"settings value with a no-reply address", Column{Table: "app_settings_kv", Name: "value", DataType: "text", TableColumns: []string{"key", "value"}, Values: cycle(20, "noreply@shop.example.de", "EUR", "de_DE", "25", "info@shop.example.de")}, None, false},
		{"lead form name", Column{Table: "lead_capture", Name: "name", DataType: "varchar(255)", TableColumns: []string{"id", "name", "form_text", "is_active"}, Values: cycle(12, "Website newsletter", "Trade fair form")}, None, false},
		{"lead form text", Column{Table: "lead_capture", Name: "form_text", DataType: "mediumtext", TableColumns: []string{"id", "name", "form_text", "is_active"}, Values: cycle(12, "Sign up for our newsletter.", "We will call you back.")}, None, false},
		{"form submission e-mail", Column{Table: "web_form_submissions", Name: "email", DataType: "varchar(255)", TableColumns: []string{"id", "form_id", "email", "message"}, Values: cycle(20, "anna.berg@example.com", "j.smith@mail.co.uk", "p.lopez@correo.es", "m.rossi@posta.it", "k.nowak@poczta.pl")}, Email, true},
		{"list of membership types linked to their owner", Column{Table: "membership_type", Name: "description", DataType: "varchar(255)", TableColumns: []string{"id", "name", "description", "member_of_contact_id"}, Values: cycle(12, "Regular annual membership.", "For students.")}, None, false},
		// controls: a state per person is no list; texts that are about people stay personal
		{"login status with an ip", Column{Table: "login_status", Name: "last_ip", DataType: "varchar(45)", TableColumns: []string{"user_id", "status", "last_ip"}, Values: cycle(40, "85.12.33.4", "62.1.1.9", "31.4.5.6", "91.8.7.66", "188.2.3.4")}, IPAddress, true},
		{"record descriptions embedding phones", Column{Table: "crm_records", Name: "description", DataType: "text", TableColumns: recordCols, Values: cycle(40, "Call back on +49 171 2345678 after 5pm.", "Sent brochure.", "New address: anna.berg@example.com", "No answer.")}, FreeText, true},
		{"patient notes with special words only", Column{Table: "members", Name: "notes", DataType: "text", TableColumns: []string{"id", "first_name", "last_name", "notes"}, Values: cycle(40, "Is diabetic, send the sugar-free menu.", "Prefers email.", "Pregnant, no lifting.")}, FreeText, true},
	})
}

// Class 2: clearly named columns of a person table are personal even when empty or coded.
func TestCodedAndEmptyPersonColumns(t *testing.T) {
	people := []string{"person_id", "first_name", "last_name", "email", "gender_id", "nationality_id", "region_id", "suffix_id",
		"name_prefix", "position", "legal_identifier", "date_of_death", "address_id", "bank_account_id", "email_id", "household_name", "external_identifier"}
	col := func(name, typ string, vals []string) Column {
		return Column{Table: "persons", Name: name, DataType: typ, TableColumns: people, Values: vals, Sampled: 60}
	}
	cases := []classifyCase{
		{"gender code", col("gender_id", "int", cycle(60, "1", "2", "3")), Gender, true},
		{"nationality code", col("nationality_id", "int", numbers(60, 1)), Country, true},
		{"region code", col("region_id", "int", numbers(60, 100)), PostalAddress, true},
		{"suffix code, mostly null", col("suffix_id", "int", []string{"2", "4"}), PersonName, true},
		{"empty suffix code", col("suffix_id", "int", nil), PersonName, true},
		{"empty name prefix", col("name_prefix", "varchar(20)", nil), Gender, true},
		{"empty legal identifier", col("legal_identifier", "varchar(32)", nil), NationalID, true},
		{"empty date of death", col("date_of_death", "date", nil), DateOfBirth, true},
		{"empty external identifier", col("external_identifier", "varchar(64)", nil), Username, true},
		{"household name", col("household_name", "varchar(128)", cycle(10, "The Berg Household", "Smith family")), PersonName, true},
		// keys to records are not the attribute
		{"sort position", col("position", "int", numbers(60, 1)), None, false},
		{"address key", col("address_id", "int", numbers(60, 1)), None, false},
		{"bank account key", col("bank_account_id", "int", numbers(60, 1)), None, false},
		{"email key", col("email_id", "int", numbers(60, 1)), None, false},
		// a coded attribute outside a person table
		{"country code of a warehouse", Column{Table: "warehouses", Name: "country_id", DataType: "int", TableColumns: []string{"id", "name", "country_id"}, Values: numbers(20, 1)}, None, false},
		{"region code of a product", Column{Table: "products", Name: "region_id", DataType: "int", TableColumns: []string{"id", "sku", "region_id"}, Values: numbers(20, 1)}, None, false},
	}
	runClassify(t, cases)

	c := newTestClassifier(t)
	for _, tt := range cases[:9] {
		r := c.Classify(tt.col)
		assert.GreaterOrEqual(t, r.Confidence, Threshold, tt.name)
		assert.Less(t, r.Confidence, 0.9, "%s: name evidence ranks below validated values", tt.name)
		assert.NotEmpty(t, r.Evidence.NameMatch, tt.name)
	}
	r := c.Classify(cases[0].col)
	assert.Contains(t, r.Evidence.Signals, "name:gender")
	r = c.Classify(cases[1].col)
	assert.Subset(t, r.Evidence.Signals, []string{"name:country", "name:coded", "value:coded", "context:person_table"})
	r = c.Classify(cases[6].col)
	assert.Contains(t, r.Evidence.Signals, "value:none_sampled")

	// prefix and suffix are a person's only on their own or after a name word
	for _, n := range []string{"phone_prefix", "invoice_prefix", "sku_suffix", "dial_prefix"} {
		m := matchName(n)
		assert.NotEqual(t, Gender, m.cat, n)
		assert.NotEqual(t, PersonName, m.cat, n)
	}
}

// Class 3: HR and sales-person tables describe employees; extensions are phone data.
func TestHRTables(t *testing.T) {
	staffCols := []string{"staff_id", "full_name", "salaried", "overtime_hours", "remote_days", "reports_to", "extension", "annual_leave"}
	staff := func(name, typ string, vals []string) Column {
		return Column{Table: "staff", Name: name, DataType: typ, TableColumns: staffCols, Values: vals, Sampled: 40}
	}
	payCols := []string{"id", "employee_id", "amount", "effective_date", "created_at"}
	histCols := []string{"employee_id", "job_id", "department_id", "start_date", "end_date", "updated_at"}
	runClassify(t, []classifyCase{
		{"salaried flag", staff("salaried", "boolean", cycle(40, "true", "false", "false")), Employment, true},
		{"overtime hours", staff("overtime_hours", "numeric(6,2)", cycle(40, "0.00", "4.50", "12.25")), Employment, true},
		{"unnamed measure of an employee", staff("remote_days", "smallint", cycle(40, "0", "2", "3", "5")), Employment, true},
		{"annual leave", staff("annual_leave", "smallint", cycle(40, "25", "28", "30")), Employment, true},
		{"extension", staff("extension", "varchar(6)", cycle(40, "204", "3115", "x17")), Phone, true},
		{"manager reference", staff("reports_to", "int", cycle(40, "1", "2", "5")), None, false},
		{"pay amount", Column{Table: "salary_history", Name: "amount", DataType: "numeric(10,2)", TableColumns: payCols, Values: cycle(30, "3200.00", "4100.50")}, SalaryFinancial, true},
		{"pay table audit time", Column{Table: "salary_history", Name: "created_at", DataType: "timestamp", TableColumns: payCols, Values: cycle(30, "2024-01-02 10:00:00")}, None, false},
		{"job history start", Column{Table: "job_history", Name: "start_date", DataType: "date", TableColumns: histCols, Values: cycle(30, "2019-04-01", "2021-09-15")}, Employment, true},
		{"job history job", Column{Table: "job_history", Name: "job_id", DataType: "int", TableColumns: histCols, Values: numbers(30, 1)}, Employment, true},
		{"job history audit", Column{Table: "job_history", Name: "updated_at", DataType: "timestamp", TableColumns: histCols, Values: cycle(30, "2024-01-02 10:00:00")}, None, false},
		{"file extension", Column{Table: "attachments", Name: "extension", DataType: "varchar(8)", TableColumns: []string{"id", "file_name", "extension"}, Values: cycle(30, "pdf", "docx", "png")}, None, false},
		{"product weight", Column{Table: "products", Name: "weight", DataType: "numeric", TableColumns: []string{"id", "sku", "weight"}, Values: cycle(30, "1.5", "2.0")}, None, false},
		{"employee record number", Column{Table: "staff", Name: "staff_number", DataType: "int", TableColumns: staffCols, Values: numbers(40, 1)}, None, false},
		{"employee status", Column{Table: "staff", Name: "status", DataType: "varchar(20)", TableColumns: staffCols, Values: cycle(40, "Active", "Left", "On leave")}, Employment, true},
		{"joined date of an employee", Column{Table: "staff", Name: "joined_on", DataType: "date", TableColumns: staffCols, Values: cycle(40, "2019-04-01", "2021-09-15")}, Employment, true},
		{"grade code", Column{Table: "staff", Name: "salary_grade_id", DataType: "int", TableColumns: staffCols, Values: numbers(40, 1)}, Employment, true},
		{"one employer for all", Column{Table: "staff", Name: "company", DataType: "varchar(140)", TableColumns: staffCols, Values: cycle(40, "Northwind Traders Ltd")}, None, false},
		{"employers of contacts", Column{Table: "contacts", Name: "company", DataType: "varchar(140)", TableColumns: []string{"id", "first_name", "email", "company"}, Values: cycle(40, "Northwind Traders Ltd", "Acme GmbH", "Blue Harbor SA")}, Employment, true},
		{"employer key", Column{Table: "staff", Name: "employer_id", DataType: "int", TableColumns: staffCols, Values: numbers(40, 1)}, None, false},
		{"salary slip deduction", Column{Table: "salary_slip", Name: "total_deduction", DataType: "decimal(21,9)", TableColumns: []string{"name", "employee", "employee_name", "total_deduction"}, Values: cycle(30, "210.000000000", "480.500000000")}, SalaryFinancial, true},
		{"status of a contact", Column{Table: "contacts", Name: "status", DataType: "varchar(20)", TableColumns: []string{"id", "first_name", "email", "status"}, Values: cycle(40, "New", "Qualified")}, None, false},
		{"absence length", Column{Table: "absences", Name: "days", DataType: "numeric(4,1)", TableColumns: []string{"id", "employee_id", "days"}, Values: cycle(30, "1.0", "2.5")}, None, false},
	})
}

// Class 4: card numbers failing Luhn under a card name are still card data.
func TestCardNumbersFailingLuhn(t *testing.T) {
	bad := make([]string, 50)
	for i := range bad {
		bad[i] = fmt.Sprintf("%d%013d", 3+i%6, 1234567890123+int64(i)*7919)
	}
	cards := []string{"id", "card_type", "card_number", "exp_month", "exp_year"}
	c := newTestClassifier(t)
	r := c.Classify(Column{Table: "payment_cards", Name: "card_number", DataType: "varchar(25)", TableColumns: cards, Values: bad, Sampled: 50})
	require.True(t, r.Personal, "signals %v", r.Evidence.Signals)
	assert.Equal(t, PaymentCard, r.Category)
	assert.Contains(t, r.Evidence.Signals, "value:luhn_failed")
	assert.Less(t, r.Confidence, 0.9, "below validated numbers")

	good := make([]string, 50)
	for i := range good {
		good[i] = withLuhn(fmt.Sprintf("4%014d", 12345678901234+int64(i)*104729))
	}
	r = c.Classify(Column{Table: "payment_cards", Name: "card_number", DataType: "varchar(25)", TableColumns: cards, Values: good, Sampled: 50})
	assert.Equal(t, PaymentCard, r.Category)
	assert.NotContains(t, r.Evidence.Signals, "value:luhn_failed")
	assert.GreaterOrEqual(t, r.Confidence, 0.9)

	// values that fail Luhn without a card name stay unclassified
	r = c.Classify(Column{Table: "shipments", Name: "reference", DataType: "varchar(25)", TableColumns: []string{"id", "reference"}, Values: bad, Sampled: 50})
	assert.NotEqual(t, PaymentCard, r.Category)

	runClassify(t, []classifyCase{
		{"expiry year beside a card", Column{Table: "payment_cards", Name: "exp_year", DataType: "smallint", TableColumns: cards, Values: cycle(30, "2027", "2028", "2029")}, PaymentCard, true},
		{"expiry month beside a card", Column{Table: "payment_cards", Name: "exp_month", DataType: "smallint", TableColumns: cards, Values: cycle(30, "1", "7", "12")}, PaymentCard, true},
		{"exp year without a card", Column{Table: "candidates", Name: "exp_years", DataType: "smallint", TableColumns: []string{"id", "first_name", "exp_years"}, Values: cycle(30, "3", "10")}, None, false},
	})
}

// A flag stored as a number is no identifier.
func TestNumericFlags(t *testing.T) {
	runClassify(t, []classifyCase{
		{"manual geocode flag", Column{Table: "addresses", Name: "manual_geo_code", DataType: "tinyint(4)", TableColumns: []string{"id", "contact_id", "street", "manual_geo_code"}, Values: cycle(40, "0", "0", "1")}, None, false},
	})
}

// withLuhn appends the Luhn check digit to a payload.
func withLuhn(payload string) string {
	for d := '0'; d <= '9'; d++ {
		if luhn(payload + string(d)) {
			return payload + string(d)
		}
	}
	panic("no check digit")
}

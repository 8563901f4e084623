package detect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVocabularyHasNoConflicts(t *testing.T) {
	require.Empty(t, vocabConflicts, "the same spelling must not mean two things")
	for key, tm := range vocabulary {
		assert.NotEmpty(t, key)
		if tm.cat != None {
			assert.Greater(t, tm.strength, 0.0, tm.phrase)
			assert.LessOrEqual(t, tm.strength, specific, tm.phrase)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"first_name", []string{"first", "name"}},
		{"FirstName", []string{"first", "name"}},
		{"firstName", []string{"first", "name"}},
		{"FIRST-NAME", []string{"first", "name"}},
		{"cust_FirstName__c", []string{"cust", "first", "name", "c"}},
		{"HTTPServerAddr", []string{"http", "server", "addr"}},
		{"address1_line2", []string{"address", "line"}},
		{"ipv4_address", []string{"ipv4", "address"}},
		{"Geb.Datum", []string{"geb", "datum"}},
		{"Straße", []string{"strasse"}},
		{"Prénom", []string{"prenom"}},
		{"nazwisko_Łukasz", []string{"nazwisko", "lukasz"}},
		{"客户姓名", []string{"客", "户", "姓", "名"}},
		{"user 手机号", []string{"user", "手", "机", "号"}},
		{"", nil},
		{"___", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, words(tt.in))
		})
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"gendercode", []string{"gender", "code"}},
		{"donotemail", []string{"do", "not", "email"}},
		{"hasoptedoutofemail", []string{"has", "opted", "out", "of", "email"}},
		{"ipcountry", []string{"ip", "country"}},
		{"postage", []string{"postage"}},     // not post+age
		{"firstname", []string{"firstname"}}, // a vocabulary entry already
		{"password", []string{"password"}},
		{"xyzzyplugh", []string{"xyzzyplugh"}},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, segment([]string{tt.in}))
		})
	}
}

func TestMatchName(t *testing.T) {
	tests := []struct {
		name     string
		want     Category
		quasi    bool
		modifier string
	}{
		// English and CRM API names.
		{"email", Email, false, ""},
		{"EmailAddress", Email, false, ""},
		{"emailaddress1", Email, false, ""},
		{"customer_email", Email, false, ""},
		{"email_address_caps", Email, false, ""},
		{"MobilePhone", Phone, false, ""},
		{"phone_mobile", Phone, false, ""},
		{"telephone1", Phone, false, ""},
		{"first_name", PersonName, false, ""},
		{"fname", PersonName, false, ""},
		{"LastName", PersonName, false, ""},
		{"contact_name", PersonName, false, ""},
		{"billing_name", PersonName, false, ""},
		{"name", PersonName, true, ""},
		{"address1_city", City, true, ""},
		{"primary_address_postalcode", PostalCode, true, ""},
		{"MailingStreet", PostalAddress, true, ""},
		{"street_name", PostalAddress, true, ""},
		{"date_of_birth", DateOfBirth, false, ""},
		{"birthdate", DateOfBirth, false, ""},
		{"dob", DateOfBirth, false, ""},
		{"place_of_birth", City, true, ""},
		{"gendercode", Gender, true, ""},
		{"gender_id", Gender, true, ""},
		{"user_name", Username, false, ""},
		{"ssn", NationalID, false, ""},
		{"passport_number", Passport, false, ""},
		{"vat_number", TaxID, true, ""},
		{"credit_card_number", PaymentCard, false, ""},
		{"cvv2", CardSecurityCode, false, ""},
		{"iban", IBANBankAccount, false, ""},
		{"annualincome", SalaryFinancial, true, ""},
		{"job_title", Employment, true, ""},
		{"ip_address", IPAddress, false, ""},
		{"remote_addr", IPAddress, false, ""},
		{"mac_address", DeviceID, false, ""},
		{"device_token", DeviceID, false, ""},
		{"latitude", GeoLocation, true, ""},
		{"password_hash", PasswordOrSecret, false, ""},
		{"api_key", PasswordOrSecret, false, ""},
		{"notes", FreeText, true, ""},
		{"email_body", FreeText, true, ""},
		// German.
		{"vorname", PersonName, false, ""},
		{"nachname", PersonName, false, ""},
		{"geb_datum", DateOfBirth, false, ""},
		{"Geburtsdatum", DateOfBirth, false, ""},
		{"plz", PostalCode, true, ""},
		{"handy", Phone, false, ""},
		{"strasse", PostalAddress, true, ""},
		{"staatsangehörigkeit", Country, true, ""},
		{"kontoinhaber", PersonName, false, ""},
		{"konfession", ReligionOrBelief, false, ""},
		{"gewerkschaft", TradeUnion, false, ""},
		{"vorstrafen", Criminal, false, ""},
		{"fuehrungszeugnis", Criminal, false, ""},
		// French, Spanish, Italian, Dutch, Polish, Portuguese.
		{"prenom", PersonName, false, ""},
		{"nom", PersonName, true, ""},
		{"date_naissance", DateOfBirth, false, ""},
		{"num_secu", NationalID, false, ""},
		{"courriel", Email, false, ""},
		{"casier_judiciaire", Criminal, false, ""},
		{"santé", Health, false, ""},
		{"telefono", Phone, false, ""},
		{"apellidos", PersonName, false, ""},
		{"fecha_nacimiento", DateOfBirth, false, ""},
		{"salud", Health, false, ""},
		{"cognome", PersonName, false, ""},
		{"codice_fiscale", NationalID, false, ""},
		{"achternaam", PersonName, false, ""},
		{"voornaam", PersonName, false, ""},
		{"nazwisko", PersonName, false, ""},
		{"imie", PersonName, false, ""},
		{"pesel", NationalID, false, ""},
		{"telemovel", Phone, false, ""},
		{"telCel", Phone, false, ""},
		{"dtNasc", DateOfBirth, false, ""},
		{"nomeCompleto", PersonName, false, ""},
		{"nmMae", PersonName, false, ""},
		{"nome_do_paciente", PersonName, false, ""},
		{"nombre_cliente", PersonName, false, ""},
		{"cep", PostalCode, true, ""},
		{"uf", PostalAddress, true, ""},
		{"rgNum", NationalID, false, ""},
		{"cnsNum", Health, false, ""},
		{"numCarteirinha", Health, false, ""},
		{"cid10", Health, false, ""},
		{"corRaca", Ethnicity, false, ""},
		{"bairro", PostalAddress, true, ""},
		{"data_admissao", Employment, true, ""},
		// Shapes of open-source CRMs.
		{"iplastlogin", IPAddress, false, ""},
		{"ip_last_login", IPAddress, false, ""},
		{"note_public", FreeText, true, ""},
		{"notes_private", FreeText, true, ""},
		{"email_sender", Email, false, ""},
		{"postal_code_suffix", PostalCode, true, ""},
		{"accesskey", PasswordOrSecret, false, ""},
		{"designation", Employment, true, ""},
		{"assistantphone", Phone, false, ""},
		{"image_url", PhotoOrBiometric, true, ""},
		{"snapchat", Username, true, ""},
		{"street_number", PostalAddress, true, ""},
		{"supplemental_address_1", PostalAddress, true, ""},
		{"jabberid", Username, true, ""},
		{"socialnetworks", Username, true, ""},
		// Swedish, Danish, Norwegian, Finnish.
		{"Förnamn", PersonName, false, ""},
		{"fornamn", PersonName, false, ""},
		{"efter_namn", PersonName, false, ""},
		{"etternavn", PersonName, false, ""},
		{"sukunimi", PersonName, false, ""},
		{"medlem_personnr", NationalID, false, ""},
		{"cpr_nr", NationalID, false, ""},
		{"fødselsnummer", NationalID, false, ""},
		{"henkilötunnus", NationalID, false, ""},
		{"e_post", Email, false, ""},
		{"sahkoposti", Email, false, ""},
		{"mobiltlf", Phone, false, ""},
		{"puhelinnumero", Phone, false, ""},
		{"gatuadress", PostalAddress, true, ""},
		{"lähiosoite", PostalAddress, true, ""},
		{"postnr", PostalCode, true, ""},
		{"postitoimipaikka", City, true, ""},
		{"fodelsedatum", DateOfBirth, false, ""},
		{"fødselsdato", DateOfBirth, false, ""},
		{"syntymäaika", DateOfBirth, false, ""},
		{"kön", Gender, true, ""},
		{"kjønn", Gender, true, ""},
		{"användarnamn", Username, false, ""},
		{"lösenord", PasswordOrSecret, false, ""},
		{"kontonummer", IBANBankAccount, false, ""},
		{"månadslön", SalaryFinancial, true, ""},
		{"allergier", Health, false, ""},
		{"diagnoosi", Health, false, ""},
		{"belastningsregister", Criminal, false, ""},
		{"fackförbund", TradeUnion, false, ""},
		{"anteckningar", FreeText, true, ""},
		{"organisationsnummer", None, false, ""},
		{"yhteyshenkilo_puh", Phone, false, ""},
		{"cvr_nr", None, false, ""},
		// Chinese.
		{"xingming", PersonName, false, ""},
		{"dianhua", Phone, false, ""},
		{"shouji", Phone, false, ""},
		{"手机", Phone, false, ""},
		{"客户手机号", Phone, false, ""},
		{"姓名", PersonName, false, ""},
		{"电话", Phone, false, ""},
		{"邮箱", Email, false, ""},
		{"联系地址", PostalAddress, true, ""},
		{"政治面貌", Political, false, ""},
		// Special categories by name.
		{"health_status", Health, false, ""},
		{"has_disability", Health, false, ""},
		{"diagnosis_date", Health, false, ""},
		{"allergies", Health, false, ""},
		{"religion_id", ReligionOrBelief, false, ""},
		{"ethnic_origin", Ethnicity, false, ""},
		{"political_party", Political, false, ""},
		{"union_member", TradeUnion, false, ""},
		{"sexual_orientation", SexualOrientation, false, ""},
		{"genetic_test", Genetic, false, ""},
		{"biometric_template", PhotoOrBiometric, false, ""},
		{"criminal_record", Criminal, false, ""},
		{"dbs_check", Criminal, false, ""},
		{"police_check", Criminal, false, ""},
		{"convictions", Criminal, false, ""},
		// Modifiers turn a match off.
		{"email_opt_in", None, false, "opt"},
		{"EmailOptOut", None, false, "opt"},
		{"is_email_verified", None, false, "verified"},
		{"is_email", None, false, "is"},
		{"HasOptedOutOfEmail", None, false, "has"},
		{"email_hash", None, false, "hash"},
		{"sha256_email", None, false, "sha256"},
		{"email_verified_at", None, false, "verified"},
		{"phone_id", None, false, "id"},
		{"country_id", None, false, "id"},
		{"num_emails", None, false, "num"},
		{"password_changed_at", None, false, "changed"},
		{"health_consent", None, false, "consent"},
		{"card_number_last4", None, false, "last4"},
		{"emails", Email, false, ""},
		{"phones", Phone, false, ""},
		{"addresses", PostalAddress, true, ""},
		{"hs_ip_timezone", None, false, "timezone"},
		// Names of things and other negatives.
		{"product_name", None, false, ""},
		{"file_name", None, false, ""},
		{"bank_name", None, false, ""},
		{"account_name", Employment, true, ""}, // the employer of a lead; capped in accounts tables
		{"email_template", None, false, ""},
		{"order_number", None, false, ""},
		{"sku", None, false, ""},
		{"version", None, false, ""},
		{"created_at", None, false, ""},
		{"updated_at", None, false, ""},
		{"last_login", None, false, ""},
		{"status", None, false, ""},
		{"marketing_opt_in", None, false, ""},
		{"is_deleted", None, false, ""},
		{"id", None, false, ""},
		{"uuid", None, false, ""},
		{"postage", None, false, ""},
		{"message_id", None, false, "id"},
		{"", None, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := matchName(tt.name)
			assert.Equal(t, tt.want, m.cat, "phrase %q", m.phrase)
			if tt.want != None {
				assert.Equal(t, tt.quasi, m.quasi)
			}
			assert.Equal(t, tt.modifier, m.modifier)
		})
	}
}

func TestKindOfTable(t *testing.T) {
	tests := []struct {
		table string
		want  tableKind
	}{
		{"contacts", tablePerson},
		{"Contact", tablePerson},
		{"customers", tablePerson},
		{"res_users", tablePerson},
		{"res_partner", tablePerson},
		{"crm_lead", tablePerson},
		{"civicrm_contact", tablePerson},
		{"hr_employee", tablePerson},
		{"kunden", tablePerson},
		{"Mitarbeiter", tablePerson},
		{"clients", tablePerson},
		{"utenti", tablePerson},
		{"klanten", tablePerson},
		{"客户表", tablePerson},
		{"email_addresses", tablePerson},
		{"account_contacts", tablePerson},
		{"customer_accounts", tablePerson},
		{"civicrm_address", tablePerson},
		// Compounds: a noun and what details it, or ending in a person or company noun.
		{"vtiger_contactaddress", tablePerson},
		{"vtiger_contactsubdetails", tablePerson},
		{"vtiger_leaddetails", tablePerson},
		{"llx_socpeople", tablePerson},
		{"webcustomers", tablePerson},
		{"henkilokunta", tableNeutral}, // staff; "kunta" (municipality) does not decide
		{"company_addresses", tableOrg},
		{"bank_accounts", tableOrg},
		{"accounts", tableOrg},
		{"Account", tableOrg},
		{"companies", tableOrg},
		{"res_company", tableOrg},
		{"company_settings", tableOrg},
		{"organisations", tableOrg},
		{"warehouses", tableOrg},
		{"products", tableObject},
		{"email_templates", tableObject},
		{"campaigns", tableObject},
		{"countries", tableLookup},
		{"res_country", tableLookup},
		{"civicrm_country", tableLookup},
		{"cities", tableLookup},
		{"currencies", tableLookup},
		{"orders", tableNeutral},
		{"events", tableNeutral},
		{"t1", tableNeutral},
		{"", tableNeutral},
	}
	for _, tt := range tests {
		t.Run(tt.table, func(t *testing.T) {
			assert.Equal(t, tt.want, kindOfTable(tt.table))
		})
	}
}

func TestContextOf(t *testing.T) {
	tc := contextOf("orders", []string{"id", "customer_email", "total"})
	assert.True(t, tc.personColumns)
	tc = contextOf("orders", []string{"id", "contact_id", "total"})
	assert.False(t, tc.personColumns)
	assert.True(t, tc.personLink)
	tc = contextOf("orders", []string{"id", "assigned_user_id", "email_address_id"})
	assert.False(t, tc.personColumns || tc.personLink, "audit users and contact-detail keys are not people")
	tc = contextOf("products", []string{"id", "name", "email"})
	assert.Equal(t, tableObject, tc.kind)
	assert.True(t, tc.nonPerson())
}

func TestTraditionalChinese(t *testing.T) {
	for trad, simp := range map[rune]rune{'電': '电', '號': '号', '證': '证', '湯': '汤', '匯': '汇', '嶺': '岭', '離': '离', '廣': '广'} {
		assert.Equal(t, simp, simplified(trad), string(trad))
	}
	assert.Equal(t, '王', simplified('王'))
	for k, v := range traditional {
		_, again := traditional[v]
		assert.False(t, again, "%c maps to %c, itself traditional: the pairs are out of step", k, v)
	}
	assert.Equal(t, []string{"身", "分", "证", "字", "号"}, words("身分證字號"))
	assert.Equal(t, "伊斯兰教", enumKey("伊斯蘭教"))
}

func TestLegacyPrefix(t *testing.T) {
	tests := []struct {
		columns []string
		want    string
	}{
		{[]string{"CUNUM", "CUNAME", "CUADR1", "CUADR2", "CUCITY", "CUST", "CUZIP", "CUPHON", "CUBDAT", "CUSSN"}, "cu"},
		{[]string{"CCNUM", "CCEXP", "CCCVV", "CCNAME"}, "cc"},
		{[]string{"custno", "custname", "custaddr", "custcity"}, "cust"},
		{[]string{"id", "name", "email", "phone"}, ""},
		{[]string{"CUNUM", "CUNAME"}, ""},                                        // too few to tell
		{[]string{"cu_num", "cu_name", "cu_zip", "cu_city"}, ""},                 // separators: words handle them
		{[]string{"CustNum", "CustName", "CustZip", "CustCity"}, ""},             // camelCase: words handle them
		{[]string{"EMNUM", "EMNAME", "EMSAL", "id", "created_at", "x", "y"}, ""}, // most columns are not legacy tokens
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, legacyPrefix(tt.columns), "%v", tt.columns)
	}
	cust := contextOf("CUSTMAST", tests[0].columns)
	assert.Equal(t, tablePerson, cust.kind, "CUSTMAST is the customer master")
	assert.True(t, cust.personColumns, "CUSSN and CUBDAT are identifiers without their prefix")
	for name, want := range map[string]Category{"CUZIP": PostalCode, "CUPHON": Phone, "CUBDAT": DateOfBirth,
		"CUSSN": NationalID, "CUST": PostalAddress, "CUADR2": PostalAddress, "CUCITY": City, "CUNAME": PersonName} {
		m := matchColumn(name, cust)
		assert.Equal(t, want, m.cat, name)
		assert.True(t, m.legacy || name == "CUCITY", name)
	}
	cards := contextOf("CCARDS", tests[1].columns)
	for name, want := range map[string]Category{"CCEXP": PaymentCard, "CCCVV": CardSecurityCode, "CCNUM": PaymentCard, "CCNAME": PersonName} {
		assert.Equal(t, want, matchColumn(name, cards).cat, name)
	}
	assert.Equal(t, None, matchColumn("CUNUM", cust).cat, "a customer number is a key")
}

func TestMoreTableKinds(t *testing.T) {
	for table, want := range map[string]tableKind{
		"fornitori": tableOrg, "lieferanten": tableOrg, "dostawcy": tableOrg, "fornecedores": tableOrg,
		"suppliers": tableOrg, "供應商": tableOrg, "clinics": tableOrg, "CUSTMAST": tablePerson, "cust": tablePerson,
		"kundenstamm": tablePerson, "pacientes": tablePerson, "funcionarios": tablePerson, "台湾客户": tablePerson,
		"客戶": tablePerson, "uf": tableLookup, "produtos": tableObject, "page_views": tableNeutral,
	} {
		assert.Equal(t, want, kindOfTable(table), table)
	}
	assert.True(t, accountsTable("legacy_accounts"))
	assert.True(t, accountsTable("Account"))
	assert.False(t, accountsTable("companies"))
}

func TestContextFlags(t *testing.T) {
	tc := contextOf("accounts", []string{"id", "name", "email", "phone"})
	assert.False(t, tc.identity, "a company's accounts")
	tc = contextOf("accounts", []string{"id", "first_name", "last_name", "email"})
	assert.True(t, tc.identity, "person accounts")
	tc = contextOf("legacy_accounts", []string{"id", "username", "password_hash", "email"})
	assert.True(t, tc.identity, "user accounts with logins")
	tc = contextOf("company_settings", []string{"id", "smtp_user", "smtp_password", "email"})
	assert.False(t, tc.identity, "service credentials in settings are not people")
	tc = contextOf("page_views", []string{"id", "visitor_id", "url", "lat", "lon"})
	assert.True(t, tc.online)
	tc = contextOf("locations", []string{"id", "name", "lat", "lon"})
	assert.False(t, tc.online)
}

package detect

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestContactNames(t *testing.T) {
	nameTable(t, Email, []string{"email", "e_mail", "E-Mail", "EmailAddress", "emailaddress1", "work_email",
		"private_email", "user_email", "mail", "courriel", "correo_electronico", "posta_elettronica", "emailadres",
		"adres_email", "youxiang", "邮箱", "电子邮件", "emails"},
		[]string{"email_opt_in", "email_hash", "email_verified", "email_template", "email_domain", "is_email",
			"num_emails", "email_id", "email_bounced", "mail_server", "email_sent_at", "email_body"})
	nameTable(t, Phone, []string{"phone", "telephone", "tel", "Tel.", "telefon", "telefono", "telefone", "telefoon",
		"mobile", "MobilePhone", "mobile_phone_number", "cell", "handy", "handynummer", "portable", "movil",
		"cellulare", "komorka", "fax", "whatsapp", "dianhua", "shouji", "手机", "手机号", "电话", "联系电话", "phone_1"},
		[]string{"phone_type", "phone_verified", "do_not_phone", "phone_id", "phone_country_code", "phonetic",
			"iphone_model", "telemetry"})
	nameTable(t, PostalAddress, []string{"address", "street", "street_address", "address_line_1", "MailingStreet",
		"billing_address", "strasse", "hausnummer", "anschrift", "adresse", "rue", "direccion", "calle", "indirizzo",
		"endereco", "straat", "ulica", "dizhi", "地址", "联系地址", "street_name"},
		[]string{"email_address", "ip_address", "mac_address", "web_address", "address_id", "address_type",
			"address_book", "remote_addr"})
	nameTable(t, PostalCode, []string{"zip", "zipcode", "zip_code", "postcode", "postal_code", "PostalCode", "plz",
		"postleitzahl", "code_postal", "cp", "codigo_postal", "cap", "kod_pocztowy", "youbian", "邮编"},
		[]string{"zip_file", "capacity", "postal_code_id"})
	nameTable(t, City, []string{"city", "town", "ort", "wohnort", "stadt", "ville", "ciudad", "citta", "plaats",
		"woonplaats", "miasto", "chengshi", "城市", "place_of_birth", "geburtsort", "location"},
		[]string{"city_id", "velocity", "capacity", "authority"})
	nameTable(t, Country, []string{"country", "country_code", "land", "pays", "pais", "paese", "kraj", "nationality",
		"staatsangehörigkeit", "nationalite", "nacionalidad", "guoji", "国籍", "国家"},
		[]string{"country_id", "county_id", "currency"})
}

func TestCheckEmail(t *testing.T) {
	checkTable(t, checkEmail, lvStrong,
		[]string{
			"jane.doe@example.com", "max.mustermann@firma.de", "j.dupont@orange.fr", "a+tag@gmail.com",
			"o'brien@example.ie", "info@müller.de", "user@sub.example.co.uk", "x_y-z@example.museum",
			"test@xn--mller-kva.de",
			// Header-style mailbox lists, as e-mail activity tables keep them.
			"Jane Doe <jane.doe@example.com>", "jane@example.com, Bob <bob@example.org>",
			"<jane@example.com>", "a@example.com; b@example.com",
		},
		[]string{
			"", "jane.doe", "@example.com", "jane@", "jane@localhost", "jane@example", "jane@@example.com",
			"jane@example..com", ".jane@example.com", "jane.@example.com", "ja..ne@example.com",
			"jane@-example.com", "jane@example.c", "jane@example.123", "logo@2x.png", "icon@3x.jpg",
			"https://user:pass@example.com", "user:pass@example.com", "jane doe@example.com",
			"550e8400-e29b-41d4-a716-446655440000", "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3",
			"admin@host.local", "root@server.internal", "Jane Doe <jane>", "jane@example.com, not an address",
			"Jane Doe", "<>", ", ;",
		})
}

func TestCheckPhone(t *testing.T) {
	checkTable(t, checkPhone, lvStrong,
		[]string{
			"+49 171 1234567", "+49 (0) 30 1234567", "0049 30 1234567", "0171 1234567", "0171/1234567",
			"(030) 1234567", "+33 6 12 34 56 78", "+33612345678", "06 12 34 56 78", "+44 20 7946 0958",
			"020 7946 0958", "+34 612 34 56 78", "+39 06 1234 5678", "+31 6 12345678", "+48 600 123 456",
			"+1 415 555 2671", "+86 138 0013 8000",
			// Nordic national forms: DK and NO write eight digits without a trunk 0.
			"93 23 23 44", "412 34 567", "070-123 45 67", "040 1234567", "+358 40 1234567",
		},
		[]string{
			"", "12345", "1.2.3", "2024-01-15", "ORD-2024-000123", "+49", "+49 171 12", "call me",
			"550e8400-e29b-41d4-a716-446655440000", "4111111111111111", "10115", "192.168.0.1",
			"+99 123 456 789", "00000000000", "2024-01-15", "1988.07.16", "16-07-1988", "2024/12/31",
		})
	// Bare digit strings are plausible phone numbers, never validated ones.
	checkTable(t, checkPhone, lvWeak, []string{"4917112345678"}, []string{"12345"})
}

func TestCheckAddress(t *testing.T) {
	checkTable(t, checkAddress, lvStrong,
		[]string{
			"Hauptstraße 5", "Bahnhofstr. 12a", "10 Downing Street", "221B Baker St", "12 rue de la Paix",
			"Calle Mayor 3", "Via Roma 12", "Kalverstraat 1", "ul. Marszałkowska 10", "Rua Augusta 100",
			"北京市朝阳区建国路88号",
		},
		[]string{"Main", "Berlin", "12345", "550e8400-e29b-41d4-a716-446655440000", "Widget Pro"})
}

func TestCheckPostcode(t *testing.T) {
	checkTable(t, checkPostcode, lvStrong,
		[]string{"SW1A 1AA", "EC1A1BB", "1012 AB", "00-950", "1000-001", "94105-1234", "K1A 0B1", "D-10115", "D02 AF30"},
		[]string{"10115", "75001", "Berlin", "ABCDEFG", "12.345", "1234567890"})
	checkTable(t, checkPostcode, lvWeak,
		[]string{"10115", "75001", "28013", "1010", "100000"},
		[]string{"Berlin", "1", "12", "ABCDEFG", "12.345"})
}

func TestCheckCountry(t *testing.T) {
	checkTable(t, checkCountry, lvStrong,
		[]string{"DE", "fr", "GB", "US", "CN", "Germany", "Deutschland", "España", "DEU", "中国"},
		[]string{"XX", "Atlantis", "12", "Berlin-Mitte 5"})
	checkTable(t, checkCountry, lvWeak, []string{"Atlantis"}, []string{"12", "550e8400-e29b-41d4-a716-446655440000"})
}

func TestCheckPlaceName(t *testing.T) {
	checkTable(t, checkPlaceName, lvWeak,
		[]string{"Berlin", "Frankfurt am Main", "Saint-Étienne", "75015 Paris", "L'Aquila", "北京", "Kraków"},
		[]string{"1", "12345", "x@y.de", "550e8400-e29b-41d4-a716-446655440000", "a_b"})
}

func TestClassifyContact(t *testing.T) {
	emails := []string{"jane.doe@example.com", "max@firma.de", "j.dupont@orange.fr", "p.nowak@wp.pl", "m.rossi@libero.it"}
	phones := []string{"+49 171 1234567", "0171 2345678", "+33 6 12 34 56 78", "06 12 34 56 78", "+44 20 7946 0958"}
	runClassify(t, []classifyCase{
		{"email by name and values", Column{Table: "contacts", Name: "email", Values: emails}, Email, true},
		{"email by value only", Column{Table: "imports", Name: "col_3", Values: emails}, Email, true},
		{"courriel", Column{Table: "clients", Name: "courriel"}, Email, true},
		{"邮箱", Column{Table: "客户", Name: "邮箱", Values: emails}, Email, true},
		{"email in a number column", Column{Table: "contacts", Name: "email", DataType: "bigint"}, None, false},
		{"phone by name and values", Column{Table: "contacts", Name: "mobile", Values: phones}, Phone, true},
		{"handy", Column{Table: "kunden", Name: "handy", Values: []string{"0171 1234567", "0160 9876543"}}, Phone, true},
		{"phone by value only", Column{Table: "imports", Name: "col_4", Values: phones}, Phone, true},
		{"phone stored as number", Column{Table: "contacts", Name: "telefon", DataType: "bigint", Values: []string{"4917112345678", "4930123456"}}, Phone, true},
		{"dianhua", Column{Table: "kehu", Name: "dianhua"}, Phone, true},
		{"phone column of dates", Column{Table: "contacts", Name: "phone", Values: []string{"2024-01-01", "2024-01-02", "2024-01-03", "2024-02-01", "2024-03-01"}}, None, false},
		{"address by values in person table", Column{Table: "customers", Name: "line1", Values: []string{"Hauptstraße 5", "10 Downing Street", "12 rue de la Paix", "Via Roma 12", "Calle Mayor 3"}}, PostalAddress, true},
		{"postcode beside person", Column{Table: "orders", Name: "zip", TableColumns: []string{"email", "zip"}, Values: []string{"10115", "80331"}}, PostalCode, true},
		{"plz in kunden", Column{Table: "kunden", Name: "plz"}, PostalCode, true},
		{"country in contacts", Column{Table: "contacts", Name: "country", Values: []string{"DE", "FR", "GB"}}, Country, true},
		{"nationality", Column{Table: "employees", Name: "nationality", Values: []string{"German", "French"}}, Country, true},
		{"ort", Column{Table: "kunden", Name: "ort", Values: []string{"Berlin", "München"}}, City, true},
	})
}

func TestCheckPhoneNationalForms(t *testing.T) {
	// Default regions whose numbers are written without a trunk 0, and extensions.
	checkTable(t, checkPhone, lvStrong,
		[]string{"612 345 678", "612345678", "347 123 4567", "512 345 678", "912 345 678", "(212) 555-1234",
			"212-555-1234", "1-212-555-1234", "(11) 91234-5678", "+49 171 1234567 ext. 12", "030 1234567 x12",
			"0171 1234567 Durchwahl 3"},
		[]string{"2024-01-15", "12345678", "123 45", "ORD-612345678", "+49 171 12 ext. 123"})
	assert.True(t, isWrittenPhone("+34 612 345 678", nil))
	assert.True(t, isWrittenPhone("0171 1234567", nil))
	assert.True(t, isWrittenPhone("(212) 555-1234", nil))
	assert.False(t, isWrittenPhone("612 345 678", nil), "no trunk 0, no +: grouped ids look the same")
	assert.False(t, isWrittenPhone("0306406152", nil))
	assert.False(t, isWrittenPhone("732 829 320", nil), "a French SIREN is a valid Polish mobile")
}

func TestCheckHouseNumber(t *testing.T) {
	checkTable(t, checkHouseNumber, lvStrong,
		[]string{"12", "12a", "12 A", "12bis", "12 bis", "7/3", "12-14", "s/n", "1250"},
		[]string{"", "0", "012", "123456", "twelve", "12 Main Street Apt", "A12"})
}

func TestCheckRegion(t *testing.T) {
	checkTable(t, checkRegion, lvStrong,
		[]string{"CA", "NY", "SP", "MI", "BY", "ZH", "NSW", "California", "Bayern", "Île-de-France", "Mazowieckie",
			"Lombardia", "São Paulo", "Noord-Holland", "广东省", "廣東省", "浙江", "北京市", "Zuid Holland"},
		[]string{"XX", "open", "closed", "Active", "In Progress", "12345", "Springfield Gardens Industrial Park"})
	runClassify(t, []classifyCase{
		{"state of records in a person table", Column{Table: "contacts", Name: "state", Values: []string{"active", "inactive", "Active", "closed", "pending"}}, None, false},
		{"state of addresses in a person table", Column{Table: "contacts", Name: "state", Values: []string{"CA", "NY", "TX", "WA", "IL"}}, PostalAddress, true},
	})
	checkTable(t, checkRegion, lvWeak, []string{"QQ", "Somewhere"}, []string{"12345", "a@b.de"})
}

func TestCheckAddressStreetNames(t *testing.T) {
	checkTable(t, checkAddress, lvWeak,
		[]string{"Kalverstraat", "Hauptstraße", "Storgatan", "Björkvägen", "Bjorkvagen", "中山路"},
		[]string{"yes", "12"})
}

func TestRoleAddresses(t *testing.T) {
	for _, v := range []string{"info@acme.de", "Sales@shop.com", "no-reply@x.io", "kontakt@firma.de", "atendimento@loja.com.br"} {
		assert.True(t, isRoleAddress(v), v)
	}
	for _, v := range []string{"anna.schmidt@acme.de", "j.dupont@orange.fr", "info", "support.team.lead.anna@x.de"} {
		assert.False(t, isRoleAddress(v), v)
	}
}

func TestMoreContactNames(t *testing.T) {
	nameTable(t, Phone, []string{"telCel", "celular", "tel_celular", "telemovel", "fone", "telefone_fixo",
		"telefono_movil", "festnetz", "numer_telefonu", "行動電話", "聯絡電話"},
		[]string{"cel_przetwarzania", "telefone_id", "phone_verified_at"})
	nameTable(t, PostalAddress, []string{"bairro", "complemento", "civico", "numero_civico", "huisnummer", "nr_domu",
		"MailingState", "state", "provincia", "uf", "wojewodztwo", "bundesland", "address1_stateorprovince", "省份",
		"戶籍地址", "通訊地址"},
		[]string{"state_id", "status", "estado", "address_type"})
	nameTable(t, PostalCode, []string{"cep", "zip_cd", "郵遞區號", "codigo_postal"}, []string{"cep_id"})
	nameTable(t, Email, []string{"correio_eletronico", "email_pessoal", "電子郵件", "電子信箱"}, []string{"email_template_id"})
}

// A value whose lower case is longer in bytes than itself must not cut it out of range.
func TestStripExtensionKeepsByteOffsets(t *testing.T) {
	assert.Equal(t, "ȺȺȺȺȺȺȺȺ", stripExtension("ȺȺȺȺȺȺȺȺ#12"))
	assert.Equal(t, "+49 30 1234567", stripExtension("+49 30 1234567 Durchwahl 12"))
}

package detect

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

var testIBANs = []string{
	"DE89 3704 0044 0532 0130 00",
	"FR14 2004 1010 0505 0001 3M02 606",
	"NL91 ABNA 0417 1643 00",
	"ES91 2100 0418 4502 0005 1332",
	"IT60 X054 2811 1010 0000 0123 456",
	"GB29 NWBK 6016 1331 9268 19",
	"BE68539007547034",
	"AT611904300234573201",
	"CH9300762011623852957",
	"PL61109010140000071219812874",
	"de89370400440532013000",
}

func TestFinancialNames(t *testing.T) {
	nameTable(t, PaymentCard, []string{"card_number", "CardNumber", "credit_card_number", "creditcard", "cc_number",
		"ccnum", "pan", "kartennummer", "kreditkartennummer", "numero_carte", "numero_tarjeta", "numero_carta",
		"kaartnummer", "numer_karty", "卡号", "信用卡号", "card_expiry", "cc_exp_month", "CCEXP", "validade_cartao",
		"numero_cartao"}, // the expiry is cardholder data too (PCI DSS)
		[]string{"card_type", "card_brand", "card_last4", "card_number_masked", "card_number_hash",
			"gift_card_balance", "company", "panel", "expiry_date", "subscription_expiry"})
	nameTable(t, CardSecurityCode, []string{"cvv", "CVV2", "cvc", "card_security_code", "security_code", "cvn",
		"kartenpruefnummer", "cryptogramme_visuel", "codigo_de_seguridad", "安全码"},
		[]string{"cid", "card_code_type", "security_question"})
	nameTable(t, IBANBankAccount, []string{"iban", "IBAN", "iban_number", "bank_account", "bank_account_number",
		"kontonummer", "bankverbindung", "rib", "numero_de_cuenta", "conto_corrente", "rekeningnummer",
		"numer_rachunku", "银行账号", "bic", "swift_code", "blz", "sort_code"},
		[]string{"bank_account_id", "bank_name", "iban_verified", "account_name", "account_type"})
	nameTable(t, TaxID, []string{"tax_id", "taxid", "tin", "tax_number", "steuernummer", "steuer_id", "idnr",
		"vat", "vat_number", "vat_id", "ust_idnr", "numero_tva", "nif", "partita_iva", "btw_nummer", "nip", "税号"},
		[]string{"tax_rate", "tax_amount", "vat_rate", "tax_id_type", "tax_exempt"})
	nameTable(t, SalaryFinancial, []string{"salary", "annual_salary", "wage", "gehalt", "jahresgehalt", "lohn",
		"salaire", "salario", "sueldo", "stipendio", "salaris", "wynagrodzenie", "工资", "income", "annualincome",
		"credit_score", "schufa_score", "steuerklasse"},
		[]string{"salary_currency", "price", "amount", "salary_band_id"})
}

func TestValidIBAN(t *testing.T) {
	for _, v := range testIBANs {
		assert.True(t, validIBAN(v), v)
	}
	for _, v := range []string{
		"DE89 3704 0044 0532 0130 01", // check digits
		"DE89 3704 0044 0532 0130 0",  // length
		"FR14 2004 1010 0505 0001 3M02 60",
		"XX89370400440532013000", // country
		"DE8937040044053201300X",
		"DE89************3000", // masked
		"", "DE", "1234567890123456",
	} {
		assert.False(t, validIBAN(v), v)
	}
}

func TestCheckCard(t *testing.T) {
	checkTable(t, checkCard, lvStrong,
		[]string{"4111111111111111", "4111 1111 1111 1111", "4111-1111-1111-1111", "5500005555555559",
			"5105105105105100", "2223003122003222", "378282246310005", "3782 822463 10005", "6011111111111117",
			"3530111333300000", "36227206271667", "4222222222222", "6200000000000005"},
		[]string{"4111111111111112", "411111******1111", "4111 XXXX XXXX 1111", "1234567812345670",
			"490154203237518", // an IMEI: Luhn-valid, but 15 digits are not a Visa length
			"12345", "4111111111111111111111", "-4111111111111111", "4111111111111111-",
			"550e8400-e29b-41d4-a716-446655440000"})
}

func TestCheckCVV(t *testing.T) {
	checkTable(t, checkCVV, lvStrong, []string{"123", "0456", "999"}, []string{"12", "12345", "abc", "1 23"})
}

func TestValidVAT(t *testing.T) {
	for _, v := range []string{"DE123456789", "FR40303265045", "FRXX123456789", "NL123456789B01", "ATU12345678",
		"IT12345678901", "ESX1234567X", "ES12345678Z", "GB123456789", "PL5260250274", "BE0123456789", "CHE123456789MWST"} {
		assert.True(t, validVAT(v), v)
	}
	for _, v := range []string{"DE12345678", "NL123456789X01", "XX123456789", "ATX12345678", "IT1234567890", ""} {
		assert.False(t, validVAT(v), v)
	}
}

func TestCheckTaxID(t *testing.T) {
	checkTable(t, checkTaxID, lvStrong,
		[]string{"DE123456789", "DE 123 456 789", "FR40303265045", "NL123456789B01", "CHE-123.456.789 MWST",
			"86095742719", "12345678Z", "5260250274", "526-025-02-74", "RSSMRA85T10A562S", "123-45-6789"},
		[]string{"12/345/67890", "hello", "2024", "5260250275"})
}

func TestCheckAmount(t *testing.T) {
	checkTable(t, checkAmount, lvWeak,
		[]string{"52000", "52,000", "4.250,00 €", "$85,000", "EUR 3500", "65k", "1 234 567", "-500"},
		[]string{"CEO", "n/a", "high", "1985-03-12"})
}

func TestClassifyFinancial(t *testing.T) {
	cards := []string{"4111 1111 1111 1111", "5500005555555559", "378282246310005", "6011111111111117", "3530111333300000"}
	runClassify(t, []classifyCase{
		{"iban by name and values", Column{Table: "kunden", Name: "iban", Values: testIBANs}, IBANBankAccount, true},
		{"iban by value only", Column{Table: "payments", Name: "col9", Values: testIBANs[:6]}, IBANBankAccount, true},
		{"iban column full of masked ibans", Column{Table: "kunden", Name: "iban", Values: []string{"DE89************3000", "FR14************2606", "NL91************4300", "ES91************1332", "IT60************3456"}}, None, false},
		{"kontonummer", Column{Table: "kunden", Name: "kontonummer", Values: []string{"532013000", "1234567890"}}, IBANBankAccount, true},
		{"bic beside person", Column{Table: "kunden", Name: "bic", Values: []string{"COBADEFFXXX", "BNPAFRPP"}}, IBANBankAccount, true},
		{"card by name and values", Column{Table: "payments", Name: "card_number", Values: cards}, PaymentCard, true},
		{"card by value only", Column{Table: "orders_legacy", Name: "ref2", Values: cards}, PaymentCard, true},
		{"card stored as number", Column{Table: "payments", Name: "cc_number", DataType: "bigint", Values: []string{"4111111111111111", "5500005555555559"}}, PaymentCard, true},
		{"luhn-valid order ids are not cards", Column{Table: "orders", Name: "ext_ref", Values: repeatf(20, "%d", func(i int) any { return 1000000000000000 + i })}, None, false},
		{"cvv", Column{Table: "payments", Name: "cvv", Values: []string{"123", "456", "7890"}}, CardSecurityCode, true},
		{"card security code", Column{Table: "payments", Name: "card_security_code"}, CardSecurityCode, true},
		{"vat ids beside a person are a business's", Column{Table: "contacts", Name: "vat_id", Values: []string{"DE123456789", "FR40303265045"}}, None, false},
		{"vat column of personal tax numbers", Column{Table: "contacts", Name: "vat_id", Values: []string{"86095742719", "47036892816", "RSSMRA85T10A562S"}}, NationalID, true},
		{"vat name beside a person, no values", Column{Table: "contacts", Name: "vat_id"}, TaxID, true},
		{"vat in accounts", Column{Table: "accounts", Name: "vat_id", Values: []string{"DE123456789", "FR40303265045"}}, None, false},
		{"steuer_id", Column{Table: "mitarbeiter", Name: "steuer_id", Values: []string{"86095742719", "47036892816"}}, TaxID, true},
		{"nip", Column{Table: "klienci", Name: "nip", Values: []string{"5260250274"}}, TaxID, true},
		{"salary", Column{Table: "employees", Name: "salary", DataType: "numeric(10,2)", Values: []string{"52000.00", "61000.00", "48000.50"}}, SalaryFinancial, true},
		{"gehalt", Column{Table: "mitarbeiter", Name: "gehalt"}, SalaryFinancial, true},
		{"annual revenue of companies", Column{Table: "accounts", Name: "annual_income", DataType: "numeric"}, None, false},
		{"price is not salary", Column{Table: "products", Name: "price", DataType: "numeric", Values: []string{"9.99", "19.99"}}, None, false},
	})
}

func TestMaskedCardNumbersStayCardData(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var vals []string
	for i := 0; i < 40; i++ {
		vals = append(vals, fmt.Sprintf("4111%02d******%04d", i, 1000+i*7))
	}
	r := c.Classify(Column{Table: "payments", Name: "card_number", DataType: "varchar(32)", Values: vals, Sampled: 40,
		TableColumns: []string{"id", "card_number", "card_holder"}})
	if !r.Personal || r.Category != PaymentCard {
		t.Fatalf("masked PANs in card_number: got %s personal=%v (%.2f)", r.Category, r.Personal, r.Confidence)
	}
	if ValidPaymentCard("411111******1111") {
		t.Fatal("a masked PAN is not a full card number")
	}
}

func TestNationalAccountNumbers(t *testing.T) {
	checkTable(t, checkBankAccount, lvStrong,
		[]string{
			"61109010140000071219812874", "61 1090 1014 0000 0712 1981 2874", // PL NRB
			"000201231234567890154", "0002.0123.12345678901.54", // PT NIB
			"30006000011234567890189", "30006 00001 12345678901 89", // FR RIB
			"2100 0418 45 0200051332", "21000418450200051332", // ES CCC
			"539-0075470-34", // BE
		},
		[]string{"61109010140000071219812875", "30006000011234567890188", "21000418460200051332", "539-0075470-35",
			"00000000000000000000", "123456789012345678901234567"})
}

func TestMoreTaxIDValidators(t *testing.T) {
	assert.True(t, validNIFPT("123456789"))
	assert.False(t, validNIFPT("123456788"))
	assert.True(t, validCNPJ("11222333000181"))
	assert.False(t, validCNPJ("11222333000182"))
	assert.False(t, validCNPJ("11111111111111"))
	checkTable(t, checkTaxID, lvStrong, []string{"11.222.333/0001-81", "111.444.777-35", "123456789"},
		[]string{"11.222.333/0001-82"})
	assert.True(t, isBusinessTaxID("DE123456789"))
	assert.True(t, isBusinessTaxID("11.222.333/0001-81"))
	assert.False(t, isBusinessTaxID("86095742719"), "a Steuer-ID is a person's")
}

func TestCheckCardExpiry(t *testing.T) {
	checkTable(t, checkCardExpiry, lvStrong,
		[]string{"12/27", "1227", "12/2027", "2027-12", "01-26", "2027-12-31"},
		[]string{"13/27", "12/70", "hello", "123", "4111111111111111"})
	checkTable(t, checkCardExpiry, lvWeak, []string{"12", "1"}, []string{"13", "0"})
}

func TestPayrollNames(t *testing.T) {
	nameTable(t, SalaryFinancial, []string{"tax_withheld", "pension_contribution", "lohnsteuer", "net_pay",
		"cotisations_sociales", "irpf", "irpef", "loonheffing", "skladki_zus", "salario_liquido", "inss", "个人所得税"},
		[]string{"tax_rate", "vat_amount", "price"})
	nameTable(t, IBANBankAccount, []string{"nrb", "nr_rachunku_bankowego", "conta_corrente", "dados_bancarios"},
		[]string{"conta_id"})
	nameTable(t, TaxID, []string{"cnpj", "nipc", "numero_contribuinte"}, []string{"cnpj_status"})
}

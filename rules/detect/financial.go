package detect

import (
	"regexp"
	"strconv"
	"strings"
)

// Financial: payment card, card security code, IBAN and bank account, tax id and VAT,
// salary and other financial standing.

// Payment card.

var cardDetector = detector{
	cat: PaymentCard, types: textTypes | numericTypes, check: checkCard, mask: plain(maskCard),
	strict: true, highCard: true,
}

// checkCard: 13–19 digits, optionally grouped with spaces or dashes, passing Luhn with a
// known issuer prefix. Masked numbers (411111******1111) contain other characters and fail.
func checkCard(v string, _ *env) level {
	if maskedPAN.MatchString(v) {
		return lvWeak // a truncated card number is still card data, but not a full PAN
	}
	if len(v) < 13 || len(v) > 23 {
		return lvNone
	}
	var buf [23]byte
	n := 0
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			buf[n] = c
			n++
		case (c == ' ' || c == '-') && i > 0 && i < len(v)-1 && isDigit(v[i-1]):
		default:
			return lvNone
		}
	}
	d := string(buf[:n])
	if n < 13 || n > 19 {
		return lvNone
	}
	if !luhn(d) || !knownIIN(d) {
		return lvWeak // card-shaped: test numbers or a bad export under a card name
	}
	return lvStrong
}

// maskedPAN is a card number truncated the PCI way: first six (or four) and last four
// digits with the middle replaced by stars, X or bullets.
var maskedPAN = regexp.MustCompile(`^\d{4,6}[ -]?(?:[*Xx•][ -]?){3,9}\d{4}$`)

// knownIIN checks the issuer prefix and the lengths its cards have.
func knownIIN(d string) bool {
	n := len(d)
	p2, p3, p4 := atoi(d[:2]), atoi(d[:3]), atoi(d[:4])
	switch {
	case d[0] == '4': // Visa
		return n == 13 || n == 16 || n == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return n == 16
	case p2 == 34 || p2 == 37: // American Express
		return n == 15
	case p4 == 6011, p2 == 65, p3 >= 644 && p3 <= 649: // Discover
		return n >= 16
	case p4 >= 3528 && p4 <= 3589: // JCB
		return n >= 16
	case p2 == 36, p3 >= 300 && p3 <= 305, p2 == 38, p2 == 39: // Diners Club
		return n >= 14
	case p2 == 62: // UnionPay
		return n >= 16
	case p4 >= 2200 && p4 <= 2204: // Mir
		return n >= 16
	}
	switch p4 { // Maestro
	case 5018, 5020, 5038, 5893, 6304, 6759, 6761, 6762, 6763:
		return n >= 13
	}
	return false
}

// Card security code.

var cvvDetector = detector{cat: CardSecurityCode, types: textTypes | numericTypes, check: checkCVV, mask: maskLabel("cvv")}

func checkCVV(v string, _ *env) level {
	if (len(v) == 3 || len(v) == 4) && isDigits(v) {
		return lvStrong
	}
	return lvNone
}

// Card expiry.

var cardExpiryDetector = detector{
	cat: PaymentCard, types: textTypes | types(typeInt, typeDate), check: checkCardExpiry, mask: maskLabel("expiry"),
}

// cardExpiryPartDetector judges expiry fields named without "card": they are card data only
// in a table with a card number (tableCtx.card).
var cardExpiryPartDetector = cardExpiryDetector

// checkCardExpiry: expiry dates as cards and forms write them: 12/27, 1227, 12/2027, 2027-12,
// 12-27; a bare month (1–12) or year (last 30 years to 15 ahead) for split columns.
func checkCardExpiry(v string, e *env) level {
	s := strings.TrimSpace(v)
	if y, m, _, ok := parseDate(s); ok && m >= 1 && y >= e.year-30 && y <= e.year+15 {
		return lvStrong // a date column: 2027-12-31
	}
	var mm, yy string
	switch {
	case len(s) == 4 && isDigits(s) && atoi(s) >= e.year-30 && atoi(s) <= e.year+15 && atoi(s[:2]) > 12:
		return lvWeak // a bare year of a split expiry (ExpYear 2027)
	case len(s) == 4 && isDigits(s):
		mm, yy = s[:2], s[2:]
	case len(s) == 5 && (s[2] == '/' || s[2] == '-'):
		mm, yy = s[:2], s[3:]
	case len(s) == 7 && (s[2] == '/' || s[2] == '-'):
		mm, yy = s[:2], s[3:]
	case len(s) == 7 && s[4] == '-':
		mm, yy = s[5:], s[:4]
	case len(s) <= 2 && isDigits(s):
		if m := atoi(s); m >= 1 && m <= 12 {
			return lvWeak
		}
		return lvNone
	default:
		return lvNone
	}
	m, y := atoi(mm), atoi(yy)
	if y >= 0 && y < 100 {
		y += 2000
	}
	if m >= 1 && m <= 12 && y >= e.year-30 && y <= e.year+15 {
		return lvStrong
	}
	return lvNone
}

// IBAN and bank accounts.

var ibanDetector = detector{
	cat: IBANBankAccount, types: textTypes, check: checkBankAccount, mask: plain(maskBankAccount),
	strict: true, highCard: true, orgData: true,
}

// ibanLengths is the IBAN length per country (ISO 13616 registry).
var ibanLengths = map[string]int{
	"AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22, "BI": 27,
	"BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27, "DK": 18, "DO": 28,
	"EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27, "GB": 22, "GE": 22, "GI": 23,
	"GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22, "IL": 23, "IQ": 23, "IS": 26, "IT": 27,
	"JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25,
	"MC": 27, "MD": 24, "ME": 22, "MK": 19, "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18,
	"NO": 15, "OM": 23, "PK": 24, "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33,
	"SA": 24, "SC": 31, "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28,
	"TL": 23, "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}

// validIBAN checks the country's length and the mod-97 check digits.
func validIBAN(v string) bool {
	s := compactUpper(v)
	if len(s) < 15 || len(s) > 34 || ibanLengths[s[:2]] != len(s) || !isDigit(s[2]) || !isDigit(s[3]) {
		return false
	}
	return mod97(s[4:]+s[:4]) == 1
}

// checkBankAccount: a valid IBAN is strong, and so are national account numbers with check
// digits, as people write them (PL NRB, FR RIB, ES CCC, BE, PT NIB); a BIC, a sort code or a
// plain account number is plausible for columns named that way.
func checkBankAccount(v string, _ *env) level {
	if len(v) > 42 {
		return lvNone
	}
	if validIBAN(v) {
		return lvStrong
	}
	s := compactUpper(dropDotsSlashes.Replace(v))
	if validNationalAccount(s) {
		return lvStrong
	}
	if (len(s) == 8 || len(s) == 11) && validBICShape(s) {
		return lvWeak
	}
	if len(s) >= 5 && len(s) <= 20 && isDigits(s) {
		return lvWeak
	}
	return lvNone
}

// validNationalAccount checks national account numbers (BBANs) with check digits, compact:
// PL NRB (26 digits, the IBAN's check digits first), PT NIB (21 digits, mod 97), FR RIB
// (23 characters, key 97 − …), ES CCC (20 digits, two mod-11 digits), BE (12 digits, mod 97).
func validNationalAccount(s string) bool {
	switch len(s) {
	case 26:
		return isDigits(s) && mod97(s[2:]+"2521"+s[:2]) == 1 // PL + NRB as an IBAN
	case 21:
		return isDigits(s) && mod97(s) == 1 // NIB: the two check digits make it 1 mod 97
	case 23:
		return validRIB(s)
	case 20:
		return validCCC(s)
	case 12:
		return isDigits(s) && s[:10] != "0000000000" && (mod97(s[:10])+96)%97+1 == atoi(s[10:])
	}
	return false
}

// validRIB: French bank, branch, account (letters count as digits 1–9) and a two-digit key.
func validRIB(s string) bool {
	if !isDigits(s[:10]) || !isDigits(s[21:]) {
		return false
	}
	acct := []byte(s[10:21])
	for i, c := range acct {
		switch {
		case isDigit(c):
		case isUpperASCII(c):
			acct[i] = byte("12345678912345678923456789"[c-'A'])
		default:
			return false
		}
	}
	n := s[:10] + string(acct) + s[21:]
	return mod97(n) == 0 && strings.Trim(n, "0") != ""
}

// validCCC: Spanish código cuenta cliente, entity, office, two check digits, account.
func validCCC(s string) bool {
	if !isDigits(s) {
		return false
	}
	w := [...]int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
	dc := func(d string) int {
		sum := 0
		for i := 0; i < 10; i++ {
			sum += int(d[i]-'0') * w[i]
		}
		c := 11 - sum%11
		switch c {
		case 11:
			return 0
		case 10:
			return 1
		}
		return c
	}
	return strings.Trim(s, "0") != "" && dc("00"+s[:8]) == int(s[8]-'0') && dc(s[10:]) == int(s[9]-'0')
}

// validBICShape: 4 letters (bank), a country, 2 letters or digits (location), an optional
// 3-character branch.
func validBICShape(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i < 6 && !isUpperASCII(c) || !isUpperASCII(c) && !isDigit(c) {
			return false
		}
	}
	return ibanLengths[s[4:6]] > 0 || s[4:6] == "US" || s[4:6] == "CN" || s[4:6] == "JP"
}

func maskBankAccount(v string) string {
	if validIBAN(v) {
		return maskIBAN(v)
	}
	return maskGeneric(v)
}

// Tax id and VAT.

var taxIDDetector = detector{
	cat: TaxID, types: textTypes | numericTypes, check: checkTaxID, mask: plain(maskGeneric),
	strict: true, quasi: true, highCard: true, orgData: true, business: isBusinessTaxID,
}

// isBusinessTaxID: a VAT number with its country prefix or a Brazilian CNPJ identifies a
// business; personal tax numbers (Steuer-ID, NIF, codice fiscale, CPF) identify people.
func isBusinessTaxID(v string) bool {
	s := compactUpper(dropDotsSlashes.Replace(v))
	return validVAT(s) || validCNPJ(s)
}

// vatShapes are EU (and GB, CH, NO) VAT number bodies after the country prefix:
// d a digit, l a letter, x either, other characters literal.
var vatShapes = map[string][]string{
	"AT": {"Udddddddd"}, "BE": {"dddddddddd"}, "BG": {"ddddddddd", "dddddddddd"}, "CY": {"ddddddddl"},
	"CZ": {"dddddddd", "ddddddddd", "dddddddddd"}, "DE": {"ddddddddd"}, "DK": {"dddddddd"},
	"EE": {"ddddddddd"}, "EL": {"ddddddddd"}, "ES": {"xdddddddx"}, "FI": {"dddddddd"},
	"FR": {"xxddddddddd"}, "HR": {"ddddddddddd"}, "HU": {"dddddddd"},
	"IE": {"dddddddl", "dddddddll", "dlddddddl"}, "IT": {"ddddddddddd"}, "LT": {"ddddddddd", "dddddddddddd"},
	"LU": {"dddddddd"}, "LV": {"ddddddddddd"}, "MT": {"dddddddd"}, "NL": {"dddddddddBdd"},
	"PL": {"dddddddddd"}, "PT": {"ddddddddd"}, "RO": {"dd", "ddd", "dddd", "ddddd", "dddddd", "ddddddd", "dddddddd", "ddddddddd", "dddddddddd"},
	"SE": {"dddddddddd01"}, "SI": {"dddddddd"}, "SK": {"dddddddddd"},
	"GB": {"ddddddddd", "dddddddddddd", "GDddd", "HAddd"}, "XI": {"ddddddddd", "dddddddddddd"},
	"CH": {"Eddddddddd", "EdddddddddMWST", "EdddddddddTVA", "EdddddddddIVA"}, "NO": {"dddddddddMVA"},
}

// validVAT checks a VAT number's country prefix and body shape ("DE123456789",
// "FR40303265045", "NL123456789B01", "CHE-123.456.789 MWST").
func validVAT(s string) bool {
	if len(s) < 4 || len(s) > 17 {
		return false
	}
	for _, shape := range vatShapes[s[:2]] {
		if matchShape(s[2:], shape) {
			return true
		}
	}
	return false
}

func matchShape(s, shape string) bool {
	if len(s) != len(shape) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch shape[i] {
		case 'd':
			if !isDigit(c) {
				return false
			}
		case 'l':
			if !isUpperASCII(c) {
				return false
			}
		case 'x':
			if !isDigit(c) && !isUpperASCII(c) {
				return false
			}
		default:
			if c != shape[i] {
				return false
			}
		}
	}
	return true
}

// validNIP: Polish tax number, 10 digits with a weighted mod-11 check digit.
func validNIP(s string) bool {
	if len(s) != 10 || !isDigits(s) {
		return false
	}
	w := [...]int{6, 5, 7, 2, 3, 4, 5, 6, 7}
	sum := 0
	for i, k := range w {
		sum += int(s[i]-'0') * k
	}
	return sum%11 != 10 && sum%11 == int(s[9]-'0')
}

// checkTaxID is strong for VAT numbers with a country prefix and for tax numbers with check
// digits (DE Steuer-ID, ES NIF, PL NIP, IT codice fiscale, PT NIF, BR CPF and CNPJ, US
// SSN/ITIN form), written with the dots, dashes and slashes people type; other numbers of
// tax-id length are plausible.
func checkTaxID(v string, _ *env) level {
	if len(v) > 24 {
		return lvNone
	}
	if validSSN(v) {
		return lvStrong
	}
	s := compactUpper(dropDotsSlashes.Replace(v))
	switch {
	case validVAT(s), validSteuerID(s), validDNI(s), validNIP(s), validCodiceFiscale(s), validNIFPT(s),
		validCPF(s), validCNPJ(s):
		return lvStrong
	case plausibleIDNumber(s):
		return lvWeak
	}
	return lvNone
}

// validNIFPT: Portuguese tax number, nine digits, a weighted mod-11 check digit.
func validNIFPT(s string) bool {
	if len(s) != 9 || !isDigits(s) || strings.IndexByte("123456789", s[0]) < 0 {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * (9 - i)
	}
	c := 11 - sum%11
	if c >= 10 {
		c = 0
	}
	return c == int(s[8]-'0')
}

// validCNPJ: Brazilian company number, 14 digits (12.345.678/0001-95) with two mod-11 digits.
func validCNPJ(s string) bool {
	if len(s) != 14 || !isDigits(s) || strings.Count(s, s[:1]) == 14 {
		return false
	}
	w := []int{6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2}
	for n := 12; n <= 13; n++ {
		sum := 0
		for i := 0; i < n; i++ {
			sum += int(s[i]-'0') * w[i+13-n]
		}
		d := 11 - sum%11
		if d >= 10 {
			d = 0
		}
		if d != int(s[n]-'0') {
			return false
		}
	}
	return true
}

var (
	dropDotsSlashes      = strings.NewReplacer(".", "", "/", "")
	dropAmountSeparators = strings.NewReplacer(" ", "", "\u00a0", "", ",", "", ".", "", "'", "")
	dropCurrencies       = strings.NewReplacer("EUR", "", "USD", "", "GBP", "", "CHF", "", "PLN", "", "CNY", "",
		"RMB", "", "€", "", "$", "", "£", "", "¥", "", "ZŁ", "", "K", "")
)

// Salary and financial standing.

var salaryDetector = detector{cat: SalaryFinancial, types: textTypes | numericTypes, check: checkAmount}

// checkAmount accepts amounts: "52000", "4.250,00 €", "$85,000", "EUR 3500", "65k".
func checkAmount(v string, _ *env) level {
	if len(v) > 30 {
		return lvNone
	}
	s := dropCurrencies.Replace(strings.ToUpper(v))
	s = dropAmountSeparators.Replace(s)
	s = strings.TrimPrefix(s, "-")
	if _, err := strconv.ParseUint(s, 10, 64); err == nil {
		return lvWeak
	}
	return lvNone
}

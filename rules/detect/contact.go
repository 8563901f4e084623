package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Contact data: email, phone, postal address, postcode, city, country.

var contactTerms = concat(
	terms(Email, specific, false,
		"email", "e mail", "mail", "email address", "e mail address", "mail address", "emailaddress",
		"email adresse", "e mail adresse", "mailadresse", "courriel", "adresse mail", "adresse email",
		"adresse courriel", "correo", "correo electronico", "email correo", "posta elettronica",
		"indirizzo email", "indirizzo mail", "mailadres", "e mailadres", "emailadres", "adres email",
		"adres e mail", "poczta", "endereco email", "endereco de email", "youxiang", "dianzi youjian",
		"youjian", "邮箱", "电子邮件", "电子邮箱", "邮件地址", "pec"),
	terms(Phone, specific, false,
		"phone", "telephone", "tel", "telefon", "telefono", "telefone", "telefoon", "telefonnummer",
		"phone number", "phonenumber", "tel no", "mobile", "mobile phone", "mobilephone", "mobil",
		"mobilnummer", "mobiltelefon", "handy", "handynummer", "cell", "cellphone", "cell phone",
		"portable", "cellulaire", "movil", "celular", "cellulare", "mobiel", "mobiele nummer", "gsm",
		"komorka", "telefon komorkowy", "nr telefonu", "fax", "telefax", "faxnummer", "msisdn",
		"whatsapp", "contact number", "contact phone", "dianhua", "shouji", "shoujihao", "lianxi dianhua",
		"电话", "手机", "手机号", "手机号码", "电话号码", "联系电话", "联系方式", "座机", "tel fixe",
		"telephone portable", "numero de telephone", "numero telefono", "num tel"),
	terms(PostalAddress, likely, true,
		"address", "addr", "street", "street address", "address line", "addr line", "strasse",
		"hausnummer", "house number", "house no", "hausnr", "anschrift", "adresse", "rue", "voie",
		"numero de rue", "direccion", "calle", "domicilio", "indirizzo", "endereco", "morada",
		"logradouro", "rua", "adres", "straat", "huisnummer", "ulica", "nr domu", "dizhi", "地址",
		"住址", "家庭住址", "通讯地址", "mailing address", "postal address", "billing address",
		"shipping address", "delivery address", "home address", "residence", "residential address",
		"lieferadresse", "rechnungsadresse", "wohnadresse", "adresse postale", "adresse de livraison",
		"direccion postal", "indirizzo di residenza", "woonadres", "address1", "address2", "street1",
		"street2", "strasse hausnummer", "postfach", "po box", "boite postale"),
	terms(PostalCode, ambiguous, true,
		"postcode", "post code", "postal code", "postalcode", "zip", "zipcode", "zip code", "plz",
		"postleitzahl", "code postal", "cp", "codigo postal", "cap", "codice postale", "kod pocztowy",
		"pincode", "pin code", "youbian", "邮编", "邮政编码", "postnummer", "postnr"),
	terms(City, ambiguous, true,
		"city", "town", "ort", "stadt", "wohnort", "ville", "commune", "ciudad", "localidad", "municipio",
		"poblacion", "citta", "comune", "localita", "cidade", "plaats", "woonplaats", "miejscowosc",
		"miasto", "chengshi", "城市", "所在城市", "locality", "municipality", "place of residence",
		"gemeinde", "suburb", "district", "bezirk", "quartier", "province",
		"bundesland", "provincia", "provincie", "wojewodztwo", "county"),
	terms(Country, ambiguous, true,
		"country", "country code", "countrycode", "land", "pays", "pais", "paese", "nazione", "kraj",
		"guojia", "国家", "nationality", "staatsangehoerigkeit", "staatsangehorigkeit", "nationalitaet",
		"nationalite", "nacionalidad", "nazionalita", "nationaliteit", "obywatelstwo",
		"nacionalidade", "guoji", "国籍", "citizenship", "country of residence", "country of birth",
		"geburtsland", "pays de naissance", "birth country"),
)

// concat joins vocabulary groups.
func concat(groups ...[]term) []term {
	var out []term
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
}

// Email.

var emailDetector = detector{
	cat: Email, types: textTypes, check: checkEmail, mask: plain(maskEmail),
	strict: true, highCard: true,
}

// notTLD are endings that look like top-level domains but are file names, reserved or
// internal names: "logo@2x.png", "admin@localhost.localdomain".
var notTLD = wordSet("png jpg jpeg gif svg webp bmp ico tif tiff css js json html htm xml pdf txt csv " +
	"doc docx xls xlsx zip gz tar exe dll php asp jsp local localhost localdomain internal lan intranet " +
	"invalid test example corp home")

func checkEmail(v string, _ *env) level {
	if !validEmail(v) {
		return lvNone
	}
	return lvStrong
}

// validEmail checks the syntax of an address (RFC 5322 dot-atom local part, no quoted
// strings) and that it ends in a plausible top-level domain.
func validEmail(v string) bool {
	if len(v) < 6 || len(v) > 254 {
		return false
	}
	at := strings.IndexByte(v, '@')
	if at <= 0 || at != strings.LastIndexByte(v, '@') {
		return false
	}
	local, domain := v[:at], v[at+1:]
	if len(local) > 64 || local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if !(r < utf8.RuneSelf && strings.IndexByte("!#$%&'*+/=?^_`{|}~.-", byte(r)) >= 0 ||
			unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return validDomain(domain)
}

func validDomain(domain string) bool {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 || len(domain) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return false
			}
		}
	}
	tld := strings.ToLower(labels[len(labels)-1])
	if strings.HasPrefix(tld, "xn--") {
		return len(tld) > 4
	}
	if len(tld) < 2 || len(tld) > 24 || notTLD[tld] {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Phone.

var phoneDetector = detector{
	cat: Phone, types: textTypes | numericTypes, check: checkPhone, probe: isWrittenPhone, mask: maskPhone,
	strict: true, highCard: true, maxChecks: 200,
}

// isWrittenPhone decides value-only matches: a valid number written like one, with a + or 00
// prefix or with separators. Bare national digit strings ("0306406152") are as often
// codes with a leading zero (ISBNs, customer numbers) and need a phone column name.
func isWrittenPhone(v string, _ *env) bool {
	return strings.HasPrefix(v, "+") || strings.HasPrefix(v, "00") || strings.ContainsAny(v, " -/().")
}

// checkPhone parses with libphonenumber, which is slow (~18 µs), so only strings made of
// phone characters with 7–17 digits get that far. Numbers with a + or 00 prefix are parsed
// as international, numbers with a leading 0 in each default region in turn. Bare digit
// strings are only plausible: order numbers look the same.
func checkPhone(v string, e *env) level {
	digits, first := 0, byte(0)
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			if digits == 0 {
				first = c
			}
			digits++
		case c == '+':
			if digits > 0 {
				return lvNone
			}
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')':
		default:
			return lvNone
		}
	}
	if digits < 7 || digits > 17 {
		return lvNone
	}
	s := internationalise(v)
	switch {
	case strings.HasPrefix(s, "+"):
		if n, err := phonenumbers.Parse(s, "ZZ"); err == nil {
			if phonenumbers.IsValidNumber(n) {
				return lvStrong
			}
			if phonenumbers.IsPossibleNumber(n) {
				return lvWeak
			}
		}
		return lvNone
	case first == '0':
		possible := false
		for _, r := range e.regions {
			n, err := phonenumbers.Parse(s, r)
			if err != nil {
				continue
			}
			if phonenumbers.IsValidNumber(n) {
				return lvStrong
			}
			possible = possible || phonenumbers.IsPossibleNumber(n)
		}
		if possible {
			return lvWeak
		}
		return lvNone
	}
	if isDigits(v) && digits <= 15 {
		return lvWeak // e.g. 4917112345678 stored as a number
	}
	return lvNone
}

// internationalise turns a 00 international prefix into +: "0049 171 …" → "+49 171 …".
func internationalise(v string) string {
	s := strings.TrimLeft(v, " (")
	if strings.HasPrefix(s, "00") && len(s) > 2 && s[2] != '0' {
		return "+" + s[2:]
	}
	return s
}

// Postal address.

var addressDetector = detector{
	cat: PostalAddress, types: textTypes | types(typeJSON), check: checkAddress,
	valueOnlyAt: 0.8, valueCap: 0.75, quasi: true, highCard: true,
}

// streetWords are street types in the languages of the vocabulary; a value that has one and
// a number is an address.
var streetWords = wordSet("street st road rd avenue ave av lane ln drive dr boulevard blvd bd way " +
	"court ct place pl square sq close crescent terrace strasse str weg gasse platz allee damm " +
	"chaussee ufer rue chemin impasse allee quai route calle avenida avda plaza paseo camino carrer " +
	"via viale piazza corso vicolo largo straat laan plein gracht kade singel steeg ulica ul aleja " +
	"al plac osiedle os rua travessa praca estrada rodovia")

// streetSuffixes end German and Dutch street names written as one word: Hauptstraße, Kalverstraat.
var streetSuffixes = []string{"strasse", "str", "weg", "gasse", "platz", "allee", "damm", "straat",
	"laan", "plein", "gracht", "kade", "steeg", "ring"}

func checkAddress(v string, _ *env) level {
	if len(v) < 5 || len(v) > 300 || isUUID(v) {
		return lvNone
	}
	letters, digits, hanStreet := 0, 0, false
	for _, r := range v {
		switch {
		case unicode.IsLetter(r):
			letters++
			if strings.ContainsRune("路街道号弄巷", r) {
				hanStreet = true
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters < 3 {
		return lvNone
	}
	if hanStreet && digits > 0 {
		return lvStrong
	}
	ws := strings.FieldsFunc(foldWord(v), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	street := false
	for _, w := range ws {
		if streetWords[w] {
			street = true
			break
		}
		for _, s := range streetSuffixes {
			if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
				street = true
			}
		}
	}
	switch {
	case street && digits > 0:
		return lvStrong
	case digits > 0 || len(ws) >= 2:
		return lvWeak
	}
	return lvNone
}

// Postcode.

var postcodeDetector = detector{
	cat: PostalCode, types: textTypes | types(typeInt), check: checkPostcode, quasi: true,
}

// postcodeShapes are postcode formats written as shapes: A letter, 9 digit. Shapes that
// only digits make are weak evidence (any number fits); the others are strong.
var postcodeShapes = map[string]level{
	"999": lvWeak, "9999": lvWeak, "99999": lvWeak, "999999": lvWeak, "99999-9999": lvStrong,
	"99-999": lvStrong, "9999-999": lvStrong, "999 99": lvStrong, "9999 AA": lvStrong, "9999AA": lvStrong,
	"A9 9AA": lvStrong, "A99 9AA": lvStrong, "A9A 9AA": lvStrong, "AA9 9AA": lvStrong, "AA99 9AA": lvStrong,
	"AA9A 9AA": lvStrong, "A99AA": lvStrong, "A999AA": lvStrong, "A9A9AA": lvStrong, "AA99AA": lvStrong,
	"AA999AA": lvStrong, "AA9A9AA": lvStrong, "A9A 9A9": lvStrong, "A9A9A9": lvStrong, "A99 A9A9": lvStrong,
	"A99 AA99": lvStrong, "A99 A999": lvStrong, "A99 AAA9": lvStrong, "A99 99AA": lvStrong,
	"A-9999": lvStrong, "A-99999": lvStrong, "AA-9999": lvStrong, "AA-99999": lvStrong, "AA-99-999": lvStrong,
}

func checkPostcode(v string, _ *env) level {
	if len(v) < 3 || len(v) > 10 {
		return lvNone
	}
	var b [10]byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			b[i] = '9'
		case 'a' <= c && c <= 'z', isUpperASCII(c):
			b[i] = 'A'
		case c == ' ' || c == '-':
			b[i] = c
		default:
			return lvNone
		}
	}
	return postcodeShapes[string(b[:len(v)])]
}

// City.

var cityDetector = detector{cat: City, types: textTypes, check: checkPlaceName, quasi: true}

// checkPlaceName accepts mostly-letter names of places: "Frankfurt am Main", "Saint-Étienne",
// "75015 Paris", "北京".
func checkPlaceName(v string, _ *env) level {
	if len(v) > 80 || isUUID(v) {
		return lvNone
	}
	letters, digits, other := 0, 0, 0
	for _, r := range v {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '(' || r == ')' || r == '/' || r == ',':
		default:
			other++
		}
	}
	if letters < 2 || other > 0 || digits > letters {
		return lvNone
	}
	return lvWeak
}

// Country.

var countryDetector = detector{cat: Country, types: textTypes, check: checkCountry, quasi: true}

// countryNames are common country names and ISO 3166-1 alpha-3 codes; alpha-2 codes are
// checked against the IBAN and phone tables.
var countryNames = enumSet("germany, deutschland, france, frankreich, spain, espana, spanien, italy, italia, " +
	"italien, netherlands, nederland, niederlande, holland, poland, polska, polen, portugal, austria, " +
	"oesterreich, osterreich, switzerland, schweiz, suisse, svizzera, belgium, belgique, belgie, belgien, " +
	"united kingdom, great britain, england, scotland, wales, ireland, united states, usa, canada, china, " +
	"zhongguo, 中国, japan, india, brazil, brasil, sweden, sverige, norway, norge, denmark, danmark, " +
	"finland, suomi, greece, czech republic, czechia, hungary, romania, bulgaria, croatia, slovenia, " +
	"slovakia, luxembourg, turkey, turkiye, russia, ukraine, mexico, argentina, australia, " +
	"deu, fra, esp, ita, nld, pol, prt, aut, che, bel, gbr, irl, usa, can, chn, jpn, ind, bra, swe, " +
	"nor, dnk, fin, grc, cze, hun, rou, bgr, hrv, svn, svk, lux, tur, rus, ukr, mex, arg, aus")

func checkCountry(v string, _ *env) level {
	if len(v) == 2 {
		if u := strings.ToUpper(v); ibanLengths[u] > 0 || phonenumbers.GetCountryCodeForRegion(u) > 0 {
			return lvStrong
		}
	}
	if countryNames[enumKey(v)] {
		return lvStrong
	}
	return checkPlaceName(v, nil)
}

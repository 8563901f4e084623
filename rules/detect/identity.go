package detect

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Identity: person name, date of birth, age, gender, username, national id, passport,
// employment, photo and biometric references.

// Person name.

var personNameDetector = detector{
	cat: PersonName, types: textTypes, check: checkPersonName, mask: plain(maskGeneric),
	confirmAt: 0.2, valueOnlyAt: 0.6, valueCap: 0.72, quasi: true, highCard: true, confirmLifts: true,
}

// checkPersonName: names are letters with spaces, hyphens, apostrophes and dots, up to five
// words (weak); a given name or surname from the list makes them strong. Han names are two
// to four characters; a frequent family name first makes them strong.
func checkPersonName(v string, _ *env) level {
	if len(v) > 80 {
		return lvNone
	}
	han, other := 0, 0
	for _, r := range v {
		switch {
		case unicode.Is(unicode.Han, r):
			han++
		case unicode.IsLetter(r), r == ' ', r == '-', r == '\'', r == '’', r == '.', r == ',', r == '·':
			other++
		default:
			return lvNone
		}
	}
	if han > 0 {
		if other > 1 || han < 2 || han > 4 {
			return lvNone
		}
		if r, _ := utf8.DecodeRuneInString(v); isHanSurname(r) {
			return lvStrong
		}
		return lvWeak
	}
	ws := strings.FieldsFunc(foldWord(v), func(r rune) bool { return !unicode.IsLetter(r) })
	if len(ws) == 0 || len(ws) > 5 {
		return lvNone
	}
	for _, w := range ws {
		if givenNames[w] || surnames[w] {
			return lvStrong
		}
	}
	return lvWeak
}

// Date of birth.

var dobDetector = detector{cat: DateOfBirth, types: textTypes | types(typeDate, typeInt), check: checkDOB}

// checkDOB accepts dates (and bare years, for birth_year) from 1900 to ten years ago;
// anything else — a created_at timestamp, next year's renewal — contradicts a birth date.
func checkDOB(v string, e *env) level {
	y := -1
	if len(v) == 4 {
		y = atoi(v)
	} else if py, _, _, ok := parseDate(v); ok {
		y = py
	}
	if y >= 1900 && y <= e.year-10 {
		return lvStrong
	}
	return lvNone
}

// Age.

var ageDetector = detector{cat: Age, types: textTypes | numericTypes, check: checkAge}

func checkAge(v string, _ *env) level {
	if f, err := strconv.ParseFloat(v, 64); err == nil {
		if f >= 0 && f <= 120 {
			return lvWeak
		}
		return lvNone
	}
	if a, b, ok := strings.Cut(v, "-"); ok && atoi(a) >= 0 && atoi(b) > atoi(a) && atoi(b) <= 120 {
		return lvWeak // an age band: 30-39
	}
	if strings.HasSuffix(v, "+") && atoi(v[:len(v)-1]) >= 0 && atoi(v[:len(v)-1]) <= 120 {
		return lvWeak
	}
	return lvNone
}

// Gender.

var genderDetector = detector{
	cat: Gender, types: textTypes | types(typeInt, typeBool), check: checkGender, mask: maskLabel("gender"),
	valueOnlyAt: 0.9, valueCap: 0.7, quasi: true,
}

// genderWords are spelled-out genders and salutations (strong); genderCodes are one-letter
// and ISO 5218 codes (weak: m/f could be sizes).
var (
	genderWords = enumSet("male, female, man, woman, men, women, diverse, divers, non binary, nonbinary, " +
		"non-binary, intersex, transgender, maennlich, mannlich, weiblich, frau, herr, homme, femme, " +
		"masculin, feminin, monsieur, madame, mademoiselle, mme, mlle, hombre, mujer, masculino, femenino, " +
		"senor, senora, senorita, sr, sra, maschio, femmina, uomo, donna, maschile, femminile, signor, " +
		"signore, signora, sig, sig ra, vrouw, mannelijk, vrouwelijk, heer, mevrouw, dhr, mevr, " +
		"mezczyzna, kobieta, meski, zenski, pan, pani, nan, nv, nu, 男, 女, 先生, 女士, mr, mrs, ms, miss, " +
		"mister, sir, madam, mx, " + nordicGenderWords)
	genderCodes = enumSet("m, f, w, d, x, u, h, v, k, 0, 1, 2, 9")
)

func checkGender(v string, e *env) level {
	k := e.key(v)
	switch {
	case genderWords[k]:
		return lvStrong
	case genderCodes[k]:
		return lvWeak
	case neutralValues[k]:
		return lvSkip
	}
	return lvNone
}

// Username.

var usernameDetector = detector{cat: Username, types: textTypes, check: checkUsername, highCard: true}

func checkUsername(v string, _ *env) level {
	if len(v) < 2 || len(v) > 100 || isUUID(v) || isDigits(v) || strings.ContainsAny(v, " \t") {
		return lvNone
	}
	return lvWeak
}

// National ids.

var nationalIDDetector = detector{
	cat: NationalID, types: textTypes | numericTypes, check: checkNationalID, mask: plain(maskGeneric),
	strict: true, highCard: true,
}

// checkNationalID is strong for the formats with check digits or a distinctive shape:
// US SSN (dashed), UK NINO, FR NIR, DE Steuer-ID, ES DNI/NIE, NL BSN, PL PESEL, IT codice
// fiscale, BE national number, FI HETU, SE personnummer, DK CPR (dashed), CN resident id,
// TW national id, BR CPF, IE PPSN, KR RRN, JP My Number, CA SIN (grouped), IN Aadhaar, CH
// AHV and AT social security number, written with or without the dots, dashes and spaces
// people type (111.444.777-35, 756.1234.5678.97). Other numbers of ID length are only
// plausible.
func checkNationalID(v string, _ *env) level {
	if len(v) > 24 {
		return lvNone
	}
	if validSSN(v) || validHETU(v) || validCPR(v) || validSIN(v) || validRRN(v) {
		return lvStrong
	}
	s := compactUpper(dropDotsSlashes.Replace(v))
	switch {
	case validNINO(s), validNIR(s), validSteuerID(s), validDNI(s), validBSN(s), validPESEL(s),
		validCodiceFiscale(s), validBelgianNN(s), validPersonnummer(s), validChinaID(s),
		validCPF(s), validTaiwanID(s), validPPSN(s), validMyNumber(s), validAadhaar(s), validAHV(s),
		validAustrianSVNR(s):
		return lvStrong
	}
	if plausibleIDNumber(s) {
		return lvWeak
	}
	return lvNone
}

// plausibleIDNumber: 6–20 letters and digits with at least four digits.
func plausibleIDNumber(s string) bool {
	if len(s) < 6 || len(s) > 20 {
		return false
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
			digits++
		case isUpperASCII(c):
		default:
			return false
		}
	}
	return digits >= 4
}

// validSSN: US social security number written 123-45-6789, without the never-issued
// areas 000, 666 and 900–999, group 00 or serial 0000.
func validSSN(v string) bool {
	if len(v) != 11 || v[3] != '-' || v[6] != '-' {
		return false
	}
	a, g, s := atoi(v[:3]), atoi(v[4:6]), atoi(v[7:])
	return a > 0 && a != 666 && a < 900 && g > 0 && s > 0
}

// validNINO: UK National Insurance number, two prefix letters (not D, F, I, Q, U, V; second
// not O; not BG, GB, KN, NK, NT, TN, ZZ), six digits, suffix A–D.
func validNINO(s string) bool {
	if len(s) != 9 || !isUpperASCII(s[0]) || !isUpperASCII(s[1]) || !isDigits(s[2:8]) ||
		s[8] < 'A' || s[8] > 'D' {
		return false
	}
	if strings.IndexByte("DFIQUV", s[0]) >= 0 || strings.IndexByte("DFIQUVO", s[1]) >= 0 {
		return false
	}
	switch s[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return true
}

// validNIR: French social security number, 13 digits and a key 97 − (n mod 97); Corsican
// departments 2A and 2B count as 19 and 18.
func validNIR(s string) bool {
	if len(s) != 15 || strings.IndexByte("123478", s[0]) < 0 {
		return false
	}
	n := s[:13]
	switch s[5:7] {
	case "2A":
		n = n[:5] + "19" + n[7:]
	case "2B":
		n = n[:5] + "18" + n[7:]
	}
	if !isDigits(n) || !isDigits(s[13:]) {
		return false
	}
	if m := atoi(s[3:5]); m < 1 || (m > 12 && m < 20) {
		return false
	}
	return 97-mod97(n) == atoi(s[13:])
}

// validSteuerID: German tax identification number, 11 digits, no leading zero, one digit of
// the first ten repeated two or three times, ISO 7064 MOD 11,10 check digit.
func validSteuerID(s string) bool {
	if len(s) != 11 || !isDigits(s) || s[0] == '0' {
		return false
	}
	var count [10]int
	for i := 0; i < 10; i++ {
		count[s[i]-'0']++
	}
	repeated := 0
	for _, c := range count {
		if c > 3 {
			return false
		}
		if c > 1 {
			repeated++
		}
	}
	if repeated != 1 {
		return false
	}
	product := 10
	for i := 0; i < 10; i++ {
		sum := (int(s[i]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	check := 11 - product
	if check == 10 {
		check = 0
	}
	return check == int(s[10]-'0')
}

const dniLetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// validDNI: Spanish DNI (8 digits and a letter) or NIE (X, Y or Z, 7 digits and a letter),
// the letter being the number mod 23.
func validDNI(s string) bool {
	if len(s) != 9 {
		return false
	}
	num := s[:8]
	if i := strings.IndexByte("XYZ", s[0]); i >= 0 {
		num = strconv.Itoa(i) + s[1:8]
	}
	n := atoi(num)
	return n >= 0 && dniLetters[n%23] == s[8]
}

// validBSN: Dutch citizen service number, 9 digits passing the 11-test.
func validBSN(s string) bool {
	if len(s) != 9 || !isDigits(s) {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(s[i]-'0') * (9 - i)
	}
	sum -= int(s[8] - '0')
	return sum > 0 && sum%11 == 0
}

// validPESEL: Polish national number, 11 digits, an encoded birth date and a check digit.
func validPESEL(s string) bool {
	if len(s) != 11 || !isDigits(s) {
		return false
	}
	m, d := atoi(s[2:4])%20, atoi(s[4:6])
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return false
	}
	w := [...]int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i, k := range w {
		sum += int(s[i]-'0') * k
	}
	return (10-sum%10)%10 == int(s[10]-'0')
}

// Codice fiscale tables: odd positions (1st, 3rd, …) and the month letters.
var (
	cfOdd    = [...]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}
	cfMonths = "ABCDEHLMPRST"
	cfOmocod = "LMNPQRSTUV" // letters replacing digits in homocodic codes
)

// validCodiceFiscale: Italian tax code, 16 characters (surname, name, birth year, month
// letter, day, place, check letter).
func validCodiceFiscale(s string) bool {
	if len(s) != 16 {
		return false
	}
	for i := 0; i < 16; i++ {
		c := s[i]
		switch i {
		case 0, 1, 2, 3, 4, 5, 8, 11, 15:
			if !isUpperASCII(c) {
				return false
			}
		default:
			if !isDigit(c) && strings.IndexByte(cfOmocod, c) < 0 {
				return false
			}
		}
	}
	if strings.IndexByte(cfMonths, s[8]) < 0 {
		return false
	}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		v := int(c - 'A')
		if isDigit(c) {
			v = int(c - '0')
		}
		if i%2 == 0 {
			sum += cfOdd[v]
		} else {
			sum += v
		}
	}
	return byte('A'+sum%26) == s[15]
}

// validBelgianNN: Belgian national register number, 11 digits, check 97 − (n mod 97) over
// the first nine digits, prefixed with 2 for births from 2000.
func validBelgianNN(s string) bool {
	if len(s) != 11 || !isDigits(s) || atoi(s[2:4]) > 12 {
		return false
	}
	check := atoi(s[9:])
	return 97-mod97(s[:9]) == check || 97-mod97("2"+s[:9]) == check
}

const hetuChecks = "0123456789ABCDEFHJKLMNPRSTUVWXY"

// validHETU: Finnish personal identity code DDMMYYCNNNX with a century sign and a mod-31 check.
func validHETU(v string) bool {
	if len(v) != 11 || strings.IndexByte("+-ABCDEFUVWXY", v[6]) < 0 || !isDigits(v[:6]) || !isDigits(v[7:10]) {
		return false
	}
	if !validDate(2000, atoi(v[2:4]), atoi(v[:2])) {
		return false
	}
	n := atoi(v[:6] + v[7:10])
	return hetuChecks[n%31] == v[10]
}

// validPersonnummer: Swedish personal number YYMMDDNNNC or YYYYMMDDNNNC, Luhn over the ten
// digits; coordination numbers add 60 to the day.
func validPersonnummer(s string) bool {
	if len(s) == 12 {
		s = s[2:]
	}
	if len(s) != 10 || !isDigits(s) {
		return false
	}
	d := atoi(s[4:6])
	if d > 60 {
		d -= 60
	}
	return validDate(2000, atoi(s[2:4]), d) && luhn(s)
}

// validChinaID: Chinese resident identity number, 17 digits with a birth date and an
// ISO 7064 MOD 11-2 check character.
func validChinaID(s string) bool {
	if len(s) != 18 || !isDigits(s[:17]) {
		return false
	}
	y, m, d := atoi(s[6:10]), atoi(s[10:12]), atoi(s[12:14])
	if y < 1900 || !validDate(y, m, d) {
		return false
	}
	w := [...]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, k := range w {
		sum += int(s[i]-'0') * k
	}
	return "10X98765432"[sum%11] == s[17]
}

// validCPF: Brazilian taxpayer number, 11 digits with two mod-11 check digits, written
// 111.444.777-35 or 11144477735; numbers of one repeated digit are not issued.
func validCPF(s string) bool {
	if len(s) != 11 || !isDigits(s) || strings.Count(s, s[:1]) == 11 {
		return false
	}
	for n := 9; n <= 10; n++ {
		sum := 0
		for i := 0; i < n; i++ {
			sum += int(s[i]-'0') * (n + 1 - i)
		}
		d := sum * 10 % 11 % 10
		if d != int(s[n]-'0') {
			return false
		}
	}
	return true
}

// taiwanLetters give the two-digit value of a Taiwanese id's first letter (A=10 … Z=33, in
// the order the household registration offices were numbered).
const taiwanLetters = "ABCDEFGHJKLMNPQRSTUVXYWZIO"

// validTaiwanID: Taiwanese national id (A123456789) or resident certificate (A800000014):
// a letter, 1, 2, 8 or 9, eight digits, a weighted mod-10 check.
func validTaiwanID(s string) bool {
	if len(s) != 10 || !isUpperASCII(s[0]) || !isDigits(s[1:]) || strings.IndexByte("1289", s[1]) < 0 {
		return false
	}
	n := strings.IndexByte(taiwanLetters, s[0]) + 10
	sum := n/10 + n%10*9
	for i := 1; i < 9; i++ {
		sum += int(s[i]-'0') * (9 - i)
	}
	sum += int(s[9] - '0')
	return sum%10 == 0
}

// validCPR: Danish CPR number DDMMYY-SSSS, written with its dash (ten bare digits are too
// common); the date must exist.
func validCPR(v string) bool {
	if len(v) != 11 || v[6] != '-' || !isDigits(v[:6]) || !isDigits(v[7:]) {
		return false
	}
	return validDate(2000, atoi(v[2:4]), atoi(v[:2])) || atoi(v[2:4]) == 2 && atoi(v[:2]) == 29
}

// validPPSN: Irish personal public service number, seven digits, a mod-23 check letter and an
// optional letter (A, H, W or blank).
func validPPSN(s string) bool {
	if len(s) != 8 && len(s) != 9 || !isDigits(s[:7]) || !isUpperASCII(s[7]) {
		return false
	}
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(s[i]-'0') * (8 - i)
	}
	if len(s) == 9 {
		if strings.IndexByte("ABHW", s[8]) < 0 {
			return false
		}
		sum += (int(s[8]-'A') + 1) % 23 * 9
	}
	return "WABCDEFGHIJKLMNOPQRSTUV"[sum%23] == s[7]
}

// validRRN: South Korean resident registration number YYMMDD-GNNNNNC with a weighted
// mod-11 check (numbers issued before October 2020), written with its dash.
func validRRN(v string) bool {
	if len(v) != 14 || v[6] != '-' {
		return false
	}
	s := v[:6] + v[7:]
	if !isDigits(s) || !validDate(2000, atoi(s[2:4]), atoi(s[4:6])) || strings.IndexByte("12345678", s[6]) < 0 {
		return false
	}
	w := [...]int{2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5}
	sum := 0
	for i, k := range w {
		sum += int(s[i]-'0') * k
	}
	return (11-sum%11)%10 == int(s[12]-'0')
}

// validMyNumber: Japanese individual number, 12 digits with a weighted mod-11 check digit.
func validMyNumber(s string) bool {
	if len(s) != 12 || !isDigits(s) {
		return false
	}
	sum := 0
	for i := 0; i < 11; i++ {
		q := 11 - i // position from the check digit
		w := q + 1
		if q > 6 {
			w = q - 5
		}
		sum += int(s[i]-'0') * w
	}
	r := sum % 11
	check := 0
	if r > 1 {
		check = 11 - r
	}
	return check == int(s[11]-'0')
}

// validSIN: Canadian social insurance number, nine digits passing Luhn, written in groups
// (046 454 286 or 046-454-286: nine bare digits are too common).
func validSIN(v string) bool {
	if len(v) != 11 || !(v[3] == ' ' && v[7] == ' ' || v[3] == '-' && v[7] == '-') {
		return false
	}
	s := v[:3] + v[4:7] + v[8:]
	return isDigits(s) && s[0] != '0' && s[0] != '8' && luhn(s)
}

// Verhoeff tables for Aadhaar.
var (
	verhoeffD = [10][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
		{2, 3, 4, 0, 1, 7, 8, 9, 5, 6}, {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
		{5, 9, 8, 7, 6, 0, 4, 3, 2, 1}, {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
		{8, 7, 6, 5, 9, 3, 2, 1, 0, 4}, {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}
	verhoeffP = [8][10]int{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
		{5, 8, 0, 3, 7, 9, 6, 1, 4, 2}, {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
		{4, 2, 8, 6, 5, 7, 3, 9, 0, 1}, {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}
)

// validAadhaar: Indian Aadhaar number, 12 digits not starting with 0 or 1, Verhoeff check.
func validAadhaar(s string) bool {
	if len(s) != 12 || !isDigits(s) || s[0] < '2' {
		return false
	}
	c := 0
	for i := 0; i < 12; i++ {
		c = verhoeffD[c][verhoeffP[i%8][int(s[11-i]-'0')]]
	}
	return c == 0
}

// validAHV: Swiss social security number 756.1234.5678.97, an EAN-13 with the 756 prefix.
func validAHV(s string) bool {
	if len(s) != 13 || !isDigits(s) || !strings.HasPrefix(s, "756") {
		return false
	}
	sum := 0
	for i := 0; i < 12; i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(s[i]-'0') * w
	}
	return (10-sum%10)%10 == int(s[12]-'0')
}

// validAustrianSVNR: Austrian social security number, a serial of three digits, a check
// digit and the birth date DDMMYY, the check weighted 3 7 9 _ 5 8 4 2 1 6 mod 11.
func validAustrianSVNR(s string) bool {
	if len(s) != 10 || !isDigits(s) || s[0] == '0' {
		return false
	}
	w := [...]int{3, 7, 9, 0, 5, 8, 4, 2, 1, 6}
	sum := 0
	for i, k := range w {
		sum += int(s[i]-'0') * k
	}
	d, m := atoi(s[4:6]), atoi(s[6:8])
	return sum%11 != 10 && sum%11 == int(s[3]-'0') && d >= 1 && d <= 31 && m >= 1 && m <= 12
}

// Passport.

var passportDetector = detector{cat: Passport, types: textTypes, check: checkPassport, highCard: true}

// checkPassport: passport numbers are 6–10 letters and digits with at least two digits.
func checkPassport(v string, _ *env) level {
	s := compactUpper(v)
	if len(s) < 6 || len(s) > 10 {
		return lvNone
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isDigit(c):
			digits++
		case !isUpperASCII(c):
			return lvNone
		}
	}
	if digits < 2 {
		return lvNone
	}
	return lvWeak
}

// Employment.

var employmentDetector = detector{cat: Employment, types: textTypes, check: checkShortText}

// employmentDateDetector judges hire and leaving dates: dates from 1950 to next year.
var employmentDateDetector = detector{
	cat: Employment, types: textTypes | types(typeDate, typeInt), check: checkEmploymentDate,
}

// deathDateDetector judges dates of death as hire dates are judged: past dates.
var deathDateDetector = detector{
	cat: DateOfBirth, types: textTypes | types(typeDate, typeInt), check: checkEmploymentDate,
}

func checkEmploymentDate(v string, e *env) level {
	if y, _, _, ok := parseDate(v); ok && y >= 1950 && y <= e.year+1 {
		return lvStrong
	}
	if len(v) == 4 && atoi(v) >= 1950 && atoi(v) <= e.year+1 {
		return lvWeak // a year of entry
	}
	if n, err := strconv.ParseFloat(v, 64); err == nil && n >= 0 && n <= 60 {
		return lvWeak // years of service
	}
	return lvNone
}

// employmentMeasureDetector judges an employee's hours, days, flags and sales figures:
// numbers and flags are plausible, text is not.
var employmentMeasureDetector = detector{
	cat: Employment, types: textTypes | numericTypes | types(typeBool), check: checkMeasure,
}

func checkMeasure(v string, _ *env) level {
	if _, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64); err == nil {
		return lvWeak
	}
	switch strings.ToLower(v) {
	case "true", "false", "t", "f", "y", "n", "yes", "no":
		return lvWeak
	}
	return lvNone
}

// checkShortText accepts short texts with letters: job titles, departments, employers.
func checkShortText(v string, _ *env) level {
	if len(v) > 200 || isUUID(v) {
		return lvNone
	}
	for _, r := range v {
		if unicode.IsLetter(r) {
			return lvWeak
		}
	}
	return lvNone
}

// Photo and biometric references.

var photoDetector = detector{
	cat: PhotoOrBiometric, types: textTypes | types(typeBinary), check: checkPhoto,
	mask: maskLabel("image"), longValues: true,
}

var imageExts = []string{".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".bmp", ".tif", ".tiff"}

// checkPhoto: image data (JPEG or PNG bytes, base64 or a data: URL) is strong; an image
// URL or file name is weak, and so is an opaque blob (a biometric template in base64 or hex).
func checkPhoto(v string, _ *env) level {
	switch {
	case strings.HasPrefix(v, "data:image/"), strings.HasPrefix(v, "/9j/"), strings.HasPrefix(v, "iVBORw0KGgo"),
		strings.HasPrefix(v, "\xff\xd8\xff"), strings.HasPrefix(v, "\x89PNG"), strings.HasPrefix(v, `\x`):
		return lvStrong
	}
	l := strings.ToLower(v)
	if i := strings.IndexAny(l, "?#"); i >= 0 {
		l = l[:i]
	}
	for _, e := range imageExts {
		if strings.HasSuffix(l, e) {
			return lvWeak
		}
	}
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return lvWeak
	}
	if len(v) >= 32 && (isHex(v) || isBase64(v)) {
		return lvWeak
	}
	return lvNone
}

// isBase64: the standard or URL alphabet with optional padding.
func isBase64(v string) bool {
	v = strings.TrimRight(v, "=")
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(isDigit(c) || isUpperASCII(c) || 'a' <= c && c <= 'z' || c == '+' || c == '/' || c == '-' || c == '_') {
			return false
		}
	}
	return v != ""
}

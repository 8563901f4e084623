package eval

// Validators and generators of identifiers with check digits. They are written from the
// published algorithms, independently of rules/detect, so that the corpus does not
// inherit the detectors' mistakes; the check-digit arithmetic the demo CRM needs too
// (IBAN, Luhn, MOD 11,10, the Italian check letter) is in internal/synth. Every
// generator's output passes its validator; the tests check both against known-good and
// known-bad examples.

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// compact removes the separators people type into identifiers.
func compact(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '.', '/', '\t':
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func digitAt(s string, i int) int { return int(s[i] - '0') }

// ---- IBAN (ISO 13616, mod 97) ----

// ibanLength is the IBAN length per country for the countries the corpus uses.
var ibanLength = map[string]int{
	"AT": 20, "BE": 16, "CH": 21, "DE": 22, "ES": 24, "FR": 27, "GB": 22, "IE": 22,
	"IT": 27, "NL": 18, "PL": 28, "PT": 25, "SE": 24,
}

// ValidIBAN checks country length and the mod-97 check digits.
func ValidIBAN(s string) bool {
	s = compact(s)
	if len(s) < 5 {
		return false
	}
	n, ok := ibanLength[s[:2]]
	if !ok || len(s) != n || !allDigits(s[2:4]) {
		return false
	}
	return synth.Mod97(s[4:]+s[:4]) == 1
}

// bban returns a plausible basic bank account number for a country; where the national
// format has its own check digits (FR RIB key, ES DC, BE) they are computed too.
func (g *gen) bban(country string) string {
	switch country {
	case "DE":
		return pick(g, []string{"10010010", "37040044", "50010517", "70150000", "20050550", "12030000", "76026000", "43060967"}) + g.digits(10)
	case "GB":
		return pick(g, []string{"NWBK", "BARC", "HBUK", "LOYD", "MIDL"}) + g.digits(14)
	case "IE":
		return pick(g, []string{"AIBK", "BOFI"}) + g.digits(14)
	case "NL":
		return pick(g, []string{"ABNA", "INGB", "RABO", "TRIO", "SNSB", "KNAB"}) + g.digits(10)
	case "FR":
		bank := pick(g, []string{"30004", "30003", "20041", "10278", "30066", "11315"})
		branch, acct := g.digits(5), g.digits(11)
		return fmt.Sprintf("%s%s%s%02d", bank, branch, acct, synth.RIBKey(bank, branch, acct))
	case "ES":
		bank := pick(g, []string{"2100", "0049", "0182", "0081", "2085", "0128"})
		branch, acct := g.digits(4), g.digits(10)
		return bank + branch + strconv.Itoa(synth.ESControl("00"+bank+branch)) + strconv.Itoa(synth.ESControl(acct)) + acct
	case "IT":
		return g.letters(1) + pick(g, []string{"03069", "02008", "05034", "03062", "01030"}) + g.digits(5) + g.digits(12)
	case "BE":
		n := g.digits(10)
		v, _ := strconv.ParseInt(n, 10, 64)
		c := v % 97
		if c == 0 {
			c = 97
		}
		return fmt.Sprintf("%s%02d", n, c)
	case "PL":
		return pick(g, []string{"10201026", "11402004", "10501764", "12401040", "24901044"}) + g.digits(16)
	case "SE":
		return pick(g, []string{"500", "800", "600", "300"}) + g.digits(17)
	case "AT":
		return pick(g, []string{"20111", "12000", "32000", "14000"}) + g.digits(11)
	case "PT":
		return "0033" + g.digits(17)
	case "CH":
		return pick(g, []string{"00762", "00235", "80808"}) + g.digits(12)
	}
	panic("eval: no BBAN format for " + country)
}

func (g *gen) iban(country string) string { return synth.IBAN(country, g.bban(country)) }

// ---- Luhn (payment cards, SIREN, personnummer) ----

// ValidCard checks a payment card number: 13–19 digits, Luhn, a known issuer prefix.
func ValidCard(s string) bool {
	s = compact(s)
	if len(s) < 13 || len(s) > 19 || !synth.LuhnValid(s) {
		return false
	}
	p2, _ := strconv.Atoi(s[:2])
	p4, _ := strconv.Atoi(s[:4])
	switch {
	case s[0] == '4': // Visa
		return len(s) == 13 || len(s) == 16 || len(s) == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720: // Mastercard
		return len(s) == 16
	case p2 == 34 || p2 == 37: // American Express
		return len(s) == 15
	case p4 == 6011 || p2 == 65: // Discover
		return len(s) == 16
	}
	return false
}

// card returns a valid card number of a random brand, digits only.
func (g *gen) card() string {
	var prefix string
	n := 16
	switch g.weighted([]float64{5, 4, 1.5, 0.5}) {
	case 0:
		prefix = "4" + g.digits(5)
	case 1:
		if g.chance(0.8) {
			prefix = strconv.Itoa(g.between(51, 55)) + g.digits(4)
		} else {
			prefix = strconv.Itoa(g.between(2221, 2720)) + g.digits(2)
		}
	case 2:
		prefix, n = pick(g, []string{"34", "37"})+g.digits(4), 15
	default:
		prefix = "6011" + g.digits(2)
	}
	body := prefix + g.digits(n-1-len(prefix))
	return body + strconv.Itoa(synth.LuhnDigit(body))
}

// formatCard groups a card number the way people type it.
func formatCard(s, style string) string {
	switch style {
	case "space", "dash":
		sep := map[string]string{"space": " ", "dash": "-"}[style]
		if len(s) == 15 { // Amex 4-6-5
			return s[:4] + sep + s[4:10] + sep + s[10:]
		}
		return synth.GroupEvery(s, 4, sep)
	}
	return s
}

// ---- US SSN ----

// ValidSSN checks the shape rules of a US social security number: area not 000, 666
// or 9xx; group not 00; serial not 0000; not a well-known advertising number.
func ValidSSN(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) == 11 && s[3] == '-' && s[6] == '-' {
		s = s[:3] + s[4:6] + s[7:]
	}
	if len(s) != 9 || !allDigits(s) {
		return false
	}
	area, group, serial := s[:3], s[3:5], s[5:]
	switch {
	case area == "000", area == "666", area[0] == '9', group == "00", serial == "0000":
		return false
	case s == "078051120", s == "219099999", s == "123456789":
		return false
	}
	return true
}

func (g *gen) ssn() string {
	area := g.between(1, 899)
	for area == 666 {
		area = g.between(1, 899)
	}
	return fmt.Sprintf("%03d-%02d-%04d", area, g.between(1, 99), g.between(1, 9999))
}

// ---- UK National Insurance number ----

// ValidNINO checks a UK National Insurance number: two prefix letters from the allowed
// sets and not an unused pair, six digits, suffix A–D.
func ValidNINO(s string) bool {
	s = compact(s)
	if len(s) != 9 || !allDigits(s[2:8]) {
		return false
	}
	a, b, suf := s[0], s[1], s[8]
	if strings.IndexByte("ABCEGHJKLMNOPRSTWXYZ", a) < 0 || strings.IndexByte("ABCEGHJKLMNPRSTWXYZ", b) < 0 {
		return false
	}
	switch s[:2] {
	case "BG", "GB", "KN", "NK", "NT", "TN", "ZZ":
		return false
	}
	return suf >= 'A' && suf <= 'D'
}

func (g *gen) nino() string {
	for {
		p := g.from("ABCEGHJKLMNOPRSTWXYZ", 1) + g.from("ABCEGHJKLMNPRSTWXYZ", 1)
		s := p + g.digits(6) + g.from("ABCD", 1)
		if ValidNINO(s) {
			return s
		}
	}
}

// ---- ISO 7064 MOD 11,10 (German Steuer-ID, German VAT id) ----

// ValidSteuerID checks a German tax identification number: 11 digits, no leading zero,
// in the first ten digits exactly one digit repeated (twice, or three times but not in
// a row) and the ISO 7064 MOD 11,10 check digit.
func ValidSteuerID(s string) bool {
	s = compact(s)
	if len(s) != 11 || !allDigits(s) || s[0] == '0' {
		return false
	}
	var count [10]int
	for i := range 10 {
		count[digitAt(s, i)]++
	}
	repeated := 0
	for d, c := range count {
		switch {
		case c == 2:
			repeated++
		case c == 3:
			repeated++
			if strings.Contains(s[:10], strings.Repeat(strconv.Itoa(d), 3)) {
				return false
			}
		case c > 3:
			return false
		}
	}
	return repeated == 1 && synth.Mod11_10(s[:10]) == digitAt(s, 10)
}

func (g *gen) steuerID() string {
	for {
		perm := g.r.Perm(10)
		// nine distinct digits, one of them twice
		body := append([]int{}, perm[:9]...)
		body = append(body, perm[g.r.IntN(9)])
		g.r.Shuffle(len(body), func(i, j int) { body[i], body[j] = body[j], body[i] })
		if body[0] == 0 {
			continue
		}
		var b strings.Builder
		for _, d := range body {
			b.WriteByte(byte('0' + d))
		}
		s := b.String() + strconv.Itoa(synth.Mod11_10(b.String()))
		if ValidSteuerID(s) {
			return s
		}
	}
}

// germanVAT returns a German VAT id (USt-IdNr.), DE + 8 digits + MOD 11,10 check digit.
func (g *gen) germanVAT() string {
	body := strconv.Itoa(g.between(1, 9)) + g.digits(7)
	return "DE" + body + strconv.Itoa(synth.Mod11_10(body))
}

// ---- French NIR (numéro de sécurité sociale) ----

// ValidNIR checks a French social security number: sex, year, month, département
// (2A/2B for Corsica), commune, order number, and the key 97 − n mod 97.
func ValidNIR(s string) bool {
	s = compact(s)
	if len(s) != 15 {
		return false
	}
	body := s[:13]
	switch body[5:7] {
	case "2A":
		body = body[:5] + "19" + body[7:]
	case "2B":
		body = body[:5] + "18" + body[7:]
	}
	if !allDigits(body) || !allDigits(s[13:]) || strings.IndexByte("1278", s[0]) < 0 {
		return false
	}
	if m, _ := strconv.Atoi(s[3:5]); !(m >= 1 && m <= 12 || m >= 20 && m <= 42 || m >= 50 && m <= 99) {
		return false
	}
	n, _ := strconv.ParseInt(body, 10, 64)
	key, _ := strconv.Atoi(s[13:])
	return key == int(97-n%97)
}

func (g *gen) nir(female bool, birth time.Time) string {
	sex := "1"
	if female {
		sex = "2"
	}
	dept := pick(g, []string{"75", "69", "13", "33", "59", "31", "44", "67", "06", "2A", "2B", "92", "93", "94", "35", "34"})
	body := fmt.Sprintf("%s%02d%02d%s%03d%03d", sex, birth.Year()%100, int(birth.Month()), dept, g.between(1, 990), g.between(1, 999))
	num := strings.NewReplacer("2A", "19", "2B", "18").Replace(body)
	n, _ := strconv.ParseInt(num, 10, 64)
	return fmt.Sprintf("%s%02d", body, 97-n%97)
}

// formatNIR writes a NIR the way the carte Vitale prints it.
func formatNIR(s string) string {
	return s[0:1] + " " + s[1:3] + " " + s[3:5] + " " + s[5:7] + " " + s[7:10] + " " + s[10:13] + " " + s[13:]
}

// ---- Spanish DNI and NIE ----

// ValidDNI checks a Spanish DNI: eight digits and the mod-23 letter.
func ValidDNI(s string) bool {
	s = compact(s)
	if len(s) != 9 || !allDigits(s[:8]) {
		return false
	}
	n, _ := strconv.Atoi(s[:8])
	return s[8] == synth.DNILetters[n%23]
}

// ValidNIE checks a Spanish foreigner's id: X, Y or Z, seven digits, the mod-23 letter.
func ValidNIE(s string) bool {
	s = compact(s)
	if len(s) != 9 {
		return false
	}
	p := strings.IndexByte("XYZ", s[0])
	if p < 0 {
		return false
	}
	return ValidDNI(strconv.Itoa(p) + s[1:])
}

func (g *gen) dni() string {
	n := g.between(1000000, 99999999)
	return fmt.Sprintf("%08d%c", n, synth.DNILetters[n%23])
}

func (g *gen) nie() string {
	p := g.intn(3)
	n := g.between(0, 9999999)
	full, _ := strconv.Atoi(fmt.Sprintf("%d%07d", p, n))
	return fmt.Sprintf("%c%07d%c", "XYZ"[p], n, synth.DNILetters[full%23])
}

// ---- Italian codice fiscale ----

const (
	cfMonths   = "ABCDEHLMPRST"
	cfOmocodia = "LMNPQRSTUV" // letters that replace digits in homocode cases
)

// ValidCodiceFiscale checks an Italian fiscal code: layout (with homocode letters in
// digit positions), month letter, day (+40 for women) and the check letter.
func ValidCodiceFiscale(s string) bool {
	s = compact(s)
	if len(s) != 16 {
		return false
	}
	isL := func(c byte) bool { return c >= 'A' && c <= 'Z' }
	isD := func(c byte) bool { return c >= '0' && c <= '9' || strings.IndexByte(cfOmocodia, c) >= 0 }
	for i := range 15 {
		c := s[i]
		switch i {
		case 0, 1, 2, 3, 4, 5, 8, 11:
			if !isL(c) {
				return false
			}
		default:
			if !isD(c) {
				return false
			}
		}
	}
	if strings.IndexByte(cfMonths, s[8]) < 0 {
		return false
	}
	day := cfDigit(s[9])*10 + cfDigit(s[10])
	if !(day >= 1 && day <= 31 || day >= 41 && day <= 71) {
		return false
	}
	return s[15] == synth.ItalianCheckChar(s[:15])
}

func cfDigit(c byte) int {
	if c >= '0' && c <= '9' {
		return int(c - '0')
	}
	return strings.IndexByte(cfOmocodia, c)
}

func cfLetters(s string) (cons, vows string) {
	for _, r := range strings.ToUpper(asciiFold(s)) {
		switch {
		case strings.ContainsRune("AEIOU", r):
			vows += string(r)
		case r >= 'A' && r <= 'Z':
			cons += string(r)
		}
	}
	return cons, vows
}

func cfPart(s string, isName bool) string {
	cons, vows := cfLetters(s)
	if isName && len(cons) >= 4 {
		return cons[0:1] + cons[2:4]
	}
	return (cons + vows + "XXX")[:3]
}

// codiceFiscale builds the code of a person; comune is a Belfiore code such as H501.
func codiceFiscale(first, last string, female bool, birth time.Time, comune string) string {
	day := birth.Day()
	if female {
		day += 40
	}
	s := fmt.Sprintf("%s%s%02d%c%02d%s", cfPart(last, false), cfPart(first, true), birth.Year()%100, cfMonths[birth.Month()-1], day, comune)
	return s + string(synth.ItalianCheckChar(s))
}

// ---- Dutch BSN (elfproef) ----

// ValidBSN checks a Dutch citizen service number with the eleven test.
func ValidBSN(s string) bool {
	s = compact(s)
	if len(s) == 8 {
		s = "0" + s
	}
	if len(s) != 9 || !allDigits(s) || s == "000000000" {
		return false
	}
	sum := 0
	for i := range 8 {
		sum += (9 - i) * digitAt(s, i)
	}
	sum -= digitAt(s, 8)
	return sum%11 == 0
}

func (g *gen) bsn() string {
	for {
		s := strconv.Itoa(g.between(1, 6)) + g.digits(8)
		if ValidBSN(s) {
			return s
		}
	}
}

// ---- Polish PESEL, ID card, NIP ----

// ValidPESEL checks a Polish PESEL: an existing birth date (century in the month) and
// the weighted check digit.
func ValidPESEL(s string) bool {
	s = compact(s)
	if len(s) != 11 || !allDigits(s) {
		return false
	}
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i := range 10 {
		sum += w[i] * digitAt(s, i)
	}
	if (10-sum%10)%10 != digitAt(s, 10) {
		return false
	}
	yy, _ := strconv.Atoi(s[0:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	century := map[int]int{0: 1900, 1: 1900, 2: 2000, 3: 2000, 4: 2100, 5: 2100, 6: 2200, 7: 2200, 8: 1800, 9: 1800}[mm/10]
	m := mm % 20
	return validDate(century+yy, m, dd)
}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 {
		return false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t.Day() == d
}

func pesel(g *gen, female bool, birth time.Time) string {
	mm := int(birth.Month())
	if birth.Year() >= 2000 {
		mm += 20
	}
	serial := g.digits(3)
	sex := g.intn(5) * 2 // even for women
	if !female {
		sex++
	}
	s := fmt.Sprintf("%02d%02d%02d%s%d", birth.Year()%100, mm, birth.Day(), serial, sex)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i := range 10 {
		sum += w[i] * digitAt(s, i)
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

// ValidPolishIDCard checks a Polish identity card number (dowód osobisty): three letters,
// the check digit, five digits.
func ValidPolishIDCard(s string) bool {
	s = compact(s)
	if len(s) != 9 || !allDigits(s[3:]) {
		return false
	}
	for i := range 3 {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return polishIDCheck(s) == digitAt(s, 3)
}

func polishIDCheck(s string) int {
	w := []int{7, 3, 1, 0, 7, 3, 1, 7, 3}
	sum := 0
	for i := range 9 {
		if i == 3 {
			continue
		}
		c := s[i]
		v := int(c - '0')
		if c >= 'A' && c <= 'Z' {
			v = int(c-'A') + 10
		}
		sum += w[i] * v
	}
	return sum % 10
}

func (g *gen) polishIDCard() string {
	s := g.letters(3) + "0" + g.digits(5)
	return s[:3] + strconv.Itoa(polishIDCheck(s)) + s[4:]
}

// ValidNIP checks a Polish tax number: ten digits, weighted mod-11 check digit.
func ValidNIP(s string) bool {
	s = compact(s)
	if len(s) != 10 || !allDigits(s) {
		return false
	}
	w := []int{6, 5, 7, 2, 3, 4, 5, 6, 7}
	sum := 0
	for i := range 9 {
		sum += w[i] * digitAt(s, i)
	}
	return sum%11 != 10 && sum%11 == digitAt(s, 9)
}

func (g *gen) nip() string {
	for {
		s := strconv.Itoa(g.between(1, 9)) + g.digits(9)
		w := []int{6, 5, 7, 2, 3, 4, 5, 6, 7}
		sum := 0
		for i := range 9 {
			sum += w[i] * digitAt(s, i)
		}
		if sum%11 == 10 {
			continue
		}
		s = s[:9] + strconv.Itoa(sum%11)
		return s[:3] + "-" + s[3:6] + "-" + s[6:8] + "-" + s[8:]
	}
}

// ---- Swedish personnummer ----

// ValidPersonnummer checks a Swedish personal identity number (10 or 12 digits, with or
// without the separator): a valid date (day+60 for coordination numbers) and Luhn over
// the last ten digits.
func ValidPersonnummer(s string) bool {
	s = strings.TrimSpace(s)
	s = strings.NewReplacer("-", "", "+", "").Replace(s)
	if !allDigits(s) {
		return false
	}
	switch len(s) {
	case 12:
		s = s[2:]
	case 10:
	default:
		return false
	}
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	if dd > 60 {
		dd -= 60
	}
	yy, _ := strconv.Atoi(s[0:2])
	return validDate(1900+yy, mm, dd) && synth.LuhnValid(s)
}

func (g *gen) personnummer(female bool, birth time.Time) string {
	serial := g.digits(2)
	sex := g.intn(5) * 2
	if !female {
		sex++
	}
	body := fmt.Sprintf("%02d%02d%02d%s%d", birth.Year()%100, int(birth.Month()), birth.Day(), serial, sex)
	full := body + strconv.Itoa(synth.LuhnDigit(body))
	return full[:6] + "-" + full[6:]
}

// ---- Brazilian CPF ----

// ValidCPF checks a Brazilian CPF: eleven digits, not all equal, two mod-11 check digits.
func ValidCPF(s string) bool {
	s = compact(s)
	if len(s) != 11 || !allDigits(s) || strings.Count(s, s[:1]) == 11 {
		return false
	}
	return cpfDigit(s[:9]) == digitAt(s, 9) && cpfDigit(s[:10]) == digitAt(s, 10)
}

func cpfDigit(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += digitAt(s, i) * (len(s) + 1 - i)
	}
	return sum * 10 % 11 % 10
}

func (g *gen) cpf() string {
	b := g.digits(9)
	b += strconv.Itoa(cpfDigit(b))
	b += strconv.Itoa(cpfDigit(b))
	return b[0:3] + "." + b[3:6] + "." + b[6:9] + "-" + b[9:]
}

// ---- Chinese resident identity card ----

var cnWeights = []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}

const cnCheck = "10X98765432"

// ValidCNResidentID checks an 18-character PRC resident id: area, birth date, sequence
// and the ISO 7064 MOD 11-2 check character.
func ValidCNResidentID(s string) bool {
	s = compact(s)
	if len(s) != 18 || !allDigits(s[:17]) {
		return false
	}
	y, _ := strconv.Atoi(s[6:10])
	m, _ := strconv.Atoi(s[10:12])
	d, _ := strconv.Atoi(s[12:14])
	if y < 1900 || !validDate(y, m, d) {
		return false
	}
	return s[17] == cnCheckChar(s[:17])
}

func cnCheckChar(s string) byte {
	sum := 0
	for i := range 17 {
		sum += digitAt(s, i) * cnWeights[i]
	}
	return cnCheck[sum%11]
}

func cnResidentID(g *gen, area string, female bool, birth time.Time) string {
	seq := g.intn(50) * 2 // the last digit of the sequence is even for women
	if !female {
		seq++
	}
	s := fmt.Sprintf("%s%s%02d%d", area, birth.Format("20060102"), g.intn(10), seq%10)
	return s + string(cnCheckChar(s))
}

// ---- Taiwan national id ----

// twLetter maps the region letter to its two-digit value.
var twLetter = map[byte]int{
	'A': 10, 'B': 11, 'C': 12, 'D': 13, 'E': 14, 'F': 15, 'G': 16, 'H': 17, 'I': 34, 'J': 18,
	'K': 19, 'L': 20, 'M': 21, 'N': 22, 'O': 35, 'P': 23, 'Q': 24, 'R': 25, 'S': 26, 'T': 27,
	'U': 28, 'V': 29, 'W': 32, 'X': 30, 'Y': 31, 'Z': 33,
}

// ValidTWID checks a Taiwan national identification number: region letter, sex digit
// 1 or 2, eight digits, weighted mod-10 checksum.
func ValidTWID(s string) bool {
	s = compact(s)
	if len(s) != 10 || !allDigits(s[1:]) || (s[1] != '1' && s[1] != '2') {
		return false
	}
	v, ok := twLetter[s[0]]
	if !ok {
		return false
	}
	return twSum(v, s[1:])%10 == 0
}

func twSum(letter int, digits string) int {
	sum := letter/10 + letter%10*9
	for i := range 8 {
		sum += digitAt(digits, i) * (8 - i)
	}
	return sum + digitAt(digits, 8)
}

func twID(g *gen, region byte, female bool) string {
	sex := "1"
	if female {
		sex = "2"
	}
	body := sex + g.digits(7)
	for d := range 10 {
		s := string(region) + body + strconv.Itoa(d)
		if ValidTWID(s) {
			return s
		}
	}
	panic("unreachable")
}

// ---- Belgian national register number ----

// ValidBENationalNumber checks a Belgian rijksregisternummer: 97 − n mod 97 over the
// first nine digits (prefixed with 2 for people born from 2000).
func ValidBENationalNumber(s string) bool {
	s = compact(s)
	if len(s) != 11 || !allDigits(s) {
		return false
	}
	n, _ := strconv.ParseInt(s[:9], 10, 64)
	c, _ := strconv.Atoi(s[9:])
	n2, _ := strconv.ParseInt("2"+s[:9], 10, 64)
	return c == int(97-n%97) || c == int(97-n2%97)
}

func (g *gen) beNationalNumber(female bool, birth time.Time) string {
	seq := g.between(1, 498)
	if female != (seq%2 == 0) { // odd for men, even for women
		seq++
	}
	body := fmt.Sprintf("%02d%02d%02d%03d", birth.Year()%100, int(birth.Month()), birth.Day(), seq)
	num := body
	if birth.Year() >= 2000 {
		num = "2" + body
	}
	n, _ := strconv.ParseInt(num, 10, 64)
	s := fmt.Sprintf("%s%02d", body, 97-n%97)
	return s[0:2] + "." + s[2:4] + "." + s[4:6] + "-" + s[6:9] + "." + s[9:]
}

// ---- German health insurance number (KVNR) and pension insurance number ----

// crossSum of a small non-negative number.
func crossSum(n int) int { return n/10 + n%10 }

// kvnr returns a German health insurance number: a letter, eight digits and a check
// digit computed over the letter's two-digit value and the digits, weights 1,2,1,2,…
func (g *gen) kvnr() string {
	letter := g.letters(1)
	digits := g.digits(8)
	s := fmt.Sprintf("%02d%s", int(letter[0]-'A')+1, digits)
	sum := 0
	for i := 0; i < len(s); i++ {
		sum += crossSum(digitAt(s, i) * (1 + i%2))
	}
	return letter + digits + strconv.Itoa(sum%10)
}

// rvnr returns a German pension insurance number (Sozialversicherungsnummer): area,
// birth date DDMMYY, initial of the birth name, serial, check digit.
func (g *gen) rvnr(last string, female bool, birth time.Time) string {
	area := pick(g, []string{"12", "13", "15", "18", "25", "26", "28", "38", "39", "40", "65", "66"})
	serial := g.between(0, 49)
	if female {
		serial += 50
	}
	initial := strings.ToUpper(asciiFold(last))[:1]
	s := fmt.Sprintf("%s%s%02d%02d", area, birth.Format("020106"), int(initial[0]-'A')+1, serial)
	w := []int{2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1}
	sum := 0
	for i := range 12 {
		sum += crossSum(digitAt(s, i) * w[i])
	}
	return fmt.Sprintf("%s %s %s %02d%d", area, birth.Format("020106"), initial, serial, sum%10)
}

// ---- company identifiers and product codes (decoys) ----

// siren returns a French company number (9 digits, Luhn).
func (g *gen) siren() string {
	b := strconv.Itoa(g.between(3, 9)) + g.digits(7)
	return b + strconv.Itoa(synth.LuhnDigit(b))
}

// frenchVAT returns FR + key + SIREN, key = (12 + 3·(SIREN mod 97)) mod 97.
func (g *gen) frenchVAT() string {
	s := g.siren()
	n, _ := strconv.Atoi(s)
	return fmt.Sprintf("FR%02d%s", (12+3*(n%97))%97, s)
}

// ean13 returns a product barcode with its check digit.
func (g *gen) ean13() string {
	b := pick(g, []string{"400", "401", "300", "380", "590", "800", "871", "500", "840"}) + g.digits(9)
	return b + strconv.Itoa(eanDigit(b))
}

// ---- Austrian social insurance number, Swiss AHV number ----

// ValidATSVNR checks an Austrian Sozialversicherungsnummer: three serial digits, the
// weighted mod-11 check digit, the birth date DDMMYY.
func ValidATSVNR(s string) bool {
	s = compact(s)
	if len(s) != 10 || !allDigits(s) || s[0] == '0' {
		return false
	}
	c, ok := atCheck(s)
	return ok && c == digitAt(s, 3)
}

func atCheck(s string) (int, bool) {
	w := []int{3, 7, 9, 0, 5, 8, 4, 2, 1, 6}
	sum := 0
	for i := range 10 {
		sum += w[i] * digitAt(s, i)
	}
	return sum % 11, sum%11 != 10
}

func (g *gen) atSVNR(birth time.Time) string {
	for {
		s := strconv.Itoa(g.between(1, 9)) + g.digits(2) + "0" + birth.Format("020106")
		if c, ok := atCheck(s); ok {
			return s[:3] + strconv.Itoa(c) + " " + s[4:]
		}
	}
}

// ValidAHV checks a Swiss AHV/AVS number: 756, nine digits, EAN-13 check digit.
func ValidAHV(s string) bool {
	s = compact(s)
	if len(s) != 13 || !allDigits(s) || s[:3] != "756" {
		return false
	}
	return eanDigit(s[:12]) == digitAt(s, 12)
}

func eanDigit(s string) int {
	sum := 0
	for i := 0; i < len(s); i++ {
		d := digitAt(s, i)
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

func (g *gen) ahv() string {
	s := "756" + g.digits(9)
	s += strconv.Itoa(eanDigit(s))
	return s[:3] + "." + s[3:7] + "." + s[7:11] + "." + s[11:]
}

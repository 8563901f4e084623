package demo

// Generators for identifiers with real structure and check digits: national ids, IBANs,
// VAT numbers, card numbers, phone numbers, postcodes, IP addresses, e-mail local parts.
// Every function draws the same number of random values whatever the dates involved, so
// a different "now" changes dates and nothing else.

import (
	"fmt"
	"math/rand/v2"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/gdprscan/gdprscan/internal/synth"
)

type rng struct{ *rand.Rand }

func newRNG(seed1, seed2 uint64) rng { return rng{rand.New(rand.NewPCG(seed1, seed2))} }

// between returns an int in [lo, hi].
func (r rng) between(lo, hi int) int { return lo + r.IntN(hi-lo+1) }

func (r rng) pick(s []string) string { return s[r.IntN(len(s))] }

func (r rng) chance(percent int) bool { return r.IntN(100) < percent }

// digits returns n random decimal digits.
func (r rng) digits(n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('0' + r.IntN(10))
	}
	return string(b)
}

func (r rng) letters(n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func atoiDigit(b byte) int { return int(b - '0') }

// --- national identifiers ---------------------------------------------------------------

// steuerID returns a German tax identification number (11 digits): in the first ten one
// digit appears twice, one not at all, and the last digit is an ISO 7064 MOD 11,10 check.
func steuerID(r rng) string {
	d := r.Perm(10)[:9]
	all := append(append([]int(nil), d...), d[r.IntN(9)])
	r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	if all[0] == 0 {
		for i := 1; i < len(all); i++ {
			if all[i] != 0 {
				all[0], all[i] = all[i], all[0]
				break
			}
		}
	}
	var b strings.Builder
	for _, x := range all {
		b.WriteByte(byte('0' + x))
	}
	s := b.String()
	return s + strconv.Itoa(synth.Mod11_10(s))
}

// nir returns a French social security number (13 digits + 2-digit key = 97 - n mod 97).
func nir(r rng, male bool, birth time.Time) string {
	dept := r.between(1, 95)
	if dept == 20 { // Corsica uses 2A/2B
		dept = 21
	}
	commune, order := r.between(1, 990), r.between(1, 999)
	sex := 2
	if male {
		sex = 1
	}
	body := fmt.Sprintf("%d%02d%02d%02d%03d%03d", sex, birth.Year()%100, int(birth.Month()), dept, commune, order)
	n, _ := strconv.ParseInt(body, 10, 64)
	return fmt.Sprintf("%s%02d", body, 97-n%97)
}

// dni returns a Spanish DNI: 8 digits and the mod-23 control letter.
func dni(r rng) string {
	n := r.between(10000000, 79999999)
	return fmt.Sprintf("%08d%c", n, synth.DNILetter(n))
}

// bsn returns a Dutch citizen service number passing the "11-proof".
func bsn(r rng) string {
	for {
		s := strconv.Itoa(r.between(1, 6)) + r.digits(7)
		sum := 0
		for i := 0; i < 8; i++ {
			sum += (9 - i) * atoiDigit(s[i])
		}
		if last := sum % 11; last < 10 {
			return s + strconv.Itoa(last)
		}
	}
}

// pesel returns a Polish PESEL encoding the birth date and sex, with its check digit.
func pesel(r rng, male bool, birth time.Time) string {
	month := int(birth.Month())
	if birth.Year() >= 2000 {
		month += 20
	}
	serial := r.digits(3)
	sex := 2 * r.IntN(5) // even: female
	if male {
		sex++
	}
	s := fmt.Sprintf("%02d%02d%02d%s%d", birth.Year()%100, month, birth.Day(), serial, sex)
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3}
	sum := 0
	for i := range w {
		sum += w[i] * atoiDigit(s[i])
	}
	return s + strconv.Itoa((10-sum%10)%10)
}

// codiceFiscale derives the Italian tax code from name, sex, birth date and birthplace.
func codiceFiscale(first, last string, male bool, birth time.Time, belfiore string) string {
	code := func(name string, isFirst bool) string {
		var cons, vows []byte
		for _, c := range []byte(strings.ToUpper(asciiFold(name, ""))) {
			switch {
			case strings.IndexByte("AEIOU", c) >= 0:
				vows = append(vows, c)
			case c >= 'A' && c <= 'Z':
				cons = append(cons, c)
			}
		}
		if isFirst && len(cons) >= 4 {
			return string([]byte{cons[0], cons[2], cons[3]})
		}
		s := string(cons) + string(vows) + "XXX"
		return s[:3]
	}
	day := birth.Day()
	if !male {
		day += 40
	}
	s := fmt.Sprintf("%s%s%02d%c%02d%s", code(last, false), code(first, true), birth.Year()%100,
		"ABCDEHLMPRST"[birth.Month()-1], day, belfiore)
	return s + string(synth.ItalianCheckChar(s))
}

// --- IBAN ---------------------------------------------------------------------------------

// iban returns an IBAN for the country, national check digits included where the BBAN
// has them (FR RIB key, ES DC, IT CIN, PL bank check digit, PT NIB key).
func iban(r rng, cc string) string {
	var bban string
	switch cc {
	case "DE":
		bban = r.pick([]string{"10070000", "20050550", "37040044", "50010517", "70150000", "12030000", "60050101", "30050110"}) + r.digits(10)
	case "FR":
		bank, branch, acct := r.pick([]string{"30004", "30003", "20041", "10278", "11315"}), r.digits(5), r.digits(11)
		bban = fmt.Sprintf("%s%s%s%02d", bank, branch, acct, synth.RIBKey(bank, branch, acct))
	case "ES":
		bank, branch, acct := r.pick([]string{"0049", "0182", "2100", "0081", "2085"}), r.digits(4), r.digits(10)
		bban = fmt.Sprintf("%s%s%d%d%s", bank, branch, synth.ESControl("00"+bank+branch), synth.ESControl(acct), acct)
	case "IT":
		rest := r.pick([]string{"03069", "02008", "05034", "03062"}) + r.digits(5) + r.digits(12)
		bban = string(synth.ItalianCheckChar(rest)) + rest
	case "NL":
		bban = r.pick([]string{"ABNA", "INGB", "RABO", "SNSB", "TRIO"}) + r.digits(10)
	case "PL":
		routing := r.pick([]string{"109", "102", "114", "124", "105"}) + r.digits(4)
		w := []int{3, 9, 7, 1, 3, 9, 7}
		sum := 0
		for i := range w {
			sum += w[i] * atoiDigit(routing[i])
		}
		bban = routing + strconv.Itoa((10-sum%10)%10) + r.digits(16)
	case "GB":
		bban = r.pick([]string{"NWBK", "BARC", "HBUK", "LOYD", "MIDL"}) + r.digits(6) + r.digits(8)
	case "SE":
		bban = r.pick([]string{"500", "800", "600", "300"}) + r.digits(17)
	case "PT":
		body := r.pick([]string{"0035", "0033", "0007", "0010"}) + r.digits(4) + r.digits(11)
		bban = fmt.Sprintf("%s%02d", body, 98-synth.Mod97(body+"00"))
	default:
		panic("demo: no IBAN format for " + cc)
	}
	return synth.IBAN(cc, bban)
}

// --- VAT numbers -----------------------------------------------------------------------

func weightedMod11(s string, w []int) int {
	sum := 0
	for i := range w {
		sum += w[i] * atoiDigit(s[i])
	}
	return sum % 11
}

// vatNumber returns a VAT identification number with the country's check rule.
func vatNumber(r rng, cc string) string {
	for {
		switch cc {
		case "DE":
			s := strconv.Itoa(r.between(1, 9)) + r.digits(7)
			return "DE" + s + strconv.Itoa(synth.Mod11_10(s))
		case "FR":
			p := strconv.Itoa(r.between(3, 9)) + r.digits(7)
			siren := p + strconv.Itoa(synth.LuhnDigit(p))
			n, _ := strconv.Atoi(siren)
			return fmt.Sprintf("FR%02d%s", (12+3*(n%97))%97, siren)
		case "ES":
			letter := r.pick([]string{"A", "B"})
			s := r.digits(7)
			sum := 0
			for i := 0; i < 7; i++ {
				d := atoiDigit(s[i])
				if i%2 == 0 {
					d *= 2
					d = d/10 + d%10
				}
				sum += d
			}
			return fmt.Sprintf("ES%s%s%d", letter, s, (10-sum%10)%10)
		case "IT":
			p := r.digits(7) + fmt.Sprintf("%03d", r.between(1, 100))
			sum := 0
			for i := 0; i < 10; i++ {
				d := atoiDigit(p[i])
				if i%2 == 1 {
					d *= 2
					if d > 9 {
						d -= 9
					}
				}
				sum += d
			}
			return fmt.Sprintf("IT%s%d", p, (10-sum%10)%10)
		case "NL":
			s := strconv.Itoa(r.between(1, 9)) + r.digits(7)
			if c := weightedMod11(s, []int{9, 8, 7, 6, 5, 4, 3, 2}); c < 10 {
				return fmt.Sprintf("NL%s%dB01", s, c)
			}
		case "PL":
			s := strconv.Itoa(r.between(1, 9)) + r.digits(8)
			if c := weightedMod11(s, []int{6, 5, 7, 2, 3, 4, 5, 6, 7}); c < 10 {
				return fmt.Sprintf("PL%s%d", s, c)
			}
		case "GB":
			s := strconv.Itoa(r.between(1, 9)) + r.digits(6)
			sum := 0
			for i := 0; i < 7; i++ {
				sum += (8 - i) * atoiDigit(s[i])
			}
			return fmt.Sprintf("GB%s%02d", s, (97-sum%97)%97)
		case "SE":
			p := "5568" + r.digits(5)
			return fmt.Sprintf("SE%s%d01", p, synth.LuhnDigit(p))
		case "PT":
			s := "5" + r.digits(7)
			c := 11 - weightedMod11(s, []int{9, 8, 7, 6, 5, 4, 3, 2})
			if c >= 10 {
				c = 0
			}
			return fmt.Sprintf("PT%s%d", s, c)
		default:
			panic("demo: no VAT format for " + cc)
		}
	}
}

// --- payment cards -------------------------------------------------------------------------

type cardBrand int

const (
	visa cardBrand = iota
	mastercard
	amex
)

// cardNumber returns a Luhn-valid PAN with a real IIN for the brand.
func cardNumber(r rng, b cardBrand) string {
	var prefix string
	n := 16
	switch b {
	case visa:
		prefix = "4" + r.pick([]string{"53201", "91182", "17123", "24000", "65865", "70212", "00115"})
	case mastercard:
		if r.chance(70) {
			prefix = strconv.Itoa(r.between(51, 55)) + r.digits(4)
		} else {
			prefix = strconv.Itoa(r.between(2221, 2720)) + r.digits(2)
		}
	case amex:
		prefix = r.pick([]string{"34", "37"}) + r.digits(4)
		n = 15
	}
	payload := prefix + r.digits(n-1-len(prefix))
	return payload + strconv.Itoa(synth.LuhnDigit(payload))
}

func (r rng) brand() cardBrand {
	switch x := r.IntN(20); {
	case x < 11:
		return visa
	case x < 18:
		return mastercard
	}
	return amex
}

// maskPAN keeps the first six and last four digits.
func maskPAN(pan string) string {
	return pan[:6] + strings.Repeat("*", len(pan)-10) + pan[len(pan)-4:]
}

// spacedPAN prints a PAN in its card groups (4-4-4-4, Amex 4-6-5) joined by sep.
func spacedPAN(pan, sep string) string {
	if len(pan) == 15 {
		return pan[:4] + sep + pan[4:10] + sep + pan[10:]
	}
	return pan[:4] + sep + pan[4:8] + sep + pan[8:12] + sep + pan[12:]
}

// --- phones, postcodes, addresses, IPs ------------------------------------------------------

// mobileNational returns a national mobile number (no trunk prefix) and the same number
// spaced the way people type it into a note ("171 2345678", FR "6 12 34 56 78").
func mobileNational(r rng, c *country) (national, spaced string) {
	p := r.pick(c.Mobile)
	rest := r.digits(c.MobileLen - len(p))
	return p + rest, p + " " + groupDigits(rest, c.Code == "FR")
}

func groupDigits(s string, pairs bool) string {
	if pairs {
		var b strings.Builder
		for i := 0; i < len(s); i += 2 {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s[i:min(i+2, len(s))])
		}
		return b.String()
	}
	switch len(s) {
	case 8:
		return s[:4] + " " + s[4:]
	case 7:
		return s[:3] + " " + s[3:]
	case 6:
		return s[:3] + " " + s[3:]
	}
	return s
}

// landlineNational returns a national fixed-line number in the city's area.
func landlineNational(r rng, ci *city) string {
	first := ci.First
	if first == "" {
		first = "2345678"
	}
	return ci.Area + r.letters(1, first) + r.digits(ci.Subscriber-1)
}

func e164(c *country, national string) string { return "+" + c.Dial + national }

func postcode(r rng, c *country, ci *city) string {
	switch c.Code {
	case "GB":
		return r.pick(ci.Districts) + " " + strconv.Itoa(r.between(1, 9)) + r.letters(2, "ABDEFGHJLNPQRSTUWXYZ")
	case "NL":
		return fmt.Sprintf("%04d %s", r.between(ci.PostLo, ci.PostHi), r.letters(2, "ABCDEGHJKLMNPRTVWXZ"))
	case "PL":
		n := r.between(ci.PostLo, ci.PostHi)
		return fmt.Sprintf("%02d-%03d", n/1000, n%1000)
	case "SE":
		n := r.between(ci.PostLo, ci.PostHi)
		return fmt.Sprintf("%03d %02d", n/100, n%100)
	case "PT":
		return fmt.Sprintf("%04d-%03d", r.between(ci.PostLo, ci.PostHi), r.between(1, 999))
	}
	return fmt.Sprintf("%05d", r.between(ci.PostLo, ci.PostHi))
}

func streetAddress(r rng, c *country) string {
	street, no := r.pick(c.Streets), r.between(1, 180)
	if c.NumFirst {
		return fmt.Sprintf("%d %s", no, street)
	}
	return fmt.Sprintf("%s%s%d", street, c.NumSep, no)
}

func ipAddress(r rng) string {
	if r.chance(65) {
		return fmt.Sprintf("%d.%d.%d.%d", ipv4FirstOctets[r.IntN(len(ipv4FirstOctets))], r.IntN(256), r.IntN(256), r.between(1, 254))
	}
	var a [16]byte
	p := ipv6Prefixes[r.IntN(len(ipv6Prefixes))]
	copy(a[:], p[:])
	for i := 4; i < 16; i++ {
		a[i] = byte(r.IntN(256))
	}
	return netip.AddrFrom16(a).String()
}

// --- text folding ---------------------------------------------------------------------

var foldMap = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ą': "a",
	'ç': "c", 'ć': "c", 'č': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ę': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ł': "l", 'ñ': "n", 'ń': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ś': "s", 'š': "s", 'ù': "u", 'ú': "u", 'û': "u", 'ü': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
	'ß': "ss", 'æ': "ae", 'œ': "oe",
}

var germanFold = map[rune]string{'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss"}

// asciiFold transliterates to ASCII; German umlauts become ae/oe/ue when cc is "DE".
func asciiFold(s, cc string) string {
	var b strings.Builder
	for _, c := range s {
		lower := unicode.ToLower(c)
		rep, ok := "", false
		if cc == "DE" {
			rep, ok = germanFold[lower]
		}
		if !ok {
			rep, ok = foldMap[lower]
		}
		switch {
		case !ok:
			b.WriteRune(c)
		case unicode.IsUpper(c):
			b.WriteString(strings.ToUpper(rep[:1]) + rep[1:])
		default:
			b.WriteString(rep)
		}
	}
	return b.String()
}

// mailPart folds a name into e-mail local-part characters: "van den Berg" → "vandenberg".
func mailPart(name, cc string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(asciiFold(name, cc)) {
		if c >= 'a' && c <= 'z' {
			b.WriteRune(c)
		}
	}
	return b.String()
}

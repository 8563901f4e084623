// Package synth holds the arithmetic of synthetic personal data shared by the demo CRM
// (internal/demo) and the labelled evaluation corpus (internal/eval): the check digits
// of IBANs, payment cards and national identifiers, and how they are printed. It is
// written from the published algorithms, apart from rules/detect, so that generated
// data does not inherit the detectors' mistakes. Randomness stays with each generator:
// every function here is pure, so moving a generator onto it keeps its output.
package synth

import (
	"strconv"
	"strings"
)

// Mod97 is the remainder modulo 97 of digits and upper-case letters (A=10 … Z=35), as
// ISO 13616 (IBAN) and ISO 7064 define it; -1 when s holds anything else.
func Mod97(s string) int {
	rem := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A') + 10) % 97
		default:
			return -1
		}
	}
	return rem
}

// IBAN puts the country code and its two check digits in front of a BBAN.
func IBAN(country, bban string) string {
	check := strconv.Itoa(98 - Mod97(bban+country+"00"))
	if len(check) == 1 {
		check = "0" + check
	}
	return country + check + bban
}

// GroupEvery cuts s into groups of n joined by sep; the last group may be shorter.
func GroupEvery(s string, n int, sep string) string {
	var parts []string
	for len(s) > n {
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return strings.Join(append(parts, s), sep)
}

// GroupIBAN prints an IBAN in blocks of four, as on statements.
func GroupIBAN(s string) string { return GroupEvery(s, 4, " ") }

// RIBKey is the French "clé RIB" of a bank code, branch code and account number (all
// digits): 97 − (89·bank + 15·branch + 3·account) mod 97.
func RIBKey(bank, branch, account string) int {
	b, _ := strconv.ParseInt(bank, 10, 64)
	g, _ := strconv.ParseInt(branch, 10, 64)
	a, _ := strconv.ParseInt(account, 10, 64)
	return int(97 - (89*b+15*g+3*a)%97)
}

// ESControl is one of the two Spanish account "dígitos de control" over ten digits.
func ESControl(s string) int {
	w := []int{1, 2, 4, 8, 5, 10, 9, 7, 3, 6}
	sum := 0
	for i := range w {
		sum += w[i] * int(s[i]-'0')
	}
	switch d := 11 - sum%11; d {
	case 11:
		return 0
	case 10:
		return 1
	default:
		return d
	}
}

// LuhnValid checks the Luhn checksum of at least two digits.
func LuhnValid(s string) bool {
	if len(s) < 2 {
		return false
	}
	sum := 0
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		d := int(s[i] - '0')
		if (len(s)-1-i)%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// LuhnDigit is the check digit that makes payload+digit pass Luhn (cards, SIREN,
// personnummer).
func LuhnDigit(payload string) int {
	sum := 0
	for i := len(payload) - 1; i >= 0; i-- {
		d := int(payload[i] - '0')
		if (len(payload)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return (10 - sum%10) % 10
}

// Mod11_10 is the ISO 7064 MOD 11,10 check digit (German Steuer-ID and VAT number).
func Mod11_10(s string) int {
	product := 10
	for i := 0; i < len(s); i++ {
		sum := (int(s[i]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = (sum * 2) % 11
	}
	if check := 11 - product; check != 10 {
		return check
	}
	return 0
}

// DNILetters are the Spanish DNI/NIE control letters, indexed by the number mod 23.
const DNILetters = "TRWAGMYFPDXBNJZSQVHLCKE"

// DNILetter is the control letter of a DNI number.
func DNILetter(n int) byte { return DNILetters[n%23] }

// italianOdd are the values of the characters at odd (1-based) positions of the Italian
// check character (codice fiscale, bank CIN); digits take the values of A–J.
var italianOdd = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

// ItalianCheckChar is the check letter over digits and upper-case letters: the codice
// fiscale's sixteenth character over its first fifteen, or a bank account's CIN.
func ItalianCheckChar(s string) byte {
	sum := 0
	for i := 0; i < len(s); i++ {
		v := int(s[i] - 'A')
		if s[i] >= '0' && s[i] <= '9' {
			v = int(s[i] - '0')
		}
		if i%2 == 0 {
			v = italianOdd[v]
		}
		sum += v
	}
	return byte('A' + sum%26)
}

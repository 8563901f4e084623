package detect

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Small value helpers shared by the detector families.

func isDigits(s string) bool {
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

func isHexByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isHex(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isHexByte(s[i]) {
			return false
		}
	}
	return true
}

func isUpperASCII(c byte) bool { return 'A' <= c && c <= 'Z' }
func isDigit(c byte) bool      { return '0' <= c && c <= '9' }

// isUUID reports the 8-4-4-4-12 hex form, with or without braces.
func isUUID(s string) bool {
	s = strings.TrimSuffix(strings.TrimPrefix(s, "{"), "}")
	if len(s) != 36 {
		return false
	}
	for i := 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			if s[i] != '-' {
				return false
			}
		default:
			if !isHexByte(s[i]) {
				return false
			}
		}
	}
	return true
}

// atoi parses a short run of ASCII digits; it returns -1 for anything else.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// enumKey folds a value for lookup in a value vocabulary: "Römisch-Katholisch " →
// "roemisch katholisch". Letters, digits and + are kept, anything else separates words.
func enumKey(v string) string {
	if len(v) > 64 {
		return ""
	}
	b := make([]byte, 0, len(v)+4)
	space := false
	word := func() {
		if space && len(b) > 0 {
			b = append(b, ' ')
		}
		space = false
	}
	for _, r := range v {
		switch {
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'A' <= c && c <= 'Z':
				c += 'a' - 'A'
			case 'a' <= c && c <= 'z', isDigit(c), c == '+':
			default:
				space = true
				continue
			}
			word()
			b = append(b, c)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			word()
			if unicode.Is(unicode.Han, r) {
				b = utf8.AppendRune(b, simplified(r))
				continue
			}
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				b = append(b, f...)
			} else {
				b = utf8.AppendRune(b, r)
			}
		default:
			space = true
		}
	}
	return string(b)
}

// enumSet builds a value vocabulary from comma-separated entries.
func enumSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, e := range strings.Split(s, ",") {
		if k := enumKey(strings.TrimSpace(e)); k != "" {
			m[k] = true
		}
	}
	return m
}

// neutralValues say nothing about a person: they are left out of value ratios of enum
// categories ("none", "keine Angabe", "n/a").
var neutralValues = enumSet("none, no, nein, non, no aplica, nessuna, nessuno, geen, brak, nie, nao, " +
	"wu, 无, n a, na, n/a, -, ?, unknown, unbekannt, inconnu, desconocido, sconosciuto, onbekend, " +
	"nieznany, desconhecido, keine, keine angabe, aucune, aucun, ninguna, ninguno, nenhum, nenhuma, " +
	"not specified, not stated, prefer not to say, prefer not to answer, declined, ohne, sans, sin, " +
	"senza, zonder, bez, other, sonstige, autre, otro, otra, altro, altra, anders, inne, outro, " +
	"none declared, nothing, nil, null, 0, false, true, yes, ja, oui, si, sì, tak, sim, 是, 否")

// Dates.

// parseDate reads the dates CRMs store: 1985-03-12, 1985-03-12 00:00:00, 1985-03-12T00:00:00Z,
// 12.03.1985, 12/03/1985, 03/12/1985, 19850312, 1985/03/12. It reports whether s is a valid
// calendar date.
func parseDate(s string) (y, m, d int, ok bool) {
	if len(s) > 10 && (s[10] == ' ' || s[10] == 'T') {
		s = s[:10]
	}
	if len(s) == 8 && isDigits(s) {
		y, m, d = atoi(s[:4]), atoi(s[4:6]), atoi(s[6:])
		return y, m, d, validDate(y, m, d)
	}
	sep := strings.IndexAny(s, "-./")
	if sep < 0 || len(s) > 10 {
		return 0, 0, 0, false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	a, b, c := atoi(parts[0]), atoi(parts[1]), atoi(parts[2])
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = a, b, c
	case len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2:
		y = c
		if b > 12 && a <= 12 { // US month/day/year
			m, d = a, b
		} else {
			d, m = a, b
		}
	default:
		return 0, 0, 0, false
	}
	return y, m, d, validDate(y, m, d)
}

func validDate(y, m, d int) bool {
	if y < 1 || m < 1 || m > 12 || d < 1 {
		return false
	}
	days := [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
	if m == 2 && (y%4 == 0 && y%100 != 0 || y%400 == 0) {
		days = 29
	}
	return d <= days
}

// Checksums.

// luhn reports whether a string of digits passes the Luhn check.
func luhn(d string) bool {
	sum, double := 0, false
	for i := len(d) - 1; i >= 0; i-- {
		n := int(d[i] - '0')
		if double {
			n *= 2
			if n > 9 {
				n -= 9
			}
		}
		sum += n
		double = !double
	}
	return len(d) > 1 && sum%10 == 0
}

// mod97 computes a number, given as digits and letters (A=10 … Z=35), modulo 97.
func mod97(s string) int {
	r := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case isDigit(c):
			r = (r*10 + int(c-'0')) % 97
		case isUpperASCII(c):
			r = (r*100 + int(c-'A') + 10) % 97
		default:
			return -1
		}
	}
	return r
}

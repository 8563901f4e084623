package detect

import (
	"net/netip"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Masks are applied when an example is made; a Result never holds a raw value.
// Every mask keeps at most a short prefix and suffix that identify the format (card IIN,
// IBAN country, phone country code) and always hides enough to never equal or contain
// the original value.

const stars = "***"

// maskGeneric keeps the first character: "Müller" → "M***". Values of three characters
// or fewer are hidden completely.
func maskGeneric(v string) string {
	if utf8.RuneCountInString(v) <= 3 {
		return stars
	}
	r, _ := utf8.DecodeRuneInString(v)
	return string(r) + stars
}

// maskEmail: "jane.doe@example.com" → "j***@e***.com".
func maskEmail(v string) string {
	if addrs := mailboxes(v); len(addrs) > 0 {
		v = addrs[0] // the first address of a list, without the display name
	}
	at := strings.LastIndexByte(v, '@')
	if at <= 0 {
		return maskGeneric(v)
	}
	local, domain := v[:at], v[at+1:]
	tld := ""
	if i := strings.LastIndexByte(domain, '.'); i > 0 {
		tld = domain[i:]
	}
	l, _ := utf8.DecodeRuneInString(local)
	d, _ := utf8.DecodeRuneInString(domain)
	return string(l) + stars + "@" + string(d) + stars + tld
}

// maskCard keeps the IIN and the last four digits: "4111 1111 1111 1111" → "411111******1111".
func maskCard(v string) string {
	d := digitsOf(v)
	if len(d) < 13 {
		return maskGeneric(v)
	}
	return d[:6] + strings.Repeat("*", len(d)-10) + d[len(d)-4:]
}

// maskIBAN keeps the country, check digits and last four characters, with a fixed run of
// stars so the length is not shown: "DE89 3704 0044 0532 0130 00" → "DE89************3000".
func maskIBAN(v string) string {
	s := compactUpper(v)
	if len(s) < 12 {
		return maskGeneric(v)
	}
	return s[:4] + strings.Repeat("*", 12) + s[len(s)-4:]
}

// maskPhone keeps the country code and the last two digits: "+49 171 1234567" and
// "0171 1234567" (parsed in the default regions) → "+49 ***67".
func maskPhone(v string, e *env) string {
	d := digitsOf(v)
	if len(d) < 6 {
		return stars
	}
	cc := 0
	if n, err := phonenumbers.Parse(internationalise(v), "ZZ"); err == nil {
		cc = int(n.GetCountryCode())
	} else if e != nil {
		trunk := strings.HasPrefix(strings.TrimLeft(v, " ("), "0")
		for _, r := range e.regions {
			if !trunk && !writtenWithoutTrunk(r) && !strings.HasPrefix(d, strconv.Itoa(phonenumbers.GetCountryCodeForRegion(r))) {
				continue
			}
			if n, err := phonenumbers.Parse(v, r); err == nil && phonenumbers.IsValidNumber(n) {
				cc = int(n.GetCountryCode())
				break
			}
		}
	}
	if cc == 0 {
		return stars + d[len(d)-2:]
	}
	return "+" + strconv.Itoa(cc) + " " + stars + d[len(d)-2:]
}

// maskIP keeps the first octet or group: "192.168.1.20" → "192.*.*.*", "2001:db8::1" → "2001:***".
func maskIP(v string) string {
	a, err := netip.ParseAddr(v)
	if err != nil {
		return maskGeneric(v)
	}
	if a.Is4() {
		return strconv.Itoa(int(a.As4()[0])) + ".*.*.*"
	}
	b := a.As16()
	return strconv.FormatUint(uint64(b[0])<<8|uint64(b[1]), 16) + ":" + stars
}

// maskMAC keeps the vendor prefix (OUI): "00:1A:2B:3C:4D:5E" → "00:1A:2B:**:**:**".
func maskMAC(v string) string {
	h := hexDigitsOf(v)
	if len(h) != 12 && len(h) != 16 {
		return maskGeneric(v)
	}
	h = strings.ToUpper(h)
	return h[0:2] + ":" + h[2:4] + ":" + h[4:6] + ":**:**:**"
}

// maskKind shows only what kind of secret a value is: "[bcrypt]", "[plaintext]".
func maskKind(v string) string { return "[" + PasswordKind(v) + "]" }

// maskLabel hides the value completely and shows its category; used for enum values of
// special categories, where even a first letter says too much.
func maskLabel(label string) func(string, *env) string {
	return func(string, *env) string { return "[" + label + "]" }
}

// plain adapts a mask that needs no environment.
func plain(f func(string) string) func(string, *env) string {
	return func(v string, _ *env) string { return f(v) }
}

func digitsOf(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if c := v[i]; '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

func hexDigitsOf(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if isHexByte(v[i]) {
			b.WriteByte(v[i])
		}
	}
	return b.String()
}

// compactUpper drops spaces and dashes and upper-cases ASCII letters.
func compactUpper(v string) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == ' ' || c == '-' || c == '\t':
		case 'a' <= c && c <= 'z':
			b.WriteByte(c - 'a' + 'A')
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

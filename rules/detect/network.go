package detect

import (
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// Online identifiers: IP address, MAC address and other device ids, geo coordinates.

// IP address.

var ipDetector = detector{
	cat: IPAddress, types: textTypes | types(typeNet, typeInt, typeBinary), check: checkIP, mask: plain(maskIP),
	strict: true, highCard: true,
}

// checkIP: an IPv4 or IPv6 address (net/netip: no leading zeros, so "1.2.3" or "01.2.3.4"
// version strings fail) is strong; a network prefix or an IPv4 stored as a number is weak.
func checkIP(v string, _ *env) level {
	if len(v) > 64 {
		return lvNone
	}
	if _, err := netip.ParseAddr(v); err == nil {
		return lvStrong
	}
	if _, err := netip.ParsePrefix(v); err == nil {
		return lvWeak
	}
	if n, err := strconv.ParseUint(v, 10, 32); err == nil && n > 1<<24 {
		return lvWeak
	}
	return lvNone
}

// MAC address and device ids.

var macDetector = detector{
	cat: DeviceID, types: textTypes | types(typeNet), check: checkMAC, mask: plain(maskMAC),
	strict: true, highCard: true,
}

// checkMAC: EUI-48 and EUI-64 addresses written with colons, dashes or dots.
func checkMAC(v string, _ *env) level {
	if len(v) < 12 || len(v) > 23 {
		return lvNone
	}
	hw, err := net.ParseMAC(v)
	if err != nil || (len(hw) != 6 && len(hw) != 8) || !strings.ContainsAny(v, ":-.") {
		if len(v) == 12 && isHex(v) {
			return lvWeak
		}
		return lvNone
	}
	return lvStrong
}

var deviceDetector = detector{
	cat: DeviceID, types: textTypes | types(typeUUID, typeBinary, typeInt, typeNet), check: checkDeviceID,
	mask: plain(maskGeneric), highCard: true,
}

// User agents and browsers.

var userAgentDetector = detector{cat: DeviceID, types: textTypes, check: checkUserAgent, mask: plain(maskGeneric)}

// browserNames are browsers and in-app clients as analytics tables name them.
var browserNames = wordList("browser_names")

// checkUserAgent: a user-agent string (Mozilla/5.0 (…) …, curl/8.0, okhttp/4.9) or a browser
// name with an optional version is strong; other short texts are plausible.
func checkUserAgent(v string, _ *env) level {
	if len(v) > 1024 {
		return lvNone
	}
	if strings.HasPrefix(v, "Mozilla/") || strings.Contains(v, "AppleWebKit") || strings.Contains(v, "Gecko/") {
		return lvStrong
	}
	if i := strings.IndexByte(v, '/'); i > 1 && i < len(v)-1 && !strings.Contains(v[:i], " ") && isDigit(v[i+1]) {
		return lvStrong // product/version
	}
	ws := strings.FieldsFunc(strings.ToLower(v), func(r rune) bool { return !(r >= 'a' && r <= 'z') })
	if len(ws) > 0 && len(ws) <= 4 && browserNames[ws[0]] {
		return lvStrong
	}
	return checkShortText(v, nil)
}

// checkDeviceID: a MAC or an IMEI (15 digits, Luhn) is strong; UUIDs (advertising ids),
// hex ids and long tokens are plausible; small numbers are keys to a device table.
func checkDeviceID(v string, e *env) level {
	if checkMAC(v, e) == lvStrong || len(v) == 15 && isDigits(v) && luhn(v) {
		return lvStrong
	}
	if isUUID(v) || len(v) >= 16 && len(v) <= 64 && isHex(v) {
		return lvWeak
	}
	if len(v) >= 20 && len(v) <= 512 && tokenChars(v) {
		return lvWeak
	}
	return lvNone
}

// tokenChars: letters, digits and the punctuation of tokens and cookies.
func tokenChars(v string) bool {
	for i := 0; i < len(v); i++ {
		c := v[i]
		if !(isDigit(c) || isUpperASCII(c) || 'a' <= c && c <= 'z' || strings.IndexByte("-_.:=+/", c) >= 0) {
			return false
		}
	}
	return true
}

// Geo coordinates.

// geoDetector: coordinates precise to about 100 m confirm a coordinate name on their own (they
// locate a home or a device) except in company, object and lookup tables.
var geoDetector = detector{
	cat: GeoLocation, types: textTypes | numericTypes | types(typeGeo), check: checkGeo, probe: isGeoPair,
	valueOnlyAt: 0.8, valueCap: 0.8, quasi: true, highCard: true, confirmLifts: true, probeFirst: true,
}

// checkGeo: a coordinate pair or a WKT point is strong, as is a single coordinate with at
// least three decimals (about 100 m); other numbers within ±180 are plausible.
func checkGeo(v string, e *env) level {
	if isGeoPair(v, e) {
		return lvStrong
	}
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || f < -180 || f > 180 {
		return lvNone
	}
	if i := strings.IndexByte(v, '.'); i >= 0 && len(v)-i-1 >= 3 {
		return lvStrong
	}
	return lvWeak
}

// isGeoPair: "52.5200,13.4050", "(52.52, 13.405)", "POINT(13.405 52.52)", "SRID=4326;POINT(…)".
func isGeoPair(v string, _ *env) bool {
	if len(v) > 80 {
		return false
	}
	s := strings.ToUpper(v)
	if i := strings.IndexByte(s, ';'); i >= 0 && strings.HasPrefix(s, "SRID=") {
		s = s[i+1:]
	}
	s = strings.TrimPrefix(s, "POINT")
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimPrefix(s, "("), ")")
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
	if len(parts) != 2 {
		return false
	}
	return coordinate(parts[0], 90) && coordinate(parts[1], 180) || coordinate(parts[0], 180) && coordinate(parts[1], 90)
}

// coordinate: a decimal within ±limit with at least two decimals.
func coordinate(s string, limit float64) bool {
	i := strings.IndexByte(s, '.')
	if i < 0 || len(s)-i-1 < 2 {
		return false
	}
	f, err := strconv.ParseFloat(s, 64)
	return err == nil && f >= -limit && f <= limit
}

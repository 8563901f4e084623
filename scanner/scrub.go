package scanner

import "regexp"

// Database errors can quote the values they choke on ("invalid input syntax for type
// integer: \"jane@doe.eu\""). Before an error reaches a report, log or the state file it
// goes through Scrub, which masks quoted values, email addresses and long digit runs.
var (
	// Greedy to the last quote: drivers do not escape quotes inside the value they
	// echo (PostgreSQL: `integer: "O"Brien"`; MySQL: `value: 'O'Brien' for column 'age'`),
	// so masking stops only where no part of it can remain.
	scrubQuotedValue = regexp.MustCompile(`(?s): ".*"|'.*'`)
	scrubEmail       = regexp.MustCompile(`[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+`)
	scrubDigits      = regexp.MustCompile(`\d[\d .\-/]{5,}\d`)
	scrubURLCreds    = regexp.MustCompile(`://[^/\s:@]+(:[^/\s@]*)?@`)
)

// Scrub removes values that may be personal data or secrets from an error message.
func Scrub(msg string) string {
	msg = scrubURLCreds.ReplaceAllString(msg, "://***@")
	msg = scrubQuotedValue.ReplaceAllStringFunc(msg, func(m string) string {
		if m[0] == ':' {
			return `: "***"`
		}
		return "'***'"
	})
	msg = scrubEmail.ReplaceAllString(msg, "***@***")
	return scrubDigits.ReplaceAllString(msg, "***")
}

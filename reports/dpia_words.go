package reports

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// This file turns the scanner's codes into the words a DPO reads: "3 years" for P3Y,
// "Legitimate interest" for legitimate_interest, "date of birth" for date_of_birth.
// The codes stay where a machine reads them (ids, the JSON report, Methodology's list
// of category ids).

var isoPeriod = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$`)

// periodWords writes an ISO-8601 period as "3 years", "13 months", "1 year 6 months".
// Anything else is returned unchanged, so a free-text period still shows.
func periodWords(p string) string {
	m := isoPeriod.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(p)))
	if m == nil || p == "P" || p == "" {
		return p
	}
	units := []string{"year", "month", "week", "day", "hour", "minute", "second"}
	var parts []string
	for i, u := range units {
		n, err := strconv.Atoi(m[i+1])
		if err != nil || n == 0 {
			continue
		}
		if n != 1 {
			u += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, u))
	}
	if len(parts) == 0 {
		return p
	}
	return strings.Join(parts, " ")
}

// basisNames are the lawful bases of Art. 6(1) (and the Art. 9(2)(a) explicit consent)
// in words.
var basisNames = map[string]string{
	"consent":             "Consent",
	"explicit_consent":    "Explicit consent",
	"contract":            "Contract",
	"legal_obligation":    "Legal obligation",
	"vital_interests":     "Vital interests",
	"public_task":         "Public task",
	"legitimate_interest": "Legitimate interest",
	"withdrawn":           "Withdrawn",
}

// basisWords writes a lawful-basis code as words; an unknown value is capitalised with
// its underscores as spaces.
func basisWords(b string) string {
	if w, ok := basisNames[strings.ToLower(strings.TrimSpace(b))]; ok {
		return w
	}
	return sentence(b)
}

// categoryNames are the personal-data categories of docs/rule-catalogue.md §6 in words.
var categoryNames = map[detect.Category]string{
	"email": "e-mail address", "phone": "phone number", "person_name": "name", "postal_address": "postal address",
	"postal_code": "postcode", "city": "city", "country": "country", "date_of_birth": "date of birth", "age": "age",
	"gender": "gender", "username": "user name", "national_id": "national id number", "passport": "passport number",
	"tax_id": "tax id", "payment_card": "payment card number", "card_security_code": "card security code (CVV)",
	"iban_bank_account": "bank account (IBAN)", "salary_financial": "salary or financial data", "employment": "employment data",
	"ip_address": "IP address", "device_id": "device id", "geo_location": "location", "password_or_secret": "password or secret",
	"photo_or_biometric": "photo or biometric data", "free_text_may_contain_pii": "free text (may hold personal data)",
	"health": "health data", "religion_or_belief": "religion or belief", "ethnicity": "racial or ethnic origin",
	"political": "political opinions", "sexual_orientation": "sex life or sexual orientation", "trade_union": "trade-union membership",
	"genetic": "genetic data", "criminal": "criminal convictions and offences", "none": "none",
}

// categoryWords writes a category id as words.
func categoryWords(c string) string {
	if w, ok := categoryNames[detect.Category(c)]; ok {
		return w
	}
	return strings.ReplaceAll(c, "_", " ")
}

// categoriesWords writes a list of category ids as words.
func categoriesWords(cs []string) string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = categoryWords(c)
	}
	return strings.Join(out, ", ")
}

// familyWords writes a rule family as words: "special_categories" → "Special categories".
func familyWords(f rules.Family) string { return sentence(string(f)) }

// engineNames are the source kinds in words.
var engineNames = map[string]string{"postgres": "PostgreSQL", "mysql": "MySQL / MariaDB", "sqlite": "SQLite"}

func engineWords(kind string) string {
	if w, ok := engineNames[strings.ToLower(kind)]; ok {
		return w
	}
	return kind
}

// sentence capitalises a code and turns its underscores into spaces.
func sentence(s string) string {
	s = strings.ReplaceAll(strings.TrimSpace(s), "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// qualifiedTable names a table as database.schema.table, without repeating a database
// that is also the schema (SQLite's main.main.contacts reads main.contacts).
func qualifiedTable(database, schema, table string) string {
	parts := []string{}
	for _, p := range []string{database, schema} {
		if p != "" && (len(parts) == 0 || !strings.EqualFold(parts[len(parts)-1], p)) {
			parts = append(parts, p)
		}
	}
	return strings.Join(append(parts, table), ".")
}

// targetWords is a finding's location as the workbook shows it.
func targetWords(l scanner.Location) string {
	s := qualifiedTable(l.Database, l.Schema, l.Table)
	if l.Column != "" {
		s += "." + l.Column
	}
	return s
}

// rowsWords is a row estimate in words: views and unknown counts say so instead of -1.
func rowsWords(n int64, view bool) string {
	switch {
	case view:
		return "rows unknown (view)"
	case n < 0:
		return "rows unknown"
	}
	return thousands(n) + " rows"
}

// dateValue turns a date the rules report as text ("2019-04-01", RFC 3339) into a
// time so the cell is a real date; text that is no date stays text.
func dateValue(s string) any {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05", "2006-01-02T15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
	}
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return t
		}
	}
	return s
}

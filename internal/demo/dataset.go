// Package demo builds a realistic demo CRM with planted, exactly known GDPR violations.
//
// Generate produces the same data for a given "now" (a fixed math/rand/v2 seed, no map
// iteration in the output). Every date is an offset from now and every planted violation
// sits far from its threshold, so the counts in Expected hold whenever the data is
// scanned, not only on the day it was built. The tables are internal/dbfixture tables:
// Load and BuildSQLite put them into PostgreSQL, MySQL/MariaDB or SQLite.
package demo

import (
	"slices"
	"unicode/utf8"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// Dataset is the whole demo database: its tables and views, and the personal values
// seeded into them.
type Dataset struct {
	dbfixture.Database

	personal []string // raw personal values seeded, for PersonalValues
}

// PersonalValues returns every raw personal value seeded — first, last and full names,
// card-holder names, emails, phones, street addresses, birth dates as 'YYYY-MM-DD',
// national ids, IBANs (compact and as stored), plaintext card numbers (as stored and as
// digits), IP addresses, usernames, plaintext passwords, health values, the emails and
// phone numbers embedded in notes, and the emails behind the erasure-request hashes —
// sorted and without duplicates, for tests that prove no output leaks them. Values
// shorter than four characters (a CVV, "Eva", "Bos") are left out: they cannot be told
// apart from ordinary text. Company data (accounts, company_settings) is not personal.
func (d Dataset) PersonalValues() []string {
	return slices.Clone(d.personal)
}

func personalSet(values []string) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		if utf8.RuneCountInString(v) >= 4 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

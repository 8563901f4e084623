package demo

import (
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// Seed of the generator. Changing it changes every value (not the planted counts).
const seed1, seed2 = 0x6764707273636e, 0x64656d6f

// Sizes of the planted groups and of every table; Expected is computed from them.
const (
	nContacts = 500

	nChildren               = 4
	nOptInNullBasis         = 20
	nOptInWithdrawn         = 8
	nOptInNoConsent         = 30
	nOptInNoConsentNoBasis  = 10
	nOptOutNoBasis          = 15
	nOptOutNullBasisGranted = 15
	nOptOutWithdrawn        = 25
	nDeletedOld             = 15
	nDeletedRecent          = 5
	nOptInTotal             = 300
	nOptInGranted           = nOptInTotal - nOptInWithdrawn - nOptInNoConsent - nOptInNoConsentNoBasis // 252
	nOptInPlain             = nOptInGranted - nChildren - nOptInNullBasis                              // 228 (roleOptIn)
	nOptOut                 = nContacts - nOptInTotal - nDeletedOld - nDeletedRecent -
		nOptOutNoBasis - nOptOutNullBasisGranted - nOptOutWithdrawn // 125
	nNullBasis           = nOptInNullBasis + nOptInNoConsentNoBasis + nOptOutNoBasis + nOptOutNullBasisGranted
	nImported            = 12 // opt-in contacts whose consent came from one bulk import
	nNoNotice, nNoSource = 10, 8
	nNewsletterOptIn     = 76 // of the nOptInGranted
	nProfilingOptIn      = 38
	nNewsletterNoConsent = 15 // of the nOptInNoConsent
	nProfilingOptOut     = 25 // of the nOptOut
	nBundled             = 6  // opt-in contacts with an extra catch-all ("all") consent row (CNS-05)
	consentRows          = nOptInGranted + nNewsletterOptIn + nProfilingOptIn + nNewsletterNoConsent +
		nOptOutNullBasisGranted + 2*nOptInWithdrawn + 2*nOptOutWithdrawn + nProfilingOptOut + nBundled // 493
	nStaleConsent              = 9  // opt-in contacts whose only consent is older than 24 months, no web visit since (CNS-04)
	nContractNoOrder           = 9  // contacts with basis "contract" and no order at all (LAW-03)
	nFormerCustomers           = 11 // contacts whose last order is 4+ years old (RET-02)
	nResidual                  = 2  // completed erasure requests whose contact is still there (ERA-02)
	nDupLeads                  = 6  // converted leads that kept a contact's email (MIN-04)
	nHealth                    = 35
	nLeadsOld, nLeadsConverted = 45, 20
	nLeadsRevived              = 12
	nLeads                     = 300
	nOrders, nPaidOrders       = 800, 600
	nPlainPAN, nCVV            = 12, 7
	nActivities, nOrphans      = 1500, 10
	nNotes                     = 300
	nNoteEmail, nNotePhone     = 7, 7
	nNoteHealth                = 6 // len(healthNotes)
	nErasure                   = 30
	nOverdue, nOpenRecent      = 6, 3
	nRejected                  = 2
	nUsers                     = 25
	nBcrypt, nMD5, nSHA1       = 15, 4, 2
	nPlainPW                   = nUsers - nBcrypt - nMD5 - nSHA1 // 4
	nBackup                    = 120
	nAccounts                  = 40 // len(accountSeeds)
	nProducts                  = 60
	nCountries                 = 31 // len(countryNames)
	nSettings                  = 8
)

type gen struct {
	r        rng
	now      time.Time
	emails   map[string]bool // uniqueness only, never iterated
	personal []string
	ds       Dataset

	accounts []accountSeed
	contacts []*contact
	users    []string // usernames, for consent capture_source of phone consents
	importAt time.Time
}

// Generate builds the demo dataset. The same now gives an identical dataset; a different
// now shifts every date by the difference and changes nothing else except strings that
// print a date (order and invoice numbers, card expiry, birth dates inside FR/IT/PL ids).
func Generate(now time.Time) Dataset {
	g := &gen{r: newRNG(seed1, seed2), now: now.UTC().Truncate(time.Second), emails: map[string]bool{}}
	g.importAt = g.now.Add(-800*24*time.Hour - 3*time.Hour - 17*time.Minute)
	g.genAccounts()
	g.genUsers()
	g.genContacts()
	g.genConsent()
	g.genOrders()
	g.genActivities()
	g.genNotes()
	g.genErasure()
	g.genLeads()
	g.genDecoys()
	g.genBackup()
	g.ds.Tables = orderTables(g.ds.Tables)
	g.ds.Views = []dbfixture.View{{Name: "active_contacts", SQL: "SELECT id, first_name, last_name, email FROM contacts WHERE is_deleted = 0"}}
	g.ds.personal = personalSet(g.personal)
	return g.ds
}

// tableOrder is the order of the tables in the dataset (and of CREATE TABLE).
var tableOrder = []string{"accounts", "contacts", "leads", "consent_records", "orders", "invoices", "payments",
	"activities", "notes", "erasure_requests", "users", "products", "countries", "company_settings", "contacts_bak_2023"}

func orderTables(ts []dbfixture.Table) []dbfixture.Table {
	out := make([]dbfixture.Table, 0, len(ts))
	for _, name := range tableOrder {
		for _, t := range ts {
			if t.Name == name {
				out = append(out, t)
			}
		}
	}
	if len(out) != len(ts) {
		panic("demo: table missing from tableOrder")
	}
	return out
}

// --- time helpers -----------------------------------------------------------------------

const day = 24 * time.Hour

// ago returns a second-precise time between minDays and maxDays (+ up to a day) ago.
func (g *gen) ago(minDays, maxDays int) time.Time {
	d := g.r.between(minDays, maxDays)
	s := g.r.between(60, 86399)
	return g.now.Add(-time.Duration(d)*day - time.Duration(s)*time.Second)
}

// within returns a second-precise time in [a, b].
func (g *gen) within(a, b time.Time) time.Time {
	span := int64(b.Sub(a) / time.Second)
	if span <= 0 {
		return a
	}
	return a.Add(time.Duration(g.r.Int64N(span+1)) * time.Second)
}

// after returns a time up to d after t, never later than a minute ago.
func (g *gen) after(t time.Time, d time.Duration) time.Time {
	return g.within(t, minTime(t.Add(d), g.now.Add(-time.Minute)))
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

func dateOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// --- people ---------------------------------------------------------------------------

func countryByCode(code string) *country {
	for i := range countries {
		if countries[i].Code == code {
			return &countries[i]
		}
	}
	panic("demo: unknown country " + code)
}

func cityByName(c *country, name string) *city {
	for i := range c.Cities {
		if c.Cities[i].Name == name {
			return &c.Cities[i]
		}
	}
	panic("demo: unknown city " + name)
}

func (g *gen) pickCountry() *country {
	x := g.r.IntN(100)
	for i := range countries {
		if x < countries[i].Weight {
			return &countries[i]
		}
		x -= countries[i].Weight
	}
	return &countries[0]
}

func (g *gen) person(c *country) (first, last string, male bool) {
	male = g.r.chance(50)
	if male {
		first = g.r.pick(c.Male)
	} else {
		first = g.r.pick(c.Female)
	}
	last = g.r.pick(c.Surnames)
	if !male && c.Code == "PL" {
		for _, suf := range []string{"ski", "cki", "dzki"} {
			if strings.HasSuffix(last, suf) {
				last = strings.TrimSuffix(last, "i") + "a"
				break
			}
		}
	}
	return first, last, male
}

// email returns a unique address; domain "" means a personal provider of the country.
func (g *gen) email(first, last string, c *country, domain string) string {
	f, l := mailPart(first, c.Code), mailPart(last, c.Code)
	company := domain != ""
	if !company {
		domain = g.r.pick(c.Providers)
	}
	var local string
	switch x := g.r.IntN(6); {
	case company && x < 4, !company && x < 2:
		local = f + "." + l
	case company:
		local = f[:1] + "." + l
	case x == 2:
		local = f + l
	case x == 3:
		local = f + "_" + l
	case x == 4:
		local = f + "." + l + strconv.Itoa(g.r.between(10, 99))
	default:
		local = l + "." + f
	}
	addr := local + "@" + domain
	for g.emails[addr] {
		addr = local + strconv.Itoa(g.r.between(2, 999)) + "@" + domain
	}
	g.emails[addr] = true
	g.personal = append(g.personal, addr)
	return addr
}

func (g *gen) remember(values ...string) { g.personal = append(g.personal, values...) }

// --- column helpers --------------------------------------------------------------------------

var (
	pk   = dbfixture.PK
	col  = dbfixture.Col
	null = dbfixture.Null
)

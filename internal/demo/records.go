package demo

// Everything around the contacts: accounts, staff users, orders with invoices and
// payments, activities, notes, erasure requests, leads, decoys and the stray backup.

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/internal/synth"
)

// --- accounts and users -----------------------------------------------------------------

func (g *gen) genAccounts() {
	g.accounts = accountSeeds
	t := dbfixture.Table{Name: "accounts", Columns: []dbfixture.Column{
		pk("id"), col("name", dbfixture.Text), col("industry", dbfixture.Text), col("vat_number", dbfixture.Text), col("street", dbfixture.Text),
		col("city", dbfixture.Text), col("postcode", dbfixture.Text), col("country_code", dbfixture.Text), col("created_at", dbfixture.Timestamp),
	}}
	for i, a := range accountSeeds {
		c := countryByCode(a.Country)
		ci := &c.Cities[g.r.IntN(len(c.Cities))]
		if a.City != "" {
			ci = cityByName(c, a.City)
		}
		t.Rows = append(t.Rows, []any{int64(i + 1), a.Name, a.Industry, vatNumber(g.r, a.Country),
			streetAddress(g.r, c), ci.Name, postcode(g.r, c, ci), a.Country, g.ago(700, 3000)})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

func (g *gen) accountFor(c *country, club bool) int64 {
	var ids []int64
	for i, a := range g.accounts {
		if a.Country == c.Code && a.Club == club {
			ids = append(ids, int64(i+1))
		}
	}
	return ids[g.r.IntN(len(ids))]
}

func (g *gen) genUsers() {
	t := dbfixture.Table{Name: "users", Columns: []dbfixture.Column{
		pk("id"), col("username", dbfixture.Text), col("email", dbfixture.Text), col("full_name", dbfixture.Text), col("password_hash", dbfixture.Text),
		col("role", dbfixture.Text), col("last_login_at", dbfixture.Timestamp), col("created_at", dbfixture.Timestamp),
	}}
	const n = nUsers
	kind := g.r.Perm(n) // bcrypt, then MD5, SHA-1 and plaintext
	roles := slices.Clone(userRoles)
	g.r.Shuffle(len(roles), func(i, j int) { roles[i], roles[j] = roles[j], roles[i] })
	de := countryByCode("DE")
	taken := map[string]bool{}
	for i := 0; i < n; i++ {
		c := de
		if g.r.chance(30) {
			c = g.pickCountry()
		}
		first, last, _ := g.person(c)
		user := mailPart(first, c.Code)[:1] + mailPart(last, c.Code)
		for taken[user] {
			user += strconv.Itoa(g.r.between(2, 9))
		}
		taken[user] = true
		g.users = append(g.users, user)
		var pw string
		switch k := kind[i]; {
		case k < nBcrypt:
			pw = bcryptLike(g.r)
		case k < nBcrypt+nMD5:
			sum := md5.Sum([]byte(md5Passwords[k-nBcrypt]))
			pw = hex.EncodeToString(sum[:])
		case k < nBcrypt+nMD5+nSHA1:
			sum := sha1.Sum([]byte(sha1Passwords[k-nBcrypt-nMD5]))
			pw = hex.EncodeToString(sum[:])
		default:
			pw = plaintextPasswords[k-nBcrypt-nMD5-nSHA1]
			g.remember(pw)
		}
		created := g.ago(200, 2500)
		login := g.within(maxTime(created, g.now.Add(-60*day)), g.now.Add(-time.Hour))
		email := g.email(first, last, c, ownDomain)
		g.remember(first+" "+last, user)
		t.Rows = append(t.Rows, []any{int64(i + 1), user, email, first + " " + last, pw, roles[i], login, created})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

const bcryptAlphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"

// bcryptLike returns a well-formed bcrypt string ($2b$12$, 22-char salt, 31-char hash,
// with the padding bits of both zero as a real bcrypt would have them). It hashes nothing.
func bcryptLike(r rng) string {
	return "$2b$12$" + r.letters(21, bcryptAlphabet) + r.letters(1, ".Oeu") +
		r.letters(30, bcryptAlphabet) + r.letters(1, ".CGKOSWaeimquy26")
}

// --- orders, invoices, payments -------------------------------------------------------------

type order struct {
	contact *contact
	at      time.Time
	paid    bool
	total   float64
}

func (g *gen) genOrders() {
	// LAW-03: some contacts on a "contract" basis never ordered; every other one did.
	var contract []*contact
	for _, p := range g.eligible(false) {
		if p.basis == "contract" {
			contract = append(contract, p)
		}
	}
	noOrder := map[int64]bool{}
	for _, i := range g.r.Perm(len(contract))[:nContractNoOrder] {
		noOrder[contract[i].id] = true
	}
	var buyers, early []*contact
	for _, p := range g.eligible(false) {
		if !noOrder[p.id] {
			buyers = append(buyers, p)
			if g.now.Sub(p.created) > 1600*day {
				early = append(early, p)
			}
		}
	}
	// RET-02: former customers, created long ago, ordered only 4+ years ago.
	former := map[int64]bool{}
	for _, i := range g.r.Perm(len(early))[:nFormerCustomers] {
		former[early[i].id] = true
	}
	var who []*contact
	for _, p := range buyers {
		if (p.basis == "contract") || former[p.id] {
			who = append(who, p)
		}
	}
	for len(who) < nOrders {
		who = append(who, buyers[g.r.IntN(len(buyers))])
	}
	orders := make([]order, nOrders)
	latest := map[int64]int{}
	for i, p := range who {
		end := g.now.Add(-time.Hour)
		if former[p.id] {
			end = g.now.Add(-1500 * day)
		}
		orders[i] = order{contact: p, at: g.within(p.created, end), total: float64(g.r.between(1990, 499000)) / 100}
		if j, ok := latest[p.id]; !ok || orders[j].at.Before(orders[i].at) {
			latest[p.id] = i
		}
	}
	// Every other customer ordered within the last 900 days, far from RET-02's 3 years.
	for i, o := range orders {
		p := o.contact
		if !former[p.id] && latest[p.id] == i && g.now.Sub(o.at) > 900*day {
			orders[i].at = g.within(maxTime(p.created, g.now.Add(-900*day)), g.now.Add(-time.Hour))
		}
	}
	for _, i := range g.r.Perm(nOrders)[:nPaidOrders] {
		orders[i].paid = true
	}
	slices.SortStableFunc(orders, func(a, b order) int { return a.at.Compare(b.at) })

	ot := dbfixture.Table{Name: "orders", Columns: []dbfixture.Column{
		pk("id"), col("contact_id", dbfixture.Int), col("order_number", dbfixture.Text), col("status", dbfixture.Text),
		col("total_amount", dbfixture.Decimal), col("currency", dbfixture.Text), col("ordered_at", dbfixture.Timestamp),
	}}
	it := dbfixture.Table{Name: "invoices", Columns: []dbfixture.Column{
		pk("id"), col("order_id", dbfixture.Int), col("contact_id", dbfixture.Int), col("invoice_number", dbfixture.Text),
		col("billing_iban", dbfixture.Text), col("amount", dbfixture.Decimal), col("issued_at", dbfixture.Timestamp),
	}}
	pt := dbfixture.Table{Name: "payments", Columns: []dbfixture.Column{
		pk("id"), col("order_id", dbfixture.Int), col("card_holder", dbfixture.Text), col("card_number", dbfixture.Text),
		null("card_cvv", dbfixture.Text), col("card_expiry", dbfixture.Text), col("paid_at", dbfixture.Timestamp),
	}}
	plain, cvv := make([]bool, nPaidOrders), make([]bool, nPaidOrders)
	for _, i := range g.r.Perm(nPaidOrders)[:nPlainPAN] {
		plain[i] = true
	}
	for _, i := range g.r.Perm(nPaidOrders)[:nCVV] {
		cvv[i] = true
	}
	nPlain := 0
	for i, o := range orders {
		id := int64(i + 1)
		age := g.now.Sub(o.at)
		var status string
		switch {
		case !o.paid && age < 30*day:
			status = "pending"
		case !o.paid:
			status = "cancelled"
		case age < 14*day:
			status = "paid"
		case age < 60*day:
			status = "shipped"
		default:
			status = "delivered"
		}
		ot.Rows = append(ot.Rows, []any{id, o.contact.id, fmt.Sprintf("ORD-%d-%06d", o.at.Year(), id), status,
			o.total, o.contact.c.Currency, o.at})
		if !o.paid {
			continue
		}
		k := len(it.Rows)
		issued := g.after(o.at, 2*day)
		it.Rows = append(it.Rows, []any{int64(k + 1), id, o.contact.id, fmt.Sprintf("INV-%d-%05d", issued.Year(), k+1),
			g.contactIBAN(o.contact), o.total, issued})

		paidAt := g.after(issued, 10*day)
		brand := g.r.brand()
		if plain[k] {
			brand = []cardBrand{visa, mastercard, amex}[nPlain%3]
		}
		pan := cardNumber(g.r, brand)
		var number string
		switch {
		case plain[k]:
			number = []string{pan, spacedPAN(pan, " "), spacedPAN(pan, "-"), pan}[nPlain%4]
			g.remember(pan, number)
			nPlain++
		case g.r.chance(55):
			number = maskPAN(pan)
		default:
			number = "tok_" + g.r.letters(24, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
		}
		var code any
		if cvv[k] {
			n := 3
			if brand == amex {
				n = 4
			}
			code = g.r.digits(n)
		}
		expiry := paidAt.AddDate(0, g.r.between(6, 48), 0)
		holder := strings.ToUpper(asciiFold(o.contact.first+" "+o.contact.last, ""))
		g.remember(holder)
		pt.Rows = append(pt.Rows, []any{int64(k + 1), id, holder, number, code,
			fmt.Sprintf("%02d/%02d", int(expiry.Month()), expiry.Year()%100), paidAt})
	}
	g.ds.Tables = append(g.ds.Tables, ot, it, pt)
}

// contactIBAN returns the contact's bank account, made on first use (15% printed in blocks).
func (g *gen) contactIBAN(p *contact) string {
	if p.iban == "" {
		p.iban = iban(g.r, p.c.Code)
		g.remember(p.iban)
		if g.r.chance(15) {
			p.iban = synth.GroupIBAN(p.iban)
			g.remember(p.iban)
		}
	}
	return p.iban
}

// --- activities, notes ---------------------------------------------------------------------

type activity struct {
	contact       int64
	kind, subject string
	at            time.Time
	ip            any
}

func (g *gen) newActivity(contact int64, kind string, at time.Time) activity {
	a := activity{contact: contact, kind: kind, subject: g.r.pick(activitySubjects[kind]), at: at}
	if kind == "web_visit" {
		ip := ipAddress(g.r)
		a.ip = ip
		g.remember(ip)
	}
	return a
}

func (g *gen) genActivities() {
	live := g.eligible(true)
	var acts []activity
	// CNS-03: each opted-in contact who withdrew still got a newsletter afterwards.
	for _, p := range live {
		if p.role == roleOptInWithdrawn {
			a := g.newActivity(p.id, "email", g.within(p.withdrawn.Add(time.Hour), g.now.Add(-time.Hour)))
			a.subject = "Newsletter: " + g.r.pick([]string{"spring offers", "product news", "webinar invitation"})
			acts = append(acts, a)
		}
	}
	// CNS-04: a few opted-in contacts whose only consent is over 800 days old never visit
	// the web site again; everybody else created 650+ days ago visited within 300 days, so
	// no other consent is both older than 24 months and without a visit since.
	var staleCand []*contact
	for _, p := range live {
		if p.role == roleOptIn && !p.imported && p.grants == 1 && g.now.Sub(p.created) > 800*day {
			staleCand = append(staleCand, p)
		}
	}
	for _, i := range g.r.Perm(len(staleCand))[:nStaleConsent] {
		staleCand[i].stale = true
	}
	for _, p := range live {
		if !p.stale && g.now.Sub(p.created) > 650*day {
			acts = append(acts, g.newActivity(p.id, "web_visit", g.ago(1, 300)))
		}
	}
	for len(acts) < nActivities-nOrphans {
		p := live[g.r.IntN(len(live))]
		kind := activityTypes[g.r.IntN(len(activityTypes))]
		if kind == "email" && p.role == roleOptOutWithdrawn {
			kind = "call" // contacts who withdrew properly get no e-mail at all
		}
		if kind == "web_visit" && p.stale {
			kind = "meeting"
		}
		acts = append(acts, g.newActivity(p.id, kind, g.within(p.created, g.now.Add(-time.Minute))))
	}
	// ERA-04: activities of contacts that were hard-deleted without their children.
	for _, k := range g.r.Perm(100)[:nOrphans] {
		kind := activityTypes[g.r.IntN(len(activityTypes))]
		acts = append(acts, g.newActivity(int64(nContacts+1+k), kind, g.ago(5, 700)))
	}
	slices.SortStableFunc(acts, func(a, b activity) int { return a.at.Compare(b.at) })
	t := dbfixture.Table{Name: "activities", Columns: []dbfixture.Column{
		pk("id"), col("contact_id", dbfixture.Int), col("activity_type", dbfixture.Text), col("subject", dbfixture.Text),
		col("occurred_at", dbfixture.Timestamp), null("ip_address", dbfixture.Text),
	}}
	for i, a := range acts {
		t.Rows = append(t.Rows, []any{int64(i + 1), a.contact, a.kind, a.subject, a.at, a.ip})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

// noteTemplate picks a template in the contact's language, or an English one.
func noteTemplate(r rng, byCountry map[string][]string, cc string) string {
	ts, ok := byCountry[cc]
	if !ok {
		ts = byCountry[""]
	}
	return r.pick(ts)
}

type note struct {
	contact int64
	body    string
	at      time.Time
}

func (g *gen) genNotes() {
	live := g.eligible(false)
	kinds := make([]int, nNotes) // 0 neutral, 1 email, 2 phone, 3 health
	for i := range kinds {
		switch {
		case i < nNoteEmail:
			kinds[i] = 1
		case i < nNoteEmail+nNotePhone:
			kinds[i] = 2
		case i < nNoteEmail+nNotePhone+nNoteHealth:
			kinds[i] = 3
		}
	}
	g.r.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	var notes []note
	nHealthNote := 0
	for _, k := range kinds {
		p := live[g.r.IntN(len(live))]
		var body string
		switch k {
		case 1:
			body = fmt.Sprintf(noteTemplate(g.r, emailNotes, p.c.Code), g.email(p.first, p.last, p.c, ""))
		case 2:
			_, spaced := mobileNational(g.r, p.c)
			number := "+" + p.c.Dial + " " + spaced
			g.remember(number)
			body = fmt.Sprintf(noteTemplate(g.r, phoneNotes, p.c.Code), number)
		case 3:
			body = healthNotes[nHealthNote]
			nHealthNote++
		default:
			body = g.r.pick(neutralNotes)
			if g.r.chance(35) {
				body += " " + g.r.pick(neutralNotes)
			}
		}
		notes = append(notes, note{contact: p.id, body: body, at: g.within(p.created, g.now.Add(-time.Minute))})
	}
	slices.SortStableFunc(notes, func(a, b note) int { return a.at.Compare(b.at) })
	t := dbfixture.Table{Name: "notes", Columns: []dbfixture.Column{
		pk("id"), col("contact_id", dbfixture.Int), col("body", dbfixture.LongText), col("created_at", dbfixture.Timestamp),
	}}
	for i, n := range notes {
		t.Rows = append(t.Rows, []any{int64(i + 1), n.contact, n.body, n.at})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

// --- erasure requests --------------------------------------------------------------------

func emailHash(email string) string {
	sum := sha256.Sum256([]byte(strings.ToLower(email)))
	return hex.EncodeToString(sum[:])
}

func (g *gen) genErasure() {
	type request struct {
		contact             any
		hash, status        string
		received, completed any
	}
	live := g.eligible(false)
	subjects := g.r.Perm(len(live))
	var reqs []request
	for i := 0; i < nErasure; i++ {
		var q request
		switch {
		case i < nOverdue: // ERA-01: overdue
			p := live[subjects[i]]
			q = request{contact: p.id, hash: emailHash(p.email), status: "open", received: g.ago(45, 200)}
		case i < nOverdue+nOpenRecent: // open, still within the deadline
			p := live[subjects[i]]
			q = request{contact: p.id, hash: emailHash(p.email), status: "open", received: g.ago(1, 9)}
		case i < nOverdue+nOpenRecent+nRejected: // rejected (decided within the deadline)
			p := live[subjects[i]]
			rec := g.ago(25, 700)
			q = request{contact: p.id, hash: emailHash(p.email), status: "rejected", received: rec,
				completed: rec.Add(time.Duration(g.r.between(5, 15))*day + time.Duration(g.r.IntN(36000))*time.Second)}
		case i < nOverdue+nOpenRecent+nRejected+nResidual: // ERA-02: completed, yet the contact is still there
			p := live[subjects[i]]
			rec := g.ago(25, 700)
			q = request{contact: p.id, hash: emailHash(p.email), status: "completed", received: rec,
				completed: rec.Add(time.Duration(g.r.between(2, 19))*day + time.Duration(g.r.IntN(36000))*time.Second)}
		default: // completed: the contact is gone, only the hash remains
			c := g.pickCountry()
			first, last, _ := g.person(c)
			rec := g.ago(25, 700)
			q = request{hash: emailHash(g.email(first, last, c, "")), status: "completed", received: rec,
				completed: rec.Add(time.Duration(g.r.between(2, 19))*day + time.Duration(g.r.IntN(36000))*time.Second)}
		}
		reqs = append(reqs, q)
	}
	slices.SortStableFunc(reqs, func(a, b request) int { return a.received.(time.Time).Compare(b.received.(time.Time)) })
	t := dbfixture.Table{Name: "erasure_requests", Columns: []dbfixture.Column{
		pk("id"), null("contact_id", dbfixture.Int), col("requester_email_hash", dbfixture.Text), col("received_at", dbfixture.Timestamp),
		null("completed_at", dbfixture.Timestamp), col("status", dbfixture.Text),
	}}
	for i, q := range reqs {
		t.Rows = append(t.Rows, []any{int64(i + 1), q.contact, q.hash, q.received, q.completed, q.status})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

// --- leads ---------------------------------------------------------------------------------

func (g *gen) genLeads() {
	type lead struct {
		row     []any
		created time.Time
	}
	var leads []lead
	live := g.eligible(true)
	var dupOf []*contact
	for _, i := range g.r.Perm(len(live))[:nDupLeads] {
		dupOf = append(dupOf, live[i])
	}
	for i := 0; i < nLeads; i++ {
		c := g.pickCountry()
		first, last, _ := g.person(c)
		var created time.Time
		var inbound any
		var status string
		switch {
		case i < nLeadsOld+nLeadsConverted: // RET-01 (and old converted decoys): anchor 4–7 years ago
			createdDays := g.r.between(1570, 2540)
			created = g.ago(createdDays, createdDays)
			if g.r.chance(50) {
				inbound = g.ago(1480, createdDays-1)
			}
			status = "converted"
			if i < nLeadsOld {
				status = pickWeighted(g.r, "lost", 40, "working", 30, "new", 30)
			}
		case i < nLeadsOld+nLeadsConverted+nLeadsRevived: // old, but wrote in recently
			created = g.ago(1500, 2190)
			inbound = g.ago(10, 700)
			status = pickWeighted(g.r, "working", 60, "new", 40, "", 0)
		default:
			createdDays := g.r.between(1, 900)
			created = g.ago(createdDays, createdDays)
			if g.r.chance(60) {
				inbound = g.within(created, g.now.Add(-time.Minute))
			}
			status = []string{"new", "working", "converted", "lost"}[g.r.IntN(4)]
		}
		email := ""
		if i >= nLeadsOld+nLeadsConverted+nLeadsRevived && i < nLeadsOld+nLeadsConverted+nLeadsRevived+nDupLeads {
			// MIN-04: a converted lead kept the email of the contact it became.
			email, status = dupOf[i-nLeadsOld-nLeadsConverted-nLeadsRevived].email, "converted"
		}
		var phone string
		if g.r.chance(70) {
			mob, _ := mobileNational(g.r, c)
			phone = e164(c, mob)
		} else {
			phone = e164(c, landlineNational(g.r, &c.Cities[g.r.IntN(len(c.Cities))]))
		}
		g.remember(first, last, first+" "+last, phone)
		company := g.r.pick(c.Surnames) + " " + g.r.pick(leadCompanyTrade) + " " + g.r.pick(leadCompanySuffix[c.Code])
		if email == "" {
			email = g.email(first, last, c, "")
		}
		leads = append(leads, lead{created: created, row: []any{nil, first, last, email, phone,
			company, g.r.pick(leadSources), status, created, inbound}})
	}
	slices.SortStableFunc(leads, func(a, b lead) int { return a.created.Compare(b.created) })
	t := dbfixture.Table{Name: "leads", Columns: []dbfixture.Column{
		pk("id"), col("first_name", dbfixture.Text), col("last_name", dbfixture.Text), col("email", dbfixture.Text), col("phone", dbfixture.Text),
		col("company_name", dbfixture.Text), col("lead_source", dbfixture.Text), col("status", dbfixture.Text), col("created_at", dbfixture.Timestamp),
		null("last_inbound_at", dbfixture.Timestamp),
	}}
	for i, l := range leads {
		l.row[0] = int64(i + 1)
		t.Rows = append(t.Rows, l.row)
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

// --- decoys and the stray backup -----------------------------------------------------------

func (g *gen) genDecoys() {
	pt := dbfixture.Table{Name: "products", Columns: []dbfixture.Column{
		pk("id"), col("sku", dbfixture.Text), col("name", dbfixture.Text), col("version", dbfixture.Text),
		col("category", dbfixture.Text), col("price", dbfixture.Decimal),
	}}
	skus := g.r.Perm(90000)
	for i := 0; i < nProducts; i++ {
		base := productBases[i%len(productBases)]
		name := base[0] + " " + productEditions[i/len(productBases)]
		pt.Rows = append(pt.Rows, []any{int64(i + 1), fmt.Sprintf("SKU-%05d", 100+skus[i]), name,
			fmt.Sprintf("%d.%d.%d", g.r.between(1, 5), g.r.IntN(10), g.r.IntN(20)),
			base[1], float64(g.r.between(900, 250000)) / 100})
	}
	ct := dbfixture.Table{Name: "countries", Columns: []dbfixture.Column{
		{Name: "code", Type: dbfixture.Text, PrimaryKey: true}, col("name", dbfixture.Text),
	}}
	for _, c := range countryNames {
		ct.Rows = append(ct.Rows, []any{c[0], c[1]})
	}
	st := dbfixture.Table{Name: "company_settings", Columns: []dbfixture.Column{
		pk("id"), col("setting_key", dbfixture.Text), col("setting_value", dbfixture.LongText),
	}}
	for i, kv := range [][2]string{
		{"company_name", ownCompany},
		{"company_address", ownAddress},
		{"support_email", "support@" + ownDomain},
		{"support_phone", ownPhone},
		{"vat_number", vatNumber(g.r, "DE")},
		{"default_currency", "EUR"},
		{"privacy_notice_version", noticeVersions[len(noticeVersions)-1]},
		{"dpo_email", "datenschutz@" + ownDomain},
	} {
		st.Rows = append(st.Rows, []any{int64(i + 1), kv[0], kv[1]})
	}
	g.ds.Tables = append(g.ds.Tables, pt, ct, st)
}

// genBackup copies contacts older than 400 days into contacts_bak_2023 (DSC-04).
func (g *gen) genBackup() {
	var old []*contact
	for _, p := range g.contacts {
		if g.now.Sub(p.created) > 400*day {
			old = append(old, p)
		}
	}
	picked := g.r.Perm(len(old))[:nBackup]
	slices.Sort(picked)
	t := dbfixture.Table{Name: "contacts_bak_2023", Columns: []dbfixture.Column{
		pk("id"), col("first_name", dbfixture.Text), col("last_name", dbfixture.Text), col("email", dbfixture.Text),
		col("phone", dbfixture.Text), col("created_at", dbfixture.Timestamp),
	}}
	for _, i := range picked {
		p := old[i]
		t.Rows = append(t.Rows, []any{p.id, p.first, p.last, p.email, p.phone, p.created})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

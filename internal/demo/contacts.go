package demo

// Contacts and their consent history: the groups that carry the consent, lawful-basis,
// retention and special-category plants.

import (
	"fmt"
	"slices"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// Contact groups. Every contact belongs to exactly one; the planted counts follow from
// the group sizes.
type role int

const (
	roleOptIn                  role = iota // opted in, granted email_marketing consent
	roleChild                              // opted in with consent, 13–15 years old (CNS-07)
	roleOptInNullBasis                     // opted in with consent, lawful_basis NULL/''
	roleOptInWithdrawn                     // opted in, latest email_marketing row withdrawn (CNS-03)
	roleOptInNoConsent                     // opted in, no email_marketing row (CNS-01)
	roleOptInNoConsentNoBasis              // opted in, no consent rows, no basis (CNS-01, LAW-01)
	roleOptOut                             // not opted in, basis set
	roleOptOutNoBasis                      // not opted in, no consent rows, no basis (LAW-01)
	roleOptOutNullBasisGranted             // not opted in, no basis, some granted consent
	roleOptOutWithdrawn                    // not opted in, email_marketing granted then withdrawn
	roleDeletedOld                         // soft-deleted more than 90 days ago (RET-04)
	roleDeletedRecent                      // soft-deleted within the last 10 days
)

// roleQuota lists the groups filled from a shuffled contact order (children are picked
// first, among DE/NL/PL contacts; the remainder are roleOptIn).
var roleQuota = []struct {
	role role
	n    int
}{
	{roleDeletedOld, nDeletedOld},
	{roleDeletedRecent, nDeletedRecent},
	{roleOptInNoConsentNoBasis, nOptInNoConsentNoBasis},
	{roleOptInNoConsent, nOptInNoConsent},
	{roleOptInWithdrawn, nOptInWithdrawn},
	{roleOptInNullBasis, nOptInNullBasis},
	{roleOptOutNoBasis, nOptOutNoBasis},
	{roleOptOutNullBasisGranted, nOptOutNullBasisGranted},
	{roleOptOutWithdrawn, nOptOutWithdrawn},
	{roleOptOut, nOptOut},
}

func (r role) deleted() bool { return r == roleDeletedOld || r == roleDeletedRecent }

func (r role) optIn() bool {
	switch r {
	case roleOptIn, roleChild, roleOptInNullBasis, roleOptInWithdrawn, roleOptInNoConsent, roleOptInNoConsentNoBasis:
		return true
	}
	return false
}

func (r role) nullBasis() bool {
	switch r {
	case roleOptInNullBasis, roleOptInNoConsentNoBasis, roleOptOutNoBasis, roleOptOutNullBasisGranted:
		return true
	}
	return false
}

type contact struct {
	id         int64
	role       role
	imported   bool
	c          *country
	ci         *city
	male       bool
	first      string
	last       string
	email      string
	phone      string
	mobile     string
	street     string
	postcode   string
	account    int64
	job        string
	birth      time.Time // zero when unknown
	nationalID string
	basis      any
	health     any
	created    time.Time
	updated    time.Time
	deletedAt  time.Time // zero unless deleted
	withdrawn  time.Time // zero unless an email_marketing withdrawal exists
	grants     int       // granted consent rows
	stale      bool      // CNS-04: only consent older than 24 months, no web visit since

	iban string // lazily, for invoices
}

// --- contacts -----------------------------------------------------------------------------

func (g *gen) genContacts() {
	cs := make([]*contact, nContacts)
	for i := range cs {
		cs[i] = &contact{c: g.pickCountry(), role: roleOptIn}
	}
	// Assign groups over a shuffled order: children first (DE/NL/PL only), then quotas.
	order := g.r.Perm(nContacts)
	var rest []int
	children := 0
	for _, i := range order {
		cc := cs[i].c.Code
		if children < nChildren && (cc == "DE" || cc == "NL" || cc == "PL") {
			cs[i].role = roleChild
			children++
			continue
		}
		rest = append(rest, i)
	}
	pos := 0
	for _, q := range roleQuota {
		for _, i := range rest[pos : pos+q.n] {
			cs[i].role = q.role
		}
		pos += q.n
	}
	if len(rest)-pos != nOptInPlain {
		panic(fmt.Sprintf("demo: %d plain opt-in contacts, want %d", len(rest)-pos, nOptInPlain))
	}
	imported := 0
	for _, i := range rest[pos:] { // the remainder stays roleOptIn
		if imported < nImported {
			cs[i].imported = true
			imported++
		}
	}

	for _, p := range cs {
		g.fillContact(p)
	}
	slices.SortStableFunc(cs, func(a, b *contact) int { return a.created.Compare(b.created) })
	for i, p := range cs {
		p.id = int64(i + 1)
	}
	// Special-category values on adults that are not deleted.
	health := 0
	for _, i := range g.r.Perm(nContacts) {
		if p := cs[i]; health < nHealth && !p.role.deleted() && p.role != roleChild {
			v := g.r.pick(healthValues)
			p.health = v
			g.remember(v)
			health++
		}
	}
	g.contacts = cs

	t := dbfixture.Table{Name: "contacts", Columns: []dbfixture.Column{
		pk("id"), col("account_id", dbfixture.Int), col("salutation", dbfixture.Text), col("first_name", dbfixture.Text), col("last_name", dbfixture.Text),
		col("email", dbfixture.Text), col("phone", dbfixture.Text), col("mobile", dbfixture.Text), null("birth_date", dbfixture.Date),
		col("street", dbfixture.Text), col("city", dbfixture.Text), col("postcode", dbfixture.Text), col("country_code", dbfixture.Text),
		col("job_title", dbfixture.Text),
		null("national_id", dbfixture.Text), null("lawful_basis", dbfixture.Text),
		{Name: "marketing_opt_in", Type: dbfixture.SmallInt, Default: "0"},
		null("health_condition", dbfixture.LongText), col("created_at", dbfixture.Timestamp), col("updated_at", dbfixture.Timestamp),
		{Name: "is_deleted", Type: dbfixture.SmallInt, Default: "0"}, null("deleted_at", dbfixture.Timestamp),
	}}
	for _, p := range cs {
		sal := p.c.SalF
		if p.male {
			sal = p.c.SalM
		}
		var birth, deletedAt any
		if !p.birth.IsZero() {
			birth = p.birth
		}
		if !p.deletedAt.IsZero() {
			deletedAt = p.deletedAt
		}
		var nid any
		if p.nationalID != "" {
			nid = p.nationalID
		}
		t.Rows = append(t.Rows, []any{p.id, p.account, sal, p.first, p.last, p.email, p.phone, p.mobile, birth,
			p.street, p.ci.Name, p.postcode, p.c.Code, p.job, nid, p.basis, flag(p.role.optIn()), p.health,
			p.created, p.updated, flag(p.role.deleted()), deletedAt})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

func flag(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (g *gen) fillContact(p *contact) {
	c := p.c
	p.first, p.last, p.male = g.person(c)
	p.ci = &c.Cities[g.r.IntN(len(c.Cities))]
	p.street = streetAddress(g.r, c)
	p.postcode = postcode(g.r, c, p.ci)
	p.phone = e164(c, landlineNational(g.r, p.ci))
	mob, _ := mobileNational(g.r, c)
	p.mobile = e164(c, mob)
	child := p.role == roleChild
	p.account = g.accountFor(c, child)
	domain := ""
	if !child && g.r.chance(40) {
		domain = g.accounts[p.account-1].Domain
	}
	p.email = g.email(p.first, p.last, c, domain)
	p.job = g.r.pick(c.Jobs)
	if child {
		p.job = youthTitles[c.Code]
		p.birth = dateOf(g.now.Add(-time.Duration(g.r.between(4900, 5700)) * day))
	} else if g.r.chance(60) {
		p.birth = dateOf(g.now.Add(-time.Duration(g.r.between(20*365+10, 75*365)) * day))
	}
	if !child && !p.birth.IsZero() && g.r.chance(50) {
		switch c.Code {
		case "DE":
			p.nationalID = steuerID(g.r)
		case "FR":
			p.nationalID = nir(g.r, p.male, p.birth)
		case "ES":
			p.nationalID = dni(g.r)
		case "IT":
			p.nationalID = codiceFiscale(p.first, p.last, p.male, p.birth, c.Cities[g.r.IntN(len(c.Cities))].Belfiore)
		case "NL":
			p.nationalID = bsn(g.r)
		case "PL":
			p.nationalID = pesel(g.r, p.male, p.birth)
		}
	}
	switch {
	case p.role.nullBasis():
		if g.r.chance(67) {
			p.basis = nil
		} else {
			p.basis = ""
		}
	case p.role == roleChild || p.role == roleOptInWithdrawn:
		p.basis = "consent"
	case p.role == roleOptIn:
		p.basis = pickWeighted(g.r, "consent", 80, "legitimate_interest", 10, "contract", 10)
	case p.role == roleOptInNoConsent:
		p.basis = pickWeighted(g.r, "consent", 50, "legitimate_interest", 50, "", 0)
	default:
		p.basis = pickWeighted(g.r, "contract", 60, "legitimate_interest", 40, "", 0)
	}
	switch p.role {
	case roleDeletedOld:
		p.deletedAt = g.ago(120, 700)
	case roleDeletedRecent:
		p.deletedAt = g.ago(1, 9)
	}
	switch {
	case p.role.deleted():
		p.created = p.deletedAt.Add(-time.Duration(g.r.between(100, 1500)) * day)
		p.updated = p.deletedAt
	default:
		switch {
		case p.imported:
			p.created = g.importAt
		case p.role == roleOptInWithdrawn || p.role == roleOptOutWithdrawn:
			p.created = g.ago(200, 2200)
		default:
			p.created = g.ago(60, 2200)
		}
		p.updated = g.within(p.created, g.now.Add(-time.Hour))
	}
	if p.nationalID != "" {
		g.remember(p.nationalID)
	}
	if !p.birth.IsZero() {
		g.remember(p.birth.Format("2006-01-02"))
	}
	g.remember(p.first, p.last, p.first+" "+p.last, p.phone, p.mobile, p.street)
}

func pickWeighted(r rng, a string, wa int, b string, wb int, c string, wc int) string {
	x := r.IntN(wa + wb + wc)
	switch {
	case x < wa:
		return a
	case x < wa+wb:
		return b
	}
	return c
}

// eligible returns the contacts (in id order) not deleted and, unless kids, not children.
func (g *gen) eligible(kids bool) []*contact {
	var out []*contact
	for _, p := range g.contacts {
		if !p.role.deleted() && (kids || p.role != roleChild) {
			out = append(out, p)
		}
	}
	return out
}

// --- consent records -----------------------------------------------------------------------

type consentRow struct {
	contact           int64
	purpose, channel  string
	granted           bool
	captured          time.Time
	method            string
	source, notice    any
	withdrawnAt       any
	proofGapCandidate bool
}

var noticeVersions = []string{"privacy-notice v1.2", "privacy-notice v2.0", "privacy-notice v2.3", "privacy-notice v3.0"}

func (g *gen) grant(p *contact, purpose string) consentRow {
	channel := "email"
	if purpose == "profiling" {
		channel = g.r.pick([]string{"email", "sms", "phone"})
	}
	row := consentRow{contact: p.id, purpose: purpose, channel: channel, granted: true,
		captured: g.after(p.created, 14*day), notice: g.r.pick(noticeVersions)}
	switch x := g.r.IntN(20); {
	case x < 10:
		row.method = "double_opt_in"
		row.source = "https://www." + ownDomain + "/newsletter"
	case x < 16:
		row.method = "web_form"
		row.source = "form:" + g.r.pick([]string{"contact", "demo-request", "webinar-signup", "whitepaper-download"})
	case x < 19:
		row.method = "phone"
		row.source = "agent:" + g.r.pick(g.users)
	default:
		row.method = "paper"
		row.source = "paper:" + g.r.pick([]string{"trade-fair", "event-signup", "store-counter"})
	}
	return row
}

func (g *gen) withdraw(p *contact, granted consentRow) consentRow {
	p.withdrawn = g.within(granted.captured.Add(30*day), g.now.Add(-20*day))
	return consentRow{contact: p.id, purpose: granted.purpose, channel: granted.channel, captured: p.withdrawn,
		method: "web_form", source: "unsubscribe-link", notice: granted.notice, withdrawnAt: p.withdrawn}
}

func (g *gen) genConsent() {
	var rows []consentRow
	pickSet := func(ps []*contact, n int) []bool {
		set := make([]bool, len(ps))
		for _, i := range g.r.Perm(len(ps))[:n] {
			set[i] = true
		}
		return set
	}
	byRole := func(match func(role) bool) []*contact {
		var out []*contact
		for _, p := range g.contacts {
			if match(p.role) {
				out = append(out, p)
			}
		}
		return out
	}
	granted := byRole(func(r role) bool { return r == roleOptIn || r == roleChild || r == roleOptInNullBasis })
	newsletter, profiling := pickSet(granted, nNewsletterOptIn), pickSet(granted, nProfilingOptIn)
	for i, p := range granted {
		em := g.grant(p, "email_marketing")
		if p.imported {
			em.captured, em.method, em.source, em.notice = g.importAt, "import", nil, nil
		} else if p.role == roleOptIn {
			em.proofGapCandidate = true
		}
		rows = append(rows, em)
		if newsletter[i] {
			rows = append(rows, g.grant(p, "newsletter"))
		}
		if profiling[i] {
			rows = append(rows, g.grant(p, "profiling"))
		}
	}
	for _, p := range byRole(func(r role) bool { return r == roleOptInWithdrawn || r == roleOptOutWithdrawn }) {
		em := g.grant(p, "email_marketing")
		rows = append(rows, em, g.withdraw(p, em))
	}
	noConsent := byRole(func(r role) bool { return r == roleOptInNoConsent })
	for i, with := range pickSet(noConsent, nNewsletterNoConsent) {
		if with {
			rows = append(rows, g.grant(noConsent[i], "newsletter"))
		}
	}
	for _, p := range byRole(func(r role) bool { return r == roleOptOutNullBasisGranted }) {
		rows = append(rows, g.grant(p, g.r.pick([]string{"newsletter", "profiling"})))
	}
	optOut := byRole(func(r role) bool { return r == roleOptOut })
	for i, with := range pickSet(optOut, nProfilingOptOut) {
		if with {
			rows = append(rows, g.grant(optOut[i], "profiling"))
		}
	}
	// CNS-05: a few opted-in contacts also ticked a catch-all consent ("all").
	var pool []*contact
	for _, p := range byRole(func(r role) bool { return r == roleOptIn }) {
		if !p.imported {
			pool = append(pool, p)
		}
	}
	for _, i := range g.r.Perm(len(pool))[:nBundled] {
		rows = append(rows, g.grant(pool[i], "all"))
	}
	// Proof gaps (CNS-02) beside the import rows: no notice version, or no source.
	var cand []int
	for i, r := range rows {
		if r.proofGapCandidate {
			cand = append(cand, i)
		}
	}
	for k, j := range g.r.Perm(len(cand))[:nNoNotice+nNoSource] {
		if k < nNoNotice {
			rows[cand[j]].notice = nil
		} else {
			rows[cand[j]].source = nil
		}
	}
	if len(rows) != consentRows {
		panic(fmt.Sprintf("demo: %d consent rows, want %d", len(rows), consentRows))
	}
	for _, r := range rows {
		if r.granted {
			g.contacts[r.contact-1].grants++
		}
	}
	slices.SortStableFunc(rows, func(a, b consentRow) int { return a.captured.Compare(b.captured) })

	t := dbfixture.Table{Name: "consent_records", Columns: []dbfixture.Column{
		pk("id"), col("contact_id", dbfixture.Int), col("purpose", dbfixture.Text), col("channel", dbfixture.Text), col("status", dbfixture.Text),
		col("captured_at", dbfixture.Timestamp), col("capture_method", dbfixture.Text), null("capture_source", dbfixture.Text),
		null("notice_version", dbfixture.Text), null("withdrawn_at", dbfixture.Timestamp),
	}}
	for i, r := range rows {
		status := "withdrawn"
		if r.granted {
			status = "granted"
		}
		t.Rows = append(t.Rows, []any{int64(i + 1), r.contact, r.purpose, r.channel, status, r.captured,
			r.method, r.source, r.notice, r.withdrawnAt})
	}
	g.ds.Tables = append(g.ds.Tables, t)
}

package rules

import (
	"fmt"
	"math/big"
	"regexp"
	"strings"
	"unicode"

	"github.com/nyaruka/phonenumbers"

	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Free text: notes, descriptions, comments and message bodies of tables about people
// (columns the classifier marks as personal free text; the organisation's own template
// and configuration texts are not). What people write there is the hardest data to
// govern: it escapes every field-level control. Both rules say in their detail that a
// person must judge the matches.

// freeTextColumns returns the personal free-text columns of tables about people, views
// left out.
func freeTextColumns(env *Env) []struct {
	t Table
	c TableColumn
} {
	var out []struct {
		t Table
		c TableColumn
	}
	for _, t := range env.Tables {
		if t.IsView || !env.aboutPeople(t) {
			continue
		}
		for _, c := range t.Columns {
			if c.Class.Personal && c.Class.Category == detect.FreeText {
				out = append(out, struct {
					t Table
					c TableColumn
				}{t, c})
			}
		}
	}
	return out
}

// personKeyRE matches columns that point at a data subject: contact_id, ContactId
// (vtiger contactid), bean_id (SuiteCRM), partner_id (Odoo), member_id,
// primary_contact_id, customer_ref. Generic links (parent_id, target_id, related_id) are
// left out: category trees and menus have them too.
var personKeyRE = regexp.MustCompile(`(?i)(^|_)(contact|person|people|customer|client|member|patient|lead|prospect|partner|bean|subscriber|donor|participant|student|candidate|applicant|guest|visitor|account|user|employee|individual)_?(id|key|ref|no|nr)$`)

// aboutPeople reports whether a table's rows are about people: it holds a personal
// column other than free text, a column pointing at a person, or it is a mapped subject
// table. An event's description, a thank-you text or a page footer sits in a table
// about none: the organisation's own mailbox or an event on diabetes there is no one's
// personal data.
func (e *Env) aboutPeople(t Table) bool {
	if _, ok := e.subjectOf(t); ok {
		return true
	}
	for _, c := range t.Columns {
		if c.Class.Personal && c.Class.Category != detect.FreeText || personKeyRE.MatchString(c.Name) {
			return true
		}
	}
	return false
}

// specialTerms are the words that, in free text, point to Art. 9 data. A trailing "*"
// makes a stem, matched at the start of a word (diabet* finds diabetes, diabetic,
// Diabetiker); other entries are whole words or phrases. Words that are also surnames,
// places or everyday words elsewhere (Krebs, hospital, union, therapy, depression) are left out:
// each match still needs a person's judgement.
var specialTerms = []struct {
	cat   detect.Category
	terms []string
}{
	{detect.Health, []string{
		"diagnosis", "diagnosed", "diagnose", "diagnosen", "diagnostiziert", "diagnostiqué", "diagnosticado",
		"diabet*", "pregnan*", "schwanger*", "enceinte", "grossesse", "embarazada", "embarazo", "incinta",
		"gravidanza", "zwanger*", "ciaza", "ciąża", "gravidez", "gestante", "miscarriage", "fehlgeburt",
		"chemotherap*", "chemo", "cancer", "tumour", "tumor", "tumore", "krebserkrank*", "kanker", "cancro",
		"nowotwor*", "dementia", "demenz*", "alzheimer*", "epilep*", "asthm*", "depressiv*", "anxiety disorder", "psychiatr*", "psychotherap*", "physiotherap*", "therapist",
		"medication", "medikament*", "médicament*", "medicamento*", "farmaci", "insulin*", "surgery",
		"hospitalised", "hospitalized", "hospitalisé", "hospitalizado", "ricoverato", "krankenhaus*",
		"ziekenhuis", "szpital*", "sick leave", "sick note", "krankgeschrieben", "krankmeldung", "krankschreibung",
		"arbeitsunfähig*", "arbeitsunfaehig*", "arrêt maladie", "arret maladie", "baja médica", "baja medica",
		"disability", "disabilities", "disabled", "behinderung", "schwerbehindert*", "handicapé", "handicape",
		"discapacidad", "disabile", "gehandicapt", "niepełnospraw*", "niepelnospraw*", "wheelchair", "rollstuhl*", "fauteuil roulant", "silla de ruedas", "sedia a rotelle",
		"rolstoel", "wózek inwalidzki", "cadeira de rodas", "chirurg*", "cirugía", "cirugia", "cirurgia",
		"maternity leave", "mutterschutz", "congé maternité",
		"allerg*", "alergi*", "illness", "krankheit*", "erkrank*", "maladie", "malade", "enfermedad", "enfermo",
		"enferma", "malattia", "malato", "malata", "ziekte", "choroba", "chory", "chora", "doença", "doenca",
		"cukrzyc*", "hiv", "aids", "hepatitis", "schizophren*", "bipolar", "autism*", "autist*", "adhd",
		"生病", "疾病", "怀孕", "癌症", "住院", "糖尿病", "抑郁症"}},
	{detect.ReligionOrBelief, []string{
		"muslim*", "moslem*", "islam", "islamic", "catholic", "katholisch*", "catholique", "católico",
		"catolico", "cattolico", "katholiek", "katolik*", "protestant*", "evangelisch*", "jewish", "jüdisch*",
		"juedisch*", "juif", "juive", "judío", "judio", "ebreo", "joods", "hindu*", "buddhis*", "sikh",
		"atheist*", "mosque", "moschee", "mosquée", "mosquee", "mezquita", "moschea", "moskee", "meczet",
		"synagog*", "ramadan", "jehovah*", "halal", "kosher", "koscher", "佛教", "基督教", "伊斯兰"}},
	{detect.Ethnicity, []string{
		"ethnic*", "ethnisch*", "ethnique", "étnico", "etnico", "etnia", "etnisch", "etniczn*", "racial origin",
		"hispanic", "caucasian", "african american", "民族"}},
	{detect.Political, []string{
		"political opinion*", "political views", "political party", "party member*", "parteimitglied*",
		"politische einstellung", "opinion politique", "opinión política", "党员"}},
	{detect.TradeUnion, []string{
		"trade union*", "union member*", "gewerkschaft*", "syndicat", "syndiqué", "syndique", "sindicato",
		"sindacato", "vakbond*", "związek zawodowy", "zwiazek zawodowy", "ig metall", "工会"}},
	{detect.SexualOrientation, []string{
		"gay", "lesbian*", "bisexual*", "homosexu*", "transgender*", "queer", "schwul*", "lesbisch*",
		"homosexuel*", "lesbienne", "lesbiana", "lesbica", "omosessual*", "homoseks*", "同性恋"}},
	{detect.Genetic, []string{
		"genetic*", "genetisch*", "génétique", "genetique", "genético", "genetico", "dna", "brca1", "brca2",
		"genom*", "基因"}},
}

// SpecialCategoryFreeText is SPC-02: free-text columns of tables about people whose text
// names a diagnosis, a pregnancy, a treatment, a religion or another Art. 9 category. The
// rows are counted exactly in SQL (see termQuery); a keyword is a lead, not proof, so
// the finding says it needs review.
func SpecialCategoryFreeText() Rule {
	return newRule(Meta{
		ID:          "SPC-02",
		Title:       "Special-category data in free text",
		Family:      SpecialCategories,
		Articles:    []string{"Art. 9(1)", "Art. 5(1)(c)"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "lawfulness (special categories)",
		Remediation: "Read the listed rows: remove special-category details that serve no recorded purpose, move those that do into a protected field with an Art. 9(2) condition, and tell staff what not to write in notes.",
		Matches:     "Per personal free-text column of a table about people (as DSC-03): rows whose text holds a health, religion, ethnicity, political, trade-union, sexual-orientation or genetic term (about 250 words and stems in EN, DE, FR, ES, IT, NL, PL, PT, ZH: diagnosis, diabet…, pregnan…, chemotherap…, muslim…, gewerkschaft…). Counted exactly in SQL: full-text search on PostgreSQL (`to_tsvector('simple', …) @@ to_tsquery(…)` with prefix terms and phrases, over the first 200,000 characters), a word-boundary regular expression on MySQL/MariaDB, space-padded words in a materialised CTE on SQLite; Han terms as substrings. Detail says: needs human review (a keyword, not proof)",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, fc := range freeTextColumns(env) {
			var cats []string
			var words []string
			for _, g := range specialTerms {
				cats = append(cats, string(g.cat))
				words = append(words, g.terms...)
			}
			out = append(out, Check{
				Location:  Location{Schema: fc.t.Schema, Table: fc.t.Name, Column: fc.c.Name},
				Offending: termQuery(d, fc.t, fc.c.Name, env.subjectExpr(fc.t, "t"), words),
				Detail: "free text naming " + strings.Join(cats, ", ") + " terms; confidence: needs human review " +
					"(a keyword match, not proof: read the rows reproduce_sql lists)",
			})
		}
		return out, nil
	})
}

// termQuery is the offending query of the rows of t whose column name holds one of the
// terms: whole words, stems at a word start, and Han terms anywhere (Chinese has no
// spaces between words). The text is read once per row in a derived table c (k the row
// key, s the subject, w the text) and matched in one pass the engine does well:
// PostgreSQL's full-text search ('simple' configuration: lower-cased words, no stemming
// or stop words; prefix terms and phrases in a tsquery), a word-boundary regular
// expression on MySQL/MariaDB, and on SQLite, which has neither, LIKE over the text
// with punctuation turned into spaces, materialised first so it is built once per row.
func termQuery(d dialect.Dialect, t Table, name, subject string, terms []string) string {
	col := d.Column("t", name)
	txt := d.Text(col)
	key := rowKey(d, "t", t)
	var whole, stems, han []string
	for _, w := range terms {
		switch s, stem := strings.CutSuffix(w, "*"); {
		case isHan(w):
			han = append(han, w)
		case stem:
			stems = append(stems, s)
		default:
			whole = append(whole, w)
		}
	}
	var hanLikes []string
	for _, x := range han {
		hanLikes = append(hanLikes, "c.w LIKE "+d.String("%"+x+"%"))
	}
	var w, where string
	switch d {
	case dialect.Postgres:
		// A tsvector holds at most 1 MB: the first 200,000 characters are searched.
		w = "LEFT(" + txt + ", 200000)"
		var q []string
		for _, x := range whole {
			q = append(q, strings.Join(strings.Fields(x), " <-> "))
		}
		for _, x := range stems {
			q = append(q, strings.Join(strings.Fields(x), " <-> ")+":*")
		}
		where = orAll(append([]string{"to_tsvector('simple', c.w) @@ to_tsquery('simple', " + d.String(strings.Join(q, " | ")) + ")"}, hanLikes...))
	case dialect.MySQL:
		alt := func(ws []string) string {
			q := make([]string, len(ws))
			for i, x := range ws {
				q[i] = strings.ReplaceAll(regexp.QuoteMeta(x), " ", `\s+`)
			}
			return strings.Join(q, "|")
		}
		w = "LOWER(" + txt + ")"
		where = "c.w REGEXP " + d.String(`(?i)\b(`+alt(whole)+`)\b|\b(`+alt(stems)+`)|`+alt(han))
	default:
		w = "LOWER(" + txt + ")"
		for _, p := range []string{".", ",", ";", ":", "!", "?", "(", ")", "[", "]", `"`, "'", "/", "-", "_"} {
			w = "REPLACE(" + w + ", " + d.String(p) + ", ' ')"
		}
		for _, c := range []string{"char(10)", "char(13)", "char(9)"} {
			w = "REPLACE(" + w + ", " + c + ", ' ')"
		}
		w = "' ' || " + w + " || ' '"
		var likes []string
		for _, x := range whole {
			likes = append(likes, "c.w LIKE "+d.String("% "+x+" %"))
		}
		for _, x := range stems {
			likes = append(likes, "c.w LIKE "+d.String("% "+x+"%"))
		}
		where = orAll(append(likes, hanLikes...))
	}
	inner := fmt.Sprintf("SELECT %s AS k, %s AS s, %s AS w\n  FROM %s t\n  WHERE %s IS NOT NULL", key, subject, w, d.Table(t.Schema, t.Name), col)
	if d == dialect.SQLite {
		return "WITH c AS MATERIALIZED (" + inner + ")\n" + offending("c.k", "c.s", "NULL", "c", where)
	}
	return offending("c.k", "c.s", "NULL", "("+inner+") c", where)
}

// isHan reports whether a term is written in Chinese characters.
func isHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// FreeTextPersonalData is DSC-03: free-text columns of tables about people holding
// e-mail addresses, phone numbers or IBANs written into the text. SQL keeps the rows
// that could hold one; Go then finds a valid address, a number
// libphonenumber accepts, or an IBAN passing mod-97. Counts are exact up to the
// scanner's candidate bound (10,000 rows per column), estimated and flagged beyond.
func FreeTextPersonalData() Rule {
	return newRule(Meta{
		ID:          "DSC-03",
		Title:       "Personal data in free-text fields",
		Family:      Discovery,
		Articles:    []string{"Art. 5(1)(c)", "Art. 25(1)"},
		Severity:    SeverityLimited,
		Likelihood:  2,
		Principle:   "data minimisation",
		Remediation: "Move contact and bank details written into notes into their own fields (where they fall under retention, erasure and access rules), delete the copies in the text, and stop free-text fields from being used for them.",
		Matches:     "Per personal free-text column of a table about people (one with a personal column other than free text, a person key such as `contact_id`, `ContactId`, `bean_id`, `partner_id`, or a mapped subject; an event's or a template's texts are not): SQL keeps rows that could hold one (PostgreSQL, MySQL: an address shape, `+`, `00` or `0` and eight digits, or an IBAN start; SQLite: an `@` or eight digits); Go keeps those holding a valid e-mail address other than a role mailbox (`info@`, `events@`, `support@`, …), a phone number libphonenumber accepts (national numbers in `discovery.phone_regions`, else 16 European regions; dates left out) or an IBAN passing mod-97. Masked examples (`j***@example.com`, `DE89**************3000`, `*********67`). Exact up to 10,000 candidate rows per column, estimated and flagged beyond; `reproduce_sql` lists the candidates. Detail says: needs human review",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		regions := defaultPhoneRegions
		if env.Config != nil && len(env.Config.Discovery.PhoneRegions) > 0 {
			regions = env.Config.Discovery.PhoneRegions
		}
		validate := func(v string) bool { return firstTextHit(v, regions) != "" }
		mask := func(v string) string { return firstTextHit(v, regions) }
		var out []Check
		for _, fc := range freeTextColumns(env) {
			col := d.Column("t", fc.c.Name)
			txt := d.Text(col)
			// The pre-filter keeps what could be an address, a phone number with its
			// country or trunk prefix, or the start of an IBAN, so on PostgreSQL and MySQL
			// the candidates are nearly the hits and the candidate bound is rarely reached.
			// SQLite has no regular expressions: an @ or eight digits anywhere.
			var pre string
			switch d {
			case dialect.Postgres:
				pre = txt + " ~ " + d.String(`[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]|(\+|\m00?)[1-9]([ ./()-]?[0-9]){7}|\m[A-Z]{2}[0-9]{2} ?[0-9A-Z]{4}`)
			case dialect.MySQL:
				pre = txt + " REGEXP " + d.String(`[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.[A-Za-z]|(\+|\b00?)[1-9]([ ./()-]?[0-9]){7}|\b[A-Z]{2}[0-9]{2} ?[0-9A-Z]{4}`)
			default:
				pre = "(" + txt + " LIKE '%@%' OR " + txt + " GLOB '" + strings.Repeat("*[0-9]", 8) + "*')"
			}
			key := rowKey(d, "t", fc.t)
			out = append(out, Check{
				Location:  Location{Schema: fc.t.Schema, Table: fc.t.Name, Column: fc.c.Name},
				Offending: offending(key, env.subjectExpr(fc.t, "t"), "NULL", d.Table(fc.t.Schema, fc.t.Name)+" t", col+" IS NOT NULL AND "+pre, txt),
				Validate:  validate,
				Mask:      mask,
				Detail: "e-mail addresses, phone numbers or IBANs written into free text; confidence: needs human review " +
					"(whose data it is, and whether it belongs there; reproduce_sql lists the candidate rows, the count is of those holding a validated identifier)",
			})
		}
		return out, nil
	})
}

// defaultPhoneRegions are tried for national numbers when discovery.phone_regions is unset.
var defaultPhoneRegions = []string{"DE", "FR", "GB", "NL", "BE", "AT", "CH", "IT", "ES", "PL", "SE", "DK", "NO", "FI", "IE", "PT"}

// roleMailboxes are addresses of a function, not a person: an organisation's own
// info@ or events@ in a text is no one's personal data.
var roleMailboxes = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("info contact kontakt office buero bureau events event support help helpdesk service sales vertrieb " +
		"marketing newsletter noreply no-reply donotreply do-not-reply hello hallo admin webmaster postmaster abuse billing " +
		"invoices rechnung accounts accounting hr jobs careers karriere press presse media privacy datenschutz dpo gdpr " +
		"team mail post reception empfang secretariat sekretariat membership mitglieder booking bookings reservations orders") {
		m[w] = true
	}
	return m
}()

var (
	textEmailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}`)
	textPhoneRE = regexp.MustCompile(`(\+|\b00|\b0)[1-9]([ ./\-]?[0-9]|[ ]?\([0-9]{1,4}\)){7,14}`)
	textIBANRE  = regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}( ?[A-Z0-9]){11,30}\b`)
	textDateRE  = regexp.MustCompile(`^[0-9]{1,2}[./][0-9]{1,2}[./][0-9]{2,4}`)
)

// firstTextHit returns the first e-mail address, phone number or IBAN found in a text,
// masked, or "" when there is none.
func firstTextHit(v string, regions []string) string {
	if len(v) > 100000 {
		v = v[:100000]
	}
	for _, e := range textEmailRE.FindAllString(v, 5) {
		if at := strings.IndexByte(e, '@'); at > 0 && !strings.Contains(e, "..") && !roleMailboxes[strings.ToLower(e[:at])] {
			return e[:1] + "***" + e[at:]
		}
	}
	for _, s := range textIBANRE.FindAllString(v, 5) {
		if c := strings.ReplaceAll(s, " ", ""); validIBANText(c) {
			return c[:4] + strings.Repeat("*", len(c)-8) + c[len(c)-4:]
		}
	}
	for _, p := range textPhoneRE.FindAllString(v, 5) {
		if textDateRE.MatchString(p) {
			continue // 01.02.2023 10 is a date and a time
		}
		if validPhoneText(p, regions) {
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, p)
			return strings.Repeat("*", len(digits)-2) + digits[len(digits)-2:]
		}
	}
	return ""
}

// validIBANText checks the mod-97 check digits of a compact IBAN.
func validIBANText(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	var b strings.Builder
	for _, r := range s[4:] + s[:4] {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			fmt.Fprint(&b, int(r-'A')+10)
		default:
			return false
		}
	}
	n, ok := new(big.Int).SetString(b.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// validPhoneText: a number with a country code is parsed as is; a national one must be
// valid in one of the regions.
func validPhoneText(p string, regions []string) bool {
	if strings.HasPrefix(p, "+") || strings.HasPrefix(p, "00") {
		num, err := phonenumbers.Parse("+"+strings.TrimLeft(strings.TrimPrefix(p, "+"), "0"), "")
		return err == nil && phonenumbers.IsValidNumber(num)
	}
	for _, r := range regions {
		if num, err := phonenumbers.Parse(p, r); err == nil && phonenumbers.IsValidNumberForRegion(num, r) {
			return true
		}
	}
	return false
}

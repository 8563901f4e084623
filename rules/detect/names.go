package detect

import (
	"slices"
	"strings"
	"unicode"
)

// Column and table names are matched as words, never as regular expressions:
//
//   - words splits a name into lower-case words: separators, camelCase, letter/digit
//     boundaries; accents are folded (ä→ae, é→e, ł→l) and every Han character is a word
//     of its own, so "cust_FirstName__c" is [cust first name c] and "客户姓名" is [客 户 姓 名].
//   - Lower-case compounds the vocabulary does not know are split into known words:
//     "gendercode" is [gender code], "donotemail" [do not email].
//   - A vocabulary entry ("first name", "geburtsdatum", "手机号") matches any run of
//     consecutive words that spells it without separators, so "first_name", "FirstName",
//     "firstname" and "FIRST-NAME" all match "first name"; a plural matches too ("emails").
//   - The entry ending furthest right wins (the head of the name: "address1_city" is a
//     city), and of those the longest ("email_address" is an email). Art. 9 and 10 entries
//     win wherever they are ("health_notes").
//   - A bare "name" or "title" takes its meaning from the word before it: "contact_name" is
//     a person's, "street_name" an address, "product_name" nobody's.
//   - Words around the match can turn it off: "email_opt_in", "is_email_verified",
//     "email_hash", "phone_id" are flags, metadata, digests and foreign keys, not the data.
//
// The entries are data, vocab/*.yaml (loaded by vocab.go); the modifier words below and the
// value checks stay in Go.

// Name-evidence strengths of vocabulary entries (see score.go).
const (
	specific  = 0.7  // the name alone says what the column holds: email, iban, date_of_birth
	likely    = 0.62 // usually right: address, login, salary
	ambiguous = 0.5  // needs a person beside it or confirming values: name, city, title
	faint     = 0.35 // personal only when the values say so: a subject line
)

// term is one vocabulary entry: a column-name phrase and what it means.
type term struct {
	phrase   string
	cat      Category // None for known non-personal names that would otherwise match
	strength float64
	quasi    bool      // personal only beside a person: off in company, object and lookup tables
	det      *detector // judges the values instead of the category's detector (house numbers, hire dates)
	// contact: the name of someone the row is not about, its entity's contact person
	// (contact_person, ansprechpartner); it does not make the row a person's.
	contact bool
}

// vocabulary maps the joined words of each phrase to its entry; maxPhraseWords bounds the
// runs of words tried against it.
var vocabulary, vocabConflicts, maxPhraseWords = buildVocabulary(vocabularyTerms)

func buildVocabulary(ts []term) (v map[string]term, conflicts []string, maxWords int) {
	v = map[string]term{}
	for _, t := range ts {
		w := words(t.phrase)
		key := strings.Join(w, "")
		if key == "" {
			conflicts = append(conflicts, "empty phrase "+t.phrase)
			continue
		}
		if old, ok := v[key]; ok {
			if old.cat != t.cat || old.strength != t.strength || old.quasi != t.quasi || old.det != t.det || old.contact != t.contact {
				conflicts = append(conflicts, t.phrase+" ("+string(t.cat)+") vs "+old.phrase+" ("+string(old.cat)+")")
			}
			continue // the first spelling names the entry
		}
		maxWords = max(maxWords, len(w))
		v[key] = t
	}
	return v, conflicts, maxWords
}

// Words next to a match that say the column is about the data, not the data itself.
var (
	// flagWords mark consent, validity and preference flags: email_opt_in, phone_verified.
	flagWords = wordList("flag_words")
	// metaWords mark descriptions of the data: email_format, phone_type, password_policy.
	metaWords = wordList("meta_words")
	// timeWords mark timestamps: email_verified_at, phone_updated.
	timeWords = wordList("time_words")
	// hashWords mark digests: email_hash, sha256_email.
	hashWords = wordList("hash_words")
	// refWords mark keys into another table: phone_id, address_fk.
	refWords = wordList("ref_words")
	// consentWords are the flag words that still apply to special categories.
	consentWords = wordList("consent_words")
	// leadKill words before a match make it a flag or a count: is_email_verified, has_phone,
	// nb_emails, hashed_email.
	leadKill = unionWithout(wordList("lead_kill_options"), wordList("lead_kill_words"), flagWords)
	// neutralWords after a match change nothing: phone_number, email_address_2, zip_code, iban_c.
	neutralWords = wordList("neutral_words")
)

// exempt lists the modifier sets that do not turn off a category's match.
var exempt = map[Category][]map[string]bool{
	DateOfBirth:      {timeWords},
	Age:              {timeWords},
	PasswordOrSecret: {hashWords},
	Gender:           {refWords},
	NationalID:       {refWords},
	Passport:         {refWords},
	TaxID:            {refWords},
	DeviceID:         {refWords},
	Username:         {refWords},
	PhotoOrBiometric: {metaWords, refWords},
	// note_public, notes_private: which note, not a flag.
	FreeText: {visibilityWords},
}

// visibilityWords say who may see a note; after a free-text name they name the note.
var visibilityWords = wordList("visibility_words")

// modifierKills reports whether word w before (lead) or after a match of category cat turns
// the match off. For Art. 9 and 10 data only consent words do: "has_disability",
// "religion_id" and "diagnosis_date" still reveal the category.
func modifierKills(cat Category, w string, lead bool) bool {
	if cat.Special() || cat.CriminalData() {
		return consentWords[w]
	}
	if lead {
		return leadKill[w] && !(cat == PasswordOrSecret && hashWords[w])
	}
	for _, set := range []map[string]bool{flagWords, metaWords, timeWords, hashWords, refWords} {
		if !set[w] {
			continue
		}
		for _, ex := range exempt[cat] {
			if ex[w] {
				return false
			}
		}
		return true
	}
	return false
}

// bareNames are the words for "name" (and "title") on their own. Qualified by a person word
// they are about a person; by any other word ("product_name", "page_title") about a thing.
var bareNames = wordList("bare_names")

// personQualifiers before a bare name make it a person's name: contact_name, billing_name,
// requester_name. In Romance languages they follow it: nome_paciente, nombre_cliente, nm_mae.
var personQualifiers = wordList("person_qualifiers")

// affixes are prefixes and suffixes CRMs add to field names: Salesforce __c, Odoo x_studio_,
// HubSpot hs_, custom-field and table prefixes.
var affixes = wordList("affixes")

// nameMatch is what a column's name says about it.
type nameMatch struct {
	cat      Category // None: nothing matched, or a modifier turned the match off
	phrase   string   // the vocabulary entry that matched
	strength float64
	quasi    bool
	blocked  bool      // a known non-personal name (sku, product_name, created_by)
	modifier string    // the word that turned a match off ("hash", "opt", "id")
	det      *detector // the entry's own value check, if it has one
	// person: a person word qualifies the match (contact_email, owner_phone): the data is a
	// person's even in a company's table.
	person  bool
	legacy  bool // matched after the table's legacy field prefix was taken off (CUZIP)
	contact bool // the entry names an entity's contact person (term.contact)
	// coded: the match a key word turned off when the entry names an attribute whose values
	// come from a list (gender_id, country_id, state_province_id, department_id): in a
	// person table the key is that attribute in code (see codedAttribute).
	coded *nameMatch
}

// matchName looks a column name up in the vocabulary. Of all entries found in the name,
// the one ending furthest right wins (the head of an English or German compound:
// "address1_city" is a city), and of those ending there, the longest ("email_address" is
// an email, not an address).
func matchName(name string) nameMatch { return builtinVocab.matchName(name) }

func (v *vocabIndex) matchName(name string) nameMatch {
	w := v.segment(words(name))
	if len(w) == 0 {
		return nameMatch{cat: None}
	}
	bi, bj, si, sj := -1, -1, -1, -1
	var best, special term
	bestLen, specialLen := 0, 0
	var b strings.Builder
	for i := range w {
		b.Reset()
		for j := i; j < len(w) && j-i < v.maxWords+2; j++ {
			b.WriteString(w[j])
			t, ok := v.lookupPlural(b.String())
			if !ok || aloneTerms[t.phrase] && !onlyNameWords(w[:i]) {
				continue
			}
			l := b.Len()
			if j > bj || j == bj && l > bestLen {
				bi, bj, best, bestLen = i, j, t, l
			}
			if sensitive(t.cat) && t.strength >= specific && (j > sj || j == sj && l > specialLen) {
				si, sj, special, specialLen = i, j, t, l
			}
		}
	}
	if bi < 0 {
		return nameMatch{cat: None}
	}
	if si >= 0 && !sensitive(best.cat) && (si < bi || sj > bj) {
		// Art. 9 and 10 words qualify whatever follows: health_notes, medical_status.
		bi, bj, best = si, sj, special
	}
	m := nameMatch{cat: best.cat, phrase: best.phrase, strength: best.strength, quasi: best.quasi, det: best.det, contact: best.contact}
	if best.cat == None {
		m.blocked = true
		return m
	}
	after := bj + 1 // first word after the match that still counts for the penalty below
	if bi == bj && bareNames[w[bi]] {
		k := bj + 1
		for k < len(w)-1 && connectors[w[k]] {
			k++
		}
		q := qualifier(w[:bi])
		if q == "" && k < len(w) && personQualifiers[w[k]] {
			// nome_paciente, nombre_del_cliente, nm_mae: the qualifier follows the name.
			m.strength, m.quasi, m.person = specific, false, true
			m.phrase += " " + w[k]
			after = k + 1
		} else if kind, ok := tableNoun(w[min(k, len(w)-1)]); q == "" && k < len(w) && ok && kind != tablePerson && kind != tableNeutral {
			return nameMatch{cat: None, phrase: best.phrase + " " + w[k], blocked: true} // nome_produto, nom_fichier
		} else if q != "" {
			qt, known := v.terms[q]
			switch {
			case personQualifiers[q]:
				m.strength, m.quasi, m.person = specific, false, true
			case known && qt.cat != None: // street_name, city_name: the name of the thing the word is
				m.cat, m.strength, m.quasi = qt.cat, qt.strength, qt.quasi
			default: // product_name, bank_name
				return nameMatch{cat: None, phrase: q + " " + best.phrase, blocked: true}
			}
			m.phrase = q + " " + best.phrase
		}
	}
	if m.cat == FreeText && orgText(w, bi, bj) {
		return nameMatch{cat: None, phrase: m.phrase, blocked: true} // intro_text, confirm_email_text
	}
	penalty := 0.0
	for _, x := range w[min(after, len(w)):] {
		if m.cat == Phone && (x == "ext" || x == "extension") {
			m.det = &extensionDetector // phone_ext: the extension, not the number
		}
		switch {
		case modifierKills(m.cat, x, false):
			out := nameMatch{cat: None, phrase: m.phrase, modifier: x}
			if refWords[x] && codable(m) {
				c := m
				out.coded = &c
			}
			return out
		case personQualifiers[x] && m.cat != PersonName:
			m.person = true // email_sender, phone_owner: whose it is
		case !neutralWords[x] && !affixes[x] && !sensitive(m.cat) && !isModifier(x):
			penalty = 0.15 // an unknown head word: "email_subject" is probably not an email
		}
	}
	for _, x := range w[:bi] {
		if modifierKills(m.cat, x, true) {
			return nameMatch{cat: None, phrase: m.phrase, modifier: x}
		}
		if personQualifiers[x] && x != "user" {
			m.person = true // contact_email, owner_phone, emergency_contact_phone
		}
	}
	m.strength -= penalty
	return m
}

// aloneTerms match only on their own or after a name word: "prefix_id" and "name_suffix"
// are a person's, "phone_prefix" and "invoice_suffix" are not.
var aloneTerms = map[string]bool{"prefix": true, "suffix": true}

var nameWords = wordList("name_words")

func onlyNameWords(before []string) bool {
	for _, w := range before {
		if !nameWords[w] && !affixes[w] {
			return false
		}
	}
	return true
}

// orgTextWords name the texts an organisation writes once and shows to everybody: intro and
// footer texts, confirmation and thank-you pages, receipts, help and link texts.
var orgTextWords = wordList("org_text_words")

// orgText reports a free-text name qualified by an organisation-text word outside the match
// w[bi..bj].
func orgText(w []string, bi, bj int) bool {
	for i, x := range w {
		if (i < bi || i > bj) && orgTextWords[x] {
			return true
		}
	}
	return false
}

// employerTerms are the employment entries that name the employer, a record of its own:
// a key in their place (company_id, account_id) points to a company, not to a listed value.
var employerTerms = wordList("employer_terms")

// employerPhrase reports entries that name the employer (company, firma, employer_name).
func employerPhrase(phrase string) bool {
	for _, x := range words(phrase) {
		if employerTerms[x] {
			return true
		}
	}
	return false
}

// codable reports entries whose values come from a list, so that a key in their place is the
// attribute in code: countries, cities, regions, genders and salutations, name suffixes, job
// titles and departments. Keys to records (address_id, email_id, bank_account_id) are not.
func codable(m nameMatch) bool {
	switch m.cat {
	case Country, City, Gender:
		return true
	case PostalAddress:
		return m.det == &regionDetector
	case Employment:
		// job titles, departments, territories, grades, types: not the employer, not dates
		if employerPhrase(m.phrase) || strings.HasSuffix(m.phrase, "name") {
			return false
		}
		return m.det == nil || m.det == &employmentMeasureDetector
	case PersonName:
		return aloneTerms[m.phrase] || strings.HasSuffix(m.phrase, "suffix")
	}
	return false
}

// detector returns the detector that judges the values of a matched column: the entry's own,
// or its category's.
func (m nameMatch) detector() *detector {
	if m.det != nil {
		return m.det
	}
	return byCategory[m.cat]
}

// Legacy field prefixes. COBOL copybooks and RPG/AS400 files put a short prefix before every
// field of a record, and abbreviate the rest: the customer master CUSTMAST has CUNUM, CUNAME,
// CUADR1, CUCITY, CUST, CUZIP, CUPHON, CUBDAT; a card file CCNUM, CCEXP, CCCVV. A table whose
// columns are nearly all single upper- or lower-case tokens sharing a two- to four-letter
// prefix has one; its columns are matched without it, and then against legacyTerms too.

// legacyPrefix returns the prefix most columns of a legacy table share, or "".
func legacyPrefix(columns []string) string {
	toks := make([]string, 0, len(columns))
	for _, c := range columns {
		if isLegacyToken(c) {
			toks = append(toks, strings.ToLower(c))
		}
	}
	if len(toks) < 3 || len(toks)*10 < len(columns)*8 {
		return ""
	}
	for l := 4; l >= 2; l-- {
		counts := map[string]int{}
		for _, t := range toks {
			if len(t) > l {
				counts[t[:l]]++
			}
		}
		best, n := "", 0
		for p, k := range counts {
			if k > n || k == n && p < best {
				best, n = p, k
			}
		}
		if n >= 3 && n*10 >= len(toks)*7 {
			return best
		}
	}
	return ""
}

// isLegacyToken: letters and digits only, starting with a letter, in one case (CUZIP, cuzip).
func isLegacyToken(s string) bool {
	if s == "" || s[0] < 'A' || s[0] > 'z' {
		return false
	}
	upper, lower := false, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case isUpperASCII(c):
			upper = true
		case 'a' <= c && c <= 'z':
			lower = true
		case isDigit(c):
		default:
			return false
		}
	}
	return upper != lower
}

// matchColumn matches a column's name in its table: as written and, when that finds nothing,
// without the table's legacy prefix (the prefix kept as a word first: CCEXP is "cc exp").
func matchColumn(name string, tc tableCtx) nameMatch { return builtinVocab.matchColumn(name, tc) }

func (v *vocabIndex) matchColumn(name string, tc tableCtx) nameMatch {
	m := v.matchName(name)
	if tc.prefix == "" || m.cat != None || m.modifier != "" {
		return m // a blocked name may be the prefix qualifying a bare name: CCNAME is not "cc name"
	}
	rest, ok := strings.CutPrefix(strings.ToLower(name), tc.prefix)
	if !ok || rest == "" {
		return m
	}
	for _, try := range []string{tc.prefix + "_" + rest, rest} {
		if lm := v.matchName(try); lm.cat != None || lm.modifier != "" {
			lm.legacy = lm.cat != None
			return lm
		}
	}
	if t, ok := legacyTerms[strings.Join(words(rest), "")]; ok {
		return nameMatch{cat: t.cat, phrase: t.phrase, strength: t.strength, quasi: t.quasi, det: t.det, legacy: true}
	}
	return m
}

// legacyTerms are abbreviations too short or too ambiguous for the vocabulary, matched only
// as the whole rest of a prefixed legacy field name: CUST is a state, CUPHON a phone
// (vocab/95-legacy.yaml).
var legacyTerms = legacyMap(legacyVocabulary)

// lookupPlural finds a vocabulary entry, also for a plural: emails, phones, addresses, ips.
func (v *vocabIndex) lookupPlural(key string) (term, bool) {
	if t, ok := v.terms[key]; ok {
		return t, true
	}
	if k, ok := strings.CutSuffix(key, "s"); ok && len(k) >= 4 {
		if t, ok := v.terms[k]; ok {
			return t, true
		}
		if k, ok := strings.CutSuffix(k, "e"); ok && len(k) >= 4 {
			return v.terms[k], v.terms[k].phrase != ""
		}
	}
	return term{}, false
}

// segmentDict holds the words lower-case compounds are split into: "gendercode",
// "donotemail", "hasoptedoutofemail" (Dynamics, Salesforce API names). Words shorter than
// four letters only when listed, so "postage" does not become post+age.
var segmentDict = buildSegmentDict(vocabulary, vocabularyTerms)

func buildSegmentDict(vocabulary map[string]term, vocabularyTerms []term) map[string]bool {
	d := wordList("segment_short_words")
	for k := range vocabulary {
		if len(k) >= 4 && isLowerASCII(k) {
			d[k] = true
		}
	}
	for _, t := range vocabularyTerms {
		for _, w := range words(t.phrase) {
			if len(w) >= 4 {
				d[w] = true
			}
		}
	}
	for _, set := range []map[string]bool{flagWords, metaWords, timeWords, hashWords, refWords, leadKill, neutralWords, personQualifiers} {
		for w := range set {
			if len(w) >= 2 {
				d[w] = true
			}
		}
	}
	return d
}

func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// segment splits unknown lower-case compounds into known words, with as few pieces as
// possible; words it cannot split whole stay as they are.
func (v *vocabIndex) segment(ws []string) []string {
	var out []string
	for i, w := range ws {
		if len(w) < 5 || !isLowerASCII(w) || v.dict[w] {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if _, ok := v.terms[w]; ok {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		parts := v.splitWord(w)
		if parts == nil {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(ws)+len(parts)), ws[:i]...)
		}
		out = append(out, parts...)
	}
	if out == nil {
		return ws
	}
	return out
}

// splitWord splits w into the fewest dictionary words, or returns nil.
func (v *vocabIndex) splitWord(w string) []string {
	n := len(w)
	pieces := make([]int, n+1) // fewest pieces for w[:i], 0 = impossible
	from := make([]int, n+1)
	pieces[0] = 1 // sentinel: the empty prefix
	for i := 2; i <= n; i++ {
		for j := 0; j <= i-2; j++ {
			if pieces[j] == 0 || !v.dict[w[j:i]] {
				continue
			}
			if p := pieces[j] + 1; pieces[i] == 0 || p < pieces[i] {
				pieces[i], from[i] = p, j
			}
		}
	}
	if pieces[n] == 0 || pieces[n] == 2 && v.dict[w] {
		return nil
	}
	var parts []string
	for i := n; i > 0; i = from[i] {
		parts = append(parts, w[from[i]:i])
	}
	slices.Reverse(parts)
	return parts
}

// isModifier reports words of the modifier sets; where a category is exempt from them
// they are neutral, not unknown.
func isModifier(w string) bool {
	return flagWords[w] || metaWords[w] || timeWords[w] || hashWords[w] || refWords[w]
}

// sensitive reports Art. 9 and Art. 10 categories and biometric data.
func sensitive(c Category) bool { return c.Special() || c.CriminalData() || c == PhotoOrBiometric }

// connectors join a name to the word qualifying it in Romance languages: nome_do_paciente,
// nombre_del_cliente, nom_du_titulaire.
var connectors = wordList("connectors")

// qualifier is the last word before a bare name that is not an affix.
func qualifier(before []string) string {
	for i := len(before) - 1; i >= 0; i-- {
		if !affixes[before[i]] {
			return before[i]
		}
	}
	return ""
}

// alnumWords keep their digits: ipv4 stays one word, address1 becomes address.
var alnumWords = wordList("alnum_words")

// words splits a name into folded lower-case words; digit-only words are dropped.
func words(s string) []string {
	var out []string
	var cur []rune
	flush := func() {
		if len(cur) == 0 {
			return
		}
		out = append(out, string(cur))
		cur = cur[:0]
	}
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case unicode.Is(unicode.Han, r):
			flush()
			out = append(out, string(simplified(r)))
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			flush()
			continue
		}
		if len(cur) > 0 {
			prev := rs[i-1]
			switch {
			case unicode.IsLower(prev) && unicode.IsUpper(r),
				unicode.IsDigit(prev) != unicode.IsDigit(r):
				flush()
			case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
				flush() // "HTTPServer" → HTTP Server
			}
		}
		cur = append(cur, r)
	}
	flush()
	// Fold, then glue known letter+digit words back and drop bare numbers.
	res := out[:0]
	for i := 0; i < len(out); i++ {
		f := foldWord(out[i])
		if i+1 < len(out) {
			if g := f + foldWord(out[i+1]); alnumWords[g] {
				res = append(res, g)
				i++
				continue
			}
		}
		if isDigits(f) {
			continue
		}
		res = append(res, f)
	}
	return res
}

// fold maps letters with diacritics to ASCII the way names are usually transliterated.
var fold = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss", 'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'å': "a",
	'ą': "a", 'æ': "ae", 'ç': "c", 'ć': "c", 'č': "c", 'è': "e", 'é': "e", 'ê': "e", 'ë': "e",
	'ę': "e", 'ě': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ł': "l", 'ñ': "n", 'ń': "n",
	'ň': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ø': "o", 'œ': "oe", 'ř': "r", 'ś': "s",
	'š': "s", 'ș': "s", 'ş': "s", 'ț': "t", 'ţ': "t", 'ù': "u", 'ú': "u", 'û': "u", 'ů': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z", 'ğ': "g", 'ı': "i", 'đ': "d", 'ð': "d",
	'þ': "th",
}

// traditional maps traditional Chinese characters (Taiwan, Hong Kong) to the simplified ones
// the vocabularies are written in, for the characters of personal-data words: 電話 → 电话,
// 身分證字號 → 身分证字号, 電子郵件 → 电子邮件.
var traditional = func() map[rune]rune {
	const pairs = "證证號号碼码電电話话動动郵邮遞递區区戶户齡龄別别護护銀银帳账賬账務务職职業业資资險险聯联絡络係系體体" +
		"檢检緊紧鄉乡縣县國国稱称員员會会學学醫医療疗藥药歷历診诊斷断婦妇種种黨党團团認认鑰钥設设備备網网際际經经緯纬" +
		"標标營营獎奖稅税統统編编註注冊册類类選选舉举錄录紀纪過过殘残礙碍壓压癥症狀状況况態态視视聽听覺觉邊边領领導导" +
		"單单門门層层樓楼棟栋鎮镇鄰邻裡里傳传機机購购買买賣卖價价錢钱額额頭头紋纹臉脸遺遗親亲屬属關关戀恋愛爱婚婚姓姓" +
		"信信箱箱貫贯齒齿膚肤髮发產产證证碼码號号戶户籍籍護护駕驾駛驶執执照照徵征稱称謂谓歲岁齡龄訊讯顯显鄭郑陳陈張张" +
		"離离與与師师寫写權权劃划簡简畢毕級级實实驗验結结測测輔辅導导職职稱称資资歷历薪薪婚婚異异" +
		"廣广東东臺台灣湾雲云貴贵陝陕寧宁遼辽閩闽瀋沈蘭兰慶庆漢汉滿满壯壮維维爾尔義义蓮莲蘭兰嶺岭" +
		"劉刘黃黄趙赵吳吴孫孙馬马羅罗謝谢許许韓韩馮冯鄧邓蕭萧蔣蒋葉叶蘇苏呂吕盧卢鍾钟譚谭陸陆賈贾韋韦鄒邹閆闫龍龙賀贺" +
		"顧顾龔龚萬万錢钱嚴严湯汤詳详細细說说評评論论記记備备註注討讨談谈線线環环導导處处縣县鄉乡園园內内學学歷历" +
		"從从業业務务負负責责簽签單单據据專专門门報报稱称號号廠厂應应商商庫库倉仓訂订貨货運运輸输費费幣币匯汇款款"
	m := map[rune]rune{}
	rs := []rune(pairs)
	for i := 0; i+1 < len(rs); i += 2 {
		if rs[i] != rs[i+1] {
			m[rs[i]] = rs[i+1]
		}
	}
	return m
}()

// simplified returns the simplified form of a traditional Chinese character, or r itself.
func simplified(r rune) rune {
	if s, ok := traditional[r]; ok {
		return s
	}
	return r
}

// foldWord lower-cases a word and folds its diacritics.
func foldWord(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x80 || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := fold[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unionWithout joins word sets and leaves out the words in drop.
func unionWithout(drop map[string]bool, sets ...map[string]bool) map[string]bool {
	m := map[string]bool{}
	for _, s := range sets {
		for w := range s {
			if !drop[w] {
				m[w] = true
			}
		}
	}
	return m
}

// tableKind is what a table holds, judged from its name.
type tableKind uint8

const (
	tableNeutral tableKind = iota
	tablePerson            // contacts, kunden, res_users, 客户
	tableOrg               // accounts, companies, settings, warehouses
	tableObject            // products, campaigns, files
	tableLookup            // countries, currencies, postcodes
)

var tableKindSignal = [...]string{"", "context:person_table", "context:org_table", "context:object_table", "context:lookup_table"}

// tableNouns maps words in table names (singular, folded) to the kind of table
// (vocab/tables.yaml).
var tableNouns = tableNounMap(tableVocabulary)

// singular strips a plural ending when the stem is a known table noun.
func singular(w string) string {
	for _, suf := range []string{"ies", "es", "s", "en", "n", "e", "i"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) > 2 {
			if suf == "ies" {
				stem += "y"
			}
			if _, ok := tableNouns[stem]; ok {
				return stem
			}
		}
	}
	return w
}

// compoundHeads are the person and company nouns of five letters or more that may end a
// compound table name (tableNoun).
var compoundHeads = func() []string {
	var out []string
	for n, k := range tableNouns {
		if (k == tablePerson || k == tableOrg) && len(n) >= 5 {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return out
}()

// masterSuffixes end one-word names of legacy and German tables (CUSTMAST, EMPMSTR,
// Kundenstamm, Patientenakte) and of tables that detail another's rows
// (vtiger_contactdetails, contactsubdetails, leadaddress).
var masterSuffixes = []string{"mast", "mstr", "mst", "master", "stamm", "daten", "data", "akte", "liste", "list",
	"tbl", "tab", "file", "fil", "pf", "details", "detail", "subdetails", "info", "infos", "address",
	"addresses", "adresse", "adressen"}

// tableNoun looks a word of a table name up: as written, singular, or without a master-file
// suffix (custmast, kundenstamm).
func tableNoun(w string) (tableKind, bool) {
	if k, ok := tableNouns[w]; ok {
		return k, true
	}
	if k, ok := tableNouns[singular(w)]; ok {
		return k, true
	}
	for _, suf := range masterSuffixes {
		if stem, ok := strings.CutSuffix(w, suf); ok && len(stem) >= 2 {
			if k, ok := tableNouns[stem]; ok {
				return k, true
			}
			if k, ok := tableNouns[singular(stem)]; ok {
				return k, true
			}
		}
	}
	// A compound ending in a person or company noun of five letters or more is about
	// them: socpeople, webcustomers, lieferantenfirma. The longest such noun decides.
	// Lookup and object nouns are left out: they end words too often (henkilökunta is
	// staff, not a municipality).
	best, kind := 0, tableKind(0)
	for _, n := range compoundHeads {
		if len(n) <= best || len(w) < len(n)+2 {
			continue
		}
		for _, plural := range []string{"", "s", "es", "en", "n", "e", "i"} {
			if strings.HasSuffix(w, n+plural) && len(w) >= len(n+plural)+2 {
				best, kind = len(n), tableNouns[n]
				break
			}
		}
	}
	return kind, best > 0
}

// accountsTable reports tables of accounts, which are user logins as often as customers'
// companies: a login or password column tells them apart.
func accountsTable(table string) bool {
	for _, w := range words(table) {
		switch singular(w) {
		case "account", "konto", "compte", "cuenta", "conta", "conto", "rekening":
			return true
		}
		if w == "accounts" || w == "konten" || w == "comptes" || w == "cuentas" || w == "contas" {
			return true
		}
	}
	return false
}

// weakHeads are table nouns that belong to whoever the word before them names:
// "customer_accounts" are people's, "company_addresses" a company's, "bank_accounts" banks'.
var weakHeads = wordList("weak_heads")

// kindOfTable judges a table from its name: the right-most known noun is its head
// ("company_settings" is settings, "account_contacts" is contacts), unless it is a weak
// head qualified by another known noun.
func kindOfTable(name string) tableKind {
	k, _ := tableHead(name)
	return k
}

// tableHead is kindOfTable, and whether the kind comes from weak heads no other noun
// qualifies (civicrm_phone, email_addresses).
func tableHead(name string) (kind tableKind, bareWeak bool) {
	w := words(name)
	head := tableNeutral
	for i := len(w) - 1; i >= 0; i-- {
		k, ok := tableNoun(w[i])
		if !ok && i > 1 {
			k, ok = tableNouns[w[i-2]+w[i-1]+w[i]] // Han triples: 供应商
		}
		if !ok && i > 0 {
			k, ok = tableNouns[w[i-1]+w[i]] // Han pairs: 客户
		}
		if !ok {
			continue
		}
		if head == tableNeutral {
			head = k
			if weakHeads[singular(w[i])] {
				continue // look for a qualifier
			}
			return k, false
		}
		return k, weakHeads[singular(w[i])] // the qualifier of a weak head: email_addresses is still bare
	}
	return head, head != tableNeutral
}

// PeopleTable reports whether a table's name says its rows are people (contacts, kunden,
// res_partner, customer_accounts, 客户), by the table nouns of vocab/tables.yaml. A bare
// contact-detail noun (civicrm_phone, email_addresses, profiles) does not: those rows
// detail people kept in another table.
func PeopleTable(name string) bool {
	k, bareWeak := tableHead(name)
	return k == tablePerson && !bareWeak
}

// personMarkers are categories whose presence among sibling columns means the rows are people.
var personMarkers = map[Category]bool{
	Email: true, Phone: true, PersonName: true, DateOfBirth: true, Gender: true,
	NationalID: true, Passport: true,
}

// identityMarkers are sibling columns only people have (a company has an email and a phone,
// never a birth date): a company table with them holds people too (Salesforce person
// accounts, sole traders), so its contact data stays personal.
var identityMarkers = map[Category]bool{PersonName: true, DateOfBirth: true, Gender: true, NationalID: true, Passport: true}

// onlineMarkers are sibling columns that identify a device or visitor (ip_address,
// visitor_id, device_id): coordinates, sessions and cookies beside them are about a person.
var onlineMarkers = map[Category]bool{IPAddress: true, DeviceID: true}

// notPersonLinks are keys that every table has (the CRM user who created or owns a row)
// or that point to contact details rather than to people.
var notPersonLinks = wordList("not_person_links")

// tableCtx is the context a column sits in.
type tableCtx struct {
	kind          tableKind
	personColumns bool   // sibling columns are direct identifiers of a person (email, first_name, dob)
	personLink    bool   // a sibling is a key to a person table (contact_id, kunden_nr)
	identity      bool   // a sibling is something only people have (first_name, birth_date, gender, a login of an accounts table)
	online        bool   // a sibling identifies a device or visitor (ip_address, visitor_id)
	prefix        string // legacy field prefix shared by the columns ("cu" in CUSTMAST), lower case
	card          bool   // a sibling holds card numbers: split expiry fields beside it are card data
	hr            hrTopic
}

func (t tableCtx) nonPerson() bool {
	return t.kind == tableOrg || t.kind == tableObject || t.kind == tableLookup
}

// contextOf judges a table from its name and its columns.
func contextOf(table string, columns []string) tableCtx {
	return builtinVocab.contextOf(table, columns)
}

func (v *vocabIndex) contextOf(table string, columns []string) tableCtx {
	tc := tableCtx{kind: kindOfTable(table), prefix: legacyPrefix(columns)}
	employeeKey := false
	for _, c := range columns {
		m := v.matchColumn(c, tc)
		if personMarkers[m.cat] && !m.quasi && !(m.cat == Email && senderAddress(c)) {
			tc.personColumns = true
		}
		if m.cat == PaymentCard && m.det == nil {
			tc.card = true
		}
		if identityMarkers[m.cat] && (!m.quasi || m.cat == Gender) && !m.contact {
			tc.identity = true
		}
		if onlineMarkers[m.cat] && !m.quasi {
			tc.online = true
		}
		if (m.cat == Username || m.cat == PasswordOrSecret) && !m.quasi && accountsTable(table) {
			tc.identity = true // user accounts: legacy_accounts(username, password_hash, email)
		}
		w := words(c)
		if n := len(w); n >= 2 && (w[n-1] == "id" || w[n-1] == "nr" || w[n-1] == "no" || w[n-1] == "fk") {
			if k, ok := tableNoun(w[n-2]); ok && k == tablePerson && !notPersonLinks[singular(w[n-2])] {
				tc.personLink = true
			}
			if employeeNouns[w[n-2]] || employeeNouns[singular(w[n-2])] {
				employeeKey = true
			}
		}
	}
	if tc.kind == tableLookup && listHead(table) && (tc.personColumns || tc.identity || tc.online) {
		// login_status(user_id, status, last_ip): a state per person, not a list. A key to a
		// contact alone does not make it one: membership_type(member_of_contact_id) is a list.
		tc.kind = tableNeutral
	}
	tc.hr = hrTopicOf(table, tc, employeeKey)
	return tc
}

// listHeads are the lookup nouns that name lists of types and states.
var listHeads = wordList("list_heads")

// listHead reports a table whose name ends in a listHeads word.
func listHead(table string) bool {
	w := words(table)
	return len(w) > 0 && listHeads[w[len(w)-1]]
}

// senderWords before an address name make it the sender or copy address an organisation
// configures (confirm_from_email, receipt_from_email, cc_email, reply_to_email): it does
// not make the table a person's.
var senderWords = wordList("sender_words")

func senderAddress(column string) bool {
	for _, w := range words(column) {
		if senderWords[w] {
			return true
		}
	}
	return false
}

package detect

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Free text: notes, comments, descriptions and message bodies that may contain personal
// data. Values are scanned for embedded emails, phone numbers, IBANs, card numbers and
// special-category or criminal keywords (docs/rule-catalogue.md DSC-03, SPC-02).

var freeTextDetector = detector{
	cat: FreeText, types: textTypes | types(typeJSON), check: checkFreeText,
	confirmAt: 0.05, valueOnlyAt: 0.1, valueCap: 0.8, quasi: true, longValues: true, confirmLifts: true,
	maxChecks: 300,
}

// checkFreeText: text with an embedded identifier or keyword is strong, other text with
// letters is plausible.
func checkFreeText(v string, e *env) level {
	found := false
	scanText(v, e, func(textHit) bool { found = true; return false })
	if found {
		return lvStrong
	}
	for _, r := range v {
		if unicode.IsLetter(r) {
			return lvWeak
		}
	}
	return lvNone
}

// textHit is one finding in a text; it holds the masked form only.
type textHit struct {
	kind   string // email, phone, iban, card, special_term
	cat    Category
	masked string
}

const maxPhoneParses = 4 // libphonenumber calls per text value

// scanText calls visit for each identifier or keyword found in v until visit returns false.
func scanText(v string, e *env, visit func(textHit) bool) {
	if !scanEmails(v, visit) || !scanNumbers(v, e, visit) || !scanIBANs(v, visit) {
		return
	}
	scanKeywords(v, visit)
}

func isEmailLocalByte(c byte) bool {
	return isDigit(c) || isUpperASCII(c) || 'a' <= c && c <= 'z' || strings.IndexByte("!#$%&'*+/=?^_`{|}~.-", c) >= 0
}

func isDomainByte(c byte) bool {
	return isDigit(c) || isUpperASCII(c) || 'a' <= c && c <= 'z' || c == '.' || c == '-'
}

func scanEmails(v string, visit func(textHit) bool) bool {
	for off := 0; ; {
		i := strings.IndexByte(v[off:], '@')
		if i < 0 {
			return true
		}
		at := off + i
		off = at + 1
		s := at
		for s > 0 && isEmailLocalByte(v[s-1]) && v[s-1] != '/' {
			s--
		}
		if s > 0 && v[s-1] == ':' { // user:password@host in a URL
			continue
		}
		end := at + 1
		for end < len(v) && isDomainByte(v[end]) {
			end++
		}
		cand := strings.TrimRight(v[s:end], ".-")
		if validEmail(cand) && !isRoleAddress(cand) && !visit(textHit{kind: "email", cat: Email, masked: maskEmail(cand)}) {
			return false
		}
	}
}

// scanNumbers finds runs of digits and phone punctuation: card numbers and phone numbers.
func scanNumbers(v string, e *env, visit func(textHit) bool) bool {
	parses := 0
	for i := 0; i < len(v); {
		c := v[i]
		if !(isDigit(c) || c == '+' || c == '(') || i > 0 && (isDigit(v[i-1]) || isLetterByte(v[i-1])) {
			i++
			continue
		}
		j := i
		digits := 0
		for j < len(v) {
			b := v[j]
			if isDigit(b) {
				digits++
			} else if !(b == '+' && j == i || b == '-' || b == '.' || b == '/' || b == '(' || b == ')' ||
				b == ' ' && j+1 < len(v) && (isDigit(v[j+1]) || v[j+1] == '(')) {
				break
			}
			j++
		}
		run := strings.TrimRight(v[i:j], " -./(")
		i = max(j, i+1)
		if digits < 7 || j < len(v) && isLetterByte(v[j]) {
			continue
		}
		if digits >= 13 && digits <= 19 && checkCard(run, e) == lvStrong {
			if !visit(textHit{kind: "card", cat: PaymentCard, masked: maskCard(run)}) {
				return false
			}
			continue
		}
		if parses < maxPhoneParses && (run[0] == '+' || run[0] == '0' || run[0] == '(') {
			parses++
			if checkPhone(run, e) == lvStrong && !visit(textHit{kind: "phone", cat: Phone, masked: maskPhone(run, e)}) {
				return false
			}
		}
	}
	return true
}

func isLetterByte(c byte) bool { return isUpperASCII(c) || 'a' <= c && c <= 'z' || c >= utf8.RuneSelf }

// scanIBANs finds IBANs, written compact or in groups of four.
func scanIBANs(v string, visit func(textHit) bool) bool {
	for i := 0; i+15 <= len(v); i++ {
		if !isUpperASCII(v[i]) || !isUpperASCII(v[i+1]) || !isDigit(v[i+2]) || !isDigit(v[i+3]) ||
			i > 0 && (isLetterByte(v[i-1]) || isDigit(v[i-1])) {
			continue
		}
		want := ibanLengths[v[i:i+2]]
		if want == 0 {
			continue
		}
		var b strings.Builder
		j := i
		for j < len(v) && b.Len() < want {
			c := v[j]
			switch {
			case isDigit(c) || isUpperASCII(c):
				b.WriteByte(c)
			case c == ' ' && j > i && v[j-1] != ' ':
			default:
				j = len(v)
				continue
			}
			j++
		}
		if b.Len() == want && validIBAN(b.String()) {
			if !visit(textHit{kind: "iban", cat: IBANBankAccount, masked: maskIBAN(b.String())}) {
				return false
			}
			i = j - 1
		}
	}
	return true
}

// scanKeywords looks for special-category and criminal keywords, as words and word pairs.
func scanKeywords(v string, visit func(textHit) bool) bool {
	ws := strings.FieldsFunc(v, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	hasHan := false
	prev := ""
	for _, w := range ws {
		f := foldWord(w)
		if !hasHan {
			r, _ := utf8.DecodeRuneInString(w)
			hasHan = unicode.Is(unicode.Han, r)
		}
		cat, ok := specialKeywords[f]
		if !ok && prev != "" {
			cat, ok = specialKeywords[prev+" "+f]
		}
		prev = f
		if ok && !visit(textHit{kind: "special_term", cat: cat, masked: "[" + string(cat) + " term]"}) {
			return false
		}
	}
	if hasHan {
		for k, cat := range hanKeywords {
			if strings.Contains(v, k) && !visit(textHit{kind: "special_term", cat: cat, masked: "[" + string(cat) + " term]"}) {
				return false
			}
		}
	}
	return true
}

// freeTextEvidence scans the values of a free-text column and returns up to three masked
// findings and a signal per kind found, "value:embedded_email", "value:special_term:health".
func freeTextEvidence(vals []string, e *env) (examples, signals []string) {
	for _, v := range vals[:min(len(vals), freeTextDetector.maxChecks)] {
		scanText(truncate(v, maxTextLen), e, func(h textHit) bool {
			sig := "value:embedded_" + h.kind
			if h.kind == "special_term" {
				sig = "value:special_term:" + string(h.cat)
			}
			if !slices.Contains(signals, sig) {
				signals = append(signals, sig)
			}
			if len(examples) < maxExamples && !slices.Contains(examples, h.masked) {
				examples = append(examples, h.masked)
			}
			return true
		})
	}
	return examples, signals
}

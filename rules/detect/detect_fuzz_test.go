package detect

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are values of every kind the detectors look for, near misses and hostile
// shapes; `go test` runs them as ordinary cases, `make fuzz` mutates them.
var fuzzSeeds = []string{
	"", " ", "jane.doe@example.org", "a@b", "@@", "ja\u00f1e@m\u00fcller.de", "x@" + strings.Repeat("a", 300) + ".com",
	"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "DE00", "4111 1111 1111 1111", "4111-1111-1111-1112",
	"5500000000000004", "+49 30 901820", "(555) 123-4567", "030/12345678", "00000000000", "192.168.0.1", "::1",
	"2001:db8::ff00:42:8329", "00:1A:2B:3C:4D:5E", "1985-07-14", "14.07.1985", "07/14/85", "31/02/2020",
	"Jürgen Müller", "O'Brien", "de la Cruz", "Łukasz", "李小龙", "Dr. med.", "123-45-6789", "AB123456C",
	"1 85 07 75 123 456 78", "12345678901", "X1234567L", "44051401458", "RSSMRA85T10A562S", "850714-1234",
	"$2b$12$abcdefghijklmnopqrstuu5fW7rL6p6bC1yJY6hP7c5b0dI7nM6G", "5f4dcc3b5aa765d61d8327deb882cf99", "{SSHA}abc",
	"52.5200, 13.4050", "POINT(13.4 52.5)", "10115", "SW1A 1AA", "75008", "male", "F", "catholic", "HIV positive",
	"union member", "AB+", "DE123456789", "FR40303265045", "123", "-1", "NaN", "1e308", "null", "N/A",
	"\x00\xff\xfe", "\u202e\u0041", strings.Repeat("9", 40), strings.Repeat("a@", 200), strings.Repeat("ä", 1000),
	"Call me at +44 20 7946 0958 or jane@example.org", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
}

// Every value detector and every built-in validator takes any string without panicking
// and answers within its range; masks never return the value itself for a strong match
// of a masking category, and keep valid UTF-8 valid.
func FuzzValueDetectors(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		// The card checks the rules reuse get query results as they are.
		if ValidPaymentCard(raw) {
			if m := MaskPaymentCard(raw); m == raw || !strings.Contains(m, "*") {
				t.Fatalf("card %q masked as %q", raw, m)
			}
		}
		// The scanner hands the detectors valid UTF-8 (scanner.Budget replaces the rest).
		v := strings.ToValidUTF8(raw, "\uFFFD")
		e := testEnv()
		for _, d := range detectors {
			lv := d.check(v, e)
			if lv < lvSkip || lv > lvStrong {
				t.Fatalf("%s: level %d out of range for %q", d.cat, lv, v)
			}
			if d.probe != nil {
				d.probe(v, e)
			}
			if d.mask != nil && lv == lvStrong {
				m := d.mask(v, e)
				if utf8.ValidString(v) && !utf8.ValidString(m) {
					t.Fatalf("%s: mask of valid UTF-8 %q is not: %q", d.cat, v, m)
				}
				if masks[d.cat] && len(v) > 4 && m == v {
					t.Fatalf("%s: mask returned the value %q unchanged", d.cat, v)
				}
			}
		}
		for _, valid := range validators {
			valid(v, e)
		}
		PasswordKind(v)
	})
}

// masks are the categories whose examples must never show the value as it is.
var masks = map[Category]bool{Email: true, PaymentCard: true, IBANBankAccount: true, Phone: true}

// The classifier's examples for a masking category are never the raw value (the
// existing FuzzClassify checks its result's shape).
func FuzzClassifyMasksExamples(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add("contacts", []string{"email", "phone", "name", "notes", "x"}[i%5], s)
	}
	c, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, table, column, v string) {
		v = strings.ToValidUTF8(v, "\uFFFD")
		r := c.Classify(Column{Table: table, Name: column, DataType: "text", TableColumns: []string{column, "id"},
			Values: []string{v, v, v}, Sampled: 3})
		if r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		if len(r.MaskedExamples) > 3 {
			t.Fatalf("%d examples", len(r.MaskedExamples))
		}
		for _, ex := range r.MaskedExamples {
			if masks[r.Category] && len(v) > 4 && ex == v {
				t.Fatalf("%s example %q is the raw value", r.Category, ex)
			}
		}
	})
}

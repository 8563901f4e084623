package detect

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFreeTextNames(t *testing.T) {
	nameTable(t, FreeText, []string{"notes", "note", "comment", "comments", "remarks", "description", "Description",
		"body", "message", "memo", "feedback", "bemerkung", "notiz", "kommentar", "beschreibung", "remarque",
		"commentaire", "comentario", "observaciones", "commento", "opmerking", "notitie", "uwagi", "notatka",
		"beizhu", "备注", "描述", "留言", "email_body", "customer_note", "additional_note"},
		[]string{"num_notes", "note_id", "notes_count", "message_id", "comment_status", "note_type"})
}

func scanKinds(v string) []string {
	var kinds []string
	scanText(v, testEnv(), func(h textHit) bool {
		k := h.kind
		if h.kind == "special_term" {
			k += ":" + string(h.cat)
		}
		if !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
		return true
	})
	return kinds
}

func TestScanText(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Please reply to jane.doe@example.com.", []string{"email"}},
		{"Rückruf unter +49 171 1234567 erbeten", []string{"phone"}},
		{"Tel. 0171/1234567, abends", []string{"phone"}},
		{"Appeler le 06 12 34 56 78", []string{"phone"}},
		{"IBAN: DE89 3704 0044 0532 0130 00 bitte", []string{"iban"}},
		{"paid with 4111 1111 1111 1111 yesterday", []string{"card"}},
		{"Patient has diabetes and is pregnant", []string{"special_term:health"}},
		{"Kunde ist schwanger", []string{"special_term:health"}},
		{"Il est musulman", []string{"special_term:religion_or_belief"}},
		{"Member of the trade union since 2010", []string{"special_term:trade_union"}},
		{"Applicant has a criminal record", []string{"special_term:criminal"}},
		{"客户怀孕了", []string{"special_term:health"}},
		{"mail a@b.de, call +33612345678, IBAN NL91ABNA0417164300", []string{"email", "phone", "iban"}},
		// Traps.
		{"See https://user:secret@api.example.com/v1 for the hook", nil},
		{"Order ORD-2024-000123 shipped on 2024-01-15, version 1.2.3", nil},
		{"Meeting 10:30-11:00, room 1.2.3.4", nil},
		{"id 550e8400-e29b-41d4-a716-446655440000", nil},
		{"masked card 411111******1111", nil},
		{"logo@2x.png attached", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			assert.ElementsMatch(t, tt.want, scanKinds(tt.text))
		})
	}
}

func TestScanTextStopsEarly(t *testing.T) {
	n := 0
	scanText(strings.Repeat("a@example.com ", 100), testEnv(), func(textHit) bool { n++; return false })
	assert.Equal(t, 1, n)
}

func TestClassifyFreeText(t *testing.T) {
	notes := []string{
		"Called back, prefers email: jane.doe@example.com",
		"Wants invoice by post",
		"Kunde hat Diabetes, bitte beachten",
		"No answer",
		"Rückruf +49 171 1234567",
	}
	plain := []string{"Great product, fast delivery", "Colour as shown", "Would buy again", "Too small", "Nice"}
	runClassify(t, []classifyCase{
		{"notes with identifiers", Column{Table: "contacts", Name: "notes", DataType: "text", Values: notes}, FreeText, true},
		{"bemerkung", Column{Table: "kunden", Name: "bemerkung", DataType: "text", Values: notes}, FreeText, true},
		{"remarques", Column{Table: "clients", Name: "remarques"}, FreeText, true},
		{"备注", Column{Table: "客户", Name: "备注"}, FreeText, true},
		{"long text without a name", Column{Table: "tickets", Name: "payload", DataType: "text", Values: notes}, FreeText, true},
		{"description with identifiers in a neutral table", Column{Table: "tickets", Name: "description", DataType: "text", Values: notes}, FreeText, true},
		{"product reviews", Column{Table: "reviews", Name: "body", DataType: "text", Values: plain}, None, false},
		{"long text, nothing in it", Column{Table: "pages", Name: "html", DataType: "text", Values: plain}, None, false},
		{"short text type without a name", Column{Table: "tickets", Name: "x", DataType: "varchar(50)", Values: notes}, None, false},
	})
	c := newTestClassifier(t)
	r := c.Classify(Column{Table: "contacts", Name: "notes", DataType: "text", Values: notes})
	assert.Contains(t, r.Evidence.Signals, "value:embedded_email")
	assert.Contains(t, r.Evidence.Signals, "value:embedded_phone")
	assert.Contains(t, r.Evidence.Signals, "value:special_term:health")
	assert.Equal(t, []string{"j***@e***.com", "[health term]", "+49 ***67"}, r.MaskedExamples)
}

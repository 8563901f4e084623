package detect

import (
	"fmt"
	"testing"
)

// benchColumns are 1000-value columns per detector family, plus decoys (the worst case:
// every value-only probe runs and fails).
func benchColumns() map[string]Column {
	const n = 1000
	gen := func(f func(i int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	first := []string{"Anna", "Peter", "Marie", "Lukas", "Jean", "Giulia", "Piotr", "Xyzzy", "María", "João"}
	last := []string{"Schmidt", "Dupont", "García", "Rossi", "Nowak", "de Vries", "Silva", "Plugh", "Smith", "Wang"}
	return map[string]Column{
		"contact/email": {Table: "contacts", Name: "email", Values: gen(func(i int) string { return fmt.Sprintf("user%d@example%d.com", i, i%7) })},
		"contact/phone": {Table: "contacts", Name: "mobile", Values: gen(func(i int) string {
			if i%2 == 0 {
				return fmt.Sprintf("+49 171 %07d", 1000000+i)
			}
			return fmt.Sprintf("0171 %07d", 2000000+i)
		})},
		"contact/phone_value_only": {Table: "t", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("+33 6 12 %02d %02d %02d", i%100, (i/100)%100, i%37) })},
		"identity/name":            {Table: "contacts", Name: "full_name", Values: gen(func(i int) string { return first[i%10] + " " + last[(i/10)%10] })},
		"identity/national_id":     {Table: "t", Name: "c", Values: gen(func(i int) string { return validNIRFor(fmt.Sprintf("1%02d0578%06d", i%100, i)) })},
		"identity/dob":             {Table: "contacts", Name: "birth_date", Values: gen(func(i int) string { return fmt.Sprintf("19%02d-%02d-%02d", 40+i%60, 1+i%12, 1+i%28) })},
		"financial/iban":           {Table: "t", Name: "c", Values: gen(func(i int) string { return testIBANs[i%len(testIBANs)] })},
		"financial/card":           {Table: "payments", Name: "card_number", Values: gen(func(i int) string { return []string{"4111 1111 1111 1111", "5500005555555559", "378282246310005"}[i%3] })},
		"network/ip":               {Table: "t", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("10.%d.%d.%d", i%256, (i/256)%256, i%200) })},
		"credentials/bcrypt": {Table: "users", Name: "password", Values: gen(func(i int) string {
			return fmt.Sprintf("$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2Qm%04d", i)
		})},
		"special/religion_enum": {Table: "t", Name: "c", Values: gen(func(i int) string { return []string{"katholisch", "evangelisch", "muslimisch", "keine"}[i%4] })},
		"freetext/notes": {Table: "contacts", Name: "notes", DataType: "text", Values: gen(func(i int) string {
			return fmt.Sprintf("Call %d: customer asked about invoice %d, reach at user%d@example.com or +49 171 %07d; mentioned diabetes.", i, i*7, i, i)
		})},
		"decoy/uuid":     {Table: "t", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("550e8400-e29b-41d4-a716-%012d", i) })},
		"decoy/order_no": {Table: "orders", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("ORD-2024-%06d", i) })},
	}
}

func BenchmarkClassify(b *testing.B) {
	c := newTestClassifier(b)
	for name, col := range benchColumns() {
		b.Run(name, func(b *testing.B) {
			c.Classify(col) // warm the table-context cache and libphonenumber metadata
			b.ReportAllocs()
			for b.Loop() {
				c.Classify(col)
			}
			b.ReportMetric(float64(b.N*len(col.Values))/b.Elapsed().Seconds(), "values/s")
		})
	}
}

func TestBenchColumnsClassify(t *testing.T) {
	want := map[string]Category{
		"contact/email": Email, "contact/phone": Phone, "contact/phone_value_only": Phone, "identity/name": PersonName,
		"identity/national_id": NationalID, "identity/dob": DateOfBirth, "financial/iban": IBANBankAccount,
		"financial/card": PaymentCard, "network/ip": IPAddress, "credentials/bcrypt": PasswordOrSecret,
		"special/religion_enum": ReligionOrBelief, "freetext/notes": FreeText, "decoy/uuid": None, "decoy/order_no": None,
	}
	c := newTestClassifier(t)
	for name, col := range benchColumns() {
		if got := c.Classify(col); got.Category != want[name] {
			t.Errorf("%s: got %s (%.2f %v), want %s", name, got.Category, got.Confidence, got.Evidence.Signals, want[name])
		}
	}
}

package detect

import (
	"fmt"
	"regexp"
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
		"contact/phone_national": {Table: "clientes", Name: "movil", Values: gen(func(i int) string { return fmt.Sprintf("6%02d %03d %03d", i%100, i%1000, (i*7)%1000) })},
		"contact/region":         {Table: "contacts", Name: "state", Values: gen(func(i int) string { return []string{"CA", "NY", "Bayern", "Lombardia", "São Paulo", "广东省"}[i%6] })},
		"identity/cpf_formatted": {Table: "t", Name: "c", Values: gen(func(i int) string { return cpfFor(100000000 + i*7919) })},
		"identity/legacy_prefix": {Table: "CUSTMAST", Name: "CUBDAT", DataType: "NUMERIC(8,0)", TableColumns: []string{"CUNUM", "CUNAME", "CUZIP", "CUBDAT"},
			Values: gen(func(i int) string { return fmt.Sprintf("19%02d%02d%02d", 40+i%60, 1+i%12, 1+i%28) })},
		"financial/nrb":  {Table: "klienci", Name: "nr_konta", Values: gen(func(i int) string { return nrbFor(i) })},
		"custom/regex":   {Table: "t", Name: "member_no", Values: gen(func(i int) string { return fmt.Sprintf("M%07d", i) })},
		"decoy/uuid":     {Table: "t", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("550e8400-e29b-41d4-a716-%012d", i) })},
		"decoy/order_no": {Table: "orders", Name: "c", Values: gen(func(i int) string { return fmt.Sprintf("ORD-2024-%06d", i) })},
	}
}

// benchCustom is the custom detector the custom/regex column exercises.
var benchCustom = CustomDetector{ID: "member-number", Category: NationalID,
	NamePatterns: []*regexp.Regexp{regexp.MustCompile(`(?i)^member_?no$`)}, ValueRegex: regexp.MustCompile(`^M\d{7}$`)}

// BenchmarkClassify reports values/s per detector family (one core: Classify is sequential
// per column).
func BenchmarkClassify(b *testing.B) {
	c := newTestClassifier(b, WithCustomDetectors(benchCustom))
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
		"contact/phone_national": Phone, "contact/region": PostalAddress, "identity/cpf_formatted": NationalID,
		"identity/legacy_prefix": DateOfBirth, "financial/nrb": IBANBankAccount, "custom/regex": NationalID,
	}
	c := newTestClassifier(t, WithCustomDetectors(benchCustom))
	for name, col := range benchColumns() {
		if got := c.Classify(col); got.Category != want[name] {
			t.Errorf("%s: got %s (%.2f %v), want %s", name, got.Category, got.Confidence, got.Evidence.Signals, want[name])
		}
	}
}

// cpfFor formats nine digits as a CPF with its check digits: 111.444.777-35.
func cpfFor(n int) string {
	d := fmt.Sprintf("%09d", n%1000000000)
	for k := 9; k <= 10; k++ {
		sum := 0
		for i := 0; i < k; i++ {
			sum += int(d[i]-'0') * (k + 1 - i)
		}
		d += fmt.Sprint(sum * 10 % 11 % 10)
	}
	return d[:3] + "." + d[3:6] + "." + d[6:9] + "-" + d[9:]
}

// nrbFor makes a Polish account number (NRB) with its check digits, in groups of four.
func nrbFor(i int) string {
	bban := fmt.Sprintf("10901014%016d", 71219812874+i)
	n := fmt.Sprintf("%02d", 98-mod97(bban+"252100")) + bban
	return n[:2] + " " + n[2:6] + " " + n[6:10] + " " + n[10:14] + " " + n[14:18] + " " + n[18:22] + " " + n[22:]
}

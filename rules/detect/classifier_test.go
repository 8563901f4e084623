package detect

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var testNow = func() time.Time { return time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC) }

func newTestClassifier(t testing.TB, opts ...Option) *Classifier {
	t.Helper()
	c, err := New(append([]Option{withClock(testNow)}, opts...)...)
	require.NoError(t, err)
	return c
}

func testEnv() *env { return &env{regions: DefaultPhoneRegions, year: 2025} }

// checkTable asserts that every positive reaches at least want and every negative stays below.
func checkTable(t *testing.T, check func(string, *env) level, want level, positives, negatives []string) {
	t.Helper()
	e := testEnv()
	for _, v := range positives {
		assert.GreaterOrEqual(t, check(v, e), want, "positive %q", v)
	}
	for _, v := range negatives {
		assert.Less(t, check(v, e), want, "negative %q", v)
	}
}

// nameTable asserts that the positive column names match cat and the negatives do not.
func nameTable(t *testing.T, cat Category, positives, negatives []string) {
	t.Helper()
	for _, n := range positives {
		assert.Equal(t, cat, matchName(n).cat, "positive %q", n)
	}
	for _, n := range negatives {
		assert.NotEqual(t, cat, matchName(n).cat, "negative %q", n)
	}
}

// classifyCase is one column and what Classify must make of it.
type classifyCase struct {
	name     string
	col      Column
	want     Category
	personal bool
}

func runClassify(t *testing.T, cases []classifyCase) {
	t.Helper()
	c := newTestClassifier(t)
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(tt.col)
			assert.Equal(t, tt.want, r.Category, "confidence %.2f signals %v", r.Confidence, r.Evidence.Signals)
			assert.Equal(t, tt.personal, r.Personal, "confidence %.2f signals %v", r.Confidence, r.Evidence.Signals)
			assert.Equal(t, r.Personal, r.Confidence >= Threshold)
			if !r.Personal {
				assert.Empty(t, r.MaskedExamples, "non-personal columns get no examples")
			}
			assert.LessOrEqual(t, len(r.MaskedExamples), maxExamples)
			for _, ex := range r.MaskedExamples {
				for _, v := range tt.col.Values {
					if len(strings.TrimSpace(v)) > 3 {
						assert.NotContains(t, ex, strings.TrimSpace(v), "example leaks a raw value")
					}
				}
			}
		})
	}
}

func repeatf(n int, format string, args ...func(i int) any) []string {
	out := make([]string, n)
	for i := range out {
		a := make([]any, len(args))
		for j, f := range args {
			a[j] = f(i)
		}
		out[i] = fmt.Sprintf(format, a...)
	}
	return out
}

func idx(i int) any { return i }

func TestNewOptions(t *testing.T) {
	tests := []struct {
		name    string
		opts    []Option
		wantErr string
	}{
		{"defaults", nil, ""},
		{"regions", []Option{WithPhoneRegions([]string{"de", " AT ", "CH", "DE"})}, ""},
		{"no regions", []Option{WithPhoneRegions(nil)}, "need at least one region"},
		{"unknown region", []Option{WithPhoneRegions([]string{"DE", "XX"})}, `unknown region "XX"`},
		{"ratio", []Option{WithMinValueRatio(0.9)}, ""},
		{"ratio one", []Option{WithMinValueRatio(1)}, ""},
		{"ratio zero", []Option{WithMinValueRatio(0)}, "must be in (0, 1]"},
		{"ratio above one", []Option{WithMinValueRatio(1.5)}, "must be in (0, 1]"},
		{"ratio NaN", []Option{WithMinValueRatio(nan())}, "must be in (0, 1]"},
		{"nil option", []Option{nil}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(tt.opts...)
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				assert.Nil(t, c)
				return
			}
			require.NoError(t, err)
			require.NotNil(t, c)
		})
	}
	c, err := New(WithPhoneRegions([]string{"de", " AT ", "DE"}))
	require.NoError(t, err)
	assert.Equal(t, []string{"DE", "AT"}, c.regions)
}

func nan() float64 {
	zero := 0.0
	return zero / zero
}

func TestPhoneRegionsOption(t *testing.T) {
	// A French national number is only recognised when FR is among the regions.
	vals := []string{"06 12 34 56 78", "06 98 76 54 32", "07 11 22 33 44", "06 55 44 33 22", "06 01 02 03 04"}
	col := Column{Table: "t", Name: "c", Values: vals}
	fr := newTestClassifier(t, WithPhoneRegions([]string{"FR"}))
	assert.Equal(t, Phone, fr.Classify(col).Category)
	us := newTestClassifier(t, WithPhoneRegions([]string{"US"}))
	assert.Equal(t, None, us.Classify(col).Category)
}

func TestMinValueRatioOption(t *testing.T) {
	vals := []string{"a@example.com", "b@example.org", "c@example.net", "no email"}
	col := Column{Table: "t", Name: "c1", Values: vals}
	assert.False(t, newTestClassifier(t).Classify(col).Personal, "3 of 4 is below the default 0.8")
	assert.True(t, newTestClassifier(t, WithMinValueRatio(0.75)).Classify(col).Personal)
	assert.False(t, newTestClassifier(t, WithMinValueRatio(0.9)).Classify(col).Personal)
}

func TestClassifyTableContext(t *testing.T) {
	people := []string{"Anna Schmidt", "Jean Dupont", "Maria García", "Piotr Nowak", "John Smith"}
	products := []string{"Widget Pro", "Gadget 3000", "Super Cable", "USB Hub", "Desk Lamp"}
	runClassify(t, []classifyCase{
		{"name in contacts", Column{Table: "contacts", Name: "name"}, PersonName, true},
		{"name in customers with values", Column{Table: "customers", Name: "name", Values: people}, PersonName, true},
		{"name beside email", Column{Table: "t_import", Name: "name", TableColumns: []string{"id", "name", "email"}}, PersonName, true},
		{"name in neutral table, name values", Column{Table: "registrations", Name: "name", Values: people}, PersonName, true},
		{"name in products", Column{Table: "products", Name: "name", Values: products}, None, false},
		{"name in accounts", Column{Table: "accounts", Name: "name"}, None, false},
		{"name in companies", Column{Table: "companies", Name: "Name", TableColumns: []string{"Name", "Phone", "Email"}}, None, false},
		{"name in countries", Column{Table: "countries", Name: "name", TableColumns: []string{"code", "name"}, Values: []string{"Germany", "France", "Spain"}}, None, false},
		{"name in settings", Column{Table: "settings", Name: "name"}, None, false},
		{"name in neutral table", Column{Table: "events", Name: "name"}, None, false},
		{"address in contacts", Column{Table: "contacts", Name: "address"}, PostalAddress, true},
		{"street in kunden", Column{Table: "kunden", Name: "strasse", Values: []string{"Hauptstraße 5", "Bahnhofstr. 12"}}, PostalAddress, true},
		{"address in company_settings", Column{Table: "company_settings", Name: "address", Values: []string{"Hauptstraße 5", "Bahnhofstr. 12"}}, None, false},
		{"address in accounts", Column{Table: "accounts", Name: "billing_street"}, None, false},
		{"address in warehouses", Column{Table: "warehouses", Name: "address"}, None, false},
		{"city in contacts", Column{Table: "contacts", Name: "city", Values: []string{"Berlin", "Paris", "Madrid"}}, City, true},
		{"city in organisations", Column{Table: "organisations", Name: "city", Values: []string{"Berlin", "Paris", "Madrid"}}, None, false},
		{"city in neutral table", Column{Table: "events", Name: "city", Values: []string{"Berlin", "Paris", "Madrid"}}, None, false},
		{"city beside first name", Column{Table: "orders", Name: "billing_city", TableColumns: []string{"billing_first_name", "billing_city"}}, City, true},
		{"postcode in contacts", Column{Table: "contacts", Name: "postcode", Values: []string{"10115", "SW1A 1AA", "1012 AB"}}, PostalCode, true},
		{"postcode in cities lookup", Column{Table: "cities", Name: "postcode", Values: []string{"10115", "80331"}}, None, false},
		{"job title in employees", Column{Table: "employees", Name: "job_title", Values: []string{"CEO", "Engineer"}}, Employment, true},
		{"title in documents", Column{Table: "documents", Name: "title"}, None, false},
		{"company in contacts", Column{Table: "contacts", Name: "company"}, Employment, true},
		{"company name in accounts", Column{Table: "accounts", Name: "company_name"}, None, false},
		{"email is personal in neutral tables", Column{Table: "orders", Name: "email"}, Email, true},
		{"email in accounts is the company's", Column{Table: "accounts", Name: "email"}, None, false},
		{"contact email in accounts", Column{Table: "accounts", Name: "contact_email"}, Email, true},
		{"email in person accounts", Column{Table: "accounts", Name: "email", TableColumns: []string{"first_name", "last_name", "email"}}, Email, true},
		{"phone in suppliers", Column{Table: "fornitori", Name: "telefono", Values: []string{"+39 06 1234 5678", "+39 02 1234 5678", "+39 011 123 4567"}}, None, false},
		{"iban in settings", Column{Table: "settings", Name: "iban", Values: []string{"DE89370400440532013000"}}, None, false},
		{"info@ addresses anywhere", Column{Table: "orders", Name: "email", Values: []string{"info@acme.de", "sales@shop.com", "kontakt@firma.de", "office@example.at", "hello@startup.io"}}, None, false},
		{"notes in contacts", Column{Table: "contacts", Name: "notes", DataType: "text"}, FreeText, true},
		{"description in products", Column{Table: "products", Name: "description", DataType: "text", Values: products}, None, false},
	})
}

func TestClassifyDecoys(t *testing.T) {
	uuids := repeatf(20, "550e8400-e29b-41d4-a716-4466554400%02d", idx)
	runClassify(t, []classifyCase{
		{"uuid ids", Column{Table: "contacts", Name: "external_id", Values: uuids}, None, false},
		{"email full of uuids", Column{Table: "contacts", Name: "email", Values: uuids}, None, false},
		{"uuid type named email", Column{Table: "contacts", Name: "email", DataType: "uuid"}, None, false},
		{"version strings", Column{Table: "apps", Name: "version", Values: []string{"1.2.3", "1.10.0", "2.0.1", "0.9.12", "1.2.3.4"}}, None, false},
		{"version-like values, neutral name", Column{Table: "apps", Name: "build", Values: []string{"1.2.3", "1.10.0", "2.0.1", "0.9.12", "3.4.5"}}, None, false},
		{"product codes", Column{Table: "items", Name: "code", Values: []string{"SKU-10023-XL", "SKU-10024-M", "AB-1234", "X9-000", "SKU-99"}}, None, false},
		{"order numbers", Column{Table: "orders", Name: "reference", Values: repeatf(10, "ORD-2024-%06d", idx)}, None, false},
		{"invoice numbers", Column{Table: "invoices", Name: "invoice_no", Values: repeatf(10, "INV%08d", idx)}, None, false},
		{"sequential ids", Column{Table: "orders", Name: "id", DataType: "bigint", Values: repeatf(30, "%d", func(i int) any { return 100000 + i })}, None, false},
		{"created_at", Column{Table: "contacts", Name: "created_at", DataType: "timestamp", Values: []string{"2024-01-02 03:04:05", "2023-11-30 10:00:00", "2025-05-01 08:15:00"}}, None, false},
		{"updated_at as text", Column{Table: "contacts", Name: "updated_at", Values: []string{"2024-01-02", "2023-11-30", "2025-05-01"}}, None, false},
		{"birthday full of recent dates", Column{Table: "contacts", Name: "birthday", Values: []string{"2024-01-02", "2023-11-30", "2025-05-01", "2024-02-02", "2022-03-03"}}, None, false},
		{"status enum", Column{Table: "contacts", Name: "status", Values: []string{"active", "inactive", "active", "lead", "active"}}, None, false},
		{"lead status", Column{Table: "leads", Name: "lead_status", Values: []string{"new", "qualified", "lost"}}, None, false},
		{"country lookup", Column{Table: "countries", Name: "code", Values: []string{"DE", "FR", "ES", "IT", "NL"}}, None, false},
		{"country lookup name", Column{Table: "countries", Name: "country_name", Values: []string{"Germany", "France"}}, None, false},
		{"marketing flag", Column{Table: "contacts", Name: "marketing_opt_in", DataType: "boolean", Values: []string{"true", "false", "true"}}, None, false},
		{"email opt in flag", Column{Table: "contacts", Name: "email_opt_in", DataType: "tinyint(1)", Values: []string{"1", "0", "1"}}, None, false},
		{"is_deleted", Column{Table: "contacts", Name: "is_deleted", DataType: "boolean", Values: []string{"0", "1"}}, None, false},
		{"salesforce opt out", Column{Table: "Contact", Name: "HasOptedOutOfEmail", DataType: "boolean", Values: []string{"true", "false"}}, None, false},
		{"email hash", Column{Table: "contacts", Name: "email_hash", Values: repeatf(8, "%064x", idx)}, None, false},
		{"sha256 values, neutral name", Column{Table: "tombstones", Name: "subject_key", Values: repeatf(8, "a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27a%02x", idx)}, None, false},
		{"masked card numbers", Column{Table: "payments", Name: "card_display", Values: []string{"411111******1111", "550000******5559", "378282*****0005", "411111******1112", "601111******1117"}}, None, false},
		{"constant email", Column{Table: "campaigns", Name: "sender", Values: []string{"noreply@example.com", "noreply@example.com", "noreply@example.com", "noreply@example.com", "noreply@example.com", "noreply@example.com"}}, None, false},
		{"integer first name", Column{Table: "contacts", Name: "first_name", DataType: "integer", Values: []string{"1", "2", "3"}}, None, false},
		{"numeric name", Column{Table: "contacts", Name: "name", DataType: "numeric(10,2)"}, None, false},
		{"amounts", Column{Table: "orders", Name: "total", DataType: "numeric(10,2)", Values: []string{"12.50", "99.99", "1000.00"}}, None, false},
		{"url with credentials", Column{Table: "integrations", Name: "endpoint", Values: []string{"https://user:secret@api.example.com/v1", "https://bot:hunter2@hooks.example.org/x", "ftp://a:b@ftp.example.net/"}}, None, false},
		{"isbns", Column{Table: "books", Name: "isbn", Values: []string{"0306406152", "0451524934", "0140449132", "0262033844", "0131103628"}}, None, false},
		{"codes with a leading zero", Column{Table: "items", Name: "code", Values: []string{"0306406152", "0451524934", "0140449132", "0262033844", "0131103628"}}, None, false},
		{"file names with @", Column{Table: "assets", Name: "file", Values: []string{"logo@2x.png", "icon@3x.png", "hero@2x.jpg"}}, None, false},
		{"empty column", Column{Table: "t", Name: "c"}, None, false},
		{"blank values", Column{Table: "t", Name: "c", Values: []string{"", "  ", "NULL", `\N`}}, None, false},
	})
}

func TestClassifyEvidence(t *testing.T) {
	c := newTestClassifier(t)
	r := c.Classify(Column{
		Table: "contacts", Name: "email", DataType: "varchar(255)", Sampled: 10,
		Values: []string{"jane.doe@example.com", "max@firma.de", "jane.doe@example.com", "not-an-email", "x.y@example.fr"},
	})
	require.True(t, r.Personal)
	assert.Equal(t, Email, r.Category)
	assert.GreaterOrEqual(t, r.Confidence, 0.9)
	assert.Contains(t, r.Evidence.Signals, "name:email")
	assert.Equal(t, "email", r.Evidence.NameMatch)
	assert.Equal(t, 5, r.Evidence.NonNull)
	assert.Equal(t, 4, r.Evidence.Distinct)
	assert.Equal(t, 10, r.Evidence.Sampled)
	assert.InDelta(t, 0.8, r.Evidence.ValueRatio, 0.001)
	assert.Equal(t, []string{"j***@e***.com", "m***@f***.de"}, r.MaskedExamples)

	r = c.Classify(Column{Table: "t", Name: "col7", Values: []string{"+49 171 1234567", "+33 6 12 34 56 78", "+44 20 7946 0958"}})
	assert.Equal(t, Phone, r.Category)
	assert.Contains(t, r.Evidence.Signals, "value:phone")
	assert.Empty(t, r.Evidence.NameMatch)
	assert.InDelta(t, 0.9, r.Confidence, 0.001)

	r = c.Classify(Column{Table: "contacts", Name: "email", DataType: "boolean"})
	assert.False(t, r.Personal)
	assert.Contains(t, r.Evidence.Signals, "type:boolean")

	r = c.Classify(Column{Table: "contacts", Name: "last_name", DataType: "int"})
	assert.False(t, r.Personal)
	assert.Contains(t, r.Evidence.Signals, "type:numeric")

	r = c.Classify(Column{Table: "contacts", Name: "phone"})
	assert.True(t, r.Personal)
	assert.InDelta(t, 0.7, r.Confidence, 0.001, "a specific name alone")
}

// TestMaskedExamplesNeverLeak checks the privacy invariant on the categories with the most
// sensitive values: no example equals or contains a raw value, and none holds a long run
// of the raw value's digits.
func TestMaskedExamplesNeverLeak(t *testing.T) {
	c := newTestClassifier(t)
	cols := []Column{
		{Table: "contacts", Name: "email", Values: []string{"jane.doe@example.com", "a@b.co", "max.mustermann@firma.de", "x.y@z.example.org"}},
		{Table: "payments", Name: "card_number", Values: []string{"4111 1111 1111 1111", "5500-0055-5555-5559", "378282246310005", "6011111111111117"}},
		{Table: "kunden", Name: "iban", Values: []string{"DE89 3704 0044 0532 0130 00", "FR1420041010050500013M02606", "NL91ABNA0417164300", "GB29NWBK60161331926819"}},
		{Table: "contacts", Name: "mobile", Values: []string{"+49 171 1234567", "0171 2345678", "+33612345678"}},
		{Table: "t", Name: "c", Values: []string{"DE89370400440532013000", "ES9121000418450200051332", "IT60X0542811101000000123456"}},
		{Table: "users", Name: "password", Values: []string{"hunter2", "correct horse battery staple", "$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm"}},
		{Table: "contacts", Name: "ssn", Values: []string{"123-45-6789", "078-05-1121"}},
		{Table: "contacts", Name: "notes", DataType: "text", Values: []string{"mail jane.doe@example.com or call +49 171 1234567", "IBAN DE89 3704 0044 0532 0130 00"}},
	}
	for _, col := range cols {
		r := c.Classify(col)
		require.True(t, r.Personal, "%s.%s: %v", col.Table, col.Name, r.Evidence.Signals)
		require.NotEmpty(t, r.MaskedExamples, col.Name)
		for _, ex := range r.MaskedExamples {
			for _, v := range col.Values {
				assert.NotEqual(t, v, ex)
				assert.NotContains(t, ex, v)
				assert.NotContains(t, ex, compactUpper(v))
				if len(digitsOf(v)) >= 12 {
					assert.LessOrEqual(t, len(digitsOf(ex)), 10, "%q keeps too many digits", ex)
				}
			}
			for _, s := range r.Evidence.Signals {
				for _, v := range col.Values {
					assert.NotContains(t, s, v)
				}
			}
		}
	}
}

func TestClassifyConcurrent(t *testing.T) {
	c := newTestClassifier(t)
	cols := []Column{
		{Table: "contacts", Name: "email", TableColumns: []string{"email", "name"}, Values: []string{"a@example.com", "b@example.de"}},
		{Table: "contacts", Name: "name", TableColumns: []string{"email", "name"}, Values: []string{"Anna", "Peter"}},
		{Table: "t", Name: "c", Values: []string{"+49 171 1234567", "0171 2345678"}},
	}
	want := make([]Result, len(cols))
	for i, col := range cols {
		want[i] = c.Classify(col)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 50 {
				k := (g + i) % len(cols)
				assert.Equal(t, want[k], c.Classify(cols[k]))
			}
		})
	}
	wg.Wait()
}

func TestContextCacheIsBounded(t *testing.T) {
	c := newTestClassifier(t)
	for i := range ctxCacheSize + 10 {
		c.Classify(Column{Table: fmt.Sprintf("t%d", i), Name: "name"})
	}
	assert.LessOrEqual(t, len(c.ctxCache), ctxCacheSize)
}

func TestTypeOf(t *testing.T) {
	tests := map[string]typeKind{
		"character varying(255)": typeText, "varchar(64)": typeText, "VARCHAR(4000)": typeLongText,
		"nvarchar(max)": typeLongText, "TEXT": typeLongText, "mediumtext": typeLongText, "tinytext": typeLongText,
		"char(2)": typeText, "citext": typeText, "enum('a','b')": typeText, "tinyint(1)": typeBool,
		"boolean": typeBool, "bit": typeBool, "bigint": typeInt, "int unsigned": typeInt, "integer": typeInt,
		"number(10,0)": typeInt, "numeric(10,2)": typeDecimal, "double precision": typeDecimal,
		"timestamp with time zone": typeDate, "datetime(6)": typeDate, "date": typeDate, "uuid": typeUUID,
		"uniqueidentifier": typeUUID, "jsonb": typeJSON, "inet": typeNet, "macaddr": typeNet,
		"bytea": typeBinary, "longblob": typeBinary, "varbinary(16)": typeBinary, "point": typeGeo,
		"interval": typeUnknown, "": typeUnknown, "tsvector": typeUnknown,
	}
	for in, want := range tests {
		assert.Equal(t, want, typeOf(in), in)
	}
}

func FuzzClassify(f *testing.F) {
	seeds := []string{
		"jane.doe@example.com", "+49 171 1234567", "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111",
		"192.168.0.1", "2001:db8::1", "00:1A:2B:3C:4D:5E", "1985-03-12", "12.03.1985", "RSSMRA85T10A562S",
		"$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm", "katholisch", "北京市朝阳区建国路88号",
		"POINT(13.4 52.5)", "", "@", "@@", "+", "((((", "\xff\xfe", "a@b", "SRID=4326;", "rs", "00", "0000000000000000000",
	}
	for _, s := range seeds {
		f.Add("contacts", "email", "varchar(255)", s)
		f.Add("t", "notes", "text", s+" "+s)
	}
	c := newTestClassifier(f)
	f.Fuzz(func(t *testing.T, table, name, dataType, value string) {
		for _, n := range []string{name, "c", "notes"} {
			r := c.Classify(Column{Table: table, Name: n, DataType: dataType, Values: []string{value, value + "x", value}, TableColumns: []string{name}})
			if r.Confidence < 0 || r.Confidence > 1 || r.Personal != (r.Confidence >= Threshold) {
				t.Fatalf("bad result %+v", r)
			}
			if !r.Personal && r.Category != None {
				t.Fatalf("category without personal: %+v", r)
			}
			if len(r.MaskedExamples) > maxExamples {
				t.Fatalf("too many examples: %v", r.MaskedExamples)
			}
		}
		PasswordKind(value)
		words(value)
	})
}

// tableCols builds the columns of one table for runClassify.
func tableCols(table string, cols []string, types map[string]string, vals map[string][]string) map[string]Column {
	out := map[string]Column{}
	for _, c := range cols {
		out[c] = Column{Table: table, Name: c, DataType: types[c], TableColumns: cols, Values: vals[c], Sampled: 200}
	}
	return out
}

func TestClassifyBrazilianClinic(t *testing.T) {
	cols := []string{"idPaciente", "nomeCompleto", "nmMae", "dtNasc", "telCel", "cep", "uf", "rgNum", "cpf", "cnsNum",
		"numCarteirinha", "cid10", "corRaca", "dtCadastro"}
	p := tableCols("pacientes", cols, map[string]string{"dtNasc": "date", "dtCadastro": "timestamp", "idPaciente": "integer"},
		map[string][]string{
			"nomeCompleto": {"Maria da Silva", "João Pereira Santos", "Ana Oliveira", "Carlos Souza", "Fernanda Lima"},
			"nmMae":        {"Josefa da Silva", "Francisca Pereira", "Antônia Oliveira", "Maria Souza", "Rita Lima"},
			"dtNasc":       {"1980-02-01", "1975-11-30", "1992-06-15", "1968-01-20", "2001-09-09"},
			"telCel":       {"(11) 91234-5678", "(21) 99876-5432", "(31) 98765-4321", "(41) 99123-4567", "(51) 98111-2222"},
			"cep":          {"01310-100", "20040-002", "30130-010", "80010-000", "90010-150"},
			"uf":           {"SP", "RJ", "MG", "PR", "RS"},
			"cpf":          {"111.444.777-35", "529.982.247-25", "111.444.777-35", "529.982.247-25", "111.444.777-35"},
			"cnsNum":       {"700000000000005", "123456789010000", "700000000000005", "123456789010000", "700000000000005"},
			"cid10":        {"E11.9", "I10", "J45.0", "F32.1", "M54.5"},
			"corRaca":      {"parda", "branca", "preta", "amarela", "indígena"},
		})
	runClassify(t, []classifyCase{
		{"nomeCompleto", p["nomeCompleto"], PersonName, true},
		{"nmMae", p["nmMae"], PersonName, true},
		{"dtNasc", p["dtNasc"], DateOfBirth, true},
		{"telCel", p["telCel"], Phone, true},
		{"cep", p["cep"], PostalCode, true},
		{"uf", p["uf"], PostalAddress, true},
		{"rgNum", p["rgNum"], NationalID, true},
		{"cpf formatted", p["cpf"], NationalID, true},
		{"cnsNum", p["cnsNum"], Health, true},
		{"numCarteirinha", p["numCarteirinha"], Health, true},
		{"cid10", p["cid10"], Health, true},
		{"corRaca", p["corRaca"], Ethnicity, true},
		{"idPaciente", p["idPaciente"], None, false},
		{"dtCadastro", p["dtCadastro"], None, false},
	})
}

func TestClassifyTaiwanCustomers(t *testing.T) {
	cols := []string{"編號", "姓名", "身分證字號", "行動電話", "電子郵件", "地址", "出生日期"}
	p := tableCols("台灣客戶", cols, nil, map[string][]string{
		"姓名":    {"陳小明", "林美玲", "張志豪", "王大同", "黃淑芬"},
		"身分證字號": {"A123456789", "F131104093", "A123456789", "F131104093", "A123456789"},
		"行動電話":  {"0912-345-678", "0987 654 321", "0911222333", "0922-111-444", "0933 555 666"},
		"電子郵件":  {"ming@example.com.tw", "mei@example.tw", "hao@example.com", "da@example.com", "fen@example.org"},
		"地址":    {"台北市中山區中山北路二段45號", "台中市西區民生路100號", "高雄市苓雅區四維三路2號", "新北市板橋區文化路一段1號", "台南市東區大學路1號"},
	})
	runClassify(t, []classifyCase{
		{"姓名", p["姓名"], PersonName, true},
		{"身分證字號", p["身分證字號"], NationalID, true},
		{"行動電話", p["行動電話"], Phone, true},
		{"電子郵件", p["電子郵件"], Email, true},
		{"地址", p["地址"], PostalAddress, true},
		{"出生日期 without values", p["出生日期"], DateOfBirth, true},
		{"編號", p["編號"], None, false},
	})
}

func TestClassifyLegacyCustomerMaster(t *testing.T) {
	cols := []string{"CUNUM", "CUNAME", "CUADR1", "CUADR2", "CUCITY", "CUST", "CUZIP", "CUPHON", "CUBDAT", "CUSSN"}
	types := map[string]string{"CUNUM": "NUMERIC(9,0)", "CUBDAT": "NUMERIC(8,0)", "CUSSN": "CHAR(9)"}
	p := tableCols("CUSTMAST", cols, types, map[string][]string{
		"CUNUM":  {"100001", "100002", "100003", "100004", "100005"},
		"CUNAME": {"SMITH, JOHN", "GARCIA, MARIA", "MILLER, ANNA", "JONES, PETER", "DAVIS, MARY"},
		"CUADR1": {"12 MAIN ST", "400 OAK AVE", "7 ELM RD", "55 PINE ST", "9 LAKE DR"},
		"CUCITY": {"SPRINGFIELD", "RIVERSIDE", "FRANKLIN", "GREENVILLE", "BRISTOL"},
		"CUST":   {"IL", "CA", "TN", "SC", "CT"},
		"CUZIP":  {"62701", "92501", "37064", "29601", "06010"},
		"CUPHON": {"(217) 555-0134", "(951) 555-0199", "(615) 555-0123", "(864) 555-0177", "(860) 555-0101"},
		"CUBDAT": {"19560412", "19811130", "19700101", "19650723", "19900315"},
		"CUSSN":  {"123456789", "987654320", "111223333", "222334444", "333445555"},
	})
	runClassify(t, []classifyCase{
		{"CUNAME", p["CUNAME"], PersonName, true},
		{"CUADR1", p["CUADR1"], PostalAddress, true},
		{"CUADR2 (empty)", p["CUADR2"], PostalAddress, true},
		{"CUCITY", p["CUCITY"], City, true},
		{"CUST", p["CUST"], PostalAddress, true},
		{"CUZIP", p["CUZIP"], PostalCode, true},
		{"CUPHON", p["CUPHON"], Phone, true},
		{"CUBDAT", p["CUBDAT"], DateOfBirth, true},
		{"CUSSN", p["CUSSN"], NationalID, true},
		{"CUNUM", p["CUNUM"], None, false},
	})
	cards := tableCols("CCARDS", []string{"CCNUM", "CCEXP", "CCCVV", "CCNAME"}, nil, map[string][]string{
		"CCNUM": {"4111111111111111", "5500005555555559", "378282246310005"},
		"CCEXP": {"1227", "0926", "0328"},
		"CCCVV": {"123", "456", "7890"},
	})
	runClassify(t, []classifyCase{
		{"CCNUM", cards["CCNUM"], PaymentCard, true},
		{"CCEXP", cards["CCEXP"], PaymentCard, true},
		{"CCCVV", cards["CCCVV"], CardSecurityCode, true},
	})
}

func TestClassifyOrganisationContactData(t *testing.T) {
	phones := []string{"+49 30 1234567", "+49 89 7654321", "+49 40 1112223", "+49 221 445566", "+49 69 998877"}
	emails := []string{"anna.schmidt@acme.de", "p.mueller@firma.de", "j.dupont@exemple.fr", "m.rossi@azienda.it", "k.nowak@firma.pl"}
	ibans := []string{"DE89370400440532013000", "GB29NWBK60161331926819", "NL91ABNA0417164300"}
	runClassify(t, []classifyCase{
		{"company phone", Column{Table: "companies", Name: "phone", Values: phones}, None, false},
		{"supplier email", Column{Table: "lieferanten", Name: "email", Values: emails}, None, false},
		{"settings iban", Column{Table: "company_settings", Name: "iban", Values: ibans}, None, false},
		{"vendor phone, value only", Column{Table: "vendors", Name: "c3", Values: phones}, None, false},
		{"contact person's email in suppliers", Column{Table: "suppliers", Name: "contact_email", Values: emails}, Email, true},
		{"person accounts", Column{Table: "Account", Name: "Phone", TableColumns: []string{"FirstName", "LastName", "Phone"}, Values: phones}, Phone, true},
		// A contact person beside it does not make a supplier's own e-mail a person's.
		{"supplier email beside its contact person", Column{Table: "suppliers", Name: "email",
			TableColumns: []string{"id", "company_name", "contact_person", "email", "phone"}, Values: emails}, None, false},
		{"contact person's phone in suppliers", Column{Table: "leverandoer", Name: "kontaktperson_tlf",
			TableColumns: []string{"id", "firmanavn", "kontaktperson", "kontaktperson_tlf"}, Values: phones}, Phone, true},
		{"user accounts", Column{Table: "legacy_accounts", Name: "email", TableColumns: []string{"id", "username", "password_hash", "email"}, Values: emails}, Email, true},
		{"customer phone", Column{Table: "customers", Name: "phone", Values: phones}, Phone, true},
		{"supplier phones in orders stay", Column{Table: "orders", Name: "phone", Values: phones}, Phone, true},
	})
}

func TestClassifyHRAndOnlineContext(t *testing.T) {
	hr := tableCols("employees", []string{"id", "hire_date", "termination_date", "employment_type", "sick_days", "fit_for_work", "tax_withheld"},
		map[string]string{"hire_date": "date", "termination_date": "date", "sick_days": "smallint", "fit_for_work": "boolean", "tax_withheld": "numeric(10,2)"},
		map[string][]string{
			"hire_date":       {"2015-04-01", "2019-09-15", "2021-01-04", "2008-06-30", "2023-03-01"},
			"employment_type": {"full-time", "part-time", "contractor", "full-time", "intern"},
			"sick_days":       {"0", "3", "12", "1", "5"},
			"fit_for_work":    {"true", "false", "true", "true", "true"},
			"tax_withheld":    {"812.40", "1203.11", "455.00", "980.75", "1500.00"},
		})
	runClassify(t, []classifyCase{
		{"hire_date", hr["hire_date"], Employment, true},
		{"termination_date (no values)", hr["termination_date"], Employment, true},
		{"employment_type", hr["employment_type"], Employment, true},
		{"sick_days", hr["sick_days"], Health, true},
		{"fit_for_work", hr["fit_for_work"], Health, true},
		{"tax_withheld", hr["tax_withheld"], SalaryFinancial, true},
	})
	coords := []string{"52.520008", "48.137154", "50.110924", "53.551086", "51.227741"}
	hex := repeatf(20, "%032x", idx)
	runClassify(t, []classifyCase{
		{"lat beside a visitor id", Column{Table: "page_views", Name: "lat", DataType: "double precision", TableColumns: []string{"visitor_id", "lat", "lon"}, Values: coords}, GeoLocation, true},
		{"precise lat in a neutral table", Column{Table: "check_ins", Name: "lat", DataType: "double precision", Values: coords}, GeoLocation, true},
		{"lat of stores", Column{Table: "stores", Name: "lat", DataType: "double precision", Values: coords}, None, false},
		{"session id beside an ip", Column{Table: "page_views", Name: "session_id", TableColumns: []string{"ip_address", "session_id"}, Values: hex}, DeviceID, true},
		{"session id alone", Column{Table: "page_views", Name: "session_id", Values: hex}, None, false},
		{"mac address as macaddr", Column{Table: "devices", Name: "mac_address", DataType: "macaddr", Values: []string{"08:00:2b:01:02:03", "08:00:2b:01:02:04"}}, DeviceID, true},
		{"user agent", Column{Table: "page_views", Name: "user_agent", TableColumns: []string{"ip_address", "user_agent"}, Values: []string{"Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/124.0", "curl/8.4.0"}}, DeviceID, true},
		{"subject lines without identifiers", Column{Table: "tickets", Name: "subject", DataType: "text", TableColumns: []string{"requester_email", "subject"}, Values: []string{"Invoice question", "Password reset", "Delivery delayed"}}, None, false},
		{"subject lines with identifiers", Column{Table: "tickets", Name: "subject", DataType: "text", Values: []string{"Call me on +49 171 1234567", "Refund to DE89370400440532013000", "Invoice question"}}, FreeText, true},
	})
}

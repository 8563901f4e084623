// Package detect classifies database columns as personal data from their names, their
// table's context and a sample of their values. It never keeps raw values: evidence
// holds ratios and counts, examples are masked when they are made.
package detect

// Category ids follow docs/rule-catalogue.md §6 so results compare across scans and tools.
type Category string

const (
	None              Category = "none"
	Email             Category = "email"
	Phone             Category = "phone"
	PersonName        Category = "person_name"
	PostalAddress     Category = "postal_address"
	PostalCode        Category = "postal_code"
	City              Category = "city"
	Country           Category = "country"
	DateOfBirth       Category = "date_of_birth"
	Age               Category = "age"
	Gender            Category = "gender"
	Username          Category = "username"
	NationalID        Category = "national_id"
	Passport          Category = "passport"
	TaxID             Category = "tax_id"
	PaymentCard       Category = "payment_card"
	CardSecurityCode  Category = "card_security_code"
	IBANBankAccount   Category = "iban_bank_account"
	SalaryFinancial   Category = "salary_financial"
	Employment        Category = "employment"
	IPAddress         Category = "ip_address"
	DeviceID          Category = "device_id"
	GeoLocation       Category = "geo_location"
	PasswordOrSecret  Category = "password_or_secret"
	PhotoOrBiometric  Category = "photo_or_biometric"
	FreeText          Category = "free_text_may_contain_pii"
	Health            Category = "health"
	ReligionOrBelief  Category = "religion_or_belief"
	Ethnicity         Category = "ethnicity"
	Political         Category = "political"
	SexualOrientation Category = "sexual_orientation"
	TradeUnion        Category = "trade_union"
	Genetic           Category = "genetic"
	Criminal          Category = "criminal"
)

// Special reports whether the category is an Art. 9 special category.
func (c Category) Special() bool {
	switch c {
	case Health, ReligionOrBelief, Ethnicity, Political, SexualOrientation, TradeUnion, Genetic:
		return true
	}
	return false
}

// CriminalData reports whether the category is Art. 10 data.
func (c Category) CriminalData() bool { return c == Criminal }

// Column is what the classifier sees of one column.
type Column struct {
	Schema       string   // schema (MySQL: database) of the table, unquoted; context only
	Table        string   // table name, unquoted
	Name         string   // column name
	DataType     string   // engine type as the catalogue spells it, e.g. "character varying(255)", "varchar(64)", "TEXT"
	TableColumns []string // names of all columns of the same table (table context)
	Values       []string // sampled non-null values rendered as text; never stored anywhere
	Sampled      int      // rows sampled from the table (Values may be fewer: NULLs are dropped)
}

// Evidence explains a classification without holding any raw value.
type Evidence struct {
	Signals    []string `json:"signals"`              // e.g. "name:email", "value:email", "context:person_table"
	NameMatch  string   `json:"name_match,omitempty"` // the vocabulary entry that matched the column name
	ValueRatio float64  `json:"value_ratio"`          // share of sampled non-null values that validated
	NonNull    int      `json:"non_null"`             // sampled non-null values
	Distinct   int      `json:"distinct"`             // distinct sampled values
	Sampled    int      `json:"sampled"`              // rows sampled
}

// Result is the classification of one column.
type Result struct {
	Category       Category `json:"category"`
	Personal       bool     `json:"personal"`
	Confidence     float64  `json:"confidence"` // 0..1; Personal is Confidence >= Threshold
	Evidence       Evidence `json:"evidence"`
	MaskedExamples []string `json:"masked_examples"` // at most 3, masked at creation
}

// Threshold is the confidence at and above which a column is reported as personal data.
const Threshold = 0.6

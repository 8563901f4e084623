package detect

import (
	"math"
	"strconv"
	"strings"
)

// Scoring.
//
// Each candidate category of a column gets a confidence in [0, 1]; the column takes the
// candidate with the highest one and is personal when it is at least Threshold (0.6).
// A column that is not personal reports Category None, the best candidate's confidence
// and its signals. The evidence is combined in this order:
//
//  1. Name. A vocabulary entry gives its strength: 0.7 for specific names (email, phone,
//     first_name, iban, date_of_birth), 0.62 for likely ones (address, login, salary),
//     0.5 for ambiguous ones (a bare "name", city, title), 0.35 for names that are personal
//     only when their values say so (a subject line). An unknown word after the match
//     costs 0.15 ("email_subject"). No match: 0. Legacy tables whose fields share a short
//     prefix (CUZIP, CUPHON in CUSTMAST) are matched without it, with the same strengths.
//     Some entries bring their own value check (house numbers, states and provinces, hire
//     dates, card expiry dates, health insurance numbers, user agents).
//  2. Context, for quasi-identifiers only (name, address, postcode, city, country, job,
//     notes): +0.15 in a person table (contacts, kunden, res_users), +0.10 when sibling
//     columns are direct identifiers (email, first_name, birth_date) or keys to a person
//     table (contact_id; not used for a bare "name"), and +0.10 for coordinates, cookies and
//     sessions beside a device or visitor identifier (ip_address, visitor_id). In company,
//     object and lookup tables (accounts, company_settings, products, countries) the
//     confidence is capped at 0.35, and, unless the name is specific (gender), in a neutral
//     table without person evidence at 0.55. Contact data organisations have too (email,
//     phone, IBAN, VAT id, address) is capped at 0.35 in company, supplier and settings
//     tables, unless a person word qualifies it (contact_email, owner_phone) or the table
//     has columns only people have (first_name, birth_date: person accounts, sole traders;
//     a contact-person column names someone else and does not count).
//     In lookup tables (countries, currencies, lists of types and states such as
//     membership_type or participant_status_type) every candidate is capped at 0.35.
//  3. Data type. A type the category cannot be stored in (a boolean email_opt_in, a
//     numeric "name", a timestamp "phone") caps the confidence at 0.2; so does a sample of
//     only 0s and 1s for identifier categories (a flag stored as a number).
//  4. Values. Each sampled non-null value is checked: strong (validated: syntax and TLD,
//     mod-97, Luhn and IIN, check digits, a dictionary hit), weak (plausible shape) or not.
//     With a name match:
//     - strong share ≥ confirm ratio (the minimum value ratio, 0.8, for strict checks; 0.2
//     dictionary hits for names, 0.5 enum hits for special categories, 0.05 embedded
//     identifiers for free text): max(c, 0.9) + 0.08·strong share. Name and values agree;
//     dictionary names and embedded identifiers also lift the 0.55 cap of step 2.
//     - weak share ≥ 0.8: +0.1.
//     - weak share < 0.3: −0.3 with at least 5 values, else −0.1. Values contradict the
//     name, e.g. an "email" column full of UUIDs.
//     Without a name match, only checks that discriminate well classify on their own (at
//     least 3 values): strong share s ≥ a (0.8 for strict checks) gives
//     0.65 + 0.25·(s−a)/(1−a), capped per detector for looser checks (names, enums), and
//     0.35 less when the name is a known non-personal one (sku, isbn, version).
//     Values that identify a business (VAT numbers with their country prefix, info@ and
//     sales@ addresses), 80% or more of the validated ones, cap the confidence at 0.55.
//  5. Cardinality. Identifier categories expect many distinct values: a constant sample
//     (≥5 values, one distinct: a default, a test address) caps the confidence at 0.5; a
//     near-constant one (≥20 values, ≤3 distinct) costs a name match 0.15 and caps a
//     value-only match at 0.55. Enum-like categories (gender, country, special categories)
//     are exempt.
//
// Beyond these steps (coded.go, classifier.go): a key standing for a listed attribute of a
// person (gender_id, country_id, fk_pays) and the unnamed measures, amounts and periods of
// employee, pay and assignment tables get 0.65 from name and context alone; free text in a
// table without person evidence is capped at 0.55 unless it embeds an identifier.
//
// Value ratios come from at most 5000 values per column; libphonenumber and the free-text
// scan, which cost tens of microseconds per value, look at the first 200 and 300.
//
// Confidences are rounded to two decimals.

// scoreInput is what scoring needs beyond the candidate itself.
type scoreInput struct {
	ctx      tableCtx
	typ      typeKind
	distinct int
	minRatio float64
	flags    bool // all sampled values are 0 or 1
}

// Context adjustments for quasi-identifiers.
const (
	boostPersonTable   = 0.15
	boostPersonColumns = 0.10
	capNonPerson       = 0.35
	capNoPerson        = 0.55
	capBadType         = 0.2
	capConstant        = 0.5
)

func scoreCandidate(d *detector, nm nameMatch, st stats, ex []int, in scoreInput) candidate {
	cd := candidate{d: d, named: nm.cat == d.cat && nm.cat != None, st: st, examples: ex}
	var sig []string
	conf, ceiling := 0.0, 1.0

	if cd.named {
		conf = nm.strength
		sig = append(sig, "name:"+string(d.cat))
		if nm.quasi {
			switch {
			case in.ctx.nonPerson():
				ceiling = capNonPerson
				sig = append(sig, tableKindSignal[in.ctx.kind])
			case in.ctx.kind == tablePerson:
				conf += boostPersonTable
				sig = append(sig, tableKindSignal[tablePerson])
			case in.ctx.personColumns:
				conf += boostPersonColumns
				sig = append(sig, "context:person_columns")
			case in.ctx.personLink && d.cat != PersonName:
				conf += boostPersonColumns
				sig = append(sig, "context:person_link")
			case in.ctx.online && (d.cat == GeoLocation || d.cat == DeviceID):
				conf += boostPersonColumns
				sig = append(sig, "context:online_identifier")
			case nm.strength < specific:
				ceiling = capNoPerson
			}
		}
	} else if in.ctx.kind == tablePerson {
		sig = append(sig, tableKindSignal[tablePerson])
	}
	if in.ctx.kind == tableLookup && ceiling > capNonPerson {
		// Lists of countries, currencies, types and states hold nobody's data, whatever
		// their columns are called (a currency's full_name).
		ceiling = capNonPerson
		sig = mergeSignals(sig, []string{tableKindSignal[tableLookup]})
	}
	if d.orgData && in.ctx.kind == tableOrg && !in.ctx.identity && !nm.person && ceiling > capNonPerson {
		// The company's own switchboard, info@ address or IBAN (accounts, suppliers, settings).
		ceiling = capNonPerson
		sig = append(sig, tableKindSignal[tableOrg])
	}

	if !d.types.allows(in.typ) {
		sig = append(sig, "type:"+in.typ.String())
		cd.conf, cd.signals = round2(min(conf, capBadType, ceiling)), sig
		return cd
	}

	n := st.counted()
	if n > 0 && d.check != nil {
		strong, weak := st.share(st.strong), st.share(st.weak)
		if cd.named {
			confirm := d.confirmAt
			if d.strict || confirm == 0 {
				confirm = in.minRatio
			}
			switch {
			case st.strong > 0 && atLeast(strong, confirm):
				conf = max(conf, 0.9) + 0.08*strong
				sig = append(sig, "value:"+string(d.cat))
				if nm.quasi && d.confirmLifts && !in.ctx.nonPerson() {
					ceiling = 1 // dictionary names or embedded identifiers speak for themselves
				}
			case atLeast(weak, 0.8):
				conf += 0.1
				sig = append(sig, "value:plausible")
			case weak < 0.3 && n >= 5:
				conf -= 0.3
				sig = append(sig, "value:contradicts")
			case weak < 0.3:
				conf -= 0.1
				sig = append(sig, "value:contradicts")
			}
		} else {
			at := d.valueOnlyAt
			if d.strict {
				at = in.minRatio
			}
			if s := st.share(st.probed); at > 0 && n >= 3 && st.probed > 0 && atLeast(s, at) {
				conf = 0.65
				if at < 1 {
					conf += 0.25 * (s - at) / (1 - at)
				}
				if d.valueCap > 0 {
					conf = min(conf, d.valueCap)
				}
				if nm.blocked {
					conf -= 0.35
				}
				sig = append(sig, "value:"+string(d.cat))
			}
		}
		if d.business != nil && st.strong > 0 && atLeast(float64(st.business)/float64(st.strong), 0.8) {
			// VAT numbers, info@ and sales@ addresses: a business's identifiers.
			ceiling = min(ceiling, capNoPerson)
			sig = append(sig, "value:business_id")
		}
		if d.cat == Employment && cd.named && n >= 20 && in.distinct == 1 && employerPhrase(nm.phrase) {
			// One employer for every row (ERPNext tabEmployee.company): the operator itself,
			// which says nothing about anyone.
			ceiling = min(ceiling, capConstant)
			sig = append(sig, "value:constant")
		}
		if d.highCard && in.flags {
			ceiling = min(ceiling, capBadType) // a flag stored as a number (manual_geo_code)
			sig = append(sig, "value:flags")
		}
		if d.highCard && conf > 0 {
			switch {
			case n >= 5 && in.distinct == 1:
				ceiling = min(ceiling, capConstant)
				sig = append(sig, "value:constant")
			case n >= 20 && in.distinct <= 3:
				if cd.named {
					conf -= 0.15
				} else {
					ceiling = min(ceiling, capNoPerson)
				}
				sig = append(sig, "value:low_cardinality")
			}
		}
	}
	cd.conf, cd.signals = round2(max(0, min(conf, ceiling, 1))), sig
	return cd
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// epsilon absorbs float rounding in ratio comparisons: 4 of 5 is 0.8.
const epsilon = 1e-9

func atLeast(a, b float64) bool { return a >= b-epsilon }

// typeKind is a column's data type, reduced to what matters for classification.
type typeKind uint8

const (
	typeUnknown typeKind = iota
	typeText
	typeLongText // text, clob, varchar over 255
	typeInt
	typeDecimal
	typeBool
	typeDate
	typeBinary
	typeUUID
	typeJSON
	typeNet // inet, cidr, macaddr
	typeGeo // point, geometry, geography
)

// typeNames name the kinds in "type:" signals; integers and decimals are both numeric.
var typeNames = [...]string{"unknown", "text", "long_text", "numeric", "numeric", "boolean", "date", "binary", "uuid", "json", "network", "geometry"}

func (t typeKind) String() string { return typeNames[t] }

// typeSet is a set of type kinds; unknown types are always allowed.
type typeSet uint16

func types(kinds ...typeKind) typeSet {
	var s typeSet
	for _, k := range kinds {
		s |= 1 << k
	}
	return s
}

func (s typeSet) allows(t typeKind) bool { return t == typeUnknown || s&(1<<t) != 0 }

// Common type sets.
var (
	textTypes    = types(typeText, typeLongText)
	numericTypes = types(typeInt, typeDecimal)
)

// typeOf reduces an engine's type name ("character varying(255)", "tinyint(1)",
// "timestamp with time zone", "NVARCHAR(MAX)") to a typeKind.
func typeOf(dt string) typeKind {
	t := strings.ToLower(strings.TrimSpace(dt))
	if t == "" {
		return typeUnknown
	}
	base, arg := t, ""
	if i := strings.IndexByte(t, '('); i >= 0 {
		base = strings.TrimSpace(t[:i])
		if j := strings.IndexByte(t[i:], ')'); j > 0 {
			arg = strings.TrimSpace(t[i+1 : i+j])
		}
	}
	base = strings.TrimSuffix(base, " unsigned")
	base = strings.TrimSuffix(base, "[]")
	switch {
	case base == "tinyint" && arg == "1", base == "bit" && (arg == "" || arg == "1"),
		base == "bool", base == "boolean":
		return typeBool
	case strings.Contains(base, "int") && !strings.Contains(base, "interval") && !strings.Contains(base, "point"),
		base == "serial", base == "bigserial", base == "smallserial", base == "year":
		return typeInt
	case (base == "number" || base == "numeric" || base == "decimal") && strings.HasSuffix(strings.ReplaceAll(arg, " ", ""), ",0"):
		return typeInt // NUMERIC(8,0): legacy dates and numbers stored as digits
	case base == "numeric", base == "decimal", base == "number", base == "real", base == "float",
		base == "double", base == "double precision", base == "money", base == "smallmoney",
		strings.HasPrefix(base, "float"):
		return typeDecimal
	case strings.HasPrefix(base, "timestamp"), strings.HasPrefix(base, "datetime"), base == "date",
		strings.HasPrefix(base, "time"), base == "smalldatetime":
		return typeDate
	case base == "uuid", base == "uniqueidentifier":
		return typeUUID
	case base == "json", base == "jsonb", base == "hstore":
		return typeJSON
	case base == "inet", base == "cidr", base == "macaddr", base == "macaddr8":
		return typeNet
	case base == "point", base == "geometry", base == "geography":
		return typeGeo
	case strings.Contains(base, "blob"), strings.Contains(base, "binary"), base == "bytea",
		base == "image", base == "raw", base == "long raw":
		return typeBinary
	case base == "citext":
		return typeText
	case strings.Contains(base, "text"), strings.Contains(base, "clob"), base == "xml":
		return typeLongText
	case strings.Contains(base, "char"), base == "string", base == "enum", base == "set", base == "name":
		if n, err := strconv.Atoi(arg); (err == nil && n > 255) || arg == "max" {
			return typeLongText
		}
		return typeText
	}
	return typeUnknown
}

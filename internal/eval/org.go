package eval

import "strings"

// org is a company: accounts, suppliers, the operator's own settings. Its name, VAT id,
// address and switchboard number are not personal data, though many look like it (and
// some company names are made of a founder's surname, as in real registers).
type org struct {
	name, vat, line, postcode, city, country, phone, web, email, industry string
}

var orgWords = []string{"Nordwind", "Alpen", "Blue Harbor", "Silverline", "Kraft", "Helios", "Vertex", "Atlas", "Quantum", "Greenfield", "Pioneer", "Summit", "Rheinland", "Baltic", "Iberia", "Lumen", "Orbit", "Cobalt", "Meridian", "Nova", "Polaris", "Brightwater", "Stahlwerk", "Adriatica", "Vistula", "Oranje", "Boreal", "Lusitania"}
var orgTrades = []string{"Logistik", "Solutions", "Systems", "Consulting", "Software", "Trading", "Bau", "Energie", "Medical", "Foods", "Media", "Technologies", "Immobilien", "Textil", "Pharma", "Analytics", "Maschinenbau", "Retail", "Partners", "Industries"}
var orgIndustries = []string{"Manufacturing", "Retail", "Technology", "Healthcare", "Finance", "Logistics", "Construction", "Energy", "Education", "Hospitality", "Media", "Consulting", "Automotive", "Agriculture"}

var legalForms = map[string][]string{
	"DE": {"GmbH", "AG", "GmbH & Co. KG", "e.K.", "UG (haftungsbeschränkt)"}, "AT": {"GmbH", "AG"}, "CH": {"AG", "GmbH", "SA"},
	"FR": {"SAS", "SARL", "SA", "EURL"}, "BE": {"BV", "SRL", "NV"}, "ES": {"S.L.", "S.A."}, "IT": {"S.r.l.", "S.p.A.", "S.n.c."},
	"NL": {"B.V.", "N.V."}, "PL": {"Sp. z o.o.", "S.A."}, "GB": {"Ltd", "PLC", "LLP"}, "US": {"Inc.", "LLC", "Corp."},
	"SE": {"AB"}, "BR": {"Ltda.", "S.A."},
}

var orgTLD = map[string]string{"DE": ".de", "AT": ".at", "CH": ".ch", "FR": ".fr", "BE": ".be", "ES": ".es", "IT": ".it", "NL": ".nl", "PL": ".pl", "GB": ".co.uk", "US": ".com", "SE": ".se", "BR": ".com.br"}

func newOrg(g *gen, code string) org {
	p := newPerson(g, code) // only for the address and switchboard of the country
	var name string
	switch g.intn(5) {
	case 0: // named after a founder, as many firms are
		name = p.last + " " + pick(g, orgTrades)
	case 1:
		name = p.last + " & " + pick(g, p.loc.surnames)
	default:
		name = pick(g, orgWords) + " " + pick(g, orgTrades)
	}
	name += " " + pick(g, legalForms[code])
	slug := strings.ToLower(asciiFold(strings.Fields(name)[0] + strings.Fields(name)[1]))
	slug = strings.NewReplacer("&", "", "'", "", ".", "", ",", "").Replace(slug)
	o := org{
		name: name, line: p.line, postcode: p.postcode, city: p.city, country: p.loc.english,
		phone: p.phone(false).format(pick(g, []string{"national", "intl"})), industry: pick(g, orgIndustries),
	}
	o.web = "www." + slug + orgTLD[code]
	o.email = pick(g, []string{"info", "contact", "office", "sales", "kontakt", "hello"}) + "@" + slug + orgTLD[code]
	o.vat = g.vatID(code)
	return o
}

// vatID returns a company VAT or tax registration id of a country.
func (g *gen) vatID(code string) string {
	switch code {
	case "DE":
		return g.germanVAT()
	case "FR":
		return g.frenchVAT()
	case "GB":
		return "GB" + g.digits(9)
	case "NL":
		return "NL" + g.digits(9) + "B01"
	case "IT":
		return "IT" + g.digits(11)
	case "ES":
		return "ES" + pick(g, []string{"A", "B"}) + g.digits(8)
	case "PL":
		return "PL" + strings.ReplaceAll(g.nip(), "-", "")
	case "AT":
		return "ATU" + g.digits(8)
	case "BE":
		return "BE0" + g.digits(9)
	case "SE":
		return "SE" + g.digits(10) + "01"
	case "CH":
		return "CHE-" + g.digits(3) + "." + g.digits(3) + "." + g.digits(3) + " MWST"
	case "US":
		return g.digits(2) + "-" + g.digits(7)
	case "BR":
		return g.digits(2) + "." + g.digits(3) + "." + g.digits(3) + "/0001-" + g.digits(2)
	}
	return g.digits(10)
}

// orgV returns a field of the row's organisation (one per row, shared by its columns).
func orgV(m mix, field func(o org) string) func(r *row) string {
	return func(r *row) string {
		if r.org == nil {
			o := newOrg(r.g, m.pick(r.g))
			r.org = &o
		}
		return field(*r.org)
	}
}

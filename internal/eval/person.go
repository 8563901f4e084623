package eval

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// person is one data subject. A row of a table about people is generated from one person,
// so that the row is consistent: the email is made of the name, the postcode belongs to
// the city, national ids encode the birth date and sex.
type person struct {
	g      *gen
	code   string  // ISO country code
	loc    *locale // nil for CN and TW
	female bool
	first  string
	last   string
	latinF string // first name in ASCII, for emails and usernames
	latinL string
	birth  time.Time

	street   string // street name
	houseNo  string
	line     string // the street line as the country writes it
	postcode string
	city     string
	region   string

	cn cnPlace
	tw twPlace

	email    string
	username string
}

// mix is a weighted choice of countries.
type mix struct {
	codes   []string
	weights []float64
}

// mixOf takes pairs: "DE", 5, "AT", 1, …
func mixOf(pairs ...any) mix {
	var m mix
	for i := 0; i < len(pairs); i += 2 {
		m.codes = append(m.codes, pairs[i].(string))
		switch w := pairs[i+1].(type) {
		case int:
			m.weights = append(m.weights, float64(w))
		case float64:
			m.weights = append(m.weights, w)
		}
	}
	return m
}

func (m mix) pick(g *gen) string { return m.codes[g.weighted(m.weights)] }

func newPerson(g *gen, code string) *person {
	p := &person{g: g, code: code, female: g.chance(0.5)}
	p.birth = g.day(1940, 2006)
	switch code {
	case "CN", "TW":
		sn := pick(g, cnSurnames)
		gn := pick(g, cnMale)
		if p.female {
			gn = pick(g, cnFemale)
		}
		p.first, p.last, p.latinF, p.latinL = gn.han, sn.han, gn.pinyin, sn.pinyin
		if code == "CN" {
			p.cn = pick(g, cnPlaces)
			p.line = p.cn.address(g)
			p.postcode, p.city, p.region = p.cn.postcode, p.cn.city, p.cn.province
		} else {
			p.first, p.last = traditional.Replace(p.first), traditional.Replace(p.last)
			p.tw = pick(g, twPlaces)
			p.line = p.tw.address(g)
			p.postcode, p.city = p.tw.postcode, p.tw.city
			if g.chance(0.5) {
				p.postcode += g.digits(2)
			}
		}
		p.email = p.zhEmail()
		p.username = strings.ToLower(p.latinF + p.latinL + strconv.Itoa(g.between(1, 999)))
		return p
	}
	p.loc = locales[code]
	if p.female {
		p.first = pick(g, p.loc.female)
	} else {
		p.first = pick(g, p.loc.male)
	}
	p.last = pick(g, p.loc.surnames)
	if code == "NL" && g.chance(0.3) {
		p.last = pick(g, dutchPrefixes) + " " + pick(g, dutchPrefixed)
	}
	if (code == "ES") && g.chance(0.85) { // two surnames
		p.last += " " + pick(g, p.loc.surnames)
	}
	p.latinF, p.latinL = asciiFold(p.first), asciiFold(p.last)
	pl := pick(g, p.loc.places)
	p.street, p.houseNo = pick(g, p.loc.streets), houseNo(g)
	p.line = p.loc.street(g, p.street, p.houseNo)
	p.postcode, p.city, p.region = pl.postcode(g), pl.city, pl.region
	p.email = p.latinEmail(pick(g, p.loc.domains))
	p.username = p.makeUsername()
	return p
}

var dropSeparators = strings.NewReplacer(" ", "", "'", "", "-", "")

func lowerASCII(s string) string { return strings.ToLower(dropSeparators.Replace(s)) }

func (p *person) latinEmail(domain string) string {
	f, l := lowerASCII(p.latinF), lowerASCII(p.latinL)
	if i := strings.IndexByte(strings.ToLower(p.latinL), ' '); i > 0 && p.code == "ES" {
		l = lowerASCII(p.latinL[:i]) // first surname only
	}
	var local string
	switch p.g.intn(9) {
	case 0, 1, 2:
		local = f + "." + l
	case 3:
		local = f + l
	case 4:
		local = f[:1] + "." + l
	case 5:
		local = f + "_" + l
	case 6:
		local = f + "." + l + strconv.Itoa(p.g.between(1, 99))
	case 7:
		local = l + "." + f
	default:
		local = f + strconv.Itoa(p.birth.Year()%100)
	}
	return local + "@" + domain
}

func (p *person) zhEmail() string {
	f, l := lowerASCII(p.latinF), lowerASCII(p.latinL)
	if p.code == "TW" {
		return l + "." + f + strconv.Itoa(p.g.between(1, 99)) + "@" + pick(p.g, []string{"gmail.com", "yahoo.com.tw", "hotmail.com", "msa.hinet.net", "outlook.com"})
	}
	switch p.g.intn(4) {
	case 0: // QQ number mailbox
		return strconv.Itoa(p.g.between(10000, 2999999999)) + "@qq.com"
	case 1:
		return l + f + strconv.Itoa(p.g.between(1, 999)) + "@" + pick(p.g, []string{"163.com", "126.com", "sina.com", "foxmail.com"})
	case 2:
		return f + "." + l + "@" + pick(p.g, []string{"163.com", "qq.com", "139.com", "gmail.com"})
	default:
		return l + f + p.birth.Format("0102") + "@" + pick(p.g, []string{"qq.com", "163.com", "aliyun.com"})
	}
}

func (p *person) makeUsername() string {
	f, l := lowerASCII(p.latinF), lowerASCII(p.latinL)
	switch p.g.intn(6) {
	case 0:
		return f[:1] + l
	case 1:
		return f + "." + l
	case 2:
		return f + l[:1] + strconv.Itoa(p.birth.Year()%100)
	case 3:
		return l + "_" + f[:1]
	case 4:
		return f + strconv.Itoa(p.g.between(1, 9999))
	default:
		return pick(p.g, []string{"the", "real", "mr", "its", "x", "just"}) + f + strconv.Itoa(p.g.between(1, 99))
	}
}

// full is the full name in the country's order.
func (p *person) full() string {
	if p.loc == nil {
		return p.last + p.first
	}
	return p.first + " " + p.last
}

func (p *person) phone(mobile bool) phone {
	switch p.code {
	case "CN":
		return phoneCN(p.g, mobile, p.cn.tel)
	case "TW":
		return phoneTW(p.g, mobile)
	}
	return p.loc.phone(p.g, mobile)
}

func (p *person) countryEN() string {
	switch p.code {
	case "CN":
		return "China"
	case "TW":
		return "Taiwan"
	}
	return p.loc.english
}

func (p *person) countryNative() string {
	switch p.code {
	case "CN":
		return "中国"
	case "TW":
		return "臺灣"
	}
	return p.loc.native
}

// nationalID returns the person's main national identifier, as it is usually written.
func (p *person) nationalID() string {
	g := p.g
	switch p.code {
	case "US":
		return g.ssn()
	case "GB":
		n := g.nino()
		if g.chance(0.5) {
			return n[:2] + " " + n[2:4] + " " + n[4:6] + " " + n[6:8] + " " + n[8:]
		}
		return n
	case "DE":
		return g.steuerID()
	case "AT":
		return g.atSVNR(p.birth)
	case "CH":
		return g.ahv()
	case "FR":
		return formatNIR(g.nir(p.female, p.birth))
	case "BE":
		return g.beNationalNumber(p.female, p.birth)
	case "ES":
		if g.chance(0.15) {
			return g.nie()
		}
		return g.dni()
	case "IT":
		return p.codiceFiscale()
	case "NL":
		return g.bsn()
	case "PL":
		return pesel(g, p.female, p.birth)
	case "SE":
		return g.personnummer(p.female, p.birth)
	case "BR":
		return g.cpf()
	case "CN":
		return cnResidentID(g, p.cn.area, p.female, p.birth)
	case "TW":
		return twID(g, p.tw.letter, p.female)
	}
	panic("eval: no national id for " + p.code)
}

func (p *person) codiceFiscale() string {
	return codiceFiscale(p.latinF, p.latinL, p.female, p.birth, pick(p.g, italianComuni).code)
}

// passport returns a passport number of the person's country.
func (p *person) passport() string {
	g := p.g
	switch p.code {
	case "DE":
		return pick(g, []string{"C", "F", "G", "H", "J", "K"}) + g.from("CFGHJKLMNPRTVWXYZ0123456789", 8)
	case "FR":
		return g.digits(2) + g.letters(2) + g.digits(5)
	case "GB", "US":
		return g.digits(9)
	case "IT":
		return g.letters(2) + g.digits(7)
	case "ES":
		return g.letters(3) + g.digits(6)
	case "NL":
		return g.from("BCDFGHJKLMNPRSTVWXYZ", 2) + g.from("BCDFGHJKLMNPRSTVWXYZ0123456789", 6) + g.digits(1)
	case "PL":
		return g.letters(2) + g.digits(7)
	case "CN":
		return "E" + g.digits(8)
	}
	return g.letters(2) + g.digits(7)
}

// gender in a column's vocabulary.
func (p *person) gender(vocab []string) string {
	if p.female {
		return vocab[1]
	}
	return vocab[0]
}

// age on the corpus' "today".
func (p *person) age() int {
	a := corpusNow.Year() - p.birth.Year()
	if corpusNow.YearDay() < p.birth.YearDay() {
		a--
	}
	return a
}

// dob writes the birth date in a layout.
func (p *person) dob(layout string) string { return p.birth.Format(layout) }

// geo returns coordinates near the person's city (a rough jitter around a centre).
func (p *person) geo() (lat, lon float64) {
	c, ok := cityCentres[p.city]
	if !ok {
		c, ok = countryCentres[p.code]
	}
	if !ok {
		c = [2]float64{48.137, 11.575}
	}
	return c[0] + p.g.float(-0.08, 0.08), c[1] + p.g.float(-0.12, 0.12)
}

var cityCentres = map[string][2]float64{
	"Berlin": {52.520, 13.405}, "Hamburg": {53.551, 9.993}, "München": {48.137, 11.575}, "Köln": {50.937, 6.960},
	"Frankfurt am Main": {50.110, 8.682}, "Stuttgart": {48.775, 9.182}, "Paris": {48.856, 2.352}, "Lyon": {45.764, 4.835},
	"London": {51.507, -0.128}, "Manchester": {53.480, -2.242}, "New York": {40.713, -74.006}, "San Francisco": {37.774, -122.419},
	"Amsterdam": {52.368, 4.904}, "Madrid": {40.417, -3.704}, "Barcelona": {41.385, 2.173}, "Roma": {41.903, 12.496},
	"Milano": {45.464, 9.190}, "Warszawa": {52.230, 21.012}, "Stockholm": {59.329, 18.069}, "Wien": {48.208, 16.373},
}

// countryCentres are rough centres of population, for cities without their own entry.
var countryCentres = map[string][2]float64{
	"DE": {50.9, 9.8}, "AT": {47.9, 14.5}, "CH": {47.1, 8.2}, "FR": {46.6, 2.4}, "BE": {50.8, 4.4}, "ES": {40.2, -3.7},
	"IT": {42.8, 12.5}, "NL": {52.2, 5.3}, "PL": {52.0, 19.4}, "SE": {59.3, 16.0}, "GB": {52.6, -1.5}, "US": {39.5, -95.0},
	"BR": {-19.9, -46.0}, "CN": {31.2, 114.0}, "TW": {24.5, 121.0},
}

// ipv4 returns a public IPv4 address.
func (g *gen) ipv4() string {
	for {
		a := g.between(2, 223)
		b := g.intn(256)
		switch {
		case a == 10, a == 127, a == 100 && b >= 64 && b < 128, a == 169 && b == 254, a == 172 && b >= 16 && b < 32, a == 192 && b == 168:
			continue
		}
		return fmt.Sprintf("%d.%d.%d.%d", a, b, g.intn(256), g.between(1, 254))
	}
}

// ipv6 returns a global unicast IPv6 address of a residential ISP prefix, compressed.
func (g *gen) ipv6() string {
	prefix := pick(g, []string{"2a02:8108", "2003:e3", "2a01:cb00", "2a01:e0a", "2001:1c00", "2a00:23c5", "2600:1700", "2804:14c", "240e:3b0"})
	var parts []string
	for range 8 - strings.Count(prefix, ":") - 1 {
		parts = append(parts, strconv.FormatInt(int64(g.intn(0x10000)), 16))
	}
	if g.chance(0.5) {
		return prefix + ":" + strings.Join(parts[:2], ":") + "::" + strings.Join(parts[len(parts)-2:], ":")
	}
	return prefix + ":" + strings.Join(parts, ":")
}

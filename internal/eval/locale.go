package eval

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// locale is what the generator knows about people of one country: names, places,
// phone numbering, email providers. The data are small, hand-written lists of common
// values, including names of immigrant communities where CRMs in that country hold them.
type locale struct {
	code     string // ISO 3166-1 alpha-2
	english  string // country name in English
	native   string // country name in the country's language
	male     []string
	female   []string
	surnames []string
	streets  []string
	places   []place
	domains  []string
	phone    func(g *gen, mobile bool) phone
	// street formats a street line from a street name and a house number.
	street func(g *gen, name, no string) string
}

// place is a city with the postcode patterns of its delivery areas ('#' digit, '@' letter).
type place struct {
	city, region string
	codes        []string
}

// phone is one number in the formats people store it in.
type phone struct {
	e164     string // +4930123456
	intl     string // +49 30 123456
	national string // 030 123456
	alt      string // a second national habit: 030/123456, 06.12.34.56.78, 0912-345-678
}

// format returns the number in a column's style.
func (p phone) format(style string) string {
	switch style {
	case "e164":
		return p.e164
	case "intl":
		return p.intl
	case "alt":
		return p.alt
	case "digits":
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, p.national)
	case "00":
		return "00" + strings.TrimPrefix(p.intl, "+")
	}
	return p.national
}

func fillPattern(g *gen, pat string) string {
	var b strings.Builder
	for _, r := range pat {
		switch r {
		case '#':
			b.WriteByte(digitChars[g.intn(10)])
		case '@':
			b.WriteByte("ABDEFGHJLNPQRSTUWXYZ"[g.intn(20)])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (p place) postcode(g *gen) string { return fillPattern(g, pick(g, p.codes)) }

// subscriber returns n digits not starting with 0 or 1.
func subscriber(g *gen, n int) string { return strconv.Itoa(g.between(2, 9)) + g.digits(n-1) }

// asciiFold transliterates the letters of European names to ASCII, as people do when
// they make an email address of their name.
func asciiFold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'ä', 'æ':
			b.WriteString("ae")
		case 'ö', 'ø', 'œ':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'Ä':
			b.WriteString("Ae")
		case 'Ö':
			b.WriteString("Oe")
		case 'Ü':
			b.WriteString("Ue")
		case 'ß':
			b.WriteString("ss")
		case 'á', 'à', 'â', 'ã', 'å', 'ą':
			b.WriteByte('a')
		case 'Á', 'À', 'Â', 'Å':
			b.WriteByte('A')
		case 'é', 'è', 'ê', 'ë', 'ę':
			b.WriteByte('e')
		case 'É', 'È':
			b.WriteByte('E')
		case 'í', 'ì', 'î', 'ï':
			b.WriteByte('i')
		case 'ó', 'ò', 'ô', 'õ':
			b.WriteByte('o')
		case 'ú', 'ù', 'û':
			b.WriteByte('u')
		case 'ç', 'ć':
			b.WriteByte('c')
		case 'Ç':
			b.WriteByte('C')
		case 'ñ', 'ń':
			b.WriteByte('n')
		case 'ł':
			b.WriteByte('l')
		case 'Ł':
			b.WriteByte('L')
		case 'ś', 'ş':
			b.WriteByte('s')
		case 'Ś', 'Ş':
			b.WriteByte('S')
		case 'ż', 'ź':
			b.WriteByte('z')
		case 'Ż', 'Ź':
			b.WriteByte('Z')
		case 'ğ':
			b.WriteByte('g')
		case 'ı':
			b.WriteByte('i')
		default:
			if r < unicode.MaxASCII {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

var locales = map[string]*locale{}

func init() {
	for _, l := range []*locale{localeUS, localeGB, localeDE, localeAT, localeCH, localeFR, localeBE, localeES, localeIT, localeNL, localePL, localeSE, localeBR} {
		locales[l.code] = l
	}
}

// ---- phone numbering plans ----

func phoneDE(g *gen, mobile bool) phone {
	var area, sub string
	if mobile {
		area = pick(g, []string{"151", "152", "157", "159", "160", "162", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"})
		switch area[:2] {
		case "15", "17":
			if area == "170" || area == "171" || area == "175" {
				sub = g.digits(7)
			} else {
				sub = g.digits(8)
			}
		default:
			sub = g.digits(7)
		}
	} else {
		areas := []string{"30", "40", "89", "69", "221", "711", "211", "341", "351", "911", "511", "421", "201", "231"}
		area = pick(g, areas)
		if len(area) == 2 {
			sub = subscriber(g, 8)
		} else {
			sub = subscriber(g, 7)
		}
	}
	return phone{
		e164: "+49" + area + sub, intl: "+49 " + area + " " + sub,
		national: "0" + area + " " + sub, alt: "0" + area + "/" + sub,
	}
}

func phoneAT(g *gen, mobile bool) phone {
	area, sub := "1", subscriber(g, 7)
	if mobile {
		area, sub = pick(g, []string{"664", "660", "650", "676", "699", "681"}), g.digits(7)
	}
	return phone{e164: "+43" + area + sub, intl: "+43 " + area + " " + sub, national: "0" + area + " " + sub, alt: "0" + area + "/" + sub}
}

func phoneCH(g *gen, mobile bool) phone {
	area := pick(g, []string{"44", "31", "61", "22"})
	if mobile {
		area = pick(g, []string{"76", "77", "78", "79"})
	}
	sub := subscriber(g, 7)
	grp := sub[:3] + " " + sub[3:5] + " " + sub[5:]
	return phone{e164: "+41" + area + sub, intl: "+41 " + area + " " + grp, national: "0" + area + " " + grp, alt: "0" + area + sub}
}

func phoneFR(g *gen, mobile bool) phone {
	var nsn string
	if mobile {
		if g.chance(0.75) { // 0639 and 069x belong to the overseas departments' own country codes
			nsn = "6" + pick(g, []string{"0", "1", "2", "4", "5", "7", "8"}) + g.digits(7)
		} else {
			nsn = "7" + strconv.Itoa(g.between(3, 8)) + g.digits(7)
		}
	} else {
		// 0262/0269 and 0590/0594/0596 are the overseas departments' own country codes
		for nsn == "" || nsn[:2] == "26" || nsn[:2] == "59" {
			nsn = strconv.Itoa(g.between(1, 5)) + subscriber(g, 8)
		}
	}
	pairs := func(s, sep string) string { return synth.GroupEvery(s, 2, sep) }
	return phone{
		e164: "+33" + nsn, intl: "+33 " + nsn[:1] + " " + pairs(nsn[1:], " "),
		national: pairs("0"+nsn, " "), alt: pairs("0"+nsn, "."),
	}
}

func phoneBE(g *gen, mobile bool) phone {
	if mobile {
		nsn := pick(g, []string{"470", "471", "472", "473", "475", "476", "477", "478", "479", "484", "485", "486", "487", "488", "489", "494", "495", "496", "497", "498", "499"}) + g.digits(6)
		grp := nsn[:3] + " " + nsn[3:5] + " " + nsn[5:7] + " " + nsn[7:]
		return phone{e164: "+32" + nsn, intl: "+32 " + grp, national: "0" + grp, alt: "0" + nsn[:3] + "/" + nsn[3:]}
	}
	nsn := "2" + strconv.Itoa(g.between(2, 8)) + g.digits(6)
	grp := nsn[:1] + " " + nsn[1:4] + " " + nsn[4:6] + " " + nsn[6:]
	return phone{e164: "+32" + nsn, intl: "+32 " + grp, national: "0" + grp, alt: "0" + nsn[:1] + "/" + nsn[1:]}
}

func phoneGB(g *gen, mobile bool) phone {
	if mobile {
		var nsn string
		for nsn == "" || strings.HasPrefix(nsn, "7700") || strings.HasPrefix(nsn, "7911") { // unallocated or reserved blocks
			nsn = "7" + pick(g, []string{"4", "5", "7", "8", "9"}) + g.digits(8)
		}
		return phone{e164: "+44" + nsn, intl: "+44 " + nsn[:4] + " " + nsn[4:], national: "0" + nsn[:4] + " " + nsn[4:], alt: "0" + nsn}
	}
	switch g.intn(3) {
	case 0: // London
		nsn := "20" + pick(g, []string{"3", "7", "8"}) + g.digits(7)
		return phone{e164: "+44" + nsn, intl: "+44 20 " + nsn[2:6] + " " + nsn[6:], national: "020 " + nsn[2:6] + " " + nsn[6:], alt: "(020) " + nsn[2:6] + " " + nsn[6:]}
	default:
		area := pick(g, []string{"161", "113", "131", "117", "121", "141", "151", "114"})
		sub := strconv.Itoa(g.between(2, 4)) + g.digits(6)
		for sub[:4] == "4960" {
			sub = strconv.Itoa(g.between(2, 4)) + g.digits(6)
		}
		nsn := area + sub
		return phone{e164: "+44" + nsn, intl: "+44 " + area + " " + sub[:3] + " " + sub[3:], national: "0" + area + " " + sub[:3] + " " + sub[3:], alt: "(0" + area + ") " + sub}
	}
}

func phoneUS(g *gen, _ bool) phone {
	area := pick(g, []string{"212", "415", "312", "617", "206", "305", "512", "303", "404", "213", "646", "718", "202", "702", "214", "503"})
	var exch string
	for exch == "" || exch == "555" || exch[1:] == "11" {
		exch = strconv.Itoa(g.between(2, 9)) + g.digits(2)
	}
	line := g.digits(4)
	return phone{
		e164: "+1" + area + exch + line, intl: "+1 " + area + "-" + exch + "-" + line,
		national: "(" + area + ") " + exch + "-" + line, alt: area + "-" + exch + "-" + line,
	}
}

func phoneES(g *gen, mobile bool) phone {
	var nsn string
	if mobile {
		if g.chance(0.85) {
			nsn = "6" + g.digits(8)
		} else {
			nsn = "7" + strconv.Itoa(g.between(1, 4)) + g.digits(7)
		}
	} else {
		nsn = pick(g, []string{"91", "93", "96", "95", "94"}) + subscriber(g, 7)
	}
	return phone{
		e164: "+34" + nsn, intl: "+34 " + nsn[:3] + " " + nsn[3:6] + " " + nsn[6:],
		national: nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], alt: nsn[:3] + " " + nsn[3:5] + " " + nsn[5:7] + " " + nsn[7:],
	}
}

func phoneIT(g *gen, mobile bool) phone {
	if mobile {
		nsn := pick(g, []string{"320", "324", "327", "328", "329", "330", "331", "333", "334", "335", "336", "338", "339", "340", "342", "345", "346", "347", "348", "349", "351", "366", "380", "388", "389", "392", "393"}) + g.digits(7)
		return phone{e164: "+39" + nsn, intl: "+39 " + nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], national: nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], alt: nsn[:3] + "/" + nsn[3:]}
	}
	area := pick(g, []string{"06", "02", "011", "081", "055", "051", "010"})
	sub := subscriber(g, 10-len(area))
	nsn := area + sub
	return phone{e164: "+39" + nsn, intl: "+39 " + area + " " + sub, national: area + " " + sub, alt: area + "/" + sub}
}

func phoneNL(g *gen, mobile bool) phone {
	if mobile {
		nsn := "6" + strconv.Itoa(g.between(1, 5)) + g.digits(7)
		return phone{e164: "+31" + nsn, intl: "+31 6 " + nsn[1:], national: "06-" + nsn[1:], alt: "06 " + nsn[1:5] + " " + nsn[5:]}
	}
	area := pick(g, []string{"20", "10", "70", "30", "40", "50"})
	sub := subscriber(g, 7)
	return phone{e164: "+31" + area + sub, intl: "+31 " + area + " " + sub, national: "0" + area + "-" + sub, alt: "0" + area + " " + sub[:3] + " " + sub[3:]}
}

func phonePL(g *gen, mobile bool) phone {
	var nsn string
	if mobile {
		nsn = pick(g, []string{"501", "502", "504", "505", "506", "507", "509", "511", "512", "513", "514", "515", "516", "517", "519", "530", "533", "535", "536", "537", "600", "601", "602", "603", "604", "605", "606", "607", "608", "609", "660", "661", "662", "663", "664", "665", "666", "667", "668", "669", "690", "691", "692", "693", "694", "695", "696", "697", "698", "721", "722", "723", "724", "725", "726", "728", "729", "730", "731", "732", "733", "734", "735", "736", "737", "738", "739", "780", "781", "782", "783", "784", "785", "786", "787", "788", "789", "790", "791", "792", "793", "794", "795", "796", "797", "798", "799", "880", "881", "882", "883", "884", "885", "886", "887", "888", "889"}) + g.digits(6)
		return phone{e164: "+48" + nsn, intl: "+48 " + nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], national: nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], alt: nsn[:3] + "-" + nsn[3:6] + "-" + nsn[6:]}
	}
	nsn = pick(g, []string{"22", "12", "61", "71", "58", "42", "81", "91"}) + subscriber(g, 7)
	return phone{e164: "+48" + nsn, intl: "+48 " + nsn[:2] + " " + nsn[2:5] + " " + nsn[5:7] + " " + nsn[7:], national: nsn[:2] + " " + nsn[2:5] + " " + nsn[5:7] + " " + nsn[7:], alt: "(" + nsn[:2] + ") " + nsn[2:]}
}

func phoneSE(g *gen, mobile bool) phone {
	if mobile {
		nsn := pick(g, []string{"70", "72", "73", "76", "79"}) + g.digits(7)
		grp := nsn[2:5] + " " + nsn[5:7] + " " + nsn[7:]
		return phone{e164: "+46" + nsn, intl: "+46 " + nsn[:2] + " " + grp, national: "0" + nsn[:2] + "-" + grp, alt: "0" + nsn}
	}
	nsn := "8" + subscriber(g, 7)
	grp := nsn[1:4] + " " + nsn[4:6] + " " + nsn[6:]
	return phone{e164: "+46" + nsn, intl: "+46 8 " + grp, national: "08-" + grp, alt: "08" + nsn[1:]}
}

func phoneBR(g *gen, mobile bool) phone {
	area := pick(g, []string{"11", "21", "31", "41", "51", "61", "71", "81", "19", "48"})
	var sub string
	if mobile {
		sub = "9" + strconv.Itoa(g.between(6, 9)) + g.digits(7)
	} else {
		sub = strconv.Itoa(g.between(2, 5)) + g.digits(7)
	}
	split := len(sub) - 4
	return phone{
		e164: "+55" + area + sub, intl: "+55 " + area + " " + sub[:split] + "-" + sub[split:],
		national: "(" + area + ") " + sub[:split] + "-" + sub[split:], alt: area + sub,
	}
}

// phoneCN returns a mainland China number; the area code of landlines comes from the place.
func phoneCN(g *gen, mobile bool, area string) phone {
	if mobile {
		nsn := pick(g, []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "173", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "198", "199"}) + g.digits(8)
		return phone{e164: "+86" + nsn, intl: "+86 " + nsn[:3] + " " + nsn[3:7] + " " + nsn[7:], national: nsn, alt: nsn[:3] + " " + nsn[3:7] + " " + nsn[7:]}
	}
	sub := strconv.Itoa(g.between(5, 8)) + g.digits(7)
	for strings.HasPrefix(sub, "8000") { // service numbers, not subscribers
		sub = strconv.Itoa(g.between(5, 8)) + g.digits(7)
	}
	return phone{e164: "+86" + area + sub, intl: "+86 " + area + " " + sub, national: "0" + area + "-" + sub, alt: "(0" + area + ")" + sub}
}

func phoneTW(g *gen, mobile bool) phone {
	if mobile {
		nsn := "9" + g.digits(8)
		return phone{e164: "+886" + nsn, intl: "+886 " + nsn[:3] + " " + nsn[3:6] + " " + nsn[6:], national: "0" + nsn[:3] + "-" + nsn[3:6] + "-" + nsn[6:], alt: "0" + nsn}
	}
	nsn := "2" + strconv.Itoa(g.between(2, 8)) + g.digits(7)
	return phone{e164: "+886" + nsn, intl: "+886 2 " + nsn[1:5] + " " + nsn[5:], national: "02-" + nsn[1:5] + "-" + nsn[5:], alt: "(02)" + nsn[1:]}
}

// ---- street formats ----

func streetNameFirst(_ *gen, name, no string) string   { return name + " " + no }
func streetNumberFirst(_ *gen, name, no string) string { return no + " " + name }

func houseNo(g *gen) string {
	n := strconv.Itoa(g.between(1, 180))
	if g.chance(0.12) {
		n += pick(g, []string{"a", "b", "c"})
	}
	return n
}

// ---- the locales ----

var localeUS = &locale{
	code: "US", english: "United States", native: "United States",
	male:     []string{"James", "John", "Robert", "Michael", "William", "David", "Joseph", "Thomas", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Joshua", "Kevin", "Brian", "Ryan", "Jason", "Tyler", "Brandon", "Carlos", "Luis", "Jamal", "DeShawn", "Wei", "Raj", "Ethan", "Noah"},
	female:   []string{"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Ashley", "Emily", "Michelle", "Amanda", "Melissa", "Stephanie", "Rebecca", "Laura", "Megan", "Hannah", "Maria", "Guadalupe", "Keisha", "Priya", "Mei", "Olivia", "Emma", "Madison"},
	surnames: []string{"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Nguyen", "Patel", "Kim", "O'Brien", "Washington", "Murphy", "Cohen", "Kowalski"},
	streets:  []string{"Maple Ave", "Oak Street", "Main St", "Washington Blvd", "Park Avenue", "Elm Street", "Cedar Lane", "Lakeview Dr", "Sunset Blvd", "Pine Street", "Broadway", "Highland Ave", "Madison Ave", "Spring St", "Hillcrest Rd", "Jefferson St", "River Road", "Willow Way"},
	places: []place{
		{"New York", "NY", []string{"100##", "101##", "112##"}}, {"San Francisco", "CA", []string{"941##"}}, {"Los Angeles", "CA", []string{"900##"}},
		{"Chicago", "IL", []string{"606##"}}, {"Boston", "MA", []string{"021##"}}, {"Seattle", "WA", []string{"981##"}}, {"Austin", "TX", []string{"787##"}},
		{"Miami", "FL", []string{"331##"}}, {"Denver", "CO", []string{"802##"}}, {"Atlanta", "GA", []string{"303##"}}, {"Portland", "OR", []string{"972##"}},
		{"Dallas", "TX", []string{"752##"}}, {"Washington", "DC", []string{"200##"}}, {"Springfield", "IL", []string{"627##"}}, {"Columbus", "OH", []string{"432##"}},
	},
	domains: []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com", "icloud.com", "comcast.net", "protonmail.com"},
	phone:   phoneUS,
	street:  streetNumberFirst,
}

var localeGB = &locale{
	code: "GB", english: "United Kingdom", native: "United Kingdom",
	male:     []string{"Oliver", "George", "Harry", "Jack", "Jacob", "Charlie", "Thomas", "Oscar", "William", "James", "Alfie", "Henry", "Callum", "Liam", "Rhys", "Owen", "Mohammed", "Arjun", "Kwame", "Connor", "Duncan", "Gareth", "Alistair", "Nigel", "Graham"},
	female:   []string{"Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Lily", "Chloe", "Charlotte", "Poppy", "Jessica", "Siobhan", "Eilidh", "Fiona", "Gemma", "Aisha", "Priya", "Niamh", "Bethan", "Harriet", "Imogen", "Sarah", "Rebecca", "Zainab"},
	surnames: []string{"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Patel", "Khan", "Hughes", "MacDonald", "Campbell", "Stewart", "Singh", "Ahmed", "Murray", "Fletcher", "Ellis", "Pritchard", "Okafor"},
	streets:  []string{"High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road", "Park Road", "Queen's Road", "King Street", "The Crescent", "Mill Lane", "Albert Road", "London Road", "New Road", "Windsor Close", "Orchard Way"},
	places: []place{
		{"London", "Greater London", []string{"SW1A #@@", "EC1A #@@", "N1 #@@", "E14 #@@", "SE1 #@@", "W2 #@@", "NW3 #@@"}}, {"Manchester", "Greater Manchester", []string{"M1 #@@", "M14 #@@", "M20 #@@"}},
		{"Birmingham", "West Midlands", []string{"B1 #@@", "B15 #@@", "B33 #@@"}}, {"Leeds", "West Yorkshire", []string{"LS1 #@@", "LS6 #@@"}}, {"Glasgow", "Scotland", []string{"G1 #@@", "G12 #@@"}},
		{"Edinburgh", "Scotland", []string{"EH1 #@@", "EH10 #@@"}}, {"Bristol", "Bristol", []string{"BS1 #@@", "BS8 #@@"}}, {"Liverpool", "Merseyside", []string{"L1 #@@", "L17 #@@"}},
		{"Cardiff", "Wales", []string{"CF10 #@@", "CF24 #@@"}}, {"Newcastle upon Tyne", "Tyne and Wear", []string{"NE1 #@@"}}, {"Sheffield", "South Yorkshire", []string{"S1 #@@", "S10 #@@"}},
	},
	domains: []string{"gmail.com", "hotmail.co.uk", "yahoo.co.uk", "btinternet.com", "outlook.com", "sky.com", "icloud.com", "live.co.uk"},
	phone:   phoneGB,
	street:  streetNumberFirst,
}

var germanMale = []string{"Thomas", "Michael", "Andreas", "Stefan", "Peter", "Klaus", "Jürgen", "Wolfgang", "Christian", "Markus", "Frank", "Uwe", "Sebastian", "Tobias", "Jan", "Lukas", "Maximilian", "Felix", "Jonas", "Leon", "Dieter", "Günter", "Horst", "Matthias", "Florian", "Mehmet", "Ahmet", "Mustafa", "Dragan", "Piotr", "Sergej", "Björn", "Jörg", "Moritz", "Niklas"}
var germanFemale = []string{"Sabine", "Petra", "Monika", "Andrea", "Claudia", "Susanne", "Birgit", "Stefanie", "Julia", "Anna", "Laura", "Lena", "Lea", "Katharina", "Sarah", "Ursula", "Renate", "Ingrid", "Gabriele", "Heike", "Nicole", "Sandra", "Ayşe", "Fatma", "Elif", "Jelena", "Natalia", "Jana", "Marie", "Sophie", "Hannah", "Emma", "Mia", "Jutta", "Doris"}
var germanSurnames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "Walter", "König", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Yılmaz", "Kaya", "Öztürk", "Nowak", "Kowalski", "Popović", "Ivanov", "Vogel", "Friedrich", "Jäger", "Günther", "Pohl", "Brandt"}
var germanStreets = []string{"Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße", "Dorfstraße", "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße", "Am Markt", "Mühlenweg", "Goethestraße", "Schillerstraße", "Friedrichstraße", "Bahnhofstr.", "Hauptstr.", "Lessingstr.", "Rosenweg", "Kastanienallee", "Mozartstraße", "Am Sportplatz", "Feldstraße", "Wiesenweg"}

var localeDE = &locale{
	code: "DE", english: "Germany", native: "Deutschland",
	male: germanMale, female: germanFemale, surnames: germanSurnames, streets: germanStreets,
	places: []place{
		{"Berlin", "Berlin", []string{"101##", "104##", "107##", "120##", "133##"}}, {"Hamburg", "Hamburg", []string{"200##", "220##", "225##"}},
		{"München", "Bayern", []string{"803##", "806##", "809##", "813##"}}, {"Köln", "Nordrhein-Westfalen", []string{"506##", "509##", "511##"}},
		{"Frankfurt am Main", "Hessen", []string{"603##", "604##", "605##"}}, {"Stuttgart", "Baden-Württemberg", []string{"701##", "703##"}},
		{"Düsseldorf", "Nordrhein-Westfalen", []string{"402##", "404##"}}, {"Leipzig", "Sachsen", []string{"041##", "043##"}}, {"Dresden", "Sachsen", []string{"010##", "012##"}},
		{"Nürnberg", "Bayern", []string{"904##", "904##"}}, {"Hannover", "Niedersachsen", []string{"301##", "304##"}}, {"Bremen", "Bremen", []string{"281##", "283##"}},
		{"Essen", "Nordrhein-Westfalen", []string{"451##"}}, {"Dortmund", "Nordrhein-Westfalen", []string{"441##"}}, {"Bielefeld", "Nordrhein-Westfalen", []string{"336##"}},
		{"Freiburg im Breisgau", "Baden-Württemberg", []string{"791##"}}, {"Rostock", "Mecklenburg-Vorpommern", []string{"180##"}}, {"Kiel", "Schleswig-Holstein", []string{"241##"}},
		{"Erfurt", "Thüringen", []string{"990##"}}, {"Mainz", "Rheinland-Pfalz", []string{"551##"}}, {"Regensburg", "Bayern", []string{"930##"}}, {"Heidelberg", "Baden-Württemberg", []string{"691##"}},
	},
	domains: []string{"web.de", "gmx.de", "gmx.net", "t-online.de", "gmail.com", "freenet.de", "posteo.de", "outlook.de", "yahoo.de", "icloud.com", "mailbox.org"},
	phone:   phoneDE,
	street:  streetNameFirst,
}

var localeAT = &locale{
	code: "AT", english: "Austria", native: "Österreich",
	male: germanMale, female: germanFemale,
	surnames: []string{"Gruber", "Huber", "Bauer", "Wagner", "Müller", "Pichler", "Steiner", "Moser", "Mayer", "Hofer", "Leitner", "Berger", "Fuchs", "Eder", "Fischer", "Schmid", "Winkler", "Weber", "Schwarz", "Maier", "Schneider", "Reiter", "Mayr", "Schmidt", "Wimmer", "Egger", "Brunner", "Lang", "Baumgartner", "Auer"},
	streets:  []string{"Hauptstraße", "Mariahilfer Straße", "Landstraßer Hauptstraße", "Kirchengasse", "Schulgasse", "Bahnhofstraße", "Linzer Straße", "Grazer Straße", "Wiener Straße", "Dorfplatz"},
	places:   []place{{"Wien", "Wien", []string{"10#0", "11#0", "12#0"}}, {"Graz", "Steiermark", []string{"80#0"}}, {"Linz", "Oberösterreich", []string{"40#0"}}, {"Salzburg", "Salzburg", []string{"50#0"}}, {"Innsbruck", "Tirol", []string{"60#0"}}},
	domains:  []string{"gmx.at", "aon.at", "chello.at", "gmail.com", "a1.net"},
	phone:    phoneAT,
	street:   streetNameFirst,
}

var localeCH = &locale{
	code: "CH", english: "Switzerland", native: "Schweiz",
	male: append([]string{"Urs", "Beat", "Reto", "Luca", "Marco", "Noah"}, germanMale[:12]...), female: append([]string{"Vreni", "Regula", "Ursina", "Nina", "Chiara"}, germanFemale[:12]...),
	surnames: []string{"Müller", "Meier", "Schmid", "Keller", "Weber", "Huber", "Schneider", "Meyer", "Steiner", "Fischer", "Gerber", "Brunner", "Baumann", "Frei", "Zimmermann", "Moser", "Widmer", "Wyss", "Graf", "Roth", "Rossi", "Favre", "Bianchi"},
	streets:  []string{"Bahnhofstrasse", "Hauptstrasse", "Dorfstrasse", "Seestrasse", "Kirchweg", "Bergstrasse", "Schulstrasse", "Rue du Lac"},
	places:   []place{{"Zürich", "ZH", []string{"80##"}}, {"Bern", "BE", []string{"30##"}}, {"Basel", "BS", []string{"40##"}}, {"Genève", "GE", []string{"12##"}}, {"Luzern", "LU", []string{"60##"}}},
	domains:  []string{"bluewin.ch", "gmx.ch", "gmail.com", "sunrise.ch", "hispeed.ch"},
	phone:    phoneCH,
	street:   streetNameFirst,
}

var localeFR = &locale{
	code: "FR", english: "France", native: "France",
	male:     []string{"Jean", "Pierre", "Michel", "Philippe", "Alain", "Nicolas", "Christophe", "Patrick", "Laurent", "Julien", "Sébastien", "Thomas", "Antoine", "Maxime", "Hugo", "Lucas", "Louis", "Mathieu", "François", "Olivier", "Mohamed", "Karim", "Yanis", "Mamadou", "Théo", "Jérôme", "Rémi", "Benoît", "Gaëtan", "Cédric"},
	female:   []string{"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Sandrine", "Céline", "Julie", "Camille", "Léa", "Manon", "Chloé", "Emma", "Sophie", "Aurélie", "Élodie", "Martine", "Françoise", "Monique", "Amandine", "Fatima", "Inès", "Yasmine", "Aïcha", "Clémence", "Margaux", "Océane", "Hélène", "Brigitte", "Agnès"},
	surnames: []string{"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier", "Chevalier", "Benali", "Traoré", "Nguyen", "Da Silva", "Le Gall", "Caron"},
	streets:  []string{"rue de la République", "avenue Victor Hugo", "rue Jean Jaurès", "boulevard Gambetta", "rue Pasteur", "place de la Mairie", "rue des Lilas", "allée des Tilleuls", "chemin des Vignes", "rue du Moulin", "avenue de la Gare", "rue Nationale", "impasse des Roses", "boulevard Voltaire", "rue de Paris", "rue du Général de Gaulle"},
	places: []place{
		{"Paris", "Île-de-France", []string{"7500#", "7501#"}}, {"Lyon", "Auvergne-Rhône-Alpes", []string{"6900#"}}, {"Marseille", "Provence-Alpes-Côte d'Azur", []string{"1300#", "1301#"}},
		{"Toulouse", "Occitanie", []string{"31000", "31100", "31200", "31300", "31400", "31500"}}, {"Nice", "Provence-Alpes-Côte d'Azur", []string{"06000", "06100", "06200", "06300"}},
		{"Nantes", "Pays de la Loire", []string{"44000", "44100", "44200", "44300"}}, {"Strasbourg", "Grand Est", []string{"67000", "67100", "67200"}}, {"Montpellier", "Occitanie", []string{"34000", "34070", "34080", "34090"}},
		{"Bordeaux", "Nouvelle-Aquitaine", []string{"33000", "33100", "33200", "33300", "33800"}}, {"Lille", "Hauts-de-France", []string{"59000", "59160", "59260", "59800"}}, {"Rennes", "Bretagne", []string{"35000", "35200", "35700"}},
		{"Reims", "Grand Est", []string{"51100"}}, {"Saint-Étienne", "Auvergne-Rhône-Alpes", []string{"42000", "42100"}}, {"Grenoble", "Auvergne-Rhône-Alpes", []string{"38000", "38100"}}, {"Dijon", "Bourgogne-Franche-Comté", []string{"21000"}},
		{"Angers", "Pays de la Loire", []string{"49000", "49100"}}, {"Brest", "Bretagne", []string{"29200"}}, {"Ajaccio", "Corse", []string{"20000", "20090"}},
	},
	domains: []string{"orange.fr", "free.fr", "laposte.net", "sfr.fr", "gmail.com", "wanadoo.fr", "hotmail.fr", "yahoo.fr", "outlook.fr", "bbox.fr"},
	phone:   phoneFR,
	street:  streetNumberFirst,
}

var localeBE = &locale{
	code: "BE", english: "Belgium", native: "Belgique",
	male:     []string{"Lucas", "Louis", "Noah", "Arthur", "Jules", "Adam", "Liam", "Victor", "Wout", "Pieter", "Jan", "Koen", "Dirk", "Luc", "Marc", "Philippe", "Youssef", "Bart"},
	female:   []string{"Emma", "Olivia", "Louise", "Mila", "Elena", "Lotte", "Marie", "Els", "An", "Sofie", "Nathalie", "Inge", "Leen", "Fatima", "Céline", "Lieve"},
	surnames: []string{"Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens", "Wouters", "De Smet", "Dubois", "Lambert", "Dupont", "Martin", "Vermeulen", "Van den Broeck", "De Clercq", "Hermans", "Leclercq", "El Amrani"},
	streets:  []string{"Kerkstraat", "Stationsstraat", "Rue de la Station", "Dorpstraat", "Chaussée de Louvain", "Avenue Louise", "Meir", "Nieuwstraat"},
	places:   []place{{"Brussel", "Brussel", []string{"10#0"}}, {"Antwerpen", "Antwerpen", []string{"20#0"}}, {"Gent", "Oost-Vlaanderen", []string{"9000", "9050"}}, {"Liège", "Liège", []string{"4000", "4020"}}, {"Leuven", "Vlaams-Brabant", []string{"3000", "3010"}}},
	domains:  []string{"telenet.be", "skynet.be", "proximus.be", "gmail.com", "hotmail.com"},
	phone:    phoneBE,
	street:   streetNameFirst,
}

var localeES = &locale{
	code: "ES", english: "Spain", native: "España",
	male:     []string{"Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "Carlos", "Jesús", "Alejandro", "Miguel", "Rafael", "Pablo", "Sergio", "Fernando", "Jorge", "Álvaro", "Alberto", "Hugo", "Iñaki", "Jordi", "Xavier", "Mohamed", "Andrés"},
	female:   []string{"María", "Carmen", "Ana", "Isabel", "Laura", "Cristina", "Marta", "Lucía", "Pilar", "Elena", "Paula", "Sara", "Raquel", "Rosa", "Beatriz", "Nuria", "Silvia", "Patricia", "Montserrat", "Alba", "Irene", "Ainhoa", "Rocío", "Inmaculada", "Lorena"},
	surnames: []string{"García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso", "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Blanco", "Molina", "Castillo", "Ortega", "Rubio", "Sanz", "Iglesias", "Garrido", "Puig", "Etxeberria"},
	streets:  []string{"Calle Mayor", "Calle Real", "Avenida de la Constitución", "Calle del Sol", "Plaza de España", "Calle Nueva", "Paseo de Gracia", "Gran Vía", "Calle de Alcalá", "Avenida Diagonal", "Calle San Juan", "Calle de la Iglesia", "Ronda de Toledo", "Calle Goya"},
	places: []place{
		{"Madrid", "Madrid", []string{"280##"}}, {"Barcelona", "Barcelona", []string{"080##"}}, {"Valencia", "Valencia", []string{"460##"}}, {"Sevilla", "Sevilla", []string{"410##"}},
		{"Zaragoza", "Zaragoza", []string{"500##"}}, {"Málaga", "Málaga", []string{"290##"}}, {"Murcia", "Murcia", []string{"300##"}}, {"Palma", "Illes Balears", []string{"070##"}},
		{"Bilbao", "Bizkaia", []string{"480##"}}, {"Alicante", "Alicante", []string{"030##"}}, {"Córdoba", "Córdoba", []string{"140##"}}, {"Valladolid", "Valladolid", []string{"470##"}}, {"Vigo", "Pontevedra", []string{"362##"}}, {"Granada", "Granada", []string{"180##"}},
	},
	domains: []string{"gmail.com", "hotmail.es", "yahoo.es", "telefonica.net", "outlook.es", "movistar.es", "hotmail.com"},
	phone:   phoneES,
	street: func(g *gen, name, no string) string {
		s := name + ", " + no
		if g.chance(0.5) {
			s += ", " + strconv.Itoa(g.between(1, 8)) + "º " + pick(g, []string{"A", "B", "C", "D", "izq.", "dcha."})
		}
		return s
	},
}

var localeIT = &locale{
	code: "IT", english: "Italy", native: "Italia",
	male:     []string{"Marco", "Giuseppe", "Giovanni", "Antonio", "Luca", "Francesco", "Alessandro", "Andrea", "Matteo", "Lorenzo", "Stefano", "Roberto", "Davide", "Simone", "Paolo", "Salvatore", "Vincenzo", "Fabio", "Massimo", "Riccardo", "Gianluca", "Federico", "Niccolò", "Mario", "Enrico"},
	female:   []string{"Giulia", "Francesca", "Sara", "Chiara", "Valentina", "Alessandra", "Federica", "Elena", "Silvia", "Martina", "Laura", "Paola", "Anna", "Maria", "Giorgia", "Roberta", "Simona", "Elisa", "Sofia", "Aurora", "Beatrice", "Ilaria", "Rosaria", "Carmela", "Lucia"},
	surnames: []string{"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Serra", "D'Angelo", "Pellegrini"},
	streets:  []string{"Via Roma", "Via Garibaldi", "Via Mazzini", "Corso Vittorio Emanuele II", "Via Dante Alighieri", "Piazza della Repubblica", "Via Verdi", "Via Cavour", "Viale Europa", "Via Marconi", "Via Matteotti", "Corso Italia", "Via XX Settembre", "Via San Francesco"},
	places: []place{
		{"Roma", "RM", []string{"001##"}}, {"Milano", "MI", []string{"201##"}}, {"Napoli", "NA", []string{"801##"}}, {"Torino", "TO", []string{"101##"}},
		{"Palermo", "PA", []string{"901##"}}, {"Genova", "GE", []string{"161##"}}, {"Bologna", "BO", []string{"401##"}}, {"Firenze", "FI", []string{"501##"}},
		{"Bari", "BA", []string{"701##"}}, {"Catania", "CT", []string{"951##"}}, {"Venezia", "VE", []string{"301##"}}, {"Verona", "VR", []string{"371##"}}, {"Padova", "PD", []string{"351##"}}, {"Trieste", "TS", []string{"341##"}},
	},
	domains: []string{"libero.it", "gmail.com", "virgilio.it", "alice.it", "tiscali.it", "hotmail.it", "yahoo.it", "tin.it", "fastwebnet.it"},
	phone:   phoneIT,
	street:  func(g *gen, name, no string) string { return name + ", " + no },
}

// italianComuni are Belfiore codes of places of birth with their names.
var italianComuni = []struct{ code, name string }{
	{"H501", "Roma"}, {"F205", "Milano"}, {"F839", "Napoli"}, {"L219", "Torino"}, {"G273", "Palermo"}, {"D969", "Genova"},
	{"A944", "Bologna"}, {"D612", "Firenze"}, {"A662", "Bari"}, {"C351", "Catania"}, {"L736", "Venezia"}, {"L781", "Verona"},
}

var localeNL = &locale{
	code: "NL", english: "Netherlands", native: "Nederland",
	male:     []string{"Jan", "Pieter", "Johannes", "Kees", "Hendrik", "Willem", "Daan", "Sem", "Lucas", "Levi", "Bram", "Thijs", "Ruben", "Jeroen", "Bas", "Sander", "Mark", "Martijn", "Stijn", "Joost", "Mohammed", "Youssef", "Finn", "Gert", "Wouter"},
	female:   []string{"Maria", "Anna", "Johanna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Anouk", "Femke", "Lisa", "Eva", "Fleur", "Iris", "Marieke", "Ingrid", "Annelies", "Saskia", "Nienke", "Tess", "Fatima", "Noor", "Esther", "Wilma", "Els"},
	surnames: []string{"Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dekker", "Brouwer", "Dijkstra", "Smits", "Vermeulen", "Kok", "Jacobs", "Willems", "Hoekstra", "Koster", "Prins", "Huisman", "Postma", "Kuipers", "El Idrissi", "Yilmaz", "Pinas"},
	streets:  []string{"Kerkstraat", "Dorpsstraat", "Schoolstraat", "Molenweg", "Hoofdstraat", "Julianastraat", "Beatrixlaan", "Wilhelminastraat", "Stationsweg", "Kastanjelaan", "Prinsengracht", "Keizersgracht", "Oranjestraat", "Nieuwstraat", "Marktplein", "Parallelweg"},
	places: []place{
		{"Amsterdam", "Noord-Holland", []string{"10## @@"}}, {"Rotterdam", "Zuid-Holland", []string{"30## @@"}}, {"Den Haag", "Zuid-Holland", []string{"25## @@"}},
		{"Utrecht", "Utrecht", []string{"35## @@"}}, {"Eindhoven", "Noord-Brabant", []string{"56## @@"}}, {"Groningen", "Groningen", []string{"97## @@"}},
		{"Tilburg", "Noord-Brabant", []string{"50## @@"}}, {"Almere", "Flevoland", []string{"13## @@"}}, {"Breda", "Noord-Brabant", []string{"48## @@"}}, {"Nijmegen", "Gelderland", []string{"65## @@"}},
		{"Haarlem", "Noord-Holland", []string{"20## @@"}}, {"Zwolle", "Overijssel", []string{"80## @@"}}, {"Leeuwarden", "Friesland", []string{"89## @@"}}, {"Maastricht", "Limburg", []string{"62## @@"}},
	},
	domains: []string{"gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "xs4all.nl", "live.nl", "outlook.com", "planet.nl", "hetnet.nl"},
	phone:   phoneNL,
	street:  streetNameFirst,
}

// dutchPrefixes are the tussenvoegsels of Dutch surnames, stored in a column of their own.
var dutchPrefixes = []string{"van", "de", "van der", "van den", "van de", "den", "ter", "te", "van 't", "in 't"}
var dutchPrefixed = []string{"Berg", "Dijk", "Vries", "Jong", "Boer", "Leeuwen", "Wal", "Heuvel", "Beek", "Veen", "Graaf", "Linden", "Broek", "Haan", "Wit", "Groot"}

var localePL = &locale{
	code: "PL", english: "Poland", native: "Polska",
	male:     []string{"Piotr", "Krzysztof", "Andrzej", "Tomasz", "Paweł", "Jan", "Michał", "Marcin", "Jakub", "Adam", "Łukasz", "Mateusz", "Marek", "Grzegorz", "Wojciech", "Kamil", "Dariusz", "Rafał", "Maciej", "Szymon", "Bartosz", "Przemysław", "Zbigniew", "Stanisław", "Oleksandr"},
	female:   []string{"Anna", "Maria", "Katarzyna", "Małgorzata", "Agnieszka", "Barbara", "Ewa", "Krystyna", "Magdalena", "Joanna", "Aleksandra", "Zofia", "Monika", "Natalia", "Julia", "Karolina", "Marta", "Beata", "Dorota", "Justyna", "Agata", "Weronika", "Halina", "Iwona", "Olena"},
	surnames: []string{"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Piotrowski", "Grabowski", "Nowakowski", "Pawłowski", "Michalski", "Król", "Wieczorek", "Jabłoński", "Wróbel", "Nowicki", "Majewski", "Olszewski", "Stępień", "Malinowski", "Jaworski", "Adamczyk", "Dudek", "Górski", "Pawlak", "Sikora", "Walczak", "Baran", "Rutkowski", "Michalak"},
	streets:  []string{"ul. Marszałkowska", "ul. Długa", "ul. Polna", "ul. Leśna", "ul. Słoneczna", "ul. Krótka", "ul. Szkolna", "ul. Ogrodowa", "ul. Lipowa", "ul. Mickiewicza", "ul. Kościuszki", "ul. Piłsudskiego", "al. Jerozolimskie", "ul. Sienkiewicza", "ul. Kwiatowa", "os. Tysiąclecia"},
	places: []place{
		{"Warszawa", "mazowieckie", []string{"00-###", "01-###", "02-###", "03-###"}}, {"Kraków", "małopolskie", []string{"30-###", "31-###"}}, {"Łódź", "łódzkie", []string{"90-###", "91-###", "93-###"}},
		{"Wrocław", "dolnośląskie", []string{"50-###", "51-###", "53-###"}}, {"Poznań", "wielkopolskie", []string{"60-###", "61-###"}}, {"Gdańsk", "pomorskie", []string{"80-###"}},
		{"Szczecin", "zachodniopomorskie", []string{"70-###", "71-###"}}, {"Bydgoszcz", "kujawsko-pomorskie", []string{"85-###"}}, {"Lublin", "lubelskie", []string{"20-###"}}, {"Białystok", "podlaskie", []string{"15-###"}},
		{"Katowice", "śląskie", []string{"40-###"}}, {"Gdynia", "pomorskie", []string{"81-###"}}, {"Rzeszów", "podkarpackie", []string{"35-###"}}, {"Toruń", "kujawsko-pomorskie", []string{"87-1##"}},
	},
	domains: []string{"wp.pl", "onet.pl", "o2.pl", "interia.pl", "gmail.com", "op.pl", "poczta.fm", "tlen.pl"},
	phone:   phonePL,
	street: func(g *gen, name, no string) string {
		if g.chance(0.4) {
			return name + " " + no + "/" + strconv.Itoa(g.between(1, 80))
		}
		return name + " " + no
	},
}

var localeSE = &locale{
	code: "SE", english: "Sweden", native: "Sverige",
	male:     []string{"Lars", "Anders", "Johan", "Per", "Erik", "Karl", "Nils", "Mikael", "Magnus", "Oskar", "William", "Hugo", "Axel", "Elias", "Björn", "Gustav", "Fredrik", "Mattias", "Ali", "Emil"},
	female:   []string{"Anna", "Eva", "Maria", "Karin", "Sara", "Kristina", "Lena", "Emma", "Elsa", "Alice", "Maja", "Ingrid", "Astrid", "Linnea", "Johanna", "Ebba", "Sofia", "Elin", "Frida", "Ida"},
	surnames: []string{"Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Lindberg", "Lindqvist", "Lundgren", "Berg", "Holm", "Sjöberg", "Wallin", "Engström", "Mohammed", "Ali"},
	streets:  []string{"Storgatan", "Drottninggatan", "Kungsgatan", "Skolgatan", "Järnvägsgatan", "Kyrkogatan", "Parkvägen", "Björkvägen", "Sveavägen", "Götgatan", "Vasagatan", "Ringvägen"},
	places: []place{
		{"Stockholm", "Stockholms län", []string{"11# ##", "12# ##"}}, {"Göteborg", "Västra Götalands län", []string{"41# ##"}}, {"Malmö", "Skåne län", []string{"21# ##"}},
		{"Uppsala", "Uppsala län", []string{"75# ##"}}, {"Västerås", "Västmanlands län", []string{"72# ##"}}, {"Örebro", "Örebro län", []string{"70# ##"}}, {"Linköping", "Östergötlands län", []string{"58# ##"}},
	},
	domains: []string{"gmail.com", "hotmail.se", "telia.com", "yahoo.se", "outlook.com", "bredband.net", "icloud.com"},
	phone:   phoneSE,
	street:  streetNameFirst,
}

var localeBR = &locale{
	code: "BR", english: "Brazil", native: "Brasil",
	male:     []string{"José", "João", "Antônio", "Francisco", "Carlos", "Paulo", "Pedro", "Lucas", "Luiz", "Marcos", "Luís", "Gabriel", "Rafael", "Daniel", "Marcelo", "Bruno", "Eduardo", "Felipe", "Rodrigo", "Gustavo", "Thiago", "Matheus", "Leandro", "Fábio", "Diego"},
	female:   []string{"Maria", "Ana", "Francisca", "Antônia", "Adriana", "Juliana", "Márcia", "Fernanda", "Patrícia", "Aline", "Sandra", "Camila", "Amanda", "Bruna", "Jéssica", "Letícia", "Júlia", "Luciana", "Vanessa", "Mariana", "Gabriela", "Larissa", "Beatriz", "Raquel", "Tatiane"},
	surnames: []string{"Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira", "Lima", "Gomes", "Costa", "Ribeiro", "Martins", "Carvalho", "Almeida", "Lopes", "Soares", "Fernandes", "Vieira", "Barbosa", "Rocha", "Dias", "Nascimento", "Andrade", "Moreira", "Nunes", "Marques", "Machado", "Mendes", "Freitas", "Cardoso", "Teixeira"},
	streets:  []string{"Rua Augusta", "Avenida Paulista", "Rua das Flores", "Rua São João", "Avenida Brasil", "Rua XV de Novembro", "Rua da Consolação", "Avenida Atlântica", "Rua Sete de Setembro", "Rua Tiradentes", "Avenida Getúlio Vargas", "Rua Dom Pedro II"},
	places: []place{
		{"São Paulo", "SP", []string{"01###-###", "04###-###", "05###-###"}}, {"Rio de Janeiro", "RJ", []string{"20###-###", "22###-###"}}, {"Belo Horizonte", "MG", []string{"30###-###"}},
		{"Curitiba", "PR", []string{"80###-###"}}, {"Porto Alegre", "RS", []string{"90###-###"}}, {"Brasília", "DF", []string{"70###-###"}}, {"Salvador", "BA", []string{"40###-###"}}, {"Recife", "PE", []string{"50###-###"}},
		{"Campinas", "SP", []string{"13###-###"}}, {"Florianópolis", "SC", []string{"88###-###"}},
	},
	domains: []string{"gmail.com", "hotmail.com", "yahoo.com.br", "uol.com.br", "bol.com.br", "outlook.com", "terra.com.br", "ig.com.br"},
	phone:   phoneBR,
	street: func(g *gen, name, no string) string {
		s := name + ", " + no
		if g.chance(0.35) {
			s += " - apto " + strconv.Itoa(g.between(11, 184))
		}
		return s
	},
}

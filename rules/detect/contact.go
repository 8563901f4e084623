package detect

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
)

// Contact data: email, phone, postal address, postcode, city, country.

// Email.

var emailDetector = detector{
	cat: Email, types: textTypes, check: checkEmail, mask: plain(maskEmail),
	strict: true, highCard: true, orgData: true, business: isRoleAddress,
}

// roleMailboxes are the local parts of an organisation's shared addresses: info@, sales@.
var roleMailboxes = wordList("role_mailboxes")

// isRoleAddress: an address of a role, not a person (info@acme.de, no-reply@shop.com).
func isRoleAddress(v string) bool {
	if strings.ContainsAny(v, "<,;") {
		if addrs := mailboxes(v); len(addrs) > 0 {
			v = addrs[0]
		}
	}
	at := strings.IndexByte(v, '@')
	if at <= 0 || at > 40 {
		return false
	}
	var buf [40]byte
	n := 0
	for i := 0; i < at; i++ {
		switch c := v[i]; {
		case c == '-' || c == '_' || c == '.':
		case isUpperASCII(c):
			buf[n] = c + 'a' - 'A'
			n++
		default:
			buf[n] = c
			n++
		}
	}
	return roleMailboxes[string(buf[:n])]
}

// notTLD are endings that look like top-level domains but are file names, reserved or
// internal names: "logo@2x.png", "admin@localhost.localdomain".
var notTLD = wordList("not_tld")

func checkEmail(v string, _ *env) level {
	if !validEmail(v) && mailboxes(v) == nil {
		return lvNone
	}
	return lvStrong
}

// mailboxes returns the addresses of v: v itself when it is an address, else the
// addresses of a header-style list ("Jane Doe <jane@example.com>, bob@example.org"),
// which e-mail activity tables keep in their from and to columns; nil when any part is
// not a valid mailbox.
func mailboxes(v string) []string {
	if validEmail(v) {
		return []string{v}
	}
	if !strings.ContainsAny(v, "<,;") || len(v) > 2000 {
		return nil
	}
	var out []string
	for _, part := range splitMailboxes(v) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if open := strings.LastIndexByte(part, '<'); open >= 0 && strings.HasSuffix(part, ">") {
			part = part[open+1 : len(part)-1]
		}
		if !validEmail(part) {
			return nil
		}
		out = append(out, part)
	}
	return out
}

// splitMailboxes splits a mailbox list at commas and semicolons outside quoted display
// names ("Doe, Jane" <jane@example.com>).
func splitMailboxes(v string) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			quoted = !quoted
		case ',', ';':
			if !quoted {
				parts = append(parts, v[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, v[start:])
}

// validEmail checks the syntax of an address (RFC 5322 dot-atom local part, no quoted
// strings) and that it ends in a plausible top-level domain.
func validEmail(v string) bool {
	if len(v) < 6 || len(v) > 254 {
		return false
	}
	at := strings.IndexByte(v, '@')
	if at <= 0 || at != strings.LastIndexByte(v, '@') {
		return false
	}
	local, domain := v[:at], v[at+1:]
	if len(local) > 64 || local[0] == '.' || local[len(local)-1] == '.' || strings.Contains(local, "..") {
		return false
	}
	for _, r := range local {
		if !(r < utf8.RuneSelf && strings.IndexByte("!#$%&'*+/=?^_`{|}~.-", byte(r)) >= 0 ||
			unicode.IsLetter(r) || unicode.IsDigit(r)) {
			return false
		}
	}
	return validDomain(domain)
}

func validDomain(domain string) bool {
	labels := strings.Split(domain, ".")
	if len(labels) < 2 || len(domain) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || l[0] == '-' || l[len(l)-1] == '-' {
			return false
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return false
			}
		}
	}
	tld := strings.ToLower(labels[len(labels)-1])
	if strings.HasPrefix(tld, "xn--") {
		return len(tld) > 4
	}
	if len(tld) < 2 || len(tld) > 24 || notTLD[tld] {
		return false
	}
	for _, r := range tld {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// Phone.

var phoneDetector = detector{
	cat: Phone, types: textTypes | numericTypes, check: checkPhone, probe: isWrittenPhone, mask: maskPhone,
	strict: true, highCard: true, maxChecks: 200, orgData: true, probeFirst: true,
}

// isWrittenPhone decides value-only matches: a valid number written like one, with a + or 00
// prefix, or a trunk 0 and separators, or an area code in brackets. Bare national digit
// strings ("0306406152") are as often codes with a leading zero (ISBNs, customer numbers),
// and numbers without a trunk prefix ("612 345 678") as often grouped ids, so they need a
// phone column name.
func isWrittenPhone(v string, _ *env) bool {
	v = strings.TrimSpace(stripExtension(v))
	switch {
	case strings.HasPrefix(v, "+"), strings.HasPrefix(v, "00"), strings.HasPrefix(v, "("):
		return true
	case strings.HasPrefix(v, "0"):
		return strings.ContainsAny(v, " -/().")
	}
	return false
}

// extensionDetector judges phone extensions: one to six digits, maybe after "x" or "ext".
var extensionDetector = detector{cat: Phone, types: textTypes | numericTypes, check: checkExtension}

func checkExtension(v string, e *env) level {
	if lv := checkPhone(v, e); lv == lvStrong {
		return lv // a full direct-dial number
	}
	s := strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(strings.ToLower(v), "ext"), "x"))
	s = strings.TrimLeft(s, ". ")
	if len(s) >= 1 && len(s) <= 6 && isDigits(s) {
		return lvWeak
	}
	return lvNone
}

// extensionMarks start the extension people append to a number: "… ext. 12", "… x12", "… #12",
// "… Durchwahl 12", "… poste 12", "… ramal 12".
var extensionMarks = []string{" ext", " x", "#", " durchwahl", " dw", " poste", " ramal", " int", " interno", " wew", " toestel"}

// stripExtension cuts an extension off a phone number.
func stripExtension(v string) string {
	if !strings.ContainsAny(v, "#abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
		return v
	}
	// Lower only ASCII letters: strings.ToLower can change a value's byte length (Ⱥ → ⱥ),
	// and the index found in l cuts v.
	l := strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, v)
	for _, m := range extensionMarks {
		if i := strings.LastIndex(l, m); i >= 6 {
			rest := strings.TrimLeft(l[i+len(m):], ".: ")
			if rest != "" && len(rest) <= 6 && isDigits(rest) {
				return v[:i]
			}
		}
	}
	return v
}

// checkPhone parses with libphonenumber, which is slow (~18 µs), so only strings made of
// phone characters with 7–17 digits get that far. Numbers with a + or 00 prefix are parsed
// as international, numbers with a leading 0 in each default region in turn, and other
// national numbers in the default regions where numbers are written without a trunk 0
// (ES 612 345 678, IT 347 123 4567, PL, PT, US (212) 555-1234, BR (11) 91234-5678). Bare
// digit strings that are no number of those regions are only plausible: order numbers look
// the same.
func checkPhone(v string, e *env) level {
	v = stripExtension(v)
	if strings.ContainsAny(v, "-./") {
		if _, _, _, ok := parseDate(v); ok {
			return lvNone // 2024-01-15 is a valid 8-digit number where no trunk 0 is written (DK, NO)
		}
	}
	digits, first := 0, byte(0)
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			if digits == 0 {
				first = c
			}
			digits++
		case c == '+':
			if digits > 0 {
				return lvNone
			}
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')':
		default:
			return lvNone
		}
	}
	if digits < 7 || digits > 17 {
		return lvNone
	}
	s := internationalise(v)
	switch {
	case strings.HasPrefix(s, "+"):
		if n, err := phonenumbers.Parse(s, "ZZ"); err == nil {
			if phonenumbers.IsValidNumber(n) {
				return lvStrong
			}
			if phonenumbers.IsPossibleNumber(n) {
				return lvWeak
			}
		}
		return lvNone
	case first == '0':
		possible := false
		for _, r := range e.regions {
			n, err := phonenumbers.Parse(s, r)
			if err != nil {
				continue
			}
			if phonenumbers.IsValidNumber(n) {
				return lvStrong
			}
			possible = possible || phonenumbers.IsPossibleNumber(n)
		}
		if possible {
			return lvWeak
		}
		return lvNone
	}
	if digits >= 8 && digits <= 12 {
		for _, r := range e.regions {
			if !writtenWithoutTrunk(r) {
				continue
			}
			if n, err := phonenumbers.Parse(s, r); err == nil && phonenumbers.IsValidNumber(n) {
				return lvStrong
			}
		}
	}
	if isDigits(v) && digits <= 15 {
		return lvWeak // e.g. 4917112345678 stored as a number
	}
	return lvNone
}

// writtenWithoutTrunk reports regions whose national numbers are written without a leading 0:
// those without a trunk prefix (ES, IT, PL, PT), NANP (trunk 1, usually left out) and Brazil,
// where the 0 only picks a carrier.
func writtenWithoutTrunk(region string) bool {
	trunkMu.Lock()
	defer trunkMu.Unlock()
	if w, ok := trunkCache[region]; ok {
		return w
	}
	ndd := phonenumbers.GetNddPrefixForRegion(region, true)
	w := ndd == "" || ndd == "1" || region == "BR"
	trunkCache[region] = w
	return w
}

var (
	trunkMu    sync.Mutex
	trunkCache = map[string]bool{}
)

// internationalise turns a 00 international prefix into +: "0049 171 …" → "+49 171 …".
func internationalise(v string) string {
	s := strings.TrimLeft(v, " (")
	if strings.HasPrefix(s, "00") && len(s) > 2 && s[2] != '0' {
		return "+" + s[2:]
	}
	return s
}

// Postal address.

var addressDetector = detector{
	cat: PostalAddress, types: textTypes | types(typeJSON), check: checkAddress,
	valueOnlyAt: 0.8, valueCap: 0.75, quasi: true, highCard: true, orgData: true,
}

// streetWords are street types in the languages of the vocabulary; a value that has one and
// a number is an address.
var streetWords = wordList("street_words")

// streetSuffixes end German, Dutch and Scandinavian street names written as one word:
// Hauptstraße, Kalverstraat, Storgatan.
var streetSuffixes = []string{"strasse", "str", "weg", "gasse", "platz", "allee", "damm", "straat",
	"laan", "plein", "gracht", "kade", "steeg", "ring", "dreef", "singel", "markt", "dijk", "pad",
	"chaussee", "ufer", "steig", "pfad", "gatan", "vaegen", "vagen", "gade", "vej"} // folded: vägen is vaegen

func checkAddress(v string, _ *env) level {
	if len(v) < 5 || len(v) > 300 || isUUID(v) {
		return lvNone
	}
	letters, digits, hanStreet := 0, 0, false
	for _, r := range v {
		switch {
		case unicode.IsLetter(r):
			letters++
			if strings.ContainsRune("路街道号弄巷段楼", simplified(r)) {
				hanStreet = true
			}
		case unicode.IsDigit(r):
			digits++
		}
	}
	if letters < 3 {
		return lvNone
	}
	if hanStreet && digits > 0 {
		return lvStrong
	}
	if hanStreet {
		return lvWeak
	}
	ws := strings.FieldsFunc(foldWord(v), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	street := false
	for _, w := range ws {
		if streetWords[w] {
			street = true
			break
		}
		for _, s := range streetSuffixes {
			if len(w) > len(s)+2 && strings.HasSuffix(w, s) {
				street = true
			}
		}
	}
	switch {
	case street && digits > 0:
		return lvStrong
	case street, digits > 0 || len(ws) >= 2:
		return lvWeak // a street without its number, or any words with a number
	}
	return lvNone
}

// House numbers.

var houseNumberDetector = detector{
	cat: PostalAddress, types: textTypes | types(typeInt), check: checkHouseNumber, quasi: true,
}

// checkHouseNumber: 12, 12a, 12 bis, 7/3, 12-14, 3 A, s/n (sin número) are house numbers;
// addresses with a street are plausible too.
func checkHouseNumber(v string, e *env) level {
	s := strings.ToLower(strings.TrimSpace(v))
	if s == "s/n" || s == "sn" || s == "s n" {
		return lvStrong
	}
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	if i == 0 || i > 5 || s[0] == '0' {
		return checkAddress(v, e) &^ lvStrong // an address in a house-number column is plausible only
	}
	rest := strings.TrimSpace(s[i:])
	switch {
	case rest == "", len(rest) <= 2 && isLowerLetters(rest), rest == "bis" || rest == "ter":
		return lvStrong
	case rest[0] == '/' || rest[0] == '-':
		if r := strings.TrimSpace(rest[1:]); len(r) > 0 && len(r) <= 4 && (isDigits(r) || isDigits(r[:len(r)-1])) {
			return lvStrong
		}
	}
	return lvNone
}

func isLowerLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}

// States, provinces and regions.

var regionDetector = detector{cat: PostalAddress, types: textTypes, check: checkRegion, quasi: true}

// checkRegion: a known state, province or region name or code is strong; a short code or a
// place name is plausible.
func checkRegion(v string, e *env) level {
	if len(v) > 60 {
		return lvNone
	}
	if len(v) <= 3 && strings.ToUpper(v) == v && regionCodes[v] {
		return lvStrong
	}
	k := e.key(v)
	for _, suf := range []string{"省", "市", "自治区", "特别行政区", " province", " state", " provincia", " prov"} {
		k = strings.TrimSuffix(k, suf)
	}
	if regionNames[k] {
		return lvStrong
	}
	if len(v) <= 3 && isUpperLetters(v) {
		return lvWeak
	}
	if statusWords[k] || isLowerLetters(v) {
		return lvNone // a "state" of a record (active, closed) or a code, not a region
	}
	return checkPlaceName(v, e)
}

// statusWords are the states of records that columns named "state" or "estado" hold.
var statusWords = enumSet("active, inactive, open, closed, pending, new, draft, done, cancelled, canceled, " +
	"deleted, archived, approved, rejected, enabled, disabled, won, lost, qualified, converted, sent, failed, " +
	"success, error, paid, unpaid, in progress, completed, on hold, aktiv, inaktiv, offen, geschlossen, " +
	"erledigt, storniert, actif, inactif, ouvert, ferme, en cours, termine, activo, inactivo, abierto, " +
	"cerrado, pendiente, attivo, inattivo, aperto, chiuso, actief, inactief, gesloten, aktywny, " +
	"nieaktywny, otwarty, zamkniety, ativo, inativo, aberto, fechado, pendente, cancelado, 有效, 无效")

func isUpperLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpperASCII(s[i]) {
			return false
		}
	}
	return s != ""
}

// regionCodes are the two- and three-letter codes of US states, Canadian provinces,
// Brazilian states (UF), Italian provinces, German Länder, Swiss cantons and Australian
// states, as written in address forms.
var regionCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range strings.Fields(`AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS
		MO MT NE NV NH NJ NM NY NC ND OH OK OR PA PR RI SC SD TN TX UT VT VA WA WV WI WY
		AB BC MB NB NL NS NT NU ON PE QC SK YT
		AC AP AM BA CE ES GO MA MT MS MG PB PR PE PI RJ RN RS RO RR SC SP SE TO DF
		AG AN AO AP AQ AR AT AV BA BG BI BL BN BO BR BS BT BZ CB CE CH CL CN CO CR CS CT CZ EN FC FE FG FI FM
		FR GE GO GR IM IS KR LC LE LI LO LT LU MB MC ME MI MN MO MS MT NA NO NU OR PA PC PD PE PG PI PN PO PR
		PT PU PV PZ RA RC RE RG RI RM RN RO SA SI SO SP SR SS SU SV TA TE TN TO TP TR TS TV UD VA VB VC VE VI
		VR VT VV BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH
		AG AI AR BE BL BS FR GE GL GR JU LU NE NW OW SG SH SO SZ TG TI UR VD VS ZG ZH
		NSW VIC QLD WA SA TAS ACT NT`) {
		m[c] = true
	}
	return m
}()

// regionNames are states, provinces and regions of the countries the vocabulary covers,
// folded like enum values.
var regionNames = enumSet(`alabama, alaska, arizona, arkansas, california, colorado, connecticut, delaware,
	district of columbia, florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky,
	louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
	nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota, ohio,
	oklahoma, oregon, pennsylvania, puerto rico, rhode island, south carolina, south dakota, tennessee,
	texas, utah, vermont, virginia, washington, west virginia, wisconsin, wyoming,
	alberta, british columbia, manitoba, new brunswick, newfoundland and labrador, nova scotia, ontario,
	prince edward island, quebec, saskatchewan, yukon, nunavut, northwest territories,
	england, scotland, wales, northern ireland, greater london, kent, essex, surrey, hampshire, yorkshire,
	lancashire, devon, cornwall, norfolk, suffolk, sussex, west midlands, greater manchester, merseyside,
	baden wuerttemberg, bayern, bavaria, berlin, brandenburg, bremen, hamburg, hessen, hesse,
	mecklenburg vorpommern, niedersachsen, lower saxony, nordrhein westfalen, north rhine westphalia,
	rheinland pfalz, rhineland palatinate, saarland, sachsen, saxony, sachsen anhalt, saxony anhalt,
	schleswig holstein, thueringen, thuringia, wien, vienna, niederoesterreich, oberoesterreich, steiermark,
	tirol, kaernten, salzburg, vorarlberg, burgenland, zuerich, zurich, bern, luzern, uri, schwyz, obwalden,
	nidwalden, glarus, zug, fribourg, freiburg, solothurn, basel stadt, basel landschaft, schaffhausen,
	appenzell, st gallen, graubuenden, aargau, thurgau, ticino, tessin, vaud, waadt, valais, wallis,
	neuchatel, geneve, genf, geneva, jura,
	ile de france, bretagne, normandie, occitanie, nouvelle aquitaine, auvergne rhone alpes,
	provence alpes cote d azur, grand est, hauts de france, pays de la loire, centre val de loire,
	bourgogne franche comte, corse, guadeloupe, martinique, guyane, la reunion, mayotte,
	andalucia, aragon, asturias, principado de asturias, baleares, islas baleares, illes balears, canarias,
	cantabria, castilla y leon, castilla la mancha, cataluna, catalunya, comunidad de madrid,
	comunidad valenciana, extremadura, galicia, la rioja, madrid, murcia, region de murcia, navarra,
	pais vasco, euskadi, ceuta, melilla, barcelona, valencia, sevilla, malaga, alicante, cadiz, vizcaya,
	bizkaia, a coruna, las palmas, santa cruz de tenerife, zaragoza, pontevedra, granada, tarragona,
	cordoba, girona, gipuzkoa, guipuzcoa, almeria, toledo, badajoz, jaen, castellon, valladolid,
	ciudad real, huelva, leon, lleida, caceres, albacete, burgos, salamanca, lugo, ourense, alava,
	araba, guadalajara, huesca, cuenca, zamora, avila, palencia, segovia, teruel, soria,
	abruzzo, basilicata, calabria, campania, emilia romagna, friuli venezia giulia, lazio, liguria,
	lombardia, marche, molise, piemonte, puglia, sardegna, sicilia, toscana, trentino alto adige, umbria,
	valle d aosta, veneto, milano, roma, napoli, torino, palermo, genova, bologna, firenze, bari,
	catania, venezia, verona, messina, padova, trieste, brescia, bergamo, monza e brianza,
	noord holland, zuid holland, utrecht, noord brabant, gelderland, overijssel, limburg, friesland,
	fryslan, groningen, drenthe, flevoland, zeeland, antwerpen, oost vlaanderen, west vlaanderen,
	vlaams brabant, brabant wallon, hainaut, liege, luxembourg, namur,
	dolnoslaskie, kujawsko pomorskie, lubelskie, lubuskie, lodzkie, malopolskie, mazowieckie, opolskie,
	podkarpackie, podlaskie, pomorskie, slaskie, swietokrzyskie, warminsko mazurskie, wielkopolskie,
	zachodniopomorskie,
	lisboa, porto, braga, setubal, aveiro, faro, leiria, coimbra, santarem, viseu, viana do castelo,
	vila real, castelo branco, evora, guarda, beja, braganca, portalegre, acores, madeira,
	acre, alagoas, amapa, amazonas, bahia, ceara, distrito federal, espirito santo, goias, maranhao,
	mato grosso, mato grosso do sul, minas gerais, para, paraiba, parana, pernambuco, piaui,
	rio de janeiro, rio grande do norte, rio grande do sul, rondonia, roraima, santa catarina,
	sao paulo, sergipe, tocantins,
	new south wales, victoria, queensland, western australia, south australia, tasmania,
	北京, 天津, 上海, 重庆, 河北, 山西, 辽宁, 吉林, 黑龙江, 江苏, 浙江, 安徽, 福建, 江西, 山东, 河南,
	湖北, 湖南, 广东, 海南, 四川, 贵州, 云南, 陕西, 甘肃, 青海, 台湾, 内蒙古, 广西, 西藏, 宁夏,
	新疆, 香港, 澳门, 台北, 新北, 桃园, 台中, 台南, 高雄, 新竹, 基隆, 嘉义, 屏东, 宜兰, 花莲, 台东,
	beijing, tianjin, shanghai, chongqing, hebei, shanxi, liaoning, jilin, heilongjiang, jiangsu,
	zhejiang, anhui, fujian, jiangxi, shandong, henan, hubei, hunan, guangdong, hainan, sichuan,
	guizhou, yunnan, shaanxi, gansu, qinghai, taiwan, nei mongol, inner mongolia, guangxi, xizang,
	tibet, ningxia, xinjiang, hong kong, macau, macao`)

// Postcode.

var postcodeDetector = detector{
	cat: PostalCode, types: textTypes | types(typeInt), check: checkPostcode, quasi: true, orgData: true,
}

// postcodeShapes are postcode formats written as shapes: A letter, 9 digit. Shapes that
// only digits make are weak evidence (any number fits); the others are strong.
var postcodeShapes = map[string]level{
	"999": lvWeak, "9999": lvWeak, "99999": lvWeak, "999999": lvWeak, "99999-9999": lvStrong,
	"99-999": lvStrong, "9999-999": lvStrong, "99999-999": lvStrong, "999-9999": lvStrong, "999 99": lvStrong, "9999 AA": lvStrong, "9999AA": lvStrong,
	"A9 9AA": lvStrong, "A99 9AA": lvStrong, "A9A 9AA": lvStrong, "AA9 9AA": lvStrong, "AA99 9AA": lvStrong,
	"AA9A 9AA": lvStrong, "A99AA": lvStrong, "A999AA": lvStrong, "A9A9AA": lvStrong, "AA99AA": lvStrong,
	"AA999AA": lvStrong, "AA9A9AA": lvStrong, "A9A 9A9": lvStrong, "A9A9A9": lvStrong, "A99 A9A9": lvStrong,
	"A99 AA99": lvStrong, "A99 A999": lvStrong, "A99 AAA9": lvStrong, "A99 99AA": lvStrong,
	"A-9999": lvStrong, "A-99999": lvStrong, "AA-9999": lvStrong, "AA-99999": lvStrong, "AA-99-999": lvStrong,
}

func checkPostcode(v string, _ *env) level {
	if len(v) < 3 || len(v) > 10 {
		return lvNone
	}
	var b [10]byte
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case isDigit(c):
			b[i] = '9'
		case 'a' <= c && c <= 'z', isUpperASCII(c):
			b[i] = 'A'
		case c == ' ' || c == '-':
			b[i] = c
		default:
			return lvNone
		}
	}
	return postcodeShapes[string(b[:len(v)])]
}

// City.

var cityDetector = detector{cat: City, types: textTypes, check: checkPlaceName, quasi: true}

// checkPlaceName accepts mostly-letter names of places: "Frankfurt am Main", "Saint-Étienne",
// "75015 Paris", "北京".
func checkPlaceName(v string, _ *env) level {
	if len(v) > 80 || isUUID(v) {
		return lvNone
	}
	letters, digits, other := 0, 0, 0
	for _, r := range v {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			digits++
		case r == ' ' || r == '-' || r == '\'' || r == '.' || r == '(' || r == ')' || r == '/' || r == ',':
		default:
			other++
		}
	}
	if letters < 2 || other > 0 || digits > letters {
		return lvNone
	}
	return lvWeak
}

// Country.

var countryDetector = detector{cat: Country, types: textTypes, check: checkCountry, quasi: true}

// countryNames are common country names and ISO 3166-1 alpha-3 codes; alpha-2 codes are
// checked against the IBAN and phone tables.
var countryNames = enumSet("germany, deutschland, france, frankreich, spain, espana, spanien, italy, italia, " +
	"italien, netherlands, nederland, niederlande, holland, poland, polska, polen, portugal, austria, " +
	"oesterreich, osterreich, switzerland, schweiz, suisse, svizzera, belgium, belgique, belgie, belgien, " +
	"united kingdom, great britain, england, scotland, wales, ireland, united states, usa, canada, china, " +
	"zhongguo, 中国, japan, india, brazil, brasil, sweden, sverige, norway, norge, denmark, danmark, " +
	"finland, suomi, greece, czech republic, czechia, hungary, romania, bulgaria, croatia, slovenia, " +
	"slovakia, luxembourg, turkey, turkiye, russia, ukraine, mexico, argentina, australia, " +
	"deu, fra, esp, ita, nld, pol, prt, aut, che, bel, gbr, irl, usa, can, chn, jpn, ind, bra, swe, " +
	"nor, dnk, fin, grc, cze, hun, rou, bgr, hrv, svn, svk, lux, tur, rus, ukr, mex, arg, aus")

func checkCountry(v string, _ *env) level {
	if len(v) == 2 {
		if u := strings.ToUpper(v); ibanLengths[u] > 0 || phonenumbers.GetCountryCodeForRegion(u) > 0 {
			return lvStrong
		}
	}
	if countryNames[enumKey(v)] {
		return lvStrong
	}
	return checkPlaceName(v, nil)
}

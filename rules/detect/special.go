package detect

import (
	"fmt"
	"strings"
	"unicode"
)

// Special categories (Art. 9) and criminal data (Art. 10), by column name and by enum
// values in EN, DE, FR, ES, IT, NL, PT, PL and Chinese (pinyin and characters).
//
// Each category has three vocabularies: column names, enum values (a column whose values
// are mostly "katholisch", "evangelisch", "muslimisch" is a religion column whatever its
// name), and keywords for free text (see freetext.go). Values that are also ordinary words
// elsewhere ("white", "green", "PS") are weak: they support a name but never decide alone.

// specialValues are enum values per category. Entries after "|" are weak.
var specialValues = map[Category]string{
	Health: `diabetes, diabetic, type 1 diabetes, type 2 diabetes, asthma, asthmatic, hypertension,
		high blood pressure, epilepsy, epileptic, cancer, depression, anxiety, bipolar, schizophrenia, adhd,
		autism, autistic, dementia, alzheimer, parkinson, multiple sclerosis, hiv, hiv positive, aids,
		hepatitis, covid, covid 19, pregnant, wheelchair, wheelchair user, blind, deaf, hearing impaired,
		visually impaired, paraplegic, disabled, obesity, migraine, arthritis, peanut allergy, nut allergy,
		coeliac, celiac, lactose intolerant, lactose intolerance, gluten intolerance, penicillin allergy,
		asperger, dyslexia, diabetiker, bluthochdruck, epilepsie, krebs, depressionen, angststoerung,
		demenz, rollstuhl, rollstuhlfahrer, gehoerlos, taub, sehbehindert, schwerbehindert,
		erdnussallergie, laktoseintoleranz, zoeliakie, glutenunvertraeglichkeit, migraene, diabete,
		diabetique, asthme, hypertension arterielle, enceinte, fauteuil roulant, aveugle, sourd,
		malvoyant, malentendant, intolerance au lactose, maladie coeliaque, handicape, diabetico, asma,
		hipertension, epilepsia, depresion, embarazada, silla de ruedas, ciego, sordo, discapacitado,
		celiaco, intolerancia a la lactosa, ipertensione, epilessia, cancro, tumore, depressione,
		incinta, sedia a rotelle, cieco, disabile, celiachia, intolleranza al lattosio, suikerziekte,
		astma, hoge bloeddruk, kanker, depressie, zwanger, rolstoel, doof, slechthorend, slechtziend,
		coeliakie, cukrzyca, nadcisnienie, padaczka, epilepsja, nowotwor, depresja, w ciazy,
		wozek inwalidzki, niewidomy, gluchy, niepelnosprawny, celiakia, hipertensao, depressao, gravida,
		cadeira de rodas, cego, surdo, deficiente, tangniaobing, xiaochuan, gaoxueya, aizheng,
		yiyuzheng, huaiyun, 糖尿病, 哮喘, 高血压, 癫痫, 癌症, 抑郁症, 怀孕, 残疾
		| healthy, gesund, sain, sano, gezond, zdrowy, vegetarian, vegan, gluten free, rh+, rh-`,
	ReligionOrBelief: `catholic, roman catholic, protestant, evangelical, lutheran, anglican, methodist,
		baptist, presbyterian, orthodox, greek orthodox, russian orthodox, christian, muslim, islam,
		islamic, sunni, shia, shiite, jewish, judaism, hindu, hinduism, buddhist, buddhism, sikh, sikhism,
		jain, bahai, atheist, agnostic, jehovahs witness, jehovah s witness, mormon, quaker, pagan,
		humanist, no religion, katholisch, roemisch katholisch, rom kath, evangelisch, evang, lutherisch,
		reformiert, christlich, muslimisch, islamisch, juedisch, buddhistisch, hinduistisch,
		konfessionslos, ohne konfession, atheistisch, altkatholisch, freikirchlich, neuapostolisch,
		zeugen jehovas, catholique, protestante, musulman, musulmane, juif, juive, judaisme, bouddhiste,
		hindou, athee, agnostique, orthodoxe, chretien, chretienne, sans religion, evangelique, catolico,
		catolica, evangelico, evangelica, musulmana, judio, judia, budista, ateo, atea, agnostico,
		cristiano, cristiana, ortodoxo, testigo de jehova, sin religion, cattolico, cattolica, musulmano,
		ebreo, ebrea, ebraico, buddista, induista, ortodosso, ortodossa, valdese, testimone di geova,
		katholiek, rooms katholiek, protestants, hervormd, gereformeerd, moslim, islamitisch, joods,
		boeddhist, boeddhistisch, hindoe, agnost, christelijk, geen religie, katolik, katoliczka,
		katolicki, rzymskokatolicki, prawoslawny, prawoslawna, ewangelik, ewangelicki, luteranin,
		muzulmanin, muzulmanka, zyd, zydowka, zydowski, buddysta, ateista, ateistka, agnostyk,
		swiadek jehowy, bezwyznaniowy, muculmano, judeu, ateu, ateia, espirita, cristao, crista,
		sem religiao, umbanda, candomble, fojiao, jidujiao, tianzhujiao, yisilanjiao, huijiao, daojiao,
		wu zongjiao, wushenlun, 佛教, 基督教, 天主教, 伊斯兰教, 道教, 无宗教, 无神论
		| rk, ev, ak, lt, rf, fr, is, jd, vd, ref, kath, islam`,
	Ethnicity: `asian, asian british, british asian, black british, black african, black caribbean,
		african american, hispanic, latino, latina, latinx, caucasian, white british, white irish,
		white other, mixed race, multiracial, arab, romani, sinti, gypsy, irish traveller, pacific islander, native american, american indian, alaska native,
		native hawaiian, indigenous, aboriginal, first nations, inuit, maori, middle eastern,
		south asian, east asian, pakistani, bangladeshi, kurdish, berber, hanzu, huizu, zangzu,
		weiwuerzu, zhuangzu, manzu, 汉族, 回族, 藏族, 维吾尔族, 蒙古族, 壮族, 满族, 苗族, asiatisch,
		afrikanisch, arabisch, sinti und roma, kurdisch, maghrebin, africain, asiatique, arabe,
		caucasien, metis, gitan, asiatico, hispano, gitano, mestizo, indigena, afrodescendiente,
		africano, surinaams, marokkaans, antilliaans, allochtoon, autochtoon, romski, pardo
		| white, black, blanc, noir, weiss, schwarz, blanco, negro, bianco, nero, wit, zwart, bialy,
		czarny, branco, preto, amarelo, mixed, han, turks, westers, niet westers, roma, traveller`,
	Political: `conservative, labour, labor, liberal, liberal democrat, lib dem, social democrat,
		socialist, communist, republican, democrat, libertarian, snp, plaid cymru, reform uk, ukip,
		cdu, csu, spd, fdp, gruene, die gruenen, buendnis 90 die gruenen, afd, die linke, linke, bsw,
		freie waehler, lrem, renaissance, rassemblement national, front national, les republicains,
		parti socialiste, lfi, la france insoumise, eelv, modem, psoe, vox, podemos, sumar, ciudadanos,
		erc, junts, pnv, partito democratico, lega, fratelli d italia, fdi, m5s, movimento 5 stelle,
		forza italia, vvd, pvv, cda, d66, groenlinks, pvda, pis, prawo i sprawiedliwosc,
		platforma obywatelska, koalicja obywatelska, lewica, konfederacja, psl, chega,
		bloco de esquerda, zhonggong dangyuan, dangyuan, gongqingtuanyuan, tuanyuan, qunzhong,
		minzhu dangpai, 中共党员, 中共预备党员, 共青团员, 群众, 民主党派, 党员, 团员
		| green, greens, independent, ps, pd, pp, po, lr, sp, ko, bbb, nsc, left, right, centre, center`,
	TradeUnion: `ver di, verdi, ig metall, ig bce, dgb, marburger bund, cgt, cfdt, force ouvriere,
		cfe cgc, cftc, unsa, fsu, solidaires, ccoo, comisiones obreras, cgil, cisl, fnv, solidarnosc, opzz,
		unite, unison, usdaw, afl cio, teamsters, seiu, cgtp, union member, gewerkschaftsmitglied,
		syndique, syndiquee, afiliado al sindicato, iscritto al sindacato, vakbondslid
		| igm, gew, evg, ngg, gdp, fo, sud, ugt, uil, cnv, vcp, gmb, rcn, nea, aft, member, non member,
		mitglied, kein mitglied, adherent, afiliado, iscritto, lid, czlonek`,
	SexualOrientation: `heterosexual, gay, lesbian, bisexual, homosexual, pansexual, asexual, queer,
		heteroseksueel, homoseksueel, biseksueel, lesbisch, homo, hetero, heterosexuell, homosexuell,
		bisexuell, schwul, heterosexuel, heterosexuelle, homosexuel, homosexuelle, bisexuel,
		bisexuelle, lesbienne, gai, lesbiana, eterosessuale, omosessuale, bisessuale, lesbica,
		heteroseksualny, homoseksualny, biseksualny, gej, lesbijka, heteroseksualna, heterossexual,
		homossexual, bissexual, yixinglian, tongxinglian, shuangxinglian, 异性恋, 同性恋, 双性恋
		| straight, questioning`,
	Genetic: `brca1, brca2, brca positive, apoe4, apoe e4, carrier, heterozygous, homozygous
		| positive, negative, mutation, variant`,
	Criminal: `convicted, conviction, spent conviction, unspent conviction, cautioned,
		pending charges, arrested, acquitted, vorbestraft, verurteilt, condamne, condenado,
		condannato, veroordeeld, skazany, karany, 有前科
		| clear, clean, no trace, disclosed, enhanced, basic, standard, nicht vorbestraft, caution, charged`,
}

// Health insurance and record numbers.

var healthIDDetector = detector{
	cat: Health, types: textTypes | numericTypes, check: checkHealthID, mask: plain(maskGeneric), highCard: true,
}

// checkHealthID: a DE Krankenversichertennummer, a BR Cartão Nacional de Saúde, a UK NHS
// number (each with its check digit) or a FR NIR (the carte vitale number) is strong; other
// letters-and-digits numbers are plausible.
func checkHealthID(v string, _ *env) level {
	s := compactUpper(dropDotsSlashes.Replace(v))
	switch {
	case validKVNR(s), validCNS(s), validNHS(s), validNIR(s):
		return lvStrong
	case plausibleIDNumber(s), len(s) >= 4 && len(s) <= 20 && isDigits(s):
		return lvWeak
	}
	return lvNone
}

// validKVNR: German health insurance number, a letter and nine digits; the letter as 01–26
// and the first eight digits, weighted 1 2 1 2 … with digit sums, give the check digit mod 10.
func validKVNR(s string) bool {
	if len(s) != 10 || !isUpperASCII(s[0]) || !isDigits(s[1:]) {
		return false
	}
	n := int(s[0]-'A') + 1
	d := fmt.Sprintf("%02d", n) + s[1:9]
	sum := 0
	for i := 0; i < 10; i++ {
		p := int(d[i]-'0') * (1 + i%2)
		sum += p/10 + p%10
	}
	return sum%10 == int(s[9]-'0')
}

// validCNS: Brazilian national health card, 15 digits starting 1, 2, 7, 8 or 9 whose
// weighted sum (15 … 1) is a multiple of 11.
func validCNS(s string) bool {
	if len(s) != 15 || !isDigits(s) || strings.IndexByte("12789", s[0]) < 0 {
		return false
	}
	sum := 0
	for i := 0; i < 15; i++ {
		sum += int(s[i]-'0') * (15 - i)
	}
	return sum%11 == 0
}

// validNHS: UK NHS number, ten digits, weights 10 … 2, check 11 − sum mod 11 (11 is 0,
// 10 is never issued).
func validNHS(s string) bool {
	if len(s) != 10 || !isDigits(s) {
		return false
	}
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(s[i]-'0') * (10 - i)
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	return c != 10 && c == int(s[9]-'0') && strings.Count(s, s[:1]) != 10
}

// specialDetectors are built from specialValues.
var (
	healthDetector    = specialDetector(Health)
	religionDetector  = specialDetector(ReligionOrBelief)
	ethnicityDetector = specialDetector(Ethnicity)
	politicalDetector = specialDetector(Political)
	unionDetector     = specialDetector(TradeUnion)
	sexualDetector    = specialDetector(SexualOrientation)
	geneticDetector   = specialDetector(Genetic)
	criminalDetector  = specialDetector(Criminal)
)

// specialEnums holds the strong and weak enum values per category.
var specialEnums = func() map[Category][2]map[string]bool {
	m := map[Category][2]map[string]bool{}
	for cat, s := range specialValues {
		strong, weak, _ := strings.Cut(s, "|")
		m[cat] = [2]map[string]bool{enumSet(strong), enumSet(weak)}
	}
	return m
}()

// specialDetector: in a column named for the category every value is plausible (free-form
// diagnoses, yes/no flags); an enum value or a value containing one is strong. Without a
// name, most values must be whole enum values of the category.
func specialDetector(cat Category) detector {
	return detector{
		cat:   cat,
		types: textTypes | types(typeInt, typeBool, typeDate),
		check: func(v string, e *env) level {
			if cat == Health && isBloodType(v) {
				return lvStrong
			}
			k := e.key(v)
			switch {
			case neutralValues[k]:
				return lvSkip
			case specialEnums[cat][0][k] || containsTerm(k, specialEnums[cat][0]):
				return lvStrong
			}
			if cat == Genetic && isGeneticSequence(v) {
				return lvStrong
			}
			return lvWeak
		},
		probe: func(v string, e *env) bool {
			return specialEnums[cat][0][e.key(v)] || cat == Genetic && isGeneticSequence(v) ||
				cat == Health && isBloodType(v)
		},
		mask:        maskLabel(string(cat)),
		confirmAt:   0.5,
		valueOnlyAt: 0.6,
		valueCap:    0.8,
	}
}

// containsTerm reports whether a folded multi-word value holds a vocabulary entry of one
// word (longer than three letters) or two: "diabetes, well controlled" holds "diabetes".
func containsTerm(k string, vocab map[string]bool) bool {
	if !strings.ContainsRune(k, ' ') {
		return false
	}
	ws := strings.Fields(k)
	for i, w := range ws {
		if len(w) > 3 && vocab[w] || i+1 < len(ws) && vocab[w+" "+ws[i+1]] {
			return true
		}
	}
	return false
}

// isBloodType: A+, 0-, AB pos, O Rh-negative …
func isBloodType(v string) bool {
	s := strings.ToUpper(strings.ReplaceAll(v, " ", ""))
	for _, g := range []string{"AB", "A", "B", "O", "0"} {
		if rest, ok := strings.CutPrefix(s, g); ok {
			if r, ok := strings.CutPrefix(rest, "RH"); ok {
				rest = r
				if len(rest) > 1 {
					rest = strings.TrimPrefix(rest, "-")
				}
			}
			switch rest {
			case "+", "-", "POS", "NEG", "POSITIVE", "NEGATIVE", "POSITIV", "NEGATIV":
				return true
			}
			return false
		}
	}
	return false
}

// isGeneticSequence: a DNA sequence (ACGTN, 12 or more) or a SNP id (rs12345).
func isGeneticSequence(v string) bool {
	if len(v) >= 12 && strings.Trim(strings.ToUpper(v), "ACGTN") == "" {
		return true
	}
	return len(v) > 3 && (v[0] == 'r' || v[0] == 'R') && (v[1] == 's' || v[1] == 'S') && isDigits(v[2:])
}

// specialKeywords are words that, found in free text, suggest special-category or criminal
// data. Multi-word entries are matched as consecutive words; Han entries as substrings.
var specialKeywords = func() map[string]Category {
	m := map[string]Category{}
	add := func(cat Category, s string) {
		for k := range enumSet(s) {
			m[k] = cat
		}
	}
	add(Health, "diagnosis, diagnosed, diabetes, diabetic, cancer, chemotherapy, pregnant, pregnancy, hiv, "+
		"depression, depressed, anxiety disorder, allergy, allergic, therapy, therapist, medication, disability, "+
		"disabled, wheelchair, surgery, hospitalised, hospitalized, illness, psychiatric, dementia, epilepsy, "+
		"asthma, miscarriage, diagnose, diagnostiziert, krank, krankheit, erkrankt, krebs, schwanger, allergie, "+
		"allergisch, behinderung, behindert, rollstuhl, depressionen, therapie, krankenhaus, medikamente, "+
		"krankgeschrieben, malade, maladie, enceinte, diabete, handicape, hopital, hospitalise, enfermo, enferma, "+
		"enfermedad, embarazada, discapacidad, hospitalizado, malato, malata, malattia, incinta, cancro, "+
		"tumore, disabile, ospedale, ricoverato, ziek, ziekte, zwanger, kanker, gehandicapt, ziekenhuis, chory, "+
		"chora, choroba, ciaza, nowotwor, cukrzyca, niepelnosprawny, szpital, doente, doenca, gravida, "+
		"生病, 疾病, 怀孕, 癌症, 住院, 糖尿病, 抑郁症")
	add(ReligionOrBelief, "muslim, catholic, jewish, hindu, buddhist, sikh, atheist, mosque, synagogue, "+
		"ramadan, katholisch, evangelisch, muslimisch, juedisch, moschee, synagoge, catholique, musulman, juif, "+
		"mosquee, catolico, judio, mezquita, cattolico, musulmano, ebreo, moschea, katholiek, moslim, joods, "+
		"moskee, katolik, muzulmanin, meczet, 佛教, 基督教, 伊斯兰")
	add(Ethnicity, "ethnic, ethnicity, ethnic origin, hispanic, caucasian, african american, ethnisch, "+
		"ethnique, etnia, etnico, etnisch, etniczny, 民族")
	add(Political, "political, politics, politisch, politique, politico, politiek, polityczny, afd, spd, cdu, "+
		"republican, democrat, communist, socialist, party member, parteimitglied, 党员")
	add(TradeUnion, "union member, trade union, gewerkschaft, gewerkschaftsmitglied, syndicat, syndique, "+
		"sindicato, sindacato, vakbond, zwiazek zawodowy, ver di, ig metall, cgt, cfdt, 工会")
	add(SexualOrientation, "gay, lesbian, bisexual, homosexual, queer, schwul, lesbisch, homosexuell, "+
		"homosexuel, lesbienne, homosexual, lesbiana, omosessuale, lesbica, homoseksueel, homoseksualny, 同性恋")
	add(Genetic, "genetic, dna, brca, brca1, brca2, genome, genetisch, genetique, genetico, genetyczny, 基因")
	add(Criminal, "convicted, conviction, criminal record, prison, jail, arrested, parole, offender, "+
		"vorstrafe, vorbestraft, verurteilt, gefaengnis, straftat, condamne, condamnation, casier judiciaire, "+
		"condenado, carcel, prision, antecedentes penales, condannato, carcere, arrestato, veroordeeld, "+
		"gevangenis, strafblad, skazany, wiezienie, karany, 犯罪, 坐牢, 判刑")
	return m
}()

// hanKeywords are the Han entries of specialKeywords, matched as substrings.
var hanKeywords = func() map[string]Category {
	m := map[string]Category{}
	for k, c := range specialKeywords {
		for _, r := range k {
			if unicode.Is(unicode.Han, r) {
				m[k] = c
				break
			}
		}
	}
	return m
}()

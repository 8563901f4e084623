package detect

// nordicTerms are the column names of Swedish, Danish, Norwegian and Finnish schemas.
// Phrases are written as developers there write them: with the letters å ä ö æ ø (which
// words folds: ä→ae, ö→oe, å→a, æ→ae, ø→o) and, where the folded spelling differs from
// the usual ASCII ones, in those too: Swedish and Finnish drop the dots (förnamn →
// fornamn), Danish and Norwegian write ø as oe and å as aa (fødselsdato → foedselsdato).
var nordicTerms = concat(
	terms(PersonName, specific, false,
		// sv
		"förnamn", "fornamn", "efternamn", "tilltalsnamn", "mellannamn", "fullständigt namn",
		"fullstandigt namn", "fnamn", "enamn", "målsman", "malsman", "vårdnadshavare", "vardnadshavare",
		// da, no
		"fornavn", "efternavn", "etternavn", "mellemnavn", "mellomnavn", "fulde navn", "fullt navn",
		"foresatt", "foresatte", "vaerge", "verge", "kortholder", "kortinnehaver", "kontohaver",
		"kontoinnehaver", "kontoindehaver", "kortindehaver", "kortinnehavare", "kontoinnehavare",
		// fi
		"etunimi", "etunimet", "sukunimi", "kutsumanimi", "koko nimi",
		"huoltaja", "huoltajan nimi", "tilinomistaja", "tilinhaltija", "kortinhaltija"),
	terms(PersonName, ambiguous, true, "nimi"),
	contactPersons(terms(PersonName, specific, false, "kontaktperson namn", "kontaktpersonens namn",
		"yhteyshenkilö", "yhteyshenkilo", "yhteyshenkilön nimi", "yhteyshenkilon nimi")),
	terms(Email, specific, false,
		"e post", "epost", "e postadress", "epostadress", "e postadresse", "epostadresse", "mejl",
		"mejladress", "sähköposti", "sahkoposti", "sähköpostiosoite", "sahkopostiosoite", "sposti"),
	terms(Phone, specific, false,
		"tfn", "tfnr", "tfn nr", "tlf", "tlfnr", "tlf nr", "mobiltlf", "hemtelefon", "arbetstelefon",
		"mobiltelefonnummer", "telefonnr privat", "puhelin", "puhelinnumero", "puh", "puhnro",
		"matkapuhelin", "kännykkä", "kannykka", "gsm nro", "mobiltelefonnr", "telefonnr mobil"),
	terms(PostalAddress, likely, true,
		"adress", "gatuadress", "gatuaddress", "postadress", "utdelningsadress", "hemadress",
		"folkbokföringsadress", "folkbokforingsadress", "vejnavn", "gadenavn", "gadeadresse",
		"leveransadress", "fakturaadress", "besöksadress", "besoksadress", "leveringsadresse",
		"faktureringsadresse", "fakturaadresse", "besøksadresse", "besoksadresse", "besoegsadresse",
		"gateadresse", "postadresse", "hjemmeadresse", "bopælsadresse", "bopaelsadresse",
		"osoite", "katuosoite", "lähiosoite", "lahiosoite", "postiosoite", "kotiosoite",
		"laskutusosoite", "toimitusosoite"),
	terms(PostalCode, ambiguous, true, "postnr", "postnummer", "postinumero", "postinro", "post nr"),
	terms(City, ambiguous, true,
		"postort", "stad", "bostadsort", "hemort", "poststed", "postdistrikt", "bynavn", "kaupunki",
		"postitoimipaikka", "kotikunta", "paikkakunta", "asuinpaikka"),
	terms(DateOfBirth, specific, false,
		"födelsedatum", "fodelsedatum", "födelsedag", "fodelsedag", "födelseår", "fodelsear",
		"född", "fodd", "fødselsdato", "fodselsdato", "fødselsdag", "fodselsdag", "fødselsår", "fodselsar",
		"syntymäaika", "syntymaaika", "syntymäpäivä", "syntymapaiva", "syntymävuosi", "syntymavuosi",
		"syntynyt", "foedselsdato", "foedselsdag", "foedselsaar"),
	terms(Age, likely, true, "ålder", "alder", "ikä", "ika"),
	terms(Gender, specific, true, "kön", "kon", "køn", "kjønn", "kjonn", "kjoenn", "sukupuoli"),
	terms(NationalID, specific, false,
		"personnummer", "personnr", "person nr", "samordningsnummer", "cpr", "cpr nr", "cprnr",
		"cpr nummer", "cprnummer", "fødselsnummer", "fodselsnummer", "foedselsnummer", "fnr", "d nummer",
		"henkilötunnus", "henkilotunnus", "hetu", "sotu", "sosiaaliturvatunnus"),
	terms(Passport, specific, false, "passnummer", "pass nr", "passnr", "passinumero", "passin numero",
		"passin nro", "passinro", "passi"),
	terms(PaymentCard, specific, false, "kortnummer", "kortnr", "kort nr", "kortin numero", "kortinnumero",
		"maksukortti", "luottokortti", "kreditkort", "kreditkortnummer", "betalkort", "betalingskort"),
	terms(DeviceID, specific, false, "enhets id", "enhetsid", "enheds id", "enhedsid", "laitetunnus",
		"laite id"),
	terms(PhotoOrBiometric, ambiguous, true, "bild", "profilbild", "bildfil", "kuva", "valokuva",
		"profiilikuva", "billede", "profilbillede"),
	terms(Username, likely, false,
		"användarnamn", "anvandarnamn", "anv namn", "brugernavn", "brukernavn", "käyttäjätunnus",
		"kayttajatunnus", "käyttäjänimi", "kayttajanimi"),
	terms(PasswordOrSecret, specific, false,
		"lösenord", "losenord", "adgangskode", "passord", "salasana", "lösen", "losen", "hemlighet",
		"hemmelighed", "hemmelighet", "salaisuus"),
	terms(IBANBankAccount, specific, false,
		"kontonummer", "kontonr", "bankkonto", "bankkontonummer", "clearingnummer", "clearingnr",
		"tilinumero", "pankkitili", "tilinro"),
	terms(SalaryFinancial, likely, true,
		"lön", "loen", "månadslön", "manadslon", "timlön", "timlon", "årslön", "arslon", "lønn",
		"månedsløn", "manedslon", "månedslønn", "manedslonn", "timeløn", "timelon", "palkka",
		"maanedsloen", "maanedsloenn", "loenn", "timeloen", "aarsloen",
		"kuukausipalkka", "tuntipalkka", "arvode", "honorar"),
	terms(Employment, likely, true,
		"befattning", "yrke", "arbetsgivare", "anställningsdatum", "anstallningsdatum", "stilling",
		"stillingsbetegnelse", "arbejdsgiver", "arbeidsgiver", "ammatti", "työnantaja", "tyonantaja",
		"tehtävänimike", "tehtavanimike", "ammattinimike", "työsuhde", "tyosuhde",
		"anställningsform", "anstallningsform", "ansættelse", "ansaettelse", "ansettelse",
		"stillingstittel"),
	// Like "title": a person's when a person word comes before it (bareNames).
	terms(Employment, ambiguous, true, "titel", "tittel"),
	terms(FreeText, ambiguous, true,
		"anteckning", "anteckningar", "notering", "noteringar", "övrigt", "ovrigt", "bemærkning",
		"bemaerkning", "bemærkninger", "bemaerkninger", "bemerkning", "bemerkninger", "notat", "notater",
		"merknad", "merknader", "huomautus", "huomautukset", "lisätiedot", "lisatiedot", "muistiinpano",
		"muistiinpanot", "kommentti", "kommentit"),
	terms(Health, specific, false,
		"sjukdom", "sjukdomar", "allergi", "allergier", "diagnos", "diagnoser", "medicin", "mediciner",
		"hälsa", "halsa", "hälsotillstånd", "halsotillstand", "sjukskrivning", "funktionsnedsättning",
		"funktionsnedsattning", "funktionshinder", "sygdom", "sygdomme", "helbred", "helse", "sykdom",
		"sykdommer", "diagnoosi", "diagnoosit", "lääkitys", "laakitys", "sairaus", "sairaudet",
		"allergia", "allergiat", "terveydentila", "sairausloma", "vamma"),
	terms(ReligionOrBelief, specific, false, "trosuppfattning", "trossamfund", "trossamfunn", "uskonto",
		"kirkkokunta", "religiøs", "religios"),
	terms(Ethnicity, specific, false, "etnicitet", "etnisitet", "etninen tausta"),
	terms(Political, specific, false, "politisk tillhörighet", "politisk tillhorighet", "partitillhörighet",
		"partitillhorighet", "puolue"),
	terms(TradeUnion, specific, false, "fackförbund", "fackforbund", "fackförening", "fackforening",
		"fagforening", "fagforbund", "ammattiliitto"),
	terms(Criminal, specific, false, "belastningsregister", "brottsregister", "straffeattest",
		"straffregister", "rikosrekisteri", "rikostausta"),
	// Company ids and names: not a person's.
	terms(None, 0, false, "organisationsnummer", "orgnr", "org nr", "cvr", "cvr nr", "cvrnr",
		"organisasjonsnummer", "y tunnus", "ytunnus", "företagsnamn", "foretagsnamn", "firmanavn",
		"yrityksen nimi", "produktnamn", "produktnavn", "tuotenimi", "varunamn"),
	terms(Country, ambiguous, true, "land", "maa", "nationalitet", "kansalaisuus", "landkod", "landkode",
		"landskode", "maakoodi"),
)

// nordicTableNouns are words of table names in the same languages (tableNouns).
const (
	nordicPersonNouns = "kund kunder medlem medlemmar medlemmer kontakter person personer användare " +
		"anvandare anställd anstalld anställda anstallda elev elever patienter deltagare spelare ledare " +
		"tränare tranare förälder foralder föräldrar foraldrar målsman vårdnadshavare bruger brugere " +
		"bruker brukere ansat ansatte ansatt deltager deltagere deltaker deltakere forælder foraeldre " +
		"asiakas asiakkaat jäsen jasen jäsenet jasenet käyttäjä kayttaja käyttäjät kayttajat henkilö " +
		"henkilo henkilöt henkilot potilas potilaat työntekijä tyontekija työntekijät tyontekijat " +
		"oppilas oppilaat opiskelija opiskelijat huoltaja huoltajat foraeldre forelder foreldre " +
		"pasient pasienter medarbejder medarbejdere medarbeider medarbeidere"
	nordicOrgNouns = "företag foretag bolag förening forening föreningar klubb leverantör leverantor " +
		"leverantörer virksomhed selskab selskap leverandør leverandor leverandoer leverandører " +
		"leverandoerer yritys yritykset yhtiö yhtio toimittaja toimittajat yhdistys seura työnantaja " +
		"tyonantaja arbetsgivare arbejdsgiver arbeidsgiver sponsor sponsorer"
	nordicObjectNouns = "vara varor produkter kampanj kampanjer kampanje tuote tuotteet kampanja"
	nordicLookupNouns = "län lan kommun kommuner kommune kunta kunnat maakunta valuta språk sprak kieli"
)

// nordicPersonQualifiers are person words before a bare name (betalare_namn,
// modtager_navn, asiakkaan_nimi): personQualifiers.
const nordicPersonQualifiers = "kund medlem kontakt betalare mottagare avsändare avsandare " +
	"kontoinnehavare kortinnehavare förälder foralder målsman malsman ledare tränare tranare anhörig " +
	"anhorig make maka barn elev anställd anstalld handläggare handlaggare säljare saljare köpare " +
	"kopare modtager mottaker afsender avsender betaler kortholder kontohaver kontoinnehaver " +
	"forælder foraelder forelder pårørende parorende paaroerende medarbejder medarbeider ansat ansatt " +
	"sælger saelger selger køber koeber kober kjøper kjoeper kjoper sagsbehandler saksbehandler " +
	"bruger bruker pasient asiakas asiakkaan jäsen jasen jäsenen jasenen maksaja maksajan " +
	"vastaanottaja vastaanottajan lähettäjä lahettaja tilinomistaja tilinhaltija kortinhaltija " +
	"huoltaja huoltajan omainen omaisen potilas potilaan työntekijä tyontekija käyttäjä kayttaja " +
	"myyjä myyja ostaja käsittelijä kasittelija kontaktperson kontaktpersonens yhteyshenkilö " +
	"yhteyshenkilo yhteyshenkilön yhteyshenkilon"

// nordicGenderWords are spelled-out genders (genderWords).
const nordicGenderWords = "kvinna, kvinnor, man, män, kvinde, kvinder, mand, mænd, kvinne, kvinner, " +
	"mann, menn, nainen, mies, naiset, miehet, herr, fru, frk, hr"

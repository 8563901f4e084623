package detect

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

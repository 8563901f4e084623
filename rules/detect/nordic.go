package detect

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

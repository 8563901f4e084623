package eval

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// In-house CRMs of European companies, named in the company's language: German, French,
// Spanish, Italian, Dutch, Polish.

var krankenkassen = []string{"AOK Bayern", "AOK Nordost", "Techniker Krankenkasse", "TK", "BARMER", "DAK-Gesundheit", "IKK classic", "KKH", "hkk", "BKK Mobil Oil", "Debeka (privat)", "Allianz Private Krankenversicherung", "SBK", "HEK"}
var konfessionen = []string{"römisch-katholisch", "evangelisch", "konfessionslos", "konfessionslos", "ev.", "rk", "muslimisch", "orthodox", "neuapostolisch", "jüdisch", "ohne"}

var germanSchema = schemaDef{
	name: "crm_de", engine: "postgres",
	style: "German in-house CRM (kunden, bestellungen, ansprechpartner, mitarbeiter), PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("DE", 16, "AT", 2, "CH", 1)
		vc := "character varying"
		return []tableDef{
			{name: "kunden", people: people, cols: []colDef{
				col("kundennr", "integer", None, seq(100001)),
				col("anrede", vc+"(10)", "gender", func(r *row) string {
					if r.g.chance(0.02) {
						return "Divers"
					}
					return r.p.gender([]string{"Herr", "Frau"})
				}),
				col("vorname", vc+"(50)", "person_name", firstV),
				col("nachname", vc+"(50)", "person_name", lastV),
				col("strasse", vc+"(100)", "postal_address", lineV),
				col("plz", vc+"(5)", "postal_code", postcodeV),
				col("ort", vc+"(50)", "city", cityV),
				col("land", vc+"(2)", "country", countryISO),
				col("geb_datum", "date", "date_of_birth", dobV).sparse(0.3),
				col("telefon", vc+"(30)", "phone", phoneMixV(false, "national", "alt")).sparse(0.3),
				col("handy", vc+"(30)", "phone", phoneMixV(true, "national", "alt", "intl")).sparse(0.35),
				col("email", vc+"(100)", "email", emailV).sparse(0.15),
				col("steuer_id", vc+"(11)", "national_id", func(r *row) string {
					if r.p.code != "DE" {
						return ""
					}
					return r.g.steuerID()
				}).sparse(0.5),
				col("iban", vc+"(34)", "iban_bank_account", ibanV("grouped")).sparse(0.3),
				col("bic", vc+"(11)", "iban_bank_account", oneOf("COBADEFFXXX", "DEUTDEFFXXX", "GENODEF1S04", "BYLADEM1001", "HYVEDEMMXXX", "PBNKDEFFXXX", "INGDDEFFXXX", "SOLADEST600")).sparse(0.3),
				col("kontoinhaber", vc+"(70)", "person_name", fullV).sparse(0.5),
				col("krankenkasse", vc+"(60)", "health", oneOf(krankenkassen...)).sparse(0.6),
				col("versichertennummer", vc+"(10)", "health", func(r *row) string { return r.g.kvnr() }).sparse(0.6),
				col("konfession", vc+"(30)", "religion_or_belief", oneOf(konfessionen...)).sparse(0.7),
				col("bemerkung", "text", "free_text_may_contain_pii", notesV("de", 0.5)).sparse(0.6),
				col("newsletter", "boolean", None, pgBool(0.3)),
				col("werbesperre", "boolean", None, pgBool(0.08)),
				col("kundengruppe", vc+"(1)", None, oneOf("A", "B", "B", "C", "C", "C")),
				col("erstellt_am", "timestamp without time zone", None, tsV),
				col("geaendert_am", "timestamp without time zone", None, tsV),
				col("geloescht", "boolean", None, pgBool(0.02)),
			}},
			{name: "bestellungen", people: people, cols: []colDef{
				col("bestellnr", vc+"(20)", None, func(r *row) string { return fmt.Sprintf("B-%d-%05d", 2021+r.g.intn(5), r.g.between(1, 99999)) }),
				col("kunden_id", "integer", None, intRange(100001, 100700)),
				col("bestelldatum", "timestamp without time zone", None, tsV),
				col("betrag", "numeric(10,2)", None, moneyV(4.9, 1890)),
				col("waehrung", vc+"(3)", None, constant("EUR")),
				col("status", vc+"(20)", None, oneOf("offen", "bezahlt", "versandt", "geliefert", "storniert", "retour")),
				col("zahlungsart", vc+"(20)", None, oneOf("Rechnung", "Lastschrift", "PayPal", "Kreditkarte", "Vorkasse", "Klarna")),
				col("lieferadresse", "text", "postal_address", func(r *row) string { return r.p.line + ", " + r.p.postcode + " " + r.p.city }).sparse(0.3),
				col("versandland", vc+"(2)", None, oneOf("DE", "DE", "DE", "DE", "AT", "CH")),
				col("sendungsnummer", vc+"(30)", None, func(r *row) string { return "00340434" + r.g.digits(12) }).sparse(0.3),
			}},
			{name: "ansprechpartner", people: people, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("firma_id", "integer", None, intRange(1, 300)),
				col("vorname", vc+"(50)", "person_name", firstV),
				col("nachname", vc+"(50)", "person_name", lastV),
				col("position", vc+"(80)", "employment", oneOf("Geschäftsführer", "Einkaufsleiter", "Buchhaltung", "Leitung Vertrieb", "Prokurist", "Assistenz der Geschäftsführung", "IT-Leiter", "Sachbearbeiterin Einkauf", "Inhaber")),
				col("durchwahl", vc+"(30)", "phone", phoneV(false, "alt")),
				col("email", vc+"(100)", "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@" + pick(r.g, []string{"mueller-logistik.de", "kraft-bau.de", "alpen-energie.at", "helios-medical.de", "rheinland-textil.de"})
				}),
				col("aktiv", "boolean", None, pgBool(0.9)),
			}},
			{name: "mitarbeiter", rows: 150, people: mixOf("DE", 1), cols: []colDef{
				col("personalnr", vc+"(8)", None, func(r *row) string { return fmt.Sprintf("P%05d", 100+r.i) }),
				col("vorname", vc+"(50)", "person_name", firstV),
				col("nachname", vc+"(50)", "person_name", lastV),
				col("geburtsdatum", "date", "date_of_birth", func(r *row) string { return dateText(r.g.day(1960, 2005)) }),
				col("steuer_id", vc+"(11)", "national_id", func(r *row) string { return r.g.steuerID() }),
				col("sv_nummer", vc+"(16)", "national_id", func(r *row) string { return r.g.rvnr(r.p.last, r.p.female, r.p.birth) }),
				col("krankenkasse", vc+"(60)", "health", oneOf(krankenkassen...)),
				col("kirchensteuermerkmal", vc+"(4)", "religion_or_belief", oneOf("rk", "ev", "--", "--", "--", "ak", "lt", "ib")),
				col("steuerklasse", "smallint", "salary_financial", oneOf("1", "1", "3", "4", "5", "2")),
				col("bruttogehalt", "numeric(10,2)", "salary_financial", moneyV(2100, 9800)),
				col("iban", vc+"(34)", "iban_bank_account", ibanV("plain")),
				col("eintrittsdatum", "date", "employment", func(r *row) string { return dateText(r.g.day(1995, 2025)) }),
				col("abteilung", vc+"(40)", "employment", oneOf("Vertrieb", "Buchhaltung", "Lager", "Einkauf", "IT", "Personal", "Geschäftsleitung", "Kundenservice")),
				col("gewerkschaft", vc+"(30)", "trade_union", oneOf("ver.di", "IG Metall", "IG BCE", "NGG", "keine")).sparse(0.7),
				col("schwerbehindert", "boolean", "health", pgBool(0.08)),
				col("grad_der_behinderung", "smallint", "health", oneOf("30", "50", "50", "60", "70", "80", "100")).sparse(0.9),
				col("krankheitstage", "smallint", "health", intRange(0, 45)),
				col("fuehrungszeugnis", vc+"(40)", "criminal", oneOf("liegt vor – ohne Eintrag", "liegt vor – ohne Eintrag", "liegt vor – ohne Eintrag", "liegt vor – mit Eintrag", "angefordert")).sparse(0.5),
				col("austritt", "date", "employment", dateV).sparse(0.85),
			}},
		}
	},
}

var frenchSchema = schemaDef{
	name: "crm_fr", engine: "mysql",
	style: "French in-house CRM of a home-renovation firm (clients, rendez_vous, factures), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("FR", 12, "BE", 1)
		return []tableDef{
			{name: "clients", people: people, cols: []colDef{
				col("id_client", "int", None, seq(1)),
				col("civilite", "varchar(5)", "gender", func(r *row) string { return r.p.gender([]string{"M.", pick(r.g, []string{"Mme", "Mme", "Mlle"})}) }),
				col("prenom", "varchar(50)", "person_name", firstV),
				col("nom", "varchar(50)", "person_name", func(r *row) string {
					if r.g.chance(0.5) {
						return strings.ToUpper(r.p.last)
					}
					return r.p.last
				}),
				col("nom_naissance", "varchar(50)", "person_name", func(r *row) string {
					if !r.p.female {
						return ""
					}
					return strings.ToUpper(pick(r.g, localeFR.surnames))
				}).sparse(0.5),
				col("adresse", "varchar(255)", "postal_address", lineV),
				col("complement_adresse", "varchar(255)", "postal_address", oneOf("Bât. A", "Résidence Les Pins", "Apt 12", "3e étage gauche", "Lieu-dit Le Moulin", "BP 12")).sparse(0.8),
				col("code_postal", "char(5)", "postal_code", postcodeV),
				col("ville", "varchar(80)", "city", func(r *row) string { return strings.ToUpper(r.p.city) }),
				col("pays", "varchar(50)", "country", func(r *row) string { return r.p.countryNative() }),
				col("date_naissance", "date", "date_of_birth", dobV).sparse(0.4),
				col("lieu_naissance", "varchar(80)", "city", func(r *row) string { return newPerson(r.g, "FR").city }).sparse(0.6),
				col("telephone", "varchar(20)", "phone", phoneMixV(false, "national", "alt")).sparse(0.3),
				col("portable", "varchar(20)", "phone", phoneMixV(true, "national", "alt", "intl")).sparse(0.2),
				col("courriel", "varchar(100)", "email", emailV).sparse(0.2),
				col("num_secu", "varchar(21)", "national_id", func(r *row) string {
					if r.p.code != "FR" {
						return ""
					}
					n := r.g.nir(r.p.female, r.p.birth)
					if r.g.chance(0.5) {
						return formatNIR(n)
					}
					return n
				}).sparse(0.5),
				col("numero_fiscal", "varchar(13)", "tax_id", func(r *row) string { return strconv.Itoa(r.g.between(0, 3)) + r.g.digits(12) }).sparse(0.6),
				col("revenu_fiscal_reference", "int", "salary_financial", intRange(9000, 95000)).sparse(0.6),
				col("iban", "varchar(34)", "iban_bank_account", ibanV("grouped")).sparse(0.5),
				col("mutuelle", "varchar(60)", "health", oneOf("MGEN", "Harmonie Mutuelle", "AXA Santé", "Malakoff Humanis", "MAAF Santé", "Mutuelle Générale", "Aucune", "CSS (complémentaire santé solidaire)")).sparse(0.6),
				col("optin_newsletter", "tinyint(1)", None, myBool(0.4)),
				col("statut", "varchar(20)", None, oneOf("prospect", "client", "client", "perdu", "inactif")),
				col("commentaire", "text", "free_text_may_contain_pii", notesV("fr", 0.5)).sparse(0.5),
				col("date_creation", "datetime", None, tsV),
			}},
			{name: "rendez_vous", people: people, cols: []colDef{
				col("id_rdv", "int", None, seq(1)),
				col("id_client", "int", None, intRange(1, 650)),
				col("date_rdv", "datetime", None, tsV),
				col("motif", "varchar(80)", None, oneOf("Isolation des combles", "Pompe à chaleur", "Audit énergétique", "Remplacement fenêtres", "Panneaux solaires", "Chaudière gaz")),
				col("conseiller", "varchar(80)", "person_name", oneOf("Julien Mercier", "Sophie Garnier", "Karim Benali", "Élodie Faure", "Thomas Roux", "Nathalie Blanc")),
				col("notes", "text", "free_text_may_contain_pii", notesV("fr", 0.55)).sparse(0.3),
				col("statut", "varchar(20)", None, oneOf("planifié", "réalisé", "annulé", "reporté")),
			}},
			{name: "factures", cols: []colDef{
				col("numero_facture", "varchar(20)", None, func(r *row) string { return fmt.Sprintf("FA-%d-%06d", 2021+r.g.intn(5), r.g.between(1, 999999)) }),
				col("id_client", "int", None, intRange(1, 650)),
				col("date_facture", "date", None, dateV),
				col("montant_ht", "decimal(10,2)", None, moneyV(150, 24000)),
				col("taux_tva", "decimal(4,2)", None, oneOf("20.00", "10.00", "5.50")),
				col("montant_ttc", "decimal(10,2)", None, moneyV(180, 28800)),
				col("statut", "varchar(20)", None, oneOf("émise", "payée", "en retard", "annulée")),
				col("mode_paiement", "varchar(20)", None, oneOf("virement", "chèque", "CB", "prélèvement")),
			}},
		}
	},
}

var spanishSchema = schemaDef{
	name: "crm_es", engine: "mysql",
	style: "Spanish in-house CRM (clientes, pedidos), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("ES", 1)
		return []tableDef{
			{name: "clientes", people: people, cols: []colDef{
				col("id_cliente", "int", None, seq(1)),
				col("nombre", "varchar(50)", "person_name", firstV),
				col("apellidos", "varchar(100)", "person_name", lastV),
				col("dni", "varchar(9)", "national_id", natIDV),
				col("sexo", "char(1)", "gender", func(r *row) string { return r.p.gender([]string{"H", "M"}) }).sparse(0.2),
				col("fecha_nacimiento", "date", "date_of_birth", dobV).sparse(0.3),
				col("telefono", "varchar(15)", "phone", phoneMixV(false, "national", "digits")).sparse(0.4),
				col("movil", "varchar(15)", "phone", phoneMixV(true, "national", "digits", "alt")).sparse(0.15),
				col("correo_electronico", "varchar(100)", "email", emailV).sparse(0.15),
				col("direccion", "varchar(150)", "postal_address", lineV),
				col("codigo_postal", "char(5)", "postal_code", postcodeV),
				col("poblacion", "varchar(60)", "city", cityV),
				col("provincia", "varchar(40)", "postal_address", regionV),
				col("iban", "varchar(34)", "iban_bank_account", ibanV("grouped")).sparse(0.4),
				col("tarjeta", "varchar(19)", "payment_card", func(r *row) string { return formatCard(r.g.card(), pick(r.g, []string{"", "space"})) }).sparse(0.8),
				col("cvv", "varchar(4)", "card_security_code", func(r *row) string { return r.g.digits(3) }).sparse(0.8),
				col("observaciones", "text", "free_text_may_contain_pii", notesV("es", 0.5)).sparse(0.5),
				col("acepta_publicidad", "tinyint(1)", None, myBool(0.35)),
				col("baja", "tinyint(1)", None, myBool(0.05)),
				col("origen", "varchar(20)", None, oneOf("web", "tienda", "teléfono", "feria", "recomendación")),
				col("fecha_alta", "datetime", None, tsV),
			}},
			{name: "pedidos", cols: []colDef{
				col("num_pedido", "varchar(15)", None, func(r *row) string { return fmt.Sprintf("PED%07d", r.g.between(1, 9999999)) }),
				col("id_cliente", "int", None, intRange(1, 650)),
				col("fecha", "datetime", None, tsV),
				col("importe", "decimal(10,2)", None, moneyV(5, 2500)),
				col("estado", "varchar(20)", None, oneOf("pendiente", "pagado", "enviado", "entregado", "cancelado", "devuelto")),
				col("pais_envio", "char(2)", None, oneOf("ES", "ES", "ES", "PT", "FR", "AD")),
				col("transportista", "varchar(20)", None, oneOf("SEUR", "MRW", "Correos Express", "GLS", "Nacex")),
			}},
		}
	},
}

var italianSchema = schemaDef{
	name: "crm_it", engine: "postgres",
	style: "Italian in-house CRM (anagrafica_clienti, fornitori), PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("IT", 1)
		vc := "character varying"
		return []tableDef{
			{name: "anagrafica_clienti", people: people, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("cognome", vc+"(60)", "person_name", lastV),
				col("nome", vc+"(60)", "person_name", firstV),
				col("codice_fiscale", "character(16)", "national_id", func(r *row) string { return r.p.codiceFiscale() }),
				col("sesso", "character(1)", "gender", func(r *row) string { return r.p.gender([]string{"M", "F"}) }),
				col("data_nascita", "date", "date_of_birth", dobV),
				col("luogo_nascita", vc+"(60)", "city", func(r *row) string { return pick(r.g, italianComuni).name }),
				col("indirizzo", vc+"(120)", "postal_address", func(r *row) string { return r.p.street }),
				col("civico", vc+"(10)", "postal_address", func(r *row) string { return r.p.houseNo }),
				col("cap", "character(5)", "postal_code", postcodeV),
				col("citta", vc+"(60)", "city", cityV),
				col("provincia", "character(2)", "postal_address", regionV),
				col("telefono", vc+"(20)", "phone", phoneV(false, "national")).sparse(0.5),
				col("cellulare", vc+"(20)", "phone", phoneMixV(true, "national", "intl", "digits")).sparse(0.2),
				col("email", vc+"(100)", "email", emailV).sparse(0.2),
				col("pec", vc+"(100)", "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@" + pick(r.g, []string{"pec.it", "legalmail.it", "postecert.it", "arubapec.it"})
				}).sparse(0.8),
				col("iban", vc+"(27)", "iban_bank_account", ibanV("plain")).sparse(0.4),
				col("partita_iva", "character(11)", "tax_id", func(r *row) string { return r.g.digits(11) }).sparse(0.85),
				col("note", "text", "free_text_may_contain_pii", notesV("it", 0.5)).sparse(0.6),
				col("consenso_privacy", "boolean", None, pgBool(0.97)),
				col("consenso_marketing", "boolean", None, pgBool(0.4)),
				col("data_inserimento", "timestamp without time zone", None, tsV),
			}},
			{name: "fornitori", rows: 80, people: mixOf("IT", 1), cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("ragione_sociale", vc+"(120)", None, orgV(mixOf("IT", 1), func(o org) string { return o.name })),
				col("partita_iva", "character(11)", None, func(r *row) string { return r.g.digits(11) }),
				col("indirizzo", vc+"(120)", None, orgV(mixOf("IT", 1), func(o org) string { return o.line })),
				col("cap", "character(5)", None, orgV(mixOf("IT", 1), func(o org) string { return o.postcode })),
				col("citta", vc+"(60)", None, orgV(mixOf("IT", 1), func(o org) string { return o.city })),
				col("telefono", vc+"(20)", None, orgV(mixOf("IT", 1), func(o org) string { return o.phone })),
				col("email", vc+"(100)", None, orgV(mixOf("IT", 1), func(o org) string { return o.email })),
				col("iban", vc+"(27)", None, func(r *row) string { return r.g.iban("IT") }),
				col("categoria", vc+"(40)", None, oneOf("Materie prime", "Logistica", "Servizi IT", "Imballaggi", "Consulenza")),
			}},
		}
	},
}

var dutchSchema = schemaDef{
	name: "crm_nl", engine: "postgres",
	style: "Dutch in-house CRM of a subscription business (klanten, abonnementen), PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("NL", 9, "BE", 1)
		vc := "character varying"
		return []tableDef{
			{name: "klanten", people: people, cols: []colDef{
				col("klantnummer", "integer", None, seq(500001)),
				col("voornaam", vc+"(50)", "person_name", firstV),
				col("tussenvoegsel", vc+"(10)", "person_name", func(r *row) string { prefix, _ := splitDutch(r.p.last); return prefix }),
				col("achternaam", vc+"(60)", "person_name", func(r *row) string { _, rest := splitDutch(r.p.last); return rest }),
				col("geslacht", "character(1)", "gender", func(r *row) string { return r.p.gender([]string{"M", "V"}) }),
				col("geboortedatum", "date", "date_of_birth", dobV).sparse(0.2),
				col("bsn", "character(9)", "national_id", func(r *row) string {
					if r.p.code != "NL" {
						return ""
					}
					return r.g.bsn()
				}).sparse(0.6),
				col("straat", vc+"(80)", "postal_address", func(r *row) string { return r.p.street }),
				col("huisnummer", vc+"(10)", "postal_address", func(r *row) string { return r.p.houseNo }),
				col("postcode", vc+"(7)", "postal_code", postcodeV),
				col("woonplaats", vc+"(60)", "city", cityV),
				col("land", vc+"(2)", "country", countryISO),
				col("telefoonnummer", vc+"(20)", "phone", phoneMixV(false, "national", "alt")).sparse(0.5),
				col("mobiel", vc+"(20)", "phone", phoneMixV(true, "national", "alt", "e164")).sparse(0.2),
				col("emailadres", vc+"(100)", "email", emailV),
				col("iban", vc+"(34)", "iban_bank_account", ibanV("grouped")),
				col("opmerkingen", "text", "free_text_may_contain_pii", notesV("nl", 0.5)).sparse(0.6),
				col("nieuwsbrief", "boolean", None, pgBool(0.35)),
				col("aangemaakt_op", "timestamp without time zone", None, tsV),
			}},
			{name: "abonnementen", cols: []colDef{
				col("abonnement_id", "integer", None, seq(1)),
				col("klant_id", "integer", None, intRange(500001, 500700)),
				col("product", vc+"(40)", None, oneOf("Maaltijdbox 2p", "Maaltijdbox 4p", "Fruitbox", "Koffieabonnement", "Weekendkrant")),
				col("ingangsdatum", "date", None, dateV),
				col("einddatum", "date", None, dateV).sparse(0.7),
				col("maandbedrag", "numeric(8,2)", None, moneyV(9.99, 89.99)),
				col("status", vc+"(12)", None, oneOf("actief", "actief", "gepauzeerd", "opgezegd")),
				col("betaalwijze", vc+"(20)", None, oneOf("incasso", "iDEAL", "creditcard", "acceptgiro")),
			}},
		}
	},
}

// splitDutch splits a Dutch surname into its tussenvoegsel and the rest.
func splitDutch(last string) (prefix, rest string) {
	for _, p := range dutchPrefixes {
		if strings.HasPrefix(last, p+" ") && len(p) > len(prefix) {
			prefix = p
		}
	}
	if prefix == "" {
		return "", last
	}
	return prefix, strings.TrimPrefix(last, prefix+" ")
}

var polishSchema = schemaDef{
	name: "crm_pl", engine: "mysql",
	style: "Polish in-house CRM (klienci, zamowienia), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("PL", 1)
		return []tableDef{
			{name: "klienci", people: people, cols: []colDef{
				col("id", "int", None, seq(1)),
				col("imie", "varchar(40)", "person_name", firstV),
				col("nazwisko", "varchar(60)", "person_name", func(r *row) string {
					if r.p.female && strings.HasSuffix(r.p.last, "ski") {
						return strings.TrimSuffix(r.p.last, "ski") + "ska"
					}
					return r.p.last
				}),
				col("pesel", "char(11)", "national_id", natIDV),
				col("nr_dowodu", "varchar(9)", "national_id", func(r *row) string { return r.g.polishIDCard() }).sparse(0.6),
				col("nip", "varchar(13)", "tax_id", func(r *row) string { return r.g.nip() }).sparse(0.85),
				col("plec", "char(1)", "gender", func(r *row) string { return r.p.gender([]string{"M", "K"}) }),
				col("data_urodzenia", "date", "date_of_birth", dobV),
				col("ulica", "varchar(80)", "postal_address", func(r *row) string { return r.p.street }),
				col("nr_domu", "varchar(10)", "postal_address", func(r *row) string {
					if r.g.chance(0.5) {
						return r.p.houseNo + "/" + strconv.Itoa(r.g.between(1, 60))
					}
					return r.p.houseNo
				}),
				col("kod_pocztowy", "char(6)", "postal_code", postcodeV),
				col("miejscowosc", "varchar(60)", "city", cityV),
				col("wojewodztwo", "varchar(30)", "postal_address", regionV).sparse(0.3),
				col("telefon", "varchar(20)", "phone", phoneMixV(true, "national", "alt", "intl")),
				col("email", "varchar(100)", "email", emailV).sparse(0.2),
				col("nr_konta", "varchar(32)", "iban_bank_account", func(r *row) string {
					s := r.g.iban("PL")[2:]
					if r.g.chance(0.5) {
						return s[:2] + " " + synth.GroupEvery(s[2:], 4, " ")
					}
					return s
				}).sparse(0.5),
				col("uwagi", "text", "free_text_may_contain_pii", notesV("pl", 0.5)).sparse(0.6),
				col("zgoda_marketing", "tinyint(1)", None, myBool(0.3)),
				col("data_utworzenia", "datetime", None, tsV),
			}},
			{name: "zamowienia", cols: []colDef{
				col("numer", "varchar(20)", None, func(r *row) string { return fmt.Sprintf("ZAM/%d/%05d", 2021+r.g.intn(5), r.g.between(1, 99999)) }),
				col("klient_id", "int", None, intRange(1, 700)),
				col("data", "datetime", None, tsV),
				col("kwota", "decimal(10,2)", None, moneyV(9, 4000)),
				col("waluta", "char(3)", None, constant("PLN")),
				col("status", "varchar(20)", None, oneOf("nowe", "opłacone", "wysłane", "dostarczone", "anulowane")),
			}},
		}
	},
}

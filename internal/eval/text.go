package eval

import (
	"strings"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// Free text as CRM users write it: call notes, ticket bodies, comments. Some notes embed
// personal data (a phone number, an email, an IBAN, a health or religious remark about
// the customer), most do not. A notes column is labelled free_text_may_contain_pii when
// its values embed personal data; product descriptions and release notes are not.

type textLang struct {
	pii   []string // templates that embed personal data of the row's person
	plain []string // templates that do not
}

var noteTemplates = map[string]textLang{
	"en": {
		pii: []string{
			"Customer called, please call back on {mobile} after 5pm.",
			"New email address: {email} (old one bounces).",
			"Spoke with {first} - moving to {city} next month, update address to {street}.",
			"Asked us to debit {iban} from now on.",
			"Mentioned she is undergoing chemotherapy, postpone the renewal call.",
			"Prefers contact via WhatsApp {mobile}.",
			"{full} is a diabetic, send the sugar-free catalogue.",
			"Wife {first2} handles the account, her number is {mobile}.",
			"Card on file {card} expired, asked for a new one.",
			"Complained on the phone; reach him at {phone} or {email}.",
		},
		plain: []string{
			"Sent brochure and price list.", "Follow up in Q3.", "Interested in the premium plan.",
			"Renewal due next month.", "No answer, left voicemail.", "Requested a demo for the team.",
			"Discount of 10% approved by sales manager.", "Invoice resent.", "Meeting rescheduled.",
			"Prefers quarterly billing.", "Downgraded to basic plan.", "Upsell opportunity: extra seats.",
		},
	},
	"de": {
		pii: []string{
			"Rückruf erbeten unter {mobile}.",
			"Neue E-Mail-Adresse: {email}",
			"Kunde ist umgezogen nach {city}, neue Anschrift: {street}.",
			"Bankverbindung geändert, neue IBAN {iban}.",
			"Kundin ist seit März krankgeschrieben (Bandscheibenvorfall), Termin verschoben.",
			"Herr {last} ist Diabetiker, bitte zuckerfreie Produkte anbieten.",
			"Erreichbar am besten abends unter {phone}.",
			"Ehefrau {first2} ruft an, Handy {mobile}.",
			"Kunde ist aus der Kirche ausgetreten, Kirchensteuer entfällt.",
			"Schwerbehindert (GdB 50), Zustellung bitte ins Erdgeschoss.",
		},
		plain: []string{
			"Katalog zugesandt.", "Angebot erstellt, Wiedervorlage in 2 Wochen.", "Kein Interesse.",
			"Termin verschoben.", "Rechnung storniert und neu erstellt.", "Zahlung per Lastschrift vereinbart.",
			"Mahnung versendet.", "Rabatt 5 % gewährt.", "Lieferung erfolgt in KW 32.", "Reklamation erledigt.",
		},
	},
	"fr": {
		pii: []string{
			"Rappeler au {mobile} après 18h.",
			"Nouvelle adresse mail : {email}",
			"Le client a déménagé à {city}, nouvelle adresse {street}.",
			"Changement de RIB, nouvel IBAN {iban}.",
			"Client en arrêt maladie jusqu'à fin du mois, reporter la visite.",
			"Mme {last} est enceinte, éviter les travaux d'isolation pour l'instant.",
			"Joignable au {phone} ou par mail {email}.",
			"Son épouse {first2} gère le dossier, portable {mobile}.",
		},
		plain: []string{
			"Devis envoyé.", "Relance prévue dans 15 jours.", "Pas intéressé pour le moment.",
			"Rendez-vous reporté.", "Facture renvoyée.", "Dossier complet, en attente de validation.",
			"Paiement en trois fois accepté.", "Visite technique effectuée.",
		},
	},
	"es": {
		pii: []string{
			"Llamar al {mobile} por la tarde.",
			"Nuevo correo: {email}",
			"Se ha mudado a {city}, nueva dirección {street}.",
			"Cambio de cuenta, nuevo IBAN {iban}.",
			"El cliente está de baja médica, aplazar la visita.",
			"Contactar con su mujer {first2} en el {mobile}.",
		},
		plain: []string{
			"Enviado presupuesto.", "Volver a llamar en septiembre.", "No le interesa.",
			"Pedido entregado sin incidencias.", "Factura reenviada.", "Cliente satisfecho con el servicio.",
		},
	},
	"it": {
		pii: []string{
			"Richiamare al {mobile} dopo le 18.",
			"Nuova email: {email}",
			"Trasferito a {city}, nuovo indirizzo {street}.",
			"Nuovo IBAN per addebito: {iban}.",
			"Cliente in malattia, rimandare l'appuntamento.",
			"Contattare la moglie {first2} al {mobile}.",
		},
		plain: []string{
			"Inviato preventivo.", "Richiamare a settembre.", "Non interessato.",
			"Fattura reinviata.", "Consegna effettuata.", "Pagamento con bonifico.",
		},
	},
	"nl": {
		pii: []string{
			"Graag terugbellen op {mobile}.",
			"Nieuw e-mailadres: {email}",
			"Verhuisd naar {city}, nieuw adres {street}.",
			"Nieuw rekeningnummer {iban} voor de incasso.",
			"Klant is langdurig ziek, afspraak uitgesteld.",
		},
		plain: []string{
			"Offerte verstuurd.", "Terugbellen na de zomer.", "Geen interesse.",
			"Factuur opnieuw verstuurd.", "Opzegging verwerkt.", "Betaling ontvangen.",
		},
	},
	"pl": {
		pii: []string{
			"Oddzwonić pod numer {mobile}.",
			"Nowy adres e-mail: {email}",
			"Przeprowadzka do {city}, nowy adres {street}.",
			"Zmiana konta, nowy numer {iban}.",
			"Klient na zwolnieniu lekarskim, przełożyć spotkanie.",
		},
		plain: []string{
			"Wysłano ofertę.", "Zadzwonić we wrześniu.", "Brak zainteresowania.",
			"Faktura wysłana ponownie.", "Reklamacja rozpatrzona.", "Płatność otrzymana.",
		},
	},
	"ticket": {
		pii: []string{
			"Hi, I can't log in with {email}. Please call me at {mobile}. Thanks, {first}",
			"Please delete all my personal data (GDPR Art. 17). My account email is {email}.",
			"I was charged twice, please refund to IBAN {iban}.",
			"My order went to the wrong address, the correct one is {street}, {city}.",
			"Hello, this is {full}. My new phone number is {mobile}, please update my profile.",
			"I'm in hospital until next week and can't take calls, please email {email} instead.",
			"Card {card} was declined but the money is gone.",
			"Please send the invoice to my wife {first2} ({email}).",
		},
		plain: []string{
			"The export button does nothing in Firefox.", "How do I add a second user to our account?",
			"API returns 500 on /v2/contacts since this morning.", "Feature request: dark mode for the dashboard.",
			"The invoice PDF is blank.", "Password reset link has expired, please send a new one.",
			"Can we change our plan to annual billing?", "Sync with Google Calendar stopped working.",
			"Where can I find the API documentation?", "The mobile app crashes on start after the update.",
		},
	},
	"zh": {
		pii: []string{
			"客户要求回电：{mobile}",
			"新邮箱：{email}",
			"客户已搬到{city}，新地址：{street}",
			"客户有糖尿病，推荐无糖产品。",
			"联系其妻子，电话{mobile}。",
			"客户信仰伊斯兰教，注意清真要求。",
		},
		plain: []string{
			"已发送报价。", "下月跟进。", "客户暂无需求。", "已重新开具发票。", "订单已发货。", "客户对服务满意。",
		},
	},
}

func expandText(r *row, tmpl string) string {
	if !strings.Contains(tmpl, "{") {
		return tmpl
	}
	p := r.p
	second := newPerson(r.g, p.code) // a relative or colleague mentioned in passing
	fill := map[string]string{
		"mobile": p.phone(true).format(pick(r.g, []string{"national", "intl", "e164"})),
		"phone":  p.phone(false).format("national"),
		"email":  p.email, "first": p.first, "first2": second.first, "last": p.last, "full": p.full(),
		"city": p.city, "street": p.line,
		"iban": synth.GroupIBAN(r.g.iban(ibanCountry(p.code))),
		"card": formatCard(r.g.card(), "space"),
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		j := strings.IndexByte(tmpl, '}')
		if i < 0 || j < i {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		b.WriteString(fill[tmpl[i+1:j]])
		tmpl = tmpl[j+1:]
	}
}

func ibanCountry(code string) string {
	if _, ok := ibanLength[code]; ok {
		return code
	}
	return "DE"
}

// notesV returns notes in a language; piiShare of them embed personal data.
func notesV(lang string, piiShare float64) func(r *row) string {
	t := noteTemplates[lang]
	return func(r *row) string {
		if r.g.chance(piiShare) {
			return expandText(r, pick(r.g, t.pii))
		}
		return pick(r.g, t.plain)
	}
}

// plainTextV returns text that embeds no personal data: product copy, release notes.
func plainTextV(sentences ...string) func(r *row) string {
	return func(r *row) string {
		n := r.g.between(1, 3)
		parts := make([]string, n)
		for i := range parts {
			parts[i] = pick(r.g, sentences)
		}
		return strings.Join(parts, " ")
	}
}

var productSentences = []string{
	"Ergonomic design for all-day comfort.", "Made from 100% recycled aluminium.", "Compatible with all standard mounts.",
	"Includes a two-year warranty.", "Available in black, white and graphite.", "Dishwasher safe.",
	"Ships within 24 hours.", "Water resistant to 50 m.", "Powered by USB-C, 18 W fast charging.",
	"Lightweight at just 320 g.", "Certified to EN 71 safety standards.", "Version 2 adds Bluetooth 5.3.",
	"Batteries not included.", "Assembly required; tools included.", "Fits screens up to 32 inches.",
}

var releaseSentences = []string{
	"Fixed a crash when exporting large reports.", "Improved sync performance by 30%.", "Added dark mode.",
	"Updated dependencies to address CVE-2024-3094.", "New onboarding flow for teams.", "Removed the legacy v1 API.",
	"Minor UI fixes.", "Support for Android 14.", "Faster startup on older devices.", "Localisation updates (de, fr, es).",
}

var blogSentences = []string{
	"Data protection starts with knowing what you store.", "In this post we look at five ways to cut churn.",
	"Our spring release brings a faster dashboard.", "We are hiring engineers in Berlin and Lisbon.",
	"Customer success is a team sport.", "Here is how we migrated to PostgreSQL 16 without downtime.",
	"Three lessons from our first year of remote work.", "Pricing changes take effect on 1 July.",
	"Join our webinar on GDPR compliance next Thursday.", "The new API supports webhooks and pagination.",
}

package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Open-source CRMs and sample databases as they are really built: CiviCRM (contacts split
// over civicrm_email/phone/address/im/openid, option values and message templates),
// vtiger (vtiger_crmentity holding every record's description and label, detail tables),
// Dolibarr (llx_ prefix, llx_c_* dictionaries, llx_const settings) and an
// AdventureWorks-like HR and sales schema (pay history, sales people, credit cards).
//
// Each has the organisation's own texts (event and page texts, templates, option values,
// currencies, status types) that are not about anybody, and person tables whose clearly
// named columns are empty or hold foreign-key codes in the sample (suffix_id, gender_id,
// country_id, legal_identifier): those are personal data by name.

// empty makes every sampled value of the column NULL: fields a CRM has but nobody fills.
func (c colDef) empty() colDef { c.null = 1; return c }

// orgMail is a role address of the organisation that runs the CRM.
func orgMail(domain string, roles ...string) func(r *row) string {
	return func(r *row) string { return pick(r.g, roles) + "@" + domain }
}

// Texts organisations write once and show to everybody.
var (
	eventTitles = []string{"Annual Members' Meeting", "Spring Fundraising Gala", "Volunteer Induction Evening", "Beach Clean-up Day", "Webinar: Gift Aid Explained", "Autumn Conference 2025", "Charity Fun Run", "Open Day at the Reserve"}
	eventTexts  = []string{
		"Join us for an evening of talks, food and music.", "Registration closes one week before the event.",
		"Please bring sturdy shoes and a water bottle.", "Tickets include lunch and refreshments.",
		"The venue is wheelchair accessible.", "Parking is available on site.",
		"All proceeds go to our conservation projects.", "Places are limited, so book early.",
		"Doors open at 18:30; the programme starts at 19:00.", "Children under 12 go free.",
	}
	confirmTexts = []string{
		"Thank you for registering. You will receive a confirmation email shortly.",
		"Your registration is complete. We look forward to seeing you there.",
		"Please review your details below and click Continue to complete your registration.",
		"Thank you for your generous support!", "Your payment has been received.",
		"Questions? Call our office or reply to this email.",
	}
	footerTexts = []string{
		"Greenfield Trust is a registered charity (no. 1098765).", "© 2025 Greenfield Trust. All rights reserved.",
		"Unsubscribe at any time using the link in our emails.", "Our privacy policy explains how we use your data.",
	}
)

var civicrmSchema = schemaDef{
	name: "civicrm", engine: "mysql",
	style: "CiviCRM 5 (civicrm_contact with greetings and coded prefix/gender/suffix, location tables, option values, message and event texts), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("GB", 5, "US", 3, "DE", 1, "NL", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		kind := func(r *row) string {
			return r.once("kind", func() string {
				switch {
				case r.g.chance(0.05):
					return "Household"
				case r.g.chance(0.06):
					return "Organization"
				}
				return "Individual"
			})
		}
		individual := func(f func(r *row) string) func(r *row) string {
			return func(r *row) string {
				if kind(r) != "Individual" {
					return ""
				}
				return f(r)
			}
		}
		prefix := func(r *row) string { return r.p.gender([]string{"Mr.", "Ms."}) }
		return []tableDef{
			{name: "civicrm_contact", people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_type", v(64), None, kind),
				col("contact_sub_type", v(255), None, oneOf("\x01Student\x01", "\x01Parent\x01", "\x01Staff\x01")).sparse(0.9),
				col("do_not_email", "tinyint(4)", None, myBool(0.05)),
				col("do_not_phone", "tinyint(4)", None, myBool(0.04)),
				col("do_not_mail", "tinyint(4)", None, myBool(0.03)),
				col("is_opt_out", "tinyint(4)", None, myBool(0.08)),
				col("legal_identifier", v(32), "national_id", constant("")).empty(),
				col("external_identifier", v(64), "username", constant("")).empty(),
				col("sort_name", v(128), "person_name", func(r *row) string {
					switch kind(r) {
					case "Household":
						return r.p.last + " Family"
					case "Organization":
						return newOrg(r.g, r.p.code).name
					}
					return r.p.last + ", " + r.p.first
				}),
				col("display_name", v(128), "person_name", func(r *row) string {
					switch kind(r) {
					case "Household":
						return r.p.last + " Family"
					case "Organization":
						return newOrg(r.g, r.p.code).name
					}
					return prefix(r) + " " + r.p.full()
				}),
				col("nick_name", v(128), "person_name", individual(func(r *row) string { return r.p.first[:min(len(r.p.first), 3)] })).sparse(0.92),
				col("image_URL", "text", "photo_or_biometric", func(r *row) string {
					return fmt.Sprintf("https://crm.greenfield-trust.org/civicrm/contact/imagefile?photo=%s_%s.jpg", lowerASCII(r.p.latinF), r.g.hex(8))
				}).sparse(0.96),
				col("preferred_communication_method", v(255), None, oneOf("\x011\x01", "\x012\x01", "\x011\x015\x01")).sparse(0.6),
				col("preferred_language", v(5), None, oneOf("en_GB", "en_US", "de_DE")),
				col("hash", v(32), None, func(r *row) string { return r.g.hex(32) }),
				col("api_key", v(32), "password_or_secret", constant("")).empty(),
				col("source", v(255), None, oneOf("Import 2021", "Online Donation", "Event registration", "Petition signup")).sparse(0.5),
				col("first_name", v(64), "person_name", individual(firstV)),
				col("middle_name", v(64), "person_name", individual(func(r *row) string { return newPerson(r.g, r.p.code).first })).sparse(0.85),
				col("last_name", v(64), "person_name", individual(lastV)),
				col("prefix_id", "int(10) unsigned", "gender", individual(func(r *row) string { return r.p.gender([]string{"3", pick(r.g, []string{"1", "2"})}) })).sparse(0.4),
				col("suffix_id", "int(10) unsigned", "person_name", individual(oneOf("1", "2", "3", "4"))).sparse(0.98),
				col("communication_style_id", "int(10) unsigned", None, oneOf("1", "2")),
				col("email_greeting_id", "int(10) unsigned", None, constant("1")),
				col("email_greeting_display", v(255), "person_name", individual(func(r *row) string { return "Dear " + r.p.first })),
				col("postal_greeting_display", v(255), "person_name", individual(func(r *row) string { return "Dear " + prefix(r) + " " + r.p.last })),
				col("addressee_display", "text", "person_name", individual(func(r *row) string { return prefix(r) + " " + r.p.full() })),
				col("job_title", v(255), "employment", individual(oneOf(jobTitles...))).sparse(0.6),
				col("gender_id", "int(10) unsigned", "gender", individual(func(r *row) string { return r.p.gender([]string{"2", "1"}) })).sparse(0.3),
				col("birth_date", "date", "date_of_birth", individual(dobV)).sparse(0.7),
				col("is_deceased", "tinyint(4)", None, myBool(0.01)),
				col("deceased_date", "date", "date_of_birth", constant("")).empty(),
				col("household_name", v(128), "person_name", func(r *row) string {
					if kind(r) != "Household" {
						return ""
					}
					return "The " + r.p.last + " Household"
				}),
				col("organization_name", v(128), "employment", func(r *row) string {
					if kind(r) == "Household" {
						return ""
					}
					return newOrg(r.g, r.p.code).name
				}).sparse(0.6),
				col("employer_id", "int(10) unsigned", None, intRange(2, 400)).sparse(0.7),
				col("is_deleted", "tinyint(4)", None, myBool(0.02)),
				col("created_date", "timestamp", None, tsV),
				col("modified_date", "timestamp", None, tsV),
			}},
			{name: "civicrm_email", people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_id", "int(10) unsigned", None, intRange(1, 600)),
				col("location_type_id", "int(10) unsigned", None, oneOf("1", "2", "3")),
				col("email", v(254), "email", emailV),
				col("is_primary", "tinyint(4)", None, myBool(0.8)),
				col("on_hold", "tinyint(4)", None, myBool(0.03)),
				col("is_bulkmail", "tinyint(4)", None, myBool(0.1)),
				col("hold_date", "datetime", None, tsV).sparse(0.97),
				col("signature_text", "text", "free_text_may_contain_pii", func(r *row) string {
					return r.p.full() + "\n" + pick(r.g, jobTitles) + "\n" + r.p.phone(false).format("intl")
				}).sparse(0.9),
			}},
			{name: "civicrm_phone", people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_id", "int(10) unsigned", None, intRange(1, 600)),
				col("location_type_id", "int(10) unsigned", None, oneOf("1", "2", "3")),
				col("is_primary", "tinyint(4)", None, myBool(0.8)),
				col("mobile_provider_id", "int(10) unsigned", None, oneOf("1", "2")).sparse(0.98),
				col("phone", v(32), "phone", phoneMixV(false, "national", "intl")),
				col("phone_ext", v(16), "phone", func(r *row) string { return strconv.Itoa(r.g.between(10, 4999)) }).sparse(0.85),
				col("phone_numeric", v(32), "phone", func(r *row) string { return strings.TrimPrefix(r.p.phone(false).e164, "+") }),
				col("phone_type_id", "int(10) unsigned", None, oneOf("1", "2", "3")),
			}},
			{name: "civicrm_address", people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_id", "int(10) unsigned", None, intRange(1, 600)),
				col("location_type_id", "int(10) unsigned", None, oneOf("1", "2", "3")),
				col("is_primary", "tinyint(4)", None, myBool(0.8)),
				col("street_address", v(96), "postal_address", lineV),
				col("street_number", "int(11)", "postal_address", constant("")).empty(),
				col("supplemental_address_1", v(96), "postal_address", oneOf("Flat 2", "Apartment 4B", "c/o Mrs Jones", "Rose Cottage", "Unit 7")).sparse(0.8),
				col("city", v(64), "city", cityV),
				col("county_id", "int(10) unsigned", "postal_address", intRange(1, 90)).sparse(0.9),
				col("state_province_id", "int(10) unsigned", "postal_address", intRange(2590, 2720)).sparse(0.2),
				col("postal_code_suffix", v(12), "postal_code", constant("")).empty(),
				col("postal_code", v(64), "postal_code", postcodeV),
				col("country_id", "int(10) unsigned", "country", func(r *row) string {
					return map[string]string{"GB": "1226", "US": "1228", "DE": "1082", "NL": "1152"}[r.p.code]
				}),
				col("geo_code_1", "double", "geo_location", func(r *row) string { lat, _ := r.p.geo(); return fmt.Sprintf("%.6f", lat) }).sparse(0.5),
				col("geo_code_2", "double", "geo_location", func(r *row) string { _, lon := r.p.geo(); return fmt.Sprintf("%.6f", lon) }).sparse(0.5),
				col("manual_geo_code", "tinyint(4)", None, myBool(0.02)),
			}},
			{name: "civicrm_im", rows: 60, people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_id", "int(10) unsigned", None, intRange(1, 600)),
				col("location_type_id", "int(10) unsigned", None, oneOf("1", "2")),
				col("name", v(64), "username", func(r *row) string { return r.p.username }),
				col("provider_id", "int(10) unsigned", None, oneOf("1", "3", "5", "6")),
				col("is_primary", "tinyint(4)", None, myBool(0.9)),
			}},
			{name: "civicrm_openid", rows: 30, people: people, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("contact_id", "int(10) unsigned", None, intRange(1, 600)),
				col("location_type_id", "int(10) unsigned", None, oneOf("1", "2")),
				col("openid", v(255), "username", func(r *row) string { return "https://" + r.p.username + ".myopenid.com/" }),
				col("allowed_to_login", "tinyint(4)", None, myBool(0.5)),
				col("is_primary", "tinyint(4)", None, myBool(0.9)),
			}},
			{name: "civicrm_option_value", rows: 120, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("option_group_id", "int(10) unsigned", None, oneOf("3", "6", "7", "35", "2")),
				col("label", v(512), None, oneOf("Female", "Male", "Other", "Mrs.", "Ms.", "Mr.", "Dr.", "Jr.", "Sr.", "II", "Phone", "Mobile", "Fax", "Meeting", "Phone Call", "Email", "Home", "Work", "Billing")),
				col("value", v(512), None, intRange(1, 60)),
				col("name", v(255), None, oneOf("Female", "Male", "Other", "Mrs.", "Ms.", "Mr.", "Dr.", "Jr.", "Sr.", "Phone", "Mobile", "Meeting", "Phone Call", "Email", "Home", "Work")),
				col("grouping", v(255), None, oneOf("Contribution", "Event")).sparse(0.9),
				col("filter", "int(10) unsigned", None, oneOf("0", "1")),
				col("is_default", "tinyint(4)", None, myBool(0.1)),
				col("weight", "int(10) unsigned", None, intRange(1, 30)),
				col("description", "text", None, oneOf("Email sent to contact", "Phone call logged", "Meeting with contact", "Default salutation", "Used for receipts")).sparse(0.7),
				col("is_reserved", "tinyint(4)", None, myBool(0.6)),
				col("is_active", "tinyint(4)", None, myBool(0.95)),
				col("visibility_id", "int(10) unsigned", None, oneOf("1", "2")).sparse(0.5),
				col("icon", v(255), None, oneOf("fa-phone", "fa-envelope-o", "fa-slideshare", "fa-mobile")).sparse(0.7),
			}},
			{name: "civicrm_msg_template", rows: 40, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("msg_title", v(255), None, oneOf("Contributions - Receipt (on-line)", "Events - Registration Confirmation and Receipt (on-line)", "Memberships - Receipt (on-line)", "Petition - signature added", "Personal Campaign Pages - Owner Notification")),
				col("msg_subject", "text", None, oneOf("{ts}Contribution Receipt{/ts} - {contact.display_name}", "{ts}Event Confirmation{/ts} - {event.title} - {contact.display_name}", "{ts}Membership Confirmation and Receipt{/ts} - {contact.display_name}", "Thank you for signing {petition.title}")),
				col("msg_text", "longtext", None, oneOf(
					"{assign var=\"greeting\" value=\"{contact.email_greeting_display}\"}{if $greeting}{$greeting},{/if}\n\nThank you for your contribution of {contribution.total_amount}.",
					"Dear {contact.first_name},\n\nyour registration for {event.title} on {event.start_date} is confirmed.\n\n{event.confirm_email_text}",
					"{ts}Below you will find a receipt for this membership.{/ts}\n\n{ts}Membership Type{/ts}: {membership.membership_type_id:label}",
					"{contact.display_name} has signed the petition {petition.title}.")),
				col("msg_html", "longtext", None, oneOf(
					"<p>{contact.email_greeting_display},</p><p>Thank you for your contribution of {contribution.total_amount}.</p>",
					"<table><tr><td>{ts}Event{/ts}</td><td>{event.title}</td></tr><tr><td>{ts}Name{/ts}</td><td>{contact.display_name}</td></tr></table>",
					"<p>{ts}Below you will find a receipt for this membership.{/ts}</p>")),
				col("is_active", "tinyint(4)", None, myBool(0.95)),
				col("workflow_name", v(255), None, oneOf("contribution_online_receipt", "event_online_receipt", "membership_online_receipt", "petition_sign", "pcp_owner_notify")),
				col("is_default", "tinyint(4)", None, myBool(0.5)),
				col("is_reserved", "tinyint(4)", None, myBool(0.5)),
			}},
			{name: "civicrm_event", rows: 40, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("title", v(255), None, oneOf(eventTitles...)),
				col("summary", "text", None, plainTextV(eventTexts...)),
				col("description", "text", None, func(r *row) string { return "<p>" + plainTextV(eventTexts...)(r) + "</p>" }),
				col("event_type_id", "int(10) unsigned", None, oneOf("1", "2", "3", "4")),
				col("is_public", "tinyint(4)", None, myBool(0.9)),
				col("start_date", "datetime", None, tsV),
				col("end_date", "datetime", None, tsV),
				col("is_online_registration", "tinyint(4)", None, myBool(0.8)),
				col("registration_link_text", v(255), None, oneOf("Register Now", "Book your place", "Sign up")),
				col("max_participants", "int(10) unsigned", None, oneOf("50", "100", "250", "500")).sparse(0.3),
				col("event_full_text", "text", None, constant("This event is currently full.")).sparse(0.3),
				col("fee_label", v(255), None, oneOf("Ticket", "Registration fee", "Donation")),
				col("intro_text", "text", None, plainTextV(eventTexts...)),
				col("footer_text", "text", None, oneOf(footerTexts...)),
				col("confirm_title", v(255), None, oneOf("Confirm Your Registration Information", "Review your registration")),
				col("confirm_text", "text", None, oneOf(confirmTexts...)),
				col("confirm_footer_text", "text", None, oneOf(footerTexts...)).sparse(0.4),
				col("confirm_email_text", "text", None, oneOf(confirmTexts...)),
				col("confirm_from_name", v(255), None, oneOf("Greenfield Trust Events", "Greenfield Trust")),
				col("confirm_from_email", v(255), None, orgMail("greenfield-trust.org", "events", "info", "noreply")),
				col("cc_confirm", v(255), None, orgMail("greenfield-trust.org", "events", "office")).sparse(0.6),
				col("thankyou_title", v(255), None, oneOf("Thank You for Registering", "Thanks!")),
				col("thankyou_text", "text", None, oneOf(confirmTexts...)),
				col("thankyou_footer_text", "text", None, oneOf(footerTexts...)),
				col("currency", v(3), None, oneOf("GBP", "EUR", "USD")),
			}},
			{name: "civicrm_contribution_page", rows: 20, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("title", v(255), None, oneOf("Donate to Greenfield", "Become a Member", "Christmas Appeal", "Sponsor a Tree")),
				col("intro_text", "text", None, func(r *row) string { return "<p>" + plainTextV(eventTexts...)(r) + "</p>" }),
				col("financial_type_id", "int(10) unsigned", None, oneOf("1", "2", "4")),
				col("thankyou_title", v(255), None, oneOf("Thank you for your support", "Thank you!")),
				col("thankyou_text", "text", None, oneOf(confirmTexts...)),
				col("thankyou_footer", "text", None, oneOf(footerTexts...)),
				col("receipt_from_name", v(255), None, oneOf("Greenfield Trust Supporter Care", "Greenfield Trust")),
				col("receipt_from_email", v(255), None, orgMail("greenfield-trust.org", "donations", "supportercare", "info")),
				col("receipt_text", "text", None, oneOf(confirmTexts...)),
				col("footer_text", "text", None, oneOf(footerTexts...)),
				col("goal_amount", "decimal(20,2)", None, oneOf("5000.00", "10000.00", "25000.00")).sparse(0.4),
				col("currency", v(3), None, oneOf("GBP", "EUR")),
				col("is_active", "tinyint(4)", None, myBool(0.9)),
			}},
			{name: "civicrm_membership_type", rows: 12, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("name", v(128), None, oneOf("General", "Student", "Lifetime", "Family", "Corporate")),
				col("description", v(255), None, oneOf("Regular annual membership.", "Discounted membership for full-time students.", "One payment, lifelong membership.", "Covers two adults and their children.", "For organisations supporting our work.")),
				col("member_of_contact_id", "int(10) unsigned", None, constant("1")),
				col("financial_type_id", "int(10) unsigned", None, constant("2")),
				col("minimum_fee", "decimal(18,9)", None, oneOf("100.000000000", "50.000000000", "1200.000000000")),
				col("duration_unit", v(8), None, oneOf("year", "lifetime", "month")),
				col("duration_interval", "int(11)", None, oneOf("1", "2")),
				col("period_type", v(8), None, oneOf("rolling", "fixed")),
				col("visibility", v(64), None, oneOf("Public", "Admin")),
				col("receipt_text_signup", v(255), None, oneOf(confirmTexts...)),
				col("receipt_text_renewal", v(255), None, oneOf(confirmTexts...)),
				col("is_active", "tinyint(4)", None, myBool(0.9)),
			}},
			{name: "civicrm_currency", rows: len(countryTable), cols: []colDef{
				col("id", "int(10) unsigned", None, func(r *row) string { return strconv.Itoa(r.i + 1) }),
				col("name", v(64), None, func(r *row) string { return countryTable[r.i].currency }),
				col("symbol", v(8), None, oneOf("€", "£", "$", "kr", "zł", "Fr.")),
				col("numeric_code", v(3), None, intRange(100, 999)),
				col("full_name", v(64), None, func(r *row) string { return currencyNames[countryTable[r.i].currency] }),
			}},
			{name: "civicrm_participant_status_type", rows: 14, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("name", v(64), None, oneOf("Registered", "Attended", "No-show", "Cancelled", "Pending from pay later", "On waitlist", "Expired", "Transferred")),
				col("label", v(255), None, oneOf("Registered", "Attended", "No-show", "Cancelled", "Pending (pay later)", "On waitlist", "Expired", "Transferred")),
				col("class", v(8), None, oneOf("Positive", "Pending", "Waiting", "Negative")),
				col("is_reserved", "tinyint(4)", None, myBool(0.5)),
				col("is_active", "tinyint(4)", None, myBool(0.9)),
				col("is_counted", "tinyint(4)", None, myBool(0.5)),
				col("weight", "int(10) unsigned", None, intRange(1, 14)),
				col("visibility_id", "int(10) unsigned", None, oneOf("1", "2")),
			}},
			{name: "civicrm_setting", rows: 80, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("name", v(255), None, oneOf("lcMessages", "defaultCurrency", "mailerBatchLimit", "enable_components", "contact_view_options", "address_format", "mailing_format", "dateformatDatetime", "geoProvider")),
				col("value", "text", None, oneOf(`s:5:"en_GB";`, `s:3:"GBP";`, `i:0;`, `a:3:{i:0;s:13:"CiviContribute";i:1;s:10:"CiviMember";i:2;s:9:"CiviEvent";}`, `s:84:"{contact.address_name}\n{contact.street_address}\n{contact.city}{, }{contact.postal_code}";`, `s:6:"Google";`)),
				col("domain_id", "int(10) unsigned", None, constant("1")),
				col("is_domain", "tinyint(4)", None, myBool(0.9)),
				col("created_date", "datetime", None, tsV),
			}},
		}
	},
}

var currencyNames = map[string]string{"EUR": "Euro", "GBP": "Pound Sterling", "USD": "US Dollar", "CHF": "Swiss Franc", "PLN": "Polish Zloty", "SEK": "Swedish Krona", "DKK": "Danish Krone", "NOK": "Norwegian Krone", "CZK": "Czech Koruna", "HUF": "Hungarian Forint", "RON": "Romanian Leu", "BRL": "Brazilian Real", "CNY": "Yuan Renminbi", "TWD": "New Taiwan Dollar", "JPY": "Yen", "INR": "Indian Rupee", "CAD": "Canadian Dollar", "AUD": "Australian Dollar", "TRY": "Turkish Lira", "MAD": "Moroccan Dirham", "ZAR": "Rand", "MXN": "Mexican Peso", "ARS": "Argentine Peso", "KRW": "Won", "SGD": "Singapore Dollar", "AED": "UAE Dirham", "ILS": "New Israeli Sheqel", "UAH": "Hryvnia"}

var vtigerSchema = schemaDef{
	name: "vtiger", engine: "mysql",
	style: "vtiger CRM 7 (vtiger_crmentity with every record's label and description, contact detail/subdetail/address tables, templates and picklists), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("US", 3, "GB", 2, "DE", 2, "IT", 1, "FR", 1)
		companies := mixOf("US", 2, "DE", 1, "GB", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		setype := func(r *row) string {
			return r.once("setype", func() string {
				return pick(r.g, []string{"Contacts", "Contacts", "Leads", "Accounts", "Potentials", "HelpDesk"})
			})
		}
		return []tableDef{
			{name: "vtiger_crmentity", people: people, cols: []colDef{
				col("crmid", "int(19)", None, seq(1)),
				col("smcreatorid", "int(19)", None, oneOf("1", "5", "6", "8")),
				col("smownerid", "int(19)", None, oneOf("1", "5", "6", "8")),
				col("modifiedby", "int(19)", None, oneOf("1", "5", "6")),
				col("setype", v(30), None, setype),
				col("description", "mediumtext", "free_text_may_contain_pii", notesV("en", 0.35)).sparse(0.5),
				col("createdtime", "datetime", None, tsV),
				col("modifiedtime", "datetime", None, tsV),
				col("presence", "int(1)", None, constant("1")),
				col("deleted", "int(1)", None, oneOf("0", "0", "0", "1")),
				col("label", v(255), "person_name", func(r *row) string {
					switch setype(r) {
					case "Accounts":
						return newOrg(r.g, r.p.code).name
					case "Potentials":
						return pick(r.g, orgWords) + " - Renewal"
					case "HelpDesk":
						return pick(r.g, []string{"Cannot log in", "Invoice question", "Delivery delayed"})
					}
					return r.p.full()
				}),
				col("source", v(100), None, oneOf("CRM", "WEBSERVICE", "MOBILE", "IMPORT")),
			}},
			{name: "vtiger_contactdetails", people: people, cols: []colDef{
				col("contactid", "int(19)", None, seq(1)),
				col("contact_no", v(100), None, func(r *row) string { return "CON" + strconv.Itoa(r.i+1) }),
				col("accountid", "int(19)", None, intRange(1, 300)).sparse(0.3),
				col("salutation", v(200), "gender", func(r *row) string { return r.p.gender([]string{"Mr.", "Ms."}) }).sparse(0.3),
				col("firstname", v(40), "person_name", firstV),
				col("lastname", v(80), "person_name", lastV),
				col("email", v(100), "email", emailV),
				col("phone", v(50), "phone", phoneMixV(false, "intl", "national")).sparse(0.3),
				col("mobile", v(50), "phone", phoneMixV(true, "intl", "national")).sparse(0.4),
				col("title", v(50), "employment", oneOf(jobTitles...)).sparse(0.4),
				col("department", v(30), "employment", oneOf(departments...)).sparse(0.5),
				col("fax", v(50), "phone", phoneV(false, "intl")).sparse(0.9),
				col("reportsto", v(30), None, intRange(1, 400)).sparse(0.8),
				col("secondaryemail", v(100), "email", func(r *row) string { return r.p.latinEmail("gmail.com") }).sparse(0.8),
				col("donotcall", v(3), None, oneOf("0", "1")),
				col("emailoptout", v(3), None, oneOf("0", "0", "1")),
				col("imagename", v(150), "photo_or_biometric", func(r *row) string { return lowerASCII(r.p.latinF) + "_" + r.g.hex(6) + ".jpg" }).sparse(0.9),
				col("isconvertedfromlead", v(3), None, oneOf("0", "1")),
			}},
			{name: "vtiger_contactsubdetails", people: people, cols: []colDef{
				col("contactsubscriptionid", "int(19)", None, seq(1)),
				col("homephone", v(50), "phone", phoneV(false, "national")).sparse(0.7),
				col("otherphone", v(50), "phone", phoneV(false, "intl")).sparse(0.9),
				col("assistant", v(30), "person_name", func(r *row) string { return newPerson(r.g, r.p.code).full() }).sparse(0.9),
				col("assistantphone", v(50), "phone", phoneV(false, "intl")).sparse(0.92),
				col("birthday", "date", "date_of_birth", dobV).sparse(0.7),
				col("leadsource", v(200), None, oneOf("Cold Call", "Existing Customer", "Web Site", "Trade Show", "Self Generated")).sparse(0.3),
			}},
			{name: "vtiger_contactaddress", people: people, cols: []colDef{
				col("contactaddressid", "int(19)", None, seq(1)),
				col("mailingcity", v(40), "city", cityV),
				col("mailingstreet", v(250), "postal_address", lineV),
				col("mailingcountry", v(40), "country", countryEN),
				col("mailingzip", v(30), "postal_code", postcodeV),
				col("mailingpobox", v(30), "postal_address", func(r *row) string { return "PO Box " + strconv.Itoa(r.g.between(10, 9999)) }).sparse(0.9),
				col("mailingstate", v(30), "postal_address", regionV).sparse(0.4),
				col("othercity", v(40), "city", func(r *row) string { return newPerson(r.g, r.p.code).city }).sparse(0.9),
			}},
			{name: "vtiger_users", rows: 30, people: mixOf("US", 2, "GB", 1), cols: []colDef{
				col("id", "int(11)", None, seq(1)),
				col("user_name", v(255), "username", userV),
				col("user_password", v(200), "password_or_secret", func(r *row) string { return "$1$" + r.g.alnum(8) + "$" + r.g.from(alnumChars+"./", 22) }),
				col("first_name", v(30), "person_name", firstV),
				col("last_name", v(30), "person_name", lastV),
				col("email1", v(100), "email", func(r *row) string { return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@acme-corp.com" }),
				col("phone_work", v(50), "phone", phoneV(false, "intl")).sparse(0.3),
				col("phone_mobile", v(50), "phone", phoneV(true, "intl")).sparse(0.5),
				col("title", v(50), "employment", oneOf(jobTitles...)).sparse(0.3),
				col("department", v(50), "employment", oneOf(departments...)).sparse(0.3),
				col("status", v(25), None, oneOf("Active", "Inactive")),
				col("is_admin", v(3), None, oneOf("on", "off", "off")),
				col("accesskey", v(36), "password_or_secret", func(r *row) string { return r.g.alnum(16) }),
				col("crypt_type", v(20), None, oneOf("MD5", "PHP5.3MD5", "$2y$")),
				col("signature", "text", "free_text_may_contain_pii", func(r *row) string {
					return r.p.full() + " | " + pick(r.g, jobTitles) + " | " + r.p.phone(false).format("intl")
				}).sparse(0.6),
			}},
			{name: "vtiger_emailtemplates", rows: 30, cols: []colDef{
				col("foldername", v(100), None, oneOf("Public", "Personal")),
				col("templatename", v(100), None, oneOf("Thanks Note", "Customer Login Details", "Support end notification", "Invoice reminder", "Birthday greetings")),
				col("subject", v(100), None, oneOf("Thanks for your business", "Your portal login", "Your support ends soon", "Payment reminder", "Happy birthday!")),
				col("description", "text", None, oneOf("Thank you note for a customer", "Sends portal credentials", "Support expiry reminder", "Invoice payment reminder", "Birthday wishes to contacts")),
				col("body", "text", None, oneOf(
					"Dear $contacts-firstname$ $contacts-lastname$,<br>thank you for your business.<br>Regards,<br>$users-first_name$",
					"Hello $contacts-firstname$,<br>your portal user name is $contacts-email$.",
					"Dear $contacts-lastname$, your support contract ends on $contacts-support_end_date$.",
					"Dear customer, invoice $invoice-invoice_no$ is overdue.",
					"Happy birthday, $contacts-firstname$!")),
				col("deleted", "int(1)", None, constant("0")),
				col("templateid", "int(19)", None, seq(1)),
				col("systemtemplate", "int(1)", None, oneOf("0", "1")),
				col("module", v(100), None, oneOf("Contacts", "Leads", "Accounts", "Invoice")),
			}},
			{name: "vtiger_currency_info", rows: 12, cols: []colDef{
				col("id", "int(11)", None, seq(1)),
				col("currency_name", v(100), None, oneOf("Euro", "USA, Dollars", "United Kingdom, Pounds", "Switzerland Francs", "Japan, Yen")),
				col("currency_code", v(100), None, oneOf("EUR", "USD", "GBP", "CHF", "JPY")),
				col("currency_symbol", v(30), None, oneOf("€", "$", "£", "CHF", "¥")),
				col("conversion_rate", "decimal(12,5)", None, oneOf("1.00000", "1.08500", "0.85600")),
				col("currency_status", v(25), None, oneOf("Active", "Inactive")),
				col("defaultid", v(10), None, oneOf("0", "-11")),
				col("deleted", "int(1)", None, constant("0")),
			}},
			{name: "vtiger_leadstatus", rows: 11, cols: []colDef{
				col("leadstatusid", "int(19)", None, seq(1)),
				col("leadstatus", v(200), None, oneOf("Attempted to Contact", "Cold", "Contact in Future", "Contacted", "Hot", "Junk Lead", "Lost Lead", "Not Contacted", "Pre Qualified", "Qualified", "Warm")),
				col("presence", "int(1)", None, constant("1")),
				col("picklist_valueid", "int(19)", None, intRange(1, 400)),
				col("sortorderid", "int(11)", None, intRange(0, 11)),
			}},
			{name: "vtiger_organizationdetails", rows: 3, people: companies, cols: []colDef{
				col("organization_id", "int(11)", None, seq(1)),
				col("organizationname", v(60), None, orgV(companies, func(o org) string { return o.name })),
				col("address", v(150), None, orgV(companies, func(o org) string { return o.line })),
				col("city", v(100), None, orgV(companies, func(o org) string { return o.city })),
				col("code", v(30), None, orgV(companies, func(o org) string { return o.postcode })),
				col("phone", v(30), None, orgV(companies, func(o org) string { return o.phone })),
				col("website", v(100), None, orgV(companies, func(o org) string { return o.web })),
				col("logoname", v(50), None, constant("vtiger-crm-logo.png")),
				col("vatid", v(100), None, orgV(companies, func(o org) string { return o.vat })),
			}},
		}
	},
}

var dolibarrSchema = schemaDef{
	name: "dolibarr", engine: "mysql",
	style: "Dolibarr ERP/CRM 19 (llx_ prefix; third parties, contacts llx_socpeople with coded state and country, users with HR fields, llx_c_* dictionaries, llx_const), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("FR", 6, "BE", 1, "ES", 1, "DE", 1)
		companies := mixOf("FR", 4, "BE", 1, "ES", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		civility := func(r *row) string { return r.p.gender([]string{"MR", pick(r.g, []string{"MME", "MLE"})}) }
		return []tableDef{
			{name: "llx_societe", people: companies, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("nom", v(128), None, orgV(companies, func(o org) string { return o.name })),
				col("name_alias", v(128), None, orgV(companies, func(o org) string { return strings.Fields(o.name)[0] })).sparse(0.6),
				col("address", v(255), None, orgV(companies, func(o org) string { return o.line })),
				col("zip", v(25), None, orgV(companies, func(o org) string { return o.postcode })),
				col("town", v(50), None, orgV(companies, func(o org) string { return o.city })),
				col("fk_departement", "int(11)", None, intRange(1, 101)).sparse(0.3),
				col("fk_pays", "int(11)", None, oneOf("1", "2", "4")),
				col("phone", v(20), None, orgV(companies, func(o org) string { return o.phone })),
				col("email", v(128), None, orgV(companies, func(o org) string { return o.email })),
				col("url", v(255), None, orgV(companies, func(o org) string { return "https://" + o.web })).sparse(0.3),
				col("siren", v(128), None, func(r *row) string { return r.g.digits(9) }).sparse(0.3),
				col("tva_intra", v(20), None, orgV(companies, func(o org) string { return o.vat })).sparse(0.3),
				col("client", "tinyint(4)", None, oneOf("0", "1", "2", "3")),
				col("fournisseur", "tinyint(4)", None, oneOf("0", "1")),
				col("note_public", "text", None, oneOf("Livraison le matin uniquement.", "Client historique.", "Conditions de paiement : 30 jours fin de mois.", "Tarif revendeur.")).sparse(0.7),
				col("datec", "datetime", None, tsV),
			}},
			{name: "llx_socpeople", people: people, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("fk_soc", "int(11)", None, intRange(1, 200)).sparse(0.2),
				col("civility", v(6), "gender", civility).sparse(0.2),
				col("lastname", v(50), "person_name", lastV),
				col("firstname", v(50), "person_name", firstV),
				col("address", v(255), "postal_address", lineV).sparse(0.4),
				col("zip", v(25), "postal_code", postcodeV).sparse(0.4),
				col("town", v(255), "city", cityV).sparse(0.4),
				col("fk_departement", "int(11)", "postal_address", intRange(1, 101)).sparse(0.5),
				col("fk_pays", "int(11)", "country", func(r *row) string {
					return map[string]string{"FR": "1", "BE": "2", "ES": "4", "DE": "5"}[r.p.code]
				}).sparse(0.3),
				col("birthday", "date", "date_of_birth", dobV).sparse(0.8),
				col("poste", v(255), "employment", oneOf(jobTitles...)).sparse(0.4),
				col("phone", v(30), "phone", phoneV(false, "national")).sparse(0.4),
				col("phone_perso", v(30), "phone", phoneV(false, "national")).sparse(0.8),
				col("phone_mobile", v(30), "phone", phoneMixV(true, "national", "intl")).sparse(0.4),
				col("email", v(255), "email", emailV).sparse(0.1),
				col("socialnetworks", "text", "username", func(r *row) string { return `{"linkedin":"` + r.p.username + `"}` }).sparse(0.85),
				col("photo", v(255), "photo_or_biometric", func(r *row) string { return lowerASCII(r.p.latinL) + ".jpg" }).sparse(0.9),
				col("no_email", "smallint(6)", None, oneOf("0", "0", "1")),
				col("priv", "smallint(6)", None, oneOf("0", "1")),
				col("note_private", "text", "free_text_may_contain_pii", notesV("fr", 0.45)).sparse(0.7),
				col("statut", "tinyint(4)", None, oneOf("1", "1", "0")),
				col("datec", "datetime", None, tsV),
			}},
			{name: "llx_user", rows: 50, people: people, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("login", v(50), "username", userV),
				col("pass_crypted", v(128), "password_or_secret", bcryptV("2y")),
				col("civility", v(6), "gender", civility).sparse(0.4),
				col("lastname", v(50), "person_name", lastV),
				col("firstname", v(50), "person_name", firstV),
				col("gender", v(10), "gender", func(r *row) string { return r.p.gender([]string{"man", "woman"}) }).sparse(0.5),
				col("address", v(255), "postal_address", lineV).sparse(0.6),
				col("zip", v(25), "postal_code", postcodeV).sparse(0.6),
				col("town", v(50), "city", cityV).sparse(0.6),
				col("fk_state", "int(11)", "postal_address", intRange(1, 101)).sparse(0.7),
				col("fk_country", "int(11)", "country", oneOf("1", "1", "2")).sparse(0.5),
				col("birth", "date", "date_of_birth", dobV).sparse(0.6),
				col("job", v(128), "employment", oneOf(jobTitles...)),
				col("office_phone", v(20), "phone", phoneV(false, "national")).sparse(0.3),
				col("user_mobile", v(20), "phone", phoneV(true, "national")).sparse(0.5),
				col("personal_mobile", v(20), "phone", phoneV(true, "national")).sparse(0.8),
				col("email", v(255), "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@monentreprise.fr"
				}),
				col("personal_email", v(255), "email", emailV).sparse(0.8),
				col("signature", "text", "free_text_may_contain_pii", func(r *row) string { return r.p.full() + "<br>" + r.p.phone(false).format("intl") }).sparse(0.6),
				col("salary", "double(24,8)", "salary_financial", moneyV(22000, 90000)).sparse(0.4),
				col("salaryextra", "double(24,8)", "salary_financial", moneyV(500, 8000)).sparse(0.8),
				col("weeklyhours", "double(16,8)", "employment", oneOf("35.00000000", "39.00000000", "28.00000000", "17.50000000")).sparse(0.4),
				col("thm", "double(24,8)", "salary_financial", moneyV(14, 60)).sparse(0.6),
				col("tjm", "double(24,8)", "salary_financial", moneyV(150, 700)).sparse(0.7),
				col("dateemployment", "date", "employment", dateV).sparse(0.4),
				col("dateemploymentend", "date", "employment", dateV).sparse(0.9),
				col("api_key", v(128), "password_or_secret", func(r *row) string { return r.g.alnum(32) }).sparse(0.8),
				col("admin", "smallint(6)", None, oneOf("0", "0", "1")),
				col("statut", "tinyint(4)", None, oneOf("1", "1", "0")),
				col("datec", "datetime", None, tsV),
			}},
			{name: "llx_c_country", rows: len(countryTable), cols: []colDef{
				col("rowid", "int(11)", None, func(r *row) string { return strconv.Itoa(r.i + 1) }),
				col("code", v(2), None, func(r *row) string { return countryTable[r.i].iso2 }),
				col("code_iso", v(3), None, func(r *row) string { return countryTable[r.i].iso3 }),
				col("label", v(128), None, func(r *row) string { return countryTable[r.i].fr }),
				col("eec", "tinyint(4)", None, myBool(0.6)),
				col("active", "tinyint(4)", None, constant("1")),
			}},
			{name: "llx_c_civility", rows: 5, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("code", v(6), None, oneOf("MME", "MR", "MLE", "MTRE", "DR")),
				col("label", v(128), None, oneOf("Madame", "Monsieur", "Mademoiselle", "Maître", "Docteur")),
				col("active", "tinyint(4)", None, constant("1")),
			}},
			{name: "llx_c_currencies", rows: 30, cols: []colDef{
				col("code_iso", v(3), None, func(r *row) string { return countryTable[r.i].currency }),
				col("label", v(128), None, func(r *row) string { return currencyNames[countryTable[r.i].currency] }),
				col("unicode", v(32), None, oneOf("[8364]", "[163]", "[36]")),
				col("active", "tinyint(4)", None, myBool(0.3)),
			}},
			{name: "llx_c_typent", rows: 8, cols: []colDef{
				col("id", "int(11)", None, seq(1)),
				col("code", v(12), None, oneOf("TE_STARTUP", "TE_GROUP", "TE_MEDIUM", "TE_SMALL", "TE_ADMIN", "TE_WHOLE", "TE_RETAIL", "TE_PRIVATE")),
				col("libelle", v(128), None, oneOf("Start-up", "Grand groupe", "PME/PMI", "TPE", "Administration", "Grossiste", "Revendeur", "Particulier")),
				col("active", "tinyint(4)", None, constant("1")),
			}},
			{name: "llx_c_departements", rows: 100, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("code_departement", v(6), None, func(r *row) string { return fmt.Sprintf("%02d", r.i+1) }),
				col("fk_region", "int(11)", None, intRange(1, 13)),
				col("cheflieu", v(50), None, oneOf("01053", "02408", "75056", "69123", "13055")),
				col("nom", v(50), None, oneOf("Ain", "Aisne", "Allier", "Paris", "Rhône", "Bouches-du-Rhône", "Gironde", "Nord")),
				col("active", "tinyint(4)", None, constant("1")),
			}},
			{name: "llx_const", rows: 120, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("name", v(180), None, oneOf("MAIN_INFO_SOCIETE_NOM", "MAIN_MONNAIE", "MAIN_LANG_DEFAULT", "MAIN_MAIL_EMAIL_FROM", "MAIN_INFO_SOCIETE_TOWN", "MAIN_SIZE_LISTE_LIMIT", "MAIN_MODULE_SOCIETE", "MAIN_THEME")),
				col("entity", "int(11)", None, constant("1")),
				col("value", "text", None, oneOf("Mon Entreprise SARL", "EUR", "fr_FR", "ne-pas-repondre@monentreprise.fr", "Lyon", "25", "1", "eldy")),
				col("type", v(64), None, oneOf("chaine", "yesno")),
				col("visible", "tinyint(4)", None, oneOf("0", "1")),
				col("note", "text", None, oneOf("Nom de la société", "Devise principale", "Langue par défaut", "")).sparse(0.6),
			}},
			{name: "llx_c_email_templates", rows: 20, cols: []colDef{
				col("rowid", "int(11)", None, seq(1)),
				col("module", v(32), None, oneOf("facture_send", "propal_send", "thirdparty", "member")),
				col("type_template", v(32), None, oneOf("facture_send", "propal_send", "thirdparty")),
				col("label", v(180), None, oneOf("Envoi facture", "Envoi proposition commerciale", "Relance", "Bienvenue")),
				col("topic", "text", None, oneOf("Facture __REF__", "Proposition commerciale __REF__", "Relance facture __REF__", "Bienvenue chez __MYCOMPANY_NAME__")),
				col("content", "mediumtext", None, oneOf(
					"Bonjour __THIRDPARTY_NAME__,<br><br>Veuillez trouver ci-joint la facture __REF__.<br><br>__USER_SIGNATURE__",
					"Bonjour __CONTACTCIVNAME__,<br>voici notre proposition __REF__.",
					"Bonjour,<br>sauf erreur de notre part, la facture __REF__ reste impayée.",
					"Bienvenue __MEMBER_FIRSTNAME__ !")),
				col("joinfiles", "text", None, oneOf("1", "0")),
				col("active", "tinyint(4)", None, constant("1")),
			}},
		}
	},
}

var adventureworksSchema = schemaDef{
	name: "adventureworks", engine: "postgres",
	style: "AdventureWorks-like HR and sales schemas (CamelCase; Employee, EmployeePayHistory, SalesPerson, CreditCard with test card numbers, Person with sparse Title/Suffix) and a Northwind-style employee list, PostgreSQL",
	tables: func(g *gen) []tableDef {
		staff := mixOf("US", 8, "GB", 1, "DE", 1)
		vc := "character varying"
		ts := "timestamp without time zone"
		rowguid := col("rowguid", "uuid", None, uuidV)
		mod := col("ModifiedDate", ts, None, tsV)
		beid := col("BusinessEntityID", "integer", None, seq(1))
		return []tableDef{
			{name: "Employee", rows: 290, people: staff, cols: []colDef{
				beid,
				col("NationalIDNumber", vc+"(15)", "national_id", func(r *row) string { return strconv.Itoa(r.g.between(10000000, 999999999)) }),
				col("LoginID", vc+"(256)", "username", func(r *row) string { return `adventure-works\` + lowerASCII(r.p.latinF) + strconv.Itoa(r.g.intn(3)) }),
				col("OrganizationNode", vc+"(20)", None, func(r *row) string { return fmt.Sprintf("/%d/%d/", r.g.between(1, 6), r.g.between(1, 9)) }),
				col("JobTitle", vc+"(50)", "employment", oneOf("Production Technician - WC60", "Sales Representative", "Buyer", "Marketing Specialist", "Chief Executive Officer", "Design Engineer", "Tool Designer", "Accountant", "Janitor", "Production Supervisor - WC10")),
				col("BirthDate", "date", "date_of_birth", func(r *row) string { return dateText(r.g.day(1951, 1991)) }),
				col("Gender", "character(1)", "gender", func(r *row) string { return r.p.gender([]string{"M", "F"}) }),
				col("HireDate", "date", "employment", func(r *row) string { return dateText(r.g.day(2006, 2013)) }),
				col("SalariedFlag", "boolean", "employment", pgBool(0.18)),
				col("VacationHours", "smallint", "employment", intRange(0, 99)),
				col("SickLeaveHours", "smallint", "health", intRange(20, 80)),
				col("CurrentFlag", "boolean", None, pgBool(0.98)), // a record-state flag, like active
				rowguid, mod,
			}},
			{name: "EmployeePayHistory", rows: 316, people: staff, cols: []colDef{
				beid,
				col("RateChangeDate", ts, None, func(r *row) string { return tsText(r.g.day(2006, 2014)) }),
				col("Rate", "numeric", "salary_financial", moneyV(6.5, 125.5)),
				col("PayFrequency", "smallint", "salary_financial", oneOf("1", "2")),
				mod,
			}},
			{name: "SalesPerson", rows: 17, people: staff, cols: []colDef{
				beid,
				col("TerritoryID", "integer", "employment", intRange(1, 10)).sparse(0.18),
				col("SalesQuota", "numeric", "employment", oneOf("250000.00", "300000.00")).sparse(0.18),
				col("Bonus", "numeric", "salary_financial", oneOf("0.00", "4100.00", "2000.00", "2500.00", "500.00", "6700.00", "5000.00", "3550.00")),
				col("CommissionPct", "numeric", "salary_financial", oneOf("0.000", "0.012", "0.015", "0.010", "0.019", "0.018", "0.020")),
				col("SalesYTD", "numeric", "employment", moneyV(170000, 4300000)),
				col("SalesLastYear", "numeric", "employment", moneyV(0, 2400000)),
				rowguid, mod,
			}},
			{name: "SalesTerritoryHistory", rows: 17, people: staff, cols: []colDef{
				beid,
				col("TerritoryID", "integer", "employment", intRange(1, 10)),
				col("StartDate", ts, "employment", func(r *row) string { return tsText(r.g.day(2011, 2013)) }),
				col("EndDate", ts, "employment", func(r *row) string { return tsText(r.g.day(2012, 2013)) }).sparse(0.7),
				rowguid, mod,
			}},
			{name: "Person", people: staff, cols: []colDef{
				beid,
				col("PersonType", "character(2)", None, oneOf("IN", "IN", "IN", "SC", "EM", "SP", "VC", "GC")),
				col("NameStyle", "boolean", None, constant("false")),
				col("Title", vc+"(8)", "gender", func(r *row) string { return r.p.gender([]string{"Mr.", pick(r.g, []string{"Ms.", "Mrs."})}) }).sparse(0.95),
				col("FirstName", vc+"(50)", "person_name", firstV),
				col("MiddleName", vc+"(50)", "person_name", func(r *row) string { return string(newPerson(r.g, r.p.code).first[0]) }).sparse(0.45),
				col("LastName", vc+"(50)", "person_name", lastV),
				col("Suffix", vc+"(10)", "person_name", oneOf("Jr.", "Sr.", "II", "III", "IV")).sparse(0.99),
				col("EmailPromotion", "integer", None, oneOf("0", "0", "1", "2")),
				col("AdditionalContactInfo", "xml", "free_text_may_contain_pii", func(r *row) string {
					return `<AdditionalContactInfo xmlns="http://schemas.microsoft.com/sqlserver/2004/07/adventure-works/ContactInfo"><act:telephoneNumber><act:number>` +
						r.p.phone(false).format("intl") + `</act:number></act:telephoneNumber>` + r.p.line + `</AdditionalContactInfo>`
				}).sparse(0.95),
				rowguid, mod,
			}},
			{name: "PersonPhone", people: staff, cols: []colDef{
				beid,
				col("PhoneNumber", vc+"(25)", "phone", phoneMixV(false, "national", "intl")),
				col("PhoneNumberTypeID", "integer", None, oneOf("1", "2", "3")),
				mod,
			}},
			{name: "EmailAddress", people: staff, cols: []colDef{
				beid,
				col("EmailAddressID", "integer", None, seq(1)),
				col("EmailAddress", vc+"(50)", "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + strconv.Itoa(r.g.intn(9)) + "@adventure-works.com"
				}),
				rowguid, mod,
			}},
			{name: "Password", people: staff, cols: []colDef{
				beid,
				col("PasswordHash", vc+"(128)", "password_or_secret", func(r *row) string { return r.g.from(base64Chars, 43) + "=" }),
				col("PasswordSalt", vc+"(10)", "password_or_secret", func(r *row) string { return r.g.from(base64Chars, 7) + "=" }),
				rowguid, mod,
			}},
			{name: "Address", people: staff, cols: []colDef{
				col("AddressID", "integer", None, seq(1)),
				col("AddressLine1", vc+"(60)", "postal_address", lineV),
				col("AddressLine2", vc+"(60)", "postal_address", oneOf("# 14", "Unit B-105", "Suite 2502", "Apt. 3")).sparse(0.95),
				col("City", vc+"(30)", "city", cityV),
				col("StateProvinceID", "integer", "postal_address", intRange(1, 181)),
				col("PostalCode", vc+"(15)", "postal_code", postcodeV),
				rowguid, mod,
			}},
			{name: "CreditCard", people: staff, cols: []colDef{
				col("CreditCardID", "integer", None, seq(1)),
				col("CardType", vc+"(50)", None, oneOf("SuperiorCard", "Distinguish", "ColonialVoice", "Vista")),
				col("CardNumber", vc+"(25)", "payment_card", func(r *row) string { return r.g.from("123456789", 1) + r.g.digits(r.g.between(13, 15)) }),
				col("ExpMonth", "smallint", "payment_card", intRange(1, 12)),
				col("ExpYear", "smallint", "payment_card", intRange(2005, 2008)),
				mod,
			}},
			{name: "PersonCreditCard", people: staff, cols: []colDef{
				beid,
				col("CreditCardID", "integer", None, seq(1)),
				mod,
			}},
			{name: "Department", rows: 16, cols: []colDef{
				col("DepartmentID", "smallint", None, seq(1)),
				col("Name", vc+"(50)", None, oneOf("Engineering", "Tool Design", "Sales", "Marketing", "Purchasing", "Research and Development", "Production", "Human Resources")),
				col("GroupName", vc+"(50)", None, oneOf("Research and Development", "Sales and Marketing", "Inventory Management", "Manufacturing", "Executive General and Administration")),
				mod,
			}},
			{name: "Currency", rows: 30, cols: []colDef{
				col("CurrencyCode", "character(3)", None, func(r *row) string { return countryTable[r.i].currency }),
				col("Name", vc+"(50)", None, func(r *row) string { return currencyNames[countryTable[r.i].currency] }),
				mod,
			}},
			{name: "StateProvince", rows: 60, cols: []colDef{
				col("StateProvinceID", "integer", None, seq(1)),
				col("StateProvinceCode", "character(3)", None, oneOf("AB", "AK", "AL", "AZ", "BC", "CA", "CO", "NY", "WA", "TX")),
				col("CountryRegionCode", vc+"(3)", None, oneOf("US", "CA", "FR", "DE", "GB", "AU")),
				col("IsOnlyStateProvinceFlag", "boolean", None, pgBool(0.1)),
				col("Name", vc+"(50)", None, oneOf("Alberta", "Alaska", "Alabama", "Arizona", "British Columbia", "California", "Colorado", "New York", "Washington", "Texas")),
				col("TerritoryID", "integer", None, intRange(1, 10)),
				rowguid, mod,
			}},
			{name: "Employees", rows: 40, people: staff, cols: []colDef{
				col("EmployeeID", "integer", None, seq(1)),
				col("LastName", vc+"(20)", "person_name", lastV),
				col("FirstName", vc+"(10)", "person_name", firstV),
				col("Title", vc+"(30)", "employment", oneOf("Sales Representative", "Vice President, Sales", "Sales Manager", "Inside Sales Coordinator")),
				col("TitleOfCourtesy", vc+"(25)", "gender", func(r *row) string { return r.p.gender([]string{"Mr.", pick(r.g, []string{"Ms.", "Mrs."})}) }),
				col("BirthDate", "date", "date_of_birth", dobV),
				col("HireDate", "date", "employment", dateV),
				col("Address", vc+"(60)", "postal_address", lineV),
				col("City", vc+"(15)", "city", cityV),
				col("PostalCode", vc+"(10)", "postal_code", postcodeV),
				col("HomePhone", vc+"(24)", "phone", phoneV(false, "national")),
				col("Extension", vc+"(4)", "phone", func(r *row) string { return strconv.Itoa(r.g.between(100, 9999)) }),
				col("Notes", "text", "free_text_may_contain_pii", func(r *row) string {
					return r.p.first + " " + pick(r.g, []string{"holds a BA in psychology.", "joined the company as a sales representative.", "is fluent in French and German.", "completed the Toastmasters course."})
				}),
				col("ReportsTo", "integer", None, intRange(1, 5)).sparse(0.1),
				col("PhotoPath", vc+"(255)", "photo_or_biometric", func(r *row) string { return "http://accweb/emmployees/" + lowerASCII(r.p.latinL) + ".bmp" }),
			}},
		}
	},
}

const base64Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// suitecrmConfigTables are SuiteCRM's own texts and settings: email and PDF templates with
// $contact_first_name placeholders, currencies, the config table.
func suitecrmConfigTables(v func(int) string) []tableDef {
	return []tableDef{
		{name: "email_templates", rows: 40, cols: []colDef{
			col("id", "char(36)", None, uuidV),
			col("date_entered", "datetime", None, tsV),
			col("published", v(3), None, oneOf("off", "on")),
			col("name", v(255), None, oneOf("Event Invite Template", "Case Creation", "Joomla Account Creation", "Confirmed Opt In", "Case Closure", "System-generated password email", "Forgot Password email")),
			col("description", "text", None, oneOf("Default event invite template.", "Template to send to a contact when a case is received from them.", "Email template for confirmed opt in.", "Template for closing cases.", "This template is used when the System Administrator sends a new password to a user.")),
			col("subject", v(255), None, oneOf("$case_name [CASE:$case_number]", "Confirm Opt In", "You are invited to $fp_events_name", "New account information", "Reset your account password")),
			col("body", "text", None, oneOf(
				"Dear $contact_first_name $contact_last_name,\n\nYou are invited to $fp_events_name on $fp_events_date_start.",
				"Hi $contact_first_name,\n\nWe've received your case $acase_name (# $acase_case_number) on $acase_date_entered.",
				"Hello, please confirm your opt in by clicking the link: $sugarurl/index.php?entryPoint=ConfirmOptIn&from=$emailaddress_email_address",
				"Here is your account username and temporary password:\nUsername : $contact_user_user_name\nPassword : $contact_user_pwd_last_changed")),
			col("body_html", "longtext", None, oneOf(
				"<p>Dear $contact_first_name $contact_last_name,</p><p>You are invited to $fp_events_name.</p>",
				"<p>Hi $contact_first_name,</p><p>We've received your case $acase_name.</p>",
				"<p>Please confirm your subscription: <a href=\"$sugarurl\">confirm</a></p>")),
			col("deleted", "tinyint(1)", None, myBool(0.02)),
			col("text_only", "tinyint(1)", None, myBool(0.2)),
			col("type", v(255), None, oneOf("email", "campaign", "workflow", "system")),
		}},
		{name: "aos_pdf_templates", rows: 20, cols: []colDef{
			col("id", "char(36)", None, uuidV),
			col("name", v(255), None, oneOf("Quote", "Invoice", "Contract", "Sales Order")),
			col("description", "longtext", None, oneOf(
				"<table><tr><td>$aos_quotes_billing_contact</td><td>$aos_quotes_number</td></tr></table>",
				"<p>Invoice $aos_invoices_number for $billing_account_name, $billing_contact_name</p>")),
			col("type", v(100), None, oneOf("AOS_Quotes", "AOS_Invoices", "AOS_Contracts")),
			col("pdfheader", "text", None, constant("<img src=\"themes/default/images/company_logo.png\">")),
			col("pdffooter", "text", None, oneOf("<p>Page {PAGENO} of {nbpg}</p>", "<p>Acme Corp Ltd · Registered in England 01234567</p>")),
			col("active", "tinyint(1)", None, myBool(0.9)),
		}},
		{name: "currencies", rows: 8, cols: []colDef{
			col("id", "char(36)", None, uuidV),
			col("name", v(36), None, oneOf("Euro", "US Dollars", "Swiss Franc", "Pound Sterling")),
			col("symbol", v(36), None, oneOf("€", "$", "CHF", "£")),
			col("iso4217", v(3), None, oneOf("EUR", "USD", "CHF", "GBP")),
			col("conversion_rate", "double", None, oneOf("1", "1.0850", "0.9712", "0.8561")),
			col("status", v(100), None, oneOf("Active", "Inactive")),
			col("deleted", "tinyint(1)", None, constant("0")),
		}},
		{name: "config", rows: 60, cols: []colDef{
			col("category", v(32), None, oneOf("system", "info", "MySettings", "notify", "portal", "sugarpdf")),
			col("name", v(32), None, oneOf("adminwizard", "sugar_version", "tab", "fromname", "fromaddress", "send_by_default", "on", "smtp_host")),
			col("value", "text", None, oneOf("1", "7.14.2", "YToxOntzOjU6IkhvbWUiO30=", "SuiteCRM", "do_not_reply@acme-corp.com", "0", "smtp.acme-corp.com")),
			col("platform", v(32), None, constant("")).empty(),
		}},
	}
}

// odooExtraTables: mail templates rendered per record, currencies, events and employees'
// contracts.
func odooExtraTables(people mix) []tableDef {
	vc := "character varying"
	ts := "timestamp without time zone"
	return []tableDef{
		{name: "mail_template", rows: 40, cols: []colDef{
			col("id", "integer", None, seq(1)),
			col("name", "jsonb", None, oneOf(`{"en_US": "Sales: Send Quotation"}`, `{"en_US": "Invoice: Sending"}`, `{"en_US": "Event: Registration Confirmation"}`, `{"en_US": "Portal: User Invite"}`)),
			col("model", vc, None, oneOf("sale.order", "account.move", "event.registration", "res.partner")),
			col("subject", "jsonb", None, oneOf(`{"en_US": "{{ object.company_id.name }} {{ object.state in ('draft', 'sent') and 'Quotation' or 'Order' }} (Ref {{ object.name or 'n/a' }})"}`, `{"en_US": "Your registration at {{ object.event_id.name }}"}`)),
			col("body_html", "jsonb", None, oneOf(`{"en_US": "<div><p>Hello <t t-out=\"object.partner_id.name or ''\">Brandon Freeman</t>,</p><p>Your quotation is ready.</p></div>"}`, `{"en_US": "<p>Dear <t t-out=\"object.name or ''\"/>, we are happy to confirm your registration.</p>"}`)),
			col("email_from", vc, None, oneOf("{{ (object.user_id.email_formatted or user.email_formatted) }}", "{{ (object.company_id.email_formatted or user.email_formatted) }}")),
			col("email_to", vc, None, oneOf("{{ object.partner_id.email }}", "")).sparse(0.5),
			col("partner_to", vc, None, constant("{{ object.partner_id.id }}")),
			col("lang", vc, None, constant("{{ object.partner_id.lang }}")),
			col("auto_delete", "boolean", None, pgBool(0.9)),
		}},
		{name: "res_currency", rows: 30, cols: []colDef{
			col("id", "integer", None, seq(1)),
			col("name", vc, None, func(r *row) string { return countryTable[r.i].currency }),
			col("full_name", vc, None, func(r *row) string { return currencyNames[countryTable[r.i].currency] }),
			col("symbol", vc, None, oneOf("€", "$", "£", "kr", "zł")),
			col("rounding", "numeric", None, constant("0.010000")),
			col("active", "boolean", None, pgBool(0.2)),
			col("currency_unit_label", vc, None, oneOf("Euros", "Dollars", "Pounds", "Kroner")),
			col("currency_subunit_label", vc, None, oneOf("Cents", "Pence", "Øre")),
		}},
		{name: "event_event", rows: 30, cols: []colDef{
			col("id", "integer", None, seq(1)),
			col("name", "jsonb", None, func(r *row) string { return fmt.Sprintf(`{"en_US": %q}`, pick(r.g, eventTitles)) }),
			col("note", "text", None, func(r *row) string { return "<p>" + plainTextV(eventTexts...)(r) + "</p>" }),
			col("description", "jsonb", None, func(r *row) string { return fmt.Sprintf(`{"en_US": %q}`, plainTextV(eventTexts...)(r)) }),
			col("ticket_instructions", "jsonb", None, func(r *row) string { return fmt.Sprintf(`{"en_US": %q}`, pick(r.g, confirmTexts)) }).sparse(0.5),
			col("date_begin", ts, None, tsV),
			col("seats_max", "integer", None, oneOf("50", "100", "0")),
			col("address_id", "integer", None, intRange(1, 20)),
		}},
		{name: "hr_contract", rows: 120, people: people, cols: []colDef{
			col("id", "integer", None, seq(1)),
			col("employee_id", "integer", None, intRange(1, 120)),
			col("department_id", "integer", "employment", intRange(1, 9)),
			col("job_id", "integer", "employment", intRange(1, 20)).sparse(0.2),
			col("wage", "numeric", "salary_financial", moneyV(1800, 9000)),
			col("date_start", "date", "employment", dateV),
			col("date_end", "date", "employment", dateV).sparse(0.7),
			col("state", vc, None, oneOf("draft", "open", "close", "cancel")),
			col("resource_calendar_id", "integer", None, oneOf("1", "2")),
		}},
	}
}

package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// CRM products' own schemas: Salesforce (API names, replicated to PostgreSQL), HubSpot
// (property names, warehouse sync), SuiteCRM/SugarCRM (MySQL), Odoo (PostgreSQL).

// schemaDefs lists the schemas in report order.
var schemaDefs = []schemaDef{
	salesforceSchema, hubspotSchema, suitecrmSchema, odooSchema,
	civicrmSchema, vtigerSchema, dolibarrSchema, adventureworksSchema,
	germanSchema, frenchSchema, spanishSchema, italianSchema, dutchSchema, polishSchema, chineseSchema,
	helpdeskSchema, hrSchema, analyticsSchema, authSchema, shopSchema, legacySchema,
	orangehrmSchema, erpnextSchema, espocrmSchema,
}

// sfID returns an 18-character Salesforce record id with a key prefix.
func sfID(prefix string) func(r *row) string {
	return func(r *row) string { return prefix + "5e00000" + r.g.alnum(5) + r.g.from(upperChars+digitChars, 3) }
}

var usStates = map[string]string{"New York": "NY", "San Francisco": "CA", "Los Angeles": "CA", "Chicago": "IL", "Boston": "MA", "Seattle": "WA", "Austin": "TX", "Miami": "FL", "Denver": "CO", "Atlanta": "GA", "Portland": "OR", "Dallas": "TX", "Washington": "DC", "Springfield": "IL", "Columbus": "OH"}

var jobTitles = []string{"Head of Procurement", "IT Manager", "CFO", "Chief Executive Officer", "Sales Representative", "Office Manager", "Marketing Director", "Software Engineer", "HR Business Partner", "Purchasing Agent", "VP Operations", "Account Executive", "Data Protection Officer", "Controller", "Project Manager", "Founder", "Managing Director", "Facility Manager", "Head of Customer Service", "Buyer"}
var departments = []string{"Finance", "IT", "Sales", "Marketing", "Operations", "Human Resources", "Legal", "Procurement", "Customer Service", "R&D", "Executive"}

var salesforceSchema = schemaDef{
	name: "salesforce", engine: "postgres",
	style: "Salesforce objects by API name (CamelCase, __c custom fields), replicated to PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("US", 9, "GB", 4, "DE", 2, "FR", 2, "ES", 1, "IT", 1, "NL", 1, "SE", 1)
		vc := "character varying"
		ts := "timestamp with time zone"
		accounts := mixOf("US", 4, "GB", 2, "DE", 2, "FR", 1, "NL", 1)
		return []tableDef{
			{name: "Contact", people: people, cols: []colDef{
				col("Id", "character(18)", None, sfID("003")),
				col("AccountId", "character(18)", None, sfID("001")).sparse(0.1),
				col("Salutation", vc+"(40)", "gender", func(r *row) string {
					if r.g.chance(0.08) {
						return pick(r.g, []string{"Dr.", "Prof."})
					}
					if r.p.female {
						return pick(r.g, []string{"Ms.", "Mrs.", "Ms."})
					}
					return "Mr."
				}).sparse(0.3),
				col("FirstName", vc+"(40)", "person_name", firstV),
				col("LastName", vc+"(80)", "person_name", lastV),
				col("Name", vc+"(121)", "person_name", fullV),
				col("Title", vc+"(128)", "employment", oneOf(jobTitles...)).sparse(0.35),
				col("Department", vc+"(80)", "employment", oneOf(departments...)).sparse(0.5),
				col("Email", vc+"(80)", "email", emailV),
				col("Phone", vc+"(40)", "phone", func(r *row) string {
					if r.p.code == "US" {
						return r.p.phone(false).format("national")
					}
					return r.p.phone(false).format("intl")
				}).sparse(0.3),
				col("MobilePhone", vc+"(40)", "phone", phoneMixV(true, "intl", "e164", "national")).sparse(0.4),
				col("HomePhone", vc+"(40)", "phone", phoneV(false, "national")).sparse(0.85),
				col("MailingStreet", "text", "postal_address", lineV),
				col("MailingCity", vc+"(40)", "city", cityV),
				col("MailingState", vc+"(80)", "postal_address", func(r *row) string {
					if s, ok := usStates[r.p.city]; ok {
						return s
					}
					return r.p.region
				}).sparse(0.2),
				col("MailingPostalCode", vc+"(20)", "postal_code", postcodeV),
				col("MailingCountry", vc+"(80)", "country", countryEN),
				col("Birthdate", "date", "date_of_birth", dobV).sparse(0.6),
				col("LeadSource", vc+"(40)", None, oneOf("Web", "Phone Inquiry", "Partner Referral", "Purchased List", "Trade Show", "Word of mouth", "Other")).sparse(0.2),
				col("HasOptedOutOfEmail", "boolean", None, pgBool(0.12)),
				col("HasOptedOutOfFax", "boolean", None, pgBool(0.02)),
				col("DoNotCall", "boolean", None, pgBool(0.07)),
				col("OwnerId", "character(18)", None, oneOf("0055e000001AbCdAAK", "0055e000001XyZwAAC", "0055e000002KlMnAAG", "0055e000003PqRsAAK")),
				col("IsDeleted", "boolean", None, pgBool(0.01)),
				col("CreatedDate", ts, None, tsV),
				col("LastModifiedDate", ts, None, tsV),
				col("Description", "text", "free_text_may_contain_pii", notesV("en", 0.45)).sparse(0.55),
				col("National_ID__c", vc+"(20)", "national_id", natIDV).sparse(0.7),
				col("Preferred_Language__c", vc+"(255)", None, oneOf("English", "German", "French", "Spanish", "Italian", "Dutch", "Swedish")).sparse(0.3),
				col("NPS_Score__c", "double precision", None, intRange(0, 10)).sparse(0.6),
			}},
			{name: "Lead", people: people, cols: []colDef{
				col("Id", "character(18)", None, sfID("00Q")),
				col("FirstName", vc+"(40)", "person_name", firstV),
				col("LastName", vc+"(80)", "person_name", lastV),
				col("Company", vc+"(255)", "employment", orgV(accounts, func(o org) string { return o.name })),
				col("Title", vc+"(128)", "employment", oneOf(jobTitles...)).sparse(0.4),
				col("Email", vc+"(80)", "email", emailV),
				col("Phone", vc+"(40)", "phone", phoneMixV(false, "intl", "national")).sparse(0.3),
				col("Street", "text", "postal_address", lineV).sparse(0.4),
				col("City", vc+"(40)", "city", cityV).sparse(0.3),
				col("PostalCode", vc+"(20)", "postal_code", postcodeV).sparse(0.4),
				col("Country", vc+"(80)", "country", countryEN).sparse(0.2),
				col("Status", vc+"(40)", None, oneOf("Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted")),
				col("Rating", vc+"(40)", None, oneOf("Hot", "Warm", "Cold")).sparse(0.5),
				col("Industry", vc+"(40)", None, oneOf(orgIndustries...)).sparse(0.3),
				col("AnnualRevenue", "numeric(18,0)", None, func(r *row) string { return strconv.Itoa(r.g.between(1, 900) * 100000) }).sparse(0.6),
				col("NumberOfEmployees", "integer", None, intRange(1, 20000)).sparse(0.5),
				col("IsConverted", "boolean", None, pgBool(0.2)),
				col("CreatedDate", ts, None, tsV),
			}},
			{name: "Account", people: accounts, cols: []colDef{
				col("Id", "character(18)", None, sfID("001")),
				col("Name", vc+"(255)", None, orgV(accounts, func(o org) string { return o.name })),
				col("Type", vc+"(40)", None, oneOf("Customer - Direct", "Customer - Channel", "Partner", "Prospect", "Other")),
				col("BillingStreet", "text", None, orgV(accounts, func(o org) string { return o.line })),
				col("BillingCity", vc+"(40)", None, orgV(accounts, func(o org) string { return o.city })),
				col("BillingPostalCode", vc+"(20)", None, orgV(accounts, func(o org) string { return o.postcode })),
				col("BillingCountry", vc+"(80)", None, orgV(accounts, func(o org) string { return o.country })),
				col("Phone", vc+"(40)", None, orgV(accounts, func(o org) string { return o.phone })),
				col("Website", vc+"(255)", None, orgV(accounts, func(o org) string { return o.web })).sparse(0.1),
				col("Industry", vc+"(40)", None, orgV(accounts, func(o org) string { return o.industry })),
				col("AnnualRevenue", "numeric(18,0)", None, func(r *row) string { return strconv.Itoa(r.g.between(1, 900) * 100000) }).sparse(0.4),
				col("NumberOfEmployees", "integer", None, intRange(5, 50000)).sparse(0.3),
				col("VAT_Number__c", vc+"(20)", None, orgV(accounts, func(o org) string { return o.vat })).sparse(0.3),
				col("CreatedDate", ts, None, tsV),
			}},
			{name: "Opportunity", cols: []colDef{
				col("Id", "character(18)", None, sfID("006")),
				col("AccountId", "character(18)", None, sfID("001")),
				col("Name", vc+"(120)", None, func(r *row) string {
					return pick(r.g, orgWords) + " - " + pick(r.g, []string{"Renewal", "Upsell", "New Business", "500 licences", "Pilot", "Expansion EMEA"})
				}),
				col("StageName", vc+"(40)", None, oneOf("Prospecting", "Qualification", "Needs Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost")),
				col("Amount", "numeric(18,2)", None, moneyV(1000, 250000)),
				col("Probability", "numeric(3,0)", None, oneOf("10", "20", "50", "70", "90", "100", "0")),
				col("CloseDate", "date", None, dateV),
				col("CreatedDate", ts, None, tsV),
			}},
			{name: "User", rows: 60, people: mixOf("US", 3, "GB", 1, "DE", 1), cols: []colDef{
				col("Id", "character(18)", None, sfID("005")),
				col("Username", vc+"(80)", "username", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@acme-corp.com.prod"
				}),
				col("Alias", vc+"(8)", "username", func(r *row) string {
					a := lowerASCII(r.p.latinF)[:1] + lowerASCII(r.p.latinL)
					return a[:min(len(a), 8)]
				}),
				col("FirstName", vc+"(40)", "person_name", firstV),
				col("LastName", vc+"(80)", "person_name", lastV),
				col("Email", vc+"(128)", "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@acme-corp.com"
				}),
				col("Title", vc+"(80)", "employment", oneOf(jobTitles...)).sparse(0.2),
				col("IsActive", "boolean", None, pgBool(0.9)),
				col("ProfileId", "character(18)", None, oneOf("00e5e000000AbCdAAA", "00e5e000000EfGhAAB", "00e5e000000IjKlAAC")),
				col("TimeZoneSidKey", vc+"(40)", None, oneOf("America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin")),
				col("LanguageLocaleKey", vc+"(40)", None, oneOf("en_US", "de", "en_GB")),
				col("LastLoginDate", ts, None, tsV).sparse(0.1),
			}},
		}
	},
}

var hubspotSchema = schemaDef{
	name: "hubspot", engine: "postgres",
	style: "HubSpot CRM properties (lowercase, hs_ prefixes), synced to a PostgreSQL warehouse",
	tables: func(g *gen) []tableDef {
		people := mixOf("US", 5, "GB", 2, "BR", 3, "DE", 1, "NL", 1, "ES", 1)
		companies := mixOf("US", 3, "GB", 1, "BR", 1, "DE", 1)
		return []tableDef{
			{name: "contacts", people: people, cols: []colDef{
				col("hs_object_id", "bigint", None, seq(1001)),
				col("firstname", "text", "person_name", firstV),
				col("lastname", "text", "person_name", lastV),
				col("email", "text", "email", emailV),
				col("phone", "text", "phone", phoneMixV(false, "intl", "national", "e164")).sparse(0.4),
				col("mobilephone", "text", "phone", phoneMixV(true, "e164", "intl")).sparse(0.55),
				col("hs_calculated_phone_number", "text", "phone", phoneV(true, "e164")).sparse(0.5),
				col("address", "text", "postal_address", lineV).sparse(0.5),
				col("city", "text", "city", cityV).sparse(0.3),
				col("state", "text", "postal_address", regionV).sparse(0.5),
				col("zip", "text", "postal_code", postcodeV).sparse(0.5),
				col("country", "text", "country", countryEN).sparse(0.3),
				col("jobtitle", "text", "employment", oneOf(jobTitles...)).sparse(0.5),
				col("company", "text", "employment", orgV(companies, func(o org) string { return o.name })).sparse(0.4),
				col("date_of_birth", "text", "date_of_birth", dobV).sparse(0.8),
				col("gender", "text", "gender", func(r *row) string {
					if r.g.chance(0.05) {
						return pick(r.g, []string{"Non-binary", "Prefer not to say"})
					}
					return r.p.gender([]string{"Male", "Female"})
				}).sparse(0.5),
				col("age_range", "text", "age", func(r *row) string {
					a := r.p.age()
					switch {
					case a < 25:
						return "18-24"
					case a < 35:
						return "25-34"
					case a < 45:
						return "35-44"
					case a < 55:
						return "45-54"
					case a < 65:
						return "55-64"
					}
					return "65+"
				}).sparse(0.7),
				col("cpf", "text", "national_id", func(r *row) string {
					if r.p.code != "BR" {
						return ""
					}
					return r.p.nationalID()
				}),
				col("twitterhandle", "text", "username", func(r *row) string { return "@" + r.p.username }).sparse(0.85),
				col("lifecyclestage", "text", None, oneOf("subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead", "opportunity", "customer", "evangelist")),
				col("hs_lead_status", "text", None, oneOf("NEW", "OPEN", "IN_PROGRESS", "OPEN_DEAL", "UNQUALIFIED", "ATTEMPTED_TO_CONTACT", "CONNECTED")).sparse(0.3),
				col("hs_legal_basis", "text", None, oneOf("Legitimate interest – prospect/lead", "Legitimate interest – existing customer", "Freely given consent from contact", "Performance of a contract")).sparse(0.2),
				col("hs_email_optout", "boolean", None, pgBool(0.1)),
				col("hs_analytics_source", "text", None, oneOf("ORGANIC_SEARCH", "DIRECT_TRAFFIC", "PAID_SEARCH", "SOCIAL_MEDIA", "EMAIL_MARKETING", "REFERRALS", "OFFLINE")),
				col("hs_analytics_num_page_views", "numeric", None, intRange(0, 240)),
				col("ip_city", "text", "city", cityV).sparse(0.6),
				col("ip_country", "text", "country", func(r *row) string { return strings.ToLower(r.p.code) }).sparse(0.6),
				col("hs_email_domain", "text", None, func(r *row) string { return r.p.email[strings.IndexByte(r.p.email, '@')+1:] }),
				col("hubspot_owner_id", "bigint", None, oneOf("51234567", "51234599", "60012345", "60012377")).sparse(0.2),
				col("createdate", "timestamp with time zone", None, tsV),
				col("lastmodifieddate", "timestamp with time zone", None, tsV),
				col("notes_last_contacted", "timestamp with time zone", None, tsV).sparse(0.4),
				col("message", "text", "free_text_may_contain_pii", notesV("en", 0.5)).sparse(0.75),
			}},
			{name: "companies", people: companies, cols: []colDef{
				col("hs_object_id", "bigint", None, seq(5001)),
				col("name", "text", None, orgV(companies, func(o org) string { return o.name })),
				col("domain", "text", None, orgV(companies, func(o org) string { return strings.TrimPrefix(o.web, "www.") })),
				col("phone", "text", None, orgV(companies, func(o org) string { return o.phone })).sparse(0.2),
				col("address", "text", None, orgV(companies, func(o org) string { return o.line })).sparse(0.2),
				col("city", "text", None, orgV(companies, func(o org) string { return o.city })),
				col("zip", "text", None, orgV(companies, func(o org) string { return o.postcode })).sparse(0.2),
				col("country", "text", None, orgV(companies, func(o org) string { return o.country })),
				col("industry", "text", None, orgV(companies, func(o org) string { return strings.ToUpper(strings.ReplaceAll(o.industry, " ", "_")) })),
				col("numberofemployees", "numeric", None, intRange(2, 40000)).sparse(0.3),
				col("annualrevenue", "numeric", None, func(r *row) string { return strconv.Itoa(r.g.between(1, 500) * 100000) }).sparse(0.5),
				col("createdate", "timestamp with time zone", None, tsV),
			}},
			{name: "deals", cols: []colDef{
				col("hs_object_id", "bigint", None, seq(9001)),
				col("dealname", "text", None, func(r *row) string {
					return pick(r.g, orgWords) + " – " + pick(r.g, []string{"Annual plan", "Starter", "Enterprise", "Renewal 2025"})
				}),
				col("amount", "numeric", None, moneyV(500, 90000)),
				col("dealstage", "text", None, oneOf("appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost")),
				col("pipeline", "text", None, constant("default")),
				col("closedate", "timestamp with time zone", None, tsV).sparse(0.3),
				col("hubspot_owner_id", "bigint", None, oneOf("51234567", "51234599", "60012345")),
			}},
			{name: "email_events", people: people, cols: []colDef{
				col("id", "text", None, uuidV),
				col("recipient", "text", "email", emailV),
				col("type", "text", None, oneOf("SENT", "DELIVERED", "OPEN", "CLICK", "BOUNCE", "UNSUBSCRIBED")),
				col("emailcampaignid", "bigint", None, oneOf("118899001", "118899002", "118899017")),
				col("browser", "text", "device_id", userAgentV).sparse(0.5),
				col("ipaddress", "text", "ip_address", func(r *row) string { return r.g.ipv4() }).sparse(0.5),
				col("url", "text", None, oneOf("https://www.example-shop.com/sale", "https://www.example-shop.com/blog/gdpr", "https://www.example-shop.com/pricing")).sparse(0.7),
				col("created", "timestamp with time zone", None, tsV),
			}},
		}
	},
}

// userAgentV returns a browser user agent string of a current browser.
func userAgentV(r *row) string {
	g := r.g
	switch g.intn(6) {
	case 0:
		return fmt.Sprintf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Safari/537.36", g.between(120, 126), g.between(6000, 6500), g.between(0, 200))
	case 1:
		return fmt.Sprintf("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Safari/605.1.15", g.between(0, 5))
	case 2:
		return fmt.Sprintf("Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.%d Mobile/15E148 Safari/604.1", g.between(0, 5), g.between(0, 5))
	case 3:
		return fmt.Sprintf("Mozilla/5.0 (Linux; Android %d; %s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.%d.%d Mobile Safari/537.36", g.between(12, 14), pick(g, []string{"SM-S918B", "Pixel 8", "SM-A546B", "M2101K6G"}), g.between(120, 126), g.between(6000, 6500), g.between(0, 200))
	case 4:
		return fmt.Sprintf("Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:%d.0) Gecko/20100101 Firefox/%d.0", g.between(120, 126), g.between(120, 126))
	}
	v := g.between(120, 126)
	return fmt.Sprintf("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%d.0.0.0 Safari/537.36 Edg/%d.0.%d.%d", v, v, g.between(2000, 2600), g.between(0, 99))
}

var suitecrmSchema = schemaDef{
	name: "suitecrm", engine: "mysql",
	style: "SuiteCRM/SugarCRM 7 tables (snake_case, char(36) ids, deleted flags, email_addresses), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("GB", 4, "US", 2, "DE", 2, "FR", 1, "IT", 1, "ES", 1)
		companies := mixOf("GB", 2, "DE", 2, "US", 1, "FR", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		users := []string{"1", "seed_sally_id", "seed_max_id", "seed_will_id", "seed_chris_id"}
		return append([]tableDef{
			{name: "contacts", people: people, cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("date_entered", "datetime", None, tsV),
				col("date_modified", "datetime", None, tsV),
				col("modified_user_id", "char(36)", None, oneOf(users...)),
				col("created_by", "char(36)", None, oneOf(users...)),
				col("description", "text", "free_text_may_contain_pii", notesV("en", 0.4)).sparse(0.6),
				col("deleted", "tinyint(1)", None, myBool(0.03)),
				col("assigned_user_id", "char(36)", None, oneOf(users...)),
				col("salutation", v(255), "gender", func(r *row) string { return r.p.gender([]string{"Mr.", pick(r.g, []string{"Ms.", "Mrs."})}) }).sparse(0.3),
				col("first_name", v(100), "person_name", firstV),
				col("last_name", v(100), "person_name", lastV),
				col("title", v(100), "employment", oneOf(jobTitles...)).sparse(0.4),
				col("department", v(255), "employment", oneOf(departments...)).sparse(0.6),
				col("do_not_call", "tinyint(1)", None, myBool(0.05)),
				col("phone_home", v(100), "phone", phoneV(false, "national")).sparse(0.7),
				col("phone_mobile", v(100), "phone", phoneMixV(true, "national", "intl")).sparse(0.4),
				col("phone_work", v(100), "phone", phoneV(false, "intl")).sparse(0.4),
				col("phone_other", v(100), "phone", phoneV(false, "national")).sparse(0.9),
				col("primary_address_street", v(150), "postal_address", lineV),
				col("primary_address_city", v(100), "city", cityV),
				col("primary_address_state", v(100), "postal_address", regionV).sparse(0.4),
				col("primary_address_postalcode", v(20), "postal_code", postcodeV),
				col("primary_address_country", v(255), "country", countryEN),
				col("alt_address_street", v(150), "postal_address", func(r *row) string { return newPerson(r.g, r.p.code).line }).sparse(0.85),
				col("alt_address_city", v(100), "city", func(r *row) string { return newPerson(r.g, r.p.code).city }).sparse(0.85),
				col("assistant", v(75), "person_name", func(r *row) string { return newPerson(r.g, r.p.code).full() }).sparse(0.85),
				col("assistant_phone", v(100), "phone", phoneV(false, "intl")).sparse(0.88),
				col("lead_source", v(255), None, oneOf("Cold Call", "Existing Customer", "Self Generated", "Employee", "Partner", "Web Site", "Email", "Campaign")).sparse(0.3),
				col("reports_to_id", "char(36)", None, uuidV).sparse(0.8),
				col("birthdate", "date", "date_of_birth", dobV).sparse(0.7),
				col("campaign_id", "char(36)", None, oneOf("d2b4c5a8-0f3e-4a6b-9b1c-7e2f3a4b5c6d", "a1b2c3d4-e5f6-4789-8abc-def012345678")).sparse(0.8),
			}},
			{name: "email_addresses", people: people, cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("email_address", v(255), "email", emailV),
				col("email_address_caps", v(255), "email", func(r *row) string { return strings.ToUpper(r.p.email) }),
				col("invalid_email", "tinyint(1)", None, myBool(0.04)),
				col("opt_out", "tinyint(1)", None, myBool(0.1)),
				col("confirm_opt_in", v(255), None, oneOf("not-opt-in", "opt-in", "confirmed-opt-in")),
				col("confirm_opt_in_date", "datetime", None, tsV).sparse(0.5),
				col("date_created", "datetime", None, tsV),
				col("date_modified", "datetime", None, tsV),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
			}},
			{name: "email_addr_bean_rel", cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("email_address_id", "char(36)", None, uuidV),
				col("bean_id", "char(36)", None, uuidV),
				col("bean_module", v(100), None, oneOf("Contacts", "Leads", "Accounts", "Users", "Prospects")),
				col("primary_address", "tinyint(1)", None, myBool(0.8)),
				col("reply_to_address", "tinyint(1)", None, myBool(0.05)),
				col("date_created", "datetime", None, tsV),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
			}},
			{name: "accounts", people: companies, cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("name", v(150), None, orgV(companies, func(o org) string { return o.name })),
				col("account_type", v(50), None, oneOf("Customer", "Partner", "Reseller", "Competitor", "Investor", "Analyst")),
				col("industry", v(50), None, orgV(companies, func(o org) string { return o.industry })),
				col("annual_revenue", v(100), None, func(r *row) string { return strconv.Itoa(r.g.between(1, 90)) + "M" }).sparse(0.5),
				col("billing_address_street", v(150), None, orgV(companies, func(o org) string { return o.line })),
				col("billing_address_city", v(100), None, orgV(companies, func(o org) string { return o.city })),
				col("billing_address_postalcode", v(20), None, orgV(companies, func(o org) string { return o.postcode })),
				col("billing_address_country", v(255), None, orgV(companies, func(o org) string { return o.country })),
				col("phone_office", v(100), None, orgV(companies, func(o org) string { return o.phone })),
				col("website", v(255), None, orgV(companies, func(o org) string { return "https://" + o.web })).sparse(0.2),
				col("sic_code", v(10), None, intRange(1000, 9999)).sparse(0.6),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
			}},
			{name: "users", rows: 40, people: mixOf("GB", 2, "DE", 1), cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("user_name", v(60), "username", userV),
				col("user_hash", v(255), "password_or_secret", func(r *row) string {
					if r.g.chance(0.2) {
						return r.g.hex(32) // legacy unsalted MD5
					}
					return bcryptV("2y")(r)
				}),
				col("first_name", v(255), "person_name", firstV),
				col("last_name", v(255), "person_name", lastV),
				col("title", v(50), "employment", oneOf(jobTitles...)).sparse(0.3),
				col("department", v(50), "employment", oneOf(departments...)).sparse(0.3),
				col("phone_work", v(50), "phone", phoneV(false, "intl")).sparse(0.3),
				col("status", v(100), None, oneOf("Active", "Active", "Inactive")),
				col("is_admin", "tinyint(1)", None, myBool(0.1)),
				col("employee_status", v(100), None, oneOf("Active", "Terminated", "Leave of Absence")),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
			}},
			{name: "leads", people: people, cols: []colDef{
				col("id", "char(36)", None, uuidV),
				col("first_name", v(100), "person_name", firstV),
				col("last_name", v(100), "person_name", lastV),
				col("account_name", v(255), "employment", orgV(companies, func(o org) string { return o.name })).sparse(0.3),
				col("status", v(100), None, oneOf("New", "Assigned", "In Process", "Converted", "Recycled", "Dead")),
				col("lead_source", v(100), None, oneOf("Cold Call", "Web Site", "Trade Show", "Email")),
				col("primary_address_city", v(100), "city", cityV).sparse(0.4),
				col("phone_mobile", v(100), "phone", phoneMixV(true, "national", "intl")).sparse(0.3),
				col("converted", "tinyint(1)", None, myBool(0.2)),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
			}},
		}, suitecrmConfigTables(v)...)
	},
}

// bcryptV returns a bcrypt hash in the modular crypt format.
func bcryptV(variant string) func(r *row) string {
	const b64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	return func(r *row) string {
		return "$" + variant + "$" + pick(r.g, []string{"10", "12"}) + "$" + r.g.from(b64, 53)
	}
}

func argon2V(r *row) string {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	return "$argon2id$v=19$m=65536,t=3,p=4$" + r.g.from(b64, 22) + "$" + r.g.from(b64, 43)
}

func pbkdf2DjangoV(r *row) string {
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	return "pbkdf2_sha256$600000$" + r.g.alnum(22) + "$" + r.g.from(b64, 43) + "="
}

func pbkdf2PasslibV(r *row) string {
	const ab64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
	return "$pbkdf2-sha512$25000$" + r.g.from(ab64, 22) + "$" + r.g.from(ab64, 86)
}

var odooSchema = schemaDef{
	name: "odoo", engine: "postgres",
	style: "Odoo 17 (res_partner mixing people and companies, res_users, hr_employee, jsonb translations), PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("BE", 3, "FR", 3, "DE", 2, "NL", 2, "ES", 1)
		companies := mixOf("BE", 2, "FR", 2, "DE", 1, "NL", 1)
		vc := "character varying"
		ts := "timestamp without time zone"
		isCompany := func(r *row) bool {
			return r.once("is_company", func() string { return tf(r.g.chance(0.28)) }) == "true"
		}
		partner := func(person func(r *row) string, company func(o org) string) func(r *row) string {
			co := orgV(companies, company)
			return func(r *row) string {
				if isCompany(r) {
					return co(r)
				}
				return person(r)
			}
		}
		return append([]tableDef{
			{name: "res_partner", people: people, cols: []colDef{
				col("id", "integer", None, seq(7)),
				col("name", vc, "person_name", partner(fullV, func(o org) string { return o.name })),
				col("display_name", vc, "person_name", partner(func(r *row) string {
					if r.g.chance(0.4) {
						return newOrg(r.g, r.p.code).name + ", " + r.p.full()
					}
					return r.p.full()
				}, func(o org) string { return o.name })),
				col("company_type", vc, None, func(r *row) string {
					if isCompany(r) {
						return "company"
					}
					return "person"
				}),
				col("is_company", "boolean", None, func(r *row) string { return tf(isCompany(r)) }),
				col("parent_id", "integer", None, intRange(7, 600)).sparse(0.6),
				col("street", vc, "postal_address", partner(lineV, func(o org) string { return o.line })),
				col("street2", vc, "postal_address", oneOf("Bâtiment B", "2e étage", "Appartement 12", "Bus 3", "c/o Reception", "Hinterhaus", "3 hoog")).sparse(0.85),
				col("zip", vc, "postal_code", partner(postcodeV, func(o org) string { return o.postcode })),
				col("city", vc, "city", partner(cityV, func(o org) string { return o.city })),
				col("state_id", "integer", "postal_address", intRange(1, 120)).sparse(0.5),
				col("country_id", "integer", "country", oneOf("20", "75", "57", "166", "68")),
				col("email", vc, "email", partner(emailV, func(o org) string { return o.email })).sparse(0.1),
				col("phone", vc, "phone", partner(phoneMixV(false, "intl", "national"), func(o org) string { return o.phone })).sparse(0.3),
				col("mobile", vc, "phone", func(r *row) string {
					if isCompany(r) {
						return ""
					}
					return r.p.phone(true).format(pick(r.g, []string{"intl", "national"}))
				}).sparse(0.4),
				col("vat", vc, None, func(r *row) string {
					if !isCompany(r) {
						return ""
					}
					return r.org.vat
				}),
				col("function", vc, "employment", func(r *row) string {
					if isCompany(r) {
						return ""
					}
					return pick(r.g, jobTitles)
				}).sparse(0.5),
				col("website", vc, None, func(r *row) string {
					if !isCompany(r) {
						return ""
					}
					return "https://" + r.org.web
				}).sparse(0.2),
				col("comment", "text", "free_text_may_contain_pii", func(r *row) string {
					return "<p>" + notesV(pick(r.g, []string{"fr", "en", "nl"}), 0.5)(r) + "</p>"
				}).sparse(0.6),
				col("lang", vc, None, oneOf("fr_BE", "nl_BE", "fr_FR", "de_DE", "nl_NL", "en_US", "es_ES")),
				col("tz", vc, None, oneOf("Europe/Brussels", "Europe/Paris", "Europe/Berlin", "Europe/Amsterdam")).sparse(0.3),
				col("active", "boolean", None, pgBool(0.96)),
				col("customer_rank", "integer", None, intRange(0, 12)),
				col("supplier_rank", "integer", None, intRange(0, 2)),
				col("ref", vc, None, func(r *row) string { return fmt.Sprintf("CUST%05d", r.g.between(1, 40000)) }).sparse(0.5),
				col("partner_latitude", "numeric", "geo_location", func(r *row) string {
					lat, _ := r.p.geo()
					return fmt.Sprintf("%.7f", lat)
				}).sparse(0.7),
				col("partner_longitude", "numeric", "geo_location", func(r *row) string {
					_, lon := r.p.geo()
					return fmt.Sprintf("%.7f", lon)
				}).sparse(0.7),
				col("create_date", ts, None, tsV),
				col("write_date", ts, None, tsV),
			}},
			{name: "res_users", rows: 80, people: people, cols: []colDef{
				col("id", "integer", None, seq(2)),
				col("login", vc, "username", func(r *row) string {
					if r.g.chance(0.6) {
						return r.p.email
					}
					return r.p.username
				}),
				col("password", vc, "password_or_secret", pbkdf2PasslibV),
				col("partner_id", "integer", None, intRange(3, 900)),
				col("active", "boolean", None, pgBool(0.9)),
				col("share", "boolean", None, pgBool(0.7)),
				col("signature", "text", "free_text_may_contain_pii", func(r *row) string {
					return "<p>--<br>" + r.p.full() + "<br>" + r.p.phone(false).format("intl") + "</p>"
				}).sparse(0.5),
				col("totp_secret", vc, "password_or_secret", func(r *row) string { return r.g.from(base32Chars, 32) }).sparse(0.85),
				col("create_date", ts, None, tsV),
			}},
			{name: "res_company", rows: 3, people: companies, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("name", vc, None, orgV(companies, func(o org) string { return o.name })),
				col("street", vc, None, orgV(companies, func(o org) string { return o.line })),
				col("zip", vc, None, orgV(companies, func(o org) string { return o.postcode })),
				col("city", vc, None, orgV(companies, func(o org) string { return o.city })),
				col("email", vc, None, orgV(companies, func(o org) string { return o.email })),
				col("phone", vc, None, orgV(companies, func(o org) string { return o.phone })),
				col("vat", vc, None, orgV(companies, func(o org) string { return o.vat })),
				col("company_registry", vc, None, func(r *row) string { return "0" + r.g.digits(9) }),
				col("currency_id", "integer", None, constant("1")),
			}},
			{name: "res_country", rows: len(countryTable), cols: []colDef{
				col("id", "integer", None, func(r *row) string { return strconv.Itoa(r.i + 1) }),
				col("name", "jsonb", None, func(r *row) string {
					c := countryTable[r.i]
					return fmt.Sprintf(`{"en_US": %q, "fr_FR": %q, "de_DE": %q}`, c.en, c.fr, c.de)
				}),
				col("code", vc+"(2)", None, func(r *row) string { return countryTable[r.i].iso2 }),
				col("phone_code", "integer", None, func(r *row) string { return countryTable[r.i].dial }),
				col("currency_id", "integer", None, intRange(1, 40)),
			}},
			{name: "product_template", cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("name", "jsonb", None, func(r *row) string { return fmt.Sprintf(`{"en_US": %q}`, productName(r)) }),
				col("default_code", vc, None, skuV),
				col("list_price", "numeric", None, moneyV(2, 2500)),
				col("type", vc, None, oneOf("consu", "service", "product")),
				col("categ_id", "integer", None, intRange(1, 12)),
				col("description_sale", "jsonb", None, func(r *row) string { return fmt.Sprintf(`{"en_US": %q}`, plainTextV(productSentences...)(r)) }).sparse(0.4),
				col("active", "boolean", None, pgBool(0.95)),
				col("create_date", ts, None, tsV),
			}},
			{name: "hr_employee", rows: 120, people: mixOf("BE", 5, "FR", 2, "NL", 1), cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("name", vc, "person_name", fullV),
				col("job_title", vc, "employment", oneOf(jobTitles...)),
				col("work_email", vc, "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@yourcompany.be"
				}),
				col("work_phone", vc, "phone", phoneV(false, "intl")).sparse(0.3),
				col("mobile_phone", vc, "phone", phoneV(true, "national")).sparse(0.3),
				col("private_street", vc, "postal_address", lineV),
				col("private_city", vc, "city", cityV),
				col("private_zip", vc, "postal_code", postcodeV),
				col("private_email", vc, "email", emailV).sparse(0.3),
				col("private_phone", vc, "phone", phoneV(true, "intl")).sparse(0.4),
				col("birthday", "date", "date_of_birth", func(r *row) string { return dateText(r.g.day(1960, 2004)) }),
				col("place_of_birth", vc, "city", func(r *row) string { return newPerson(r.g, r.p.code).city }).sparse(0.3),
				col("gender", vc, "gender", func(r *row) string {
					if r.g.chance(0.03) {
						return "other"
					}
					return r.p.gender([]string{"male", "female"})
				}),
				col("identification_id", vc, "national_id", func(r *row) string {
					if r.p.code == "BE" {
						return r.g.beNationalNumber(r.p.female, r.p.birth)
					}
					return r.p.nationalID()
				}),
				col("passport_id", vc, "passport", func(r *row) string { return r.p.passport() }).sparse(0.7),
				col("emergency_contact", vc, "person_name", func(r *row) string { return newPerson(r.g, r.p.code).full() }).sparse(0.2),
				col("emergency_phone", vc, "phone", phoneV(true, "national")).sparse(0.2),
				col("bank_account_id", "integer", None, intRange(1, 400)).sparse(0.1),
				col("department_id", "integer", "employment", intRange(1, 9)),
				col("country_id", "integer", "country", oneOf("20", "75", "166")),
				col("private_state_id", "integer", "postal_address", intRange(1, 120)).sparse(0.6),
				col("private_country_id", "integer", "country", oneOf("20", "75", "166")).sparse(0.2),
				col("country_of_birth", "integer", "country", oneOf("20", "75", "166", "57")).sparse(0.5),
				col("spouse_complete_name", vc, "person_name", func(r *row) string { return newPerson(r.g, r.p.code).full() }).sparse(0.8),
				col("pin", vc, "password_or_secret", func(r *row) string { return r.g.digits(4) }).sparse(0.7),
				col("active", "boolean", None, pgBool(0.95)),
			}},
		}, odooExtraTables(mixOf("BE", 5, "FR", 2, "NL", 1))...)
	},
}

func skuV(r *row) string {
	switch r.g.intn(3) {
	case 0:
		return fmt.Sprintf("%s-%04d", r.g.letters(3), r.g.between(1, 9999))
	case 1:
		return fmt.Sprintf("%s%d-%s", r.g.letters(2), r.g.between(100, 999), pick(r.g, []string{"BLK", "WHT", "RED", "XL", "M", "S"}))
	}
	return fmt.Sprintf("FURN_%04d", r.g.between(1, 9999))
}

var productNouns = []string{"Office Chair", "Standing Desk", "Monitor Arm", "USB-C Hub", "Wireless Mouse", "Mechanical Keyboard", "Laptop Sleeve", "Desk Lamp", "Noise-Cancelling Headphones", "Webcam 4K", "Water Bottle", "Notebook A5", "Coffee Mug", "Cable Organizer", "Ergonomic Footrest", "Whiteboard", "Printer Paper", "Toner Cartridge", "Conference Speaker", "Docking Station"}
var productAdjs = []string{"Pro", "Classic", "Eco", "Premium", "Compact", "Deluxe", "Lite", "Max", "Plus", "Essential"}

func productName(r *row) string {
	if r.g.chance(0.5) {
		return pick(r.g, productNouns) + " " + pick(r.g, productAdjs)
	}
	return pick(r.g, productNouns)
}

type countryRow struct{ iso2, iso3, en, fr, de, dial, currency string }

var countryTable = []countryRow{
	{"DE", "DEU", "Germany", "Allemagne", "Deutschland", "49", "EUR"}, {"FR", "FRA", "France", "France", "Frankreich", "33", "EUR"},
	{"GB", "GBR", "United Kingdom", "Royaume-Uni", "Vereinigtes Königreich", "44", "GBP"}, {"US", "USA", "United States", "États-Unis", "Vereinigte Staaten", "1", "USD"},
	{"ES", "ESP", "Spain", "Espagne", "Spanien", "34", "EUR"}, {"IT", "ITA", "Italy", "Italie", "Italien", "39", "EUR"},
	{"NL", "NLD", "Netherlands", "Pays-Bas", "Niederlande", "31", "EUR"}, {"BE", "BEL", "Belgium", "Belgique", "Belgien", "32", "EUR"},
	{"AT", "AUT", "Austria", "Autriche", "Österreich", "43", "EUR"}, {"CH", "CHE", "Switzerland", "Suisse", "Schweiz", "41", "CHF"},
	{"PL", "POL", "Poland", "Pologne", "Polen", "48", "PLN"}, {"SE", "SWE", "Sweden", "Suède", "Schweden", "46", "SEK"},
	{"DK", "DNK", "Denmark", "Danemark", "Dänemark", "45", "DKK"}, {"NO", "NOR", "Norway", "Norvège", "Norwegen", "47", "NOK"},
	{"FI", "FIN", "Finland", "Finlande", "Finnland", "358", "EUR"}, {"IE", "IRL", "Ireland", "Irlande", "Irland", "353", "EUR"},
	{"PT", "PRT", "Portugal", "Portugal", "Portugal", "351", "EUR"}, {"CZ", "CZE", "Czechia", "Tchéquie", "Tschechien", "420", "CZK"},
	{"HU", "HUN", "Hungary", "Hongrie", "Ungarn", "36", "HUF"}, {"RO", "ROU", "Romania", "Roumanie", "Rumänien", "40", "RON"},
	{"GR", "GRC", "Greece", "Grèce", "Griechenland", "30", "EUR"}, {"LU", "LUX", "Luxembourg", "Luxembourg", "Luxemburg", "352", "EUR"},
	{"BR", "BRA", "Brazil", "Brésil", "Brasilien", "55", "BRL"}, {"CN", "CHN", "China", "Chine", "China", "86", "CNY"},
	{"TW", "TWN", "Taiwan", "Taïwan", "Taiwan", "886", "TWD"}, {"JP", "JPN", "Japan", "Japon", "Japan", "81", "JPY"},
	{"IN", "IND", "India", "Inde", "Indien", "91", "INR"}, {"CA", "CAN", "Canada", "Canada", "Kanada", "1", "CAD"},
	{"AU", "AUS", "Australia", "Australie", "Australien", "61", "AUD"}, {"TR", "TUR", "Türkiye", "Turquie", "Türkei", "90", "TRY"},
	{"MA", "MAR", "Morocco", "Maroc", "Marokko", "212", "MAD"}, {"ZA", "ZAF", "South Africa", "Afrique du Sud", "Südafrika", "27", "ZAR"},
	{"MX", "MEX", "Mexico", "Mexique", "Mexiko", "52", "MXN"}, {"AR", "ARG", "Argentina", "Argentine", "Argentinien", "54", "ARS"},
	{"KR", "KOR", "South Korea", "Corée du Sud", "Südkorea", "82", "KRW"}, {"SG", "SGP", "Singapore", "Singapour", "Singapur", "65", "SGD"},
	{"AE", "ARE", "United Arab Emirates", "Émirats arabes unis", "Vereinigte Arabische Emirate", "971", "AED"}, {"IL", "ISR", "Israel", "Israël", "Israel", "972", "ILS"},
	{"UA", "UKR", "Ukraine", "Ukraine", "Ukraine", "380", "UAH"}, {"HR", "HRV", "Croatia", "Croatie", "Kroatien", "385", "EUR"},
}

package eval

import (
	"fmt"
	"strconv"
	"strings"
)

// Operational schemas around a CRM: a helpdesk, HR, web and app analytics, authentication.

var helpdeskSchema = schemaDef{
	name: "helpdesk", engine: "sqlite",
	style: "Ticketing system (tickets, comments, agents, macros, chats) with free-text bodies, SQLite",
	tables: func(g *gen) []tableDef {
		people := mixOf("US", 3, "GB", 3, "DE", 2, "FR", 1, "NL", 1)
		return []tableDef{
			{name: "tickets", people: people, cols: []colDef{
				col("id", "INTEGER", None, seq(40001)),
				col("subject", "TEXT", None, oneOf("Cannot log in", "Refund request", "Invoice question", "Bug: export fails", "Feature request", "Account locked", "Change of plan", "Data deletion request", "Wrong delivery address", "App crashes on start")),
				col("description", "TEXT", "free_text_may_contain_pii", notesV("ticket", 0.55)),
				col("requester_email", "TEXT", "email", emailV),
				col("requester_name", "TEXT", "person_name", fullV).sparse(0.2),
				col("assignee_id", "INTEGER", None, intRange(1, 25)).sparse(0.2),
				col("group_id", "INTEGER", None, oneOf("1", "2", "3", "4")),
				col("status", "TEXT", None, oneOf("new", "open", "pending", "hold", "solved", "closed")),
				col("priority", "TEXT", None, oneOf("low", "normal", "normal", "high", "urgent")).sparse(0.3),
				col("channel", "TEXT", None, oneOf("email", "web", "phone", "chat", "api")),
				col("tags", "TEXT", None, oneOf("billing", "billing refund", "login", "bug export", "gdpr", "feature_request", "mobile ios", "")),
				col("satisfaction_rating", "TEXT", None, oneOf("good", "bad", "offered", "unoffered")).sparse(0.4),
				col("created_at", "DATETIME", None, tsV),
				col("updated_at", "DATETIME", None, tsV),
			}},
			{name: "ticket_comments", people: people, cols: []colDef{
				col("id", "INTEGER", None, seq(900001)),
				col("ticket_id", "INTEGER", None, intRange(40001, 40700)),
				col("author_id", "INTEGER", None, intRange(1, 5000)),
				col("body", "TEXT", "free_text_may_contain_pii", notesV("ticket", 0.45)),
				col("public", "BOOLEAN", None, myBool(0.8)),
				col("created_at", "DATETIME", None, tsV),
			}},
			{name: "agents", rows: 25, people: mixOf("GB", 1, "DE", 1), cols: []colDef{
				col("id", "INTEGER", None, seq(1)),
				col("name", "TEXT", "person_name", fullV),
				col("email", "TEXT", "email", func(r *row) string { return lowerASCII(r.p.latinF) + "@support.example-saas.com" }),
				col("role", "TEXT", None, oneOf("agent", "agent", "admin", "light_agent")),
				col("signature", "TEXT", "free_text_may_contain_pii", func(r *row) string {
					return "Best regards,\n" + r.p.first + " " + r.p.last + "\nCustomer Support | " + r.p.phone(false).format("intl")
				}),
				col("active", "BOOLEAN", None, myBool(0.9)),
			}},
			{name: "macros", rows: 30, cols: []colDef{
				col("id", "INTEGER", None, seq(1)),
				col("title", "TEXT", None, oneOf("Refund approved", "Password reset", "Close: no response", "Escalate to tier 2", "GDPR deletion confirmed", "Shipping delay")),
				col("body", "TEXT", None, oneOf(
					"Hi {{ticket.requester.first_name}}, thanks for reaching out. Your refund has been approved.",
					"Hello {{ticket.requester.name}}, you can reset your password at {{account.url}}/reset.",
					"We haven't heard back from you, so we are closing this ticket. Reply to reopen it.",
					"Dear {{ticket.requester.first_name}}, we have deleted your personal data as requested.",
					"Your parcel is delayed; new delivery date: {{ticket.custom.delivery_date}}.")),
				col("active", "BOOLEAN", None, myBool(0.9)),
			}},
			{name: "chats", people: people, cols: []colDef{
				col("id", "TEXT", None, func(r *row) string { return r.g.alnum(16) }),
				col("visitor_id", "TEXT", "device_id", uuidV),
				col("visitor_name", "TEXT", "person_name", fullV).sparse(0.5),
				col("visitor_email", "TEXT", "email", emailV).sparse(0.6),
				col("visitor_ip", "TEXT", "ip_address", func(r *row) string { return r.g.ipv4() }),
				col("transcript", "TEXT", "free_text_may_contain_pii", func(r *row) string {
					return "Visitor: " + notesV("ticket", 0.5)(r) + "\nAgent: Thanks, let me check that for you."
				}),
				col("rating", "INTEGER", None, intRange(1, 5)).sparse(0.6),
				col("started_at", "DATETIME", None, tsV),
				col("duration_s", "INTEGER", None, intRange(20, 3600)),
			}},
		}
	},
}

var hrSchema = schemaDef{
	name: "hr", engine: "postgres",
	style: "HR system of a UK/US/German employer (employees with diversity monitoring, absences, payroll, background checks, occupational health), PostgreSQL",
	tables: func(g *gen) []tableDef {
		staff := mixOf("GB", 4, "US", 3, "DE", 2)
		vc := "character varying"
		return []tableDef{
			{name: "employees", rows: 180, people: staff, cols: []colDef{
				col("employee_id", "integer", None, seq(1001)),
				col("first_name", vc+"(50)", "person_name", firstV),
				col("last_name", vc+"(50)", "person_name", lastV),
				col("preferred_name", vc+"(50)", "person_name", func(r *row) string { return r.p.first[:min(len(r.p.first), 3+r.g.intn(3))] }).sparse(0.85),
				col("work_email", vc+"(100)", "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@northwind-corp.com"
				}),
				col("personal_email", vc+"(100)", "email", emailV).sparse(0.5),
				col("date_of_birth", "date", "date_of_birth", func(r *row) string { return dateText(r.g.day(1958, 2004)) }),
				col("gender", vc+"(20)", "gender", func(r *row) string {
					if r.g.chance(0.04) {
						return pick(r.g, []string{"non-binary", "prefer not to say"})
					}
					return r.p.gender([]string{"male", "female"})
				}),
				col("nationality", vc+"(40)", "country", func(r *row) string {
					if r.g.chance(0.15) {
						return pick(r.g, []string{"Indian", "Polish", "Irish", "Nigerian", "Italian", "Spanish", "Romanian", "Turkish"})
					}
					return map[string]string{"GB": "British", "US": "American", "DE": "German"}[r.p.code]
				}),
				col("national_insurance_number", vc+"(13)", "national_id", func(r *row) string {
					if r.p.code != "GB" {
						return ""
					}
					return r.p.nationalID()
				}),
				col("ssn", "character(11)", "national_id", func(r *row) string {
					if r.p.code != "US" {
						return ""
					}
					return r.g.ssn()
				}),
				col("tax_id", vc+"(11)", "national_id", func(r *row) string {
					if r.p.code != "DE" {
						return ""
					}
					return r.g.steuerID()
				}),
				col("passport_number", vc+"(12)", "passport", func(r *row) string { return r.p.passport() }).sparse(0.75),
				col("photo_path", vc+"(120)", "photo_or_biometric", func(r *row) string { return fmt.Sprintf("/hr/photos/%d_%s.jpg", 1001+r.i, r.g.hex(6)) }).sparse(0.3),
				col("job_title", vc+"(80)", "employment", oneOf(jobTitles...)),
				col("department", vc+"(40)", "employment", oneOf(departments...)),
				col("manager_id", "integer", None, intRange(1001, 1100)).sparse(0.1),
				col("hire_date", "date", "employment", func(r *row) string { return dateText(r.g.day(2002, 2025)) }),
				col("termination_date", "date", "employment", dateV).sparse(0.85),
				col("employment_type", vc+"(20)", "employment", oneOf("full_time", "full_time", "full_time", "part_time", "contractor", "intern")),
				col("salary", "numeric(12,2)", "salary_financial", moneyV(24000, 160000)),
				col("bonus_target_pct", "numeric(5,2)", "salary_financial", oneOf("0.00", "5.00", "10.00", "15.00", "20.00")).sparse(0.4),
				col("bank_iban", vc+"(34)", "iban_bank_account", func(r *row) string {
					if r.p.code == "US" {
						return ""
					}
					return r.g.iban(r.p.code)
				}),
				col("home_address", "text", "postal_address", func(r *row) string { return r.p.line + ", " + r.p.postcode + " " + r.p.city }),
				col("emergency_contact_name", vc+"(100)", "person_name", func(r *row) string { return newPerson(r.g, r.p.code).full() }).sparse(0.2),
				col("emergency_contact_phone", vc+"(30)", "phone", phoneV(true, "intl")).sparse(0.2),
				col("religion", vc+"(30)", "religion_or_belief", oneOf("Christian", "Christian", "No religion", "No religion", "Muslim", "Hindu", "Jewish", "Sikh", "Buddhist", "Prefer not to say")).sparse(0.5),
				col("church_tax_code", vc+"(4)", "religion_or_belief", func(r *row) string {
					if r.p.code != "DE" {
						return ""
					}
					return pick(r.g, []string{"rk", "ev", "--", "--"})
				}),
				col("ethnicity", vc+"(60)", "ethnicity", oneOf("White - British", "White - British", "White - British", "White - Other", "Asian or Asian British - Indian", "Asian or Asian British - Pakistani", "Black or Black British - Caribbean", "Black or Black British - African", "Mixed - White and Asian", "Chinese", "Prefer not to say")).sparse(0.4),
				col("sexual_orientation", vc+"(30)", "sexual_orientation", oneOf("Heterosexual", "Heterosexual", "Heterosexual", "Heterosexual", "Gay or lesbian", "Bisexual", "Other", "Prefer not to say")).sparse(0.5),
				col("union_member", "boolean", "trade_union", pgBool(0.22)),
				col("union_name", vc+"(40)", "trade_union", oneOf("Unite", "UNISON", "GMB", "IG Metall", "ver.di", "Teamsters")).sparse(0.78),
				col("disability", "boolean", "health", pgBool(0.07)),
				col("created_at", "timestamp without time zone", None, tsV),
				col("updated_at", "timestamp without time zone", None, tsV),
			}},
			{name: "absences", people: staff, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("employee_id", "integer", None, intRange(1001, 1180)),
				col("absence_type", vc+"(20)", "health", oneOf("vacation", "sick", "sick", "parental", "unpaid", "training", "sick_child")),
				col("start_date", "date", None, dateV),
				col("end_date", "date", None, dateV),
				col("days", "numeric(4,1)", None, oneOf("0.5", "1.0", "2.0", "3.0", "5.0", "10.0")),
				col("diagnosis_code", vc+"(8)", "health", oneOf("J06.9", "M54.5", "F32.1", "A09.9", "J11.1", "K52.9", "F43.2", "S93.4", "U07.1", "R51")).sparse(0.6),
				col("approved", "boolean", None, pgBool(0.9)),
			}},
			{name: "payroll", people: staff, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("employee_id", "integer", None, intRange(1001, 1180)),
				col("period", vc+"(7)", None, func(r *row) string { return fmt.Sprintf("%d-%02d", 2023+r.g.intn(3), r.g.between(1, 12)) }),
				col("gross_pay", "numeric(10,2)", "salary_financial", moneyV(1800, 14000)),
				col("net_pay", "numeric(10,2)", "salary_financial", moneyV(1300, 9000)),
				col("tax_withheld", "numeric(10,2)", "salary_financial", moneyV(200, 4500)),
				col("pension_contribution", "numeric(10,2)", "salary_financial", moneyV(50, 900)),
				col("currency", "character(3)", None, oneOf("GBP", "USD", "EUR")),
				col("paid_on", "date", None, dateV),
			}},
			{name: "background_checks", rows: 150, people: staff, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("employee_id", "integer", None, intRange(1001, 1180)),
				col("requested_on", "date", None, dateV),
				col("provider", vc+"(30)", None, oneOf("DBS", "Sterling", "HireRight", "Bundesamt für Justiz")),
				col("criminal_record_result", vc+"(40)", "criminal", oneOf("clear", "clear", "clear", "clear", "unspent conviction disclosed", "spent conviction", "pending")),
				col("offence_details", "text", "criminal", oneOf("Driving under the influence (2016)", "Shoplifting, caution (2011)", "Common assault, fine (2018)", "Possession of cannabis (2014)", "Fraud by false representation (2019)")).sparse(0.9),
				col("completed", "boolean", None, pgBool(0.85)),
			}},
			{name: "time_clock", people: staff, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("employee_id", "integer", None, intRange(1001, 1180)),
				col("terminal_id", vc+"(10)", None, oneOf("T-GATE-1", "T-GATE-2", "T-WH-1")),
				col("fingerprint_template", "text", "photo_or_biometric", func(r *row) string { return "Rk1SACAyMAA" + r.g.from(alnumChars+"+/", 180) + "==" }),
				col("clock_in", "timestamp without time zone", None, tsV),
				col("clock_out", "timestamp without time zone", None, tsV).sparse(0.1),
			}},
			{name: "occupational_health", rows: 150, people: staff, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("employee_id", "integer", None, intRange(1001, 1180)),
				col("assessment_date", "date", None, dateV),
				col("fit_for_work", "boolean", "health", pgBool(0.92)),
				col("restrictions", vc+"(120)", "health", oneOf("no heavy lifting", "no night shifts", "reduced hours 4 weeks", "ergonomic chair required", "none")).sparse(0.5),
				col("vaccination_status", vc+"(30)", "health", oneOf("fully vaccinated", "partially vaccinated", "not vaccinated", "exempt")),
				col("blood_type", vc+"(3)", "health", oneOf("A+", "A-", "B+", "B-", "AB+", "AB-", "O+", "O-")).sparse(0.5),
				col("allergies", vc+"(80)", "health", oneOf("penicillin", "peanuts", "latex", "none known", "bee stings", "lactose")).sparse(0.4),
				col("clinician_notes", "text", "health", oneOf("Back pain after lifting, referred to physio.", "Asthma, controlled with inhaler.", "Returning after knee surgery, phased return.", "Stress-related absence, counselling offered.", "Type 2 diabetes, no restrictions.", "Pregnant, risk assessment completed.")).sparse(0.4),
			}},
		}
	},
}

var analyticsSchema = schemaDef{
	name: "analytics", engine: "postgres",
	style: "Web and app analytics (page views with inet and user agent, devices with IDFA/GAID, locations, store locator), PostgreSQL",
	tables: func(g *gen) []tableDef {
		visitors := mixOf("DE", 3, "FR", 2, "GB", 2, "US", 2, "NL", 1, "ES", 1, "IT", 1)
		return []tableDef{
			{name: "page_views", people: visitors, cols: []colDef{
				col("id", "bigint", None, seq(88000001)),
				col("visitor_id", "uuid", "device_id", uuidV),
				col("session_id", "character varying(32)", "device_id", func(r *row) string { return r.g.hex(32) }),
				col("user_id", "bigint", None, intRange(1, 90000)).sparse(0.7),
				col("ip", "inet", "ip_address", func(r *row) string {
					if r.g.chance(0.3) {
						return r.g.ipv6() + "/128"
					}
					return r.g.ipv4() + "/32"
				}),
				col("user_agent", "text", "device_id", userAgentV),
				col("url", "text", None, func(r *row) string {
					return "https://www.example-shop.com" + pick(r.g, []string{"/", "/products/office-chair-pro", "/cart", "/checkout", "/blog/spring-release", "/pricing", "/search?q=desk+lamp", "/account/orders"})
				}),
				col("referrer", "text", None, oneOf("https://www.google.com/", "https://www.bing.com/", "https://duckduckgo.com/", "https://t.co/", "https://www.facebook.com/", "")).sparse(0.3),
				col("utm_source", "character varying(50)", None, oneOf("newsletter", "google", "facebook", "linkedin", "affiliate")).sparse(0.6),
				col("screen_resolution", "character varying(12)", None, oneOf("1920x1080", "1366x768", "1536x864", "390x844", "414x896", "2560x1440", "1440x900")),
				col("language", "character varying(10)", None, oneOf("de-DE", "en-GB", "en-US", "fr-FR", "nl-NL", "es-ES", "it-IT")),
				col("time_on_page_ms", "integer", None, intRange(300, 240000)),
				col("created_at", "timestamp with time zone", None, tsV),
			}},
			{name: "devices", people: visitors, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("user_id", "bigint", None, intRange(1, 90000)),
				col("device_id", "character varying(64)", "device_id", func(r *row) string { return r.g.hex(16) }),
				col("idfa", "uuid", "device_id", func(r *row) string { return upperUUID(r) }).sparse(0.55),
				col("gaid", "uuid", "device_id", uuidV).sparse(0.45),
				col("push_token", "text", "device_id", func(r *row) string { return r.g.alnum(22) + ":APA91b" + r.g.from(alnumChars+"-_", 134) }).sparse(0.3),
				col("mac_address", "macaddr", "device_id", func(r *row) string {
					h := r.g.hex(12)
					return h[0:2] + ":" + h[2:4] + ":" + h[4:6] + ":" + h[6:8] + ":" + h[8:10] + ":" + h[10:12]
				}).sparse(0.7),
				col("platform", "character varying(10)", None, oneOf("ios", "android")),
				col("os_version", "character varying(16)", None, oneOf("17.4.1", "17.5", "16.7.8", "14", "13", "12", "18.0")),
				col("app_version", "character varying(16)", None, oneOf("3.12.0", "3.12.1", "3.11.4", "4.0.0-beta.2", "3.10.0")),
				col("model", "character varying(32)", None, oneOf("iPhone15,2", "iPhone14,5", "SM-S918B", "Pixel 8", "SM-A546B", "iPad13,18", "M2101K6G")),
				col("first_seen_at", "timestamp with time zone", None, tsV),
				col("last_seen_at", "timestamp with time zone", None, tsV),
			}},
			{name: "locations", people: visitors, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("user_id", "bigint", None, intRange(1, 90000)),
				col("lat", "double precision", "geo_location", func(r *row) string { lat, _ := r.p.geo(); return strconv.FormatFloat(lat, 'f', 6, 64) }),
				col("lon", "double precision", "geo_location", func(r *row) string { _, lon := r.p.geo(); return strconv.FormatFloat(lon, 'f', 6, 64) }),
				col("accuracy_m", "real", None, intRange(3, 1500)),
				col("source", "character varying(8)", None, oneOf("gps", "wifi", "cell")),
				col("recorded_at", "timestamp with time zone", None, tsV),
			}},
			{name: "stores", rows: 60, people: mixOf("DE", 1), cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("name", "character varying(80)", None, func(r *row) string {
					return "Example Shop " + r.p.city + " " + pick(r.g, []string{"Zentrum", "Hauptbahnhof", "Einkaufszentrum", "Nord", "Süd"})
				}),
				col("street", "character varying(100)", None, lineV),
				col("zip", "character varying(10)", None, postcodeV),
				col("city", "character varying(60)", None, cityV),
				col("latitude", "double precision", None, func(r *row) string { lat, _ := r.p.geo(); return strconv.FormatFloat(lat, 'f', 5, 64) }),
				col("longitude", "double precision", None, func(r *row) string { _, lon := r.p.geo(); return strconv.FormatFloat(lon, 'f', 5, 64) }),
				col("phone", "character varying(30)", None, phoneV(false, "national")),
				col("opening_hours", "character varying(60)", None, oneOf("Mo-Sa 10:00-20:00", "Mo-Fr 09:00-19:00, Sa 09:00-16:00", "Mo-Sa 09:30-20:00")),
			}},
			{name: "events", people: visitors, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("anonymous_id", "uuid", "device_id", uuidV),
				col("event_name", "character varying(40)", None, oneOf("page_view", "add_to_cart", "begin_checkout", "purchase", "search", "sign_up", "login")),
				col("properties", "jsonb", None, func(r *row) string {
					return fmt.Sprintf(`{"sku": %q, "price": %s, "currency": "EUR", "quantity": %d}`, skuV(r), money(r.g, 2, 400), r.g.between(1, 4))
				}),
				col("ip", "inet", "ip_address", func(r *row) string { return r.g.ipv4() + "/32" }).sparse(0.2),
				col("created_at", "timestamp with time zone", None, tsV),
			}},
		}
	},
}

var authSchema = schemaDef{
	name: "auth", engine: "postgres",
	style: "Authentication service (users with bcrypt/argon2/pbkdf2 hashes, API tokens, legacy MD5/SHA-1/plaintext accounts, integrations), PostgreSQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("US", 2, "GB", 1, "DE", 2, "FR", 1, "NL", 1)
		vc := "character varying"
		return []tableDef{
			{name: "users", people: people, cols: []colDef{
				col("id", "uuid", None, uuidV),
				col("username", vc+"(40)", "username", userV),
				col("email", vc+"(254)", "email", emailV),
				col("password_hash", vc+"(255)", "password_or_secret", func(r *row) string {
					switch r.g.intn(3) {
					case 0:
						return bcryptV("2b")(r)
					case 1:
						return argon2V(r)
					}
					return pbkdf2DjangoV(r)
				}),
				col("email_verified", "boolean", None, pgBool(0.85)),
				col("mfa_enabled", "boolean", None, pgBool(0.3)),
				col("mfa_secret", vc+"(64)", "password_or_secret", func(r *row) string { return r.g.from(base32Chars, 32) }).sparse(0.7),
				col("last_login_at", "timestamp with time zone", None, tsV).sparse(0.1),
				col("last_login_ip", "inet", "ip_address", func(r *row) string { return r.g.ipv4() + "/32" }).sparse(0.1),
				col("failed_attempts", "integer", None, oneOf("0", "0", "0", "0", "1", "2", "5")),
				col("locale", vc+"(10)", None, oneOf("en", "de", "fr", "nl", "en-GB")),
				col("role", vc+"(20)", None, oneOf("member", "member", "member", "admin", "viewer", "owner")),
				col("avatar_url", "text", "photo_or_biometric", func(r *row) string {
					return "https://cdn.example-saas.com/avatars/" + r.g.hex(24) + pick(r.g, []string{".jpg", ".png", ".webp"})
				}).sparse(0.6),
				col("is_active", "boolean", None, pgBool(0.93)),
				col("created_at", "timestamp with time zone", None, tsV),
			}},
			{name: "api_tokens", people: people, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("user_id", "uuid", None, uuidV),
				col("name", vc+"(60)", None, oneOf("CI token", "laptop", "zapier", "reporting script", "grafana", "backup job")),
				col("token", vc+"(64)", "password_or_secret", func(r *row) string { return "gds_" + r.g.alnum(40) }).sparse(0.5),
				col("token_hash", "character(64)", "password_or_secret", func(r *row) string { return r.g.hex(64) }),
				col("scopes", "text", None, oneOf("read:contacts", "read:contacts write:contacts", "admin", "read:reports", "read:contacts read:deals")),
				col("last_used_at", "timestamp with time zone", None, tsV).sparse(0.3),
				col("expires_at", "timestamp with time zone", None, tsV).sparse(0.4),
				col("created_at", "timestamp with time zone", None, tsV),
			}},
			{name: "legacy_accounts", people: mixOf("DE", 1), cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("login", vc+"(30)", "username", userV),
				col("email", vc+"(100)", "email", emailV).sparse(0.2),
				col("pwd_md5", "character(32)", "password_or_secret", func(r *row) string { return r.g.hex(32) }),
				col("pwd_sha1", "character(40)", "password_or_secret", func(r *row) string { return r.g.hex(40) }).sparse(0.5),
				col("passwort", vc+"(40)", "password_or_secret", func(r *row) string {
					base := pick(r.g, []string{"Sommer", "hallo", "Passwort", "Schalke", "Bayern", "Schatz", "Winter", "qwertz", "Hund", "Mausi", "P@ssw0rd", "Geheim"})
					return base + pick(r.g, []string{"123", "2019", "!", "1", "04", "2024!", "#1", ""})
				}).sparse(0.3),
				col("sicherheitsfrage", vc+"(80)", None, oneOf("Name Ihres ersten Haustiers?", "Geburtsort Ihrer Mutter?", "Lieblingsfilm?", "Name Ihrer Grundschule?")),
				col("sicherheitsantwort", vc+"(80)", "password_or_secret", oneOf("Bello", "Hamburg", "Titanic", "Lessing-Grundschule", "Mieze", "Rocky", "Köln", "Star Wars")),
				col("gesperrt", "boolean", None, pgBool(0.05)),
				col("angelegt", "timestamp without time zone", None, tsV),
			}},
			{name: "password_resets", people: people, cols: []colDef{
				col("email", vc+"(254)", "email", emailV),
				col("token", vc+"(100)", "password_or_secret", func(r *row) string { return r.g.alnum(64) }),
				col("created_at", "timestamp with time zone", None, tsV),
			}},
			{name: "user_connections", people: people, cols: []colDef{
				col("id", "integer", None, seq(1)),
				col("user_id", "uuid", None, uuidV),
				col("provider", vc+"(30)", None, oneOf("google", "github", "slack", "gitlab", "microsoft")),
				col("access_token", "text", "password_or_secret", func(r *row) string {
					return pick(r.g, []string{"ya29.", "gho_", "xoxp-", "glpat-", "EwB"}) + r.g.from(alnumChars+"-_", 40)
				}),
				col("refresh_token", "text", "password_or_secret", func(r *row) string { return "1//" + r.g.from(alnumChars+"-_", 60) }).sparse(0.3),
				col("deploy_private_key", "text", "password_or_secret", func(r *row) string {
					return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + r.g.from(alnumChars+"+/", 70) + "\n" + r.g.from(alnumChars+"+/", 70) + "\n-----END OPENSSH PRIVATE KEY-----"
				}).sparse(0.8),
				col("scopes", "text", None, oneOf("repo read:user", "openid email profile", "channels:read chat:write", "read_api")),
				col("connected_at", "timestamp with time zone", None, tsV),
			}},
		}
	},
}

// used by the shop and legacy schemas
func orderNumber(r *row) string {
	switch r.g.intn(3) {
	case 0:
		return "#" + strconv.Itoa(1000+r.i*7+r.g.intn(7))
	case 1:
		return fmt.Sprintf("SO-%d-%05d", 2022+r.g.intn(4), r.g.between(1, 99999))
	}
	return "ORD" + strings.ToUpper(r.g.hex(8))
}

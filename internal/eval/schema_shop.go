package eval

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// A web shop (WooCommerce/Shopify-like) with its lookup and settings tables: most of its
// columns are decoys. And a legacy host system with abbreviated names.

var shopSchema = schemaDef{
	name: "shop", engine: "mysql",
	style: "Web shop (customers, orders, products, lookups, settings, blog, templates, audit log, wp_users), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("DE", 4, "AT", 1, "FR", 2, "NL", 1, "GB", 2, "ES", 1, "IT", 1, "PL", 1)
		own := newOrg(g, "DE")
		var cityRows []place
		var cityCountry []string
		for _, code := range []string{"DE", "FR", "GB", "ES", "IT", "NL", "PL", "SE", "US", "AT", "BE"} {
			for _, p := range locales[code].places {
				cityRows = append(cityRows, p)
				cityCountry = append(cityCountry, code)
			}
		}
		return []tableDef{
			{name: "customers", people: people, cols: []colDef{
				col("id", "int", None, seq(1)),
				col("external_id", "char(36)", None, uuidV),
				col("email", "varchar(191)", "email", emailV),
				col("email_sha256", "char(64)", None, func(r *row) string { return r.g.hex(64) }),
				col("first_name", "varchar(100)", "person_name", firstV),
				col("last_name", "varchar(100)", "person_name", lastV),
				col("phone", "varchar(32)", "phone", phoneV(true, "e164")).sparse(0.5),
				col("default_country", "char(2)", "country", countryISO),
				col("accepts_marketing", "tinyint(1)", None, myBool(0.4)),
				col("email_opt_in", "tinyint(1)", None, myBool(0.45)),
				col("sms_opt_in", "tinyint(1)", None, myBool(0.1)),
				col("has_phone", "tinyint(1)", None, myBool(0.5)),
				col("tenant_id", "int", None, constant("1")),
				col("source", "varchar(20)", None, constant("shopify")),
				col("loyalty_points", "int", None, intRange(0, 4000)),
				col("customer_since", "date", None, dateV),
				col("orders_count", "int", None, intRange(1, 40)),
				col("total_spent", "decimal(12,2)", None, moneyV(10, 9000)),
				col("tags", "varchar(255)", None, oneOf("vip", "newsletter", "vip,newsletter", "wholesale", "", "b2b")),
				col("created_at", "datetime", None, tsV),
				col("updated_at", "datetime", None, tsV),
			}},
			{name: "orders", people: people, cols: []colDef{
				col("id", "bigint", None, seq(450001)),
				col("order_number", "varchar(20)", None, orderNumber),
				col("customer_id", "int", None, intRange(1, 700)),
				col("status", "varchar(20)", None, oneOf("pending", "processing", "completed", "cancelled", "refunded", "on-hold")),
				col("financial_status", "varchar(20)", None, oneOf("paid", "pending", "refunded", "partially_refunded", "authorized")),
				col("currency", "char(3)", None, oneOf("EUR", "EUR", "EUR", "GBP", "PLN")),
				col("total_price", "decimal(10,2)", None, moneyV(5, 1500)),
				col("subtotal_price", "decimal(10,2)", None, moneyV(4, 1300)),
				col("total_tax", "decimal(10,2)", None, moneyV(0.5, 250)),
				col("country_code", "char(2)", None, oneOf("DE", "DE", "AT", "FR", "NL", "GB", "ES", "IT", "PL")),
				col("shipping_name", "varchar(120)", "person_name", fullV),
				col("shipping_address1", "varchar(255)", "postal_address", lineV),
				col("shipping_zip", "varchar(12)", "postal_code", postcodeV),
				col("shipping_city", "varchar(80)", "city", cityV),
				col("shipping_phone", "varchar(32)", "phone", phoneMixV(true, "e164", "intl", "national")).sparse(0.6),
				col("browser_ip", "varchar(45)", "ip_address", func(r *row) string {
					if r.g.chance(0.25) {
						return r.g.ipv6()
					}
					return r.g.ipv4()
				}).sparse(0.3),
				col("note", "text", "free_text_may_contain_pii", func(r *row) string {
					if r.g.chance(0.5) {
						return pick(r.g, []string{"Please leave the parcel with the neighbour.", "Gift wrap please.", "Bitte beim Nachbarn abgeben.", "Deliver after 5pm."})
					}
					return pick(r.g, []string{"Ring twice, or call ", "If not home call ", "Bitte vorher anrufen: "}) + r.p.phone(true).format("national")
				}).sparse(0.85),
				col("discount_code", "varchar(30)", None, oneOf("SUMMER24", "WELCOME10", "BLACKFRIDAY", "FREESHIP")).sparse(0.8),
				col("invoice_number", "varchar(20)", None, func(r *row) string { return fmt.Sprintf("INV-%d-%06d", 2022+r.g.intn(4), r.g.between(1, 999999)) }).sparse(0.2),
				col("created_at", "datetime", None, tsV),
				col("processed_at", "datetime", None, tsV).sparse(0.1),
			}},
			{name: "order_items", cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("order_id", "bigint", None, intRange(450001, 451400)),
				col("sku", "varchar(40)", None, skuV),
				col("product_name", "varchar(255)", None, productName),
				col("quantity", "int", None, oneOf("1", "1", "1", "2", "3", "5")),
				col("unit_price", "decimal(10,2)", None, moneyV(2, 900)),
				col("tax_rate", "decimal(4,2)", None, oneOf("19.00", "7.00", "20.00", "21.00", "23.00")),
			}},
			{name: "products", cols: []colDef{
				col("id", "int", None, seq(1)),
				col("sku", "varchar(40)", None, skuV),
				col("name", "varchar(255)", None, productName),
				col("description", "text", None, plainTextV(productSentences...)),
				col("price", "decimal(10,2)", None, moneyV(2, 2500)),
				col("currency", "char(3)", None, constant("EUR")),
				col("ean", "char(13)", None, func(r *row) string { return r.g.ean13() }),
				col("weight_kg", "decimal(6,3)", None, func(r *row) string { return fmt.Sprintf("%.3f", r.g.float(0.05, 25)) }),
				col("version", "varchar(12)", None, oneOf("v1", "v2", "v2.1", "2024.1", "3.0.2")),
				col("status", "varchar(12)", None, oneOf("active", "active", "draft", "archived")),
				col("created_at", "datetime", None, tsV),
			}},
			{name: "countries", rows: len(countryTable), cols: []colDef{
				col("iso2", "char(2)", None, func(r *row) string { return countryTable[r.i].iso2 }),
				col("iso3", "char(3)", None, func(r *row) string { return countryTable[r.i].iso3 }),
				col("name", "varchar(80)", None, func(r *row) string { return countryTable[r.i].en }),
				col("phone_prefix", "varchar(6)", None, func(r *row) string { return "+" + countryTable[r.i].dial }),
				col("currency", "char(3)", None, func(r *row) string { return countryTable[r.i].currency }),
				col("eu_member", "tinyint(1)", None, func(r *row) string {
					return bit(strings.Contains("DE FR ES IT NL BE AT PL SE DK FI IE PT CZ HU RO GR LU HR", countryTable[r.i].iso2))
				}),
			}},
			{name: "cities", rows: len(cityRows), cols: []colDef{
				col("id", "int", None, func(r *row) string { return strconv.Itoa(r.i + 1) }),
				col("name", "varchar(80)", None, func(r *row) string { return cityRows[r.i].city }),
				col("country_code", "char(2)", None, func(r *row) string { return cityCountry[r.i] }),
				col("region", "varchar(80)", None, func(r *row) string { return cityRows[r.i].region }),
				col("population", "int", None, intRange(40000, 3800000)),
				col("latitude", "decimal(9,6)", None, func(r *row) string { return fmt.Sprintf("%.6f", r.g.float(36, 60)) }),
				col("longitude", "decimal(9,6)", None, func(r *row) string { return fmt.Sprintf("%.6f", r.g.float(-9, 24)) }),
			}},
			{name: "currencies", rows: 12, cols: []colDef{
				col("code", "char(3)", None, func(r *row) string {
					return []string{"EUR", "USD", "GBP", "CHF", "PLN", "SEK", "DKK", "NOK", "CZK", "HUF", "JPY", "CNY"}[r.i]
				}),
				col("name", "varchar(40)", None, func(r *row) string {
					return []string{"Euro", "US Dollar", "Pound Sterling", "Swiss Franc", "Polish Złoty", "Swedish Krona", "Danish Krone", "Norwegian Krone", "Czech Koruna", "Hungarian Forint", "Japanese Yen", "Renminbi"}[r.i]
				}),
				col("symbol", "varchar(4)", None, func(r *row) string {
					return []string{"€", "$", "£", "CHF", "zł", "kr", "kr", "kr", "Kč", "Ft", "¥", "¥"}[r.i]
				}),
				col("decimals", "tinyint", None, func(r *row) string { return []string{"2", "2", "2", "2", "2", "2", "2", "2", "2", "2", "0", "2"}[r.i] }),
			}},
			{name: "settings", rows: 1, cols: []colDef{
				col("id", "int", None, constant("1")),
				col("company_name", "varchar(120)", None, constant(own.name)),
				col("street", "varchar(120)", None, constant(own.line)),
				col("postal_code", "varchar(10)", None, constant(own.postcode)),
				col("city", "varchar(80)", None, constant(own.city)),
				col("country", "varchar(40)", None, constant(own.country)),
				col("phone", "varchar(30)", None, constant(own.phone)),
				col("email", "varchar(120)", None, constant(own.email)),
				col("vat_id", "varchar(20)", None, constant(own.vat)),
				col("iban", "varchar(34)", None, constant(synth.GroupIBAN(g.iban("DE")))),
				col("updated_at", "datetime", None, tsV),
			}},
			{name: "app_config", rows: 14, cols: []colDef{
				col("config_key", "varchar(64)", None, func(r *row) string {
					return []string{"smtp_host", "smtp_port", "support_email", "default_currency", "default_locale", "company_address", "invoice_prefix", "tax_mode", "maintenance_mode", "max_upload_mb", "session_timeout_min", "cdn_base_url", "shop_phone", "theme"}[r.i]
				}),
				col("config_value", "text", None, func(r *row) string {
					return []string{"smtp.mailgun.org", "587", "support@" + strings.TrimPrefix(own.web, "www."), "EUR", "de_DE", own.line + ", " + own.postcode + " " + own.city, "INV-", "gross", "false", "25", "30", "https://cdn.example-shop.com", own.phone, "aurora-dark"}[r.i]
				}),
				col("updated_at", "datetime", None, tsV),
			}},
			{name: "blog_posts", rows: 80, cols: []colDef{
				col("id", "int", None, seq(1)),
				col("title", "varchar(200)", None, oneOf("How we cut churn by 20%", "Spring release notes", "Five tips for a tidy home office", "Our sustainability report 2024", "Meet the support team", "GDPR: what changes for our customers", "Behind the scenes of our new warehouse", "Gift guide for remote workers")),
				col("slug", "varchar(200)", None, oneOf("cut-churn-20", "spring-release", "tidy-home-office", "sustainability-2024", "meet-support", "gdpr-changes", "new-warehouse", "gift-guide")),
				col("body", "longtext", None, plainTextV(blogSentences...)),
				col("author_id", "int", None, intRange(1, 8)),
				col("status", "varchar(12)", None, oneOf("published", "published", "draft")),
				col("published_at", "datetime", None, tsV).sparse(0.2),
			}},
			{name: "email_templates", rows: 20, cols: []colDef{
				col("id", "int", None, seq(1)),
				col("name", "varchar(60)", None, oneOf("order_confirmation", "shipping_notice", "password_reset", "welcome", "abandoned_cart", "review_request")),
				col("subject", "varchar(200)", None, oneOf("Your order {{order.number}} is confirmed", "Your parcel is on its way", "Reset your password", "Welcome, {{customer.first_name}}!", "You left something in your cart")),
				col("body", "text", None, oneOf(
					"Hi {{customer.first_name}}, thanks for your order {{order.number}}. Total: {{order.total}}.",
					"Dear {{customer.name}}, your parcel will arrive at {{shipping.address}} on {{shipping.eta}}.",
					"Click {{reset_url}} to choose a new password. If you did not ask, ignore this email.",
					"Welcome to Example Shop! Reply to {{support_email}} if you need help.")),
				col("locale", "varchar(5)", None, oneOf("de", "en", "fr", "nl")),
			}},
			{name: "app_releases", rows: 40, cols: []colDef{
				col("version", "varchar(20)", None, func(r *row) string { return fmt.Sprintf("%d.%d.%d", 2+r.i/15, r.i%15, r.g.intn(4)) }),
				col("build", "int", None, seq(3100)),
				col("released_at", "datetime", None, tsV),
				col("notes", "text", None, plainTextV(releaseSentences...)),
			}},
			{name: "audit_log", people: people, cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("actor_id", "int", None, intRange(1, 700)),
				col("action", "varchar(40)", None, oneOf("login", "logout", "order.create", "order.refund", "customer.update", "export.csv", "settings.update")),
				col("entity", "varchar(40)", None, oneOf("order", "customer", "product", "settings")),
				col("entity_id", "bigint", None, intRange(1, 500000)),
				col("request_id", "char(36)", None, uuidV),
				col("ip", "varchar(45)", "ip_address", func(r *row) string { return r.g.ipv4() }),
				col("created_at", "datetime(3)", None, func(r *row) string { return tsText(r.g.recent()) + fmt.Sprintf(".%03d", r.g.intn(1000)) }),
			}},
			{name: "coupons", rows: 50, cols: []colDef{
				col("code", "varchar(30)", None, func(r *row) string {
					return pick(r.g, []string{"SUMMER", "WELCOME", "SPRING", "VIP", "XMAS"}) + strconv.Itoa(r.g.between(5, 50))
				}),
				col("discount_pct", "decimal(5,2)", None, oneOf("5.00", "10.00", "15.00", "20.00", "25.00")),
				col("valid_until", "date", None, dateV),
				col("max_uses", "int", None, oneOf("1", "100", "500", "1000")),
			}},
			{name: "shipments", cols: []colDef{
				col("id", "bigint", None, seq(1)),
				col("order_id", "bigint", None, intRange(450001, 451400)),
				col("carrier", "varchar(20)", None, oneOf("DHL", "DPD", "Hermes", "UPS", "GLS", "PostNL")),
				col("tracking_number", "varchar(40)", None, func(r *row) string {
					switch r.g.intn(3) {
					case 0:
						return "1Z" + r.g.from(upperChars+digitChars, 16)
					case 1:
						return "00340434" + r.g.digits(12)
					}
					return "3S" + r.g.letters(4) + r.g.digits(9)
				}),
				col("status", "varchar(20)", None, oneOf("label_created", "in_transit", "delivered", "returned")),
				col("shipped_at", "datetime", None, tsV),
			}},
			{name: "dna_kit_results", rows: 120, cols: []colDef{
				col("kit_barcode", "varchar(16)", None, func(r *row) string { return "KT" + r.g.from(upperChars+digitChars, 10) }),
				col("customer_id", "int", None, intRange(1, 700)),
				col("status", "varchar(20)", None, oneOf("registered", "received", "processing", "results_ready")),
				col("maternal_haplogroup", "varchar(10)", "genetic", oneOf("H1a", "H", "U5b2", "J1c", "T2b", "K1a", "V", "W6", "X2b")),
				col("apoe_genotype", "varchar(6)", "genetic", oneOf("e3/e3", "e3/e3", "e3/e3", "e3/e4", "e2/e3", "e4/e4", "e2/e4")).sparse(0.4),
				col("brca_result", "varchar(40)", "genetic", oneOf("no variant detected", "no variant detected", "no variant detected", "BRCA1 185delAG detected", "BRCA2 6174delT detected")).sparse(0.5),
				col("ancestry_summary", "text", "genetic", func(r *row) string {
					a := r.g.between(30, 80)
					b := r.g.between(5, 100-a)
					return fmt.Sprintf("%d%% %s, %d%% %s, %d%% other", a, pick(r.g, []string{"Northwestern European", "Southern European", "Eastern European"}), b, pick(r.g, []string{"Ashkenazi Jewish", "North African", "Scandinavian", "Balkan", "South Asian"}), 100-a-b)
				}).sparse(0.3),
				col("processed_at", "datetime", None, tsV).sparse(0.3),
			}},
			{name: "wp_users", rows: 120, people: people, cols: []colDef{
				col("ID", "bigint unsigned", None, seq(1)),
				col("user_login", "varchar(60)", "username", userV),
				col("user_pass", "varchar(255)", "password_or_secret", func(r *row) string {
					const itoa64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
					if r.g.chance(0.3) {
						return "$wp$2y$10$" + r.g.from(itoa64, 53)
					}
					return "$P$B" + r.g.from(itoa64, 30)
				}),
				col("user_nicename", "varchar(50)", "username", func(r *row) string { return strings.ReplaceAll(r.p.username, ".", "-") }),
				col("user_email", "varchar(100)", "email", emailV),
				col("user_registered", "datetime", None, tsV),
				col("user_status", "int", None, constant("0")),
				col("display_name", "varchar(250)", "person_name", fullV),
			}},
		}
	},
}

var legacySchema = schemaDef{
	name: "legacy", engine: "sqlite",
	style: "Legacy host system exported to SQLite: 6-character upper-case names (CUSTMAST, CCARDS) and abbreviated snake_case (cust)",
	tables: func(g *gen) []tableDef {
		us := mixOf("US", 1)
		return []tableDef{
			{name: "CUSTMAST", people: us, cols: []colDef{
				col("CUSNO", "NUMERIC(7,0)", None, seq(1000001)),
				col("CUFNAM", "CHAR(20)", "person_name", func(r *row) string { return strings.ToUpper(r.p.first) }),
				col("CULNAM", "CHAR(25)", "person_name", func(r *row) string { return strings.ToUpper(r.p.last) }),
				col("CUADR1", "CHAR(30)", "postal_address", func(r *row) string { return strings.ToUpper(r.p.line) }),
				col("CUADR2", "CHAR(30)", "postal_address", func(r *row) string {
					return pick(r.g, []string{"APT ", "SUITE ", "UNIT "}) + strconv.Itoa(r.g.between(1, 40))
				}).sparse(0.75),
				col("CUCITY", "CHAR(20)", "city", func(r *row) string { return strings.ToUpper(r.p.city) }),
				col("CUST", "CHAR(2)", "postal_address", func(r *row) string { return usStates[r.p.city] }),
				col("CUZIP", "CHAR(10)", "postal_code", func(r *row) string {
					if r.g.chance(0.3) {
						return r.p.postcode + "-" + r.g.digits(4)
					}
					return r.p.postcode
				}),
				col("CUPHON", "CHAR(14)", "phone", phoneV(false, "digits")),
				col("CUBDAT", "NUMERIC(8,0)", "date_of_birth", func(r *row) string { return r.p.dob("20060102") }),
				col("CUSSN", "CHAR(9)", "national_id", func(r *row) string { return strings.ReplaceAll(r.g.ssn(), "-", "") }).sparse(0.2),
				col("CUCRLM", "DECIMAL(9,2)", None, oneOf("500.00", "1000.00", "2500.00", "5000.00", "10000.00")),
				col("CUSTAT", "CHAR(1)", None, oneOf("A", "A", "A", "I", "H")),
				col("CULSTO", "NUMERIC(8,0)", None, func(r *row) string { return r.g.recent().Format("20060102") }),
				col("CUSLMN", "CHAR(3)", None, oneOf("014", "022", "031", "107", "118")),
			}},
			{name: "CCARDS", people: us, cols: []colDef{
				col("CCCUST", "NUMERIC(7,0)", None, intRange(1000001, 1000700)),
				col("CCTYPE", "CHAR(2)", None, oneOf("VI", "MC", "AX", "DS")),
				col("CCNUM", "CHAR(19)", "payment_card", func(r *row) string { return r.g.card() }),
				col("CCEXP", "CHAR(4)", "payment_card", func(r *row) string { return fmt.Sprintf("%02d%02d", r.g.between(1, 12), r.g.between(25, 30)) }),
				col("CCCVV", "CHAR(4)", "card_security_code", func(r *row) string { return r.g.digits(3) }),
				col("CCNAME", "CHAR(26)", "person_name", func(r *row) string { return strings.ToUpper(r.p.full()) }),
			}},
			{name: "cust", people: mixOf("US", 2, "GB", 1), cols: []colDef{
				col("cust_id", "INTEGER", None, seq(1)),
				col("fname", "TEXT", "person_name", firstV),
				col("lname", "TEXT", "person_name", lastV),
				col("sex_cd", "TEXT", "gender", func(r *row) string { return r.p.gender([]string{"M", "F"}) }),
				col("dob", "TEXT", "date_of_birth", func(r *row) string { return r.p.dob("01/02/2006") }),
				col("addr1", "TEXT", "postal_address", lineV),
				col("addr2", "TEXT", "postal_address", oneOf("Apt 2", "Flat 3", "Suite 100", "Unit 7", "2nd Floor")).sparse(0.8),
				col("zip_cd", "TEXT", "postal_code", postcodeV),
				col("tel_no", "TEXT", "phone", phoneV(false, "alt")).sparse(0.3),
				col("mob_no", "TEXT", "phone", phoneMixV(true, "national", "intl")).sparse(0.3),
				col("e_mail", "TEXT", "email", emailV).sparse(0.2),
				col("ssn_no", "TEXT", "national_id", natIDV).sparse(0.5),
				col("cc_num", "TEXT", "payment_card", func(r *row) string { return formatCard(r.g.card(), "dash") }).sparse(0.6),
				col("cvv2", "TEXT", "card_security_code", func(r *row) string { return r.g.digits(3) }).sparse(0.6),
				col("cr_lim", "REAL", None, oneOf("500.0", "1000.0", "2500.0")),
				col("upd_ts", "TEXT", None, tsV),
			}},
		}
	},
}

package eval

import (
	"fmt"
	"strconv"
)

// Held-out schemas: written and labelled after the classifier fixes for the CiviCRM,
// vtiger, Dolibarr and AdventureWorks classes, and measured once before any further change,
// to see how those fixes carry to HR and ERP systems they were not made on (OrangeHRM,
// ERPNext). docs/detection.md records the first measurement.

var orangehrmSchema = schemaDef{
	name: "orangehrm", engine: "mysql",
	style: "OrangeHRM 5 (hs_hr_employee with emp_ prefixes and coded nation, ethnicity, job title and location; salaries, leave types, job titles, subunits), MySQL",
	tables: func(g *gen) []tableDef {
		staff := mixOf("US", 3, "GB", 2, "DE", 1, "NL", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		return []tableDef{
			{name: "hs_hr_employee", rows: 150, people: staff, cols: []colDef{
				col("emp_number", "int(7)", None, seq(1)),
				col("employee_id", v(50), None, func(r *row) string { return fmt.Sprintf("%04d", r.i+1) }),
				col("emp_lastname", v(100), "person_name", lastV),
				col("emp_firstname", v(100), "person_name", firstV),
				col("emp_middle_name", v(100), "person_name", func(r *row) string { return newPerson(r.g, r.p.code).first }).sparse(0.8),
				col("emp_nick_name", v(100), "person_name", func(r *row) string { return r.p.first[:min(3, len(r.p.first))] }).sparse(0.95),
				col("emp_smoker", "smallint(6)", "health", oneOf("0", "0", "0", "1")).sparse(0.6),
				col("ethnic_race_code", v(13), "ethnicity", oneOf("1", "2", "3", "4", "5")).sparse(0.8),
				col("emp_birthday", "date", "date_of_birth", dobV).sparse(0.2),
				col("nation_code", "int(4)", "country", intRange(1, 190)).sparse(0.3),
				col("emp_gender", "smallint(6)", "gender", func(r *row) string { return r.p.gender([]string{"1", "2"}) }).sparse(0.1),
				col("emp_ssn_num", v(100), "national_id", func(r *row) string {
					if r.p.code != "US" {
						return ""
					}
					return r.g.ssn()
				}).sparse(0.3),
				col("emp_dri_lice_num", v(100), "national_id", func(r *row) string { return r.g.letters(1) + r.g.digits(7) }).sparse(0.85),
				col("emp_status", "int(13)", "employment", oneOf("1", "2", "3", "4")).sparse(0.2),
				col("job_title_code", "int(7)", "employment", intRange(1, 25)).sparse(0.1),
				col("eeo_cat_code", "int(11)", "employment", intRange(1, 9)).sparse(0.5),
				col("work_station", "int(6)", "employment", intRange(1, 12)).sparse(0.1),
				col("emp_street1", v(100), "postal_address", lineV).sparse(0.3),
				col("city_code", v(100), "city", cityV).sparse(0.3),
				col("coun_code", v(100), "country", countryISO).sparse(0.3),
				col("provin_code", v(100), "postal_address", regionV).sparse(0.5),
				col("emp_zipcode", v(20), "postal_code", postcodeV).sparse(0.3),
				col("emp_hm_telephone", v(50), "phone", phoneV(false, "national")).sparse(0.6),
				col("emp_mobile", v(50), "phone", phoneMixV(true, "intl", "national")).sparse(0.3),
				col("emp_work_telephone", v(50), "phone", phoneV(false, "intl")).sparse(0.3),
				col("emp_work_email", v(50), "email", func(r *row) string {
					return lowerASCII(r.p.latinF) + "." + lowerASCII(r.p.latinL) + "@orangehrm-demo.com"
				}),
				col("emp_oth_email", v(50), "email", emailV).sparse(0.7),
				col("joined_date", "date", "employment", func(r *row) string { return dateText(r.g.day(2010, 2025)) }).sparse(0.1),
				col("termination_id", "int(4)", None, intRange(1, 40)).sparse(0.9),
				col("purged_at", "timestamp", None, tsV).sparse(0.97),
			}},
			{name: "hs_hr_emp_basicsalary", rows: 150, people: staff, cols: []colDef{
				col("id", "int(11)", None, seq(1)),
				col("emp_number", "int(7)", None, intRange(1, 150)),
				col("sal_grd_code", "int(11)", "employment", intRange(1, 8)).sparse(0.4),
				col("currency_id", v(6), None, oneOf("USD", "GBP", "EUR")),
				col("ebsal_basic_salary", v(100), "salary_financial", moneyV(25000, 140000)),
				col("payperiod_code", v(13), "salary_financial", oneOf("1", "2", "3", "4", "5")),
				col("salary_component", v(100), "salary_financial", oneOf("Base", "Bonus", "Allowance")).sparse(0.2),
				col("comments", v(255), "free_text_may_contain_pii", oneOf("Annual raise", "Promotion to team lead", "Adjusted after maternity leave", "Market correction")).sparse(0.7),
			}},
			{name: "ohrm_leave_type", rows: 8, cols: []colDef{
				col("id", "int(10) unsigned", None, seq(1)),
				col("name", v(50), None, oneOf("Annual Leave", "Sick Leave", "Maternity Leave", "Paternity Leave", "Unpaid Leave", "Bereavement")),
				col("deleted", "tinyint(1)", None, constant("0")),
				col("exclude_in_reports_if_no_entitlement", "tinyint(1)", None, myBool(0.3)),
				col("operational_country_id", "int(10) unsigned", None, oneOf("1", "2")).sparse(0.5),
			}},
			{name: "ohrm_job_title", rows: 25, cols: []colDef{
				col("id", "int(13)", None, seq(1)),
				col("job_title", v(100), None, oneOf(jobTitles...)),
				col("job_description", v(400), None, oneOf("Leads the finance team.", "Builds and maintains our products.", "Owns the sales pipeline.", "Keeps the office running.")),
				col("note", v(400), None, oneOf("Reports to the COO.", "Hybrid role.", "")).sparse(0.5),
				col("is_deleted", "tinyint(1)", None, myBool(0.05)),
			}},
			{name: "ohrm_subunit", rows: 12, cols: []colDef{
				col("id", "int(6)", None, seq(1)),
				col("name", v(100), None, oneOf(departments...)),
				col("unit_id", v(100), None, func(r *row) string { return "U" + strconv.Itoa(r.i+1) }),
				col("description", v(400), None, oneOf("Head office team.", "Regional sales.", "Shared services.")),
				col("lft", "smallint(6) unsigned", None, intRange(1, 30)),
				col("rgt", "smallint(6) unsigned", None, intRange(2, 31)),
				col("level", "smallint(6) unsigned", None, intRange(0, 3)),
			}},
			{name: "ohrm_email_template", rows: 20, cols: []colDef{
				col("id", "int(11)", None, seq(1)),
				col("email_id", "int(11)", None, intRange(1, 8)),
				col("locale", v(20), None, oneOf("en_US", "de_DE")),
				col("performer_role", v(50), None, oneOf("subscriber", "supervisor", "ess")),
				col("recipient_role", v(50), None, oneOf("subscriber", "supervisor", "ess")),
				col("subject", v(255), None, oneOf("Leave Request Approved", "Leave Assigned", "Leave Request Cancelled")),
				col("body", "text", None, oneOf("Hi {{recipientFirstName}},\n\n{{applicantFullName}} has applied for leave.", "Dear {{recipientFirstName}}, your leave has been approved.")),
			}},
		}
	},
}

var erpnextSchema = schemaDef{
	name: "erpnext", engine: "mysql",
	style: "ERPNext 15 (tabEmployee with naming-series names and Link fields holding the linked record's name, email templates, currencies, terms), MariaDB",
	tables: func(g *gen) []tableDef {
		staff := mixOf("GB", 2, "DE", 2, "US", 1, "NL", 1)
		v := "varchar(140)"
		return []tableDef{
			{name: "tabEmployee", rows: 120, people: staff, cols: []colDef{
				col("name", v, None, func(r *row) string { return fmt.Sprintf("HR-EMP-%05d", r.i+1) }),
				col("creation", "datetime(6)", None, tsV),
				col("owner", v, None, constant("Administrator")),
				col("docstatus", "int(1)", None, constant("0")),
				col("employee_name", v, "person_name", fullV),
				col("first_name", v, "person_name", firstV),
				col("last_name", v, "person_name", lastV),
				col("salutation", v, "gender", func(r *row) string { return r.p.gender([]string{"Mr", pick(r.g, []string{"Ms", "Mrs"})}) }).sparse(0.4),
				col("gender", v, "gender", func(r *row) string { return r.p.gender([]string{"Male", "Female"}) }),
				col("date_of_birth", "date", "date_of_birth", dobV),
				col("date_of_joining", "date", "employment", func(r *row) string { return dateText(r.g.day(2012, 2025)) }),
				col("status", v, "employment", oneOf("Active", "Active", "Inactive", "Left")),
				col("company", v, None, constant("Northwind Traders Ltd")),
				col("department", v, "employment", func(r *row) string { return pick(r.g, departments) + " - NWT" }),
				col("designation", v, "employment", oneOf(jobTitles...)),
				col("reports_to", v, None, func(r *row) string { return fmt.Sprintf("HR-EMP-%05d", r.g.between(1, 20)) }).sparse(0.1),
				col("cell_number", v, "phone", phoneMixV(true, "intl", "national")).sparse(0.2),
				col("personal_email", v, "email", emailV).sparse(0.4),
				col("company_email", v, "email", func(r *row) string { return lowerASCII(r.p.latinF) + "@northwind.example.co.uk" }),
				col("prefered_email", v, "email", emailV).sparse(0.2),
				col("current_address", "text", "postal_address", func(r *row) string { return r.p.line + "\n" + r.p.postcode + " " + r.p.city }).sparse(0.3),
				col("bank_ac_no", v, "iban_bank_account", func(r *row) string { return r.g.digits(8) }).sparse(0.4),
				col("iban", v, "iban_bank_account", ibanV("compact")).sparse(0.5),
				col("blood_group", v, "health", oneOf("A+", "A-", "B+", "O+", "O-", "AB+")).sparse(0.6),
				col("passport_number", v, "passport", func(r *row) string { return r.p.passport() }).sparse(0.8),
				col("relieving_date", "date", "employment", dateV).sparse(0.85),
				col("ctc", "decimal(21,9)", "salary_financial", moneyV(20000, 120000)).sparse(0.3),
				col("salary_mode", v, "salary_financial", oneOf("Bank", "Cash", "Cheque")).sparse(0.3),
				col("holiday_list", v, None, oneOf("UK 2025", "DE 2025")).sparse(0.2),
			}},
			{name: "tabEmail Template", rows: 20, cols: []colDef{
				col("name", v, None, oneOf("Leave Approval Notification", "Interview Reminder", "Exit Questionnaire Notification", "Dispatch Notification")),
				col("subject", v, None, oneOf("Leave Approval Notification", "Interview Reminder", "Exit Questionnaire")),
				col("use_html", "int(1)", None, myBool(0.5)),
				col("response_html", "longtext", None, oneOf("<p>Dear {{ employee_name }},</p><p>your leave from {{ from_date }} has been {{ status }}.</p>", "<p>Hello {{ doc.applicant_name }}, your interview is on {{ doc.scheduled_on }}.</p>")),
				col("response", "longtext", None, oneOf("Dear {{ employee_name }}, your leave has been approved.", "Please fill in the exit questionnaire.")),
			}},
			{name: "tabCurrency", rows: 30, cols: []colDef{
				col("name", v, None, func(r *row) string { return countryTable[r.i].currency }),
				col("currency_name", v, None, func(r *row) string { return countryTable[r.i].currency }),
				col("enabled", "int(1)", None, myBool(0.2)),
				col("fraction", v, None, oneOf("Cent", "Penny", "Paisa", "")),
				col("fraction_units", "int(11)", None, constant("100")),
				col("symbol", v, None, oneOf("€", "£", "$", "₹")),
			}},
			{name: "tabTerms and Conditions", rows: 10, cols: []colDef{
				col("name", v, None, oneOf("Standard Terms", "Employment Terms", "Sales Terms")),
				col("title", v, None, oneOf("Standard Terms", "Employment Terms", "Sales Terms")),
				col("terms", "longtext", None, oneOf("<p>Payment is due within 30 days.</p>", "<p>The probation period is six months.</p>", "<p>Goods remain our property until paid in full.</p>")),
				col("selling", "int(1)", None, myBool(0.5)),
				col("hr", "int(1)", None, myBool(0.3)),
			}},
			{name: "tabSalary Slip", rows: 150, people: staff, cols: []colDef{
				col("name", v, None, func(r *row) string { return fmt.Sprintf("Sal Slip/HR-EMP-%05d/%05d", r.g.between(1, 120), r.i+1) }),
				col("employee", v, None, func(r *row) string { return fmt.Sprintf("HR-EMP-%05d", r.g.between(1, 120)) }),
				col("employee_name", v, "person_name", fullV),
				col("department", v, "employment", func(r *row) string { return pick(r.g, departments) + " - NWT" }),
				col("designation", v, "employment", oneOf(jobTitles...)),
				col("start_date", "date", None, dateV),
				col("end_date", "date", None, dateV),
				col("payment_days", "decimal(21,9)", "employment", oneOf("30.000000000", "31.000000000", "28.000000000", "15.000000000")),
				col("gross_pay", "decimal(21,9)", "salary_financial", moneyV(1500, 9000)),
				col("total_deduction", "decimal(21,9)", "salary_financial", moneyV(200, 2500)),
				col("net_pay", "decimal(21,9)", "salary_financial", moneyV(1200, 7000)),
				col("bank_account_no", v, "iban_bank_account", ibanV("compact")).sparse(0.3),
			}},
		}
	},
}

var espocrmSchema = schemaDef{
	name: "espocrm", engine: "mysql",
	style: "EspoCRM 8 (contact with salutation_name and address_* fields, email_address and phone_number entities, email and PDF templates, lead-capture forms with opt-in texts, campaigns, users), MySQL",
	tables: func(g *gen) []tableDef {
		people := mixOf("DE", 2, "GB", 2, "US", 1, "FR", 1, "ES", 1)
		v := func(n int) string { return "varchar(" + strconv.Itoa(n) + ")" }
		id17 := func(r *row) string { return r.g.hex(17) }
		return []tableDef{
			{name: "contact", people: people, cols: []colDef{
				col("id", v(17), None, id17),
				col("deleted", "tinyint(1)", None, myBool(0.02)),
				col("salutation_name", v(255), "gender", func(r *row) string { return r.p.gender([]string{"Mr.", pick(r.g, []string{"Ms.", "Mrs."})}) }).sparse(0.3),
				col("first_name", v(100), "person_name", firstV),
				col("last_name", v(100), "person_name", lastV),
				col("middle_name", v(100), "person_name", func(r *row) string { return newPerson(r.g, r.p.code).first }).sparse(0.9),
				col("description", "mediumtext", "free_text_may_contain_pii", notesV("en", 0.4)).sparse(0.6),
				col("do_not_call", "tinyint(1)", None, myBool(0.05)),
				col("address_street", v(255), "postal_address", lineV).sparse(0.3),
				col("address_city", v(100), "city", cityV).sparse(0.3),
				col("address_state", v(100), "postal_address", regionV).sparse(0.5),
				col("address_country", v(100), "country", countryEN).sparse(0.3),
				col("address_postal_code", v(40), "postal_code", postcodeV).sparse(0.3),
				col("account_id", v(17), None, id17).sparse(0.3),
				col("campaign_id", v(17), None, id17).sparse(0.9),
				col("created_at", "datetime", None, tsV),
				col("created_by_id", v(17), None, oneOf("1", "5f3a2b1c0d9e8f7a6")),
				col("assigned_user_id", v(17), None, oneOf("1", "5f3a2b1c0d9e8f7a6")),
			}},
			{name: "email_address", people: people, cols: []colDef{
				col("id", v(17), None, id17),
				col("name", v(255), "email", emailV),
				col("lower", v(255), "email", func(r *row) string { return r.p.email }),
				col("invalid", "tinyint(1)", None, myBool(0.03)),
				col("opt_out", "tinyint(1)", None, myBool(0.1)),
				col("deleted", "tinyint(1)", None, myBool(0.01)),
			}},
			{name: "phone_number", people: people, cols: []colDef{
				col("id", v(17), None, id17),
				col("name", v(36), "phone", phoneMixV(false, "intl", "national")),
				col("type", v(255), None, oneOf("Mobile", "Office", "Home", "Fax", "Other")),
				col("numeric", v(36), "phone", func(r *row) string { return r.p.phone(false).e164[1:] }),
				col("invalid", "tinyint(1)", None, myBool(0.02)),
				col("opt_out", "tinyint(1)", None, myBool(0.05)),
			}},
			{name: "email_template", rows: 30, cols: []colDef{
				col("id", v(17), None, id17),
				col("name", v(255), None, oneOf("Welcome", "Meeting invitation", "Case reply", "Opt-in confirmation")),
				col("subject", v(255), None, oneOf("Welcome to {Account.name}", "Invitation: {Meeting.name}", "Re: {Case.name} [#{Case.number}]", "Please confirm your subscription")),
				col("body", "mediumtext", None, oneOf("<p>Hi {Person.firstName},</p><p>welcome aboard!</p>", "<p>Dear {Contact.name}, you are invited to {Meeting.name} on {Meeting.dateStart}.</p>", "<p>Please click {optInUrl} to confirm.</p>")),
				col("is_html", "tinyint(1)", None, myBool(0.9)),
				col("one_off", "tinyint(1)", None, myBool(0.1)),
				col("deleted", "tinyint(1)", None, constant("0")),
			}},
			{name: "lead_capture", rows: 10, cols: []colDef{
				col("id", v(17), None, id17),
				col("name", v(255), None, oneOf("Website newsletter", "Trade fair form", "Webinar signup")),
				col("is_active", "tinyint(1)", None, myBool(0.8)),
				col("subscribe_to_target_list", "tinyint(1)", None, myBool(0.8)),
				col("opt_in_confirmation", "tinyint(1)", None, myBool(0.7)),
				col("opt_in_confirmation_success_message", "mediumtext", None, oneOf("Thank you, your subscription is confirmed.", "Thanks! You will hear from us soon.")),
				col("form_text", "mediumtext", None, oneOf("Sign up for our monthly newsletter.", "Leave your details and we will call you back.")),
				col("form_success_text", "mediumtext", None, oneOf("Thank you for signing up.", "We have received your request.")),
				col("duplicate_check", "tinyint(1)", None, myBool(0.9)),
			}},
			{name: "campaign", rows: 30, cols: []colDef{
				col("id", v(17), None, id17),
				col("name", v(255), None, oneOf("Spring newsletter", "Trade fair 2025", "Black Friday", "Webinar series")),
				col("status", v(255), None, oneOf("Planning", "Active", "Inactive", "Complete")),
				col("type", v(64), None, oneOf("Email", "Newsletter", "Web", "Television", "Radio", "Mail")),
				col("start_date", "date", None, dateV),
				col("description", "mediumtext", None, plainTextV(blogSentences...)).sparse(0.3),
				col("budget", "double", None, moneyV(500, 50000)).sparse(0.5),
				col("mail_merge_only_with_address", "tinyint(1)", None, myBool(0.5)),
			}},
			{name: "user", rows: 25, people: people, cols: []colDef{
				col("id", v(17), None, id17),
				col("user_name", v(50), "username", userV),
				col("type", v(24), None, oneOf("regular", "admin", "portal", "api")),
				col("password", v(150), "password_or_secret", bcryptV("2y")),
				col("first_name", v(100), "person_name", firstV),
				col("last_name", v(100), "person_name", lastV),
				col("title", v(100), "employment", oneOf(jobTitles...)).sparse(0.4),
				col("gender", v(255), "gender", func(r *row) string { return r.p.gender([]string{"Male", "Female"}) }).sparse(0.5),
				col("avatar_id", v(17), None, id17).sparse(0.7),
				col("is_active", "tinyint(1)", None, myBool(0.9)),
				col("delete_id", v(17), None, constant("0")),
			}},
		}
	},
}

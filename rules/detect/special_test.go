package detect

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSpecialNames(t *testing.T) {
	nameTable(t, Health, []string{"health", "health_status", "medical_history", "diagnosis", "diagnose", "allergies",
		"allergy", "disability", "handicap", "behinderung", "schwerbehindert", "krankheit", "gesundheit",
		"gesundheitszustand", "sante", "santé", "maladie", "salud", "enfermedad", "salute", "malattia",
		"gezondheid", "ziekte", "zdrowie", "choroba", "saude", "doenca", "jiankang", "健康", "疾病", "过敏",
		"blood_type", "blutgruppe", "pregnant", "schwanger", "medication", "icd10_code", "is_smoker",
		"has_disability", "diagnosis_date", "health_notes", "medical_status", "sick_leave"},
		[]string{"health_consent", "healthcheck_url", "condition", "status", "medium"})
	nameTable(t, ReligionOrBelief, []string{"religion", "religion_id", "religious_affiliation", "denomination",
		"faith", "konfession", "religionszugehoerigkeit", "kirchensteuer", "confession", "religione", "religie",
		"wyznanie", "religia", "zongjiao", "宗教", "信仰"},
		[]string{"religion_consent", "regional"})
	nameTable(t, Ethnicity, []string{"ethnicity", "ethnic_origin", "ethnic_group", "ethnische_herkunft",
		"origine_ethnique", "etnia", "origine_etnica", "etniciteit", "pochodzenie_etniczne", "minzu", "民族", "race"},
		[]string{"trace", "race_time_consent"})
	nameTable(t, Political, []string{"political_party", "political_opinion", "party_affiliation", "partei",
		"parteizugehoerigkeit", "parti_politique", "partido_politico", "partito_politico", "politieke_partij",
		"zhengzhi_mianmao", "政治面貌", "党派"},
		[]string{"third_party", "party_id_consent"})
	nameTable(t, TradeUnion, []string{"trade_union", "union_member", "union_membership", "gewerkschaft",
		"gewerkschaftsmitglied", "syndicat", "sindicato", "sindacato", "vakbond", "zwiazek_zawodowy", "工会", "union"},
		[]string{"unionid_consent", "reunion"})
	nameTable(t, SexualOrientation, []string{"sexual_orientation", "sexuality", "sexuelle_orientierung",
		"orientation_sexuelle", "orientacion_sexual", "orientamento_sessuale", "seksuele_geaardheid",
		"orientacja_seksualna", "性取向"},
		[]string{"sex", "gender"})
	nameTable(t, Genetic, []string{"genetic_data", "genetic_test", "dna_sample", "genotype", "gendaten",
		"donnees_genetiques", "dati_genetici", "jiyin", "基因"},
		[]string{"generic", "genre"})
	nameTable(t, Criminal, []string{"criminal_record", "criminal_history", "conviction", "convictions",
		"offence", "offense_type", "dbs_check", "dbs_number", "police_check", "background_check", "vorstrafen",
		"fuehrungszeugnis", "führungszeugnis", "strafregister", "casier_judiciaire", "condamnations",
		"antecedentes_penales", "casellario_giudiziale", "precedenti_penali", "strafblad", "vog", "niekaralnosc",
		"犯罪记录", "fanzui_jilu"},
		[]string{"criminal_check_consent", "offset", "convert"})
}

func TestSpecialEnumValues(t *testing.T) {
	tests := []struct {
		cat       Category
		strong    []string
		notStrong []string
	}{
		{Health, []string{"Diabetes", "asthma", "A+", "0-", "AB neg", "A Rh+", "0 Rh-negative", "Rollstuhl", "enceinte", "embarazada", "incinta", "zwanger",
			"cukrzyca", "grávida", "糖尿病", "type 2 diabetes, controlled"}, []string{"healthy", "yes", "blue", "A", "B-52", "AB"}},
		{ReligionOrBelief, []string{"römisch-katholisch", "evangelisch", "Muslim", "catholique", "musulmán", "cattolico",
			"katholiek", "katolik", "judeu", "fojiao", "佛教", "konfessionslos"}, []string{"rk", "none", "Paris"}},
		{Ethnicity, []string{"Asian", "Hispanic", "Black British", "Sinti und Roma", "汉族", "mixed race"}, []string{"white", "black", "Roma", "blue"}},
		{Political, []string{"SPD", "CDU", "Labour", "Rassemblement National", "PSOE", "Fratelli d'Italia", "GroenLinks", "PiS", "中共党员", "群众"}, []string{"green", "PS", "left"}},
		{TradeUnion, []string{"ver.di", "IG Metall", "CGT", "CCOO", "CGIL", "FNV", "Solidarność", "Unison"}, []string{"member", "FO"}},
		{SexualOrientation, []string{"heterosexual", "gay", "lesbisch", "homosexuel", "bisexual", "同性恋"}, []string{"straight", "blue"}},
		{Genetic, []string{"BRCA1", "carrier", "ACGTACGTACGTAC", "rs429358"}, []string{"positive", "AC"}},
		{Criminal, []string{"convicted", "vorbestraft", "spent conviction"}, []string{"clear", "caution"}},
	}
	e := testEnv()
	for _, tt := range tests {
		t.Run(string(tt.cat), func(t *testing.T) {
			d := byCategory[tt.cat]
			for _, v := range tt.strong {
				assert.Equal(t, lvStrong, d.check(v, e), v)
			}
			for _, v := range tt.notStrong {
				assert.NotEqual(t, lvStrong, d.check(v, e), v)
			}
		})
	}
}

func TestClassifySpecial(t *testing.T) {
	runClassify(t, []classifyCase{
		// By name, in many languages.
		{"health", Column{Table: "members", Name: "health_notes"}, Health, true},
		{"diagnosis", Column{Table: "patients", Name: "diagnosis", Values: []string{"Type 2 diabetes", "Hypertension", "none"}}, Health, true},
		{"allergies", Column{Table: "guests", Name: "allergies", Values: []string{"peanut allergy", "keine", "gluten"}}, Health, true},
		{"krankheit", Column{Table: "kunden", Name: "krankheit"}, Health, true},
		{"gesundheit", Column{Table: "mitglieder", Name: "gesundheitszustand"}, Health, true},
		{"santé", Column{Table: "adherents", Name: "etat_de_sante"}, Health, true},
		{"salud", Column{Table: "socios", Name: "salud"}, Health, true},
		{"disability flag", Column{Table: "employees", Name: "has_disability", DataType: "boolean", Values: []string{"true", "false"}}, Health, true},
		{"blood type", Column{Table: "donors", Name: "blood_type", Values: []string{"A+", "0-", "AB+"}}, Health, true},
		{"jiankang", Column{Table: "kehu", Name: "jiankang_zhuangkuang"}, Health, true},
		{"religion", Column{Table: "members", Name: "religion", Values: []string{"Catholic", "Muslim", "none"}}, ReligionOrBelief, true},
		{"konfession", Column{Table: "mitarbeiter", Name: "konfession", Values: []string{"rk", "ev", "--"}}, ReligionOrBelief, true},
		{"kirchensteuer", Column{Table: "payroll", Name: "kirchensteuermerkmal"}, ReligionOrBelief, true},
		{"ethnic origin", Column{Table: "applicants", Name: "ethnic_origin"}, Ethnicity, true},
		{"race in hr", Column{Table: "employees", Name: "race", Values: []string{"Asian", "Hispanic", "White"}}, Ethnicity, true},
		{"race in events", Column{Table: "marathons", Name: "race", Values: []string{"Berlin 2024", "Paris 2025"}}, None, false},
		{"minzu", Column{Table: "员工", Name: "民族", Values: []string{"汉族", "回族"}}, Ethnicity, true},
		{"political party", Column{Table: "members", Name: "political_party"}, Political, true},
		{"zhengzhi mianmao", Column{Table: "yuangong", Name: "zhengzhi_mianmao", Values: []string{"中共党员", "群众"}}, Political, true},
		{"union member", Column{Table: "employees", Name: "union_member", DataType: "boolean"}, TradeUnion, true},
		{"gewerkschaft", Column{Table: "mitarbeiter", Name: "gewerkschaft", Values: []string{"ver.di", "IG Metall"}}, TradeUnion, true},
		{"sexual orientation", Column{Table: "profiles", Name: "sexual_orientation"}, SexualOrientation, true},
		{"genetic", Column{Table: "patients", Name: "genetic_test_result"}, Genetic, true},
		{"biometric", Column{Table: "staff", Name: "fingerprint_template"}, PhotoOrBiometric, true},
		// Criminal data.
		{"conviction", Column{Table: "volunteers", Name: "convictions"}, Criminal, true},
		{"criminal record", Column{Table: "applicants", Name: "criminal_record", Values: []string{"none", "spent conviction"}}, Criminal, true},
		{"dbs check", Column{Table: "volunteers", Name: "dbs_check_date", DataType: "date"}, Criminal, true},
		{"police check", Column{Table: "staff", Name: "police_check"}, Criminal, true},
		{"offence", Column{Table: "cases", Name: "offence_type"}, Criminal, true},
		{"vorstrafen", Column{Table: "bewerber", Name: "vorstrafen"}, Criminal, true},
		{"führungszeugnis", Column{Table: "ehrenamtliche", Name: "Führungszeugnis_vorhanden", DataType: "boolean"}, Criminal, true},
		{"casier judiciaire", Column{Table: "candidats", Name: "casier_judiciaire"}, Criminal, true},
		// By enum values, whatever the name; low cardinality does not make them less sensitive.
		{"religion by values", Column{Table: "t", Name: "field_7", Values: []string{"katholisch", "evangelisch", "muslimisch", "katholisch", "keine"}}, ReligionOrBelief, true},
		{"health by values", Column{Table: "t", Name: "cf_12", Values: []string{"Diabetes", "Asthma", "Epilepsie", "Diabetes"}}, Health, true},
		{"orientation by values", Column{Table: "t", Name: "q3", Values: []string{"heterosexual", "gay", "bisexual", "heterosexual"}}, SexualOrientation, true},
		{"union by values", Column{Table: "t", Name: "org", Values: []string{"ver.di", "IG Metall", "ver.di", "GEW", "IG BCE"}}, TradeUnion, true},
		{"constant special enum", Column{Table: "members", Name: "denomination", Values: []string{"Catholic", "Catholic", "Catholic", "Catholic", "Catholic", "Catholic"}}, ReligionOrBelief, true},
		// Negatives.
		{"colours are not ethnicity", Column{Table: "products", Name: "color", Values: []string{"white", "black", "white", "black", "red"}}, None, false},
		{"consent flag", Column{Table: "members", Name: "health_data_consent", DataType: "boolean"}, None, false},
		{"status enum", Column{Table: "t", Name: "state", Values: []string{"open", "closed", "open", "pending"}}, None, false},
	})
}

func TestHealthHRNames(t *testing.T) {
	// Health data HR and insurers hold, in EN, DE, FR, ES, IT, NL, PL, PT and Chinese.
	nameTable(t, Health, []string{"sick_days", "krankheitstage", "krankenkasse", "versichertennummer", "mutuelle",
		"jours_de_maladie", "dias_de_baja", "giorni_di_malattia", "ziektedagen", "dni_choroby", "dias_de_atestado",
		"fit_for_work", "arbeitsunfaehigkeit", "absence_type", "abwesenheitsgrund", "motif_d_absence",
		"motivo_de_ausencia", "causale_assenza", "verzuimreden", "powod_nieobecnosci", "motivo_afastamento",
		"请假类型", "clinician_notes", "arztbrief", "historia_clinica", "cartella_clinica", "prontuario",
		"cid10", "cnsNum", "numCarteirinha", "plano_de_saude", "nhs_number", "zorgverzekeraar", "health_insurance",
		"tarjeta_sanitaria", "tessera_sanitaria", "健保卡號"},
		[]string{"absence_id", "leave_balance", "insurance_type", "health_check_url"})
	nameTable(t, Genetic, []string{"ancestry_summary", "maternal_haplogroup", "brca_result", "genotype", "mtdna"},
		[]string{"ancestor_id"})
	nameTable(t, ReligionOrBelief, []string{"church_tax_code", "kirchensteuer", "religiao", "godsdienst"},
		[]string{"church_tax_consent"})
	nameTable(t, Ethnicity, []string{"corRaca", "raca_cor", "cor_da_pele", "種族"}, []string{"cor", "color"})
}

func TestHealthIDValidators(t *testing.T) {
	assert.True(t, validKVNR("A123456780"))
	assert.False(t, validKVNR("A123456781"))
	assert.True(t, validCNS("700000000000005"))
	assert.True(t, validCNS("123456789010000"))
	assert.False(t, validCNS("700000000000006"))
	assert.False(t, validCNS("300000000000005"))
	assert.True(t, validNHS("9434765919"))
	assert.False(t, validNHS("9434765918"))
	assert.False(t, validNHS("0000000000"))
	checkTable(t, checkHealthID, lvStrong, []string{"A123456780", "700 0000 0000 0005", "943 476 5919"},
		[]string{"A123456781", "hello"})
}

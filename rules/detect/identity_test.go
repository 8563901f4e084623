package detect

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIdentityNames(t *testing.T) {
	nameTable(t, PersonName, []string{"first_name", "firstName", "FirstName", "fname", "given_name", "forename",
		"last_name", "LastName", "lname", "surname", "family_name", "full_name", "fullname", "middle_name",
		"maiden_name", "contact_name", "customer_name", "billing_name", "name", "display_name", "vorname",
		"nachname", "familienname", "prenom", "nom", "nom_de_famille", "nombre", "apellidos", "nome", "cognome",
		"voornaam", "achternaam", "tussenvoegsel", "imię", "nazwisko", "xingming", "姓名", "cardholder_name",
		"kontoinhaber", "spouse_complete_name", "AssistantName"},
		[]string{"product_name", "company_name", "bank_name", "file_name", "host_name", "username", "user_name",
			"name_id", "campaign_name", "street_name", "nazwa", "名称", "namespace", "renamed"})
	nameTable(t, DateOfBirth, []string{"date_of_birth", "dob", "DOB", "birth_date", "birthdate", "Birthdate",
		"birthday", "bday", "geburtsdatum", "geb_datum", "gebdatum", "date_naissance", "fecha_nacimiento",
		"data_di_nascita", "data_nascimento", "geboortedatum", "data_urodzenia", "chusheng_riqi", "出生日期", "生日",
		"birth_year", "year_of_birth", "geburtsjahr"},
		[]string{"created_at", "date", "updated_on", "date_joined", "place_of_birth", "country_of_birth",
			"birthday_reminder_sent", "birth_name"})
	nameTable(t, Gender, []string{"gender", "sex", "Geschlecht", "sexe", "sexo", "sesso", "geslacht", "płeć",
		"xingbie", "性别", "gendercode", "gender_id", "salutation", "anrede", "civilite"},
		[]string{"sexual_orientation", "gender_consent", "sextant"})
	nameTable(t, Username, []string{"username", "user_name", "login", "user_login", "benutzername", "identifiant",
		"usuario", "gebruikersnaam", "用户名", "nickname", "twitter_handle"},
		[]string{"last_login", "login_count", "login_at", "user_id", "username_changed_at"})
	nameTable(t, NationalID, []string{"ssn", "social_security_number", "national_id", "nino", "ni_number", "nir",
		"numero_securite_sociale", "num_secu", "dni", "nie", "codice_fiscale",
		"bsn", "burgerservicenummer", "pesel", "personnummer", "cpr", "hetu", "id_number", "id_card",
		"personalausweisnummer", "shenfenzheng", "身份证号", "governmentid", "ssnid"},
		[]string{"id", "user_id", "national_id_type", "session_id", "identity_provider"})
	nameTable(t, Passport, []string{"passport", "passport_number", "passport_no", "reisepassnummer", "passnummer",
		"numero_passeport", "pasaporte", "passaporto", "paspoortnummer", "paszport", "huzhao", "护照号"},
		[]string{"passport_expiry", "password", "pass"})
	nameTable(t, Employment, []string{"job_title", "jobtitle", "title", "position", "occupation", "profession",
		"employer", "department", "beruf", "arbeitgeber", "abteilung", "poste", "employeur", "puesto", "mansione",
		"functie", "stanowisko", "zhiwei", "职位", "company", "organization_name"},
		[]string{"page_title", "payment_method_title", "position_id", "job_id", "title_id"})
}

func TestCheckPersonName(t *testing.T) {
	checkTable(t, checkPersonName, lvStrong,
		[]string{"Anna", "Jürgen Müller", "Jean-Pierre Dupont", "María García López", "Giulia Rossi", "Jan de Jong",
			"Małgorzata Nowak", "João Silva", "Mehmet Yılmaz", "Wang Wei", "王小明", "Smith, John", "O'Brien Kelly"},
		[]string{"Xyzzy", "ACME GmbH", "12345", "anna@example.com", "550e8400-e29b-41d4-a716-446655440000",
			"Berlin", "Widget Pro 3000"})
	checkTable(t, checkPersonName, lvWeak,
		[]string{"Xyzzy Plugh", "ACME GmbH", "Zoë", "阿明"},
		[]string{"12345", "anna@example.com", "R2-D2", "a_b", "one two three four five six"})
}

func TestCheckDOB(t *testing.T) {
	checkTable(t, checkDOB, lvStrong,
		[]string{"1985-03-12", "1985-03-12 00:00:00", "1985-03-12T00:00:00Z", "12.03.1985", "12/03/1985",
			"03/25/1985", "1985/03/12", "19850312", "1900-01-01", "1985", "2015-06-01"},
		[]string{"2020-01-01", "2025-05-01 10:00:00", "1899-12-31", "1985-02-30", "1985-13-01", "12.03.85",
			"yesterday", "1985-3", "2016-01-01"})
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in      string
		y, m, d int
		ok      bool
	}{
		{"1985-03-12", 1985, 3, 12, true},
		{"12.03.1985", 1985, 3, 12, true},
		{"03/25/1985", 1985, 3, 25, true},
		{"1.2.1985", 1985, 2, 1, true},
		{"2000-02-29", 2000, 2, 29, true},
		{"1900-02-29", 1900, 2, 29, false},
		{"1985-00-10", 1985, 0, 10, false},
		{"85-03-12", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	}
	for _, tt := range tests {
		y, m, d, ok := parseDate(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
		if ok {
			assert.Equal(t, []int{tt.y, tt.m, tt.d}, []int{y, m, d}, tt.in)
		}
	}
}

func TestCheckGender(t *testing.T) {
	checkTable(t, checkGender, lvStrong,
		[]string{"male", "Female", "divers", "männlich", "weiblich", "Homme", "femme", "mujer", "maschio", "vrouw",
			"kobieta", "男", "女", "Mr", "Mrs", "Frau", "Herr", "Madame", "non-binary"},
		[]string{"m", "f", "1", "2", "unknown", "blue", "XL"})
	checkTable(t, checkGender, lvWeak, []string{"m", "F", "w", "d", "1", "2", "9"}, []string{"blue", "XL", "42"})
	assert.Equal(t, lvSkip, checkGender("keine Angabe", nil))
}

func TestNationalIDValidators(t *testing.T) {
	tests := []struct {
		name      string
		valid     func(string) bool
		good, bad []string
	}{
		{"US SSN", validSSN, []string{"123-45-6789", "078-05-1121"}, []string{"000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000", "123456789", "123-456-789"}},
		{"UK NINO", validNINO, []string{"AB123456C", "JG103759A"}, []string{"AB123456", "DA123456C", "AO123456C", "GB123456C", "AB123456E", "A1123456C"}},
		{"FR NIR", validNIR, []string{validNIRFor("1850578006084"), validNIRFor("2550814168025"), validNIRFor("18506" + "2A" + "123456")}, []string{"185057800608400", "1850578006084", "585057800608412"}},
		{"DE Steuer-ID", validSteuerID, []string{"86095742719", "47036892816", "65929970489", "57549285017", "25768131411"}, []string{"86095742718", "12345678901", "01234567890", "11111111111"}},
		{"ES DNI/NIE", validDNI, []string{"12345678Z", "00000000T", "X1234567L", "Y1234567X", "Z1234567R"}, []string{"12345678A", "X1234567A", "1234567Z", "ABCDEFGHZ"}},
		{"NL BSN", validBSN, []string{"111222333", "123456782"}, []string{"111222334", "000000000", "12345678"}},
		{"PL PESEL", validPESEL, []string{"44051401359", "02070803628"}, []string{"44051401358", "44131401359", "4405140135"}},
		{"IT codice fiscale", validCodiceFiscale, []string{"RSSMRA85T10A562S", "MRTMTT25D09F205Z"}, []string{"RSSMRA85T10A562T", "RSSMRA85Z10A562S", "RSSMRA85T10A562"}},
		{"BE national number", validBelgianNN, []string{"85073003328", validBENFor("850730033"), validBENFor2000("010203123")}, []string{"85073003329", "85133003328"}},
		{"FI HETU", validHETU, []string{"131052-308T", "010101A123N"}, []string{"131052-308U", "131352-308T", "131052Q308T"}},
		{"SE personnummer", validPersonnummer, []string{"8112289874", "198112289874"}, []string{"8112289875", "8113289874"}},
		{"CN resident id", validChinaID, []string{"11010519491231002X", "110101199003074477"}, []string{"11010519491231002Y", "110105194913310021"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range tt.good {
				assert.True(t, tt.valid(v), "good %q", v)
			}
			for _, v := range tt.bad {
				assert.False(t, tt.valid(v), "bad %q", v)
			}
		})
	}
}

// validNIRFor appends the NIR key to 13 characters.
func validNIRFor(n string) string {
	d := n
	switch n[5:7] {
	case "2A":
		d = n[:5] + "19" + n[7:]
	case "2B":
		d = n[:5] + "18" + n[7:]
	}
	return n + pad2(97-mod97(d))
}

func validBENFor(n string) string     { return n + pad2(97-mod97(n)) }
func validBENFor2000(n string) string { return n + pad2(97-mod97("2"+n)) }

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func TestCheckNationalID(t *testing.T) {
	checkTable(t, checkNationalID, lvStrong,
		[]string{"123-45-6789", "AB 12 34 56 C", "86095742719", "86 095 742 719", "12345678-Z", "111222333",
			"44051401359", "RSSMRA85T10A562S", "131052-308T", "811228-9874", "11010519491231002X",
			validNIRFor("1850578006084")},
		[]string{"123456789", "12345678901", "ORD-2024-000123", "hello", "1.2.3", "550e8400-e29b-41d4-a716-446655440000"})
}

func TestCheckPassport(t *testing.T) {
	checkTable(t, checkPassport, lvWeak,
		[]string{"C01X00T47", "12AB34567", "AA1234567", "123456789", "X1234567"},
		[]string{"ABCDEFG", "12345", "hello world", "550e8400-e29b-41d4-a716-446655440000"})
}

func TestClassifyIdentity(t *testing.T) {
	firstNames := []string{"Anna", "Peter", "Marie", "Lukas", "Sophie", "Jean", "Giulia"}
	fullNames := []string{"Anna Schmidt", "Jean Dupont", "María García", "Piotr Nowak", "Jan de Vries", "Giulia Rossi"}
	runClassify(t, []classifyCase{
		{"first name with names", Column{Table: "contacts", Name: "first_name", Values: firstNames}, PersonName, true},
		{"vorname", Column{Table: "kunden", Name: "Vorname"}, PersonName, true},
		{"prenom", Column{Table: "clients", Name: "prenom"}, PersonName, true},
		{"nazwisko", Column{Table: "klienci", Name: "nazwisko"}, PersonName, true},
		{"姓名", Column{Table: "客户", Name: "姓名", Values: []string{"王小明", "李娜", "张伟"}}, PersonName, true},
		{"names by value only", Column{Table: "import_2024", Name: "field_2", Values: fullNames}, PersonName, true},
		{"names by value only in products", Column{Table: "products", Name: "field_2", Values: fullNames}, None, false},
		{"first name full of uuids", Column{Table: "contacts", Name: "first_name", Values: repeatf(6, "550e8400-e29b-41d4-a716-4466554400%02d", idx)}, None, false},
		{"dob", Column{Table: "contacts", Name: "dob", DataType: "date", Values: []string{"1985-03-12", "1990-05-17", "1972-11-30"}}, DateOfBirth, true},
		{"geb_datum", Column{Table: "kunden", Name: "geb_datum", Values: []string{"12.03.1985", "17.05.1990"}}, DateOfBirth, true},
		{"birth year", Column{Table: "members", Name: "birth_year", DataType: "smallint", Values: []string{"1985", "1990", "1972"}}, DateOfBirth, true},
		{"birth dates without a name", Column{Table: "contacts", Name: "d1", DataType: "date", Values: []string{"1985-03-12", "1990-05-17", "1972-11-30"}}, None, false},
		{"age", Column{Table: "patients", Name: "age", DataType: "integer", Values: []string{"34", "71", "8"}}, Age, true},
		{"age of wine", Column{Table: "products", Name: "age", DataType: "integer", Values: []string{"12", "18"}}, None, false},
		{"gender words", Column{Table: "contacts", Name: "gender", Values: []string{"male", "female", "diverse"}}, Gender, true},
		{"gender codes", Column{Table: "contact", Name: "gendercode", DataType: "integer", Values: []string{"1", "2", "1"}}, Gender, true},
		{"gender by value only", Column{Table: "survey", Name: "q7", Values: []string{"männlich", "weiblich", "weiblich", "männlich"}}, Gender, true},
		{"size letters are not gender", Column{Table: "survey", Name: "q8", Values: []string{"M", "F", "M", "F", "M"}}, None, false},
		{"username", Column{Table: "users", Name: "username", Values: []string{"jdoe", "max.m", "anna_92"}}, Username, true},
		{"ssn", Column{Table: "employees", Name: "ssn", Values: []string{"123-45-6789", "078-05-1121"}}, NationalID, true},
		{"steuer-ids by value only", Column{Table: "t", Name: "x", Values: []string{"86095742719", "47036892816", "65929970489"}}, NationalID, true},
		{"codice fiscale", Column{Table: "clienti", Name: "codice_fiscale", Values: []string{"RSSMRA85T10A562S"}}, NationalID, true},
		{"bsn", Column{Table: "klanten", Name: "bsn", Values: []string{"111222333", "123456782"}}, NationalID, true},
		{"nino by value only", Column{Table: "staff_import", Name: "ref", Values: []string{"AB123456C", "JG103759A", "CE123456D"}}, NationalID, true},
		{"passport", Column{Table: "guests", Name: "passport_no", Values: []string{"C01X00T47", "12AB34567"}}, Passport, true},
		{"job title beside names", Column{Table: "leads", Name: "jobtitle", TableColumns: []string{"firstname", "jobtitle"}}, Employment, true},
		{"photo", Column{Table: "users", Name: "avatar_url", Values: []string{"https://cdn.example.com/u/1.jpg"}}, PhotoOrBiometric, true},
		{"fingerprint of a finding", Column{Table: "findings", Name: "fingerprint", Values: repeatf(6, "v1:%064x", idx)}, None, false},
	})
}

func TestMoreNationalIDValidators(t *testing.T) {
	tests := []struct {
		name      string
		valid     func(string) bool
		good, bad []string
	}{
		{"BR CPF", validCPF, []string{"11144477735", "52998224725"}, []string{"11144477734", "11111111111", "1114447773"}},
		{"TW id", validTaiwanID, []string{"A123456789", "F131104093"}, []string{"A123456788", "A323456789", "1123456789", "A12345678"}},
		{"DK CPR", validCPR, []string{"010190-1234", "290200-1234"}, []string{"320190-1234", "0101901234", "011390-1234"}},
		{"IE PPSN", validPPSN, []string{"1234567T", "1234567FA"}, []string{"1234567A", "1234567TZ", "123456T"}},
		{"KR RRN", validRRN, []string{"850101-1234566"}, []string{"850101-1234567", "8501011234566", "851301-1234566"}},
		{"JP My Number", validMyNumber, []string{"123456789018"}, []string{"123456789019", "12345678901"}},
		{"CA SIN", validSIN, []string{"130 692 544", "130-692-544"}, []string{"130692544", "130 692 545", "046 454 286"}},
		{"IN Aadhaar", validAadhaar, []string{"234123412346", "499936547822"}, []string{"234123412347", "123412341234"}},
		{"CH AHV", validAHV, []string{"7561234567897"}, []string{"7561234567898", "7571234567897"}},
		{"AT SVNR", validAustrianSVNR, []string{"1237010180"}, []string{"1238010180", "1237011380", "0237010180"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range tt.good {
				assert.True(t, tt.valid(v), "good %q", v)
			}
			for _, v := range tt.bad {
				assert.False(t, tt.valid(v), "bad %q", v)
			}
		})
	}
}

func TestCheckNationalIDFormatted(t *testing.T) {
	// The forms people type: dots, dashes, spaces.
	checkTable(t, checkNationalID, lvStrong,
		[]string{"111.444.777-35", "111 444 777 35", "A123456789", "a123456789", "756.1234.5678.97", "2341 2341 2346",
			"1234 5678 9018", "850101-1234566", "130-692-544", "010190-1234", "1234567T", "1237 010180"},
		[]string{"111.444.777-36", "A123456788", "756.1234.5678.98", "2024-01-15", "12.345.678", "ORD-000123"})
}

func TestEmploymentAndHRNames(t *testing.T) {
	nameTable(t, Employment, []string{"hire_date", "HireDate", "termination_date", "date_of_hire", "employment_type",
		"contract_type", "eintrittsdatum", "Austritt", "austrittsdatum", "beschaeftigungsart", "date_embauche",
		"type_de_contrat", "fecha_de_ingreso", "tipo_contrato", "data_assunzione", "data_cessazione",
		"datum_in_dienst", "uit_dienst", "dienstverband", "data_zatrudnienia", "rodzaj_umowy", "data_admissao",
		"dt_demissao", "regime_de_contratacao", "入职日期", "離職日期", "用工類型", "account_name"},
		[]string{"start_date", "end_date", "created_at", "contract_id", "employee_status", "date_joined"})
}

func TestCheckEmploymentDate(t *testing.T) {
	checkTable(t, checkEmploymentDate, lvStrong,
		[]string{"2015-04-01", "01.04.2015", "1987-09-15 00:00:00", "2026-01-01"},
		[]string{"2030-01-01", "1930-01-01", "yesterday", "12", "2015"})
}

func TestMorePersonNames(t *testing.T) {
	nameTable(t, PersonName, []string{"requester_name", "visitor_name", "RequesterName", "assignee_name",
		"nome_paciente", "nome_do_paciente", "nombre_del_cliente", "nom_du_titulaire", "nmMae", "nome_social",
		"nome_da_mae", "聯絡人", "緊急聯絡人", "cc_name"},
		[]string{"nome_produto", "nombre_archivo", "nom_fichier", "host_name", "driver_name"})
	nameTable(t, Username, []string{"user_nicename", "alias", "nome_de_usuario", "utilizador", "pseudo", "昵称"},
		[]string{"email_alias_domain"})
	nameTable(t, NationalID, []string{"rg", "rgNum", "cpf", "cpf_cnpj", "身分證字號", "身分證", "身份證號碼", "cnh",
		"titulo_eleitor", "pis_pasep", "niss", "nss", "drivers_license", "fuehrerschein", "rijbewijs", "prawo_jazdy"},
		[]string{"cnpj", "license_key", "rg_type"})
	nameTable(t, DateOfBirth, []string{"dtNasc", "dt_nascimento", "data_nasc", "fecha_nac", "gebdat", "出生年月日"},
		[]string{"dt_cadastro", "data_pedido"})
}

func TestCheckPhotoBlobs(t *testing.T) {
	checkTable(t, checkPhoto, lvWeak,
		[]string{"Rk1SACAyMAAAAAEgAAABAAEAAAAAAAAAAAAAAAAAAAAAAAAAAA==", strings.Repeat("a1b2c3d4", 8)},
		[]string{"short", "not a template at all, just words"})
}

package eval

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gdprscan/gdprscan/internal/synth"
)

// Known-good values are the examples the issuing authorities and standards publish (or
// that are widely used as test numbers); known-bad ones break one rule each.
func TestValidators(t *testing.T) {
	tests := []struct {
		name  string
		valid func(string) bool
		good  []string
		bad   []string
	}{
		{"IBAN", ValidIBAN,
			[]string{"DE89370400440532013000", "DE89 3704 0044 0532 0130 00", "GB29NWBK60161331926819", "FR1420041010050500013M02606", "NL91ABNA0417164300", "ES9121000418450200051332", "IT60X0542811101000000123456", "PL61109010140000071219812874", "BE68539007547034", "SE4550000000058398257466", "AT611904300234573201", "CH9300762011623852957"},
			[]string{"DE89370400440532013001", "GB29NWBK60161331926818", "DE8937040044053201300", "XX89370400440532013000", "NL91ABNA041716430", "", "DE89-3704"}},
		{"card", ValidCard,
			[]string{"4111111111111111", "4111 1111 1111 1111", "5555555555554444", "2223003122003222", "378282246310005", "3782-822463-10005", "6011111111111117"},
			[]string{"4111111111111112", "1234567812345678", "0000000000000000", "411111111111", "37828224631000", "9111111111111111"}},
		{"SSN", ValidSSN,
			[]string{"536-90-4399", "536904399", "001-01-0001"},
			[]string{"078-05-1120", "666-12-3456", "900-12-3456", "000-12-3456", "123-00-4567", "123-45-0000", "123-45-678", "12-345-6789"}},
		{"NINO", ValidNINO,
			[]string{"AB123456C", "JG103759A", "AB 12 34 56 C"},
			[]string{"QQ123456C", "BG123456A", "DA123456A", "AO123456A", "AB123456E", "AB12345C", "A1123456C"}},
		{"Steuer-ID", ValidSteuerID,
			[]string{"86095742719", "47036892816", "65929970489", "57549285017", "25768131411", "86 095 742 719"},
			[]string{"86095742718", "01234567890", "12345678901", "11111111111", "8609574271"}},
		{"NIR", ValidNIR,
			[]string{"255081416802538", "2 55 08 14 168 025 38", "184127645108946"},
			[]string{"255081416802539", "355081416802538", "25508141680253", "2551314168025XX"}},
		{"DNI", ValidDNI, []string{"12345678Z", "12345678-Z", "00000000T"}, []string{"12345678A", "1234567Z", "ABCDEFGHZ"}},
		{"NIE", ValidNIE, []string{"X1234567L", "Y1234567X", "Z1234567R"}, []string{"X1234567A", "W1234567L", "X123456L"}},
		{"codice fiscale", ValidCodiceFiscale,
			[]string{"RSSMRA85T10A562S", "rssmra85t10a562s"},
			[]string{"RSSMRA85T10A562T", "RSSMRA85Z10A562S", "RSSMRA85T99A562S", "RSSMRA85T10A562", "1SSMRA85T10A562S"}},
		{"BSN", ValidBSN, []string{"111222333", "123456782", "12345672"}, []string{"123456789", "000000000", "11122233", "1112223334"}},
		{"PESEL", ValidPESEL, []string{"44051401359", "02070803628"}, []string{"44051401358", "44053201350", "4405140135", "44051401A59"}},
		{"personnummer", ValidPersonnummer,
			[]string{"811218-9876", "8112189876", "19811218-9876", "811278-9873"},
			[]string{"811218-9875", "811318-9876", "81121898", "abcdef-ghij"}},
		{"CPF", ValidCPF, []string{"111.444.777-35", "11144477735"}, []string{"111.111.111-11", "111.444.777-36", "111.444.777-3"}},
		{"CN resident id", ValidCNResidentID, []string{"11010519491231002X", "11010519491231002x"}, []string{"110105194912310021", "11010519491331002X", "1101051949123100"}},
		{"TW id", ValidTWID, []string{"A123456789", "a123456789"}, []string{"A123456788", "A323456789", "1123456789", "A12345678"}},
		{"PL id card", ValidPolishIDCard, []string{"ABA300000", "ABA 300000"}, []string{"ABA300001", "AB1300000", "ABA30000"}},
		{"NIP", ValidNIP, []string{"1234563218", "123-456-32-18"}, []string{"1234563217", "123456321"}},
		{"BE national number", ValidBENationalNumber, []string{"93051822361", "93.05.18-223.61"}, []string{"93051822362", "9305182236"}},
		{"AT SVNR", ValidATSVNR, []string{"1237010180", "1237 010180"}, []string{"1238010180", "0237010180", "123701018"}},
		{"AHV", ValidAHV, []string{"756.9217.0769.85", "7569217076985"}, []string{"756.9217.0769.84", "757.9217.0769.85", "756.9217.0769"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, v := range tt.good {
				assert.True(t, tt.valid(v), "want valid: %q", v)
			}
			for _, v := range tt.bad {
				assert.False(t, tt.valid(v), "want invalid: %q", v)
			}
		})
	}
}

func TestCodiceFiscaleFromPerson(t *testing.T) {
	// Mario Rossi, born 10 December 1985 in Albano Laziale (A562): the textbook example.
	got := codiceFiscale("Mario", "Rossi", false, time.Date(1985, 12, 10, 0, 0, 0, 0, time.UTC), "A562")
	assert.Equal(t, "RSSMRA85T10A562S", got)
	// names with four consonants take the 1st, 3rd and 4th; women's day is +40
	got = codiceFiscale("Francesca", "Bianchi", true, time.Date(1990, 3, 5, 0, 0, 0, 0, time.UTC), "F205")
	assert.Equal(t, "BNCFNC90C45F205", got[:15])
	assert.True(t, ValidCodiceFiscale(got))
}

// Every generator's output passes its validator, for many draws.
func TestGeneratorsProduceValidIdentifiers(t *testing.T) {
	g := newGen(1, "ids")
	for range 500 {
		female := g.chance(0.5)
		birth := g.day(1940, 2006)
		for _, c := range []string{"AT", "BE", "CH", "DE", "ES", "FR", "GB", "IE", "IT", "NL", "PL", "PT", "SE"} {
			v := g.iban(c)
			assert.True(t, ValidIBAN(v), "iban %s", v)
			assert.True(t, ValidIBAN(synth.GroupIBAN(v)), "grouped iban %s", v)
		}
		cards := []string{g.card()}
		for _, c := range cards {
			assert.True(t, ValidCard(c), "card %s", c)
			assert.True(t, ValidCard(formatCard(c, "space")), "card %s", c)
		}
		checks := map[string]struct {
			v  string
			ok func(string) bool
		}{
			"ssn":          {g.ssn(), ValidSSN},
			"nino":         {g.nino(), ValidNINO},
			"steuer":       {g.steuerID(), ValidSteuerID},
			"nir":          {g.nir(female, birth), ValidNIR},
			"dni":          {g.dni(), ValidDNI},
			"nie":          {g.nie(), ValidNIE},
			"bsn":          {g.bsn(), ValidBSN},
			"pesel":        {pesel(g, female, birth), ValidPESEL},
			"idcard":       {g.polishIDCard(), ValidPolishIDCard},
			"nip":          {g.nip(), ValidNIP},
			"personnummer": {g.personnummer(female, birth), ValidPersonnummer},
			"cpf":          {g.cpf(), ValidCPF},
			"cn":           {cnResidentID(g, "110105", female, birth), ValidCNResidentID},
			"tw":           {twID(g, 'A', female), ValidTWID},
			"be":           {g.beNationalNumber(female, birth), ValidBENationalNumber},
			"at":           {g.atSVNR(birth), ValidATSVNR},
			"ahv":          {g.ahv(), ValidAHV},
			"cf":           {codiceFiscale("Giulia", "De Luca", female, birth, "H501"), ValidCodiceFiscale},
		}
		for name, c := range checks {
			assert.True(t, c.ok(c.v), "%s %q", name, c.v)
		}
		assert.True(t, ValidNIR(formatNIR(g.nir(female, birth))))
	}
}

func TestPESELEncodesSexAndCentury(t *testing.T) {
	g := newGen(2, "pesel")
	p := pesel(g, true, time.Date(2004, 7, 9, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, "042709", p[:6], "2000s add 20 to the month")
	assert.Equal(t, 0, digitAt(p, 9)%2, "women have an even tenth digit")
}

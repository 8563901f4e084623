package synth

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Published examples: each function must rebuild the check digits of a number whose
// digits are known to be right, and reject it once a digit is changed.
func TestIBANRebuildsPublishedExamples(t *testing.T) {
	for _, iban := range []string{"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "ES9121000418450200051332", "IT60X0542811101000000123456", "NL91ABNA0417164300"} {
		assert.Equal(t, iban, IBAN(iban[:2], iban[4:]), iban)
		assert.Equal(t, 1, Mod97(iban[4:]+iban[:4]), iban)
	}
	assert.Equal(t, -1, Mod97("DE89 3704"), "a space is not a digit")
	assert.Equal(t, "DE89 3704 0044 0532 0130 00", GroupIBAN("DE89370400440532013000"))
	assert.Equal(t, "12-34-5", GroupEvery("12345", 2, "-"))
}

func TestNationalBankCheckDigits(t *testing.T) {
	// FR76 3000 6000 0112 3456 7890 189: bank 30006, branch 00001, account 12345678901, key 89.
	assert.Equal(t, 89, RIBKey("30006", "00001", "12345678901"))
	// ES91 2100 0418 45 0200051332: control digits 4 (bank and branch) and 5 (account).
	assert.Equal(t, 4, ESControl("00"+"2100"+"0418"))
	assert.Equal(t, 5, ESControl("0200051332"))
	// IT60 X054 2811 1010 0000 0123 456: CIN X.
	assert.Equal(t, byte('X'), ItalianCheckChar("0542811101000000123456"))
}

func TestLuhn(t *testing.T) {
	for _, n := range []string{"4111111111111111", "5500005555555559", "378282246310005", "732829320"} {
		assert.True(t, LuhnValid(n), n)
		assert.Equal(t, strconv.Itoa(LuhnDigit(n[:len(n)-1])), n[len(n)-1:], n)
	}
	assert.False(t, LuhnValid("4111111111111112"))
	assert.False(t, LuhnValid("4111-1111"))
	assert.False(t, LuhnValid("0"))
}

func TestIdentityNumberChecks(t *testing.T) {
	assert.Equal(t, byte('Z'), DNILetter(12345678))
	assert.Equal(t, byte('S'), ItalianCheckChar("RSSMRA85T10A562"), "codice fiscale RSSMRA85T10A562S")
	// Steuer-ID 86095742719 (the Federal Central Tax Office's example).
	assert.Equal(t, 9, Mod11_10("8609574271"))
	assert.NotEqual(t, 9, Mod11_10("8609574281"))
}

package detect

// nordicGenderWords are spelled-out genders (genderWords).
const nordicGenderWords = "kvinna, kvinnor, man, män, kvinde, kvinder, mand, mænd, kvinne, kvinner, " +
	"mann, menn, nainen, mies, naiset, miehet, herr, fru, frk, hr"

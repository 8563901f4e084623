package detect

// judges name the detectors a vocabulary entry may hand its values to instead of its
// category's detector (the judge field of rules/detect/vocab/*.yaml).
var judges = map[string]*detector{
	"house_number":       &houseNumberDetector,
	"phone_extension":    &extensionDetector,
	"region":             &regionDetector,
	"card_expiry":        &cardExpiryDetector,
	"card_expiry_part":   &cardExpiryPartDetector,
	"death_date":         &deathDateDetector,
	"employment_date":    &employmentDateDetector,
	"employment_measure": &employmentMeasureDetector,
	"health_id":          &healthIDDetector,
	"user_agent":         &userAgentDetector,
}

// judgeName is the name of a judging detector, "" for the category's own.
func judgeName(d *detector) string {
	for n, j := range judges {
		if j == d {
			return n
		}
	}
	return ""
}

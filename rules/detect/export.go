package detect

// Validators and masks the compliance rules reuse on values that SQL pre-filtered.

// ValidPaymentCard reports whether v is a full card number: 13–19 digits (spaces or
// dashes between groups allowed) passing Luhn, with a known issuer prefix and length.
func ValidPaymentCard(v string) bool { return checkCard(v, nil) == lvStrong }

// MaskPaymentCard keeps the first six and last four digits: "411111******1111".
func MaskPaymentCard(v string) string { return maskCard(v) }

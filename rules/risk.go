package rules

import (
	"fmt"
	"strconv"
	"strings"
)

// Severity is the CNIL impact scale, 1 (negligible) to 4 (maximum). Ordered, so
// thresholds can use >=.
type Severity int

// Likelihood is the CNIL likelihood scale, 1 (negligible) to 4 (maximum).
type Likelihood int

const (
	SeverityNegligible  Severity = 1
	SeverityLimited     Severity = 2
	SeveritySignificant Severity = 3
	SeverityMaximum     Severity = 4
)

var scaleWords = [...]string{"", "negligible", "limited", "significant", "maximum"}

func (s Severity) Valid() bool   { return s >= 1 && s <= 4 }
func (l Likelihood) Valid() bool { return l >= 1 && l <= 4 }
func (s Severity) String() string {
	if !s.Valid() {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return scaleWords[s]
}
func (l Likelihood) String() string {
	if !l.Valid() {
		return fmt.Sprintf("Likelihood(%d)", int(l))
	}
	return scaleWords[l]
}

// ParseScale reads 1..4 or the CNIL words; anything else is an error listing the choices.
func ParseScale(s string) (int, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	if n, err := strconv.Atoi(t); err == nil && n >= 1 && n <= 4 {
		return n, nil
	}
	for i := 1; i < len(scaleWords); i++ {
		if t == scaleWords[i] {
			return i, nil
		}
	}
	return 0, fmt.Errorf("unknown level %q (valid: 1, 2, 3, 4, limited, maximum, negligible, significant)", s)
}

// RiskLevel is derived from severity × likelihood (docs/rule-catalogue.md §3, a product convention,
// not a regulatory scale): 1–3 Low, 4–6 Medium, 8–9 High, 12–16 Critical.
type RiskLevel int

const (
	RiskLow RiskLevel = iota + 1
	RiskMedium
	RiskHigh
	RiskCritical
)

var riskWords = [...]string{"", "low", "medium", "high", "critical"}

// Risk returns the level for a severity and likelihood.
func Risk(s Severity, l Likelihood) RiskLevel {
	switch p := int(s) * int(l); {
	case p >= 12:
		return RiskCritical
	case p >= 8:
		return RiskHigh
	case p >= 4:
		return RiskMedium
	default:
		return RiskLow
	}
}

func (r RiskLevel) String() string {
	if r < RiskLow || r > RiskCritical {
		return fmt.Sprintf("RiskLevel(%d)", int(r))
	}
	return riskWords[r]
}

func (r RiskLevel) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

func (r *RiskLevel) UnmarshalText(b []byte) error {
	v, err := ParseRiskLevel(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ParseRiskLevel reads low, medium, high or critical.
func ParseRiskLevel(s string) (RiskLevel, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i := 1; i < len(riskWords); i++ {
		if t == riskWords[i] {
			return RiskLevel(i), nil
		}
	}
	return 0, fmt.Errorf("unknown risk level %q (valid: critical, high, low, medium)", s)
}

// FineTier is the Art. 83 paragraph whose maximum applies.
type FineTier string

const (
	Tier834 FineTier = "83(4)"
	Tier835 FineTier = "83(5)"
)

package rules

import "errors"

// ErrUnknownRule is returned for a rule id the catalogue does not have.
var ErrUnknownRule = errors.New("rules: unknown rule")

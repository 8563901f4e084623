package scanner

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDecimalValue(t *testing.T) {
	tests := []struct {
		in   string
		want any
	}{
		{"12.50", 12.5},
		{"-0.0100", -0.01},
		{"0", 0.0},
		{"123456789012345", 123456789012345.0},
		{"1234567890123456", "1234567890123456"}, // 16 significant digits: kept exact
		{"0.12345678901234567", "0.12345678901234567"},
		{"100000000000000000000", 1e20}, // trailing zeros are not significant
		{"abc", "abc"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, DecimalValue(tt.in), tt.in)
	}
}

package cluster_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gdprscan/gdprscan/internal/cluster"
)

// River fires a periodic job up to 100ms early; a firing late by seconds keeps its slot.
func TestSlotOfAFiring(t *testing.T) {
	slot := time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC)
	for _, d := range []time.Duration{-100 * time.Millisecond, 0, 3 * time.Second, 58 * time.Second} {
		assert.Equal(t, slot, cluster.SlotOf(slot.Add(d)), "fired at %s", d)
	}
	assert.Equal(t, slot.Add(time.Minute), cluster.SlotOf(slot.Add(time.Minute)))
}

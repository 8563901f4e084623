//go:build race

package cluster_test

// raceEnabled: under the race detector a scan of the whole demo CRM takes over a
// minute, so the tests then scan the tables that hold the violations they follow.
const raceEnabled = true

//go:build race

package daemon_test

// raceEnabled: under the race detector a scan of the whole demo CRM takes over a
// minute, so the daemon tests then scan the tables that hold the violations they follow.
const raceEnabled = true

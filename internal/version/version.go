// Package version holds the program version, set at build time with
// -ldflags "-X github.com/gdprscan/gdprscan/internal/version.Version=…".
package version

import "runtime/debug"

// Version of gdprscan.
var Version = "dev"

// String returns the version, falling back to the module version of a `go install`.
func String() string {
	if Version != "dev" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return Version
}

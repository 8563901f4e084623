//go:build ignore

// gen_rules_md writes RULES.md from the registry; run by `go generate ./rules`.
package main

import (
	"log"
	"os"

	"github.com/gdprscan/gdprscan/rules"
)

func main() {
	if err := os.WriteFile("RULES.md", rules.Catalogue(), 0o644); err != nil {
		log.Fatal(err)
	}
}

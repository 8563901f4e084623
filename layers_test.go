package gdprscan_test

import (
	"go/build"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const module = "github.com/gdprscan/gdprscan"

// layers orders the packages from the bottom up. A package may import only packages of
// a lower layer: the engines build on the scanner, the scanner on the rules, the rules on
// detection, detection on the config. A package is placed by the longest entry that is
// its path or a parent folder of it, so "cmd" covers every command. A new package that
// matches no entry fails the test until it is placed here.
var layers = [][]string{
	// leaves: no import of this module
	{"rules/dialect", "scanner/dsn", "internal/version", "internal/testdb", "internal/server", "internal/store", "internal/synth"},
	{"config", "internal/metrics", "internal/dbfixture"}, // dbfixture: portable test tables, on the dialects only
	{"rules/detect"},
	{"rules"},
	{"scanner"},
	{"scanner/sqlsample", "scanner/scannertest"}, // what the engines share
	{"scanner/postgres", "scanner/mysql", "scanner/sqlite"},
	// users of scan results, and the tools
	{"reports", "internal/tasks", "internal/suppress", "internal/suggest", "internal/demo", "internal/eval"},
	{"internal/sink"},
	{"internal/pipeline"},
	{"internal/schedule", "internal/cluster", "internal/bench"},
	{"internal/daemon"},
	{"cmd", "internal/eval/cmd", "tools"},
}

// layerOf returns the layer of a package path relative to the module, or -1.
func layerOf(rel string) int {
	best, bestLen := -1, -1
	for i, pkgs := range layers {
		for _, p := range pkgs {
			if (rel == p || strings.HasPrefix(rel, p+"/")) && len(p) > bestLen {
				best, bestLen = i, len(p)
			}
		}
	}
	return best
}

// TestImportsPointDown fails when a package imports one of its own or a higher layer.
// Only the program's files count: tests may use helpers from anywhere (the rules tests
// build their tables with internal/dbfixture and scan the demo CRM of internal/demo).
func TestImportsPointDown(t *testing.T) {
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			return nil
		}
		if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata" || name == "vendor") {
			return filepath.SkipDir
		}
		pkg, err := build.ImportDir(path, 0)
		if _, none := err.(*build.NoGoError); none {
			return nil
		}
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil // this test's own folder holds no program code
		}
		from := layerOf(rel)
		if from < 0 {
			t.Errorf("package %s has no layer: place it in layers in layers_test.go", rel)
			return nil
		}
		checked++
		for _, imp := range pkg.Imports {
			if !strings.HasPrefix(imp, module+"/") {
				continue
			}
			dep := strings.TrimPrefix(imp, module+"/")
			to := layerOf(dep)
			switch {
			case to < 0:
				t.Errorf("%s imports %s, which has no layer in layers_test.go", rel, dep)
			case to >= from:
				t.Errorf("%s (layer %d) imports %s (layer %d): imports must point down", rel, from, dep, to)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 20 {
		t.Fatalf("only %d packages checked: the walk missed the module", checked)
	}
}

// TestLayerOf pins the placement rule the import test relies on.
func TestLayerOf(t *testing.T) {
	for rel, want := range map[string]int{
		"rules": 3, "rules/detect": 2, "rules/dialect": 0, "scanner": 4, "scanner/dsn": 0,
		"scanner/mysql": 6, "cmd/gdprscan": 12, "internal/eval/cmd/eval": 12, "internal/eval": 7,
		"internal/dbfixture": 1, "internal/demo": 7, "nowhere": -1,
	} {
		if got := layerOf(rel); got != want {
			t.Errorf("layerOf(%q) = %d, want %d", rel, got, want)
		}
	}
}

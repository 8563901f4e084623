package detect

import (
	"embed"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// The word lists the judges use beside the vocabulary (flag words, street types, given
// names, browser names…) are data too: rules/detect/vocab/words/*.yaml, embedded. The Go
// code asks for a list by name with wordList; the sets logic (unions, exclusions) stays in Go.

//go:embed vocab/words/*.yaml
var wordFS embed.FS

// wordListsDoc is one words file.
type wordListsDoc struct {
	Lists map[string]listEntry `yaml:"lists"`
}

// listEntry is one named list: what it is for, and its words, separated by spaces.
type listEntry struct {
	About string `yaml:"about"`
	Words string `yaml:"words"`
}

var listNameRE = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// parseWordLists reads one words file into folded sets. Errors name the file and line.
func parseWordLists(name string, data []byte) (map[string]map[string]bool, error) {
	var doc wordListsDoc
	root, err := decodeStrict(name, data, &doc)
	if err != nil {
		return nil, err
	}
	lines := listLines(root)
	out := map[string]map[string]bool{}
	for list, l := range doc.Lists {
		at := fmt.Sprintf("%s:%d: list %s", name, lines[list], list)
		if !listNameRE.MatchString(list) {
			return nil, fmt.Errorf("%s: a list name is lower-case letters, digits and _", at)
		}
		ws := strings.Fields(l.Words)
		if len(ws) == 0 {
			return nil, fmt.Errorf("%s: no words", at)
		}
		set := make(map[string]bool, len(ws))
		seen := make(map[string]bool, len(ws))
		for _, w := range ws {
			if seen[w] {
				return nil, fmt.Errorf("%s: %q twice", at, w)
			}
			seen[w] = true
			set[foldWord(w)] = true
		}
		out[list] = set
	}
	return out, nil
}

// listLines maps each list name to the line it starts on.
func listLines(root *yaml.Node) map[string]int {
	lines := map[string]int{}
	if len(root.Content) == 0 {
		return lines
	}
	doc := root.Content[0]
	for i := 0; i+1 < len(doc.Content); i += 2 {
		if doc.Content[i].Value != "lists" {
			continue
		}
		m := doc.Content[i+1]
		for j := 0; j+1 < len(m.Content); j += 2 {
			lines[m.Content[j].Value] = m.Content[j].Line
		}
	}
	return lines
}

// loadWordLists reads every words file of fsys; a list name in two files is an error.
func loadWordLists(fsys fs.FS, dir string) (map[string]map[string]bool, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	all := map[string]map[string]bool{}
	from := map[string]string{}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		lists, err := parseWordLists(n, data)
		if err != nil {
			return nil, err
		}
		for _, l := range slices.Sorted(maps.Keys(lists)) {
			if f, ok := from[l]; ok {
				return nil, fmt.Errorf("%s: list %s is defined in %s too", n, l, f)
			}
			from[l], all[l] = n, lists[l]
		}
	}
	return all, nil
}

var wordLists = func() map[string]map[string]bool {
	lists, err := loadWordLists(wordFS, "vocab/words")
	if err != nil {
		panic("detect: " + err.Error()) // embedded data: the tests catch it first
	}
	return lists
}()

// wordsAsked records the lists the code asked for, so a test can find lists nobody uses.
var wordsAsked sync.Map

// wordList is a fresh copy of the named word list. A name the files lack panics when the
// package starts: a typo must not leave a judge with an empty list.
func wordList(name string) map[string]bool {
	l, ok := wordLists[name]
	if !ok {
		panic("detect: no word list " + name + " in rules/detect/vocab/words")
	}
	wordsAsked.Store(name, true)
	return maps.Clone(l)
}

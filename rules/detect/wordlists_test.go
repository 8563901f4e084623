package detect

import (
	"encoding/json"
	"os"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

// judgeSets are the sets the judges read, built from the word lists (some of them
// unions or with words taken out): testdata/words-golden.json holds them as the Go
// literals gave them before the lists moved to vocab/words.
func judgeSets() map[string]map[string]bool {
	return map[string]map[string]bool{
		"orderWords": orderWords, "employeeNouns": employeeNouns, "payNouns": payNouns, "assignmentNouns": assignmentNouns,
		"hrAttributes": hrAttributes, "relationWords": relationWords, "auditWords": auditWords, "keyWords": keyWords,
		"periodWords": periodWords, "roleMailboxes": roleMailboxes, "notTLD": notTLD, "streetWords": streetWords,
		"givenNames": givenNames, "surnames": surnames, "flagWords": flagWords, "metaWords": metaWords,
		"timeWords": timeWords, "hashWords": hashWords, "refWords": refWords, "consentWords": consentWords,
		"leadKill": leadKill, "neutralWords": neutralWords, "visibilityWords": visibilityWords, "bareNames": bareNames,
		"personQualifiers": personQualifiers, "affixes": affixes, "nameWords": nameWords, "orgTextWords": orgTextWords,
		"employerTerms": employerTerms, "connectors": connectors, "alnumWords": alnumWords, "weakHeads": weakHeads,
		"notPersonLinks": notPersonLinks, "listHeads": listHeads, "senderWords": senderWords, "browserNames": browserNames,
		"segmentDict": segmentDict,
	}
}

// Every word the judges had as Go literals is still in their sets; words added to the
// data since pass. Removing one fails until the golden is rewritten on purpose.
func TestWordListsKeepGolden(t *testing.T) {
	b, err := os.ReadFile("testdata/words-golden.json")
	require.NoError(t, err)
	var want map[string][]string
	require.NoError(t, json.Unmarshal(b, &want))
	got := judgeSets()
	require.Len(t, got, len(want))
	n := 0
	for name, ws := range want {
		require.Contains(t, got, name)
		for _, w := range ws {
			assert.True(t, got[name][w], "%s lost %q", name, w)
		}
		n += len(ws)
	}
	assert.Greater(t, n, 6000)
}

// Every list in the data is used by some judge, and the judges got copies: changing one
// set leaves the lists as loaded.
func TestEveryWordListIsUsed(t *testing.T) {
	for name := range wordLists {
		_, ok := wordsAsked.Load(name)
		assert.True(t, ok, "list %s is in vocab/words but no judge asks for it", name)
	}
	s := wordList("flag_words")
	s["zzz"] = true
	assert.False(t, wordList("flag_words")["zzz"])
	assert.Panics(t, func() { wordList("no_such_list") })
}

// Adding a word is one line of data: the loaded set has it, folded like column names.
func TestAddedWordIsPickedUp(t *testing.T) {
	data := func(extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("lists:\n  street_words:\n    about: street types\n    words: >-\n      street road\n" + extra)}
	}
	lists, err := loadWordLists(fstest.MapFS{"w/a.yaml": data("")}, "w")
	require.NoError(t, err)
	assert.False(t, lists["street_words"]["gasse"])
	lists, err = loadWordLists(fstest.MapFS{"w/a.yaml": data("      Gasse Straße\n")}, "w")
	require.NoError(t, err)
	assert.True(t, lists["street_words"]["gasse"])
	assert.True(t, lists["street_words"]["strasse"], "folded like a column name")
}

// Bad words files are refused with the file, the line and what is wrong.
func TestWordListErrors(t *testing.T) {
	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"unknown field": {map[string]string{"w/a.yaml": "lists:\n  x:\n    about: a\n    word: b\n"}, "w/a.yaml: yaml: unmarshal errors:\n  line 4: field word not found"},
		"no words":      {map[string]string{"w/a.yaml": "lists:\n  x:\n    about: a\n"}, "w/a.yaml:2: list x: no words"},
		"word twice":    {map[string]string{"w/a.yaml": "lists:\n  ok:\n    words: a\n  x:\n    words: b c b\n"}, `w/a.yaml:4: list x: "b" twice`},
		"bad name":      {map[string]string{"w/a.yaml": "lists:\n  Bad-Name:\n    words: a\n"}, "w/a.yaml:2: list Bad-Name: a list name is lower-case"},
		"list twice":    {map[string]string{"w/a.yaml": "lists:\n  x:\n    words: a\n  x:\n    words: b\n"}, "w/a.yaml: yaml: unmarshal errors:\n  line 4: mapping key \"x\" already defined at line 2"},
		"two files":     {map[string]string{"w/a.yaml": "lists:\n  x:\n    words: a\n", "w/b.yaml": "lists:\n  x:\n    words: b\n"}, "w/b.yaml: list x is defined in w/a.yaml too"},
		"not yaml":      {map[string]string{"w/a.yaml": "lists: [\n"}, "w/a.yaml: yaml: line"},
	} {
		t.Run(name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for n, d := range tc.files {
				fsys[n] = &fstest.MapFile{Data: []byte(d)}
			}
			_, err := loadWordLists(fsys, "w")
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// The embedded files load, and every list says what it is for.
func TestEmbeddedWordLists(t *testing.T) {
	assert.GreaterOrEqual(t, len(wordLists), 38)
	entries, err := wordFS.ReadDir("vocab/words")
	require.NoError(t, err)
	for _, e := range entries {
		data, err := wordFS.ReadFile("vocab/words/" + e.Name())
		require.NoError(t, err)
		var doc wordListsDoc
		require.NoError(t, yaml.Unmarshal(data, &doc), e.Name())
		for n, l := range doc.Lists {
			assert.NotEmpty(t, l.About, "%s: list %s has no about", e.Name(), n)
		}
	}
}

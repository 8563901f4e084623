package detect

import (
	"encoding/json"
	"flag"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var updateGolden = flag.Bool("update-vocab-golden", false, "rewrite testdata/vocab-golden.json from the current vocabulary")

type goldenTerm struct {
	Key      string  `json:"key,omitempty"`
	Phrase   string  `json:"phrase"`
	Category string  `json:"category"`
	Strength float64 `json:"strength"`
	Quasi    bool    `json:"quasi,omitempty"`
	Judge    string  `json:"judge,omitempty"`
	Contact  bool    `json:"contact,omitempty"`
}

// vocabGolden is every vocabulary structure the classifier reads.
type vocabGolden struct {
	Terms          []goldenTerm      `json:"terms"` // vocabularyTerms, in order
	MaxPhraseWords int               `json:"max_phrase_words"`
	Legacy         []goldenTerm      `json:"legacy"`      // legacyTerms, by key
	TableNouns     map[string]string `json:"table_nouns"` // word → table kind signal
}

func goldenOf(key string, t term) goldenTerm {
	g := goldenTerm{Key: key, Phrase: t.phrase, Category: string(t.cat), Strength: t.strength, Quasi: t.quasi, Contact: t.contact}
	if t.det != nil {
		g.Judge = judgeName(t.det)
		if g.Judge == "" {
			g.Judge = "unnamed:" + string(t.det.cat)
		}
	}
	return g
}

func byKey(m map[string]term) []goldenTerm {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]goldenTerm, len(keys))
	for i, k := range keys {
		out[i] = goldenOf(k, m[k])
	}
	return out
}

func currentVocab() vocabGolden {
	g := vocabGolden{MaxPhraseWords: maxPhraseWords, Legacy: byKey(legacyTerms), TableNouns: map[string]string{}}
	for _, t := range vocabularyTerms {
		g.Terms = append(g.Terms, goldenOf("", t))
	}
	for w, k := range tableNouns {
		g.TableNouns[w] = tableKindSignal[k]
	}
	return g
}

// TestVocabularyKeepsGolden proves the vocabulary the classifier uses holds, entry for
// entry and in the same order, what the Go literals held before they moved to vocab/*.yaml
// (testdata/vocab-golden.json was written by the old code, with -update-vocab-golden).
// Words added to the YAML since pass; a changed or removed one fails until the golden is
// rewritten on purpose. Until words are added, the two are equal.
func TestVocabularyKeepsGolden(t *testing.T) {
	got := currentVocab()
	if *updateGolden {
		require.NoError(t, os.WriteFile("testdata/vocab-golden.json", goldenJSON(t, got), 0o644))
	}
	b, err := os.ReadFile("testdata/vocab-golden.json")
	require.NoError(t, err)
	var want vocabGolden
	require.NoError(t, json.Unmarshal(b, &want))
	assert.Greater(t, len(want.Terms), 3000)
	assert.GreaterOrEqual(t, got.MaxPhraseWords, want.MaxPhraseWords)
	for w, k := range want.TableNouns {
		assert.Equal(t, k, got.TableNouns[w], "table noun %q", w)
	}
	keepsTerms(t, "legacy", want.Legacy, got.Legacy)
	keepsTerms(t, "terms", want.Terms, got.Terms)
	t.Logf("since the snapshot: %d column entries, %d legacy abbreviations, %d table nouns added",
		len(got.Terms)-len(want.Terms), len(got.Legacy)-len(want.Legacy), len(got.TableNouns)-len(want.TableNouns))
}

// keepsTerms checks that want is a subsequence of got and reports the first entry missing,
// not two 3,500-entry dumps.
func keepsTerms(t *testing.T, what string, want, got []goldenTerm) {
	t.Helper()
	j := 0
	for i, w := range want {
		for j < len(got) && got[j] != w {
			j++
		}
		if j == len(got) {
			t.Errorf("%s[%d] %+v is gone or changed (or out of order)", what, i, w)
			return
		}
		j++
	}
}

// goldenJSON writes one entry a line, so a diff of the golden reads as a diff of words.
func goldenJSON(t *testing.T, g vocabGolden) []byte {
	line := func(v any) string {
		b, err := json.Marshal(v)
		require.NoError(t, err)
		return string(b)
	}
	list := func(ts []goldenTerm) string {
		s := "[\n"
		for i, x := range ts {
			s += "  " + line(x)
			if i < len(ts)-1 {
				s += ","
			}
			s += "\n"
		}
		return s + " ]"
	}
	return []byte("{\n \"terms\": " + list(g.Terms) + ",\n \"max_phrase_words\": " + line(g.MaxPhraseWords) +
		",\n \"legacy\": " + list(g.Legacy) + ",\n \"table_nouns\": " + line(g.TableNouns) + "\n}\n")
}

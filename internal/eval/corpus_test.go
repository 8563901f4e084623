package eval

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/eval/labels.tsv")

// defaultCorpus is generated once and shared (read-only) by the tests.
var defaultCorpus = sync.OnceValue(func() Corpus { return Generate(DefaultSeed) })

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := defaultCorpus(), Generate(DefaultSeed)
	require.Equal(t, a.Digest(), b.Digest())
	require.Equal(t, a.Stats(), b.Stats())
	c := Generate(DefaultSeed + 1)
	require.Equal(t, a.Stats().Columns, c.Stats().Columns, "the seed changes values, not the schema")
	assert.NotEqual(t, a.Digest(), c.Digest())
}

// Each schema draws from its own stream: generating one schema alone gives the same values.
func TestSchemasAreIndependent(t *testing.T) {
	full := defaultCorpus()
	saved := schemaDefs
	t.Cleanup(func() { schemaDefs = saved })
	schemaDefs = []schemaDef{saved[len(saved)-1]}
	alone := Generate(DefaultSeed)
	assert.Equal(t, Corpus{Seed: full.Seed, Schemas: full.Schemas[len(full.Schemas)-1:]}.Digest(), alone.Digest())
}

func TestCorpusInvariants(t *testing.T) {
	c := defaultCorpus()
	st := c.Stats()
	assert.GreaterOrEqual(t, st.Schemas, 12)
	assert.GreaterOrEqual(t, st.Columns, 800)
	assert.Greater(t, st.Personal, st.Columns/3)
	assert.Greater(t, st.Columns-st.Personal, st.Columns/3, "a third of the corpus are decoys and plain columns")
	seen := map[string]bool{}
	cats := map[string]int{}
	empty := 0
	for _, col := range c.Columns() {
		id := col.ID()
		assert.False(t, seen[id], "duplicate column %s", id)
		seen[id] = true
		assert.Equal(t, col.Category != None, col.Personal, "%s: personal iff category is not none", id)
		if len(col.Values) == 0 {
			empty++ // a field the CRM has and nobody fills: personal or not by its name alone
			assert.Positive(t, col.Sampled, id)
		}
		assert.LessOrEqual(t, len(col.Values), col.Sampled, id)
		assert.Contains(t, col.TableColumns, col.Name, id)
		assert.NotEmpty(t, col.DataType, id)
		for _, v := range col.Values {
			assert.NotEmpty(t, v, "%s: NULLs are dropped, not rendered empty", id)
		}
		cats[col.Category]++
	}
	assert.Positive(t, empty, "the corpus has empty columns")
	assert.Less(t, empty*50, st.Columns, "empty columns are rare (under 2 percent)")
	for _, k := range Categories {
		if k == "genetic" || k == "sexual_orientation" || k == "photo_or_biometric" || k == "passport" {
			continue // present but rare in CRMs
		}
		assert.Positive(t, cats[k], "no column labelled %s", k)
	}
}

// The phone numbers the generator writes are valid for libphonenumber in every format.
func TestPhonesAreValid(t *testing.T) {
	g := newGen(3, "phones")
	codes := []string{"US", "GB", "DE", "AT", "CH", "FR", "BE", "ES", "IT", "NL", "PL", "SE", "BR", "CN", "TW"}
	for _, code := range codes {
		t.Run(code, func(t *testing.T) {
			for i := range 200 {
				p := newPerson(g, code)
				mobile := i%2 == 0
				ph := p.phone(mobile)
				for _, style := range []string{"e164", "intl", "national", "alt"} {
					s := ph.format(style)
					num, err := phonenumbers.Parse(s, code)
					if !assert.NoError(t, err, "%s %q", style, s) {
						continue
					}
					assert.True(t, phonenumbers.IsValidNumber(num), "%s mobile=%v %s %q", code, mobile, style, s)
				}
			}
		})
	}
}

func TestWriteLabelsGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, WriteLabels(&buf, defaultCorpus()))
	path := filepath.Join("..", "..", "testdata", "eval", "labels.tsv")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/eval -update")
	assert.Equal(t, string(want), buf.String(), "labels changed: review, then go test ./internal/eval -update")
	assert.False(t, strings.Contains(buf.String(), "@"), "labels carry no values")
}

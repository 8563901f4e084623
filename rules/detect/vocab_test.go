package detect

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/gdprscan/gdprscan/config"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVocabularyPicksUpNewWord: one phrase line in a YAML file is all a new column word
// needs; the loaded entry classifies the column.
func TestVocabularyPicksUpNewWord(t *testing.T) {
	c, err := New()
	require.NoError(t, err)
	col := Column{Table: "patients", Name: "wombat_nummer", DataType: "varchar(20)"}
	require.Equal(t, None, matchName(col.Name).cat, "the word must be new")
	require.Equal(t, None, c.Classify(col).Category)

	extra := []byte(`entries:
  - category: national_id
    strength: specific
    languages: [de]
    phrases:
      - "wombat nummer"
`)
	fsys := fstest.MapFS{"vocab/99-extra.yaml": {Data: extra}}
	for n, f := range mustReadVocabFS(t) {
		fsys[n] = f
	}
	set, err := loadVocab(fsys)
	require.NoError(t, err)
	ts := set.column
	require.Len(t, ts, len(vocabularyTerms)+1)
	require.Len(t, set.legacy, len(legacyVocabulary))
	require.Len(t, set.tables, len(tableVocabulary))
	_, conflicts, _ := buildVocabulary(ts)
	require.Empty(t, conflicts)
	v := newVocabIndex(ts)
	m := v.matchName(col.Name)
	assert.Equal(t, NationalID, m.cat)
	assert.Equal(t, specific, m.strength)
	c.vocab = v // the classifier as built from these files
	r := c.Classify(col)
	assert.Equal(t, NationalID, r.Category)
	assert.True(t, r.Personal)
}

func mustReadVocabFS(t *testing.T) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	entries, err := vocabFS.ReadDir("vocab")
	require.NoError(t, err)
	for _, e := range entries {
		b, err := vocabFS.ReadFile("vocab/" + e.Name())
		require.NoError(t, err)
		out["vocab/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	return out
}

// TestVocabularyFilesLoadInNameOrder: the first spelling of a key names the entry, so the
// order of the files is part of the data.
func TestVocabularyFilesLoadInNameOrder(t *testing.T) {
	fsys := fstest.MapFS{
		"vocab/b.yaml": {Data: []byte("entries:\n  - {category: email, strength: specific, phrases: [e-mail]}\n")},
		"vocab/a.yaml": {Data: []byte("entries:\n  - {category: email, strength: specific, phrases: [email]}\n")},
	}
	set, err := loadVocab(fsys)
	require.NoError(t, err)
	v, conflicts, _ := buildVocabulary(set.column)
	assert.Empty(t, conflicts)
	assert.Equal(t, "email", v["email"].phrase)
}

// TestVocabularyConflictFound: the conflict check (TestVocabularyHasNoConflicts) catches one
// spelling given two meanings across files.
func TestVocabularyConflictFound(t *testing.T) {
	fsys := fstest.MapFS{
		"vocab/a.yaml": {Data: []byte("entries:\n  - {category: email, strength: specific, phrases: [e mail]}\n")},
		"vocab/b.yaml": {Data: []byte("entries:\n  - {category: phone, strength: specific, phrases: [EMail]}\n")},
	}
	set, err := loadVocab(fsys)
	require.NoError(t, err)
	_, conflicts, _ := buildVocabulary(set.column)
	assert.Equal(t, []string{"EMail (phone) vs e mail (email)"}, conflicts)
}

func TestVocabularyBadEntries(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"unknown category", "entries:\n  - category: emial\n    strength: specific\n    phrases: [x]\n",
			`vocab/x.yaml:2: unknown category "emial"`},
		{"unknown strength", "entries:\n  - category: email\n    strength: likley\n    phrases: [x]\n",
			`vocab/x.yaml:2: unknown strength "likley"`},
		{"none with a strength", "entries:\n  - category: none\n    strength: specific\n    phrases: [x]\n",
			"vocab/x.yaml:2: strength none goes with category none"},
		{"unknown judge", "entries:\n  - {category: email, strength: specific, judge: regio, phrases: [x]}\n",
			`vocab/x.yaml:2: unknown judge "regio"`},
		{"no phrases", "entries:\n  - {category: email, strength: specific}\n", "vocab/x.yaml:2: no phrases"},
		{"empty phrase", "entries:\n  - {category: email, strength: specific, phrases: [x, \" \"]}\n", "vocab/x.yaml:2: phrase 2 is empty"},
		{"bad language", "entries:\n  - {category: email, strength: specific, languages: [German], phrases: [x]}\n",
			`vocab/x.yaml:2: language "German"`},
		{"unknown field", "entries:\n  - {category: email, strenght: specific, phrases: [x]}\n", "vocab/x.yaml: yaml: unmarshal errors:\n  line 2: field strenght not found"},
		{"unknown kind", "kind: table\nentries:\n  - {category: email, strength: specific, phrases: [x]}\n", `vocab/x.yaml: unknown kind "table"`},
		{"no entries", "kind: legacy\n", "vocab/x.yaml: no entries"},
		{"unknown table kind", "kind: tables\nentries:\n  - {table: persons, phrases: [kunde]}\n", `vocab/x.yaml:3: unknown table "persons"`},
		{"table with a category", "kind: tables\nentries:\n  - {table: person, category: email, phrases: [kunde]}\n",
			"vocab/x.yaml:3: a table entry takes table, phrases and languages only"},
		{"table phrase of two words", "kind: tables\nentries:\n  - {table: person, phrases: [kunde, \"end user\"]}\n",
			`vocab/x.yaml:3: phrase 2 ("end user") must be one word`},
		{"table in a column file", "entries:\n  - {table: person, category: email, strength: specific, phrases: [x]}\n",
			"vocab/x.yaml:2: table goes in tables files only"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseVocab("vocab/x.yaml", []byte(tt.yaml))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

// TestVocabularyEveryJudgeUsed: a judge no entry names is dead code.
func TestVocabularyEveryJudgeUsed(t *testing.T) {
	used := map[*detector]bool{}
	for _, ts := range [][]term{vocabularyTerms, legacyVocabulary} {
		for _, tm := range ts {
			used[tm.det] = true
		}
	}
	for n, d := range judges {
		assert.True(t, used[d], n)
	}
}

// TestVocabularyPicksUpNewTableNoun: a word added to a tables file makes its tables that kind.
func TestVocabularyPicksUpNewTableNoun(t *testing.T) {
	_, ok := tableNoun("wombats")
	require.False(t, ok, "the word must be new")
	fsys := mustReadVocabFS(t)
	fsys["vocab/tables-extra.yaml"] = &fstest.MapFile{Data: []byte("kind: tables\nentries:\n  - table: person\n    phrases:\n      - \"wombat\"\n")}
	set, err := loadVocab(fsys)
	require.NoError(t, err)
	old := tableNouns
	t.Cleanup(func() { tableNouns = old })
	tableNouns = tableNounMap(set.tables)
	k, ok := tableNoun("wombats")
	assert.True(t, ok)
	assert.Equal(t, tablePerson, k)
}

func TestPeopleTable(t *testing.T) {
	for name, want := range map[string]bool{
		"contacts": true, "res_partner": true, "kunden": true, "klanten": true, "客户": true, "CUSTMAST": true,
		"customer_addresses": true, "civicrm_contact": true, "hr_employee": true,
		"civicrm_phone": false, "email_addresses": false, "EmailAddress": false, "profiles": false,
		"lead_capture": false, "civicrm_membership_type": false, "accounts": false, "products": false,
		"vtiger_leadstatus": false, "settings": false, "orders": false,
	} {
		assert.Equal(t, want, PeopleTable(name), name)
	}
}

// TestConfigVocabulary: a user's entries in the built-in format, from a config file, reach
// the classifier; a bad one is refused with the file and line.
func TestConfigVocabulary(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "gdprscan.yaml")
	require.NoError(t, os.WriteFile(good, []byte(`sources:
  - name: club
    kind: sqlite
    dsn: file:club.db
discovery:
  vocabulary:
    - category: national_id
      strength: specific
      languages: [de]
      phrases:
        - "wombat nummer"
    - category: none
      strength: none
      phrases:
        - "telefon"
`), 0o600))
	cfg, err := config.LoadFile(good)
	require.NoError(t, err)
	c, err := New(ConfigOptions(cfg.Discovery)...)
	require.NoError(t, err)
	builtin, err := New()
	require.NoError(t, err)

	col := Column{Table: "mitglieder", Name: "wombat_nummer", DataType: "varchar(20)"}
	assert.Equal(t, None, builtin.Classify(col).Category)
	assert.Equal(t, NationalID, c.Classify(col).Category, "a new phrase")
	tel := Column{Table: "mitglieder", Name: "telefon", DataType: "varchar(20)", Values: []string{"+49 30 1234567", "+49 89 7654321", "+49 40 5556667"}}
	assert.Equal(t, Phone, builtin.Classify(tel).Category)
	assert.NotEqual(t, Phone, c.Classify(tel).Category, "a user entry replaces the built-in one")
	assert.Equal(t, Email, c.Classify(Column{Table: "mitglieder", Name: "email", DataType: "text"}).Category, "the rest stays")

	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, os.WriteFile(bad, []byte(`sources:
  - name: club
    kind: sqlite
    dsn: file:club.db
discovery:
  vocabulary:
    - category: national_id
      strength: strong
      phrases: ["wombat nummer"]
`), 0o600))
	_, err = config.LoadFile(bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "bad.yaml:8")
	assert.Contains(t, err.Error(), `unknown strength "strong"`)

	// A config built in code is checked by New: one spelling with two meanings.
	_, err = New(WithVocabulary(VocabEntry{Category: Email, Strength: "specific", Phrases: []string{"e mail"}},
		VocabEntry{Category: Phone, Strength: "specific", Phrases: []string{"EMail"}}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "EMail (phone) vs e mail (email)")
	_, err = New(WithVocabulary(VocabEntry{Category: Email, Strength: "likley", Phrases: []string{"x"}}))
	assert.ErrorContains(t, err, `detect: vocabulary entry 1: unknown strength "likley"`)
}

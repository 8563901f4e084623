package detect

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The vocabulary is data: rules/detect/vocab/*.yaml, embedded and loaded at init into the
// entries the classifier matches (vocabularyTerms, legacyTerms, tableNouns). Files load in
// name order; where two phrases spell the same key, the first names the entry.

//go:embed vocab/*.yaml
var vocabFS embed.FS

// vocabDoc is one vocabulary file.
type vocabDoc struct {
	// Kind is "" (column names, matched anywhere in a name), "legacy" (abbreviations matched
	// only as the whole rest of a field name after a legacy table prefix: CUPHON) or
	// "tables" (words of table names and the kind of table they make).
	Kind      string       `yaml:"kind"`
	Languages []string     `yaml:"languages"` // descriptive: the languages of the file's phrases
	Entries   []vocabEntry `yaml:"entries"`
}

// vocabEntry is a group of phrases that share what they mean.
type vocabEntry struct {
	Category      Category `yaml:"category"` // a category id, or none for non-personal names
	Strength      string   `yaml:"strength"` // specific, likely, ambiguous, faint; none with category none
	Quasi         bool     `yaml:"quasi"`    // personal only beside a person (score.go step 2)
	Judge         string   `yaml:"judge"`    // a detector other than the category's judges the values
	Table         string   `yaml:"table"`    // tables files only: person, org, object or lookup
	ContactPerson bool     `yaml:"contact_person"`
	Languages     []string `yaml:"languages"`
	Phrases       []string `yaml:"phrases"`
}

var strengths = map[string]float64{"specific": specific, "likely": likely, "ambiguous": ambiguous, "faint": faint, "none": 0}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// vocabSet is what the files hold.
type vocabSet struct {
	column, legacy []term
	tables         []tableWord
}

// tableWord is a word of table names and the kind of table it makes.
type tableWord struct {
	word string
	kind tableKind
}

var tableKinds = map[string]tableKind{"person": tablePerson, "org": tableOrg, "object": tableObject, "lookup": tableLookup}

func (v *vocabSet) add(o vocabSet) {
	v.column, v.legacy, v.tables = append(v.column, o.column...), append(v.legacy, o.legacy...), append(v.tables, o.tables...)
}

// decodeStrict decodes a data file into v, refusing unknown fields, and returns its node
// tree too, for the line numbers of errors found later. Errors name the file.
func decodeStrict(name string, data []byte, v any) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &root, nil
}

// parseVocab reads one vocabulary file. Errors name the file and the line of the entry.
func parseVocab(name string, data []byte) (vocabSet, error) {
	var set vocabSet
	var doc vocabDoc
	root, err := decodeStrict(name, data, &doc)
	if err != nil {
		return set, err
	}
	lines := entryLines(root)
	if doc.Kind != "" && doc.Kind != "legacy" && doc.Kind != "tables" {
		return set, fmt.Errorf("%s: unknown kind %q (valid: legacy, tables, or none for column names)", name, doc.Kind)
	}
	if len(doc.Entries) == 0 {
		return set, fmt.Errorf("%s: no entries", name)
	}
	var errs []error
	for i, e := range doc.Entries {
		at := fmt.Sprintf("%s: entry %d", name, i+1)
		if i < len(lines) {
			at = fmt.Sprintf("%s:%d", name, lines[i])
		}
		for _, l := range slices.Concat(doc.Languages, e.Languages) {
			if !langRE.MatchString(l) {
				errs = append(errs, fmt.Errorf("%s: language %q is not an ISO 639 code", at, l))
			}
		}
		if doc.Kind == "tables" {
			tw, err := e.tableWords()
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
			}
			set.tables = append(set.tables, tw...)
			continue
		}
		ts, err := e.terms()
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", at, err))
			continue
		}
		if doc.Kind == "legacy" {
			set.legacy = append(set.legacy, ts...)
		} else {
			set.column = append(set.column, ts...)
		}
	}
	return set, errors.Join(errs...)
}

// tableWords reads an entry of a tables file: a table kind and its words, folded as table
// names are.
func (e vocabEntry) tableWords() ([]tableWord, error) {
	k, ok := tableKinds[e.Table]
	switch {
	case !ok:
		return nil, fmt.Errorf("unknown table %q (valid: person, org, object, lookup)", e.Table)
	case e.Category != "" || e.Strength != "" || e.Quasi || e.Judge != "" || e.ContactPerson:
		return nil, errors.New("a table entry takes table, phrases and languages only")
	case len(e.Phrases) == 0:
		return nil, errors.New("no phrases")
	}
	var out []tableWord
	for i, p := range e.Phrases {
		if len(strings.Fields(p)) != 1 {
			return nil, fmt.Errorf("phrase %d (%q) must be one word", i+1, p)
		}
		out = append(out, tableWord{word: foldWord(strings.TrimSpace(p)), kind: k})
	}
	return out, nil
}

// entryLines are the lines the entries start on.
func entryLines(root *yaml.Node) []int {
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		return nil
	}
	m := root.Content[0]
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == "entries" {
			var out []int
			for _, n := range m.Content[i+1].Content {
				out = append(out, n.Line)
			}
			return out
		}
	}
	return nil
}

func (e vocabEntry) terms() ([]term, error) {
	if e.Table != "" {
		return nil, errors.New("table goes in tables files only")
	}
	if e.Category != None && !slices.Contains(Categories(), e.Category) {
		return nil, fmt.Errorf("unknown category %q", e.Category)
	}
	s, ok := strengths[e.Strength]
	switch {
	case !ok:
		return nil, fmt.Errorf("unknown strength %q (valid: specific, likely, ambiguous, faint, none)", e.Strength)
	case (e.Category == None) != (e.Strength == "none"):
		return nil, fmt.Errorf("strength none goes with category none and only with it (got %s, %s)", e.Category, e.Strength)
	case e.Category == None && (e.Quasi || e.Judge != "" || e.ContactPerson):
		return nil, errors.New("category none takes no quasi, judge or contact_person")
	case len(e.Phrases) == 0:
		return nil, errors.New("no phrases")
	}
	var det *detector
	if e.Judge != "" {
		if det = judges[e.Judge]; det == nil {
			return nil, fmt.Errorf("unknown judge %q (valid: %s)", e.Judge, strings.Join(judgeNames(), ", "))
		}
	}
	out := make([]term, len(e.Phrases))
	for i, p := range e.Phrases {
		if strings.TrimSpace(p) == "" {
			return nil, fmt.Errorf("phrase %d is empty", i+1)
		}
		out[i] = term{phrase: p, cat: e.Category, strength: s, quasi: e.Quasi, det: det, contact: e.ContactPerson}
	}
	return out, nil
}

func judgeNames() []string {
	out := make([]string, 0, len(judges))
	for n := range judges {
		out = append(out, n)
	}
	slices.Sort(out)
	return out
}

// loadVocab reads every file of fsys's vocab folder, in name order.
func loadVocab(fsys fs.FS) (vocabSet, error) {
	var set vocabSet
	names, err := fs.Glob(fsys, "vocab/*.yaml")
	if err != nil {
		return set, err
	}
	if len(names) == 0 {
		return set, errors.New("detect: no vocabulary files")
	}
	slices.Sort(names)
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return set, err
		}
		s, err := parseVocab(path.Join("rules/detect", n), data)
		if err != nil {
			return set, err
		}
		set.add(s)
	}
	return set, nil
}

// vocabularyTerms and legacyVocabulary are the embedded vocabulary; it is tested, so an
// error in it is a defect of the build.
var vocabularyTerms, legacyVocabulary, tableVocabulary = func() ([]term, []term, []tableWord) {
	s, err := loadVocab(vocabFS)
	if err != nil {
		panic(err)
	}
	return s.column, s.legacy, s.tables
}()

// tableNounMap keys table kinds by word; a later word replaces an earlier one.
func tableNounMap(ws []tableWord) map[string]tableKind {
	m := map[string]tableKind{}
	for _, w := range ws {
		m[w.word] = w.kind
	}
	return m
}

// legacyMap keys legacy abbreviations by their joined words; a later spelling replaces an
// earlier one.
func legacyMap(ts []term) map[string]term {
	m := map[string]term{}
	for _, t := range ts {
		m[strings.Join(words(t.phrase), "")] = t
	}
	return m
}

// vocabIndex is a vocabulary ready for matching: the entries by their joined words, the
// longest phrase in words, and the dictionary lower-case compounds are split with.
type vocabIndex struct {
	terms    map[string]term
	maxWords int
	dict     map[string]bool
}

// builtinVocab is the embedded vocabulary; classifiers without entries of their own use it.
var builtinVocab = &vocabIndex{terms: vocabulary, maxWords: maxPhraseWords, dict: segmentDict}

func segment(ws []string) []string { return builtinVocab.segment(ws) }

// withUserTerms is the built-in vocabulary with a user's entries, which take precedence
// over built-in ones of the same spelling.
func withUserTerms(user []term) *vocabIndex {
	return newVocabIndex(slices.Concat(user, vocabularyTerms))
}

// newVocabIndex indexes entries; of two spellings of one key the first names the entry.
func newVocabIndex(ts []term) *vocabIndex {
	v, _, maxWords := buildVocabulary(ts)
	return &vocabIndex{terms: v, maxWords: maxWords, dict: buildSegmentDict(v, ts)}
}

// VocabEntry is a user's column-name entry, in the format of rules/detect/vocab/*.yaml
// (config discovery.vocabulary): phrases that share a category and a strength.
type VocabEntry struct {
	Category      Category
	Strength      string // specific, likely, ambiguous, faint; none with category none
	Quasi         bool
	ContactPerson bool
	Languages     []string
	Phrases       []string
}

// WithVocabulary adds column-name entries to the built-in vocabulary; an entry replaces a
// built-in one of the same spelling. Two entries that spell the same phrase must mean the
// same.
func WithVocabulary(es ...VocabEntry) Option {
	return func(c *Classifier) error {
		for i, e := range es {
			ve := vocabEntry{Category: e.Category, Strength: e.Strength, Quasi: e.Quasi, ContactPerson: e.ContactPerson, Phrases: e.Phrases}
			ts, err := ve.terms()
			if err != nil {
				return fmt.Errorf("detect: vocabulary entry %d: %w", i+1, err)
			}
			for _, l := range e.Languages {
				if !langRE.MatchString(l) {
					return fmt.Errorf("detect: vocabulary entry %d: language %q is not an ISO 639 code", i+1, l)
				}
			}
			c.userTerms = append(c.userTerms, ts...)
		}
		if _, conflicts, _ := buildVocabulary(c.userTerms); len(conflicts) > 0 {
			return fmt.Errorf("detect: vocabulary: the same spelling means two things: %s", strings.Join(conflicts, "; "))
		}
		return nil
	}
}

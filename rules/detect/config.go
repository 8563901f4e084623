package detect

import (
	"fmt"
	"regexp"

	"github.com/gdprscan/gdprscan/config"
)

// ConfigOptions turns the config's discovery section into classifier options: its phone
// regions (when set), its vocabulary entries and its custom detectors. A loaded config has validated and compiled
// them; patterns of a config built in code are compiled here, and a bad one makes New fail.
func ConfigOptions(d config.Discovery) []Option {
	var opts []Option
	if len(d.PhoneRegions) > 0 {
		opts = append(opts, WithPhoneRegions(d.PhoneRegions))
	}
	if len(d.Vocabulary) > 0 {
		es := make([]VocabEntry, len(d.Vocabulary))
		for i, e := range d.Vocabulary {
			es[i] = VocabEntry{Category: Category(e.Category), Strength: e.Strength, Quasi: e.Quasi,
				ContactPerson: e.ContactPerson, Languages: e.Languages, Phrases: e.Phrases}
		}
		opts = append(opts, WithVocabulary(es...))
	}
	if len(d.CustomDetectors) == 0 {
		return opts
	}
	cds := make([]CustomDetector, 0, len(d.CustomDetectors))
	for _, c := range d.CustomDetectors {
		cd := CustomDetector{ID: c.ID, Category: Category(c.Category), Validator: c.Validator, Confidence: c.Confidence}
		for _, p := range c.NamePatterns {
			re, err := compiled(p)
			if err != nil {
				return append(opts, failing(fmt.Errorf("detect: custom detector %q: %w", c.ID, err)))
			}
			cd.NamePatterns = append(cd.NamePatterns, re)
		}
		if c.ValueRegex != nil {
			re, err := compiled(*c.ValueRegex)
			if err != nil {
				return append(opts, failing(fmt.Errorf("detect: custom detector %q: %w", c.ID, err)))
			}
			cd.ValueRegex = re
		}
		cds = append(cds, cd)
	}
	return append(opts, WithCustomDetectors(cds...))
}

func compiled(r config.Regexp) (*regexp.Regexp, error) {
	if re := r.Regexp(); re != nil {
		return re, nil
	}
	return regexp.Compile(r.String())
}

func failing(err error) Option { return func(*Classifier) error { return err } }

package reports

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
)

// JSONReporter writes the report envelope as indented JSON. The field names are the
// contract (SchemaVersion); empty lists are written as [] so consumers need no null checks.
type JSONReporter struct{}

var _ Reporter = JSONReporter{}

// Ext implements Reporter.
func (JSONReporter) Ext() string { return "json" }

// Write implements Reporter.
func (JSONReporter) Write(ctx context.Context, w io.Writer, r Report) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	// Reproduce SQL is full of < and >; escaping them as \u003c only hurts reading.
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r.normalized()); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}

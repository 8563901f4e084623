package eval

import (
	"fmt"
	"io"
	"strconv"
)

// WriteLabels writes the ground truth as tab-separated values, one column a line: the
// corpus' labels in a form a DPO can review without running Go. Values are not written.
func WriteLabels(w io.Writer, c Corpus) error {
	if _, err := fmt.Fprintf(w, "# gdprscan evaluation corpus, seed %d: ground truth per column (generated; go test ./internal/eval -update)\n", c.Seed); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w, "schema\ttable\tcolumn\tdata_type\tpersonal\tcategory\tnon_null\tsampled"); err != nil {
		return err
	}
	for _, col := range c.Columns() {
		if _, err := fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%d\n", col.Schema, col.Table, col.Name, col.DataType,
			strconv.FormatBool(col.Personal), col.Category, len(col.Values), col.Sampled); err != nil {
			return err
		}
	}
	return nil
}

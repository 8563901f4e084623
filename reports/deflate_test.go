package reports

import (
	"bytes"
	"compress/flate"
	"io"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
)

// The blocks compressed in parallel read back as one deflate stream, whatever the input
// size and however it is written.
func TestParallelDeflateRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sheetLike := strings.Repeat(`<row r="7"><c r="A7" t="inlineStr"><is><t>SEC-01</t></is></c></row>`, 60_000)
	noise := make([]byte, 3*deflateBlock+17)
	for i := range noise {
		noise[i] = byte(rng.IntN(256))
	}
	for name, in := range map[string][]byte{
		"empty": nil, "small": []byte("hello"), "one block": bytes.Repeat([]byte("a"), deflateBlock),
		"sheet": []byte(sheetLike), "noise": noise,
	} {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			w := newParallelDeflate(&out, flate.BestSpeed)
			for rest := in; len(rest) > 0; {
				n := min(len(rest), 1+rng.IntN(200_000)) // writes of any size
				_, err := w.Write(rest[:n])
				require.NoError(t, err)
				rest = rest[n:]
			}
			require.NoError(t, w.Close())
			got, err := io.ReadAll(flate.NewReader(&out))
			require.NoError(t, err)
			assert.True(t, bytes.Equal(in, got), "round trip of %d bytes", len(in))
			if name == "sheet" {
				assert.Less(t, out.Len(), len(in)/10, "still compressed")
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, io.ErrShortWrite }

// A failing output is reported, not lost.
func TestParallelDeflateWriteError(t *testing.T) {
	w := newParallelDeflate(failingWriter{}, flate.BestSpeed)
	_, err := w.Write(bytes.Repeat([]byte("x"), 3*deflateBlock))
	if err == nil {
		err = w.Close()
	}
	assert.ErrorIs(t, err, io.ErrShortWrite)
}

// A workbook large enough for the parallel compressor opens in a zip reader and in
// excelize, and its Findings sheet holds every finding.
func TestLargeWorkbookOpens(t *testing.T) {
	r := benchReport(fastZipRows+5_000, 100)
	var out bytes.Buffer
	require.NoError(t, XLSXReporter{}.Write(t.Context(), &out, r))
	f, err := excelize.OpenReader(bytes.NewReader(out.Bytes()))
	require.NoError(t, err)
	defer f.Close()
	rows, err := f.Rows(sheetFindings)
	require.NoError(t, err)
	n := 0
	for rows.Next() {
		n++
	}
	require.NoError(t, rows.Close())
	assert.Equal(t, len(r.Findings), n-(firstRow-1), "every finding on its row")
}

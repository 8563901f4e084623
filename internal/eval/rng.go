package eval

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"strings"
	"time"
)

// gen is the one source of randomness of the generator. Every schema gets its own gen,
// seeded from the corpus seed and the schema's name, so adding or changing one schema
// never changes the values of another.
type gen struct{ r *rand.Rand }

func newGen(seed uint64, stream string) *gen {
	h := fnv.New64a()
	h.Write([]byte(stream))
	return &gen{r: rand.New(rand.NewPCG(seed, h.Sum64()))}
}

func (g *gen) intn(n int) int               { return g.r.IntN(n) }
func (g *gen) between(lo, hi int) int       { return lo + g.r.IntN(hi-lo+1) }
func (g *gen) chance(p float64) bool        { return g.r.Float64() < p }
func (g *gen) float(lo, hi float64) float64 { return lo + g.r.Float64()*(hi-lo) }

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// weighted picks an index with probability proportional to its weight.
func (g *gen) weighted(ws []float64) int {
	var sum float64
	for _, w := range ws {
		sum += w
	}
	x := g.r.Float64() * sum
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}

const (
	digitChars  = "0123456789"
	upperChars  = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	lowerChars  = "abcdefghijklmnopqrstuvwxyz"
	hexChars    = "0123456789abcdef"
	alnumChars  = digitChars + upperChars + lowerChars
	base32Chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
)

func (g *gen) from(alphabet string, n int) string {
	var b strings.Builder
	b.Grow(n)
	for range n {
		b.WriteByte(alphabet[g.r.IntN(len(alphabet))])
	}
	return b.String()
}

func (g *gen) digits(n int) string  { return g.from(digitChars, n) }
func (g *gen) letters(n int) string { return g.from(upperChars, n) }
func (g *gen) hex(n int) string     { return g.from(hexChars, n) }
func (g *gen) alnum(n int) string   { return g.from(alnumChars, n) }

// uuid returns a random (version 4) UUID in the canonical lower-case form.
func (g *gen) uuid() string {
	h := []byte(g.hex(32))
	h[12] = '4'
	h[16] = "89ab"[g.r.IntN(4)]
	s := string(h)
	return s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

// day returns a random day between two years, inclusive.
func (g *gen) day(fromYear, toYear int) time.Time {
	start := time.Date(fromYear, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(toYear, 12, 31, 0, 0, 0, 0, time.UTC)
	days := int(end.Sub(start).Hours() / 24)
	return start.AddDate(0, 0, g.r.IntN(days+1))
}

// recent returns a random instant in the last few years before the corpus' fixed "now",
// so generated timestamps never depend on the clock.
func (g *gen) recent() time.Time {
	return corpusNow.Add(-time.Duration(g.r.Int64N(int64(4 * 365 * 24 * time.Hour))))
}

// corpusNow is the fixed "today" of the corpus.
var corpusNow = time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)

const (
	fmtDate      = "2006-01-02"
	fmtTimestamp = "2006-01-02 15:04:05"
)

func tsText(t time.Time) string   { return t.Format(fmtTimestamp) }
func dateText(t time.Time) string { return t.Format(fmtDate) }

func money(g *gen, lo, hi float64) string { return fmt.Sprintf("%.2f", g.float(lo, hi)) }

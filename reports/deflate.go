package reports

import (
	"bytes"
	"compress/flate"
	"io"
	"runtime"
)

// parallelDeflate is a deflate writer that compresses blocks of its input on all cores,
// for the one large sheet of a big workbook: compressing it on one core is the last
// sixth of the time to write the workbook, with the other core idle.
//
// Each block is compressed on its own and ended by a sync flush (an empty, non-final
// stored block, byte-aligned), so the blocks written one after another form a single
// valid deflate stream; Close ends it with a final empty block. A block cannot refer back
// into the one before, which costs a little in size at 1 MiB blocks.
type parallelDeflate struct {
	out     io.Writer
	level   int
	buf     []byte
	pending []chan deflated // blocks in input order, compressed or being compressed
	slots   chan struct{}   // bounds the blocks in flight, and so the memory
	err     error
}

type deflated struct {
	data []byte
	err  error
}

const deflateBlock = 1 << 20

func newParallelDeflate(out io.Writer, level int) *parallelDeflate {
	n := runtime.GOMAXPROCS(0)
	return &parallelDeflate{out: out, level: level, slots: make(chan struct{}, 2*n)}
}

func (p *parallelDeflate) Write(b []byte) (int, error) {
	n := len(b)
	for len(b) > 0 && p.err == nil {
		take := min(len(b), deflateBlock-len(p.buf))
		p.buf = append(p.buf, b[:take]...)
		b = b[take:]
		if len(p.buf) == deflateBlock {
			p.start()
		}
	}
	if p.err != nil {
		return 0, p.err
	}
	return n, nil
}

// start compresses the buffered block in the background, first writing out the
// blocks that are done when every slot is taken.
func (p *parallelDeflate) start() {
	for len(p.pending) > 0 && len(p.slots) == cap(p.slots) {
		p.drainOne()
	}
	block := p.buf
	p.buf = make([]byte, 0, deflateBlock)
	ch := make(chan deflated, 1)
	p.pending = append(p.pending, ch)
	p.slots <- struct{}{}
	go func() {
		defer func() { <-p.slots }()
		var out bytes.Buffer
		fw, err := flate.NewWriter(&out, p.level)
		if err == nil {
			if _, err = fw.Write(block); err == nil {
				err = fw.Flush()
			}
		}
		ch <- deflated{data: out.Bytes(), err: err}
	}()
}

// drainOne writes the oldest block once it is compressed.
func (p *parallelDeflate) drainOne() {
	d := <-p.pending[0]
	p.pending = p.pending[1:]
	if p.err == nil {
		p.err = d.err
	}
	if p.err == nil {
		_, p.err = p.out.Write(d.data)
	}
}

// Close compresses what is left, writes every block in order and ends the stream.
func (p *parallelDeflate) Close() error {
	if len(p.buf) > 0 {
		p.start()
	}
	for len(p.pending) > 0 {
		p.drainOne()
	}
	if p.err != nil {
		return p.err
	}
	fw, err := flate.NewWriter(p.out, p.level)
	if err != nil {
		return err
	}
	return fw.Close() // the final block
}

package reports

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"io"
	"path"
	"strconv"
	"strings"
)

// This file reads cell values out of an xlsx file quickly, for ReadAnnotations. A
// large scan's workbook holds hundreds of megabytes of sheet XML; excelize decodes it
// with encoding/xml at a few MB/s, this scanner goes through it at memory speed. It
// reads what Excel, LibreOffice and excelize write: shared, inline and formula strings,
// numbers (raw, as stored: dates stay Excel serials), booleans.

// xlsxReader is an open workbook.
type xlsxReader struct {
	zr     *zip.ReadCloser
	files  map[string]*zip.File
	sheets map[string]string // sheet name → part path
	order  []string          // sheet names in tab order
	sst    []string
}

func openXLSX(name string) (*xlsxReader, error) {
	zr, err := zip.OpenReader(name)
	if err != nil {
		return nil, err
	}
	x := &xlsxReader{zr: zr, files: map[string]*zip.File{}, sheets: map[string]string{}}
	for _, f := range zr.File {
		x.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	if err := x.readWorkbook(); err != nil {
		zr.Close()
		return nil, err
	}
	if err := x.readSharedStrings(); err != nil {
		zr.Close()
		return nil, err
	}
	return x, nil
}

func (x *xlsxReader) Close() error { return x.zr.Close() }

func (x *xlsxReader) part(name string) ([]byte, error) {
	f, ok := x.files[name]
	if !ok {
		return nil, fmt.Errorf("no part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// readWorkbook maps sheet names to their parts through xl/workbook.xml and its rels.
func (x *xlsxReader) readWorkbook() error {
	wb, err := x.part("xl/workbook.xml")
	if err != nil {
		return err
	}
	rels, err := x.part("xl/_rels/workbook.xml.rels")
	if err != nil {
		return err
	}
	target := map[string]string{}
	for _, tag := range findTags(rels, "Relationship") {
		a := attrs(tag)
		t := a["Target"]
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[a["Id"]] = t
	}
	for _, tag := range findTags(wb, "sheet") {
		a := attrs(tag)
		var id string
		for k, v := range a {
			if k == "r:id" || strings.HasSuffix(k, ":id") {
				id = v
			}
		}
		name := html.UnescapeString(a["name"])
		x.sheets[name] = target[id]
		x.order = append(x.order, name)
	}
	return nil
}

// readSharedStrings loads xl/sharedStrings.xml, when there is one: each <si>'s text is
// its <t> elements joined, phonetic runs (<rPh>) left out.
func (x *xlsxReader) readSharedStrings() error {
	name := "xl/sharedStrings.xml"
	if _, ok := x.files[name]; !ok {
		return nil
	}
	b, err := x.part(name)
	if err != nil {
		return err
	}
	for {
		i := indexTag(b, "si")
		if i < 0 {
			return nil
		}
		end := bytes.Index(b[i:], []byte("</si>"))
		var si []byte
		if end < 0 {
			si, b = b[i:], nil
		} else {
			si, b = b[i:i+end], b[i+end+5:]
		}
		if bytes.HasSuffix(bytes.TrimSpace(openTag(si)), []byte("/")) {
			x.sst = append(x.sst, "")
			continue
		}
		x.sst = append(x.sst, textOf(si))
	}
}

// rows calls fn with each row of a sheet: its 1-based number and its cells' values by
// 0-based column, as text (missing cells absent).
func (x *xlsxReader) rows(sheet string, fn func(row int, cells []string) error) error {
	p, ok := x.sheets[sheet]
	if !ok {
		return fmt.Errorf("no sheet %s", sheet)
	}
	f, ok := x.files[p]
	if !ok {
		return fmt.Errorf("sheet %s: no part %s", sheet, p)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<16)
	sc := &tagScanner{r: br}
	var cells []string
	rowNum, col := 0, 0
	inRow := false
	for {
		tag, err := sc.next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", sheet, err)
		}
		selfClosing := bytes.HasSuffix(tag, []byte("/"))
		switch {
		case isTag(tag, "c") && inRow:
			if ref := attr(tag, "r"); len(ref) > 0 {
				if c := refColumn(ref); c > 0 {
					col = c - 1
				}
			}
			v := ""
			if !selfClosing {
				if v, err = sc.cellValue(string(attr(tag, "t")), x.sst); err != nil {
					return fmt.Errorf("sheet %s row %d: %w", sheet, rowNum, err)
				}
			}
			for len(cells) <= col {
				cells = append(cells, "")
			}
			cells[col] = v
			col++
		case isTag(tag, "row"):
			if n, err := strconv.Atoi(string(attr(tag, "r"))); err == nil {
				rowNum = n
			} else {
				rowNum++
			}
			cells, col, inRow = cells[:0], 0, true
			if selfClosing {
				if err := fn(rowNum, cells); err != nil {
					return err
				}
				inRow = false
			}
		case isTag(tag, "/row"):
			if inRow {
				if err := fn(rowNum, cells); err != nil {
					return err
				}
			}
			inRow = false
		case isTag(tag, "/sheetData"):
			return nil
		}
	}
}

// isTag reports whether a tag's name (namespace prefix ignored, "/" kept for closing
// tags) is name, without allocating.
func isTag(tag []byte, name string) bool {
	closing := strings.HasPrefix(name, "/")
	if closing {
		if len(tag) == 0 || tag[0] != '/' {
			return false
		}
		tag, name = tag[1:], name[1:]
	} else if len(tag) > 0 && tag[0] == '/' {
		return false
	}
	end := len(tag)
	for i, c := range tag {
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' {
			end = i
			break
		}
	}
	n := tag[:end]
	if i := bytes.IndexByte(n, ':'); i >= 0 {
		n = n[i+1:]
	}
	return string(n) == name // no allocation: the compiler compares in place
}

// attr returns the raw value of one attribute of a tag (not unescaped: the attributes
// read this way, r and t, never need it), or nil.
func attr(tag []byte, name string) []byte {
	for i := 0; i+len(name)+2 < len(tag); i++ {
		if (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r') &&
			string(tag[i+1:i+1+len(name)]) == name && tag[i+1+len(name)] == '=' {
			rest := tag[i+2+len(name):]
			if len(rest) == 0 {
				return nil
			}
			q := rest[0]
			if end := bytes.IndexByte(rest[1:], q); end >= 0 {
				return rest[1 : 1+end]
			}
			return nil
		}
	}
	return nil
}

// refColumn is the 1-based column of a cell reference such as "AB12", 0 when invalid.
func refColumn(ref []byte) int {
	col := 0
	for _, c := range ref {
		switch {
		case c >= 'A' && c <= 'Z':
			col = col*26 + int(c-'A'+1)
		case c >= 'a' && c <= 'z':
			col = col*26 + int(c-'a'+1)
		default:
			return col
		}
	}
	return col
}

// tagScanner reads a sheet's XML tag by tag.
type tagScanner struct {
	r         *bufio.Reader
	buf       []byte
	v, inline []byte // a cell's <v> and inline text, reused
}

// next returns the next tag's content between < and >, e.g. `c r="A1" t="s"` or
// `/row`; text between tags is skipped.
func (s *tagScanner) next() ([]byte, error) {
	if _, err := s.r.ReadSlice('<'); err != nil && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, err
	} else if errors.Is(err, bufio.ErrBufferFull) {
		// A long text run: keep skipping until the '<'.
		for errors.Is(err, bufio.ErrBufferFull) {
			_, err = s.r.ReadSlice('<')
		}
		if err != nil {
			return nil, err
		}
	}
	return s.until('>')
}

// until reads up to delim (dropped) into the scanner's buffer.
func (s *tagScanner) until(delim byte) ([]byte, error) {
	s.buf = s.buf[:0]
	for {
		chunk, err := s.r.ReadSlice(delim)
		s.buf = append(s.buf, chunk...)
		if err == nil {
			return s.buf[:len(s.buf)-1], nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return nil, err
		}
	}
}

// cellValue reads the inside of a <c> element up to </c> and returns its value: the
// shared string for t="s", the inline text for t="inlineStr", else the <v> text.
func (s *tagScanner) cellValue(typ string, sst []string) (string, error) {
	s.v, s.inline = s.v[:0], s.inline[:0]
	inV, inT, inIS := false, false, false
	for {
		if inV || inT {
			text, err := s.until('<')
			if err != nil {
				return "", err
			}
			if inV {
				s.v = append(s.v, text...)
			} else if inIS {
				s.inline = append(s.inline, text...)
			}
			tag, err := s.until('>')
			if err != nil {
				return "", err
			}
			switch {
			case isTag(tag, "/v"):
				inV = false
			case isTag(tag, "/t"):
				inT = false
			}
			continue
		}
		tag, err := s.next()
		if err != nil {
			return "", err
		}
		selfClosing := bytes.HasSuffix(tag, []byte("/"))
		switch {
		case isTag(tag, "v"):
			inV = !selfClosing
		case isTag(tag, "t"):
			inT = !selfClosing
		case isTag(tag, "is"):
			inIS = !selfClosing
		case isTag(tag, "/is"):
			inIS = false
		case isTag(tag, "rPh"):
			// phonetic run: its <t> is not part of the value
			if !selfClosing {
				if err := s.skipTo("/rPh"); err != nil {
					return "", err
				}
			}
		case isTag(tag, "f"):
			if !selfClosing {
				if err := s.skipTo("/f"); err != nil {
					return "", err
				}
			}
		case isTag(tag, "/c"):
			switch typ {
			case "s":
				i, err := strconv.Atoi(string(bytes.TrimSpace(s.v)))
				if err != nil || i < 0 || i >= len(sst) {
					return "", fmt.Errorf("bad shared string index %q", s.v)
				}
				return sst[i], nil
			case "inlineStr":
				return unescape(s.inline), nil
			}
			return unescape(s.v), nil
		}
	}
}

// unescape turns XML text into a string, unescaping only when there is an entity.
func unescape(b []byte) string {
	if bytes.IndexByte(b, '&') < 0 {
		return string(b)
	}
	return html.UnescapeString(string(b))
}

// skipTo skips tags up to and including the named closing tag.
func (s *tagScanner) skipTo(closing string) error {
	for {
		tag, err := s.next()
		if err != nil {
			return err
		}
		if isTag(tag, closing) {
			return nil
		}
	}
}

// tagName is a tag's name without its namespace prefix, "/" kept for closing tags.
func tagName(tag []byte) string {
	end := bytes.IndexAny(tag, " \t\r\n/>")
	if end == 0 && len(tag) > 0 && tag[0] == '/' {
		end = bytes.IndexAny(tag[1:], " \t\r\n>")
		if end < 0 {
			end = len(tag) - 1
		}
		end++
	}
	if end < 0 {
		end = len(tag)
	}
	name := string(tag[:end])
	closing := strings.HasPrefix(name, "/")
	name = strings.TrimPrefix(name, "/")
	if i := strings.IndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	if closing {
		return "/" + name
	}
	return name
}

// attrs parses a tag's attributes; values are unescaped.
func attrs(tag []byte) map[string]string {
	out := map[string]string{}
	s := string(tag)
	if i := strings.IndexAny(s, " \t\r\n"); i >= 0 {
		s = s[i:]
	} else {
		return out
	}
	for {
		s = strings.TrimLeft(s, " \t\r\n/")
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			return out
		}
		key := strings.TrimSpace(s[:eq])
		s = strings.TrimLeft(s[eq+1:], " \t\r\n")
		if s == "" {
			return out
		}
		q := s[0]
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return out
		}
		out[key] = html.UnescapeString(s[1 : 1+end])
		s = s[end+2:]
	}
}

// findTags returns the contents of every <name …> tag in b (namespace prefixes ignored).
func findTags(b []byte, name string) [][]byte {
	var out [][]byte
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return out
		}
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return out
		}
		tag := b[i+1 : i+j]
		if tagName(tag) == name {
			out = append(out, tag)
		}
		b = b[i+j+1:]
	}
}

// indexTag is the index of the first <name> or <name …> opening tag in b, or -1.
func indexTag(b []byte, name string) int {
	off := 0
	for {
		i := bytes.IndexByte(b[off:], '<')
		if i < 0 {
			return -1
		}
		j := bytes.IndexByte(b[off+i:], '>')
		if j < 0 {
			return -1
		}
		if tagName(b[off+i+1:off+i+j]) == name {
			return off + i
		}
		off += i + j + 1
	}
}

// openTag is the first tag of b, without its brackets.
func openTag(b []byte) []byte {
	j := bytes.IndexByte(b, '>')
	if j < 1 {
		return nil
	}
	return b[1:j]
}

// textOf joins the text of the <t> elements in b, phonetic runs left out.
func textOf(b []byte) string {
	var sb strings.Builder
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 {
			return sb.String()
		}
		j := bytes.IndexByte(b[i:], '>')
		if j < 0 {
			return sb.String()
		}
		tag := b[i+1 : i+j]
		b = b[i+j+1:]
		switch tagName(tag) {
		case "rPh":
			if k := bytes.Index(b, []byte("</rPh>")); k >= 0 {
				b = b[k+6:]
			}
		case "t":
			if bytes.HasSuffix(tag, []byte("/")) {
				continue
			}
			k := bytes.Index(b, []byte("</"))
			if k < 0 {
				return sb.String()
			}
			sb.WriteString(html.UnescapeString(string(b[:k])))
			b = b[k:]
		}
	}
}

// customProps reads docProps/custom.xml: each property's name and its value as text.
func (x *xlsxReader) customProps() map[string]string {
	out := map[string]string{}
	b, err := x.part("docProps/custom.xml")
	if err != nil {
		return out
	}
	for {
		i := indexTag(b, "property")
		if i < 0 {
			return out
		}
		tag := openTag(b[i:])
		name := attrs(tag)["name"]
		b = b[i+len(tag)+2:]
		end := bytes.Index(b, []byte("</property>"))
		if end < 0 {
			return out
		}
		inner := b[:end]
		b = b[end:]
		// The value is the text of the one typed child, e.g. <vt:lpwstr>…</vt:lpwstr>.
		if j := bytes.IndexByte(inner, '>'); j >= 0 {
			if k := bytes.Index(inner[j:], []byte("</")); k >= 0 {
				out[name] = html.UnescapeString(string(inner[j+1 : j+k]))
			}
		}
	}
}

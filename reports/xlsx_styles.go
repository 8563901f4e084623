package reports

import (
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
)

// Cell kinds follow docs/rule-catalogue.md §5: A(utomatic) cells come from the scan and are locked,
// C(onfiguration) cells come from the config file and are locked too, D(PO) cells are
// for the DPO to fill and are the only unlocked ones.
const (
	colourAutoHeader   = "D9D9D9" // grey
	colourConfigHeader = "9BC2E6" // blue
	colourConfigCell   = "DDEBF7"
	colourDPOHeader    = "FFD966" // yellow
	colourDPOCell      = "FFF2CC"
)

// Risk colours: strong ones for conditional formats and charts, light ones for the
// heat-map bands that hold no finding.
var (
	riskColourStrong = map[rules.RiskLevel]string{
		rules.RiskCritical: "FF0000", rules.RiskHigh: "FF9900", rules.RiskMedium: "FFFF00", rules.RiskLow: "00B050",
	}
	riskColourLight = map[rules.RiskLevel]string{
		rules.RiskCritical: "F8CBAD", rules.RiskHigh: "FCE4D6", rules.RiskMedium: "FFF2CC", rules.RiskLow: "E2EFDA",
	}
)

// styles holds the style ids every sheet uses.
type styles struct {
	title, subtitle, section, label, link, wrap int
	hdrAuto, hdrConfig, hdrDPO                  int
	auto, autoInt, autoDec, autoPct, autoWrap   int
	config                                      int
	dpo, dpoDate, dpoBig                        int
	matrixAxis, matrixHead                      int
	band                                        map[rules.RiskLevel]int // light, static heat-map fill
	legendBand                                  map[rules.RiskLevel]int // the strong colour, for legends
	riskCF                                      map[rules.RiskLevel]int // conditional (dxf) styles
	// cell is the data-cell style of each cell kind and format, so a column's look
	// follows from its kind (grey/blue/yellow legend) and its number format.
	cell    [3][numFormats]int
	retired int // heading of a sheet's retired block
	value   int // a bold value, left-aligned whether text or number
	// dateTime, linkWrap, autoIntTop and autoDateTop are Summary's date-time cells,
	// wrapped links and top-aligned numbers and dates beside wrapped text.
	dateTime, linkWrap, autoIntTop, autoDateTop int
	// dpoSuggest is a DPO cell prefilled with the scanner's suggestion: italic grey.
	dpoSuggest int
	numLeft    int // a count left-aligned under its header (Summary's small tables)
	yesCF      int // conditional style: a "yes" that matters (e.g. DPIA likely required)
}

// format is how a column's values are shown.
type format int

const (
	fmtText format = iota
	fmtInt         // #,##0
	fmtDec         // 0.00
	fmtPct         // 0.0%
	fmtDate        // a date
	fmtWrap        // wrapped text, top-aligned
	fmtLink        // a hyperlink (blue, underlined)
	numFormats
)

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	mkCF := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewConditionalStyle(s)
		return id
	}
	thin := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	solid := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	unlocked := &excelize.Protection{Locked: false}
	header := func(c string) *excelize.Style {
		return &excelize.Style{
			Font: &excelize.Font{Bold: true}, Fill: solid(c), Border: thin,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}
	}
	dec2, pct, isoDate := "0.00", "0.0%", "yyyy-mm-dd"

	st.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	st.subtitle = mk(&excelize.Style{Font: &excelize.Font{Italic: true, Color: "595959"}})
	st.section = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F4E78"},
		Border: []excelize.Border{{Type: "bottom", Color: "1F4E78", Style: 1}}})
	st.label = mk(&excelize.Style{Font: &excelize.Font{Bold: true}})
	st.link = mk(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	st.wrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.hdrAuto = mk(header(colourAutoHeader))
	st.hdrConfig = mk(header(colourConfigHeader))
	st.hdrDPO = mk(header(colourDPOHeader))
	st.auto = mk(&excelize.Style{})
	st.autoInt = mk(&excelize.Style{NumFmt: 3}) // #,##0
	st.autoDec = mk(&excelize.Style{CustomNumFmt: &dec2})
	st.autoPct = mk(&excelize.Style{CustomNumFmt: &pct})
	st.autoWrap = mk(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.config = mk(&excelize.Style{Fill: solid(colourConfigCell), Border: thin})
	st.dpo = mk(&excelize.Style{Fill: solid(colourDPOCell), Border: thin, Protection: unlocked})
	st.dpoDate = mk(&excelize.Style{Fill: solid(colourDPOCell), Border: thin, Protection: unlocked, CustomNumFmt: &isoDate})
	st.dpoBig = mk(&excelize.Style{Fill: solid(colourDPOCell), Border: thin, Protection: unlocked,
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.matrixAxis = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: solid(colourAutoHeader), Border: thin,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	st.matrixHead = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})

	for k := kindAuto; k <= kindDPO; k++ {
		for fm := fmtText; fm < numFormats; fm++ {
			s := &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"}}
			switch k {
			case kindConfig:
				s.Fill, s.Border = solid(colourConfigCell), thin
			case kindDPO:
				s.Fill, s.Border, s.Protection = solid(colourDPOCell), thin, unlocked
			}
			switch fm {
			case fmtInt:
				s.NumFmt = 3
			case fmtDec:
				s.CustomNumFmt = &dec2
			case fmtPct:
				s.CustomNumFmt = &pct
			case fmtDate:
				s.CustomNumFmt = &isoDate
			case fmtWrap:
				s.Alignment.WrapText = true
			case fmtLink:
				s.Font = &excelize.Font{Color: "0563C1", Underline: "single"}
			}
			st.cell[k][fm] = mk(s)
		}
	}
	st.retired = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "7F6000"}, Fill: solid("EDEDED"),
		Border: []excelize.Border{{Type: "top", Color: "7F7F7F", Style: 2}}})
	st.value = mk(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "left"}})
	dateTime := "yyyy-mm-dd hh:mm"
	st.dateTime = mk(&excelize.Style{CustomNumFmt: &dateTime, Alignment: &excelize.Alignment{Horizontal: "left"}})
	st.linkWrap = mk(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.autoIntTop = mk(&excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.autoDateTop = mk(&excelize.Style{CustomNumFmt: &isoDate, Alignment: &excelize.Alignment{Vertical: "top"}})
	st.dpoSuggest = mk(&excelize.Style{Fill: solid(colourDPOCell), Border: thin, Protection: unlocked, Font: &excelize.Font{Italic: true, Color: "595959"},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	st.numLeft = mk(&excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "left"}})
	st.yesCF = mkCF(&excelize.Style{Fill: solid("F8CBAD"), Font: &excelize.Font{Bold: true}})

	st.band = map[rules.RiskLevel]int{}
	st.legendBand = map[rules.RiskLevel]int{}
	st.riskCF = map[rules.RiskLevel]int{}
	for _, lvl := range riskLevels {
		lf := &excelize.Font{Bold: true}
		if lvl == rules.RiskCritical {
			lf.Color = "FFFFFF"
		}
		st.legendBand[lvl] = mk(&excelize.Style{Fill: solid(riskColourStrong[lvl]), Border: thin, Font: lf})
		st.band[lvl] = mk(&excelize.Style{Fill: solid(riskColourLight[lvl]), Border: thin,
			Font:      &excelize.Font{Size: 14, Color: "7F7F7F"},
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
		font := &excelize.Font{Bold: true}
		if lvl == rules.RiskCritical {
			font.Color = "FFFFFF" // white on red stays readable
		}
		st.riskCF[lvl] = mkCF(&excelize.Style{Fill: solid(riskColourStrong[lvl]), Font: font})
	}
	return st, err
}

package pipeline_test

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/reports"
)

// updateWorkbook rewrites testdata/demo_workbook.golden.json:
// go test ./internal/pipeline -run TestDemoWorkbookGolden -update-workbook
var updateWorkbook = flag.Bool("update-workbook", false, "rewrite testdata/demo_workbook.golden.json")

// wbClock is the fixed clock of the workbook tests: the demo CRM is built relative to
// it, and every run reads it.
var wbClock = time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)

// wbRun builds the demo CRM in dir (once) and scans it at the given time.
func wbRun(t *testing.T, dir string, at time.Time, o pipeline.Options) *pipeline.Outcome {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(dir, "crm.db")
	if _, err := os.Stat(db); err != nil {
		require.NoError(t, demo.BuildSQLite(ctx, db, wbClock))
	}
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	o.Config, o.Now = cfg, func() time.Time { return at }
	if o.OutDir == "" {
		o.OutDir = dir
	}
	out, err := pipeline.Run(ctx, o)
	require.NoError(t, err)
	return out
}

func workbookOf(t *testing.T, out *pipeline.Outcome) string {
	t.Helper()
	for _, p := range out.Files {
		if filepath.Ext(p) == ".xlsx" {
			return p
		}
	}
	t.Fatal("no workbook written")
	return ""
}

// volatileColumns are masked in the golden grid, by sheet.
var volatileColumns = map[string][]string{
	"Data inventory": {"Non-null %", "Confidence", "Signals", "Value ratio", "Sample size", "Masked examples"},
	"Findings":       {"Evidence", "Reproduce SQL", "Remediation"},
	"Measures":       {"Remediation", "SQL hint"},
}

var (
	scanIDRE = regexp.MustCompile(`scan-\d{8}T\d{6}Z-[0-9a-f]{8}`)
	hashRE   = regexp.MustCompile(`sha256:[0-9a-f]{64}`)
)

// TestDemoWorkbookGolden opens the demo CRM's workbook and compares a grid of its
// cells with a golden file: sheet names, headers, and every value that is stable from
// run to run (scan ids and durations vary and are masked).
func TestDemoWorkbookGolden(t *testing.T) {
	dir := t.TempDir()
	out := wbRun(t, dir, wbClock, pipeline.Options{})
	f, err := excelize.OpenFile(workbookOf(t, out))
	require.NoError(t, err)
	defer f.Close()
	require.Equal(t, []string{
		"Summary", "Description", "Screening", "Processing inventory", "Data inventory", "Lawful basis & consent", "Retention",
		"Data subject rights", "Findings", "Risk register", "Risk matrix", "Measures", "Necessity & proportionality",
		"Sign-off", "Methodology",
	}, f.GetSheetList())

	grid := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		require.NoError(t, err)
		durationCol := -1
		// The classifier's evidence and the rules' free texts change with every tuning
		// of the classifier or a rule (and a rule's evidence can depend on timing); the
		// golden keeps what the workbook derives: categories, counts, levels, links,
		// carried and computed cells.
		var evidenceCols []int
		if len(rows) > 1 {
			for c, h := range rows[1] {
				if slices.Contains(volatileColumns[s], h) {
					evidenceCols = append(evidenceCols, c)
				}
			}
		}
		for r, row := range rows {
			if durationCol >= 0 && (len(row) == 0 || row[0] == "") {
				durationCol = -1
			}
			for c, v := range row {
				switch {
				case r >= 2 && slices.Contains(evidenceCols, c):
					row[c] = "<varies with the rules>"
				case v == "Duration (s)":
					durationCol = c
				case durationCol == c && s == "Summary":
					row[c] = "<duration>"
				default:
					row[c] = hashRE.ReplaceAllString(scanIDRE.ReplaceAllString(v, "<scan id>"), "<hash>")
				}
			}
		}
		grid[s] = rows
	}
	got, err := json.MarshalIndent(grid, "", " ")
	require.NoError(t, err)
	got = append(got, '\n')
	path := filepath.Join("testdata", "demo_workbook.golden.json")
	if *updateWorkbook {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./internal/pipeline -run TestDemoWorkbookGolden -update-workbook to create it")
	if !bytes.Equal(want, got) {
		_ = os.WriteFile(path+".got.json", got, 0o644) // *.got.* is git-ignored
		t.Fatalf("%s differs from the demo workbook (wrote %s.got.json); rerun with -update-workbook if the change is intended", path, path)
	}

	// The parts a DPO relies on, checked by meaning as well.
	rows, err := f.GetRows("Summary")
	require.NoError(t, err)
	text := strings.Join(slices.Concat(rows...), "\n")
	assert.Contains(t, text, "DPIA likely required")
	dvs, err := f.GetDataValidations("Findings")
	require.NoError(t, err)
	assert.NotEmpty(t, dvs)
	cfs, err := f.GetConditionalFormats("Risk matrix")
	require.NoError(t, err)
	assert.Len(t, cfs, 32)
}

// dpoEdit opens a workbook, lets edit fill cells by sheet, row id and column title, and
// saves it — what a DPO does in Excel.
func dpoEdit(t *testing.T, path string, edit func(set func(sheet, idCol, id, col string, v any))) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	edit(func(sheet, idCol, id, col string, v any) {
		r, c := locate(t, f, sheet, idCol, id, col)
		ref, _ := excelize.CoordinatesToCellName(c, r)
		require.NoError(t, f.SetCellValue(sheet, ref, v))
	})
	require.NoError(t, f.Save())
}

// locate finds the row whose idCol holds id (a prefix match, for fingerprints), and
// the column titled col.
func locate(t *testing.T, f *excelize.File, sheet, idCol, id, col string) (row, column int) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	require.NoError(t, err)
	require.Greater(t, len(rows), 2, sheet)
	hdr := rows[1]
	ic, cc := slices.Index(hdr, idCol), slices.Index(hdr, col)
	require.True(t, ic >= 0 && cc >= 0, "%s: columns %q, %q", sheet, idCol, col)
	for i, r := range rows[2:] {
		if ic < len(r) && r[ic] != "" && strings.HasPrefix(r[ic], id) {
			return i + 3, cc + 1
		}
	}
	t.Fatalf("%s: no row %s = %s", sheet, idCol, id)
	return 0, 0
}

func cellOf(t *testing.T, f *excelize.File, sheet, idCol, id, col string) string {
	t.Helper()
	r, c := locate(t, f, sheet, idCol, id, col)
	ref, _ := excelize.CoordinatesToCellName(c, r)
	v, err := f.GetCellValue(sheet, ref)
	require.NoError(t, err)
	return v
}

// TestDPOEditsSurviveRescan: a DPO edits week 1's workbook; week 2's scan (scheduled,
// so dated) finds it in the output folder and carries every entry over; the entries of
// a finding that was fixed in between move to the retired block.
func TestDPOEditsSurviveRescan(t *testing.T) {
	dir := t.TempDir()
	week1 := wbRun(t, dir, wbClock, pipeline.Options{Dated: true})
	require.Len(t, week1.Files, 4, "dated and latest, for xlsx and json")
	// Dated names use the local date of the run.
	day := func(t time.Time) string { return t.In(time.Local).Format("2006-01-02") }
	path1 := filepath.Join(dir, "crm-dpia-"+day(wbClock)+".xlsx")
	require.Contains(t, week1.Files, path1)
	require.Contains(t, week1.Files, filepath.Join(dir, "crm-dpia.xlsx"))
	for _, p := range week1.Files {
		info, err := os.Stat(p)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm(), "%s is private to its owner", p)
	}

	var health, shadow string // the health-data finding the DPO assesses; the stray backup table, fixed later
	for _, f := range week1.Report.Findings {
		switch {
		case f.RuleID == "SPC-01" && health == "":
			health = f.Fingerprint
		case f.RuleID == "DSC-04":
			shadow = f.Fingerprint
		}
	}
	require.NotEmpty(t, health)
	require.NotEmpty(t, shadow)

	due := time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)
	dpoEdit(t, path1, func(set func(sheet, idCol, id, col string, v any)) {
		set("Findings", "Finding id", health, "DPO status", "in progress")
		set("Findings", "Finding id", health, "Owner", "CRM team")
		set("Findings", "Finding id", health, "Due date", due)
		set("Findings", "Finding id", health, "Likelihood override", 2)
		set("Findings", "Finding id", health, "Reason", "Field hidden from sales since February")
		set("Findings", "Finding id", shadow, "Owner", "DBA team")
		set("Findings", "Finding id", shadow, "Reason", "Backup from the 2023 migration")
		set("Measures", "Measure id", "M-SPC-01", "Status", "in progress")
		set("Risk register", "Risk id", "R-SPC-01", "Residual severity", 3)
		set("Risk register", "Risk id", "R-SPC-01", "Residual likelihood", 1)
		set("Screening", "Criterion id", "WP248-8", "Applies", "no")
		set("Sign-off", "Item id", "SO-01", "Entry", "Purge the backup table; restrict health data.")
		set("Necessity & proportionality", "Question id", "NP-05", "Narrative", "Purge job ships in Q2.")
	})

	// In between, the engineers drop the stray backup table.
	db, err := sql.Open("sqlite", filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	_, err = db.Exec(`DROP TABLE contacts_bak_2023`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	// The DPO saved the dated file last, so it is the newest workbook of the scope.
	later := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(path1, later, later))

	week2 := wbRun(t, dir, wbClock.AddDate(0, 0, 7), pipeline.Options{Dated: true})
	path2 := filepath.Join(dir, "crm-dpia-"+day(wbClock.AddDate(0, 0, 7))+".xlsx")
	require.Contains(t, week2.Files, path2)
	for _, p := range []string{path2, filepath.Join(dir, "crm-dpia.xlsx")} {
		f, err := excelize.OpenFile(p)
		require.NoError(t, err)
		assert.Equal(t, "in progress", cellOf(t, f, "Findings", "Finding id", health, "DPO status"), p)
		assert.Equal(t, "CRM team", cellOf(t, f, "Findings", "Finding id", health, "Owner"))
		assert.Equal(t, "2026-04-30", cellOf(t, f, "Findings", "Finding id", health, "Due date"))
		assert.Equal(t, "2", cellOf(t, f, "Findings", "Finding id", health, "Likelihood override"))
		assert.Equal(t, "2", cellOf(t, f, "Findings", "Finding id", health, "Assessed likelihood"))
		assert.Equal(t, "3", cellOf(t, f, "Findings", "Finding id", health, "Residual severity"))
		assert.Equal(t, "1", cellOf(t, f, "Findings", "Finding id", health, "Residual likelihood"))
		assert.Equal(t, "in progress", cellOf(t, f, "Measures", "Measure id", "M-SPC-01", "Status"))
		assert.Equal(t, "3", cellOf(t, f, "Risk register", "Risk id", "R-SPC-01", "Residual severity"))
		assert.Equal(t, "no", cellOf(t, f, "Screening", "Criterion id", "WP248-8", "Applies"))
		assert.Equal(t, "Purge the backup table; restrict health data.", cellOf(t, f, "Sign-off", "Item id", "SO-01", "Entry"))
		assert.Equal(t, "Purge job ships in Q2.", cellOf(t, f, "Necessity & proportionality", "Question id", "NP-05", "Narrative"))

		// The backup table's finding is resolved: its DPO entry is retired, not lost.
		rows, err := f.GetRows("Findings")
		require.NoError(t, err)
		at := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && strings.HasPrefix(r[0], "Retired") })
		require.Positive(t, at, "a retired block")
		idCol := slices.Index(rows[1], "Finding id")
		require.GreaterOrEqual(t, idCol, 0)
		var retired []string
		for _, r := range rows[at+1:] {
			if idCol < len(r) {
				retired = append(retired, r[idCol])
			}
		}
		assert.Contains(t, retired, shadow)
		assert.Equal(t, "DBA team", cellOf(t, f, "Findings", "Finding id", shadow, "Owner"))
		require.NoError(t, f.Close())
	}

	ann, err := reports.ReadAnnotations(path2)
	require.NoError(t, err)
	assert.Equal(t, week2.Report.ScanID, ann.ScanID)
	assert.Equal(t, "crm", ann.Scope)
	assert.Equal(t, "in progress", ann.Findings[health].Status)
	assert.True(t, ann.Findings[shadow].Retired)
	assert.Equal(t, filepath.Base(path1), week2.Report.DPIA.PreviousFile)
	require.Len(t, week2.Report.DPIA.History, 2, "the trend has both weeks")
	assert.Equal(t, week1.Report.ScanID, week2.Report.DPIA.Changes.PreviousScanID)
}

// --previous names the workbook to carry from, wherever it is; a bad one is an error.
func TestPreviousWorkbookFlag(t *testing.T) {
	dir := t.TempDir()
	first := wbRun(t, dir, wbClock, pipeline.Options{})
	var fp string
	for _, f := range first.Report.Findings {
		if f.RuleID == "SEC-01" {
			fp = f.Fingerprint
		}
	}
	require.NotEmpty(t, fp)
	elsewhere := filepath.Join(t.TempDir(), "reviewed by the DPO.xlsx")
	b, err := os.ReadFile(workbookOf(t, first))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(elsewhere, b, 0o600))
	dpoEdit(t, elsewhere, func(set func(sheet, idCol, id, col string, v any)) {
		set("Findings", "Finding id", fp, "Owner", "Payments team")
	})

	out := t.TempDir() // a fresh output folder: nothing to find there by itself
	second := wbRun(t, dir, wbClock.AddDate(0, 0, 7), pipeline.Options{OutDir: out, Previous: elsewhere})
	f, err := excelize.OpenFile(workbookOf(t, second))
	require.NoError(t, err)
	defer f.Close()
	assert.Equal(t, "Payments team", cellOf(t, f, "Findings", "Finding id", fp, "Owner"))

	db := filepath.Join(dir, "crm.db")
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	_, err = pipeline.Run(context.Background(), pipeline.Options{Config: cfg, OutDir: t.TempDir(), Previous: filepath.Join(dir, "nope.xlsx")})
	require.ErrorIs(t, err, pipeline.ErrConfig)
}

// The demo workbook converts to PDF with LibreOffice (Debian package libreoffice-calc),
// the way a DPO might print or archive it.
// Recalculation, the heat map and reading a LibreOffice-saved workbook back are
// TestWorkbookFormulasRecalculate's. It runs whenever LibreOffice is installed;
// under CI=true a missing LibreOffice fails the test (make testdb installs it).
func TestWorkbookConvertsToPDF(t *testing.T) {
	soffice := soffice(t)
	dir := t.TempDir()
	out := wbRun(t, dir, wbClock, pipeline.Options{})
	xlsx := workbookOf(t, out)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A private profile, so a LibreOffice the user has open does not take the job.
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "lo-profile"))
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "pdf", "--outdir", dir, xlsx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", output)
	// soffice exits 0 even when it cannot load the file, so the PDF itself is the check.
	pdf, err := os.ReadFile(strings.TrimSuffix(xlsx, ".xlsx") + ".pdf")
	require.NoError(t, err, "no PDF written; soffice said: %s", output)
	require.True(t, bytes.HasPrefix(pdf, []byte("%PDF-")), "not a PDF")
	pages := regexp.MustCompile(`/Type\s*/Page\b`).FindAll(pdf, -1)
	assert.GreaterOrEqual(t, len(pages), 14, "at least a page per sheet")
	assert.NotContains(t, string(output), "Error")
}

// soffice finds LibreOffice. Under CI=true a missing one fails the test: make testdb
// (.ci/ensure-databases.sh) installs it.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("LibreOffice (soffice) is not installed; make testdb installs the Debian package libreoffice-calc")
	}
	t.Skip("LibreOffice (soffice) is not installed: make testdb (or apt-get install libreoffice-calc) to run this test")
	return ""
}

// recalcProfile is a LibreOffice user profile that recalculates every formula of an
// OOXML file on load (Tools ▸ Options ▸ Calc ▸ Formula ▸ "Recalculation on file load:
// Always"), so the values saved back are LibreOffice's, not the cached ones gdprscan wrote.
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// recalculate opens the workbooks in one headless LibreOffice with recalculation
// forced on load and saves each back as xlsx; it returns the saved paths in order.
func recalculate(t *testing.T, dir string, files ...string) []string {
	t.Helper()
	bin := soffice(t)
	profile := filepath.Join(dir, "lo-recalc-profile")
	require.NoError(t, os.MkdirAll(filepath.Join(profile, "user"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(profile, "user", "registrymodifications.xcu"), []byte(recalcProfile), 0o644))
	outDir := filepath.Join(dir, "recalculated")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.ToSlash(profile), "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir}, files...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	output, err := cmd.CombinedOutput()
	require.NoError(t, err, "soffice: %s", output)
	out := make([]string, len(files))
	for i, f := range files {
		out[i] = filepath.Join(outDir, filepath.Base(f))
		_, err := os.Stat(out[i])
		require.NoError(t, err, "soffice wrote no %s; it said: %s", out[i], output)
	}
	return out
}

// formulaMismatch is one formula cell whose recalculated value differs from the cached one.
type formulaMismatch struct{ sheet, ref, formula, wrote, recalculated string }

// compareFormulas reads every formula cell of the workbook gdprscan wrote and the same
// cell of LibreOffice's recalculated copy, and returns the cells whose values differ
// and how many formula cells it compared.
func compareFormulas(t *testing.T, wrote, recalculated string) (diffs []formulaMismatch, n int) {
	t.Helper()
	a, err := excelize.OpenFile(wrote)
	require.NoError(t, err)
	defer a.Close()
	b, err := excelize.OpenFile(recalculated)
	require.NoError(t, err)
	defer b.Close()
	raw := excelize.Options{RawCellValue: true}
	for _, sheet := range a.GetSheetList() {
		rows, err := a.GetRows(sheet, raw)
		require.NoError(t, err)
		width := 0
		for _, r := range rows {
			width = max(width, len(r))
		}
		for r := 1; r <= len(rows)+2; r++ {
			for c := 1; c <= width+2; c++ {
				ref, _ := excelize.CoordinatesToCellName(c, r)
				formula, err := a.GetCellFormula(sheet, ref)
				require.NoError(t, err)
				if formula == "" {
					continue
				}
				n++
				av, err := a.GetCellValue(sheet, ref, raw)
				require.NoError(t, err)
				bv, err := b.GetCellValue(sheet, ref, raw)
				require.NoError(t, err)
				if !sameValue(av, bv) {
					diffs = append(diffs, formulaMismatch{sheet, ref, formula, av, bv})
				}
			}
		}
	}
	return diffs, n
}

// sameValue compares two cell values as numbers when both are numbers (LibreOffice
// may write 4 as 4.0000000001-free "4" or "4.0"), else as text.
func sameValue(a, b string) bool {
	if a == b {
		return true
	}
	x, errA := strconv.ParseFloat(a, 64)
	y, errB := strconv.ParseFloat(b, 64)
	return errA == nil && errB == nil && x == y
}

// TestWorkbookFormulasRecalculate proves every formula cell: LibreOffice recalculates
// the workbook on load and saves it back, and each formula's value must equal the one
// gdprscan wrote — on the demo workbook as scanned, and on next week's workbook after a
// DPO changed Applies answers, severity and likelihood overrides and residual ratings
// (gdprscan computes its cached values from the carried-forward answers). Both
// workbooks go through one soffice process.
func TestWorkbookFormulasRecalculate(t *testing.T) {
	soffice(t) // skip or fail before the scans when LibreOffice is missing
	dir := t.TempDir()
	first := wbRun(t, dir, wbClock, pipeline.Options{})
	demoBook := filepath.Join(dir, "demo.xlsx")
	b, err := os.ReadFile(workbookOf(t, first))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(demoBook, b, 0o600))

	var health, card string
	for _, f := range first.Report.Findings {
		switch {
		case f.RuleID == "SPC-01" && health == "":
			health = f.Fingerprint
		case f.RuleID == "SEC-01" && card == "":
			card = f.Fingerprint
		}
	}
	require.NotEmpty(t, health)
	require.NotEmpty(t, card)
	edited := filepath.Join(t.TempDir(), "edited by the DPO.xlsx")
	require.NoError(t, os.WriteFile(edited, b, 0o600))
	dpoEdit(t, edited, func(set func(sheet, idCol, id, col string, v any)) {
		// Four of the scan's indications answered "no", two criteria the scan cannot
		// see answered "yes": the count and the conclusion change.
		for _, id := range []string{"WP248-1", "WP248-3", "WP248-4", "WP248-5"} {
			set("Screening", "Criterion id", id, "Applies", "no")
		}
		set("Screening", "Criterion id", "WP248-8", "Applies", "yes")
		set("Screening", "Criterion id", "ART35-3a", "Applies", "no")
		set("Findings", "Finding id", health, "Severity override", 2)
		set("Findings", "Finding id", health, "Likelihood override", 1)
		set("Findings", "Finding id", card, "Likelihood override", 2)
		set("Risk register", "Risk id", "R-SPC-01", "Residual severity", 4)
		set("Risk register", "Risk id", "R-SPC-01", "Residual likelihood", 3)
		set("Risk register", "Risk id", "R-SEC-01", "Residual severity", 1)
		set("Risk register", "Risk id", "R-SEC-01", "Inherent likelihood", 2)
	})
	second := wbRun(t, dir, wbClock.AddDate(0, 0, 7), pipeline.Options{OutDir: t.TempDir(), Previous: edited})
	answered := filepath.Join(dir, "answered.xlsx")
	b, err = os.ReadFile(workbookOf(t, second))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(answered, b, 0o600))

	typed := filepath.Join(dir, "typed.xlsx") // the DPO's edits as typed, cached values stale
	b, err = os.ReadFile(edited)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(typed, b, 0o600))

	recalced := recalculate(t, dir, demoBook, answered, typed)
	for i, wb := range []string{demoBook, answered} {
		diffs, n := compareFormulas(t, wb, recalced[i])
		assert.Greater(t, n, 100, "%s: formula cells compared", filepath.Base(wb))
		for _, d := range diffs {
			t.Errorf("%s %s!%s: gdprscan wrote %q, LibreOffice recalculated %q (=%s)", filepath.Base(wb), d.sheet, d.ref, d.wrote, d.recalculated, d.formula)
		}
		t.Logf("%s: %d formula cells, %d differ after recalculation", filepath.Base(wb), n, len(diffs))
	}

	// The answers changed the outcome, and LibreOffice agrees with gdprscan on it.
	demoR, answeredR, typedR := openRecalc(t, recalced[0]), openRecalc(t, recalced[1]), openRecalc(t, recalced[2])
	assert.Equal(t, "4", demoR.summary("WP248 criteria met (of 9)"))
	// The scan indicates 3, 4, 6 and 7; the DPO's no on 3 and 4 (and on 1 and 5, not
	// indicated anyway) and yes on 8 leave 6, 7 and 8.
	assert.Equal(t, "3", answeredR.summary("WP248 criteria met (of 9)"))
	assert.Equal(t, "DPIA likely required", answeredR.summary("Suggestion"))
	assert.Contains(t, demoR.summary("Prior consultation (Art. 36)"), "not known yet")
	assert.Contains(t, answeredR.summary("Prior consultation (Art. 36)"), "yes – a high residual risk remains")
	assert.Equal(t, "critical", answeredR.cell("Risk register", "Risk id", "R-SPC-01", "Residual level"), "4 × 3")
	assert.Equal(t, "yes", answeredR.cell("Risk register", "Risk id", "R-SPC-01", "Art. 36 consultation indicated"))
	assert.Equal(t, "low", answeredR.cell("Risk register", "Risk id", "R-SEC-01", "Residual level"), "1 × the DPO's inherent likelihood 2")
	assert.Equal(t, "not assessed", answeredR.cell("Risk register", "Risk id", "R-SEC-02", "Residual level"))
	assert.Equal(t, "2", answeredR.cell("Findings", "Finding id", health, "Assessed severity"))
	assert.Equal(t, "4", answeredR.cell("Findings", "Finding id", health, "Residual severity"))

	// Typed into last week's workbook, without a rescan, the same answers give the same
	// conclusions once recalculated: the formulas follow the DPO as they type.
	for _, label := range []string{"WP248 criteria met (of 9)", "Art. 35(3) trigger met", "Suggestion", "Prior consultation (Art. 36)"} {
		assert.Equal(t, answeredR.summary(label), typedR.summary(label), label)
	}
	for _, id := range []string{"WP248-1", "WP248-4", "WP248-8", "ART35-3a"} {
		assert.Equal(t, answeredR.cell("Screening", "Criterion id", id, "Counted"), typedR.cell("Screening", "Criterion id", id, "Counted"), id)
	}
	for _, id := range []string{"R-SPC-01", "R-SEC-01", "R-SEC-02"} {
		for _, col := range []string{"Inherent level", "Residual level", "Art. 36 consultation indicated"} {
			assert.Equal(t, answeredR.cell("Risk register", "Risk id", id, col), typedR.cell("Risk register", "Risk id", id, col), "%s %s", id, col)
		}
	}
	// The heat map after measures moved with the typed residual ratings (rows 5–8 are
	// likelihood 4…1, columns J–M severity 1…4).
	moved := 0
	for r := 5; r <= 8; r++ {
		for c := 10; c <= 13; c++ {
			ref, _ := excelize.CoordinatesToCellName(c, r)
			a, err := answeredR.f.GetCellValue("Risk matrix", ref)
			require.NoError(t, err)
			b, err := typedR.f.GetCellValue("Risk matrix", ref)
			require.NoError(t, err)
			assert.Equal(t, a, b, "Risk matrix %s after measures", ref)
			n, _ := strconv.Atoi(b)
			moved += n
		}
	}
	assert.Positive(t, moved, "the rated risks' findings are on the after-measures grid")

	// A workbook the DPO saved from LibreOffice (shared strings, its own XML) still
	// reads back, document properties included.
	ann, err := reports.ReadAnnotations(recalced[2])
	require.NoError(t, err)
	assert.Equal(t, first.Report.ScanID, ann.ScanID)
	assert.Equal(t, map[string]string{"Residual severity": "4", "Residual likelihood": "3"}, ann.Tables["Risk register"]["R-SPC-01"].Values)
	assert.Equal(t, "no", ann.Tables["Screening"]["WP248-4"].Values["Applies"])
}

// recalcBook reads a workbook LibreOffice saved.
type recalcBook struct {
	t *testing.T
	f *excelize.File
}

func openRecalc(t *testing.T, path string) recalcBook {
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return recalcBook{t, f}
}

// summary is the value beside a label in Summary's column A.
func (r recalcBook) summary(label string) string {
	rows, err := r.f.GetRows("Summary")
	require.NoError(r.t, err)
	for _, row := range rows {
		if len(row) > 1 && row[0] == label {
			return row[1]
		}
	}
	r.t.Fatalf("Summary has no %q", label)
	return ""
}

func (r recalcBook) cell(sheet, idCol, id, col string) string {
	return cellOf(r.t, r.f, sheet, idCol, id, col)
}

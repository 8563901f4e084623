package reports

import (
	"time"

	"github.com/gdprscan/gdprscan/scanner"
)

// DPIAContext is what the DPIA workbook needs beyond the scan's facts: the declarations
// of the configuration (processing activities, mappings, retention rules), the
// comparison with earlier runs (diff, trend, first/last seen), tickets raised by the
// sinks, and the DPO's entries from the previous workbook. It is workbook-only: the
// JSON contract does not carry it (Report.DPIA is tagged json:"-").
//
// Every field is optional; the workbook shows "not configured" or leaves a cell blank
// when a part is missing, so a Report built by hand still renders.
type DPIAContext struct {
	// Activities is the Art. 30 record from the configuration.
	Activities []Activity
	// Subjects are the mapped tables whose rows are data subjects.
	Subjects []SubjectTable
	// Retention is every mapped retention rule.
	Retention []RetentionRule
	// Consent lists the mapped consent-event tables.
	Consent []ConsentSource
	// Requests lists the mapped data-subject request tables (erasure today).
	Requests []RequestSource
	// Settings are the sources' scan settings, for the Methodology sheet.
	Settings []SourceSettings
	// LargeScaleSubjects is the subject count at and above which the Screening sheet
	// marks WP248 criterion 5 (large scale) as indicated; 0 means DefaultLargeScale.
	LargeScaleSubjects int64

	// Changes compares this run with the previous one of the same state file.
	Changes Changes
	// History is the recent runs of the scope, oldest first, this run included.
	History []TrendPoint
	// Seen holds each finding's first and last sighting, by fingerprint.
	Seen map[string]Seen
	// Tickets are the tracker tickets raised for findings, by fingerprint. Sinks fill
	// it; a finding without an entry shows empty ticket cells.
	Tickets map[string]Ticket

	// Previous holds the DPO's entries read from the previous workbook; nil when there
	// is none. They are written into the matching rows, and those that match no row
	// move to the "Retired" part of their sheet.
	Previous *Annotations
	// PreviousFile names the workbook Previous was read from.
	PreviousFile string
}

// DefaultLargeScale is the subject count the Screening sheet treats as "large scale"
// when none is configured. WP248 sets no number: this is a product default for triage,
// and the DPO decides.
const DefaultLargeScale = 100_000

// Activity is one processing activity of the Art. 30 record (from the configuration).
type Activity struct {
	ID, Name, Purpose, LawfulBasis, LIARef, Art9Condition string
	Source                                                string // empty: any source
	Tables                                                []string
	Retention                                             string
	DataSubjects                                          []string
}

// SubjectTable is a mapped table of data subjects.
type SubjectTable struct {
	Source, Table, Key string
	LawfulBasisColumn  string
	Marketable         string // SQL predicate; empty when the table is not marketed to
	SoftDeleted        string
}

// RetentionRule is one mapped retention rule (docs/rule-catalogue.md §2).
type RetentionRule struct {
	Source, ID, Table, SubjectFilter, Anchor string
	Period, GracePeriod                      string // ISO-8601
	EndAction, LegalBasis, Hold              string
}

// ConsentSource is a mapped consent-event table.
type ConsentSource struct {
	Source, Table    string
	MarketingPurpose string
	// Counts are the table's rows per purpose and status, when the scan could
	// count them (nil otherwise).
	Counts []ConsentCount
}

// ConsentCount is the number of consent rows and distinct subjects for one purpose and
// status of a consent table, as the scan counted it.
type ConsentCount = scanner.ConsentCount

// RequestSource is a mapped table of data-subject requests.
type RequestSource struct {
	Source, Right, Table string // Right: "erasure"
	Deadline             string // ISO-8601
	// Counted is set when the scan counted the table; the figures below are
	// meaningful only then. MedianDays is -1 when no request was completed.
	Counted                   bool
	Received, Completed, Open int64
	MedianDays                float64
}

// SourceSettings are the scan settings of one source.
type SourceSettings struct {
	Name, Kind, Environment        string
	SampleSize                     int
	IncludeSchemas, ExcludeSchemas []string
	IncludeTables, ExcludeTables   []string
}

// Changes is how this run differs from the previous run.
type Changes struct {
	PreviousScanID string
	PreviousAt     time.Time
	New            int      // new or reopened
	Reopened       []string // fingerprints of findings that had been resolved and came back
	Resolved       []ResolvedFinding
}

// ResolvedFinding is a finding of an earlier run that this run no longer sees.
type ResolvedFinding struct {
	Fingerprint, RuleID, Title, Location, RiskLevel string
}

// TrendPoint is one run in the trend chart.
type TrendPoint struct {
	ScanID                      string
	At                          time.Time
	Critical, High, Medium, Low int
	Total                       int
}

// Seen is when a finding was first and last seen.
type Seen struct{ First, Last time.Time }

// Ticket is a tracker ticket for a finding: its id and, when the tracker has one, a URL.
type Ticket struct{ ID, URL string }

// Package metrics holds gdprscan's Prometheus metrics, on a registry of their own (never
// the global one), so tests and embedders can create as many as they like. Every method
// is safe on a nil *Metrics and then does nothing: the one-shot `scan` command runs the
// same code without metrics.
package metrics

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/gdprscan/gdprscan/internal/version"
)

// Namespace prefixes every metric name.
const Namespace = "gdprscan"

// Phases of a run, the values of the phase label.
const (
	PhaseDiscover = "discover"
	PhaseClassify = "classify"
	PhaseRules    = "rules"
	PhaseReport   = "report"
	PhaseSinks    = "sinks"
)

// Metrics is the set of gdprscan's metrics.
type Metrics struct {
	// Registry has the metrics below plus the Go runtime and process collectors.
	Registry *prometheus.Registry

	scans, scansFailed          *prometheus.CounterVec
	phase                       *prometheus.HistogramVec
	tablesScanned, tablesFailed *prometheus.CounterVec
	findings                    *prometheus.GaugeVec
	suppressed                  *prometheus.GaugeVec
	tasksOpened, tasksClosed    prometheus.Counter
	deliveries, sinkErrors      *prometheus.CounterVec
	outboxPending               *prometheus.GaugeVec
	lastRun, lastSuccess        *prometheus.GaugeVec
}

// New creates the metrics on a new registry.
func New() *Metrics {
	r := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { r.MustRegister(c) }
	m := &Metrics{Registry: r}
	m.scans = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "scans_total",
		Help: "Scans of a source that ran, counted when they end."}, []string{"source"})
	m.scansFailed = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "scans_failed_total",
		Help: "Scans of a source that failed: the source could not be scanned, or the run could not finish."}, []string{"source"})
	m.phase = prometheus.NewHistogramVec(prometheus.HistogramOpts{Namespace: Namespace, Name: "phase_duration_seconds",
		Help:    "Duration of each phase of a run: discover, classify, rules (per source), report, sinks (per run).",
		Buckets: []float64{0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600}}, []string{"phase"})
	m.tablesScanned = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "tables_scanned_total",
		Help: "Tables sampled and classified."}, []string{"source"})
	m.tablesFailed = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "tables_failed_total",
		Help: "Tables or rule checks that failed; the scan went on without them."}, []string{"source"})
	m.findings = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "findings",
		Help: "Findings of the last scan of each source that are not suppressed, by risk level and rule family."}, []string{"source", "risk_level", "family"})
	m.suppressed = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "findings_suppressed",
		Help: "Findings of the last scan of each source that are suppressed."}, []string{"source"})
	m.tasksOpened = prometheus.NewCounter(prometheus.CounterOpts{Namespace: Namespace, Name: "tasks_opened_total",
		Help: "Remediation tasks opened or reopened."})
	m.tasksClosed = prometheus.NewCounter(prometheus.CounterOpts{Namespace: Namespace, Name: "tasks_closed_total",
		Help: "Remediation tasks closed because their findings were resolved or suppressed."})
	m.deliveries = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "sink_deliveries_total",
		Help: "Deliveries a sink took, by action (open, reopen, close, summary)."}, []string{"sink", "action"})
	m.sinkErrors = prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: Namespace, Name: "sink_errors_total",
		Help: "Deliveries that failed after the sink's own retries; they stay in the outbox."}, []string{"sink"})
	m.outboxPending = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "outbox_pending",
		Help: "Deliveries waiting in the outbox, by sink."}, []string{"sink"})
	m.lastRun = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "last_scan_timestamp_seconds",
		Help: "When the last scan of a source ended."}, []string{"source"})
	m.lastSuccess = prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "last_success_timestamp_seconds",
		Help: "When the last successful scan of a source ended."}, []string{"source"})
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Namespace: Namespace, Name: "build_info",
		Help: "The running gdprscan's version."}, []string{"version"})
	build.WithLabelValues(version.String()).Set(1)
	for _, c := range []prometheus.Collector{m.scans, m.scansFailed, m.phase, m.tablesScanned, m.tablesFailed, m.findings, m.suppressed,
		m.tasksOpened, m.tasksClosed, m.deliveries, m.sinkErrors, m.outboxPending, m.lastRun, m.lastSuccess, build,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	return m
}

// Scan records the end of one scan of a source.
func (m *Metrics) Scan(source string, ok bool, at time.Time) {
	if m == nil {
		return
	}
	m.scans.WithLabelValues(source).Inc()
	m.lastRun.WithLabelValues(source).Set(float64(at.Unix()))
	if ok {
		m.lastSuccess.WithLabelValues(source).Set(float64(at.Unix()))
	} else {
		m.scansFailed.WithLabelValues(source).Inc()
	}
}

// Phase records how long a phase took.
func (m *Metrics) Phase(phase string, d time.Duration) {
	if m == nil {
		return
	}
	m.phase.WithLabelValues(phase).Observe(d.Seconds())
}

// Tables adds a source's scanned and failed tables.
func (m *Metrics) Tables(source string, scanned, failed int) {
	if m == nil {
		return
	}
	m.tablesScanned.WithLabelValues(source).Add(float64(scanned))
	m.tablesFailed.WithLabelValues(source).Add(float64(failed))
}

// FindingKey is a risk level and a rule family.
type FindingKey struct{ RiskLevel, Family string }

// Findings replaces a source's findings gauges with the counts of its last scan.
func (m *Metrics) Findings(source string, counts map[FindingKey]int, suppressed int) {
	if m == nil {
		return
	}
	m.findings.DeletePartialMatch(prometheus.Labels{"source": source})
	for k, n := range counts {
		m.findings.WithLabelValues(source, k.RiskLevel, k.Family).Set(float64(n))
	}
	m.suppressed.WithLabelValues(source).Set(float64(suppressed))
}

// Tasks adds tasks opened (or reopened) and closed.
func (m *Metrics) Tasks(opened, closed int) {
	if m == nil {
		return
	}
	m.tasksOpened.Add(float64(opened))
	m.tasksClosed.Add(float64(closed))
}

// Delivery records one delivery to a sink: taken, or failed.
func (m *Metrics) Delivery(sink, action string, err error) {
	if m == nil {
		return
	}
	if err != nil {
		m.sinkErrors.WithLabelValues(sink).Inc()
		return
	}
	m.deliveries.WithLabelValues(sink, action).Inc()
}

// Pending sets how many deliveries wait in a sink's outbox.
func (m *Metrics) Pending(sink string, n int) {
	if m == nil {
		return
	}
	m.outboxPending.WithLabelValues(sink).Set(float64(n))
}

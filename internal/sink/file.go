package sink

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
)

// FileSink appends tasks to a JSON-lines file, one object per line: an opened or
// reopened task as it is, a closed one with "status": "resolved". The file is a log of
// each task's status: a line that would repeat the task's last status is not written, so
// a retried delivery (or a task that was already in the file) adds nothing. Before its
// first write the sink reads the lines already in the file.
type FileSink struct {
	name, path string
	router     Router

	mu   sync.Mutex
	last map[string]string // task id → status of its last line in the file
}

var _ TaskSink = (*FileSink)(nil)

// NewFileSink writes to path.
func NewFileSink(name, path string, r Router) *FileSink {
	return &FileSink{name: name, path: path, router: r}
}

// Name implements TaskSink.
func (f *FileSink) Name() string { return f.name }

// Path is the file written.
func (f *FileSink) Path() string { return f.path }

type lineKey struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// Send implements TaskSink.
func (f *FileSink) Send(_ context.Context, d Delivery) (store.Ref, error) {
	t := d.Task
	switch d.Action {
	case ActionOpen, ActionReopen:
		if !f.router.Wants(t) {
			return store.Ref{}, nil
		}
		t.Status = "open"
	case ActionClose:
		t.Status = store.TaskResolved
		t.ScanID, t.CreatedAt = d.ScanID, d.At.UTC()
	default:
		return store.Ref{}, nil
	}
	if t.Columns == nil {
		t.Columns = []string{}
	}
	if t.Articles == nil {
		t.Articles = []string{}
	}
	if t.Fingerprints == nil {
		t.Fingerprints = []string{}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.load(); err != nil {
		return store.Ref{}, err
	}
	if f.last[t.ID] != t.Status {
		if err := tasks.Append(f.path, []tasks.Task{t}); err != nil {
			return store.Ref{}, err
		}
		f.last[t.ID] = t.Status
	}
	return store.Ref{ExternalID: t.ID, URL: "file://" + f.path}, nil
}

// load reads the last status of each task in the file, once.
func (f *FileSink) load() error {
	if f.last != nil {
		return nil
	}
	last := map[string]string{}
	fh, err := os.Open(f.path)
	if errors.Is(err, os.ErrNotExist) {
		f.last = last
		return nil
	}
	if err != nil {
		return fmt.Errorf("sink %s: %w", f.name, err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var k lineKey
		if json.Unmarshal(sc.Bytes(), &k) == nil && k.ID != "" {
			last[k.ID] = k.Status
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("sink %s: read %s: %w", f.name, f.path, err)
	}
	f.last = last
	return nil
}

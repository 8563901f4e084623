package store

import "errors"

// ErrSchemaTooNew means the state was written by a newer gdprscan.
var ErrSchemaTooNew = errors.New("store: state schema is newer than this build")

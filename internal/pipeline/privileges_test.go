package pipeline_test

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

func randomName(prefix string) string {
	b := make([]byte, 5)
	_, _ = rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

func mustExec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
}

// pgRole creates a login role in the database of dsn with the given grants (run as the
// admin there) and returns a DSN that connects as it. The role is dropped after the test.
func pgRole(t *testing.T, dsn string, admin *sql.DB, grants ...string) string {
	t.Helper()
	role := randomName("gdprscan_role_")
	mustExec(t, admin, "CREATE ROLE "+role+" LOGIN")
	t.Cleanup(func() {
		// Grants first (they live in this database), then the cluster-wide role.
		_, _ = admin.Exec("DROP OWNED BY " + role)
		_, err := admin.Exec("DROP ROLE " + role)
		assert.NoError(t, err, "drop role")
	})
	for _, g := range grants {
		mustExec(t, admin, strings.ReplaceAll(g, "$ROLE", role))
	}
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	u.User = url.User(role)
	return u.String()
}

// myUser creates a MariaDB user with the given grants and returns a DSN for it.
func myUser(t *testing.T, dsn string, admin *sql.DB, grants ...string) string {
	t.Helper()
	user, pw := randomName("gdprscan_u_"), randomName("pw")
	mustExec(t, admin, "CREATE USER '"+user+"'@'%' IDENTIFIED BY '"+pw+"'")
	t.Cleanup(func() {
		_, err := admin.Exec("DROP USER '" + user + "'@'%'")
		assert.NoError(t, err, "drop user")
	})
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	db := strings.TrimPrefix(u.Path, "/")
	for _, g := range grants {
		mustExec(t, admin, strings.NewReplacer("$USER", "'"+user+"'@'%'", "$DB", "`"+db+"`").Replace(g))
	}
	u.User = url.UserPassword(user, pw)
	return u.String()
}

func validate(t *testing.T, kind, dsn string) string {
	t.Helper()
	cfg, err := pipeline.QuickConfig(dsn)
	require.NoError(t, err)
	cfg.Sources[0].Kind = kind
	rep, _, err := pipeline.Validate(context.Background(), cfg, &cfg.Sources[0])
	require.NoError(t, err)
	return rep
}

func quickScan(t *testing.T, dsn string) *pipeline.Outcome {
	t.Helper()
	cfg, err := pipeline.QuickConfig(dsn)
	require.NoError(t, err)
	out, err := pipeline.Run(context.Background(), pipeline.Options{Config: cfg, OutDir: t.TempDir(), Formats: []string{"json"}})
	require.NoError(t, err)
	return out
}

func failedTables(o *pipeline.Outcome) map[string]string {
	out := map[string]string{}
	for _, te := range o.Report.Sources[0].TablesFailed {
		out[te.Table] = te.Error
	}
	return out
}

func TestPrivilegesPostgres(t *testing.T) {
	dsn := testdb.Postgres(t)
	admin := testdb.Writable(t, dsn)
	mustExec(t, admin, "CREATE TABLE open_t (id int PRIMARY KEY, email text)", "CREATE TABLE secret_t (id int PRIMARY KEY, email text)",
		"INSERT INTO open_t VALUES (1, 'a@example.org')", "INSERT INTO secret_t VALUES (1, 'b@example.org')")

	// The admin (a superuser) is warned about.
	rep := validate(t, "postgres", dsn)
	assert.Contains(t, rep, `WARNING: the role "postgres" could write`)
	assert.Contains(t, rep, "superuser")
	assert.Contains(t, rep, "can read 2 tables")

	// A reader of one table: the other is counted as unreadable, and no write warning.
	reader := pgRole(t, dsn, admin, "GRANT USAGE ON SCHEMA public TO $ROLE", "GRANT SELECT ON open_t TO $ROLE")
	rep = validate(t, "postgres", reader)
	t.Log(rep)
	assert.NotContains(t, rep, "could write")
	assert.Contains(t, rep, "can read 1 tables and 0 views in 1 schemas: public (1)")
	assert.Contains(t, rep, "WARNING: cannot read 1 tables or views (grant SELECT on them, or exclude them): public.secret_t")
	out := quickScan(t, reader)
	assert.Equal(t, 1, out.Report.Sources[0].TablesScanned)
	assert.Contains(t, failedTables(out)["public.secret_t"], "permission denied")

	// A role that may also insert into one table is warned about, naming it.
	writer := pgRole(t, dsn, admin, "GRANT USAGE ON SCHEMA public TO $ROLE", "GRANT SELECT, INSERT ON open_t TO $ROLE")
	rep = validate(t, "postgres", writer)
	assert.Contains(t, rep, "could write")
	assert.Contains(t, rep, "INSERT, UPDATE, DELETE or TRUNCATE on 1 tables: public.open_t")
}

func TestPrivilegesMariaDB(t *testing.T) {
	dsn := testdb.MySQL(t)
	admin := testdb.Writable(t, dsn)
	mustExec(t, admin, "CREATE TABLE open_t (id INT PRIMARY KEY, email TEXT)", "CREATE TABLE secret_t (id INT PRIMARY KEY, email TEXT)",
		"CREATE TABLE insert_only (id INT PRIMARY KEY, email TEXT)", "INSERT INTO open_t VALUES (1, 'a@example.org')")

	rep := validate(t, "mysql", dsn)
	t.Log(rep)
	assert.Contains(t, rep, `could write`)
	assert.Contains(t, rep, "on every database (*.*): ")
	assert.NotContains(t, rep, "invisible")

	user := myUser(t, dsn, admin, "GRANT SELECT ON $DB.open_t TO $USER", "GRANT INSERT ON $DB.insert_only TO $USER")
	rep = validate(t, "mysql", user)
	t.Log(rep)
	assert.Contains(t, rep, "writes on 1 tables: insert_only")
	assert.Contains(t, rep, "can read 1 tables")
	assert.Contains(t, rep, "cannot read 1 tables or views")
	assert.Contains(t, rep, ".insert_only")
	assert.Contains(t, rep, "tables without a grant of their own are invisible to it")

	// The scan reports what it could not see, instead of leaving secret_t out silently.
	out := quickScan(t, user)
	assert.Equal(t, 1, out.Report.Sources[0].TablesScanned)
	failed := failedTables(out)
	assert.Contains(t, failed["*"], "invisible to it and were not scanned")
	for table, err := range failed {
		if strings.HasSuffix(table, ".insert_only") {
			assert.Contains(t, err, "SELECT command denied")
		}
	}
	assert.Len(t, failed, 2, "%v", failed)

	// SELECT on the whole database: everything visible, nothing reported missing.
	reader := myUser(t, dsn, admin, "GRANT SELECT ON $DB.* TO $USER")
	rep = validate(t, "mysql", reader)
	assert.NotContains(t, rep, "could write")
	assert.NotContains(t, rep, "WARNING")
	assert.Contains(t, rep, "can read 3 tables")

	// The same through a role (SHOW GRANTS includes it; information_schema does not).
	role := randomName("gdprscan_r_")
	mustExec(t, admin, "CREATE ROLE "+role)
	t.Cleanup(func() { _, _ = admin.Exec("DROP ROLE " + role) })
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	mustExec(t, admin, "GRANT SELECT ON `"+strings.TrimPrefix(u.Path, "/")+"`.* TO "+role)
	viaRole := myUser(t, dsn, admin, "GRANT "+role+" TO $USER", "SET DEFAULT ROLE "+role+" FOR $USER")
	rep = validate(t, "mysql", viaRole)
	assert.NotContains(t, rep, "WARNING")
	assert.Contains(t, rep, "can read 3 tables")
	out = quickScan(t, viaRole)
	assert.Equal(t, 3, out.Report.Sources[0].TablesScanned)
	assert.Empty(t, failedTables(out))
	_ = config.Secret("")
}

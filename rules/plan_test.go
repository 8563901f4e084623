package rules

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// In quick mode (no mapping, no activities) every rule that needs a mapping says so;
// none is skipped silently.
func TestRulesWithoutMappingAreNotEvaluated(t *testing.T) {
	contacts := Table{Schema: "public", Name: "contacts", PrimaryKey: []string{"id"}, Columns: []TableColumn{
		{Name: "id", DataType: "integer"},
		{Name: "email", DataType: "text", Class: detect.Result{Category: detect.Email, Personal: true}},
	}}
	for _, dl := range []dialect.Dialect{dialect.Postgres, dialect.MySQL, dialect.SQLite} {
		env := &Env{Dialect: dl, SourceName: "db", Source: &config.Source{Name: "db", Environment: "prod"},
			Config: &config.Config{}, Tables: []Table{contacts}, Now: time.Now()}
		for _, r := range Default().Rules() {
			m := r.Meta()
			checks, err := r.Checks(env)
			needs, notEvaluated := IsNotEvaluated(err)
			switch {
			case m.Needs == "" && (m.ID == "SEC-05" || m.ID == "SEC-06") && dl == dialect.SQLite:
				assert.True(t, notEvaluated, "%s on sqlite", m.ID)
			case m.Needs == "", m.ID == "MIN-03": // discovery alone; MIN-03 has nothing to do in prod
				require.NoError(t, err, m.ID)
			default:
				assert.True(t, notEvaluated, "%s on %s: %v, %d checks", m.ID, dl, err, len(checks))
				assert.NotEmpty(t, needs, m.ID)
			}
		}
	}
}

// A mapped table or column the source lacks is a mapping error, not a silent skip.
func TestMissingMappedTableIsAnError(t *testing.T) {
	env := &Env{Dialect: dialect.Postgres, SourceName: "db", Now: time.Now(), Config: &config.Config{},
		Source: &config.Source{Name: "db", Mapping: config.Mapping{
			Subjects: []config.Subject{{Table: "people", Key: "id", Marketable: "opt_in = 1"}},
			Consent:  &config.ConsentMapping{Table: "consents", SubjectKey: "person_id", PurposeColumn: "purpose", StatusColumn: "status", MarketingPurpose: "m", GrantedValues: []string{"granted"}},
		}}}
	_, err := MarketedWithoutConsent().Checks(env)
	require.Error(t, err)
	_, ne := IsNotEvaluated(err)
	assert.False(t, ne)
	assert.Contains(t, err.Error(), `table "consents" not found`)
}

func TestHelpers(t *testing.T) {
	assert.Equal(t, map[string]bool{"contact_id": true, "contactid": true, "contacts_id": true, "contactsid": true}, fkNames("contacts", "id"))
	assert.True(t, fkNames("civicrm_contact", "id")["contact_id"])
	assert.True(t, fkNames("res_partner", "id")["partner_id"])
	assert.True(t, fkNames("companies", "id")["company_id"])
	assert.True(t, fkNames("people", "id")["person_id"])

	d := dialect.Postgres
	assert.Equal(t, `x IN ('a', 'b')`, valueIn(d, "x", []string{"a", "b"}))
	assert.Equal(t, `(x IN ('a') OR x LIKE '%^b^%')`, valueIn(d, "x", []string{"a", "%^b^%"}))
	assert.Equal(t, "1 = 0", valueIn(d, "x", nil))

	one := "1"
	yes := "'yes'::character varying"
	zero := "0"
	granted := "'granted'"
	assert.True(t, truthyDefault(&one, nil))
	assert.True(t, truthyDefault(&yes, nil))
	assert.False(t, truthyDefault(&zero, nil))
	assert.False(t, truthyDefault(nil, nil))
	assert.True(t, truthyDefault(&granted, []string{"granted"}))

	tbl := Table{Columns: []TableColumn{{Name: "marketing_opt_in"}, {Name: "status"}, {Name: "Opt In"}}}
	cols := predicateColumns(`marketing_opt_in = 1 AND status <> 'status' AND "Opt In" = TRUE`, tbl)
	require.Len(t, cols, 3)

	assert.Equal(t, "t.\"d\" IS NOT NULL", filled(d, `t."d"`, TableColumn{DataType: "timestamp without time zone"}))
	assert.Contains(t, filled(d, `t."n"`, TableColumn{DataType: "character varying(255)"}), `'N/A'`)
	assert.True(t, isTimeColumn(TableColumn{Name: "created_at", DataType: "TEXT"}))
	assert.False(t, isTimeColumn(TableColumn{Name: "email", DataType: "TEXT"}))
}

func TestTestDomainPatterns(t *testing.T) {
	got := testDomain(dialect.SQLite, "e", []string{"example.com", "*.test", "acme-test.*"})
	assert.Equal(t, "(e LIKE '%@example.com'\n    OR e LIKE '%.example.com'\n    OR e LIKE '%.test'\n    OR e LIKE '%@acme-test.%')", got)
	assert.True(t, isProduction("Production"))
	assert.False(t, isProduction("staging"))
}

package config

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Each kind of bad input names its file and line, and never echoes a DSN's secrets.
func TestLoadHostileInput(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"duration", "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://a.db\n    statement_timeout: forever\n",
			`x.yaml:5: invalid duration "forever" (examples: 30s, 5m, 1h)`},
		{"lock timeout", "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://a.db\n    lock_timeout: -1s\n",
			`x.yaml:5: source "crm": lock_timeout must be positive`},
		{"period in mapping", "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://a.db\n    mapping:\n      retention:\n        - {id: r1, table: leads, key: id, anchor: created_at, period: P3Q}\n",
			`x.yaml:7: invalid ISO-8601 period "P3Q"`},
		{"period of an activity", "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://a.db\nactivities:\n  - id: a\n    retention: P3Q\n",
			`x.yaml:7: activity "a": invalid ISO-8601 period "P3Q"`},
		{"mysql DSN", "sources:\n  - name: crm\n    kind: mysql\n    dsn: \"mysql://scan:Sup3rSecret@db:port/crm\"\n",
			`x.yaml:4: source "crm": invalid mysql DSN: invalid port ":port" after host`},
		{"mysql native DSN", "sources:\n  - name: crm\n    kind: mysql\n    dsn: \"scan:Sup3rSecret@tcp(db/crm\"\n",
			`x.yaml:4: source "crm": invalid mysql DSN: invalid DSN: network address not terminated`},
		{"mysql DSN without database", "sources:\n  - name: crm\n    kind: mysql\n    dsn: \"mysql://scan:Sup3rSecret@db:3306/\"\n",
			`x.yaml:4: source "crm": invalid mysql DSN: it names no database`},
		{"postgres DSN", "sources:\n  - name: crm\n    kind: postgres\n    dsn: \"postgres://scan:Sup3rSecret@db:5432/crm?sslmode=sometimes\"\n",
			`x.yaml:4: source "crm": invalid postgres DSN: failed to configure TLS (sslmode is invalid)`},
		{"unclosed glob", "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://a.db\n    include_tables: [contacts, \"lead[s\"]\n",
			`x.yaml:5: source "crm": include_tables: malformed glob "lead[s"`},
		{"tls without key", "sources:\n  - name: crm\n    kind: postgres\n    dsn: postgres://db/crm\n    tls:\n      cert_file: client.pem\n",
			`x.yaml:5: source "crm": tls: cert_file and key_file go together`},
		{"tls missing CA", "sources:\n  - name: crm\n    kind: postgres\n    dsn: postgres://db/crm\n    tls:\n      ca_file: nowhere.pem\n",
			`x.yaml:5: source "crm": tls: ca_file: open `},
		{"nul byte", "sources:\n  - name: crm\n\x00",
			`x.yaml:3: not a text file (control character 0x00 at byte 23)`},
		{"not UTF-8", "sources:\n  - name: \xff\xfe\n",
			`x.yaml:2: not a text file (invalid UTF-8 at byte 19)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load([]byte(tt.yaml), "x.yaml")
			require.ErrorContains(t, err, tt.want)
			require.NotContains(t, err.Error(), "Sup3rSecret")
		})
	}
}

// A real binary file (this test's own executable) is refused with its name and a line.
func TestLoadBinaryFile(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	_, err = LoadFile(exe)
	require.ErrorContains(t, err, exe+":1: not a text file")
}

func TestTLSConfig(t *testing.T) {
	dir := t.TempDir()
	ca, cert, key := writeCerts(t, dir)
	yaml := "sources:\n  - name: crm\n    kind: mysql\n    dsn: mysql://scan@db:3306/crm\n    tls:\n" +
		"      ca_file: " + filepath.Base(ca) + "\n      cert_file: " + filepath.Base(cert) + "\n      key_file: " + filepath.Base(key) + "\n      server_name: db.internal\n"
	path := filepath.Join(dir, "gdprscan.yaml")
	require.NoError(t, os.WriteFile(path, []byte(yaml), 0o600))
	c, err := LoadFile(path)
	require.NoError(t, err)
	tc, err := c.Sources[0].TLS.Config()
	require.NoError(t, err)
	require.Equal(t, "db.internal", tc.ServerName)
	require.Len(t, tc.Certificates, 1)
	require.False(t, tc.InsecureSkipVerify)
	require.NotNil(t, tc.RootCAs)
	leaf, err := x509.ParseCertificate(tc.Certificates[0].Certificate[0])
	require.NoError(t, err)
	_, err = leaf.Verify(x509.VerifyOptions{Roots: tc.RootCAs, KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}})
	require.NoError(t, err, "the client certificate chains to the configured CA")

	none, err := (&Source{}).TLS.Config()
	require.NoError(t, err)
	require.Nil(t, none)
}

// writeCerts writes a CA and a client certificate signed by it, as PEM files.
func writeCerts(t *testing.T, dir string) (ca, cert, key string) {
	t.Helper()
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	caTmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	require.NoError(t, err)
	caCert, err := x509.ParseCertificate(caDER)
	require.NoError(t, err)
	cliKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	cliTmpl := &x509.Certificate{SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "scanner"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}
	cliDER, err := x509.CreateCertificate(rand.Reader, cliTmpl, caCert, &cliKey.PublicKey, caKey)
	require.NoError(t, err)
	keyDER, err := x509.MarshalECPrivateKey(cliKey)
	require.NoError(t, err)
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600))
		return p
	}
	return write("ca.pem", "CERTIFICATE", caDER), write("client.pem", "CERTIFICATE", cliDER), write("client-key.pem", "EC PRIVATE KEY", keyDER)
}

func TestTimeoutDefaults(t *testing.T) {
	c, err := Load([]byte("sources:\n  - {name: crm, kind: postgres, dsn: \"postgres://db/crm\"}\n  - {name: b, kind: mysql, dsn: \"mysql://db/b\", connect_timeout: 3s, lock_timeout: 1s}\n"), "x.yaml")
	require.NoError(t, err)
	require.Equal(t, Duration(DefaultConnectTimeout), c.Sources[0].ConnectTimeout)
	require.Equal(t, Duration(DefaultLockTimeout), c.Sources[0].LockTimeout)
	require.Equal(t, Duration(3*time.Second), c.Sources[1].ConnectTimeout)
	require.Equal(t, Duration(time.Second), c.Sources[1].LockTimeout)
	require.True(t, c.Report.Examples())
}

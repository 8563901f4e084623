package pipeline_test

import (
	"context"
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

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

// The tls block of a source reaches the engine: the server certificate is verified
// against ca_file and server_name, and nothing falls back to plain text.
func TestTLSPostgres(t *testing.T) {
	dsn := testdb.Postgres(t)
	admin := testdb.Writable(t, dsn)
	var ssl, certFile string
	require.NoError(t, admin.QueryRow("SELECT current_setting('ssl'), current_setting('ssl_cert_file')").Scan(&ssl, &certFile))
	require.Equal(t, "on", ssl, "the test server serves TLS (Debian's default snakeoil certificate)")
	_, err := os.Stat(certFile)
	require.NoError(t, err, "the server certificate is readable: it is its own CA")

	open := func(serverName string) (string, error) {
		s := config.Source{Name: "crm", Kind: "postgres", DSN: config.Secret(dsn), TLS: &config.TLS{CAFile: certFile, ServerName: serverName}}
		src, err := pipeline.Open(context.Background(), &s)
		if err != nil {
			return "", err
		}
		defer src.Close()
		rows, err := src.Query(context.Background(), "SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()", 1)
		if err != nil {
			return "", err
		}
		return rows.Values[0][0].(string), nil
	}
	// The certificate names localhost, the DSN 127.0.0.1: verification refuses it, even
	// though the DSN says sslmode=disable (the tls block replaces it).
	_, err = open("")
	require.ErrorContains(t, err, "certificate")
	got, err := open("localhost")
	require.NoError(t, err)
	require.Equal(t, "true", got, "the session is encrypted")
}

func TestTLSMariaDBNoDowngrade(t *testing.T) {
	dsn := testdb.MySQL(t)
	admin := testdb.Writable(t, dsn)
	var haveSSL string
	require.NoError(t, admin.QueryRow("SELECT @@have_ssl").Scan(&haveSSL))
	ca := writeSelfSignedCA(t)
	s := config.Source{Name: "crm", Kind: "mysql", DSN: config.Secret(dsn), TLS: &config.TLS{CAFile: ca}}
	src, err := pipeline.Open(context.Background(), &s)
	if haveSSL != "YES" {
		// The local server has TLS disabled: a source that asks for TLS fails rather
		// than talking in plain text.
		require.ErrorContains(t, err, "TLS")
		return
	}
	// A server with TLS whose certificate this CA did not sign is refused.
	if err == nil {
		src.Close()
	}
	require.ErrorContains(t, err, "certificate")
}

// writeSelfSignedCA writes a fresh CA certificate that signed no server's certificate.
func writeSelfSignedCA(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "unrelated CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), IsCA: true,
		KeyUsage: x509.KeyUsageCertSign, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	p := filepath.Join(t.TempDir(), "ca.pem")
	require.NoError(t, os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600))
	return p
}

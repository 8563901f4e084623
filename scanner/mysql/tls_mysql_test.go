package mysql

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	gomysql "github.com/go-sql-driver/mysql"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/scanner"
)

// The tls block against a real TLS server: a private MariaDB that refuses plain text
// (require_secure_transport) and serves a certificate signed by a CA the test makes.
func TestTLSMariaDBServer(t *testing.T) {
	srv := startTLSMariaDB(t)
	// Two users: one that needs TLS only, one that needs a client certificate too.
	exec(t, srv.root,
		"CREATE DATABASE tlsdb",
		"CREATE TABLE tlsdb.t (id INT PRIMARY KEY)",
		"CREATE USER 'scan'@'127.0.0.1' IDENTIFIED BY 'scan-pw' REQUIRE SSL",
		"GRANT SELECT ON tlsdb.* TO 'scan'@'127.0.0.1'",
		"CREATE USER 'plain'@'127.0.0.1' IDENTIFIED BY 'plain-pw'", // only the server demands TLS
		"GRANT SELECT ON tlsdb.* TO 'plain'@'127.0.0.1'",
		"CREATE USER 'certified'@'127.0.0.1' IDENTIFIED BY 'cert-pw' REQUIRE X509",
		"GRANT SELECT ON tlsdb.* TO 'certified'@'127.0.0.1'",
	)
	scanDSN := "mysql://scan:scan-pw@" + srv.addr + "/tlsdb"
	certDSN := "mysql://certified:cert-pw@" + srv.addr + "/tlsdb"

	// cipher opens the project's source through a config tls block and returns the
	// session's TLS cipher as the server sees it.
	cipher := func(t *testing.T, dsn string, block *config.TLS) (string, error) {
		tc, err := block.Config()
		require.NoError(t, err)
		src, err := Open(context.Background(), dsn, scanner.Options{Name: "tls-crm", TLS: tc, ConnectTimeout: 5 * time.Second})
		if err != nil {
			return "", err
		}
		defer src.Close()
		rows, err := src.Query(context.Background(),
			"SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS WHERE VARIABLE_NAME = 'SSL_CIPHER'", 1)
		require.NoError(t, err)
		require.Len(t, rows.Values, 1)
		return rows.Values[0][0].(string), nil
	}
	good := &config.TLS{CAFile: srv.ca, ServerName: "db.test"}

	t.Run("right CA: encrypted", func(t *testing.T) {
		c, err := cipher(t, scanDSN, good)
		require.NoError(t, err)
		require.NotEmpty(t, c, "Ssl_cipher")
	})
	t.Run("server name defaults to the DSN host", func(t *testing.T) {
		// The certificate also names 127.0.0.1, the DSN's host.
		c, err := cipher(t, scanDSN, &config.TLS{CAFile: srv.ca})
		require.NoError(t, err)
		require.NotEmpty(t, c)
	})
	t.Run("wrong CA: refused", func(t *testing.T) {
		_, err := cipher(t, scanDSN, &config.TLS{CAFile: srv.otherCA, ServerName: "db.test"})
		var unknown x509.UnknownAuthorityError
		require.ErrorAs(t, err, &unknown)
		require.NotContains(t, err.Error(), "scan-pw")
	})
	t.Run("wrong server name: refused", func(t *testing.T) {
		_, err := cipher(t, scanDSN, &config.TLS{CAFile: srv.ca, ServerName: "other.test"})
		var invalid x509.HostnameError
		require.ErrorAs(t, err, &invalid)
	})
	t.Run("no TLS: refused by the server", func(t *testing.T) {
		_, err := Open(context.Background(), "mysql://plain:plain-pw@"+srv.addr+"/tlsdb",
			scanner.Options{Name: "tls-crm", ConnectTimeout: 5 * time.Second})
		var my *gomysql.MySQLError
		require.ErrorAs(t, err, &my)
		// MariaDB 10.11 answers a plain-text login under require_secure_transport with
		// "access denied", not a message of its own.
		require.Equal(t, uint16(1045), my.Number, "%v", err)
		// With TLS the same user gets in: the refusal was the server's transport rule.
		c, err := cipher(t, "mysql://plain:plain-pw@"+srv.addr+"/tlsdb", good)
		require.NoError(t, err)
		require.NotEmpty(t, c)
	})
	t.Run("client certificate accepted", func(t *testing.T) {
		c, err := cipher(t, certDSN, &config.TLS{CAFile: srv.ca, ServerName: "db.test", CertFile: srv.clientCert, KeyFile: srv.clientKey})
		require.NoError(t, err)
		require.NotEmpty(t, c)
	})
	t.Run("client certificate missing: refused", func(t *testing.T) {
		_, err := cipher(t, certDSN, good)
		var my *gomysql.MySQLError
		require.ErrorAs(t, err, &my)
		require.Equal(t, uint16(1045), my.Number, "access denied: %v", err)
		require.NotContains(t, err.Error(), "cert-pw")
	})
}

// tlsServer is a private MariaDB serving TLS.
type tlsServer struct {
	addr                  string  // 127.0.0.1:port
	root                  *sql.DB // root over the unix socket, which needs no TLS
	ca, otherCA           string  // PEM files: the CA that signed the server, and one that did not
	clientCert, clientKey string  // signed by ca
}

// startTLSMariaDB runs mariadbd on a free loopback port with its own datadir and stops
// it when the test ends. It skips only off CI when the binaries are missing.
func startTLSMariaDB(t *testing.T) tlsServer {
	t.Helper()
	mariadbd, err := osexec.LookPath("mariadbd")
	if err != nil {
		mariadbd, err = osexec.LookPath("/usr/sbin/mariadbd")
	}
	installDB, ierr := osexec.LookPath("mariadb-install-db")
	if ierr != nil {
		installDB, ierr = osexec.LookPath("mysql_install_db")
	}
	if err != nil || ierr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("mariadbd and mariadb-install-db are required under CI: %v %v", err, ierr)
		}
		t.Skip("mariadbd or mariadb-install-db not installed")
	}
	// A short path: a unix socket path is limited to about 100 bytes.
	dir, err := os.MkdirTemp("", "gdprscan-tls")
	require.NoError(t, err)
	t.Cleanup(func() { os.RemoveAll(dir) })
	data := filepath.Join(dir, "data")
	// A tmpdir of its own: a server starting in the shared /tmp would remove the temporary
	// files the machine's MariaDB is using (its queries then fail "Error on delete").
	tmp := filepath.Join(dir, "tmp")
	require.NoError(t, os.Mkdir(tmp, 0o700))

	pki := newPKI(t, dir)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, err := osexec.CommandContext(ctx, installDB, "--no-defaults", "--datadir="+data,
		"--auth-root-authentication-method=normal", "--skip-test-db", "--user=root", "--tmpdir="+tmp).CombinedOutput()
	require.NoError(t, err, "mariadb-install-db: %s", out)

	port := freePort(t)
	sock := filepath.Join(dir, "s.sock")
	logFile := filepath.Join(dir, "mariadbd.log")
	cmd := osexec.Command(mariadbd, "--no-defaults", "--datadir="+data, "--tmpdir="+tmp, "--user=root",
		"--bind-address=127.0.0.1", "--port="+strconv.Itoa(port), "--socket="+sock,
		"--pid-file="+filepath.Join(dir, "mariadbd.pid"), "--log-error="+logFile,
		"--skip-log-bin", "--innodb-buffer-pool-size=16M", "--skip-name-resolve",
		"--ssl-ca="+pki.ca, "--ssl-cert="+pki.serverCert, "--ssl-key="+pki.serverKey,
		"--require-secure-transport=ON")
	require.NoError(t, cmd.Start())
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		<-exited
	})

	cfg := gomysql.NewConfig()
	cfg.User, cfg.Net, cfg.Addr = "root", "unix", sock
	cfg.Timeout = 2 * time.Second
	conn, err := gomysql.NewConnector(cfg)
	require.NoError(t, err)
	root := sql.OpenDB(conn)
	t.Cleanup(func() { root.Close() })
	deadline := time.Now().Add(20 * time.Second)
	for {
		err := root.Ping()
		if err == nil {
			break
		}
		select {
		case werr := <-exited:
			log, _ := os.ReadFile(logFile)
			t.Fatalf("mariadbd exited (%v): %s", werr, log)
		default:
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(logFile)
			t.Fatalf("mariadbd did not answer within 20s (%v): %s", err, log)
		}
		time.Sleep(100 * time.Millisecond)
	}
	var haveSSL string
	require.NoError(t, root.QueryRow("SELECT @@have_ssl").Scan(&haveSSL))
	require.Equal(t, "YES", haveSSL, "the server loaded the test's certificate")
	return tlsServer{addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), root: root,
		ca: pki.ca, otherCA: pki.otherCA, clientCert: pki.clientCert, clientKey: pki.clientKey}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// pki holds the PEM files of a test CA, a server and a client certificate it signed,
// and an unrelated CA.
type pki struct {
	ca, otherCA, serverCert, serverKey, clientCert, clientKey string
}

func newPKI(t *testing.T, dir string) pki {
	t.Helper()
	write := func(name, typ string, der []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600))
		return p
	}
	serial := int64(0)
	newKey := func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		require.NoError(t, err)
		return k
	}
	sign := func(tmpl, parent *x509.Certificate, pub, signer any) *x509.Certificate {
		serial++
		tmpl.SerialNumber = big.NewInt(serial)
		tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
		if parent == nil {
			parent = tmpl
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, parent, pub, signer)
		require.NoError(t, err)
		c, err := x509.ParseCertificate(der)
		require.NoError(t, err)
		return c
	}
	keyDER := func(k *ecdsa.PrivateKey) []byte {
		der, err := x509.MarshalPKCS8PrivateKey(k)
		require.NoError(t, err)
		return der
	}
	caTmpl := func(name string) *x509.Certificate {
		return &x509.Certificate{Subject: pkix.Name{CommonName: name}, IsCA: true, BasicConstraintsValid: true,
			KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature}
	}

	var out pki
	caKey := newKey()
	ca := sign(caTmpl("gdprscan test CA"), nil, &caKey.PublicKey, caKey)
	out.ca = write("ca.pem", "CERTIFICATE", ca.Raw)
	otherKey := newKey()
	out.otherCA = write("other-ca.pem", "CERTIFICATE", sign(caTmpl("unrelated CA"), nil, &otherKey.PublicKey, otherKey).Raw)

	srvKey := newKey()
	srv := sign(&x509.Certificate{Subject: pkix.Name{CommonName: "db.test"}, DNSNames: []string{"db.test"},
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}, ca, &srvKey.PublicKey, caKey)
	out.serverCert = write("server.pem", "CERTIFICATE", srv.Raw)
	out.serverKey = write("server-key.pem", "PRIVATE KEY", keyDER(srvKey))

	cliKey := newKey()
	cli := sign(&x509.Certificate{Subject: pkix.Name{CommonName: "gdprscan"}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}}, ca, &cliKey.PublicKey, caKey)
	out.clientCert = write("client.pem", "CERTIFICATE", cli.Raw)
	out.clientKey = write("client-key.pem", "PRIVATE KEY", keyDER(cliKey))
	return out
}

#!/usr/bin/env bash
# Makes sure the test databases answer: PostgreSQL on 127.0.0.1:5432 (user postgres,
# trust) and MariaDB on 127.0.0.1:3306 (root, no password), and that LibreOffice Calc
# (soffice) is installed for the workbook's recalculation and PDF tests. A server that already works is
# left alone; one that is stopped is started; one that is missing is installed with apt
# and configured. Safe to run again and again; about a second when both are up.
# Prints one line per server saying what it did.
set -euo pipefail

PG_HOST=127.0.0.1
PG_PORT=5432
MY_HOST=127.0.0.1
MY_PORT=3306
WAIT_SECONDS=${WAIT_SECONDS:-30}

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# "works" means the tests can log in; "up" only that the server answers.
pg_works() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -w -Atqc 'SELECT 1' >/dev/null 2>&1; }
pg_up() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q >/dev/null 2>&1; }
pg_installed() { compgen -G '/etc/postgresql/*/main/postgresql.conf' >/dev/null; }

my_client() { command -v mariadb || command -v mysql; }
my_works() {
	local c
	c=$(my_client) || return 1
	"$c" --protocol=tcp -h "$MY_HOST" -P "$MY_PORT" -uroot --connect-timeout=2 -e 'SELECT 1' >/dev/null 2>&1
}
# mariadb-admin ping succeeds even when the login is refused: it tells "up" from "works".
my_up() { mariadb-admin --protocol=tcp -h "$MY_HOST" -P "$MY_PORT" -uroot --connect-timeout=2 ping >/dev/null 2>&1; }
my_installed() { [ -x /usr/sbin/mariadbd ]; }

# wait_for NAME CHECK...: polls CHECK until it succeeds or WAIT_SECONDS pass.
wait_for() {
	local what=$1
	shift
	local deadline=$((SECONDS + WAIT_SECONDS))
	until "$@"; do
		if ((SECONDS >= deadline)); then
			echo "$what: no answer on its port after ${WAIT_SECONDS}s" >&2
			return 1
		fi
		sleep 0.2
	done
}

# join A B C prints "A, B, C".
join() {
	local out=$1
	shift
	for a in "$@"; do out+=", $a"; done
	echo "$out"
}

# --- install what is missing, in one apt run --------------------------------------
PG_INSTALLED_NOW=0
MY_INSTALLED_NOW=0
need=()
if ! pg_works && ! pg_installed; then
	need+=(postgresql)
	PG_INSTALLED_NOW=1
fi
if ! my_works && ! my_installed; then
	need+=(mariadb-server)
	MY_INSTALLED_NOW=1
fi
# The workbook tests recalculate the DPIA workbook in LibreOffice; under CI=true a
# missing soffice fails them, so it is installed here like the databases.
LO_INSTALLED_NOW=0
if ! command -v soffice >/dev/null 2>&1 && ! command -v libreoffice >/dev/null 2>&1; then
	need+=(libreoffice-calc)
	LO_INSTALLED_NOW=1
fi
if ((${#need[@]})); then
	as_root apt-get update -qq >/dev/null
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

# --- PostgreSQL ------------------------------------------------------------------
ensure_postgres() {
	if pg_works; then
		echo "postgres: already running on $PG_HOST:$PG_PORT"
		return
	fi
	local actions=() ver hba
	((PG_INSTALLED_NOW)) && actions+=(installed)
	ver=$(ls /etc/postgresql | sort -V | tail -n1)
	hba=/etc/postgresql/$ver/main/pg_hba.conf
	# The first matching line wins, so the trust lines go on top.
	if ! as_root grep -qE '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
		local tmp
		tmp=$(mktemp)
		{
			echo "# gdprscan tests: trust loopback TCP logins"
			echo "host all all 127.0.0.1/32 trust"
			echo "host all all ::1/128 trust"
			as_root cat "$hba"
		} >"$tmp"
		as_root sh -c "cat '$tmp' > '$hba'" # keeps the file's owner and mode
		rm -f "$tmp"
		actions+=("trusted 127.0.0.1 in pg_hba.conf")
	fi
	if pg_up; then
		as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main reload
		actions+=(reloaded)
	else
		as_root pg_ctlcluster --skip-systemctl-redirect "$ver" main start
		actions+=(started)
	fi
	wait_for postgres pg_works
	echo "postgres: $(join "${actions[@]}"): PostgreSQL $ver on $PG_HOST:$PG_PORT"
}

# --- MariaDB ---------------------------------------------------------------------
ensure_mariadb() {
	if my_works; then
		echo "mariadb: already running on $MY_HOST:$MY_PORT"
		return
	fi
	local actions=()
	((MY_INSTALLED_NOW)) && actions+=(installed)
	if ! my_up; then
		as_root install -d -o mysql -g mysql /run/mysqld
		if [ ! -d /var/lib/mysql/mysql ]; then
			as_root mariadb-install-db --user=mysql --datadir=/var/lib/mysql >/dev/null
			actions+=(initialised)
		fi
		# --user: Debian's config leaves it commented out, and mariadbd refuses to run as root.
		as_root start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
		actions+=(started)
		wait_for mariadb my_up
	fi
	if ! my_works; then
		# Debian's root logs in by unix_socket only; also allow an empty password over
		# TCP, for both host names a loopback client can appear under.
		as_root mariadb --protocol=socket -uroot -e "
			ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
			CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
			GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION;
			FLUSH PRIVILEGES;"
		actions+=("allowed root over TCP without password")
		wait_for mariadb my_works
	fi
	echo "mariadb: $(join "${actions[@]}"): MariaDB on $MY_HOST:$MY_PORT"
}

ensure_postgres
ensure_mariadb
if ((LO_INSTALLED_NOW)); then
	echo "libreoffice: installed libreoffice-calc ($(command -v soffice))"
else
	echo "libreoffice: already installed ($(command -v soffice || command -v libreoffice))"
fi

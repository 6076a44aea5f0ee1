#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, user postgres, trust, db test) and
# MariaDB (127.0.0.1:3306, root without password, db test) are installed and
# running. Idempotent; installs from Debian's packages when missing.
set -euo pipefail

need_apt_update=1
apt_install() {
  if [ "$need_apt_update" = 1 ]; then apt-get update -qq; need_apt_update=0; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
my_up() { mariadb-admin --protocol=tcp -h 127.0.0.1 -P 3306 -u root ping >/dev/null 2>&1; }

wait_for() {
  local what=$1 check=$2
  for _ in $(seq 60); do
    if $check; then return 0; fi
    sleep 1
  done
  echo "error: $what did not come up" >&2
  exit 3
}

# PostgreSQL
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt_install postgresql
  fresh_pg=1
fi
if ! pg_up; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main start || true
fi
wait_for PostgreSQL pg_up
if [ "${fresh_pg:-0}" = 1 ]; then
  hba=$(ls /etc/postgresql/*/main/pg_hba.conf | tail -n1)
  grep -q 'sqlforge trust' "$hba" || sed -i '1i host all all 127.0.0.1/32 trust # sqlforge trust' "$hba"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n1)" main reload
fi
if ! psql -h 127.0.0.1 -U postgres -d test -Atqc 'SELECT 1' >/dev/null 2>&1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc 'CREATE DATABASE test' >/dev/null
fi

# MariaDB
if [ ! -x /usr/sbin/mariadbd ]; then
  apt_install mariadb-server
fi
if ! my_up; then
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
fi
wait_for MariaDB my_up
mariadb --protocol=tcp -h 127.0.0.1 -u root -e 'CREATE DATABASE IF NOT EXISTS test' >/dev/null
echo "services: PostgreSQL and MariaDB are up"

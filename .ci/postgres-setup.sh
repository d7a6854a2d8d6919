#!/usr/bin/env bash
# Installs (if needed) and starts a PostgreSQL server on 127.0.0.1:5432 for the zt-jpa tests and
# benchmark, then creates their roles and database. Idempotent; runs as root on Debian 12, no systemd.
#
#   zt_owner / zt_owner  owns the database and the tables (DDL, seeding, RLS policies)
#   zt_app   / zt_app    plain application role: NOT owner, NOT superuser, NO BYPASSRLS
#   database zt_test     owned by zt_owner
#
# The tests read ZT_PG_URL, ZT_PG_OWNER_USER/PASSWORD and ZT_PG_APP_USER/PASSWORD (or the
# -Dzt.pg.* system properties); their defaults match this script.
set -euo pipefail

PG_PORT="${ZT_PG_PORT:-5432}"

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y postgresql
fi

PG_VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
echo "postgres-setup: PostgreSQL ${PG_VERSION}"

if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "${PG_VERSION} main"; then
  pg_createcluster "${PG_VERSION}" main --port="${PG_PORT}"
fi

CONF_DIR="/etc/postgresql/${PG_VERSION}/main"
# Loopback only, password (scram) auth for TCP; a marker keeps the edit idempotent.
if ! grep -q "zt-ci" "${CONF_DIR}/pg_hba.conf"; then
  sed -i '/^host/d' "${CONF_DIR}/pg_hba.conf"
  cat >> "${CONF_DIR}/pg_hba.conf" <<HBA
# zt-ci: loopback with password
host    all             all             127.0.0.1/32            scram-sha-256
host    all             all             ::1/128                 scram-sha-256
HBA
fi
mkdir -p "${CONF_DIR}/conf.d"
cat > "${CONF_DIR}/conf.d/zt-ci.conf" <<CONF
listen_addresses = '127.0.0.1'
port = ${PG_PORT}
max_connections = 100
CONF

if pg_lsclusters -h | awk -v v="${PG_VERSION}" '$1==v && $2=="main" {print $4}' | grep -q online; then
  pg_ctlcluster "${PG_VERSION}" main reload
else
  pg_ctlcluster "${PG_VERSION}" main start
fi

for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done


su postgres -c "psql -v ON_ERROR_STOP=1 -q" <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zt_owner') THEN
    CREATE ROLE zt_owner LOGIN PASSWORD 'zt_owner';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'zt_app') THEN
    CREATE ROLE zt_app LOGIN PASSWORD 'zt_app' NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
ALTER ROLE zt_app NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
SQL
if [ "$(su postgres -c "psql -qAt -c \"select 1 from pg_database where datname = 'zt_test'\"")" != "1" ]; then
  su postgres -c "createdb -O zt_owner zt_test"
fi
su postgres -c "psql -v ON_ERROR_STOP=1 -q -d zt_test" <<'SQL'
GRANT CONNECT ON DATABASE zt_test TO zt_app;
GRANT USAGE ON SCHEMA public TO zt_app;
ALTER SCHEMA public OWNER TO zt_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE zt_owner IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO zt_app;
ALTER DEFAULT PRIVILEGES FOR ROLE zt_owner IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO zt_app;
SQL
echo "postgres-setup: ready on 127.0.0.1:${PG_PORT}, database zt_test (owner zt_owner, app role zt_app)"

#!/bin/sh
# Creates (once) and migrates Temporal's PostgreSQL schemas. Safe to run again on every `compose up`.
set -eu
: "${POSTGRES_SEEDS:=postgresql}" "${DB_PORT:=5432}" "${POSTGRES_USER:=temporal}"
export SQL_PASSWORD="${POSTGRES_PWD}"
until nc -z -w 2 "$POSTGRES_SEEDS" "$DB_PORT"; do echo 'waiting for PostgreSQL…'; sleep 1; done
tool() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -u "$POSTGRES_USER" -p "$DB_PORT" "$@"; }
for db in temporal temporal_visibility; do
  tool --db "$db" create || echo "database $db exists"
done
tool --db temporal setup-schema -v 0.0 || echo 'temporal schema already initialised'
tool --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
tool --db temporal_visibility setup-schema -v 0.0 || echo 'visibility schema already initialised'
tool --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo 'PostgreSQL schemas ready'

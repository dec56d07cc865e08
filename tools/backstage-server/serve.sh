#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts a real Backstage catalog backend (catalog plugin only) on 127.0.0.1 for tests.
# usage: serve.sh CATALOG_FILE [PORT] [TOKEN]
#   CATALOG_FILE  a YAML catalog file (the Location targets in it are followed)
# Prints the server's PID on stdout once the API answers; stop it with `kill PID`.
# CAIRN_BACKSTAGE_INTERVAL_S: how often the catalog re-reads its files (default 2 s, good
# for tests; a large value for timings, as re-processing keeps the server busy).
# The npm packages are installed on first use by ./install (see there for where).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
catalog=$(realpath "$1"); port=${2:-7007}; token=${3:-cairn-test-token-0123456789}
home=$("$here/install")
cmp -s "$here/index.js" "$home/index.js" || cp "$here/index.js" "$home/index.js"
run=$(mktemp -d)
# The database is in memory: every start ingests the catalog again.
cat >"$run/app-config.yaml" <<CFG
app: { baseUrl: http://127.0.0.1:3000 }
backend:
  baseUrl: http://127.0.0.1:$port
  listen: { host: 127.0.0.1, port: $port }
  database: { client: better-sqlite3, connection: ':memory:' }
  auth:
    externalAccess:
      - type: static
        options: { token: $token, subject: cairn-tests }
catalog:
  processingInterval: { seconds: ${CAIRN_BACKSTAGE_INTERVAL_S:-2} }
  rules:
    - allow: [Component, System, API, Resource, Location, Group, User, Domain, Project, Goal]
  locations:
    - type: file
      target: $catalog
CFG
(cd "$home" && exec node index.js --config "$run/app-config.yaml" >"$run/server.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  if curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/catalog/entities/by-query?limit=0"; then
    echo "$pid"; exit 0
  fi
  kill -0 "$pid" 2>/dev/null || { echo "serve.sh: the server exited, log: $run/server.log" >&2; exit 1; }
  sleep 0.5
done
kill "$pid"; echo "serve.sh: no answer within 60 s, log: $run/server.log" >&2; exit 1

#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Waits until the catalog on 127.0.0.1:PORT reports at least N entities, or exactly N with
# `exact` (ingestion and orphan removal run in the background: additions show in seconds,
# removals in about 30 s). Prints the count reached.
# usage: wait-count.sh N [PORT] [TOKEN] [TIMEOUT_S] [exact]
set -euo pipefail
n=$1; port=${2:-7007}; token=${3:-cairn-test-token-0123456789}; limit=${4:-300}; mode=${5:-atleast}
got=0
for _ in $(seq 1 $((limit * 4))); do
  got=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/catalog/entities/by-query?limit=0" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["totalItems"])' 2>/dev/null || echo 0)
  if [ "$mode" = exact ]; then [ "$got" -eq "$n" ] && { echo "$got"; exit 0; }
  else [ "$got" -ge "$n" ] && { echo "$got"; exit 0; }; fi
  sleep 0.25
done
echo "wait-count.sh: $got entities, not $n ($mode), after ${limit} s" >&2; exit 1

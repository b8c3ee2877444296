#!/usr/bin/env bash
# Starts Azurite (Blob 10000, Queue 10001, Table 10002, in memory) unless something already listens on those ports.
# Usage: scripts/start-azurite.sh            (runs in the background, logs to .azurite/azurite.log)
#        scripts/start-azurite.sh --foreground
#        scripts/start-azurite.sh --split      (background, one process per service: for load runs — Azurite's queue
#                                               re-sorts its message indexes on every receive and delete, which with
#                                               thousands of messages stalls blob and table calls sharing its event loop)
set -euo pipefail
cd "$(dirname "$0")/.."

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if listening 10000 && listening 10001 && listening 10002; then
  echo "azurite: already listening on 10000 (blob), 10001 (queue), 10002 (table)"
  exit 0
fi

if [ ! -x node_modules/.bin/azurite ]; then
  echo "azurite: installing with npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi

common=(--inMemoryPersistence --skipApiVersionCheck --loose --silent)
args=("${common[@]}" --blobHost 127.0.0.1 --blobPort 10000 --queueHost 127.0.0.1 --queuePort 10001 --tableHost 127.0.0.1 --tablePort 10002)

if [ "${1:-}" = "--foreground" ]; then
  exec node_modules/.bin/azurite "${args[@]}"
fi

mkdir -p .azurite
if [ "${1:-}" = "--split" ]; then
  : > .azurite/azurite.pid
  declare -A ports=([blob]=10000 [queue]=10001 [table]=10002)
  for service in blob queue table; do
    port=${ports[$service]}
    nohup "node_modules/.bin/azurite-$service" "${common[@]}" "--${service}Host" 127.0.0.1 "--${service}Port" "$port" \
      > ".azurite/azurite-$service.log" 2>&1 &
    echo $! >> .azurite/azurite.pid
  done
else
  nohup node_modules/.bin/azurite "${args[@]}" > .azurite/azurite.log 2>&1 &
  echo $! > .azurite/azurite.pid
fi
for _ in $(seq 1 100); do
  if listening 10000 && listening 10001 && listening 10002; then
    echo "azurite: started (pid $(paste -sd' ' .azurite/azurite.pid)), blob 10000, queue 10001, table 10002"
    exit 0
  fi
  sleep 0.2
done
echo "azurite: did not start within 20 s; see .azurite/azurite.log" >&2
exit 1

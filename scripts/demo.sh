#!/usr/bin/env bash
# The whole service on one machine, on the embedded defaults — the README's first command.
#   npm ci (if needed) → Azurite and maildev (unless already running) → `gazette serve` (watcher, queue, HTTP on :7071)
#   → demo subscribers and department addresses → the three sample issues uploaded (the watcher ingests them)
#   → topic alerts and deadline reminders as of 2022-06-20 → mail in maildev (http://127.0.0.1:1080).
# Interactive: keeps running until Ctrl-C, then stops what it started. Not a terminal (CI, scripts): stops at the end.
# However it ends — its own end, Ctrl-C, SIGTERM, SIGHUP, a failed step — it stops every process it started: each is
# started as itself (never a shell function in the background, whose $! would be a subshell with the real process
# orphaned beneath it), so the pid it kills is the process that runs.
# Safe to rerun: uploads are recognised by content, subscribers and addresses are set idempotently, the ledger sends nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."
DEMO_DAY="${DEMO_DAY:-2022-06-20}"
mkdir -p .demo
started=()
step() { printf '\n== [%3ss] %s\n' "$SECONDS" "$*"; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
cleanup() {
  local i
  # Newest first: gazette serve finishes its work while storage and SMTP are still up.
  # Azurite waits for idle keep-alive connections before it exits; in-memory, there is nothing to save: 5 s, then KILL.
  local pid
  for ((i = ${#started[@]} - 1; i >= 0; i--)); do
    pid="${started[$i]}"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 25); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ ${#started[@]} -gt 0 ]; then echo "demo: stopped what it started (${#started[@]} processes)"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

step "npm ci (Azurite, maildev)"
if [ -x node_modules/.bin/azurite ] && [ -x node_modules/.bin/maildev ]; then echo "already installed"; else npm ci --no-audit --no-fund; fi

step "Azurite (blob 10000, queue 10001, table 10002)"
if listening 10000 && listening 10001 && listening 10002; then echo "already running"
else
  node_modules/.bin/azurite --inMemoryPersistence --skipApiVersionCheck --loose --silent --blobHost 127.0.0.1 --blobPort 10000 \
    --queueHost 127.0.0.1 --queuePort 10001 --tableHost 127.0.0.1 --tablePort 10002 > .demo/azurite.log 2>&1 &
  started+=($!)
  for _ in $(seq 1 100); do listening 10002 && break; sleep 0.2; done
  echo "started (in memory)"
fi

step "maildev (SMTP 1025, web UI http://127.0.0.1:1080)"
if listening 1025 && listening 1080; then echo "already running"
else
  node_modules/.bin/maildev --smtp 1025 --web 1080 --ip 127.0.0.1 > .demo/maildev.log 2>&1 &
  started+=($!)
  for _ in $(seq 1 100); do listening 1080 && break; sleep 0.2; done
  echo "started"
fi

step "install gazette (the .NET tool, into .demo/tools)"
bash scripts/install-gazette.sh --tool-path .demo/tools
GAZETTE="$PWD/.demo/tools/gazette"
gazette() { "$GAZETTE" "$@"; }
export GazetteStorage="${GazetteStorage:-UseDevelopmentStorage=true}" Mail__Transport=smtp Mail__SmtpHost=127.0.0.1 Mail__SmtpPort=1025

step "gazette serve (http://127.0.0.1:7071, clock ${DEMO_DAY})"
if listening 7071; then echo "something already listens on 7071: using it"
else
  "$GAZETTE" serve --port 7071 --now "$DEMO_DAY" --no-timers > .demo/serve.log 2>&1 &
  started+=($!)
  for _ in $(seq 1 150); do listening 7071 && break; sleep 0.2; done
  listening 7071 || { echo "gazette serve did not start; see .demo/serve.log" >&2; exit 1; }
  echo "running; its log: .demo/serve.log"
fi

step "demo subscribers and department addresses"
gazette subscribers add demo.permits@example.com --keyword 居住证 --topic public-security-justice | tail -1
gazette subscribers add demo.health@example.com --topic health-sports | tail -1
gazette departments set-email 市财政局 caizheng@lc.example.gov.cn
gazette departments set-email 市自然资源和规划局 ziran@lc.example.gov.cn
gazette departments set-email 市发展改革委 fagai@lc.example.gov.cn

step "upload the sample issues to gazette-issues (the watcher ingests them)"
gazette upload --no-ingest samples/*.txt
for _ in $(seq 1 60); do
  [ "$(gazette issues | grep -c ' ingested')" -ge 3 ] && break
  sleep 0.5
done
gazette issues

step "topic alerts as of ${DEMO_DAY}"
gazette run alerts --now "$DEMO_DAY"

step "deadline reminders as of ${DEMO_DAY}"
gazette remind --now "$DEMO_DAY" | tail -4

mails=$(curl -s http://127.0.0.1:1080/api/email | grep -o '"id"' | wc -l || true)
step "what happened"
echo "3 issues ingested by the watcher; ${mails} mails in maildev."
echo "  read the mail:           http://127.0.0.1:1080"
echo "  subscribe yourself:      http://127.0.0.1:7071/"
echo "  admin page:              http://127.0.0.1:7071/admin/login  (the key, once: cat ~/.gazette/admin-key)"
echo "  more:                    gazette show 2022-06 · gazette deadlines review · gazette tasks --now ${DEMO_DAY} · gazette departments unmapped"
echo "  (gazette here is .demo/tools/gazette; bash scripts/install-gazette.sh puts it on your PATH)"
if [ -t 0 ] && [ ${#started[@]} -gt 0 ]; then
  echo "Running. Ctrl-C stops what the demo started."
  wait
fi

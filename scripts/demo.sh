#!/usr/bin/env bash
# The main job on one machine, on the embedded defaults: Azurite (started if not running) as storage.
# Adds two demo subscribers, uploads the three sample issues, ingests them, lists what was stored and the deadlines of
# the first weeks, and sends the topic alerts into ./outbox as .eml files.
# Safe to rerun: the same bytes are recognised and nothing is written twice.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/start-azurite.sh
gazette() { dotnet run --project functions/GazetteNotify.Cli --no-launch-profile -- "$@"; }
dotnet build functions/GazetteNotify.Cli -v quiet -nologo
echo "== gazette subscribers add (two demo subscribers, idempotent)"
gazette subscribers add demo.permits@example.com --keyword 居住证 --topic public-security-justice
gazette subscribers add demo.health@example.com --topic health-sports
echo "== gazette upload samples/*.txt"
gazette upload samples/*.txt
echo "== gazette issues"
gazette issues
echo "== gazette deadlines --from 2022-06-01 --to 2022-09-30"
gazette deadlines --from 2022-06-01 --to 2022-09-30
echo "== gazette run alerts"
gazette run alerts
echo "Digests are .eml files in ./outbox (open them in any mail client)."
echo "Azurite keeps running (in memory) for more: gazette show 2022-06, gazette subscribers list, gazette upload FILE…"

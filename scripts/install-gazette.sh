#!/usr/bin/env bash
# Packs `gazette` (functions/GazetteNotify.Cli) as a .NET tool and installs it:
#   bash scripts/install-gazette.sh                      globally, into ~/.dotnet/tools (put that folder on PATH)
#   bash scripts/install-gazette.sh --tool-path DIR      into DIR (the demo installs into .demo/tools)
# Safe to rerun: every pack gets a version of its own, so an install never takes an older build from NuGet's cache.
set -euo pipefail
cd "$(dirname "$0")/.."
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
where=(--global)
if [ "${1:-}" = "--tool-path" ]; then where=(--tool-path "${2:?--tool-path needs a folder}"); fi
dotnet pack functions/GazetteNotify.Cli -c Release -o artifacts/tools -p:Version="$version" -nologo -v quiet >/dev/null
dotnet tool update "${where[@]}" gazette --add-source artifacts/tools --version "$version" >/dev/null
if [ "${where[0]}" = "--global" ]; then
  echo "gazette $version installed in ~/.dotnet/tools"
  case ":$PATH:" in *":$HOME/.dotnet/tools:"*) ;; *) echo "add it to PATH: export PATH=\"\$PATH:\$HOME/.dotnet/tools\"";; esac
else
  echo "gazette $version installed in ${where[1]}"
fi

#!/usr/bin/env bash
# Runs every end-to-end scenario (Tests/e2e/scenarios/*.sh) against a bytek binary.
# Usage: Tests/e2e/run.sh PATH/TO/bytek
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
BYTEK="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
export BYTEK THEMES="$here/../../themes"
passed=0; failed=0
for scenario in "$here"/scenarios/*.sh; do
  name=$(basename "$scenario" .sh)
  WORK=$(mktemp -d); export WORK DB="$WORK/bytek.sqlite"
  start=$(date +%s%N)
  if bash "$scenario" >"$WORK/out.log" 2>&1; then
    passed=$((passed + 1)); ms=$(( ($(date +%s%N) - start) / 1000000 )); printf 'ok    %-40s %d ms\n' "$name" "$ms"
  else
    failed=$((failed + 1)); printf 'FAIL  %s\n' "$name"; sed 's/^/    /' "$WORK/out.log"
  fi
  rm -rf "$WORK"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]

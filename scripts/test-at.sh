#!/usr/bin/env bash
# Runs the unit and browser tests with the clock of every process they start
# (Node, the app server, the demo API, Chromium, PostgreSQL) moved to another
# moment, through libfaketime. The demo API's data follows the clock, so this
# shows that no test depends on the date or the hour the suite runs at.
#
#   scripts/test-at.sh '2027-01-31 23:56'            unit and browser tests
#   scripts/test-at.sh '2027-01-31 23:56' test:e2e   one npm script
#   scripts/test-at.sh '2027-01-31 23:56' test:e2e -- e2e/views.spec.ts
#                                                    with arguments for it
#
# Needs `faketime` (Debian: apt-get install faketime) and a build (`npm run build`).
set -euo pipefail
cd "$(dirname "$0")/.."

moment=${1:?usage: scripts/test-at.sh "YYYY-MM-DD HH:MM" [npm script ...]}
shift
scripts=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  scripts+=("$1")
  shift
done
[ $# -gt 0 ] && shift
[ ${#scripts[@]} -gt 0 ] || scripts=(test:unit test:e2e)

library=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -n 1 || true)
if [ -z "$library" ]; then
  echo "libfaketime is not installed (apt-get install faketime)" >&2
  exit 1
fi

# An offset, not a fixed start: every process started during the run sees the
# same moved clock, which keeps running, so a run started just before midnight
# crosses it. Monotonic clocks move by the same offset: left real, Chromium's
# timed waits (which libfaketime converts) spin and starve the machine.
offset=$(($(date -d "$moment" +%s) - $(date +%s)))
export LD_PRELOAD="$library${LD_PRELOAD:+:$LD_PRELOAD}"
if [ "$offset" -ge 0 ]; then export FAKETIME="+$offset"; else export FAKETIME="$offset"; fi
# The throwaway PostgreSQL clusters run as their own user (through `su`), which
# cannot open the state libfaketime shares between root's processes: they keep
# the real clock. The store takes every time from the app server, never from
# SQL's now(), so nothing the tests see depends on PostgreSQL's clock.
wrappers=$(mktemp -d)
trap 'rm -rf "$wrappers"' EXIT
printf '#!/bin/sh\nexec env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED %s "$@"\n' "$(command -v su)" >"$wrappers/su"
chmod +x "$wrappers/su"
export PATH="$wrappers:$PATH"
echo "Clock moved to $(date) (offset ${offset} s)"

for script in "${scripts[@]}"; do
  npm run "$script" -- "$@"
done

#!/bin/bash
# How long `planhub serve` takes to exit on SIGTERM while its jobs work through a backlog.
#
#   node bin/planhub.js generate --projects 2000 --seed 2017 --out /tmp/sd/demo
#   PLANHUB_DATA_DIR=/tmp/sd/base node bin/planhub.js import --dir /tmp/sd/demo   # leaves the outbox pending
#   tests/bench/serve-shutdown.sh /tmp/sd/base 3101 linking   # SIGTERM once the linking job has made links
#   tests/bench/serve-shutdown.sh /tmp/sd/base 3101 60        # SIGTERM 60 s after start
#
# Serves a copy of the store (so every run starts from the same backlog), from the current directory's
# checkout, and prints the seconds from SIGTERM to exit and the outbox afterwards.
set -eu
BASE=$1; PORT=$2; WHEN=$3
DIR=$(mktemp -d /tmp/planhub-shutdown-XXXXXX)
cp -r "$BASE"/. "$DIR"
S0=$(date +%s.%N)
PLANHUB_DATA_DIR=$DIR PORT=$PORT LOG_LEVEL=warn node bin/planhub.js serve --no-web > "$DIR.log" 2>&1 &
PID=$!
if [ "$WHEN" = linking ]; then
  until curl -s -m 5 "http://127.0.0.1:$PORT/api/links/review?status=auto" | grep -q '"total":[1-9]'; do sleep 0.5; done
else
  sleep "$WHEN"
fi
T0=$(date +%s.%N)
kill -TERM $PID
set +e; wait $PID; RC=$?; set -e
T1=$(date +%s.%N)
echo "SIGTERM $(echo "$T0 - $S0" | bc) s after start; exit $(echo "$T1 - $T0" | bc) s after SIGTERM (code $RC); load $(cut -d' ' -f1 /proc/loadavg)"
PLANHUB_DATA_DIR=$DIR node bin/planhub.js jobs stats | tail -1
rm -rf "$DIR" "$DIR.log"

#!/usr/bin/env bash
# Starts the packaged server, reports the time to the first 200 on /fhir/metadata and the resident memory
# 5 s later, then leaves it running (its PID is in bench-server.pid). Arguments are passed to the server.
# The server runs in the development sign-in mode on 127.0.0.1 (the drivers send no token; roles and
# authorization still apply), unless the arguments say otherwise.
#   bench/start-and-measure.sh                                  # H2 under ./bench-data
#   bench/start-and-measure.sh --spring.profiles.active=postgres # with IMIS_DB_URL etc. set
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=$(ls server/target/imis-fhir-server-*.jar | head -1)
PORT=${PORT:-8080}
start=$(date +%s.%N)
IMIS_DATA_DIR=${IMIS_DATA_DIR:-./bench-data} java ${JAVA_OPTS:-} -jar "$JAR" --server.port="$PORT" \
  --imis.security.development.enabled=true --server.address=127.0.0.1 "$@" > bench-server.log 2>&1 &
echo $! > bench-server.pid
until curl -fs "http://localhost:$PORT/fhir/metadata" > /dev/null 2>&1; do
  sleep 0.5
  kill -0 "$(cat bench-server.pid)" 2>/dev/null || { echo "server died, see bench-server.log"; exit 1; }
done
ready=$(date +%s.%N)
printf 'first 200 on /fhir/metadata after %.1f s\n' "$(echo "$ready - $start" | bc)"
until grep -q 'Conformance resources installed' bench-server.log; do sleep 0.5; done
sleep 5
printf 'RSS 5 s after start-up work: %d MB\n' $(( $(ps -o rss= -p "$(cat bench-server.pid)") / 1024 ))

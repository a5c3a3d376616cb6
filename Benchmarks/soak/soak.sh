#!/usr/bin/env bash
# Soak (not in CI): SOAK_INVOCATIONS invocations (default 1,000,000) of the load app (EndToEnd.Tests/Apps/LoadApp)
# under LocalHost, SOAK_CONCURRENCY in flight (default 32), with the load test's mix of faults (30% of bodies throw,
# 5% of commits fail). After every batch of 20,000 it clears the app's journal, has the app run a full garbage
# collection, and prints the worker's resident memory and open file descriptors, so a leak shows as a column that
# keeps growing. On SQLite (a file in a temporary folder) unless YIELDDEPS_POSTGRES names a PostgreSQL server.
#   bash Benchmarks/soak/soak.sh                        # one million on SQLite
#   SOAK_INVOCATIONS=100000 bash Benchmarks/soak/soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

total="${SOAK_INVOCATIONS:-1000000}"
concurrency="${SOAK_CONCURRENCY:-32}"
batch=20000
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
work="$(mktemp -d)"
base="http://127.0.0.1:$port/api"
host=""
cleanup() {
  [ -z "$host" ] || { kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${YIELDDEPS_POSTGRES:-}" ]; then
  db="$YIELDDEPS_POSTGRES;Application Name=yielddeps-soak;Minimum Pool Size=0;Maximum Pool Size=40"
else
  db="Data Source=$work/soak.db;Pooling=False;Default Timeout=30"
fi

dotnet build LocalHost/LocalHost.csproj -v:q -nologo >/dev/null
LoadDb="$db" dotnet LocalHost/bin/Debug/net10.0/LocalHost.dll --app EndToEnd.Tests/Apps/LoadApp --port "$port" >"$work/host.log" 2>&1 &
host=$!
for _ in $(seq 1 300); do
  curl -sf "$base/state" -o /dev/null && break
  kill -0 "$host" 2>/dev/null || { cat "$work/host.log" >&2; exit 1; }
  sleep 1
done
worker="$(grep -oE 'started worker [^ ]+ \(pid [0-9]+\)' "$work/host.log" | head -n 1 | grep -oE '[0-9]+\)$' | tr -d ')')"
[ -n "$worker" ] || { echo "no worker pid in LocalHost's output" >&2; exit 1; }

sample() {
  curl -sf -X POST "$base/journal/clear" -o /dev/null
  curl -sf -X POST "$base/gc" -o /dev/null
  local rss fds
  rss="$(awk '/^VmRSS:/ {print $2}' "/proc/$worker/status")"
  fds="$(ls "/proc/$worker/fd" | wc -l)"
  printf '%12s %10s %6s %10s %10s %8s\n' "$1" "$rss" "$fds" "$2" "$3" "$4"
}

echo "soak: $total invocations, $concurrency in flight, on ${YIELDDEPS_POSTGRES:+postgres}${YIELDDEPS_POSTGRES:-sqlite}; worker pid $worker"
printf '%12s %10s %6s %10s %10s %8s\n' invocations rss_kb fds ok failed seconds
sample 0 0 0 0
sent=0 ok=0 failed=0 started=$SECONDS
while [ "$sent" -lt "$total" ]; do
  n=$(( total - sent < batch ? total - sent : batch ))
  : >"$work/urls"
  for i in $(seq "$sent" $(( sent + n - 1 ))); do
    case $(( i % 20 )) in
      0|1|2|3|4|5) fault=body ;;
      6) fault=commit ;;
      *) fault=none ;;
    esac
    printf 'url = "%s/load/s-%07d/%s"\noutput = "/dev/null"\n' "$base" "$i" "$fault" >>"$work/urls"
  done
  codes="$(curl -s --no-progress-meter -Z --parallel-max "$concurrency" -X POST -w '%{http_code}\n' -K "$work/urls" 2>/dev/null)"
  ok=$(( ok + $(grep -c '^200$' <<<"$codes" || true) ))
  failed=$(( failed + $(grep -vc '^200$' <<<"$codes" || true) ))
  sent=$(( sent + n ))
  sample "$sent" "$ok" "$failed" $(( SECONDS - started ))
done

if [ -n "${YIELDDEPS_POSTGRES:-}" ]; then
  # The connection string's Host, Port, Username and Database as psql's key=value pairs.
  conninfo="$(tr ';' '\n' <<<"$YIELDDEPS_POSTGRES" | sed -nE 's/^Host=/host=/p; s/^Port=/port=/p; s/^Username=/user=/p; s/^Database=/dbname=/p' | tr '\n' ' ')"
  echo "sessions of the app idle in transaction: $(psql -Atq "$conninfo" -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'yielddeps-soak' AND state LIKE 'idle in transaction%'")"
fi

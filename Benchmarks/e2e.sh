#!/usr/bin/env bash
# End-to-end benchmark: GET /api/ping against GET /api/ping-deps (three yield dependencies) of BenchmarkApp, built in
# Release and served by LocalHost on loopback, loaded with wrk in alternating rounds. Prints requests per second per
# round, the median of each endpoint and their ratio, and the worker's memory (GC heap after a full collection, and
# resident set) at the first sample past 100,000 and past 200,000 invocations.
#
#   Benchmarks/e2e.sh [--rounds N (6 per endpoint)] [--seconds N (10 per round)] [--connections N (32)] [--port N (7391)]
set -euo pipefail

rounds=6
seconds=10
connections=32
port=7391
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rounds) rounds="$2"; shift 2 ;;
        --seconds) seconds="$2"; shift 2 ;;
        --connections) connections="$2"; shift 2 ;;
        --port) port="$2"; shift 2 ;;
        *) echo "unknown argument $1" >&2; exit 2 ;;
    esac
done

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
host_pid=""
cleanup() {
    if [[ -n "$host_pid" ]] && kill -0 "$host_pid" 2>/dev/null; then
        kill -TERM "$host_pid" 2>/dev/null || true
        wait "$host_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

if ! command -v wrk >/dev/null; then
    echo "wrk is missing: installing it from the distribution's packages" >&2
    if [[ "$(id -u)" == 0 ]]; then
        apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
    else
        sudo apt-get install -y wrk >/dev/null
    fi
fi

echo "building LocalHost (Release) ..." >&2
dotnet build "$root/LocalHost/LocalHost.csproj" -c Release --nologo -v:q -clp:NoSummary >&2

# LocalHost builds the app itself, in Release.
dotnet "$root/LocalHost/bin/Release/net10.0/LocalHost.dll" --app "$root/BenchmarkApp" --configuration Release --port "$port" \
    > "$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 600); do
    grep -q "LocalHost: listening" "$work/host.log" && break
    kill -0 "$host_pid" 2>/dev/null || { cat "$work/host.log" >&2; echo "LocalHost exited" >&2; exit 1; }
    sleep 1
done
grep -q "LocalHost: listening" "$work/host.log" || { cat "$work/host.log" >&2; echo "LocalHost did not start" >&2; exit 1; }

base="http://127.0.0.1:$port/api"
curl -fsS "$base/ping" >/dev/null
curl -fsS "$base/ping-deps" >/dev/null

# wrk's requests per second for one round; non-2xx answers fail the run.
load() {
    local output
    output="$(wrk -t1 -c"$connections" -d"$2"s --latency "$base/$1")"
    if grep -q "Non-2xx" <<<"$output"; then
        echo "$output" >&2
        echo "non-2xx answers from /api/$1" >&2
        exit 1
    fi
    awk '/Requests\/sec:/ { print $2 }' <<<"$output"
}

memory() {
    curl -fsS "$base/memory"
}

echo "warming up ..." >&2
load ping 3 >/dev/null
load ping-deps 3 >/dev/null

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo), $(dotnet --version) SDK; wrk -t1 -c$connections, $seconds s rounds"
echo
echo "| round | endpoint | requests/s |"
echo "|---:|---|---:|"
ping_rates=()
deps_rates=()
samples=()
sample_after_round() {
    local m invocations
    m="$(memory)"
    invocations="$(sed -E 's/.*"invocations":([0-9]+).*/\1/' <<<"$m")"
    samples+=("$invocations $(sed -E 's/.*"gcHeapBytes":([0-9]+).*/\1/' <<<"$m") $(sed -E 's/.*"workingSetBytes":([0-9]+).*/\1/' <<<"$m")")
}
for round in $(seq 1 "$rounds"); do
    # Alternate which endpoint goes first, so a drift of the machine's speed hits both alike.
    if (( round % 2 == 1 )); then order=(ping ping-deps); else order=(ping-deps ping); fi
    for endpoint in "${order[@]}"; do
        rate="$(load "$endpoint" "$seconds")"
        echo "| $round | /api/$endpoint | $rate |"
        if [[ "$endpoint" == ping ]]; then ping_rates+=("$rate"); else deps_rates+=("$rate"); fi
        sample_after_round
    done
done

# Keep loading /api/ping-deps until the worker has served 200,000 invocations, for the second memory sample.
while (( $(cut -d' ' -f1 <<<"${samples[-1]}") < 200000 )); do
    load ping-deps "$seconds" >/dev/null
    sample_after_round
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ping_median="$(median "${ping_rates[@]}")"
deps_median="$(median "${deps_rates[@]}")"
pair_ratios=()
for i in "${!ping_rates[@]}"; do
    pair_ratios+=("$(awk -v d="${deps_rates[$i]}" -v p="${ping_rates[$i]}" 'BEGIN { printf "%.3f", d / p }')")
done
echo
echo "| endpoint | median requests/s |"
echo "|---|---:|"
echo "| /api/ping | $ping_median |"
echo "| /api/ping-deps | $deps_median |"
echo
echo "ratio of medians ping-deps / ping: $(awk -v d="$deps_median" -v p="$ping_median" 'BEGIN { printf "%.3f", d / p }')"
echo "ratio per round (same round, adjacent): ${pair_ratios[*]}; median $(median "${pair_ratios[@]}")"
echo
echo "| sample | invocations | GC heap after full collection (bytes) | resident set (bytes) |"
echo "|---|---:|---:|---:|"
for threshold in 100000 200000; do
    for s in "${samples[@]}"; do
        read -r invocations heap rss <<<"$s"
        if (( invocations >= threshold )); then
            echo "| first past $threshold | $invocations | $heap | $rss |"
            break
        fi
    done
done

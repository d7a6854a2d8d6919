#!/usr/bin/env bash
# Throughput of GET /orders/api/orders with zt and with zt removed, side by side in one run.
#
#   example-app/load/run.sh            (after: mvn -B -q -pl example-app/launcher -am package -DskipTests)
#
# Starts two launcher processes on loopback: "zt" (normal) and "baseline" (ZT_EXAMPLE_BASELINE=unverified:
# the same WARs, container and data, zt-filter's initializer not run, the bearer token's claims read
# WITHOUT verification; benchmark only). Seeds both alike through the API (ORDERS orders per tenant,
# each with the tenant's token), mints one token per tenant per variant and reuses it for the whole
# measured series (re-minted for both alike only if a block would outlive it), warms both up, then
# alternates wrk blocks (zt, baseline, zt, baseline, ...) so that background noise hits both, and
# prints requests/s and p99 per block, the medians and the ratio zt/baseline.
#
# Settings (environment): DURATION (s per block, 25), WARMUP (s per variant, 15), ROUNDS (pairs, 3),
# THREADS (1), CONNECTIONS (16), TENANTS (4), ORDERS (per tenant, 10), ZT_PORT (18181),
# BASE_PORT (18182), JAVA_OPTS (''), JAR (example-app/launcher/target/zt-example.jar),
# BASELINE: "unverified" (default: the claims are decoded and parsed on every request) or
# "unverified-cached" (parsed once per token string, then a map lookup: the floor of any handling),
# LOGS_DIR (unset: the launchers' logs are deleted with the run; set: copied there at the end).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$here/../launcher/target/zt-example.jar}
DURATION=${DURATION:-25}
WARMUP=${WARMUP:-15}
ROUNDS=${ROUNDS:-3}
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-16}
TENANTS=${TENANTS:-4}
ORDERS=${ORDERS:-10}
ZT_PORT=${ZT_PORT:-18181}
BASE_PORT=${BASE_PORT:-18182}
BASELINE=${BASELINE:-unverified}
case $BASELINE in unverified|unverified-cached) ;; *) echo "BASELINE must be unverified or unverified-cached" >&2; exit 2;; esac
TOKEN_LIFETIME=300   # the development issuer's user tokens

command -v wrk >/dev/null || { echo "wrk is required (apt-get install -y wrk)" >&2; exit 2; }
[ -f "$JAR" ] || { echo "$JAR is missing: mvn -B -q -pl example-app/launcher -am package -DskipTests" >&2; exit 2; }

work=$(mktemp -d /tmp/zt-load.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -n "${LOGS_DIR:-}" ]; then mkdir -p "$LOGS_DIR" && cp "$work"/*.log "$LOGS_DIR"/ 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT INT TERM

# start VARIANT PORT [env...]: the launcher as its own process, on loopback
start() {
  local variant=$1 port=$2; shift 2
  env "$@" HOST=127.0.0.1 PORT="$port" java ${JAVA_OPTS:-} -jar "$JAR" >"$work/$variant.log" 2>&1 &
  pids+=($!)
  pid_of[$variant]=$!
}
declare -A pid_of
start zt "$ZT_PORT" -u ZT_EXAMPLE_BASELINE
start baseline "$BASE_PORT" ZT_EXAMPLE_BASELINE="$BASELINE"
for variant in zt baseline; do
  for _ in $(seq 120); do
    grep -q '^zt example started' "$work/$variant.log" && break
    kill -0 "${pid_of[$variant]}" 2>/dev/null || break
    sleep 1
  done
  grep -q '^zt example started' "$work/$variant.log" || { echo "$variant did not start:" >&2; tail -30 "$work/$variant.log" >&2; exit 1; }
done
grep -q 'BASELINE: NO TOKEN VERIFICATION' "$work/zt.log" && { echo "the zt variant runs as baseline" >&2; exit 1; }
grep -q 'BASELINE: NO TOKEN VERIFICATION' "$work/baseline.log" || { echo "the baseline variant has no banner" >&2; exit 1; }
issuer() { grep -o 'issuer    http://[^ ]*' "$work/$1.log" | head -1 | awk '{print $2}'; }
port() { [ "$1" = zt ] && echo "$ZT_PORT" || echo "$BASE_PORT"; }

# mint VARIANT: one user token per tenant from that variant's development issuer (same claims for both)
mint() {
  local variant=$1 iss tokens="" t
  iss=$(issuer "$variant")
  for t in $(seq "$TENANTS"); do
    tokens+=$(curl -fsS -H 'Accept: text/plain' --data-urlencode "subject=user-$t" --data-urlencode "tenant=tenant-$t" \
      --data-urlencode 'scope=orders:read orders:write' --data-urlencode 'audience=orders-service' "$iss/dev/tokens")" "
  done
  echo "$tokens"
}
declare -A TOKENS MINTED
mint_both() {
  for variant in zt baseline; do TOKENS[$variant]=$(mint "$variant"); MINTED[$variant]=$(date +%s); done
}

# seed both alike, then check each tenant sees exactly its ORDERS orders on both
mint_both
for variant in zt baseline; do
  url="http://127.0.0.1:$(port "$variant")/orders/api/orders"
  for token in ${TOKENS[$variant]}; do
    for _ in $(seq "$ORDERS"); do
      curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        -d '{"item":"sku-1","quantity":1}' "$url"
    done
    count=$(curl -fsS -H "Authorization: Bearer $token" "$url" | grep -o '"id":' | wc -l)
    [ "$count" -eq "$ORDERS" ] || { echo "$variant: a tenant sees $count orders, expected $ORDERS" >&2; exit 1; }
  done
done
# and that the baseline really is "zt removed": an unsigned token is refused by zt, accepted by the baseline
forged="eyJhbGciOiJub25lIn0.$(printf '{"sub":"user-1","tenant":"tenant-1","scope":"orders:read","iat":%d,"exp":%d}' \
  "$(date +%s)" $(( $(date +%s) + 300 )) | base64 -w0 | tr '+/' '-_' | tr -d '=')."
zt_forged=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $forged" "http://127.0.0.1:$ZT_PORT/orders/api/orders")
base_forged=$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $forged" "http://127.0.0.1:$BASE_PORT/orders/api/orders")
[ "$zt_forged" = 401 ] && [ "$base_forged" = 200 ] \
  || { echo "unexpected: unsigned token zt=$zt_forged baseline=$base_forged (expected 401/200)" >&2; exit 1; }

# block VARIANT SECONDS: one wrk run; prints its RESULT line
block() {
  local variant=$1 seconds=$2 age
  age=$(( $(date +%s) - ${MINTED[$variant]} ))
  if [ $(( age + seconds + 20 )) -ge "$TOKEN_LIFETIME" ]; then mint_both; fi
  TOKENS="${TOKENS[$variant]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 5s \
    -s "$here/orders.lua" "http://127.0.0.1:$(port "$variant")/orders/api/orders" | grep '^RESULT'
}

echo "# $(date -u +%FT%TZ)  nproc=$(nproc)  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "# baseline: ZT_EXAMPLE_BASELINE=$BASELINE; java: $(java -version 2>&1 | head -1)  wrk -t$THREADS -c$CONNECTIONS, ${DURATION}s blocks, $ROUNDS rounds, $TENANTS tenants x $ORDERS orders"
echo "# before warm-up: $(uptime)"
mint_both   # the tokens of the measured series: minted once, reused
block zt "$WARMUP" >/dev/null
block baseline "$WARMUP" >/dev/null
results=$work/results
: >"$results"
for round in $(seq "$ROUNDS"); do
  for variant in zt baseline; do
    line=$(block "$variant" "$DURATION")
    echo "$round $variant $line" >>"$results"
    case $line in *" errors=0 "*) ;; *) echo "# round $round $variant: $line" >&2;; esac
    echo "# round $round $variant done: $(uptime | sed 's/.*load average/load average/')" >&2
  done
done
echo "# after: $(uptime)"

awk '
  function median(a, n,   i, j, t) {
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  {
    for (f = 3; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
    printf "| %d | %-8s | %9.0f | %8.2f | %8.2f | %9d | %6d |\n", $1, $2, v["rps"], v["p50_ms"], v["p99_ms"], v["requests"], v["errors"]
    k = $2; c[k]++; rps[k, c[k]] = v["rps"]; p99[k, c[k]] = v["p99_ms"]; err[k] += v["errors"]
    if (!(k in lo) || v["rps"] < lo[k]) lo[k] = v["rps"]; if (!(k in hi) || v["rps"] > hi[k]) hi[k] = v["rps"]
  }
  BEGIN {
    print "| round | variant  | requests/s | p50 ms | p99 ms | requests | errors |"
    print "|---|---|---:|---:|---:|---:|---:|"
  }
  END {
    for (k in c) { for (i = 1; i <= c[k]; i++) { r[i] = rps[k, i]; q[i] = p99[k, i] } mr[k] = median(r, c[k]); mq[k] = median(q, c[k]) }
    print ""
    print "| variant | median requests/s | range requests/s | median p99 ms | errors |"
    print "|---|---:|---:|---:|---:|"
    printf "| zt | %.0f | %.0f-%.0f | %.2f | %d |\n", mr["zt"], lo["zt"], hi["zt"], mq["zt"], err["zt"]
    printf "| baseline (zt removed, %s) | %.0f | %.0f-%.0f | %.2f | %d |\n", mode, mr["baseline"], lo["baseline"], hi["baseline"], mq["baseline"], err["baseline"]
    printf "\nzt/baseline throughput (medians): %.2fx (target >= 0.80x); p99 zt/baseline: %.2fx\n", mr["zt"] / mr["baseline"], mq["zt"] / mq["baseline"]
  }' mode="$BASELINE" "$results"

-- wrk script for example-app/load/run.sh: GET the orders list, rotating among the tenants' bearer
-- tokens (TOKENS: space-separated, minted once per block pair and reused, as real clients cache them).
-- The requests are formatted once, in init; done() prints one machine-readable line.
local requests = {}
local n = 0
local i = 0

function init(args)
  local path = os.getenv("ORDERS_PATH") or "/orders/api/orders"
  for token in string.gmatch(os.getenv("TOKENS") or "", "%S+") do
    n = n + 1
    requests[n] = wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
  end
  if n == 0 then
    error("TOKENS is empty")
  end
  i = math.random(n) - 1
end

function request()
  i = i % n + 1
  return requests[i]
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read
      + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d"
    .. " status=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad,
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end

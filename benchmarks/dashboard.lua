-- wrk script for benchmarks/dashboard.py: each request takes the next path of
-- DASHBOARD_PADEN (space-separated), with the Cookie header DASHBOARD_COOKIE if
-- given (the uncached case: a session cookie keeps the page cache out). done()
-- prints one line of JSON with the counts (non-200 answers, socket errors, pages
-- rendered because the page cache missed: X-Cache: miss) and latency percentiles in ms.

local paden = {}
for p in string.gmatch(os.getenv("DASHBOARD_PADEN") or "/", "%S+") do table.insert(paden, p) end
local cookie = os.getenv("DASHBOARD_COOKIE") or ""
local draden = {}
local i = 0
fouten = 0
gemist = 0

function setup(thread)
  table.insert(draden, thread)
end

function init(args)
  i = math.random(0, #paden - 1)
end

function request()
  i = (i % #paden) + 1
  local kop = { ["Host"] = "127.0.0.1" }
  if cookie ~= "" then kop["Cookie"] = cookie end
  return wrk.format("GET", paden[i], kop)
end

function response(status, headers, body)
  if status ~= 200 then fouten = fouten + 1 end
  if headers["X-Cache"] == "miss" then gemist = gemist + 1 end
end

function done(summary, latency, requests)
  local totaal, missers = 0, 0
  for _, t in ipairs(draden) do
    totaal = totaal + t:get("fouten")
    missers = missers + t:get("gemist")
  end
  local e = summary.errors
  io.write(string.format(
    '{"verzoeken": %d, "seconden": %.3f, "fouten_status": %d, "fouten_socket": %d, "cache_gemist": %d, "p50_ms": %.2f, "p90_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration / 1e6, totaal, e.connect + e.read + e.write + e.timeout, missers,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

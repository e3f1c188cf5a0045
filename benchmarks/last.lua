-- wrk scenario for benchmarks/last.py: a mix of public pages, the public and the
-- staff API and logged-in staff pages. Each connection takes the next path of the
-- list; staff paths carry the session cookie or the API token given in the
-- environment. done() prints one line of JSON with the counts and percentiles.

local paden = {}
local sessie = os.getenv("LAST_SESSIE") or ""
local token = os.getenv("LAST_TOKEN") or ""

local publiek = { "/", "/activiteiten/", "/ministeries/", "/grafieken/", "/open-data/", "/activiteiten/?q=basis",
                  "/api/v1/publiek/kerncijfers/", "/api/v1/publiek/activiteiten/", "/api/v1/publiek/ministeries/" }
local staf = { "/werk/", "/portfolio/", "/portfolio/publicatie/", "/oordelen/" }
local api = { "/api/v1/activiteiten/", "/api/v1/versies/" }

for _, p in ipairs(publiek) do table.insert(paden, { p, "" }) end
for _, p in ipairs(staf) do table.insert(paden, { p, "sessie" }) end
for _, p in ipairs(api) do table.insert(paden, { p, "token" }) end

local draden = {}
local i = 0
-- Globals: done() reads them per thread with thread:get().
fouten = 0
f429 = 0
finlog = 0
f5xx = 0

function setup(thread)
  table.insert(draden, thread)
end

function init(args)
  i = math.random(1, #paden)
end

function request()
  i = (i % #paden) + 1
  local p = paden[i]
  local kop = { ["Host"] = "127.0.0.1" }
  if p[2] == "sessie" then kop["Cookie"] = "sessionid=" .. sessie end
  if p[2] == "token" then kop["Authorization"] = "Token " .. token end
  return wrk.format("GET", p[1], kop)
end

function response(status, headers, body)
  -- A staff page that answers with a redirect to the log-in is an error too.
  if status >= 400 or (status >= 300 and headers["Location"] and string.find(headers["Location"], "inloggen")) then
    fouten = fouten + 1
    if status == 429 then f429 = f429 + 1 elseif status >= 500 then f5xx = f5xx + 1 elseif status < 400 then finlog = finlog + 1 end
  end
end

function done(summary, latency, requests)
  local totaal_fouten, n429, ninlog, n5xx = 0, 0, 0, 0
  for _, t in ipairs(draden) do
    totaal_fouten = totaal_fouten + t:get("fouten")
    n429, ninlog, n5xx = n429 + t:get("f429"), ninlog + t:get("finlog"), n5xx + t:get("f5xx")
  end
  local e = summary.errors
  io.write(string.format(
    '{"verzoeken": %d, "seconden": %.1f, "fouten_status": %d, "te_vaak_429": %d, "naar_inloggen": %d, "serverfout_5xx": %d, "fouten_socket": %d, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "max_ms": %.1f}\n',
    summary.requests, summary.duration / 1e6, totaal_fouten, n429, ninlog, n5xx, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end

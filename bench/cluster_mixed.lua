-- wrk script for the mixed load on the local cluster (bench/cluster.sh):
-- 80 % cached pages, 15 % uncached (a session cookie makes the page cache pass them to the
-- app servers), 5 % search. Counts 5xx and 429 per thread and prints them at the end.
local cached = {
  "/en/",
  "/en/media-center/news/",
  "/en/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/",
  "/en/business/industrial-parks/wuxi-singapore-industrial-park/",
  "/en/about/",
  "/en/business/key-industries/integrated-circuits/",
  "/zh/",
  "/ja/media-center/news/",
}
local queries = { "park", "SK+Hynix", "semiconductor", "investment", "Wuxi", "policy" }
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1e6))
  server_errors = 0
  limited = 0
end

function request()
  local roll = math.random(100)
  if roll <= 80 then
    return wrk.format("GET", cached[math.random(#cached)])
  elseif roll <= 95 then
    return wrk.format("GET", cached[math.random(#cached)], { ["Cookie"] = "sessionid=bench" })
  else
    return wrk.format("GET", "/en/search/?q=" .. queries[math.random(#queries)])
  end
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1 end
  if status == 429 then limited = limited + 1 end
end

function done(summary, latency, requests)
  local errors, rate_limited = 0, 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
    rate_limited = rate_limited + thread:get("limited")
  end
  io.write(string.format("MIXED 5xx=%d 429=%d requests=%d p50=%.2fms p99=%.2fms max=%.2fms\n",
    errors, rate_limited, summary.requests, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end

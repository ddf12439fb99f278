-- wrk script: each request looks up one query of QUERIES (one per line), in turn per thread,
-- with the bearer token TOKEN. Usage: QUERIES=q.txt TOKEN=… wrk -s wrk-lookup.lua http://host:port
local queries = {}
local token = os.getenv("TOKEN") or ""
local minimum = os.getenv("MIN") or "50"

local function encode(text)
  return (text:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

for line in io.lines(os.getenv("QUERIES")) do
  if #line > 0 then queries[#queries + 1] = "/v1/lookup?min=" .. minimum .. "&n=5&q=" .. encode(line) end
end

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("offset", counter * 97)
end

local index = 0
function request()
  index = index + 1
  local path = queries[((index + offset) % #queries) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

function done(summary, latency, requests)
  local p = function(q) return latency:percentile(q) / 1000.0 end
  io.write(string.format('{"requests": %d, "seconds": %.2f, "per_second": %.1f, "p50_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, "errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), p(50), p(99), latency.max / 1000.0,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end

-- wrk script of the click pipeline bench (run with -t1): exactly BENCH_CLICKS shopper clicks on /BENCH_CODE,
-- then only health checks (not clicks) on the connections still open, until every click has been answered
-- with a 302; then the thread stops. wrk's -d stays the time bound.
local code = os.getenv("BENCH_CODE")
local quota = tonumber(os.getenv("BENCH_CLICKS"))
sent, redirected = 0, 0
-- wrk calls request() once on the first thread's state to verify the script, before any connection
-- exists; that request is never sent, so it must not count as a click (run with -t1: one thread).
verified = false
wrk.headers["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
wrk.headers["Accept-Language"] = "en-US,en;q=0.9"

local threads = {}
setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  if not verified then
    verified = true
    return wrk.format("GET", "/" .. code .. "?gclid=bench")
  end
  if sent < quota then
    sent = sent + 1
    return wrk.format("GET", "/" .. code .. "?gclid=bench")
  end
  return wrk.format("GET", "/q/health/live")
end

response = function(status, headers, body)
  if status == 302 then
    redirected = redirected + 1
    if redirected >= quota then
      wrk.thread:stop()
    end
  end
end

done = function(summary, latency, requests)
  for _, t in ipairs(threads) do
    io.write(string.format("clicks sent %d, redirected %d\n", t:get("sent"), t:get("redirected")))
  end
end

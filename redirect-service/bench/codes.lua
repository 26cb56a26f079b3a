-- one request per random code among the loaded links, with a tracking parameter to merge.
-- BENCH_DELAY_MS > 0 makes each connection wait that long after every answer (wrk's delay hook), so a
-- chosen number of connections offers a bounded rate: the "p99 at half of peak" run of bench/run.sh.
local n = tonumber(os.getenv("BENCH_LINKS") or "1000")
local pause = tonumber(os.getenv("BENCH_DELAY_MS") or "0")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/b" .. math.random(0, n - 1) .. "?gclid=Cj0KCQiA&fbclid=x")
end
if pause > 0 then
  delay = function()
    return pause
  end
end

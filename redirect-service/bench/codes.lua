-- one request per random code among the loaded links, with a tracking parameter to merge
local n = tonumber(os.getenv("BENCH_LINKS") or "1000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/b" .. math.random(0, n - 1) .. "?gclid=Cj0KCQiA&fbclid=x")
end

-- wrk script: GET a path picked at random from the file named by $PATHS_FILE (one per line),
-- so a read benchmark touches many records (as real traffic does) instead of one hot row.
-- Every answer must be 200: any other status is counted and fails bench/run.sh.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
assert(#paths > 0, "no paths in " .. tostring(os.getenv("PATHS_FILE")))
wrk.headers["Cookie"] = os.getenv("COOKIE")
math.randomseed(os.time())

request = function()
  return wrk.format("GET", paths[math.random(#paths)])
end

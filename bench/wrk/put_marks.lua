-- wrk script: judges mark entries (PUT /api/v1/judging/{entry}). $MARKS_FILE holds one line per
-- (judge, entry) the judge is assigned: "cookie<TAB>csrf<TAB>entry_id"; each request picks a
-- line at random and sends marks drawn per request, so many judges revise many rows at once
-- (each a committed row and its audit entry). Every answer must be 2xx.
local lines = {}
for line in io.lines(os.getenv("MARKS_FILE")) do
  local cookie, csrf, entry = line:match("^([^\t]+)\t([^\t]+)\t(%d+)$")
  if entry then lines[#lines + 1] = { cookie, csrf, entry } end
end
assert(#lines > 0, "no lines in " .. tostring(os.getenv("MARKS_FILE")))
math.randomseed(os.time())

request = function()
  local l = lines[math.random(#lines)]
  -- 35/35/30 sheet, in halves of a point (centi-points).
  local body = string.format('{"marks":{"quality":%d,"safety":%d,"innovation":%d}}',
    math.random(40, 70) * 50, math.random(40, 70) * 50, math.random(36, 60) * 50)
  return wrk.format("PUT", "/api/v1/judging/" .. l[3], {
    ["Content-Type"] = "application/json",
    ["Cookie"] = l[1],
    ["X-CSRF-Token"] = l[2],
  }, body)
end

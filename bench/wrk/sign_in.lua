-- wrk script: workers signing in on the portal, as many different people from many places.
-- MODE=code asks for a sign-in code (POST /api/v1/portal/sign-in/code: a code drawn, hashed,
-- stored and queued for SMS, committed before the 202); MODE=verify signs in with a code for a
-- phone that was never sent one (POST /api/v1/portal/session: the same work as a wrong code,
-- answered 401). Each request has its own phone and every 20 requests their own address (sent
-- as X-Forwarded-For to a server run with --trust-proxy), so no per-phone or per-address
-- throttle is reached: the figure is the cost of the work, not of the refusals.
local mode = os.getenv("MODE") or "code"
-- Each wrk run of the script has its own RUN number (0..9), so no phone or address of one run
-- comes back in the next (a phone gets one code a minute).
local run = tonumber(os.getenv("RUN") or "0")
local threads = 0
local count = 0

function setup(thread)
  thread:set("thread_id", threads) -- a global of that thread's Lua state
  threads = threads + 1
end

function request()
  count = count + 1
  local n = run * 10000000 + (thread_id or 0) * 1000000 + count
  local phone = string.format("139%08d", n % 100000000)
  local a = math.floor(n / 20)
  local address = string.format("10.%d.%d.%d", math.floor(a / 65536) % 256, math.floor(a / 256) % 256, a % 256)
  local headers = { ["Content-Type"] = "application/json", ["X-Forwarded-For"] = address }
  if mode == "verify" then
    return wrk.format("POST", "/api/v1/portal/session", headers,
      '{"phone":"' .. phone .. '","code":"123456"}')
  end
  return wrk.format("POST", "/api/v1/portal/sign-in/code", headers, '{"phone":"' .. phone .. '"}')
end

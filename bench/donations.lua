-- Donations through POST /api/v1/donations, as a payment channel reports them on 99 Giving Day, for
-- bench/donations.sh:
--   wrk -s bench/donations.lua -H "Authorization: Bearer TOKEN" URL/api/v1/donations -- CAMPAIGN RETRY_EVERY
-- Each request carries a fresh Idempotency-Key (CAMPAIGN-THREAD-N) and an amount with cents that
-- follows from the key; every RETRY_EVERY-th request instead repeats one of the thread's 16 latest
-- keys with the same body, as a channel retries a report whose answer it lost (the first may still
-- be in flight). The donor's name is the key, so that a 201 says which key it acknowledges: answers
-- arrive on any of the thread's connections, in no particular order.
--
-- done() prints, per thread, a line "donations" with the keys sent, the distinct keys acknowledged
-- with 201 and the sum of their amounts in cents (integers: exact), the retries, the answers marked
-- Idempotent-Replayed, the answers other than 201 and those naming no key of the thread; then a line
-- "unanswered" with the key, cents and body of each key that got no 201, for the script to send again.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local function cents(tid, n)
  return 100 + (n * 7919 + tid * 104729) % 99900
end

-- The key and body of a thread's N-th key: the same every time it is sent.
local function donation(campaign, tid, n)
  local key = string.format("%s-%d-%d", campaign, tid, n)
  local c = cents(tid, n)
  return key, string.format('{"campaign":"%s","amount":"%d.%02d","donorName":"%s","anonymous":%s}',
    campaign, math.floor(c / 100), c % 100, key, tostring(n % 10 == 0))
end

function init(args)
  campaign = args[1]
  retry_every = tonumber(args[2])
  requests, keys, retries = 0, 0, 0
  acked, acked_keys, acked_cents = {}, 0, 0
  replayed, failed, unmatched, statuses = 0, 0, 0, {}
end

function request()
  requests = requests + 1
  local n
  if retry_every > 0 and requests % retry_every == 0 and keys > 0 then
    n = math.max(1, keys - math.floor(requests / retry_every) % 16)
    retries = retries + 1
  else
    keys = keys + 1
    n = keys
  end
  local key, body = donation(campaign, id, n)
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = key
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 201 then
    failed = failed + 1
    statuses[status] = (statuses[status] or 0) + 1
    return
  end
  if headers["Idempotent-Replayed"] == "true" then
    replayed = replayed + 1
  end
  local tid, n = string.match(body, '"donorName":"[^"]-%-(%d+)%-(%d+)"')
  tid, n = tonumber(tid), tonumber(n)
  if tid ~= id or not n or n > keys then
    unmatched = unmatched + 1
  elseif not acked[n] then
    acked[n] = true
    acked_keys = acked_keys + 1
    acked_cents = acked_cents + cents(id, n)
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    local tid, sent, acked = thread:get("id"), thread:get("keys"), thread:get("acked")
    local codes = {}
    for status, count in pairs(thread:get("statuses")) do
      table.insert(codes, status .. ":" .. count)
    end
    io.write(string.format(
      "donations\tthread=%d\tkeys=%d\tacked_keys=%d\tacked_cents=%.0f\tretries=%d\treplayed=%d\tfailed=%d\tunmatched=%d\tstatuses=%s\n",
      tid, sent, thread:get("acked_keys"), thread:get("acked_cents"), thread:get("retries"), thread:get("replayed"),
      thread:get("failed"), thread:get("unmatched"), table.concat(codes, ",")))
    for n = 1, sent do
      if not acked[n] then
        local key, body = donation(thread:get("campaign"), tid, n)
        io.write(string.format("unanswered\t%s\t%d\t%s\n", key, cents(tid, n), body))
      end
    end
  end
end

-- Airlock quotas: every counter of a request is checked and changed in one atomic step.
--
-- ARGV[1] is the operation.
--
-- reserve
--   KEYS[1] pending reservations (sorted set: reservation key -> deadline)
--   KEYS[2] this request's reservation (hash: counter key -> amount reserved)
--   KEYS[3] the application's runaway state (hash: b = baseline requests/minute,
--           n = active minutes seen, m = current minute, c = requests in it)
--   KEYS[4] the application's block flag (set when a runaway tripped)
--   KEYS[5..] counters
--   ARGV[2] now (unix seconds)   ARGV[3] deadline of this reservation (unix seconds)
--   ARGV[4] relative runaway check on (1/0)   ARGV[5] current minute number
--   ARGV[6] factor   ARGV[7] minimum requests/minute   ARGV[8] absolute requests/minute (0: off)
--   ARGV[9] EWMA weight of the newest minute   ARGV[10] block seconds   ARGV[11] state ttl seconds
--   then for each counter: amount, limit (-1: none), seconds until it may expire
--   Returns {status, a, b, c}:
--     {0, requests this minute, 0, 0}               reserved
--     {1, index of the counter, its value, 0}       refused: that counter would pass its limit
--     {2, 0, 0, 0}                                  refused: the application is blocked (runaway)
--     {3, requests this minute, threshold, baseline x 1000}   refused: this request tripped it
--
-- settle
--   KEYS[1] pending   KEYS[2] the reservation   KEYS[3..] counters (as reserved)
--   ARGV[2..] the actual amount of each counter (0 for all: release)
--   Applies actual - reserved to each counter that still exists. If the reservation was
--   already swept (its worker was presumed dead and it was released), the actual amounts
--   are added in full. Returns 1 if the reservation was still pending, else 0.
--
-- Counters are fixed windows: the key names the window, and the key expires a little after
-- the window ends. A counter that no longer exists is never recreated by settle/sweep.

local op = ARGV[1]

local function sweep(pending, now)
  -- Reservations whose deadline passed belong to requests whose worker died: give back what
  -- they hold. Bounded per call so no single request pays for a large backlog.
  local expired = redis.call('ZRANGEBYSCORE', pending, '-inf', now, 'LIMIT', 0, 20)
  for _, res in ipairs(expired) do
    local held = redis.call('HGETALL', res)
    for i = 1, #held, 2 do
      local amount = tonumber(held[i + 1])
      if amount ~= 0 and redis.call('EXISTS', held[i]) == 1 then
        redis.call('DECRBY', held[i], amount)
      end
    end
    redis.call('DEL', res)
    redis.call('ZREM', pending, res)
  end
end

if op == 'reserve' then
  local now = tonumber(ARGV[2])
  sweep(KEYS[1], now)
  if redis.call('EXISTS', KEYS[4]) == 1 then
    return {2, 0, 0, 0}
  end

  local relative = ARGV[4] == '1'
  local minute = tonumber(ARGV[5])
  local factor = tonumber(ARGV[6])
  local minimum = tonumber(ARGV[7])
  local absolute = tonumber(ARGV[8])
  local count = 0
  if relative or absolute > 0 then
    local state = redis.call('HMGET', KEYS[3], 'b', 'n', 'm', 'c')
    local base = tonumber(state[1]) or 0
    local seen = tonumber(state[2]) or 0
    local current = tonumber(state[3])
    count = tonumber(state[4]) or 0
    if current ~= minute then
      if current ~= nil and count > 0 then
        -- Fold the last active minute into the baseline; idle minutes are not "normal".
        if seen == 0 then
          base = count
        else
          local alpha = tonumber(ARGV[9])
          base = alpha * count + (1 - alpha) * base
        end
        seen = seen + 1
      end
      count = 0
    end
    count = count + 1
    redis.call('HSET', KEYS[3], 'b', string.format('%.4f', base), 'n', seen, 'm', minute, 'c', count)
    redis.call('EXPIRE', KEYS[3], tonumber(ARGV[11]))
    local threshold = -1
    if relative then
      threshold = math.max(factor * base, minimum)
    end
    if absolute > 0 and (threshold < 0 or absolute < threshold) then
      threshold = absolute
    end
    if threshold >= 0 and count > threshold then
      redis.call('SET', KEYS[4], '1', 'EX', tonumber(ARGV[10]))
      return {3, count, math.floor(threshold), math.floor(base * 1000)}
    end
  end

  local n = #KEYS - 4
  for i = 1, n do
    local limit = tonumber(ARGV[11 + 3 * i - 1])
    if limit >= 0 then
      local amount = tonumber(ARGV[11 + 3 * i - 2])
      local value = tonumber(redis.call('GET', KEYS[4 + i]) or '0')
      if value + amount > limit then
        return {1, i, value, 0}
      end
    end
  end
  for i = 1, n do
    local key = KEYS[4 + i]
    local amount = tonumber(ARGV[11 + 3 * i - 2])
    redis.call('INCRBY', key, amount)
    redis.call('EXPIRE', key, tonumber(ARGV[11 + 3 * i]))
    redis.call('HSET', KEYS[2], key, amount)
  end
  if n > 0 then
    redis.call('ZADD', KEYS[1], tonumber(ARGV[3]), KEYS[2])
  end
  return {0, count, 0, 0}
end

if op == 'settle' then
  local live = redis.call('ZREM', KEYS[1], KEYS[2])
  for i = 3, #KEYS do
    local key = KEYS[i]
    local actual = tonumber(ARGV[i - 1])
    local reserved = 0
    if live == 1 then
      reserved = tonumber(redis.call('HGET', KEYS[2], key) or '0')
    end
    local delta = actual - reserved
    if delta ~= 0 and redis.call('EXISTS', key) == 1 then
      redis.call('INCRBY', key, delta)
    end
  end
  redis.call('DEL', KEYS[2])
  return live
end

return redis.error_reply('unknown operation ' .. tostring(op))

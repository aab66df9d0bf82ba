-- POST /cohorts/{c}/activities/{a}/completion, each request a new (learner, activity) pair: every one is a real insert.
-- WRITES_FILE: lines "cohortId activityId token" (from the seeder); WRITES_FROM/WRITES_TO: the 1-based line range to use.
-- WRK_THREADS: wrk's -t. Threads take every n-th line of the range; a thread stops when its lines are used up (wrk then
-- divides what was done by the whole duration: run.sh marks that figure as a lower bound).
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "1")
  lines = {}
  local from, to = tonumber(os.getenv("WRITES_FROM") or "1"), tonumber(os.getenv("WRITES_TO") or "1000000")
  local n = 0
  for line in io.lines(os.getenv("WRITES_FILE")) do
    n = n + 1
    if n >= from and n <= to and (n - from) % nthreads == id then
      table.insert(lines, line)
    end
  end
  next_line = 1
  exhausted = 0
end

function request()
  local line = lines[next_line] or lines[#lines]
  if next_line > #lines then
    exhausted = 1
    wrk.thread:stop()
  end
  next_line = next_line + 1
  local cohort, activity, token = line:match("(%S+) (%S+) (%S+)")
  return wrk.format("POST", "/api/v1/cohorts/" .. cohort .. "/activities/" .. activity .. "/completion", { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" })
end

-- run.sh reads this line: when a thread ran out of pairs, the rate printed by wrk is a lower bound.
function done(summary, latency, requests)
  for _, thread in ipairs(threads) do
    if thread:get("exhausted") == 1 then
      io.write("bench: pairs exhausted\n")
      return
    end
  end
end

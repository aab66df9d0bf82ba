-- POST /assignments/{a}/submissions with a text, round robin over the writers: the assignment takes resubmissions, so
-- every request is a new attempt, a real insert (and its SubmissionReceived in the outbox), and the writers never run out.
-- SUBMIT_FILE: lines "assignmentId token" (from the seeder). WRK_THREADS: wrk's -t; threads take every n-th line.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  local nthreads = tonumber(os.getenv("WRK_THREADS") or "1")
  lines = {}
  local n = 0
  for line in io.lines(os.getenv("SUBMIT_FILE")) do
    if n % nthreads == id then
      table.insert(lines, line)
    end
    n = n + 1
  end
  next_line = 1
end

function request()
  local line = lines[next_line]
  next_line = next_line % #lines + 1
  local assignment, token = line:match("(%S+) (%S+)")
  return wrk.format("POST", "/api/v1/assignments/" .. assignment .. "/submissions",
    { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, '{"text":"Today I learnt **three** things about pipelines."}')
end

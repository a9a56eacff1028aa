-- ServeLoadBench, job creation: POST /api/get-youtube-frame/ with the bearer token (wrk args: token).
-- Every link is distinct (thread number and counter) and points at the closed port 9 on the loopback,
-- so the worker fails it at once without traffic beyond this machine.
local threads = 0

function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

function init(args)
  token = args[1]
  n = 0
end

function request()
  n = n + 1
  local body = '{"youtube_url":"http://127.0.0.1:9/never-' .. tid .. '-' .. n .. '.mp4"}'
  return wrk.format("POST", nil, {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

-- ServeLoadBench, job polling: GET /api/jobs/<id>/ cycling over the given ids (wrk args: token, ids comma-separated).
function init(args)
  token = args[1]
  ids = {}
  for id in string.gmatch(args[2], "%d+") do
    ids[#ids + 1] = id
  end
  i = 0
end

function request()
  i = i % #ids + 1
  return wrk.format("GET", "/api/jobs/" .. ids[i] .. "/", {["Authorization"] = "Bearer " .. token})
end

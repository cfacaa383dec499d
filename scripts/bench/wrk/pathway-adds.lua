-- wrk script of scripts/bench/pathway.sh: POST /pathway/traces, one new trace per request (a counter
-- in the content). A refused add shows as "Non-2xx or 3xx responses" in wrk's report, which the bench checks.
local counter = 0
request = function()
  counter = counter + 1
  local body = '{"content":{"note":"forklift shift ' .. counter .. ' at dock ' .. (counter % 17) .. '","worker":' .. counter .. '},"tags":["bench"]}'
  return wrk.format("POST", "/pathway/traces", {["Content-Type"] = "application/json"}, body)
end

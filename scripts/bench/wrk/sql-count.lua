-- wrk script of scripts/bench/gateway.sh: POST a SQL statement (SQL_PATH, SQL_BODY from the
-- environment) on every request; a failed statement shows as "Non-2xx or 3xx responses", which the
-- bench checks.
local path = os.getenv("SQL_PATH")
local body = os.getenv("SQL_BODY")
request = function()
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end

# Shared helpers for the smoke scripts: source it, never run it.
# Every smoke talks HTTP to a fleet booted by `./lakehouse up`; it creates what it needs under
# names of its own (prefix smoke_) and leaves the fleet running.

set -euo pipefail

LH_GATEWAY=${LH_GATEWAY:-http://127.0.0.1:3110}
SMOKE_NAME=$(basename "${BASH_SOURCE[1]:-$0}" .sh)
SMOKE_TMP=$(mktemp -d)
trap 'rm -rf "$SMOKE_TMP"' EXIT

# Service URLs straight to a port (for smokes that test a service on its own);
# LH_<SERVICE>_URL overrides one, e.g. LH_STORAGED_URL=http://127.0.0.1:40123.
svc_url() {
  local override="LH_$(tr '[:lower:]' '[:upper:]' <<< "$1")_URL"
  if [[ -n "${!override:-}" ]]; then echo "${!override}"; return; fi
  case "$1" in
    gateway) echo "http://127.0.0.1:3110" ;; storaged) echo "http://127.0.0.1:3211" ;;
    catalogd) echo "http://127.0.0.1:3212" ;; ingestd) echo "http://127.0.0.1:3213" ;;
    queryd) echo "http://127.0.0.1:3214" ;; vectord) echo "http://127.0.0.1:3215" ;;
    embedd) echo "http://127.0.0.1:3216" ;; pathway) echo "http://127.0.0.1:3217" ;;
    observerd) echo "http://127.0.0.1:3218" ;; *) echo "unknown service $1" >&2; return 1 ;;
  esac
}

# lh_curl ARGS...: curl with the fleet token (AUTH_TOKEN) when one is set; prints the body to
# stdout and leaves the status code in $SMOKE_TMP/status.
lh_curl() {
  local auth=()
  if [[ -n "${AUTH_TOKEN:-}" ]]; then auth=(-H "Authorization: Bearer ${AUTH_TOKEN}"); fi
  curl -sS "${auth[@]}" -o "$SMOKE_TMP/body" -w '%{http_code}' "$@" > "$SMOKE_TMP/status"
  cat "$SMOKE_TMP/body"
}

last_status() { cat "$SMOKE_TMP/status"; }

pass() { echo "  ok   $*"; }
fail() { echo "  FAIL $*" >&2; echo "  body: $(head -c 600 "$SMOKE_TMP/body" 2>/dev/null)" >&2; exit 1; }

# expect_status CODE DESCRIPTION: checks the status of the last lh_curl.
expect_status() {
  local want=$1; shift
  local got; got=$(last_status)
  [[ "$got" == "$want" ]] || fail "$* (want HTTP $want, got $got)"
  pass "$* ($got)"
}

# json_get EXPR: evaluates a jq-like path with python3 over the last body, e.g. json_get '["rows"][0][0]'.
json_get() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval("d"+sys.argv[2]))' "$SMOKE_TMP/body" "$1"
}

echo "smoke: $SMOKE_NAME"

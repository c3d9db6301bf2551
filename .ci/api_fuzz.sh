#!/usr/bin/env bash
# The API under schemathesis (pinned in pyproject's dev extra): a served instance on
# loopback with the demo network, as an anonymous visitor, a resident and a public agent
# (bearer tokens), bounded examples and a time budget per identity. Fails on any server
# error (5xx). Usage: bash .ci/api_fuzz.sh [seconds per identity, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
budget="${1:-60}"
py=.venv/bin/python
tmp="$(mktemp -d)"
port="${API_FUZZ_PORT:-8765}"
export DJANGO_SETTINGS_MODULE=ensemble.config.settings.dev
export DEBUG=false SQLITE_PATH="$tmp/fuzz.sqlite3" MEDIA_ROOT="$tmp/media" REDIS_URL=""
export SECRET_KEY="fuzz-$(head -c 32 /dev/urandom | base64 | tr -d '\n/+=')"
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

$py manage.py migrate --noinput -v0
$py manage.py seed_demo >/dev/null
tokens="$($py manage.py shell -c '
from ensemble.accounts.models import User
from ensemble.accounts.tokens import api_token_create
for email in ("camille@sceaux.demo", "agent@sceaux.demo"):
    print("token:", api_token_create(user=User.objects.get(email=email), name="fuzz"))
')"
resident="$(grep '^token: ' <<<"$tokens" | sed -n 1p | cut -c8-)"
agent="$(grep '^token: ' <<<"$tokens" | sed -n 2p | cut -c8-)"

$py manage.py runserver "127.0.0.1:$port" --noreload >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 1
done

failed=0
run() {
  local who="$1"; shift
  printf '\n---- schemathesis as %s (%ss) ----\n' "$who" "$budget"
  # Revoking the token in use would turn the rest of the run into 401s.
  .venv/bin/st run "http://127.0.0.1:$port/api/openapi.json" \
    --checks not_a_server_error --max-examples 6 --max-time "$budget" --workers 1 \
    --phases examples,coverage,fuzzing --seed 18 --generation-database none \
    --exclude-path-regex '^/api/v1/auth/token' --request-timeout 20 \
    --warnings off --no-color "$@" || failed=1
}
run anonymous
run resident -H "Authorization: Bearer $resident"
run agent -H "Authorization: Bearer $agent"
# The tokens must have lived through the run, or their runs tested only refusals.
for token in "$resident" "$agent"; do
  if ! curl -fs -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/me" >/dev/null; then
    echo "A fuzzing token died during the run"; failed=1
  fi
done
printf '\nResponses by status: '
grep -oE '" [1-5][0-9]{2} ' "$tmp/server.log" | sort | uniq -c | tr -s ' \n' ' '; echo
if grep -q "Internal Server Error" "$tmp/server.log"; then
  grep -B2 -A25 "Internal Server Error" "$tmp/server.log" | head -80
  failed=1
fi
exit "$failed"

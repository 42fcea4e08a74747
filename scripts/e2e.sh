#!/usr/bin/env bash
# End-to-end tests: a real Chromium (Debian's package, driven by playwright-core) against the
# built app on a fresh SQLite database with the demo newsroom (tests/e2e/).
#
#   bash scripts/e2e.sh [extra jest options]      # npm run test:e2e
#
# 1. installs Debian's chromium when /usr/bin/chromium is missing (apt-get, non-interactive);
# 2. prepares a private copy of the app (sources and a node_modules symlink, in
#    ~/.cache/novinar-e2e/; E2E_WORK_DIR overrides) and its build: reused while src/, config/,
#    types/, database/ and the package files are unchanged; else copied from dist/ when
#    `npm run build` made it from the current sources (as in .ci/run), else built there with
#    `strapi build` (~70 s). So a rebuild of dist/ elsewhere (npm run build, strapi develop)
#    cannot pull the admin panel away mid-run, and this script never rewrites dist/;
# 3. starts it with `strapi start` on a free port with fresh random secrets, waits for /_health;
# 4. runs jest -c tests/e2e/jest.e2e.config.js; screenshots and the server log go to
#    test-artifacts/e2e/;
# 5. stops the server, also on failure or Ctrl-C.
#
# Environment: E2E_PORT (default: a free port), E2E_CHROMIUM (default /usr/bin/chromium),
# E2E_KEEP_DB=1 keeps the SQLite file, E2E_HEADED=1 shows the browser (needs a display).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
START=$SECONDS

ARTIFACTS=${E2E_ARTIFACTS_DIR:-$ROOT/test-artifacts/e2e}
CHROMIUM=${E2E_CHROMIUM:-/usr/bin/chromium}
# The private copy lives outside the project (inside it, jest would see a second package.json).
WORK=${E2E_WORK_DIR:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/novinar-e2e/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)}
APP=$WORK/app

log() { printf '[e2e %3ss] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf '[e2e] FATAL: %s\n' "$*" >&2; exit 1; }

# Long steps run in the background while the script waits, so Ctrl-C / TERM reach the traps
# at once (bash defers traps until a foreground command ends); cleanup stops the child.
CHILD_PID=
SERVER_PID=
RUN_DIR=
run_child() {
  "$@" &
  CHILD_PID=$!
  local rc=0
  wait "$CHILD_PID" || rc=$?
  CHILD_PID=
  return "$rc"
}
stop_pid() { # pid: TERM, up to 10 s, then KILL
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
}
cleanup() {
  local status=$?
  stop_pid "$CHILD_PID"
  stop_pid "$SERVER_PID"
  if [ -n "$RUN_DIR" ]; then
    if [ "${E2E_KEEP_DB:-}" = 1 ]; then log "database kept: $RUN_DIR/e2e.db"; else rm -rf "$RUN_DIR"; fi
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. Chromium and playwright-core --------------------------------------------------------
if [ ! -x "$CHROMIUM" ]; then
  [ "$CHROMIUM" = /usr/bin/chromium ] || die "E2E_CHROMIUM=$CHROMIUM is not an executable"
  command -v apt-get >/dev/null || die "$CHROMIUM is missing and there is no apt-get to install Debian's chromium"
  SUDO=
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "installing chromium needs root (or sudo)"
    SUDO="sudo -n"
  fi
  log "installing Debian's chromium (apt-get)"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  [ -x "$CHROMIUM" ] || die "apt-get install chromium did not provide $CHROMIUM"
fi
log "$("$CHROMIUM" --version 2>/dev/null | head -n 1)"
node -e "require.resolve('playwright-core')" 2>/dev/null || die "playwright-core is not installed: run npm ci"

# Fresh random secrets for this run (the private copy has no .env).
secret() { head -c 24 /dev/urandom | base64; }
SECRETS=(
  "APP_KEYS=$(secret),$(secret)" "API_TOKEN_SALT=$(secret)" "ADMIN_JWT_SECRET=$(secret)" "TRANSFER_TOKEN_SALT=$(secret)"
  "JWT_SECRET=$(secret)" "ENCRYPTION_KEY=$(secret)" "COMMENT_IP_SALT=$(secret)"
)

# --- 2. the app and its build, in a private copy ---------------------------------------------
INPUTS=()
for input in src config types database tsconfig.json package.json package-lock.json; do
  [ -e "$input" ] && INPUTS+=("$input")
done
inputs_hash() {
  find "${INPUTS[@]}" -type f ! -path '*/__tests__/*' -print0 2>/dev/null | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-32
}
# dist/ counts as built from the current sources when it is complete and no input is newer.
main_dist_is_fresh() {
  [ -f dist/build/index.html ] && [ -f dist/src/index.js ] && [ -d dist/config ] &&
    [ -z "$(find "${INPUTS[@]}" -type f ! -path '*/__tests__/*' -newer dist/build/index.html -print -quit 2>/dev/null)" ]
}

HASH=$(inputs_hash)
if [ -f "$APP/.e2e-inputs" ] && [ "$(cat "$APP/.e2e-inputs")" = "$HASH" ] && [ -f "$APP/dist/build/index.html" ] && [ -f "$APP/dist/src/index.js" ]; then
  log "reusing the build in $APP (sources unchanged)"
else
  rm -rf "$APP"
  log "copying the app to $APP"
  mkdir -p "$APP/public/uploads"
  cp -a "${INPUTS[@]}" "$APP/"
  [ -f public/robots.txt ] && cp public/robots.txt "$APP/public/"
  ln -s "$ROOT/node_modules" "$APP/node_modules"
  if main_dist_is_fresh; then
    log "copying dist/ (built from the current sources)"
    cp -a dist "$APP/dist"
  fi
  if ! { [ -f "$APP/dist/build/index.html" ] && [ -f "$APP/dist/src/index.js" ]; }; then
    rm -rf "$APP/dist"
    log "building the server and the admin panel (strapi build, ~70 s)"
    mkdir -p "$ARTIFACTS"
    # No secrets and no .env here: the build must not need them (the server gets them below).
    build_app() { cd "$APP" && exec node_modules/.bin/strapi build; }
    if ! run_child build_app >"$ARTIFACTS/build.log" 2>&1; then
      tail -n 40 "$ARTIFACTS/build.log" >&2
      die "strapi build failed (log: $ARTIFACTS/build.log)"
    fi
  fi
  echo "$HASH" >"$APP/.e2e-inputs"
fi
# Uploads of earlier runs (the demo seed's covers) go; the database is new each run anyway.
find "$APP/public/uploads" -mindepth 1 -delete

# --- 3. the server ------------------------------------------------------------------------
RUN_DIR=$(mktemp -d "${TMPDIR:-/tmp}/novinar-e2e.XXXXXX")
PORT=${E2E_PORT:-$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
BASE_URL="http://127.0.0.1:$PORT"
mkdir -p "$ARTIFACTS"
SERVER_LOG=$ARTIFACTS/server.log

log "starting the app on $BASE_URL (SQLite $RUN_DIR/e2e.db; log: $SERVER_LOG)"
(
  cd "$APP"
  exec env \
    NODE_ENV=production HOST=127.0.0.1 PORT="$PORT" PUBLIC_URL= \
    DATABASE_CLIENT=sqlite DATABASE_FILENAME="$RUN_DIR/e2e.db" DATABASE_URL= \
    SEED_DEMO=true NOVINAR_LOCALES=en CRON_ENABLED=false TRUST_PROXY=false RESPONSE_CACHE=false REDIS_URL= \
    "${SECRETS[@]}" \
    STRAPI_TELEMETRY_DISABLED=true STRAPI_DISABLE_UPDATE_NOTIFICATION=true BROWSER=none \
    node_modules/.bin/strapi start
) >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

# shellcheck disable=SC2016 # JavaScript, not shell
WAIT_FOR_HEALTH='
const [base, pid] = process.argv.slice(1);
const deadline = Date.now() + 120000;
(async () => {
  for (;;) {
    try { process.kill(Number(pid), 0); } catch { console.error("the server exited during start-up"); process.exit(1); }
    try { if ((await fetch(`${base}/_health`)).status === 204) process.exit(0); } catch { /* not listening yet */ }
    if (Date.now() > deadline) { console.error("no answer on /_health within 120 s"); process.exit(1); }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
})();'
if ! run_child node -e "$WAIT_FOR_HEALTH" "$BASE_URL" "$SERVER_PID"
then
  tail -n 60 "$SERVER_LOG" >&2
  die "the app did not start (log: $SERVER_LOG)"
fi
log "app is up"

# --- 4. the tests ----------------------------------------------------------------------------
export E2E_BASE_URL=$BASE_URL E2E_ARTIFACTS_DIR=$ARTIFACTS E2E_CHROMIUM=$CHROMIUM
STATUS=0
run_child node_modules/.bin/jest -c tests/e2e/jest.e2e.config.js --runInBand "$@" || STATUS=$?

# --- 5. stop --------------------------------------------------------------------------------
stop_pid "$SERVER_PID"
SERVER_PID=
if [ "$STATUS" -eq 0 ]; then
  log "passed; screenshots in ${ARTIFACTS#"$ROOT"/}/"
else
  log "FAILED (jest exit $STATUS); screenshots in ${ARTIFACTS#"$ROOT"/}/, server log: ${SERVER_LOG#"$ROOT"/}"
fi
exit "$STATUS"

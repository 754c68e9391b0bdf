#!/usr/bin/env bash
# Rehearses docs/deploy.md part B on one machine: two instances on one PostgreSQL database behind nginx,
# a rolling restart under load (no failed request allowed), and a pg_dump / pg_restore round trip.
# Needs: PostgreSQL reachable at $PGURL_ADMIN (a role that may create databases), nginx, a built app
# (npm ci && npm run build). Run from the repository root: bash docs/rehearse-several-instances.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PGURL_ADMIN="${PGURL_ADMIN:-postgres://root@127.0.0.1:5432/postgres}"
DB=drijfveer_rehearsal
BASE="${PGURL_ADMIN%/*}"
export DATABASE_URL="$BASE/$DB"
export NODE_ENV=production SESSION_SECRET="rehearsal-secret-$(openssl rand -hex 24)" TRUST_PROXY=1 LOG_LEVEL=warn
export PUBLIC_URL=http://127.0.0.1:8080
WORK=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  sleep 1
  psql "$PGURL_ADMIN" -qc "DROP DATABASE IF EXISTS $DB" -qc "DROP DATABASE IF EXISTS ${DB}_restored" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== database and first admin"
psql "$PGURL_ADMIN" -qc "DROP DATABASE IF EXISTS $DB" -qc "CREATE DATABASE $DB"
echo 'rehearsal-admin-password' | node dist/cli.js user add --email admin@example.nl --name Beheer --role admin

start() { # port
  PORT=$1 HOST=127.0.0.1 node dist/server.js >>"$WORK/app-$1.log" 2>&1 &
  pids+=($!)
  echo $! >"$WORK/app-$1.pid"
  until curl -fsS "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; do sleep 0.2; done
}
echo "== two instances"
start 3001
start 3002
curl -fsS http://127.0.0.1:3001/healthz; echo
curl -fsS http://127.0.0.1:3002/healthz; echo

echo "== nginx in front (the upstream part of docs/deploy.md, plain HTTP on 8080)"
cat >"$WORK/nginx.conf" <<CONF
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events {}
http {
  access_log off;
  client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fcgi;
  uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
  upstream drijfveer {
    server 127.0.0.1:3001 max_fails=0;
    server 127.0.0.1:3002 max_fails=0;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:8080;
    location / {
      proxy_pass http://drijfveer;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout http_502 http_503;
    }
  }
}
CONF
nginx -c "$WORK/nginx.conf" -p "$WORK"
until curl -fsS http://127.0.0.1:8080/healthz >/dev/null 2>&1; do sleep 0.2; done

echo "== rolling restart under load (20 s of questionnaire pages and saved answers through nginx)"
TOKEN=$(curl -fsS -X POST -H 'Content-Type: application/json' -d '{"consent":true}' http://127.0.0.1:8080/api/assessments | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
node_modules/.bin/autocannon -d 20 -c 10 --json "http://127.0.0.1:8080/a/$TOKEN/1" >"$WORK/load-pages.json" 2>/dev/null &
PAGES=$!
node_modules/.bin/autocannon -d 20 -c 10 --json -m PUT -H 'content-type=application/json' -b '{"likert":{"L03":4}}' \
  "http://127.0.0.1:8080/api/assessments/$TOKEN/answers" >"$WORK/load-saves.json" 2>/dev/null &
SAVES=$!
sleep 4
for port in 3001 3002; do
  kill -TERM "$(cat "$WORK/app-$port.pid")"
  while kill -0 "$(cat "$WORK/app-$port.pid")" 2>/dev/null; do sleep 0.1; done
  echo "instance $port stopped; starting it again"
  start $port
  echo "instance $port healthy: $(curl -fsS http://127.0.0.1:$port/healthz)"
  sleep 3
done
wait $PAGES $SAVES
node -e '
  let failed = 0;
  for (const [what, file] of [["pages", process.argv[1]], ["saves", process.argv[2]]]) {
    const r = JSON.parse(require("fs").readFileSync(file, "utf8"));
    failed += r.errors + r.timeouts + r.non2xx;
    console.log(`${what}: ${r.requests.total} requests, 2xx: ${r["2xx"]}, non-2xx: ${r.non2xx}, errors: ${r.errors}, timeouts: ${r.timeouts}`);
  }
  if (failed) { console.error("FAILED: requests failed during the rolling restart"); process.exit(1); }
' "$WORK/load-pages.json" "$WORK/load-saves.json"

echo "== backup with pg_dump, restore with pg_restore"
pg_dump --format=custom --file="$WORK/backup.dump" "$DATABASE_URL"
psql "$PGURL_ADMIN" -qc "CREATE DATABASE ${DB}_restored"
pg_restore --no-owner --dbname="$BASE/${DB}_restored" "$WORK/backup.dump"
for t in users assessments likert_answers login_sessions schema_migrations; do
  a=$(psql "$DATABASE_URL" -qAtc "SELECT count(*) FROM $t")
  b=$(psql "$BASE/${DB}_restored" -qAtc "SELECT count(*) FROM $t")
  echo "$t: live $a, restored $b"
  [ "$a" = "$b" ]
done
echo "rehearsal passed"

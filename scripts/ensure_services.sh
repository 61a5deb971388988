#!/usr/bin/env bash
# What the test suite needs besides Python: Debian's Chromium for the browser
# tests, a running PostgreSQL and Redis. Installs or starts what is missing when
# it can (as root on Debian), and says what to do when it cannot.
set -euo pipefail

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "ensure_services: need root for: $*" >&2
        return 1
    fi
}

if [ ! -x /usr/bin/chromium ]; then
    echo "ensure_services: installing Debian's chromium" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
fi

if ! command -v caddy >/dev/null 2>&1; then
    echo "ensure_services: installing Debian's caddy" >&2
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq caddy >/dev/null
fi

PGHOST_CHECK="${TEST_PGHOST:-127.0.0.1}"
if ! pg_isready -q -h "$PGHOST_CHECK" 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
        echo "ensure_services: starting PostgreSQL" >&2
        as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start
        for _ in $(seq 1 30); do pg_isready -q -h "$PGHOST_CHECK" && break; sleep 1; done
    fi
    pg_isready -q -h "$PGHOST_CHECK" || {
        echo "ensure_services: PostgreSQL is not reachable on $PGHOST_CHECK:5432 (set TEST_POSTGRES_URL)" >&2
        exit 1
    }
fi

if ! (command -v redis-cli >/dev/null 2>&1 && redis-cli -h 127.0.0.1 ping >/dev/null 2>&1); then
    if command -v redis-server >/dev/null 2>&1; then
        echo "ensure_services: starting Redis" >&2
        redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null
        for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 && break; sleep 0.2; done
    fi
    redis-cli -h 127.0.0.1 ping >/dev/null 2>&1 || {
        echo "ensure_services: Redis is not reachable on 127.0.0.1:6379" >&2
        exit 1
    }
fi

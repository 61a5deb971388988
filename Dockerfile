# syntax=docker/dockerfile:1
#
# One image for every Job Agent process (docs/deploy.md):
#   app      scripts/serve_ui.sh 3000          (the default command)
#   worker   jobagent worker
#   flower   celery --app jobagent_core.tasks.worker:app flower
#   migrate  docker/migrate.sh                 (alembic upgrade head + grants)
# docker-compose.yml wires them together; docs/deploy.md walks through it.
#
# Build stage: Debian's Python 3.11 and Node/npm. The install is the README's:
# scripts/bootstrap.sh makes .venv and fetches the pinned bun from the npm
# registry. Then the web front end is compiled once, with bun alone, which
# installs its packages (from reflex.lock, frozen) into .web/node_modules.
#
# Runtime stage: Python and the bun binary only; no Node, no npm, no compilers.
# `reflex run --env prod` compiles the pages and runs the front-end bundler
# (bun + the packages installed here) on every start, ~10 s, offline: no
# registry is contacted at run time. Runs as the unprivileged user `jobagent`;
# what it writes (.web, reflex.lock/, var/, /data) is writable by it.
# No secrets are baked in: every setting arrives through the environment.

ARG DEBIAN_IMAGE=debian:bookworm-slim

FROM ${DEBIAN_IMAGE} AS base
ENV LANG=C.UTF-8 \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 ca-certificates tini \
    && rm -rf /var/lib/apt/lists/*

# ---------------------------------------------------------------- build stage
FROM base AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3-venv nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.cache/pip \
    --mount=type=cache,target=/root/.npm \
    bash scripts/bootstrap.sh
# Compile the pages and build the bundle once: installs .web/node_modules so
# that the start-up rebuild needs no network. reflex_env.sh stops Reflex
# phoning home, points it at the pinned bun and (while npm is still here) at
# npm's registry. Then Node goes: Debian's Node 18 is older than the bundler
# (Vite) accepts, and bun runs the bundler with a `node` it finds on PATH, or
# else itself, as it will at run time. reflex_env.sh is bash (RUN's /bin/sh is
# dash, which cannot source it).
RUN bash -euc '. scripts/reflex_env.sh \
    && apt-get purge -y --auto-remove nodejs npm \
    && .venv/bin/python -m reflex export --frontend-only --no-zip --env prod \
    && test -d .web/node_modules'
# The runtime stage takes the bun binary alone, and .web separately (it gets
# its own owner there).
RUN install -D -m 0755 "$(readlink -f tools/node_modules/.bin/bun)" /opt/bun/bun \
    && /opt/bun/bun --version \
    && rm -rf tools/node_modules .web/build \
    && mv .web /opt/web \
    && find /app -name __pycache__ -type d -prune -exec rm -rf {} +

# -------------------------------------------------------------- runtime stage
FROM base AS runtime
ARG JOBAGENT_UID=10001
RUN useradd --system --uid "${JOBAGENT_UID}" --user-group --create-home \
        --home-dir /home/jobagent --shell /usr/sbin/nologin jobagent \
    && install -d -o jobagent -g jobagent -m 0750 /data /data/storage /data/queue
COPY --from=build /opt/bun/bun /usr/local/bin/bun
COPY --from=build /app /app
COPY --from=build --chown=jobagent:jobagent /opt/web /app/.web
# Also written at run time: reflex.lock/ (Reflex copies the lockfiles back after
# each compile), var/ (SQLite default, a generated development secret), Reflex's
# upload and shared-asset folders, and Reflex's data folder (without it Reflex
# would re-initialise the front end, which needs the network).
RUN chown -R jobagent:jobagent /app/reflex.lock \
    && install -d -o jobagent -g jobagent /app/var /app/uploaded_files /app/assets/external \
        /home/jobagent/.local /home/jobagent/.local/share /home/jobagent/.local/share/reflex

WORKDIR /app
ENV PATH=/app/.venv/bin:$PATH \
    HOME=/home/jobagent \
    REFLEX_BUN_PATH=/usr/local/bin/bun \
    REFLEX_CHECK_LATEST_VERSION=0 \
    REFLEX_TELEMETRY_ENABLED=false \
    STORAGE_DIR=/data/storage \
    QUEUE_DIR=/data/queue
USER jobagent
EXPOSE 3000
# The app's own route (jobagent_core.api): answers once pages, API and
# websocket are served. Other services override or disable this check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD ["python3", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:3000/health', timeout=4)"]
ENTRYPOINT ["tini", "--"]
CMD ["bash", "scripts/serve_ui.sh", "3000"]

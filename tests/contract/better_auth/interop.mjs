#!/usr/bin/env node
// The real Better Auth on Job Agent's PostgreSQL tables, one action per run, for
// tests/contract/test_better_auth_interop.py. Run tests/contract/better_auth/setup.sh
// first (installs packages, generates the Prisma client from prisma/schema.prisma).
//
//   DATABASE_URL=postgresql://job_agent_ui@host/db   (the ui role)
//   BETTER_AUTH_SECRET=...  BETTER_AUTH_URL=http://localhost:3000
//
//   node interop.mjs get-session --cookie '<Cookie header>'
//   node interop.mjs sign-up --email a@b.c --password '...' --name 'A'
//   node interop.mjs sign-out --cookie '<Cookie header>'
//
// Prints one JSON document on stdout; Better Auth's and Prisma's own logging goes
// to stderr. Exit status 0 when the action ran (even if its answer is null), 1 on
// an error (message on stderr), 2 on bad usage.
//
// Email + password sign-in is enabled here only, to let Better Auth mint a session
// of its own; Job Agent itself signs in with Google only.

import { parseArgs } from "node:util";

// Keep stdout for the one JSON answer.
console.log = console.error;
console.info = console.error;
console.debug = console.error;

const USAGE =
  "usage: interop.mjs get-session --cookie HEADER | sign-up --email E --password P --name N | sign-out --cookie HEADER";

function fail(message, status = 1) {
  process.stderr.write(`interop.mjs: ${message}\n`);
  process.exit(status);
}

function requireEnv(name) {
  const value = process.env[name];
  if (!value) fail(`${name} is not set`, 2);
  return value;
}

function postgresUrl(url) {
  // Accept SQLAlchemy's `postgresql+psycopg://` as well as libpq's `postgresql://`.
  return url.replace(/^postgres(ql)?\+[a-z0-9_]+:\/\//i, "postgresql://");
}

function setCookies(headers) {
  if (!headers) return [];
  if (typeof headers.getSetCookie === "function") return headers.getSetCookie();
  const single = headers.get("set-cookie");
  return single ? [single] : [];
}

function cookieValues(setCookieHeaders) {
  // name -> value (still URL-encoded, exactly what goes back in a Cookie header)
  const values = {};
  for (const header of setCookieHeaders) {
    const pair = header.split(";", 1)[0];
    const eq = pair.indexOf("=");
    if (eq > 0) values[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return values;
}

function plain(value) {
  // Dates as ISO strings, everything else JSON as is.
  return JSON.parse(JSON.stringify(value ?? null));
}

const { positionals, values: args } = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        cookie: { type: "string" },
        email: { type: "string" },
        password: { type: "string" },
        name: { type: "string" },
      },
    });
  } catch (error) {
    fail(`${error.message}\n${USAGE}`, 2);
  }
})();
const action = positionals[0];
if (positionals.length !== 1) fail(USAGE, 2);

const databaseUrl = postgresUrl(requireEnv("DATABASE_URL"));
const secret = requireEnv("BETTER_AUTH_SECRET");
const baseURL = requireEnv("BETTER_AUTH_URL");

const [{ betterAuth }, { prismaAdapter }, { PrismaClient }, { PrismaPg }] = await Promise.all([
  import("better-auth"),
  import("better-auth/adapters/prisma"),
  import("@prisma/client"),
  import("@prisma/adapter-pg"),
]);

const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });

const auth = betterAuth({
  baseURL,
  secret,
  database: prismaAdapter(prisma, { provider: "postgresql" }),
  emailAndPassword: { enabled: true },
  telemetry: { enabled: false },
  logger: { level: "warn" },
});

function requestHeaders(cookie) {
  if (cookie === undefined) fail(`${action} needs --cookie`, 2);
  return new Headers({ cookie });
}

async function run() {
  switch (action) {
    case "get-session": {
      const found = await auth.api.getSession({ headers: requestHeaders(args.cookie) });
      return found ? { user: plain(found.user), session: plain(found.session) } : null;
    }
    case "sign-up": {
      for (const key of ["email", "password", "name"]) {
        if (args[key] === undefined) fail(`sign-up needs --${key}`, 2);
      }
      const { headers, response } = await auth.api.signUpEmail({
        body: { email: args.email, password: args.password, name: args.name },
        returnHeaders: true,
      });
      const setCookie = setCookies(headers);
      return {
        user: plain(response.user),
        token: response.token ?? null,
        setCookie,
        cookies: cookieValues(setCookie),
      };
    }
    case "sign-out": {
      const { headers, response } = await auth.api.signOut({
        headers: requestHeaders(args.cookie),
        returnHeaders: true,
      });
      const setCookie = setCookies(headers);
      return { ...plain(response), setCookie, cookies: cookieValues(setCookie) };
    }
    default:
      fail(`unknown action ${JSON.stringify(action)}\n${USAGE}`, 2);
  }
}

let status = 0;
try {
  const answer = await run();
  process.stdout.write(`${JSON.stringify(answer)}\n`);
} catch (error) {
  status = 1;
  const detail = error?.body ? ` ${JSON.stringify(error.body)}` : "";
  process.stderr.write(`interop.mjs: ${action} failed: ${error?.stack ?? error}${detail}\n`);
} finally {
  await prisma.$disconnect().catch(() => {});
}
process.exit(status);

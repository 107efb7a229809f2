/**
 * PlanHub's configuration: read from the environment once, typed, and refused with a message
 * naming the variable when a value is wrong. Nothing else in the code reads `process.env`.
 */
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const SEARCH_ENGINES = ['postgres', 'opensearch', 'elasticsearch'] as const;

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
    });

/** One URL or several, comma-separated: the nodes of one cluster, which the client spreads requests over. */
const urlList = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine((v) => v.split(',').every((u) => URL.canParse(u.trim()) && protocols.includes(new URL(u.trim()).protocol)), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}, or several separated by commas`,
    });

const count = (min: number, what: string) =>
  z.coerce.number({ message: `must be ${what}` }).int(`must be ${what}`).min(min, `must be ${what}`);

/** The address ranges proxy-addr (Fastify's trustProxy) knows by name. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
/** An address, an address/prefix, or a named range. */
const isProxyAddress = (a: string) => {
  const [ip, prefix, more] = a.split('/');
  if (more !== undefined || !ip) return false;
  if (prefix === undefined) return isIP(ip) !== 0 || PROXY_RANGE_NAMES.has(ip);
  const max = isIP(ip) === 4 ? 32 : isIP(ip) === 6 ? 128 : -1;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= max;
};

/**
 * Whom to believe about the client's address and protocol (X-Forwarded-For/-Proto): nobody
 * (`false`), every peer (`true`), or proxies at these addresses. Not a number of hops: Fastify
 * ignores one (it cannot tell a proxy from a client that sends the headers itself).
 */
const trustProxy = z
  .string()
  .trim()
  .transform((v, ctx): boolean | string[] => {
    if (v === 'false') return false;
    if (v === 'true') return true;
    const list = v.split(',').map((a) => a.trim()).filter(Boolean);
    if (list.length > 0 && list.every(isProxyAddress)) return list;
    ctx.addIssue({
      code: 'custom',
      message: /^\d+$/.test(v)
        ? 'a number of hops is not supported (a client could forge them); give the proxies\' addresses (10.0.0.2, 10.0.0.0/8, loopback) or true'
        : 'must be true, false, or a comma-separated list of proxy addresses (10.0.0.2, 10.0.0.0/8, loopback)',
    });
    return z.NEVER;
  })
  .default(false);

/** Every variable PlanHub reads, with its default. The README's table mirrors this. */
const envSchema = z.object({
  PLANHUB_DATA_DIR: z.string().trim().min(1, 'must not be empty').default('./data'),
  PORT: z.coerce
    .number({ message: 'must be a port number' })
    .int('must be a whole number')
    .min(1, 'must be 1–65535')
    .max(65535, 'must be 1–65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).optional(),
  REDIS_URL: url(['redis:', 'rediss:']).optional(),
  PLANHUB_QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/, 'must be 1–40 characters of a-z, 0-9, _ or -')
    .default('planhub'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  SEARCH_ENGINE: z
    .enum(SEARCH_ENGINES, { message: `must be one of ${SEARCH_ENGINES.join(', ')}` })
    .default('postgres'),
  SEARCH_URL: urlList(['http:', 'https:']).optional(),
  SEARCH_SHARDS: count(1, 'a whole number of at least 1').default(1),
  SEARCH_REPLICAS: count(0, 'a whole number of at least 0').default(0),
  PLANHUB_INDEX_PREFIX: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'must be 1–40 characters of a-z, 0-9, _ or -, starting with a letter or digit')
    .default('planhub'),
  PLANHUB_OUTBOX_KEEP_DAYS: z.coerce
    .number({ message: 'must be a number of days' })
    .min(0, 'must not be negative')
    .max(3650, 'must be at most 3650 days')
    .default(7),
  PLANHUB_SESSION_HOURS: z.coerce
    .number({ message: 'must be a number of hours' })
    .int('must be a whole number of hours')
    .min(1, 'must be 1–720 hours')
    .max(720, 'must be 1–720 hours')
    .default(8),
  PLANHUB_TRUST_PROXY: trustProxy,
});

export interface Config {
  dataDir: string;
  port: number;
  host: string;
  /** A PostgreSQL server; when absent, the embedded PGlite store under `dataDir` is used. */
  databaseUrl: string | undefined;
  /** Redis for BullMQ queues; when absent, jobs run in-process. */
  redisUrl: string | undefined;
  queuePrefix: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Where search documents live: PostgreSQL itself (the default), or a search cluster at `searchUrl`. */
  searchEngine: (typeof SEARCH_ENGINES)[number];
  /** The cluster's node URLs as given (comma-separated when several). */
  searchUrl: string | undefined;
  /** Primary shards and replicas of each new index on a cluster engine (1 and 0 suit one node). */
  indexShards: number;
  indexReplicas: number;
  /** Index names start with this (`<prefix>-<type>-v<n>`), so several hubs can share a cluster. */
  indexPrefix: string;
  /** How long done outbox rows are kept (for `planhub jobs stats` and debugging) before they are pruned. */
  outboxKeepDays: number;
  /** How long a sign-in lasts before the user must sign in again. */
  sessionHours: number;
  /**
   * Fastify's `trustProxy`: whether X-Forwarded-For/-Proto from these proxies name the client's
   * address (rate limits) and protocol (the session cookie's Secure flag). Off by default.
   */
  trustProxy: boolean | string[];
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const KNOWN = new Set(Object.keys(envSchema.shape));

/** Parses the environment; throws one ConfigError that lists every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (name.startsWith('PLANHUB_') && !KNOWN.has(name)) {
      problems.push(`${name}: unknown variable (known: ${[...KNOWN].filter((k) => k.startsWith('PLANHUB_')).join(', ')})`);
    }
  }
  // An empty variable is treated as unset, as shells and compose files often leave them empty.
  const present = Object.fromEntries([...KNOWN].map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${String(issue.path[0])}: ${issue.message}`);
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  if (e.SEARCH_ENGINE !== 'postgres' && !e.SEARCH_URL) {
    throw new ConfigError(`invalid configuration:\n  SEARCH_URL: required when SEARCH_ENGINE is ${e.SEARCH_ENGINE} (e.g. http://127.0.0.1:9200)`);
  }
  return {
    dataDir: path.resolve(e.PLANHUB_DATA_DIR),
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.PLANHUB_QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    searchEngine: e.SEARCH_ENGINE,
    searchUrl: e.SEARCH_URL,
    indexShards: e.SEARCH_SHARDS,
    indexReplicas: e.SEARCH_REPLICAS,
    indexPrefix: e.PLANHUB_INDEX_PREFIX,
    outboxKeepDays: e.PLANHUB_OUTBOX_KEEP_DAYS,
    sessionHours: e.PLANHUB_SESSION_HOURS,
    trustProxy: e.PLANHUB_TRUST_PROXY,
  };
}

/** The variable names the code reads; the compose test checks docker-compose.yml against them. */
export const CONFIG_VARIABLES = [...KNOWN];

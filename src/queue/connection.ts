// The Redis behind the queue: its address checked, reached once before any work, and watched while the queue runs.
import { createIORedisClient, RedisConnection, type ConnectionOptions } from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import { fail } from '../core/index.js';

/** A Redis address from the command line, checked. */
export interface QueueAddress {
  /** As given (`redis://10.0.0.5:6379`, `rediss://user:secret@redis.example:6380/2`). */
  readonly url: string;
  /** For messages: the address with any password replaced by `***`. */
  readonly shown: string;
}

/**
 * Checks a `--queue` address: `redis://HOST[:PORT][/DB]`, or `rediss://` for TLS, with an optional `USER:PASSWORD@`.
 * Anything else is a UserError naming the option (exit 1, as for --base-url).
 */
export function parseQueueAddress(given: string, option = '--queue'): QueueAddress {
  let u: URL | undefined;
  try {
    u = new URL(given);
  } catch {
    u = undefined;
  }
  const ok = u && (u.protocol === 'redis:' || u.protocol === 'rediss:') && u.hostname !== '' && /^(\/\d{0,2})?$/.test(u.pathname) && !u.search && !u.hash;
  if (!u || !ok) {
    fail('cli/option', `${option} ${given} is not a Redis address`, undefined, ['give redis://HOST:PORT, such as redis://127.0.0.1:6379 (rediss:// for TLS; redis://:PASSWORD@HOST:PORT/DB with a password and database)']);
  }
  const shown = new URL(u.href);
  if (shown.password) shown.password = '***';
  return { url: given, shown: shown.href.replace(/\/$/, '') };
}

/** What a connection watcher hears: the link to Redis lost (with why) or back. */
export type LinkEvent = { readonly state: 'lost'; readonly why: string } | { readonly state: 'back' };

/** Our own option, read by the client factory below and not passed on to ioredis. */
const WATCH = 'newsprintWatch';

/**
 * BullMQ 6 makes its Redis clients through RedisConnection.clientFactory when one is set (under ESM it cannot load
 * ioredis itself). Ours makes ioredis clients, and tells a watcher when one loses Redis and when all are back.
 */
function installClientFactory(): void {
  if (RedisConnection.clientFactory) return;
  RedisConnection.clientFactory = (opts) => {
    const { url, [WATCH]: watch, ...rest } = opts as RedisOptions & { url?: string; [WATCH]?: (e: LinkEvent) => void };
    const client = url ? new Redis(url, rest) : new Redis(rest);
    if (watch) watchClient(client, watch);
    return createIORedisClient(client);
  };
}

/** Clients of this process that have lost Redis, for telling a watcher once when the first goes and when the last comes back. */
const down = new Set<Redis>();

function watchClient(client: Redis, watch: (e: LinkEvent) => void): void {
  let lastError = '';
  client.on('error', (e: NodeJS.ErrnoException) => {
    lastError = e.code ? linkWords(e) : e.message;
  });
  client.on('close', () => {
    // A client closed on purpose (quit, disconnect) ends; one that lost Redis goes on reconnecting.
    if (client.status === 'end' || down.has(client)) return;
    const first = down.size === 0;
    down.add(client);
    if (first) watch({ state: 'lost', why: lastError || 'connection closed' });
  });
  client.on('ready', () => {
    if (!down.delete(client)) return;
    if (down.size === 0) watch({ state: 'back' });
  });
  client.on('end', () => down.delete(client));
}

/**
 * Connection options for BullMQ's Queue, Worker and QueueEvents on this address. ioredis reconnects on its own after
 * losing Redis (BullMQ's retry strategy: 1 s, growing to 20 s between tries), and commands wait meanwhile; `watch`
 * hears when the link is lost and when it is back.
 */
export function connectionOptions(address: QueueAddress, watch?: (e: LinkEvent) => void): ConnectionOptions {
  installClientFactory();
  return { url: address.url, ...(watch ? { [WATCH]: watch } : {}) };
}

/** How long reaching Redis may take before the address counts as unreachable, ms: a LAN answers in well under 1 s. */
const CONNECT_TIMEOUT_MS = 5_000;

/** A network error in words, as the one-line messages put them. */
function linkWords(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'no such host';
    case 'ETIMEDOUT':
      return 'no answer (timed out)';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    case 'ECONNRESET':
      return 'connection reset';
    // Written to a connection the server had just closed (Redis shutting down).
    case 'EPIPE':
      return 'connection closed';
    default:
      return e.code ?? e.message;
  }
}

/**
 * Reaches Redis once, before anything is queued or a worker starts, so a wrong address or a Redis that is not running
 * is one clear line rather than a wait: unreachable is a system error (exit 3, `newsprint: error: ADDRESS: …`), a
 * password refused is the user's to fix (exit 1).
 */
export async function checkReachable(address: QueueAddress): Promise<void> {
  const client = new Redis(address.url, { lazyConnect: true, connectTimeout: CONNECT_TIMEOUT_MS, retryStrategy: () => null, maxRetriesPerRequest: 0, enableOfflineQueue: false });
  let lastError: NodeJS.ErrnoException | undefined;
  client.on('error', (e: NodeJS.ErrnoException) => {
    lastError = e;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    const err = (lastError ?? e) as NodeJS.ErrnoException;
    if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(err.message)) {
      fail('cli/queue', `${address.shown}: Redis refused the password (${err.message.split('\n')[0]})`, undefined, ['give the password in the address: redis://:PASSWORD@HOST:PORT or redis://USER:PASSWORD@HOST:PORT']);
    }
    const code = err.code === 'EAI_AGAIN' ? 'ENOTFOUND' : err.code && /^E[A-Z0-9]+$/.test(err.code) ? err.code : 'ECONNREFUSED';
    throw Object.assign(new Error(`${code}: cannot reach the queue (${err.code ? linkWords(err) : err.message}; is redis-server running there?)`), { code, path: address.shown, syscall: 'connect' });
  } finally {
    client.disconnect();
  }
}

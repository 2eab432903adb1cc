import { createHash } from 'node:crypto';
import type { Context } from 'hono';

/** A JSON answer encoded once: the bytes sent and their entity tag. */
export interface EncodedAnswer {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

const encoder = new TextEncoder();

export function encodeAnswer(value: unknown): EncodedAnswer {
  const body = encoder.encode(JSON.stringify(value));
  return { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
}

const jsonType = 'application/json; charset=utf-8';

/** Does the request's If-None-Match name `etag` (weak or strong, alone or in a list, or `*`)? */
export function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** The headers of a shared answer sent whole (200) and of its 304. */
export const sharedAnswerHeaders = (answer: EncodedAnswer) => ({
  'content-type': jsonType,
  etag: answer.etag,
  'cache-control': 'no-cache',
});
export const notModifiedHeaders = (answer: EncodedAnswer) => ({ etag: answer.etag });

/**
 * Send an answer everybody shares: its bytes with its ETag (revalidated on every use:
 * `no-cache`), or 304 when the client already holds them.
 */
export function sendShared(c: Context, answer: EncodedAnswer): Response {
  return isFresh(c.req.header('if-none-match'), answer.etag)
    ? c.body(null, 304, notModifiedHeaders(answer))
    : c.body(answer.body, 200, sharedAnswerHeaders(answer));
}

/** Send an answer for the signed-in user alone: never stored by a browser or a proxy. */
export function sendPrivate(c: Context, body: string | Uint8Array<ArrayBuffer>): Response {
  return c.body(body, 200, { 'content-type': jsonType, 'cache-control': 'private, no-store' });
}

const maxInvalidated = 10_000;

interface Entry<V> {
  value: V;
  dependencies: readonly string[];
}

/**
 * Answers by key, each stored with the names of what it was computed from (`sheet:<id>`,
 * `ward:<id>`): `invalidate(name)` drops every answer depending on it. A load that raced an
 * invalidation of something it depends on is answered but not stored (a write elsewhere does not
 * keep it from being stored), and concurrent misses of one key share one load. The oldest entry goes first when `maxEntries` is reached.
 */
export class AnswerCache<V> {
  readonly #entries = new Map<string, Entry<V>>();
  readonly #dependents = new Map<string, Set<string>>();
  readonly #loading = new Map<string, Promise<V>>();
  #generation = 0;
  /** The generation at which each name was last invalidated (pruned past `maxInvalidated`). */
  readonly #invalidatedAt = new Map<string, number>();
  /** Loads started before this generation are not stored (what they depend on was forgotten). */
  #floor = 0;

  constructor(private readonly maxEntries = 5_000) {}

  get(key: string): V | undefined {
    return this.#entries.get(key)?.value;
  }

  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Store `value` unless what it depends on was invalidated since `generation` was read; returns it. */
  set(key: string, value: V, dependencies: readonly string[], generation: number): V {
    if (generation < this.#floor) return value;
    if (dependencies.some((name) => (this.#invalidatedAt.get(name) ?? -1) >= generation)) return value;
    this.#delete(key);
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#delete(oldest);
    }
    this.#entries.set(key, { value, dependencies });
    for (const name of dependencies) {
      const keys = this.#dependents.get(name) ?? new Set<string>();
      keys.add(key);
      this.#dependents.set(name, keys);
    }
    return value;
  }

  /** The stored answer, or the one `load` computes (shared by every request missing meanwhile). */
  getOrLoad(key: string, load: () => Promise<{ value: V; dependencies: readonly string[] }>): Promise<V> {
    const hit = this.#entries.get(key);
    if (hit) return Promise.resolve(hit.value);
    const pending = this.#loading.get(key);
    if (pending) return pending;
    const generation = this.#generation;
    const loading = load()
      .then(({ value, dependencies }) => this.set(key, value, dependencies, generation))
      .finally(() => {
        if (this.#loading.get(key) === loading) this.#loading.delete(key);
      });
    this.#loading.set(key, loading);
    return loading;
  }

  /** Drop every answer computed from `name`. */
  invalidate(name: string): void {
    this.#invalidatedAt.set(name, this.#generation++);
    if (this.#invalidatedAt.size > maxInvalidated) {
      this.#invalidatedAt.clear();
      this.#floor = this.#generation;
    }
    this.#loading.clear();
    for (const key of this.#dependents.get(name) ?? []) this.#delete(key);
  }

  /** Drop everything. */
  clear(): void {
    this.#generation++;
    this.#floor = this.#generation;
    this.#invalidatedAt.clear();
    this.#loading.clear();
    this.#entries.clear();
    this.#dependents.clear();
  }

  #delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    for (const name of entry.dependencies) {
      const keys = this.#dependents.get(name);
      keys?.delete(key);
      if (keys?.size === 0) this.#dependents.delete(name);
    }
  }
}

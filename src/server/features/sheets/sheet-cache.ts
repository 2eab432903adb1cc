import { createHash } from 'node:crypto';

export interface CachedBody {
  body: string;
  etag: string;
}

/**
 * Serialized sheet responses by sheet id. A sheet is read far more often than it is written
 * (the public portal, the booklet), so the read path serves bytes from here. Entries are
 * dropped when the database announces the sheet changed (`Database.onSheetChanged`), which
 * also covers writes made by other processes on a shared PostgreSQL server.
 */
export class SheetCache {
  readonly #entries = new Map<string, CachedBody>();
  /** Bumped on every invalidation so a read that raced a write does not store stale bytes. */
  #generation = 0;

  constructor(private readonly maxEntries = 5_000) {}

  get(id: string): CachedBody | undefined {
    return this.#entries.get(id);
  }

  get generation(): number {
    return this.#generation;
  }

  /** Store `value` unless the cache was invalidated since `generation` was read. */
  set(id: string, value: unknown, generation: number): CachedBody {
    const body = JSON.stringify(value);
    const entry = { body, etag: `"${createHash('sha1').update(body).digest('base64url')}"` };
    if (generation !== this.#generation) return entry;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(id, entry);
    return entry;
  }

  invalidate(id: string): void {
    this.#generation++;
    this.#entries.delete(id);
  }
}

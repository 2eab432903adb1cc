import { createHash } from 'node:crypto';
import { permissionsFor, type SheetPolicySubject } from '../../../domain/sheet-policy';
import type { SheetDetail } from '../../../schemas/sheet';

export interface CachedSheet {
  detail: SheetDetail;
  subject: SheetPolicySubject;
  /** The response the public gets (permissions of nobody signed in), encoded once. */
  publicBody: Uint8Array<ArrayBuffer>;
  etag: string;
}

/**
 * Sheets by id, ready to serve. A sheet is read far more often than it is written (the public
 * portal, the booklet), so the read path serves bytes from here. Entries are dropped when the
 * database announces the sheet changed (`Database.onSheetChanged`), which also covers writes
 * made by other processes on a shared PostgreSQL server.
 */
export class SheetCache {
  readonly #entries = new Map<string, CachedSheet>();
  /** Bumped on every invalidation so a read that raced a write does not store stale content. */
  #generation = 0;

  constructor(private readonly maxEntries = 5_000) {}

  get(id: string): CachedSheet | undefined {
    return this.#entries.get(id);
  }

  get generation(): number {
    return this.#generation;
  }

  /** Store the sheet unless the cache was invalidated since `generation` was read. */
  set(detail: SheetDetail, subject: SheetPolicySubject, generation: number): CachedSheet {
    const publicBody = new TextEncoder().encode(
      JSON.stringify({
        ...detail,
        permissions: permissionsFor(null, subject),
        workflow: null,
      }),
    );
    const entry = {
      detail,
      subject,
      publicBody,
      etag: `"${createHash('sha1').update(publicBody).digest('base64url')}"`,
    };
    if (generation !== this.#generation) return entry;
    if (this.#entries.size >= this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(detail.id, entry);
    return entry;
  }

  invalidate(id: string): void {
    this.#generation++;
    this.#entries.delete(id);
  }
}

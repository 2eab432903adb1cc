import type { Db } from '../../../db/client';
import type { Actor } from '../../../domain/roles';
import { can, permissionsFor } from '../../../domain/sheet-policy';
import type { SheetView } from '../../../schemas/sheet-edit';
import type { EncodedAnswer } from '../../answer-cache';
import { loadSheet } from './get-sheet';
import { authorize } from './sheet-access';
import type { CachedSheet, SheetCache } from './sheet-cache';
import { workflowOf } from './sheet-workflow';

/** The sheet from the cache, loading it on a miss. */
export async function cachedSheet(db: Db, cache: SheetCache, id: string): Promise<CachedSheet> {
  const hit = cache.get(id);
  if (hit) return hit;
  const generation = cache.generation;
  return cache.set(await loadSheet(db, id), generation);
}

/** The public's answer for a sheet if it is in memory now and the public may read it (for `answerFromMemory`). */
export function publicSheetInMemory(cache: SheetCache, id: string): EncodedAnswer | undefined {
  const entry = cache.get(id);
  return entry && can(null, 'read', entry.subject) ? entry.publicAnswer : undefined;
}

/**
 * A sheet as this actor sees it. The public gets the cached bytes of a published sheet (or
 * 404); staff get what they may do with it and the workflow around it.
 */
export async function viewSheet(db: Db, cache: SheetCache, actor: Actor | null, id: string) {
  const entry = await cachedSheet(db, cache, id);
  authorize(actor, 'read', entry.subject);
  if (!actor) return { ...entry.publicAnswer, shared: true as const };
  const view: SheetView = {
    ...entry.detail,
    licence: entry.licence,
    permissions: permissionsFor(actor, entry.subject),
    workflow: can(actor, 'readHistory', entry.subject) ? await workflowOf(db, actor, entry) : null,
  };
  return { body: JSON.stringify(view), etag: null, shared: false as const, view };
}

/** The sheet as a signed-in actor sees it, as an object (for write responses). */
export async function signedInView(db: Db, cache: SheetCache, actor: Actor, id: string): Promise<SheetView> {
  const result = await viewSheet(db, cache, actor, id);
  if (result.shared) throw new Error('a signed-in view was expected');
  return result.view;
}

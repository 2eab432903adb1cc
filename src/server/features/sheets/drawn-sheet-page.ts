import { createHash } from 'node:crypto';
import type { Db } from '../../../db/client';
import { can } from '../../../domain/sheet-policy';
import { drawSheetPage } from '../../../web/prerender/sheet-page';
import { AppError } from '../../app-error';
import { defaultMunicipalityName } from '../municipalities/municipalities';
import type { SheetCache } from './sheet-cache';
import { cachedSheet } from './view-sheet';

/** A sheet page drawn for the HTML, with a tag of its content for the page's ETag. */
export interface DrawnSheetPage {
  title: string;
  body: string;
  tag: string;
}

/**
 * The public sheet page, drawn once per cached version of a sheet the public may read (a sheet
 * nobody outside may read, or none, gives nothing: the page is then the app alone, as before).
 */
export function drawnSheetPages(cache: SheetCache) {
  return async (db: Db, sheetId: string): Promise<DrawnSheetPage | undefined> => {
    const entry = await cachedSheet(db, cache, sheetId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === 'not_found') return undefined;
      throw error;
    });
    if (!entry || !can(null, 'read', entry.subject)) return undefined;
    if (!entry.drawnPage) {
      const page = drawSheetPage(entry.publicDetail, entry.licence, await defaultMunicipalityName(db));
      const tag = createHash('sha256').update(page.title).update(page.body).digest('base64url').slice(0, 12);
      entry.drawnPage = { ...page, tag };
    }
    return entry.drawnPage;
  };
}

import { permissionsFor } from '../../../domain/sheet-policy';
import type { SheetDetail } from '../../../schemas/sheet';
import { AnswerCache, type EncodedAnswer, encodeAnswer } from '../../answer-cache';
import { WardsDirectory } from '../organizations/wards-directory';
import type { DrawnSheetPage } from './drawn-sheet-page';
import type { LoadedSheet } from './get-sheet';
import { publicDetail } from './public-detail';

export interface CachedSheet extends LoadedSheet {
  /** The sheet as published (`publicDetail`): what the public's answer, page and PDF show. */
  publicDetail: SheetDetail;
  /** The answer the public gets (permissions of nobody signed in), encoded once. */
  publicAnswer: EncodedAnswer;
  /** The public's page of the sheet drawn for its HTML, once it was first asked for. */
  drawnPage?: DrawnSheetPage;
}

/**
 * What the public reads, ready to serve: sheets by id, 部区 year lists, the wards list. They are
 * read far more often than written (the public portal, the booklet), so the read paths serve
 * bytes from here. Entries are dropped when the database announces a change
 * (`Database.onSheetChanged`, `Database.onWardChanged`), which also covers writes made by other
 * processes on a shared PostgreSQL server; a route that wrote drops them at once as well.
 */
export class SheetCache {
  readonly #sheets: AnswerCache<CachedSheet>;
  /** The public's 部区 year lists (`sheets?ward=…&fiscalYear=…`), keyed by the query and the day. */
  readonly wardYears = new AnswerCache<EncodedAnswer>(2_000);
  /** The wards list (`/wards`). */
  readonly wards = new WardsDirectory();

  constructor(maxEntries = 5_000) {
    this.#sheets = new AnswerCache(maxEntries);
  }

  get(id: string): CachedSheet | undefined {
    return this.#sheets.get(id);
  }

  get generation(): number {
    return this.#sheets.generation;
  }

  /** Store the sheet unless the cache was invalidated since `generation` was read. */
  set(loaded: LoadedSheet, generation: number): CachedSheet {
    const { detail, subject } = loaded;
    const published = publicDetail(detail, loaded.publishAids);
    const publicAnswer = encodeAnswer({
      ...published,
      licence: loaded.licence,
      permissions: permissionsFor(null, subject),
      workflow: null,
    });
    const entry = { ...loaded, publicDetail: published, publicAnswer };
    return this.#sheets.set(detail.id, entry, [sheetDependency(detail.id)], generation);
  }

  /** The sheet changed: drop it and every list showing it. */
  invalidate(id: string): void {
    this.#sheets.invalidate(sheetDependency(id));
    this.wardYears.invalidate(sheetDependency(id));
  }

  /**
   * Something of a 部区 changed (a sheet, its year's deadlines or dates); `null`: organizations,
   * municipalities or their settings changed, so everything is read again.
   */
  wardChanged(wardId: string | null): void {
    if (wardId === null) {
      this.#sheets.clear();
      this.wardYears.clear();
      this.wards.reset();
      return;
    }
    this.wardYears.invalidate(wardDependency(wardId));
    this.wards.touch(wardId);
  }
}

export const sheetDependency = (id: string) => `sheet:${id}`;
export const wardDependency = (id: string) => `ward:${id}`;

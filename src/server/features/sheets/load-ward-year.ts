import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { sheets } from '../../../db/schema';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { Actor } from '../../../domain/roles';
import { can, publicStatuses } from '../../../domain/sheet-policy';
import type { SheetDetail } from '../../../schemas/sheet';
import { AppError } from '../../app-error';
import { evaluationRuleOf } from '../evaluation-rules/evaluation-rule-of';
import { findWard, type WardRef } from '../organizations/find-ward';
import { loadSheetRecords } from './load-sheets';
import { presentSheet } from './present-sheet';
import { publicDetail } from './public-detail';
import { subjectOf } from './sheet-access';

export interface WardYearDetails {
  ward: WardRef;
  fiscalYear: number;
  sheets: SheetDetail[];
}

/**
 * The sheet rows of a 部区's year that `actor` may read, in booklet order. `undefined` is the
 * command line (everything), `null` the public; `publishedOnly` keeps the publication only.
 */
export async function readableWardYearSheets(
  db: Db,
  ward: WardRef,
  options: { actor: Actor | null | undefined; fiscalYear: number; publishedOnly?: boolean },
): Promise<(typeof sheets.$inferSelect)[]> {
  const rows = await db
    .select()
    .from(sheets)
    .where(
      and(
        eq(sheets.wardId, ward.id),
        eq(sheets.fiscalYear, options.fiscalYear),
        options.publishedOnly || options.actor === null
          ? inArray(sheets.status, [...publicStatuses])
          : undefined,
      ),
    )
    .orderBy(asc(sheets.position), asc(sheets.departmentName));
  if (options.actor === undefined) return rows;
  return rows.filter((s) => can(options.actor ?? null, 'read', subjectOf(s, ward.municipalityId)));
}

/**
 * Every sheet of a 部区's year the actor may read, in booklet order, fully presented. With
 * `publishedOnly`, only what is published (a booklet is the publication, whoever prints it).
 * No actor at all (`undefined`) is the command line, run by whoever holds the database.
 */
export async function loadWardYear(
  db: Db,
  options: {
    actor: Actor | null | undefined;
    ward: string;
    municipality?: string | undefined;
    fiscalYear: number;
    publishedOnly?: boolean;
  },
): Promise<WardYearDetails> {
  const ward = await findWard(db, options);
  const sheets = await readableWardYearDetails(db, ward, options);
  if (sheets.length === 0) {
    throw new AppError(
      'not_found',
      `${ward.name}の${formatFiscalYear(options.fiscalYear)}の${options.publishedOnly ? '公開された' : ''}シートはありません。`,
    );
  }
  return { ward, fiscalYear: options.fiscalYear, sheets };
}

/** The sheets of `loadWardYear`, fully presented; none when the actor may read none. */
export async function readableWardYearDetails(
  db: Db,
  ward: WardRef,
  options: { actor: Actor | null | undefined; fiscalYear: number; publishedOnly?: boolean },
): Promise<SheetDetail[]> {
  const readable = await readableWardYearSheets(db, ward, options);
  if (readable.length === 0) return [];
  const rule = await evaluationRuleOf(db, ward.municipalityId);
  const records = await loadSheetRecords(db, readable);
  const own = records.find((r) => r.sheet.organizationId === ward.id);
  const wardGoals = new Map(own?.goals.map(({ goal }) => [goal.no, goal.text]) ?? []);
  return records.map((record) => {
    const detail = presentSheet(record, ward, rule, wardGoals);
    // The public and the booklet (the publication) read the sheets as published.
    return options.actor === null || options.publishedOnly ? publicDetail(detail, rule.publishAids) : detail;
  });
}

import { and, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { evaluationRules, municipalities, organizations, sheets } from '../../../db/schema';
import { defaultEvaluationRule } from '../../../domain/evaluation-rule';
import type { SheetStatus } from '../../../domain/sheet-status';
import type { SheetDetail } from '../../../schemas/sheet';
import { AppError } from '../../app-error';
import { loadSheetRecords } from './load-sheets';
import { presentSheet } from './present-sheet';

export interface GetSheetOptions {
  id: string;
  /** Only a sheet in one of these states is found (the public sees published sheets only). */
  statuses?: readonly SheetStatus[];
}

/** One sheet with everything it shows. */
export async function getSheet(db: Db | Tx, { id, statuses }: GetSheetOptions): Promise<SheetDetail> {
  const [row] = await db
    .select({
      sheet: sheets,
      wardName: organizations.name,
      municipalityName: municipalities.name,
      rule: evaluationRules,
    })
    .from(sheets)
    .innerJoin(organizations, eq(sheets.wardId, organizations.id))
    .innerJoin(municipalities, eq(organizations.municipalityId, municipalities.id))
    .leftJoin(evaluationRules, eq(evaluationRules.municipalityId, municipalities.id))
    .where(and(eq(sheets.id, id), statuses ? inArray(sheets.status, [...statuses]) : undefined));
  if (!row) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  const [record] = await loadSheetRecords(db, [row.sheet]);
  if (!record) throw new AppError('not_found', 'お探しのシートは見つかりませんでした。');
  return presentSheet(
    record,
    { id: row.sheet.wardId, name: row.wardName, municipalityName: row.municipalityName },
    row.rule ?? defaultEvaluationRule,
  );
}

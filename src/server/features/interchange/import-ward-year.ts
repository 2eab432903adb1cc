import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import {
  indicators,
  municipalities,
  organizations,
  sheets,
  targetRevisions,
  wardYears,
} from '../../../db/schema';
import { actualYears } from '../../../domain/fiscal-year';
import { diffSheets } from '../../../domain/sheet-diff';
import { type SheetFile, type WardYearFile, wardYearFileSchema } from '../../../schemas/interchange';
import { type FieldIssue, issuesFromZod } from '../../../schemas/issues';
import { AppError } from '../../app-error';
import { commandLineActor, type HistoryActor, loadSheetDocument, recordHistory } from '../sheets/history';
import { writeSheetContent } from '../sheets/write-sheet-content';
import { checkWardYearFile, unitName } from './check-ward-year-file';

export interface ImportSummary {
  municipality: string;
  ward: string;
  fiscalYear: number;
  sheets: number;
  goals: number;
  indicators: number;
  createdSheets: number;
  updatedSheets: number;
}

export interface ImportOptions {
  /** Who imports, for the history; the command line when absent. */
  actor?: HistoryActor;
  /** Called after each sheet is written: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Import one 部区's sheets of a year (the interchange format). Everything is checked before
 * anything is written, and everything is written in one transaction: all or nothing. A sheet
 * that already exists for the organization and year is replaced; indicators keep their series
 * (matched by name within the organization), so history stays connected.
 */
export async function importWardYear(
  db: Db,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const file = validateWardYearFile(input);
  return db.transaction(async (tx) => {
    const municipalityId = await ensureMunicipality(tx, file.municipality);
    const wardId = await ensureOrganization(tx, {
      municipalityId,
      wardId: null,
      parentId: null,
      name: file.ward,
    });
    await tx
      .insert(wardYears)
      .values({
        wardId,
        fiscalYear: file.fiscalYear,
        source: file.source ?? null,
        uncertain: file.uncertain ?? [],
      })
      .onConflictDoUpdate({
        target: [wardYears.wardId, wardYears.fiscalYear],
        set: { source: file.source ?? null, uncertain: file.uncertain ?? [] },
      });
    const summary: ImportSummary = {
      municipality: file.municipality,
      ward: file.ward,
      fiscalYear: file.fiscalYear,
      sheets: file.sheets.length,
      goals: 0,
      indicators: 0,
      createdSheets: 0,
      updatedSheets: 0,
    };
    // A file listing the whole year orders its sheets; a partial one (a single organization's
    // sheet) keeps the others' order and adds new sheets at the end.
    const [{ count: present = 0, last = -1 } = {}] = await tx
      .select({
        count: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${sheets.position}), -1)::int`,
      })
      .from(sheets)
      .where(and(eq(sheets.wardId, wardId), eq(sheets.fiscalYear, file.fiscalYear)));
    const ordersAll = file.sheets.length >= present;
    let appended = last;
    for (const [index, sheet] of file.sheets.entries()) {
      const position = ordersAll ? index : null;
      const { sheetId, created } = await writeSheet(tx, {
        municipalityId,
        wardId,
        fiscalYear: file.fiscalYear,
        position,
        nextPosition: () => ++appended,
        sheet,
        actor: options.actor ?? commandLineActor,
        wardName: file.ward,
      });
      await notifySheetChanged(tx, [sheetId]);
      if (created) summary.createdSheets++;
      else summary.updatedSheets++;
      summary.goals += sheet.goals.length;
      summary.indicators += sheet.goals.reduce((n, g) => n + g.indicators.length, 0);
      options.onProgress?.(index + 1, file.sheets.length);
    }
    return summary;
  });
}

/** The municipality and 部区 a file would write to, each null when not registered yet. */
export async function findImportTarget(db: Db, file: WardYearFile) {
  const [row] = await db
    .select({ municipalityId: municipalities.id, wardId: organizations.id })
    .from(municipalities)
    .leftJoin(
      organizations,
      and(
        eq(organizations.municipalityId, municipalities.id),
        eq(organizations.kind, 'ward'),
        eq(organizations.name, file.ward),
      ),
    )
    .where(eq(municipalities.name, file.municipality));
  return { municipalityId: row?.municipalityId ?? null, wardId: row?.wardId ?? null };
}

/** The file as typed data, or an `invalid` error listing every bad field by its path. */
export function validateWardYearFile(input: unknown): WardYearFile {
  const parsed = wardYearFileSchema.safeParse(input);
  const issues: FieldIssue[] = parsed.success ? checkWardYearFile(parsed.data) : issuesFromZod(parsed.error);
  if (!parsed.success || issues.length > 0) {
    throw new AppError(
      'invalid',
      `取り込むデータに誤りが${issues.length}件あります。何も書き込んでいません。誤りを直してからもう一度取り込んでください。`,
      issues,
    );
  }
  return parsed.data;
}

async function ensureMunicipality(tx: Tx, name: string): Promise<string> {
  await tx.insert(municipalities).values({ name }).onConflictDoNothing();
  const [row] = await tx
    .select({ id: municipalities.id })
    .from(municipalities)
    .where(eq(municipalities.name, name));
  if (!row) throw new Error(`municipality ${name} vanished`);
  return row.id;
}

/** The organization of that name under that parent, created when missing. A ward is its own ward. */
async function ensureOrganization(
  tx: Tx,
  o: {
    municipalityId: string;
    wardId: string | null;
    parentId: string | null;
    name: string;
    phone?: string | null;
  },
): Promise<string> {
  const [found] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(
      and(
        eq(organizations.municipalityId, o.municipalityId),
        o.parentId ? eq(organizations.parentId, o.parentId) : isNull(organizations.parentId),
        eq(organizations.name, o.name),
      ),
    );
  if (found) {
    if (o.phone) await tx.update(organizations).set({ phone: o.phone }).where(eq(organizations.id, found.id));
    return found.id;
  }
  const [row] = await tx
    .insert(organizations)
    .values({
      municipalityId: o.municipalityId,
      wardId: o.wardId,
      parentId: o.parentId,
      kind: o.wardId ? 'unit' : 'ward',
      name: o.name,
      phone: o.phone ?? null,
    })
    .returning({ id: organizations.id });
  if (!row) throw new Error('insert returned no row');
  if (!o.wardId) await tx.update(organizations).set({ wardId: row.id }).where(eq(organizations.id, row.id));
  return row.id;
}

interface WriteSheet {
  actor: HistoryActor;
  wardName: string;
  municipalityId: string;
  wardId: string;
  fiscalYear: number;
  /** Its place in the year's order; null keeps an existing sheet's place (or appends a new one). */
  position: number | null;
  nextPosition: () => number;
  sheet: SheetFile;
}

/** Write one sheet; says whether it was new. */
async function writeSheet(
  tx: Tx,
  { municipalityId, wardId, wardName, fiscalYear, position, nextPosition, sheet, actor }: WriteSheet,
) {
  const base = { municipalityId, wardId };
  // The 部区's own sheet (its department is the 部区 itself) belongs to the 部区.
  const ownSheet = sheet.organization === null && sheet.department === wardName;
  const parentId = sheet.organization
    ? await ensureOrganization(tx, { ...base, parentId: wardId, name: sheet.department })
    : wardId;
  const organizationId = ownSheet
    ? wardId
    : await ensureOrganization(tx, { ...base, parentId, name: unitName(sheet), phone: sheet.phone });

  const header = {
    departmentName: sheet.department,
    organizationName: sheet.organization,
    phone: sheet.phone,
    createdOn: sheet.createdOn,
    revisedOn: sheet.revisedOn,
    evaluatedOn: sheet.evaluatedOn,
    purpose: sheet.purpose,
    approach: sheet.approach,
    outcome: sheet.outcome,
    status: sheet.status ?? 'published',
  } as const;
  const [existing] = await tx
    .select({ id: sheets.id })
    .from(sheets)
    .where(and(eq(sheets.organizationId, organizationId), eq(sheets.fiscalYear, fiscalYear)));
  let sheetId: string;
  const before = existing ? await loadSheetDocument(tx, existing.id) : null;
  if (existing) {
    sheetId = existing.id;
    await tx
      .update(sheets)
      .set({
        ...header,
        ...(position === null ? {} : { position }),
        version: sql`${sheets.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(sheets.id, sheetId));
  } else {
    const [row] = await tx
      .insert(sheets)
      .values({ ...header, position: position ?? nextPosition(), organizationId, wardId, fiscalYear })
      .returning({ id: sheets.id });
    if (!row) throw new Error('insert returned no row');
    sheetId = row.id;
  }

  const known = await matchSeries(tx, organizationId, sheet);
  const series = await writeSheetContent(
    tx,
    { sheetId, organizationId, fiscalYear },
    sheet.goals.map((g, gi) => ({
      no: g.no,
      parentNo: g.parentNo,
      text: g.text,
      initiatives: g.initiatives,
      indicators: g.indicators.map((ind, ii) => ({
        indicatorId: known[gi]?.[ii] ?? null,
        name: ind.name,
        unit: ind.unit,
        direction: ind.direction ?? 'higher',
        actuals: actualYears(fiscalYear).flatMap((year) => {
          const cell = ind.actuals[String(year)];
          return cell ? [{ fiscalYear: year, ...cell }] : [];
        }),
        target: ind.target,
        result: ind.result,
        note: ind.note,
        achievement: ind.achievement,
        evaluation: ind.evaluation,
        evaluationReason: ind.evaluationReason ?? null,
        milestoneDone: ind.milestoneDone ?? null,
      })),
    })),
  );

  const allSeries = series.flat();
  if (allSeries.length > 0) {
    await tx
      .delete(targetRevisions)
      .where(
        and(inArray(targetRevisions.indicatorId, allSeries), eq(targetRevisions.fiscalYear, fiscalYear)),
      );
  }
  const revisions = sheet.goals.flatMap((g, gi) =>
    g.indicators.flatMap((ind, ii) =>
      (ind.revisions ?? []).map((r) => ({
        indicatorId: series[gi]?.[ii] ?? '',
        fiscalYear,
        fromText: r.from.text,
        fromValue: r.from.value,
        toText: r.to.text,
        toValue: r.to.value,
        revisedOn: r.revisedOn,
        reason: r.reason,
      })),
    ),
  );
  if (revisions.length > 0) await tx.insert(targetRevisions).values(revisions);
  const after = await loadSheetDocument(tx, sheetId);
  await recordHistory(tx, {
    sheetId,
    actor,
    kind: 'import',
    comment: existing
      ? '交換形式のファイルから取り込み（置き換え）'
      : '交換形式のファイルから取り込み（新規）',
    changes: before ? diffSheets(before, after, fiscalYear) : [],
  });
  return { sheetId, created: !existing };
}

/**
 * The existing series each indicator of the file continues: the organization's series of the
 * same name, in order of creation; null where there is none (a new series is created).
 */
async function matchSeries(tx: Tx, organizationId: string, sheet: SheetFile): Promise<(string | null)[][]> {
  const existing = await tx
    .select({ id: indicators.id, name: indicators.name })
    .from(indicators)
    .where(eq(indicators.organizationId, organizationId))
    .orderBy(asc(indicators.createdAt), asc(indicators.id));
  const unmatched = new Map<string, string[]>();
  for (const row of existing) unmatched.set(row.name, [...(unmatched.get(row.name) ?? []), row.id]);
  return sheet.goals.map((goal) => goal.indicators.map((ind) => unmatched.get(ind.name)?.shift() ?? null));
}

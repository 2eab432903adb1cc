import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { notifyWardChanged } from '../../../db/notify';
import { indicators, organizations, sheets, targetRevisions } from '../../../db/schema';
import { actualYears } from '../../../domain/fiscal-year';
import type { SheetStatus } from '../../../domain/sheet-status';
import type { SheetFile } from '../../../schemas/interchange';
import type { SheetDetail } from '../../../schemas/sheet';
import { fileSheetTitle, headerFromFile } from '../../../schemas/sheet-header';
import { loadSheetDetail } from '../sheets/get-sheet';
import { bumpSheetVersion } from '../sheets/sheet-version';
import { writeSheetContent } from '../sheets/write-sheet-content';

/** Writing one sheet of an interchange file: its organizations, header, content and revisions. */

/** The organization of that name under that parent, created when missing. A ward is its own ward. */
export async function ensureOrganization(
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
  if (!o.wardId) {
    await tx.update(organizations).set({ wardId: row.id }).where(eq(organizations.id, row.id));
    // A new 部区: the wards list, and the names a 部区 is looked up by, change.
    await notifyWardChanged(tx, null);
  }
  return row.id;
}

export interface WriteSheet {
  wardName: string;
  municipalityId: string;
  wardId: string;
  fiscalYear: number;
  /** Its place in the year's order; null keeps an existing sheet's place (or appends a new one). */
  position: number | null;
  nextPosition: () => number;
  sheet: SheetFile;
}

export interface WrittenSheet {
  sheetId: string;
  /** The sheet as it stood before (null when new) and as written. */
  before: SheetDetail | null;
  after: SheetDetail;
  /** The written sheet's version and state before the write, for the preview token. */
  stamp: { id: string; version: number; status: SheetStatus } | null;
}

/** Write one sheet of a file, over the organization's sheet of the year if there is one. */
export async function writeSheet(
  tx: Tx,
  { municipalityId, wardId, wardName, fiscalYear, position, nextPosition, sheet }: WriteSheet,
): Promise<WrittenSheet> {
  const base = { municipalityId, wardId };
  // The 部区's own sheet (its department is the 部区 itself) belongs to the 部区.
  const ownSheet = sheet.organization === null && sheet.department === wardName;
  const parentId = sheet.organization
    ? await ensureOrganization(tx, { ...base, parentId: wardId, name: sheet.department })
    : wardId;
  const organizationId = ownSheet
    ? wardId
    : await ensureOrganization(tx, { ...base, parentId, name: fileSheetTitle(sheet), phone: sheet.phone });

  const header = headerFromFile(sheet);
  const [existing] = await tx
    .select({ id: sheets.id, version: sheets.version, status: sheets.status })
    .from(sheets)
    .where(and(eq(sheets.organizationId, organizationId), eq(sheets.fiscalYear, fiscalYear)))
    .for('update');
  let sheetId: string;
  const before = existing ? await loadSheetDetail(tx, existing.id) : null;
  if (existing) {
    sheetId = existing.id;
    await bumpSheetVersion(tx, sheetId, { ...header, ...(position === null ? {} : { position }) });
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
  return { sheetId, before, after: await loadSheetDetail(tx, sheetId), stamp: existing ?? null };
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

import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { readsFromSnapshotDuring } from '../../../db/read-snapshot';
import { municipalities, organizations, sheets, wardYears } from '../../../db/schema';
import {
  describeImport,
  type ImportAction,
  type ImportExpectation,
  type ImportSource,
  importMismatches,
  replacingNeedsReason,
} from '../../../domain/import-preview';
import type { SheetChange } from '../../../domain/sheet-diff';
import type { ImportPreview, ImportResult, SheetOutcome } from '../../../schemas/import';
import type { WardYearFile } from '../../../schemas/interchange';
import type { FieldIssue } from '../../../schemas/issues';
import { fileSheetTitle } from '../../../schemas/sheet-header';
import { AppError } from '../../app-error';
import { registeredMunicipalityId } from '../municipalities/municipalities';
import { type HistoryActor, recordHistory, sampleLoaderActor } from '../sheets/history';
import { diffImportedSheet } from './diff-imported-sheet';
import { keptPastResults } from './kept-past-results';
import { readWardYearInput } from './read-ward-year-input';
import { ensureOrganization, type WrittenSheet, writeSheet } from './write-ward-sheet';

/**
 * Importing one 部区's sheets of a year (the interchange format), in two steps: previewImport
 * says what would happen to each sheet (created, replaced with its differences, unchanged) and
 * returns a token; confirmImport does it, all or nothing in one transaction, if nothing changed
 * in between (else 409 with the fresh preview) and with a reason when a 評価確定 or 公開 sheet is
 * replaced. A sheet that would not change is not written at all.
 *
 * Both steps run the same writes in one transaction; the preview rolls it back. So the preview
 * shows exactly what the import would write, by the one writer of sheet content.
 */

export interface ImportOptions {
  /** Who imports, for the history; the command line when absent. */
  actor?: HistoryActor;
  /** Where the file came from, for the history. */
  source?: ImportSource;
  /** Fields the reader ignored, reported with the result. */
  warnings?: FieldIssue[];
  /** Called after each sheet: (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface PreviewOptions extends ImportOptions {
  expected?: ImportExpectation;
}

export interface ConfirmOptions extends ImportOptions {
  previewToken: string;
  reason?: string | null | undefined;
}

/** The numbers earlier versions returned, still returned by importWardYear. */
export type ImportSummary = ImportResult;

const systemSource: ImportSource = { format: 'json', fileName: null, channel: 'system' };

/** What the file would do, written nothing. */
export async function previewImport(
  db: Db,
  input: WardYearFile | unknown,
  options: PreviewOptions = {},
): Promise<ImportPreview> {
  const { file, warnings } = typedInput(input, options.warnings);
  const run = await runImport(db, file, { ...options, warnings, mode: 'preview' });
  return toPreview(run, options.expected ?? {});
}

/** Import a previewed file: 409 with a fresh preview if anything changed since; 400 without a needed reason. */
export async function confirmImport(db: Db, input: unknown, options: ConfirmOptions): Promise<ImportResult> {
  const { file, warnings } = typedInput(input, options.warnings);
  const run = await runImport(db, file, { ...options, warnings, mode: 'confirm' });
  return toResult(run);
}

/**
 * Import without a preview step: for the app itself (the sample data) and tests. Every person's
 * import — page, API, command line — goes through previewImport and confirmImport.
 */
export async function importWardYear(
  db: Db,
  input: unknown,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const { file, warnings } = typedInput(input, options.warnings);
  return toResult(await runImport(db, file, { ...options, warnings, mode: 'apply' }));
}

/** The municipality and 部区 a file would write to, each null when not registered yet. */
export async function findImportTarget(db: Db | Tx, file: WardYearFile) {
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

/** Already read files pass as they are (with the reader's warnings); anything else is read here. */
function typedInput(input: unknown, warnings: FieldIssue[] | undefined) {
  const read = readWardYearInput(input);
  return { file: read.file, warnings: [...(warnings ?? []), ...read.warnings] };
}

interface RunOptions extends ImportOptions {
  warnings: FieldIssue[];
  mode: 'preview' | 'confirm' | 'apply';
  previewToken?: string;
  reason?: string | null | undefined;
  expected?: ImportExpectation;
}

interface Run {
  file: WardYearFile;
  source: ImportSource;
  newWard: boolean;
  outcomes: SheetOutcome[];
  warnings: FieldIssue[];
  previewToken: string;
}

/** Thrown to roll back a preview's transaction with what it found. */
class RolledBack extends Error {
  constructor(readonly run: Run) {
    super('rolled back');
  }
}
/** Thrown to roll back one sheet's savepoint when the file leaves it as it is. */
class Unchanged extends Error {
  constructor(readonly written: WrittenSheet) {
    super('unchanged');
  }
}

async function runImport(db: Db, file: WardYearFile, options: RunOptions): Promise<Run> {
  const source = options.source ?? systemSource;
  const actor = options.actor ?? sampleLoaderActor;
  const reason = options.reason?.trim() || null;
  try {
    // A year of many sheets holds the embedded database for seconds: others read a snapshot meanwhile.
    return await readsFromSnapshotDuring(() =>
      db.transaction(async (tx) => {
        const target = await findImportTarget(tx, file);
        // An import never registers a municipality: a システム管理者 does (createMunicipality).
        const municipalityId =
          target.municipalityId ?? (await registeredMunicipalityId(tx, file.municipality));
        const wardId = await ensureOrganization(tx, {
          municipalityId,
          wardId: null,
          parentId: null,
          name: file.ward,
        });
        await writeWardYear(tx, wardId, file);
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
        const outcomes: SheetOutcome[] = [];
        const kept: FieldIssue[] = [];
        const stamps: unknown[] = [];
        for (const [index, sheet] of file.sheets.entries()) {
          const write = {
            municipalityId,
            wardId,
            fiscalYear: file.fiscalYear,
            position: ordersAll ? index : null,
            nextPosition: () => ++appended,
            sheet,
            wardName: file.ward,
          };
          let written: WrittenSheet;
          let changes: SheetChange[] = [];
          let action: ImportAction;
          try {
            written = await tx.transaction(async (sp) => {
              const w = await writeSheet(sp, write);
              kept.push(...keptPastResults(index, sheet, w.after));
              changes = w.before ? diffImportedSheet(w.before, w.after) : [];
              if (w.before && changes.length === 0) throw new Unchanged(w);
              return w;
            });
            action = written.before ? 'replace' : 'create';
          } catch (error) {
            if (!(error instanceof Unchanged)) throw error;
            written = error.written;
            action = 'unchanged';
          }
          stamps.push(written.stamp ? [written.stamp.id, written.stamp.version, written.stamp.status] : null);
          const currentStatus = written.before?.status ?? null;
          if (action !== 'unchanged') {
            await recordHistory(tx, {
              sheetId: written.sheetId,
              actor,
              kind: 'import',
              // A move of state shows as one (公開 → 下書き); a sheet created shows its state.
              ...(currentStatus !== written.after.status
                ? { fromStatus: currentStatus, toStatus: written.after.status }
                : {}),
              comment: describeImport(source, action, reason),
              changes,
            });
            await notifySheetChanged(tx, [written.sheetId]);
          }
          outcomes.push({
            index,
            title: fileSheetTitle(sheet),
            department: sheet.department,
            organization: sheet.organization,
            action,
            sheetId: action === 'create' && options.mode === 'preview' ? null : written.sheetId,
            currentStatus,
            status: action === 'unchanged' ? (currentStatus ?? written.after.status) : written.after.status,
            needsReason: replacingNeedsReason(action, currentStatus),
            changes: changes.map(({ path, label, before, after }) => ({ path, label, before, after })),
          });
          options.onProgress?.(index + 1, file.sheets.length);
        }
        const run: Run = {
          file,
          source,
          newWard: target.wardId === null,
          outcomes,
          warnings: [...options.warnings, ...kept],
          previewToken: previewToken(file, stamps),
        };
        if (options.mode === 'preview') throw new RolledBack(run);
        if (options.mode === 'confirm') {
          if (options.previewToken !== run.previewToken) {
            throw new AppError(
              'conflict',
              '確認した後に、取り込み先のシートが変更されたか、ファイルが変わりました。何も書き込んでいません。新しい確認の内容を見てから、もう一度取り込んでください。',
              [],
              { preview: toPreview(run, options.expected ?? {}) },
            );
          }
          const needing = outcomes.filter((o) => o.needsReason);
          if (needing.length > 0 && reason === null) {
            const message = `評価確定・公開のシート（${needing.map((o) => o.title).join('、')}）を置き換えるには、理由を入力してください`;
            throw new AppError('invalid', `${message}。何も書き込んでいません。`, [
              { path: 'reason', message },
            ]);
          }
        }
        return run;
      }),
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.run;
    throw error;
  }
}

/** The 部区's year: written only when the file says something new about it. */
async function writeWardYear(tx: Tx, wardId: string, file: WardYearFile) {
  const values = { source: file.source ?? null, uncertain: file.uncertain ?? [] };
  const [row] = await tx
    .select({ source: wardYears.source, uncertain: wardYears.uncertain })
    .from(wardYears)
    .where(and(eq(wardYears.wardId, wardId), eq(wardYears.fiscalYear, file.fiscalYear)));
  if (
    row &&
    row.source === values.source &&
    JSON.stringify(row.uncertain) === JSON.stringify(values.uncertain)
  )
    return;
  await tx
    .insert(wardYears)
    .values({ wardId, fiscalYear: file.fiscalYear, ...values })
    .onConflictDoUpdate({ target: [wardYears.wardId, wardYears.fiscalYear], set: values });
}

/** The file as read, and the version and state of every sheet it would write over. */
function previewToken(file: WardYearFile, stamps: unknown[]): string {
  return createHash('sha256')
    .update(JSON.stringify(file))
    .update('\u0000')
    .update(JSON.stringify(stamps))
    .digest('hex');
}

function facts(run: Run) {
  const count = (action: ImportAction) => run.outcomes.filter((o) => o.action === action).length;
  return {
    municipality: run.file.municipality,
    ward: run.file.ward,
    fiscalYear: run.file.fiscalYear,
    format: run.source.format,
    fileName: run.source.fileName,
    newWard: run.newWard,
    sheetOutcomes: run.outcomes,
    created: count('create'),
    replaced: count('replace'),
    unchanged: count('unchanged'),
    goals: run.file.sheets.reduce((n, s) => n + s.goals.length, 0),
    indicators: run.file.sheets.reduce((n, s) => n + s.goals.reduce((m, g) => m + g.indicators.length, 0), 0),
    warnings: run.warnings,
  };
}

function toPreview(run: Run, expected: ImportExpectation): ImportPreview {
  const mismatches = importMismatches(expected, run.file);
  return {
    ...facts(run),
    mismatch: mismatches.length > 0,
    mismatches,
    needsReason: run.outcomes.some((o) => o.needsReason),
    previewToken: run.previewToken,
  };
}

function toResult(run: Run): ImportResult {
  const f = facts(run);
  return {
    ...f,
    sheets: run.file.sheets.length,
    createdSheets: f.created,
    updatedSheets: f.replaced,
    unchangedSheets: f.unchanged,
  };
}

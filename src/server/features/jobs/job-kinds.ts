import type { z as zod } from 'zod';
import type { Db } from '../../../db/client';
import { bulkActionSchema } from '../../../schemas/bulk-action';
import { importConfirmQuery, importPreviewQuery } from '../../../schemas/import';
import { bookletJobSchema } from '../../../schemas/ward-year';
import { signInNeeded } from '../../app-error';
import { type PdfWorkers, streamBytes } from '../../pdf-workers/pdf-workers';
import type { SignedInUser } from '../auth/sessions';
import { loadBooklet } from '../downloads/booklet';
import { confirmImportFile, previewImportFile } from '../interchange/import-file';
import { runBulkAction } from '../progress/run-bulk-action';
import type { JobFile } from './job-store';

export type JobKindName = 'booklet' | 'import-preview' | 'import' | 'bulk-action';

/** What one attempt of a job gets: the database, its starter, its upload, a way to report. */
export interface JobContext {
  /** The job's id, the same in every attempt. */
  jobId: string;
  db: Db;
  /** The starter as they are now; null for the public. */
  owner: SignedInUser | null;
  upload: Uint8Array | null;
  /** Report how far it has got; throws once the attempt is abandoned (the server stops). */
  progress(done: number, total: number, message: string): void;
  signal: AbortSignal;
  /** The worker threads that print PDFs. */
  pdf: PdfWorkers;
}

/** A job makes a file (the booklet) or a result to show (an import's preview or summary). */
type JobProduct = { file: JobFile } | { result: unknown };

/** One kind of job: the stored request it reads (checked again when it runs) and its work. */
export interface JobKind {
  run(input: unknown, context: JobContext): Promise<JobProduct>;
}

function defineKind<Input extends zod.ZodType>(kind: {
  input: Input;
  run(input: zod.output<Input>, context: JobContext): Promise<JobProduct>;
}): JobKind {
  return { run: (input, context) => kind.run(kind.input.parse(input), context) };
}

function signedInOwner(context: JobContext) {
  const { owner, upload } = context;
  if (!owner) throw signInNeeded();
  return {
    actor: owner.actor,
    by: { id: owner.id, name: owner.displayName },
    bytes: upload ?? new Uint8Array(),
  };
}

/** Every kind of job, by the name the job's `kind` carries. */
export const jobKinds: Record<JobKindName, JobKind> = {
  booklet: defineKind({
    input: bookletJobSchema,
    run: async (options, { db, owner, progress, signal, pdf }) => {
      const { input, filename, asciiFilename } = await loadBooklet(db, {
        ...options,
        actor: owner?.actor ?? null,
      });
      const total = input.sheets.length;
      progress(0, total, 'シートを読み込みました');
      const bytes = await streamBytes(
        await pdf.booklet(input, {
          onProgress: (done) => progress(done, total, `${done}/${total} シートを作成中`),
          signal,
        }),
      );
      const file: JobFile = { bytes, contentType: 'application/pdf', filename, asciiFilename };
      return { file };
    },
  }),
  'import-preview': defineKind({
    input: importPreviewQuery,
    run: async (query, context) => {
      context.progress(0, 0, 'ファイルを確認中');
      const result = await previewImportFile(context.db, {
        ...signedInOwner(context),
        channel: query.via ?? 'api',
        fileName: query.fileName,
        expected: {
          ...(query.expectedMunicipality ? { municipality: query.expectedMunicipality } : {}),
          ...(query.expectedWard ? { ward: query.expectedWard } : {}),
          ...(query.expectedFiscalYear ? { fiscalYear: query.expectedFiscalYear } : {}),
        },
        onProgress: (done, total) => context.progress(done, total, `${done}/${total} シートを確認中`),
      });
      return { result };
    },
  }),
  import: defineKind({
    input: importConfirmQuery,
    run: async (query, context) => {
      context.progress(0, 0, 'ファイルを確認中');
      const result = await confirmImportFile(context.db, {
        ...signedInOwner(context),
        channel: query.via ?? 'api',
        fileName: query.fileName,
        previewToken: query.previewToken,
        reason: query.reason,
        onProgress: (done, total) => context.progress(done, total, `${done}/${total} シートを取り込み中`),
      });
      return { result };
    },
  }),
  /** 一括操作 of the 進捗管理表: each sheet done or refused on its own, with progress. */
  'bulk-action': defineKind({
    input: bulkActionSchema,
    run: async (request, context) => {
      const { actor, by } = signedInOwner(context);
      const result = await runBulkAction(context.db, {
        ...request,
        jobId: context.jobId,
        actor,
        by,
        onProgress: (done, total) => context.progress(done, total, `${done}/${total} シートを処理中`),
      });
      return { result };
    },
  }),
};

export const isJobKind = (kind: string): kind is JobKindName => Object.hasOwn(jobKinds, kind);

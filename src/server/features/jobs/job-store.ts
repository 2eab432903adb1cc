import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { jobs } from '../../../db/schema';
import type { JobStatus } from '../../../schemas/answers';
import { AppError } from '../../app-error';

/** A file a job made, as the download sends it. */
export interface JobFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

export type JobError = NonNullable<JobStatus['error']>;

/** How a job ended: a file (the booklet), a result to show (an import), or an error. */
export type JobOutcome =
  | { state: 'done'; file: JobFile }
  | { state: 'done'; result: unknown }
  | { state: 'failed'; error: JobError };

/** What a server needs to run one attempt of a job. */
export interface ClaimedJob {
  id: string;
  kind: string;
  ownerId: string | null;
  input: unknown;
  upload: Uint8Array | null;
  attempt: string;
}

const notFound = () =>
  new AppError(
    'not_found',
    'この処理は見つかりませんでした。時間が経って消えた可能性があります。もう一度始めてください。',
  );

const statusColumns = {
  id: jobs.id,
  kind: jobs.kind,
  ownerId: jobs.ownerId,
  state: jobs.state,
  done: jobs.done,
  total: jobs.total,
  message: jobs.message,
  error: jobs.error,
  result: jobs.result,
  createdAt: jobs.createdAt,
};
export type StoredStatus = Awaited<ReturnType<typeof readJobStatus>>;

/** A new job, waiting for a server; kept for a day at most if nothing ever ends it. */
export async function insertJob(
  db: Db,
  job: { id: string; kind: string; ownerId: string | null; input: unknown; upload?: Uint8Array },
): Promise<JobStatus> {
  await db.insert(jobs).values({
    id: job.id,
    kind: job.kind,
    ownerId: job.ownerId,
    input: job.input,
    upload: job.upload ?? null,
    message: '準備中',
    expiresAt: sql`now() + interval '1 day'`,
  });
  return { id: job.id, kind: job.kind, state: 'running', done: 0, total: 0, message: '準備中' };
}

/** The job as its starter sees it (anyone else: not found). */
export async function readJobStatus(db: Db, id: string, ownerId: string | null) {
  const [row] = await db
    .select(statusColumns)
    .from(jobs)
    .where(and(eq(jobs.id, id), ownerId ? eq(jobs.ownerId, ownerId) : isNull(jobs.ownerId)));
  if (!row) throw notFound();
  return row;
}

export function presentStatus(row: StoredStatus): JobStatus {
  return {
    id: row.id,
    kind: row.kind,
    state: row.state,
    done: row.done,
    total: row.total,
    message: row.message,
    ...(row.error ? { error: row.error as JobError } : {}),
    ...(row.result !== null ? { result: row.result } : {}),
  };
}

/** The file of a finished job, for its starter. */
export async function readJobFile(db: Db, id: string, ownerId: string | null): Promise<JobFile> {
  const [row] = await db
    .select({ state: jobs.state, file: jobs.file, fileInfo: jobs.fileInfo })
    .from(jobs)
    .where(and(eq(jobs.id, id), ownerId ? eq(jobs.ownerId, ownerId) : isNull(jobs.ownerId)));
  if (!row) throw notFound();
  if (row.state !== 'done')
    throw new AppError('conflict', 'まだ処理が終わっていません。終わるまでお待ちください。');
  const info = row.fileInfo as Omit<JobFile, 'bytes'> | null;
  if (!row.file || !info) throw new AppError('not_found', 'この処理はファイルを作りません。');
  return { ...info, bytes: new Uint8Array(row.file) };
}

/**
 * Take the job for one attempt on this server: it starts over from 準備中, and whatever an
 * earlier attempt (on a server that stopped or died) still writes is ignored. Null when the job
 * has already ended or has been swept.
 */
export async function claimJob(db: Db, id: string, attempt: string): Promise<ClaimedJob | null> {
  const [row] = await db
    .update(jobs)
    .set({ attempt, done: 0, total: 0, message: '準備中' })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'running')))
    .returning({
      id: jobs.id,
      kind: jobs.kind,
      ownerId: jobs.ownerId,
      input: jobs.input,
      upload: jobs.upload,
    });
  return row ? { ...row, attempt } : null;
}

const ofAttempt = (id: string, attempt: string) =>
  and(eq(jobs.id, id), eq(jobs.attempt, attempt), eq(jobs.state, 'running'));

export async function writeProgress(
  db: Db,
  id: string,
  attempt: string,
  progress: { done: number; total: number; message: string },
): Promise<void> {
  await db.update(jobs).set(progress).where(ofAttempt(id, attempt));
}

/** End the job (its upload is dropped); it stays readable for `keepSeconds`. */
export async function finishJob(
  db: Db,
  id: string,
  attempt: string,
  outcome: JobOutcome,
  keepSeconds: number,
): Promise<void> {
  const ended = {
    upload: null,
    finishedAt: sql`now()`,
    expiresAt: sql`now() + make_interval(secs => ${keepSeconds})`,
  };
  const changes =
    outcome.state === 'failed'
      ? { ...ended, state: 'failed' as const, message: '失敗しました', error: outcome.error }
      : {
          ...ended,
          state: 'done' as const,
          done: sql`${jobs.total}`,
          message: '完了しました',
          ...('file' in outcome
            ? {
                file: outcome.file.bytes,
                fileInfo: {
                  contentType: outcome.file.contentType,
                  filename: outcome.file.filename,
                  asciiFilename: outcome.file.asciiFilename,
                },
              }
            : { result: outcome.result ?? null }),
        };
  await db.update(jobs).set(changes).where(ofAttempt(id, attempt));
}

/**
 * A job no server will finish (the queue gave up on it after its retries, or it never reached
 * the queue) is reported as failed.
 */
export async function markInterrupted(db: Db, id: string, keepSeconds: number): Promise<void> {
  await db
    .update(jobs)
    .set({
      state: 'failed',
      message: '失敗しました',
      upload: null,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(secs => ${keepSeconds})`,
      error: {
        code: 'unavailable',
        message: '処理が中断されました。もう一度お試しください。',
        issues: [],
      } satisfies JobError,
    })
    .where(and(eq(jobs.id, id), eq(jobs.state, 'running')));
}

/** Drop jobs (and their files) whose keep period has passed. */
export async function sweepJobs(db: Db): Promise<void> {
  await db.delete(jobs).where(lt(jobs.expiresAt, sql`now()`));
}

import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Database } from '../../../db/client';
import { jobQueueName, jobQueueSchema } from '../../../db/job-queue';
import { jobs } from '../../../db/schema';
import type { JobStatus } from '../../../schemas/answers';
import { AppError } from '../../app-error';
import { PdfWorkers } from '../../pdf-workers/pdf-workers';
import { isJobKind, type JobContext, type JobKindName, jobKinds } from './job-kinds';
import { loadJobOwner } from './job-owner';
import {
  type ClaimedJob,
  claimJob,
  finishJob,
  insertJob,
  type JobError,
  type JobFile,
  type JobOutcome,
  markInterrupted,
  presentStatus,
  readJobFile,
  readJobStatus,
  sweepJobs,
  writeProgress,
} from './job-store';

export type { JobStatus } from '../../../schemas/answers';
export type { JobFile } from './job-store';

export interface JobRegistryOptions {
  /** Jobs this server runs at once. */
  slots?: number;
  /** How often an idle server asks the queue for work (a server is woken at once for its own). */
  pollingIntervalSeconds?: number;
  /** How often one of the servers expires stalled jobs and archives old ones. */
  maintenanceIntervalSeconds?: number;
  /** An attempt running longer than this is abandoned (and the job tried again). */
  expireInSeconds?: number;
  /** How long a finished job, and its file, can still be polled and downloaded. */
  keepSeconds?: number;
  /** Jobs waiting or running across all servers before new ones are refused (429). */
  maxUnfinished?: number;
}

/** A job with no queue entry this long after it was started never reached the queue. */
const lostAfterMs = 60_000;

interface RunningJob {
  controller: AbortController;
  progress?: { done: number; total: number; message: string };
}

/**
 * Bulk work (a booklet, a workbook import) with progress, kept in the database and delivered by
 * pg-boss: any app server can start a job, any can run it, any can answer its polls and send its
 * file. An attempt cut short by a stop or a crash is tried again by a live server (pg-boss's
 * retries; a crashed server's attempt is expired after `expireInSeconds`).
 */
export class JobRegistry {
  readonly #database: Database;
  readonly #pdf: PdfWorkers;
  readonly #options: Required<JobRegistryOptions>;
  readonly #boss: PgBoss;
  readonly #running = new Map<string, RunningJob>();
  readonly #wakers = new Set<() => void>();
  #slots: Promise<void>[] = [];
  #stopping = false;
  #sweeper: NodeJS.Timeout | undefined;

  constructor(database: Database, options: JobRegistryOptions = {}, pdf = new PdfWorkers()) {
    this.#database = database;
    this.#pdf = pdf;
    this.#options = {
      slots: 2,
      pollingIntervalSeconds: 2,
      maintenanceIntervalSeconds: 60,
      expireInSeconds: 10 * 60,
      keepSeconds: 10 * 60,
      maxUnfinished: 8,
      ...options,
    };
    this.#boss = new PgBoss({
      db: database.sql as PgBoss.Db,
      schema: jobQueueSchema,
      // The schema is made by the migration step (as the database's owner), never here.
      migrate: false,
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: this.#options.maintenanceIntervalSeconds,
      archiveCompletedAfterSeconds: 60 * 60,
      deleteAfterDays: 1,
    });
    this.#boss.on('error', (error) => console.error('jobs:', error));
  }

  async start(): Promise<void> {
    await this.#boss.start();
    this.#slots = Array.from({ length: this.#options.slots }, () => this.#work());
    this.#sweeper = setInterval(
      () => void sweepJobs(this.#database.db).catch((error) => console.error('jobs:', error)),
      Math.min(this.#options.keepSeconds, 300) * 1000,
    );
    this.#sweeper.unref();
  }

  /**
   * Stop taking work. Jobs still running here get `graceMs` to finish; then they are abandoned,
   * to be run again by another server (or by this one when it is back). Returns their ids.
   */
  async stop({ graceMs = 0 } = {}): Promise<string[]> {
    if (this.#stopping) return [];
    this.#stopping = true;
    clearInterval(this.#sweeper);
    for (const wake of this.#wakers) wake();
    if (graceMs > 0 && this.#running.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all(this.#slots),
        new Promise((resolve) => {
          timer = setTimeout(resolve, graceMs);
        }),
      ]);
      clearTimeout(timer);
    }
    const abandoned = [...this.#running.keys()];
    for (const job of this.#running.values()) job.controller.abort(new Error('server stopping'));
    await Promise.all(this.#slots);
    await this.#boss.stop({ graceful: false, close: false });
    return abandoned;
  }

  /** Queue a job; answers at once with its first status. */
  async begin(
    kind: JobKindName,
    ownerId: string | null,
    input: unknown,
    upload?: Uint8Array,
  ): Promise<JobStatus> {
    const { db } = this.#database;
    await sweepJobs(db);
    const unfinished = await this.#boss.getQueueSize(jobQueueName, { before: 'completed' });
    if (unfinished >= this.#options.maxUnfinished) {
      throw new AppError(
        'rate_limited',
        'ただいま処理が混み合っています。しばらくしてからもう一度お試しください。',
      );
    }
    const id = randomUUID();
    const status = await insertJob(db, { id, kind, ownerId, input, ...(upload ? { upload } : {}) });
    try {
      const sent = await this.#boss.send(
        jobQueueName,
        {},
        { id, expireInSeconds: this.#options.expireInSeconds },
      );
      if (!sent) throw new Error(`job ${id} was not queued`);
    } catch (error) {
      await db.delete(jobs).where(eq(jobs.id, id));
      throw error;
    }
    const [wake] = this.#wakers;
    wake?.();
    return status;
  }

  /** How far the job has got, for the one who started it. */
  async status(id: string, ownerId: string | null): Promise<JobStatus> {
    const { db } = this.#database;
    let row = await readJobStatus(db, id, ownerId);
    if (row.state === 'running' && !this.#running.has(id) && (await this.#abandoned(id, row.createdAt))) {
      await markInterrupted(db, id, this.#options.keepSeconds);
      row = await readJobStatus(db, id, ownerId);
    }
    const status = presentStatus(row);
    // Run here, the latest progress is in memory (on PGlite an import's transaction holds the
    // one connection, so its progress reaches the table only at the end).
    const live = this.#running.get(id)?.progress;
    return status.state === 'running' && live ? { ...status, ...live } : status;
  }

  /** The file a finished job made, for the one who started it. */
  file(id: string, ownerId: string | null): Promise<JobFile> {
    return readJobFile(this.#database.db, id, ownerId);
  }

  /** No server will finish it: the queue gave up on it, or it never reached the queue. */
  async #abandoned(id: string, createdAt: Date): Promise<boolean> {
    const queued = await this.#boss.getJobById(jobQueueName, id);
    if (!queued) return Date.now() - createdAt.getTime() > lostAfterMs;
    return queued.state === 'failed' || queued.state === 'cancelled';
  }

  /** One slot: take the next job from the queue, run it, repeat until stopped. */
  async #work(): Promise<void> {
    while (!this.#stopping) {
      const [next] = await this.#boss.fetch(jobQueueName, { batchSize: 1 });
      if (next && this.#stopping) {
        // Taken just as the server began to stop: hand it straight back for another server.
        await this.#boss.fail(jobQueueName, next.id, { message: 'server stopping' });
      } else if (next) await this.#attempt(next.id).catch((error) => console.error('jobs:', error));
      else await this.#idle();
    }
  }

  #idle(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.#wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, this.#options.pollingIntervalSeconds * 1000);
      this.#wakers.add(wake);
    });
  }

  /** One attempt at a job the queue gave this server. */
  async #attempt(id: string): Promise<void> {
    const { db } = this.#database;
    const claimed = await claimJob(db, id, randomUUID());
    if (!claimed) {
      await this.#boss.complete(jobQueueName, id);
      return;
    }
    const running: RunningJob = { controller: new AbortController() };
    this.#running.set(id, running);
    const reporter = progressReporter(this.#database, claimed, running);
    const timeout = setTimeout(
      () => running.controller.abort(new Error('job timed out')),
      this.#options.expireInSeconds * 1000,
    );
    let outcome: JobOutcome | undefined;
    try {
      outcome = await this.#run(claimed, running.controller.signal, reporter.report);
    } finally {
      clearTimeout(timeout);
      await reporter.flush();
      this.#running.delete(id);
    }
    if (outcome) {
      await finishJob(db, id, claimed.attempt, outcome, this.#options.keepSeconds);
      await this.#boss.complete(jobQueueName, id);
    } else {
      await this.#boss.fail(jobQueueName, id, { message: 'attempt abandoned' });
    }
  }

  /** The job's outcome, or undefined when the attempt was abandoned (to be tried again). */
  async #run(
    claimed: ClaimedJob,
    signal: AbortSignal,
    progress: JobContext['progress'],
  ): Promise<JobOutcome | undefined> {
    const { db } = this.#database;
    try {
      if (!isJobKind(claimed.kind)) throw new Error(`unknown job kind ${claimed.kind}`);
      const owner = claimed.ownerId ? await loadJobOwner(db, claimed.ownerId) : null;
      const product = await jobKinds[claimed.kind].run(claimed.input, {
        jobId: claimed.id,
        db,
        owner,
        upload: claimed.upload,
        progress,
        signal,
        pdf: this.#pdf,
      });
      return 'file' in product
        ? { state: 'done', file: product.file }
        : { state: 'done', result: product.result };
    } catch (error) {
      if (signal.aborted) return undefined;
      return { state: 'failed', error: jobError(error) };
    }
  }
}

/**
 * Progress goes to memory at once and to the table one write at a time, the latest winning, so
 * a fast job never queues a write per step. Reporting on an abandoned attempt throws, which
 * stops (and rolls back) the work.
 */
function progressReporter(database: Database, claimed: ClaimedJob, running: RunningJob) {
  let writing: Promise<void> | undefined;
  let dirty = false;
  const write = async () => {
    while (dirty && running.progress) {
      dirty = false;
      await writeProgress(database.db, claimed.id, claimed.attempt, running.progress).catch((error) =>
        console.error('jobs:', error),
      );
    }
    writing = undefined;
  };
  return {
    report: (done: number, total: number, message: string) => {
      running.controller.signal.throwIfAborted();
      running.progress = { done, total, message };
      dirty = true;
      writing ??= write();
    },
    flush: async () => {
      await writing;
    },
  };
}

function jobError(error: unknown): JobError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      issues: error.issues,
      ...(error.details !== undefined ? { details: error.details } : {}),
    };
  }
  console.error(error);
  return {
    code: 'internal',
    message: '処理中に問題が発生しました。時間をおいてもう一度お試しください。',
    issues: [],
  };
}

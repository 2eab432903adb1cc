import { randomUUID } from 'node:crypto';
import type { FieldIssue } from '../../../schemas/issues';
import { AppError } from '../../app-error';

/** What the browser polls: how far a long piece of work has got. */
export interface JobStatus {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  /** What is happening now, in words: 「3/8 シートを作成中」. */
  message: string;
  /** Why it failed: the error's code (`conflict`, `invalid`, …), message, issues and details. */
  error?: { code: string; message: string; issues: FieldIssue[]; details?: unknown };
  /** What a job that makes no file ends with (an import's summary). */
  result?: unknown;
}

export interface JobFile {
  bytes: Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

interface Job {
  status: JobStatus;
  /** Who started it (user id), or null for the public; only they may see it. */
  owner: string | null;
  result?: JobFile | unknown;
  finishedAt?: number;
}

export interface JobControl {
  progress(done: number, total: number, message: string): void;
}

/**
 * Bulk work (a booklet, a workbook import) runs beside the request that starts it and is
 * polled for progress. Jobs live in this process's memory for ten minutes after they end; a
 * deployment with several app servers needs sticky sessions for these endpoints.
 */
export class JobRegistry {
  readonly #jobs = new Map<string, Job>();

  constructor(
    private readonly maxRunning = 4,
    private readonly keepMs = 10 * 60 * 1000,
  ) {}

  start(
    kind: string,
    owner: string | null,
    work: (control: JobControl) => Promise<JobFile | unknown>,
  ): JobStatus {
    this.#sweep();
    const running = [...this.#jobs.values()].filter((j) => j.status.state === 'running').length;
    if (running >= this.maxRunning) {
      throw new AppError(
        'rate_limited',
        'ただいま処理が混み合っています。しばらくしてからもう一度お試しください。',
      );
    }
    const status: JobStatus = {
      id: randomUUID(),
      kind,
      state: 'running',
      done: 0,
      total: 0,
      message: '準備中',
    };
    const job: Job = { status, owner };
    this.#jobs.set(status.id, job);
    const control: JobControl = {
      progress: (done, total, message) => Object.assign(status, { done, total, message }),
    };
    work(control).then(
      (result) => {
        Object.assign(status, { state: 'done', done: status.total, message: '完了しました' });
        job.result = result;
        if (!isJobFile(result)) status.result = result;
        job.finishedAt = Date.now();
      },
      (error: unknown) => {
        const known = error instanceof AppError;
        if (!known) console.error(error);
        Object.assign(status, {
          state: 'failed',
          message: '失敗しました',
          error: {
            code: known ? error.code : 'internal',
            ...(known && error.details !== undefined ? { details: error.details } : {}),
            message: known
              ? error.message
              : '処理中に問題が発生しました。時間をおいてもう一度お試しください。',
            issues: known ? error.issues : [],
          },
        });
        job.finishedAt = Date.now();
      },
    );
    return { ...status };
  }

  status(id: string, owner: string | null): JobStatus {
    return { ...this.#find(id, owner).status };
  }

  result(id: string, owner: string | null): JobFile | unknown {
    const job = this.#find(id, owner);
    if (job.status.state !== 'done') throw new AppError('conflict', 'まだ処理が終わっていません。');
    return job.result;
  }

  #find(id: string, owner: string | null): Job {
    const job = this.#jobs.get(id);
    if (!job || job.owner !== owner)
      throw new AppError(
        'not_found',
        'この処理は見つかりませんでした（時間が経って消えた可能性があります）。',
      );
    return job;
  }

  #sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.#jobs)
      if (job.finishedAt && now - job.finishedAt > this.keepMs) this.#jobs.delete(id);
  }
}

function isJobFile(result: unknown): result is JobFile {
  return typeof result === 'object' && result !== null && 'bytes' in result && 'contentType' in result;
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './api';
import { fetchJob, type JobStatus } from './api-downloads';

const pollMs = 300;

export type JobState =
  | { phase: 'idle' }
  | { phase: 'starting' }
  | { phase: 'running'; status: JobStatus }
  | { phase: 'done'; status: JobStatus }
  | { phase: 'failed'; status: JobStatus }
  /** The job could not be started or followed (403, network): the API's message. */
  | { phase: 'error'; error: ApiError };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : new ApiError(0, 'unknown', '処理を続けられませんでした。時間をおいてもう一度お試しください。');
}

/**
 * Starts a job on the server and follows it (polling its status) until it is done or failed.
 * Leaving the page stops the polling.
 */
export function useJob(): {
  state: JobState;
  run: (start: () => Promise<JobStatus>) => Promise<void>;
  /** Forget the last job (stops following it). */
  reset: () => void;
} {
  const [state, setState] = useState<JobState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async (start: () => Promise<JobStatus>) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState({ phase: 'starting' });
    try {
      let status = await start();
      while (status.state === 'running' && !abort.signal.aborted) {
        setState({ phase: 'running', status });
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        if (abort.signal.aborted) return;
        status = await fetchJob(status.id, abort.signal);
      }
      if (abort.signal.aborted) return;
      setState(status.state === 'done' ? { phase: 'done', status } : { phase: 'failed', status });
    } catch (error) {
      if (abort.signal.aborted) return;
      setState({ phase: 'error', error: asApiError(error) });
    }
  }, []);

  const reset = useCallback(() => {
    controller.current?.abort();
    setState({ phase: 'idle' });
  }, []);

  return { state, run, reset };
}

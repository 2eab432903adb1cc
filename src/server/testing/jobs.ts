import { expect } from 'vitest';
import { type JobStatus, jobStatusSchema } from '../../schemas/answers';
import type { TestClient } from './test-app';

/** Polls a job started by `started` (a 202) until it has ended, done or failed. */
export async function settledJob(client: TestClient, started: Response): Promise<JobStatus> {
  expect(started.status, await started.clone().text()).toBe(202);
  let job = jobStatusSchema.parse(await started.json());
  while (job.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 50));
    job = jobStatusSchema.parse(await (await client.get(`/api/v1/jobs/${job.id}`)).json());
  }
  return job;
}

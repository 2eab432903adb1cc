import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client';
import { createDemoUsersIfNone } from '../../../db/seed/demo-users';
import { loadSampleIfEmpty } from '../../../db/seed/load-sample';
import { createTestDatabase } from '../../../db/testing';
import { z } from '../../../schemas/zod';
import { createApp } from '../../app';
import { cookieClient, signedInClient, type TestClient } from '../../testing/test-app';
import type { JobStatus } from './job-registry';

/**
 * Jobs live in the database, not in the server's memory: the app is disposed and created again
 * on the same database, as a restarted server would be.
 */
let database: Database;
let server: Awaited<ReturnType<typeof createApp>>;
const restart = async () => {
  await server.dispose();
  server = await createApp({ database, jobs: { pollingIntervalSeconds: 0.5 } });
};
const browser = () => cookieClient(async (path, init) => server.app.request(path, init));

beforeAll(async () => {
  database = await createTestDatabase();
  await loadSampleIfEmpty(database.db);
  await createDemoUsersIfNone(database.db);
  server = await createApp({ database, jobs: { pollingIntervalSeconds: 0.5 } });
}, 60_000);
afterAll(async () => {
  await server?.dispose();
  await database?.close();
});

async function poll(client: TestClient, id: string, until: (status: JobStatus) => boolean) {
  for (;;) {
    const res = await client.get(`/api/v1/jobs/${id}`);
    expect(res.status).toBe(200);
    const status = (await res.json()) as JobStatus;
    if (until(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function startBooklet(client: TestClient): Promise<string> {
  const res = await client.send('POST', '/api/v1/jobs/booklet', { ward: '北区', fiscalYear: 2022 });
  expect(res.status).toBe(202);
  return ((await res.json()) as JobStatus).id;
}

describe('a job across a restart of its server', () => {
  it('a finished job can still be polled and downloaded, by its starter only', async () => {
    const staff = await signedInClient(browser(), 'somu-staff');
    const id = await startBooklet(staff);
    await poll(staff, id, (s) => s.state !== 'running');
    await restart();
    expect(await poll(staff, id, () => true)).toMatchObject({ state: 'done', done: 8, total: 8 });
    const file = await staff.get(`/api/v1/jobs/${id}/file`);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const stranger = browser();
    await stranger.get('/api/v1/auth/me');
    expect((await stranger.get(`/api/v1/jobs/${id}`)).status).toBe(404);
    expect((await stranger.get(`/api/v1/jobs/${id}/file`)).status).toBe(404);
  }, 120_000);

  it('a job cut short by the restart is run again and finished after it', async () => {
    const client = browser();
    await client.get('/api/v1/auth/me');
    const id = await startBooklet(client);
    await poll(client, id, (s) => /シートを読み込みました|シートを作成中/.test(s.message));
    await restart();
    const status = await poll(client, id, (s) => s.state !== 'running');
    expect(status).toMatchObject({ state: 'done', done: 8, total: 8, message: '完了しました' });
    // pg-boss counts the attempts after the first.
    const { rows } = await database.sql.executeSql('select retry_count from pgboss.job where id = $1', [id]);
    expect(z.object({ retry_count: z.number() }).parse(rows[0]).retry_count).toBeGreaterThanOrEqual(1);
    const file = await client.get(`/api/v1/jobs/${id}/file`);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  }, 120_000);

  it('refuses a job while too many are unfinished across the servers, and runs the waiting one later', async () => {
    // A server that runs no jobs itself: the first waits in the queue and counts against the limit.
    await server.dispose();
    server = await createApp({ database, jobs: { slots: 0, maxUnfinished: 1 } });
    const client = browser();
    await client.get('/api/v1/auth/me');
    const waiting = await startBooklet(client);
    const refused = await client.send('POST', '/api/v1/jobs/booklet', { ward: '北区', fiscalYear: 2022 });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toBe(
      'ただいま処理が混み合っています。しばらくしてからもう一度お試しください。',
    );
    await restart();
    expect(await poll(client, waiting, (s) => s.state !== 'running')).toMatchObject({ state: 'done' });
  }, 120_000);
});

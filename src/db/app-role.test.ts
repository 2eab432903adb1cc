import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sheetViewSchema, toSheetDocument } from '../schemas/sheet-edit';
import { loadSheetDetail } from '../server/features/sheets/get-sheet';
import { takeSnapshot } from '../server/features/sheets/history';
import { sheetIdTitled } from '../server/testing/finders';
import { importThroughApi } from '../server/testing/import-through-api';
import { nextYearFixture } from '../server/testing/next-year-fixture';
import { createTestApp, type TestApp } from '../server/testing/test-app';
import { appPrivileges, embeddedAppRole } from './app-role';
import { type Database, openDatabase } from './client';
import { sheetHistory, sheetSnapshots } from './schema';

/** What a statement came to: 'allowed', or the database's refusal. */
function outcome(query: Promise<unknown>): Promise<string> {
  return query.then(
    () => 'allowed',
    (error: Error & { cause?: Error }) => `${error.cause?.message ?? ''} ${error.message}`,
  );
}

function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** Run SQL as the app: the connection the app serves with. */
function asApp(database: Database, text: string): Promise<string> {
  return outcome(database.db.execute(sql.raw(text)));
}

async function one<T>(database: Database, text: string): Promise<T> {
  const [row] = rowsOf<T>(await database.db.execute(sql.raw(text)));
  if (!row) throw new Error(`no row: ${text}`);
  return row;
}

/**
 * The tables' owner beside the app's connection: on PostgreSQL the migration URL's user
 * (TEST_DATABASE_URL) on the same database; in the embedded database the process's own
 * session before it took the app's role. `reopen` runs the schema step again, as a start does.
 */
interface Owner {
  run(text: string): Promise<string>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

async function ownerOf(database: Database): Promise<Owner> {
  if (database.engine === 'pglite') {
    const client = (database.db as unknown as { $client: unknown }).$client;
    if (!(client instanceof PGlite)) throw new Error('expected the PGlite client');
    return {
      run: async (text) => {
        await client.exec('RESET ROLE');
        try {
          return await outcome(client.exec(text));
        } finally {
          await client.exec(`SET ROLE ${embeddedAppRole}`);
        }
      },
      reopen: async () => {
        await openDatabase({ engine: 'pglite', client }); // closed with `database`
      },
      close: async () => {},
    };
  }
  const { name } = await one<{ name: string }>(database, 'select current_database() as name');
  const onDatabase = (serverUrl: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const ownerUrl = onDatabase(process.env.TEST_DATABASE_URL ?? '');
  const appUrl = onDatabase(process.env.TEST_DATABASE_APP_URL ?? '');
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  return {
    run: (text) => outcome(client.query(text)),
    reopen: async () => {
      const again = await openDatabase({ engine: 'postgres', url: appUrl, migrationUrl: ownerUrl });
      await again.close();
    },
    close: () => client.end(),
  };
}

const refused = /permission denied|must be owner|is refused|append-only/;

let t: TestApp;
let owner: Owner;
let sheetId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await ownerOf(t.database);
  const admin = await t.as('admin');
  expect((await importThroughApi(admin, nextYearFixture())).status).toBe(200);
  const staff = await t.as('somu-staff');
  sheetId = await sheetIdTitled(staff, '地域総務課', { fiscalYear: 2023 });
});
afterAll(async () => {
  await owner?.close();
  await t?.close();
});

async function historyState() {
  return one<{ n: number; digest: string }>(
    t.database,
    `select count(*)::int as n, md5(coalesce(string_agg(h::text, '|' order by h.id), '')) as digest
       from sheet_history h`,
  );
}

describe("the app's database role", () => {
  it('owns no table, is no superuser and cannot create roles', async () => {
    const role = await one<{ name: string; superuser: boolean; createRole: boolean; owned: number }>(
      t.database,
      `select r.rolname as name, r.rolsuper as superuser, r.rolcreaterole as "createRole",
              (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and pg_has_role(current_user, c.relowner, 'MEMBER')) as owned
         from pg_roles r where r.rolname = current_user`,
    );
    expect(role).toMatchObject({ superuser: false, createRole: false, owned: 0 });
    expect(role.name).toBe(t.database.engine === 'pglite' ? embeddedAppRole : 'mokuhyo_app');
  });

  it('cannot TRUNCATE, change, delete, unprotect or drop history, nor take the rights to', async () => {
    const before = await historyState();
    expect(before.n).toBeGreaterThan(0);
    const attempts = [
      'TRUNCATE sheet_history',
      'TRUNCATE sheet_history CASCADE',
      'ALTER TABLE sheet_history DISABLE TRIGGER sheet_history_append_only',
      'ALTER TABLE sheet_history DISABLE TRIGGER ALL',
      'DROP TRIGGER sheet_history_append_only ON sheet_history',
      "UPDATE sheet_history SET comment = 'x'",
      'DELETE FROM sheet_history',
      'DROP TABLE sheet_history CASCADE',
      'ALTER TABLE sheet_history RENAME TO old_history',
      'CREATE TABLE sheet_history_copy (id int)',
      'TRUNCATE sheet_snapshots',
      'DELETE FROM sheet_snapshots',
      'TRUNCATE result_corrections',
      'DELETE FROM result_corrections',
      'TRUNCATE sheets CASCADE',
      'DROP TABLE sheets CASCADE',
    ];
    for (const attempt of attempts) {
      expect(`${attempt}: ${await asApp(t.database, attempt)}`).toMatch(refused);
    }
    // Granting itself more is a no-op (PostgreSQL warns: no privileges were granted).
    await asApp(t.database, 'GRANT UPDATE, DELETE, TRUNCATE ON sheet_history TO CURRENT_USER');
    const held = await one<{ update: boolean; truncate: boolean }>(
      t.database,
      `select has_table_privilege('sheet_history', 'UPDATE') as update,
              has_table_privilege('sheet_history', 'TRUNCATE') as truncate`,
    );
    expect(held).toEqual({ update: false, truncate: false });
    // Refused statements leave the connection as the app's role.
    const after = await one<{ role: string }>(t.database, 'select current_user as role');
    expect(after.role).toBe(t.database.engine === 'pglite' ? embeddedAppRole : 'mokuhyo_app');
    // The sequence: disable the trigger, then rewrite.
    expect(await asApp(t.database, 'ALTER TABLE sheet_history DISABLE TRIGGER USER')).toMatch(
      /must be owner/,
    );
    expect(await asApp(t.database, "UPDATE sheet_history SET actor_name = 'someone else'")).toMatch(
      /permission denied/,
    );
    expect(await historyState()).toEqual(before);
  });

  it.runIf(process.env.TEST_DATABASE_URL)('cannot become the owner (PostgreSQL)', async () => {
    expect(await asApp(t.database, 'SET ROLE mokuhyo_owner')).toMatch(/permission denied/);
    expect(await asApp(t.database, 'SET SESSION AUTHORIZATION mokuhyo_owner')).toMatch(/permission denied/);
  });

  it('still saves a sheet, recording its history, and keeps the latest snapshot of a stage', async () => {
    const before = await historyState();
    const staff = await t.as('somu-staff');
    const start = sheetViewSchema.parse(await (await staff.get(`/api/v1/sheets/${sheetId}`)).json());
    const document = toSheetDocument(start);
    document.outcome = '権限を絞ったロールでの保存';
    const res = await staff.send('PUT', `/api/v1/sheets/${sheetId}`, { version: start.version, document });
    expect(res.status, await res.clone().text()).toBe(200);
    const entries = await t.database.db.select().from(sheetHistory).where(eq(sheetHistory.sheetId, sheetId));
    expect(entries.at(-1)).toMatchObject({ kind: 'edit', version: start.version + 1 });
    expect((await historyState()).n).toBe(before.n + 1);

    // A snapshot is written, then superseded in place (INSERT … ON CONFLICT DO UPDATE).
    for (const version of [1, 2]) {
      await t.database.db.transaction(async (tx) => {
        const detail = await loadSheetDetail(tx, sheetId);
        await takeSnapshot(tx, sheetId, 'plan', { ...detail, version });
      });
    }
    const snapshots = await t.database.db
      .select()
      .from(sheetSnapshots)
      .where(eq(sheetSnapshots.sheetId, sheetId));
    expect(snapshots.map((s) => [s.stage, s.version])).toEqual([['plan', 2]]);
  });
});

describe('the triggers, which stop the owner too', () => {
  it('refuse TRUNCATE of every record table and DELETE of snapshots and corrections', async () => {
    const before = await historyState();
    expect(await owner.run('TRUNCATE sheet_history')).toMatch(
      /sheet_history is append-only: TRUNCATE is refused/,
    );
    expect(await owner.run('TRUNCATE sheet_history, sheets CASCADE')).toMatch(/TRUNCATE is refused/);
    expect(await owner.run("UPDATE sheet_history SET comment = 'x'")).toMatch(/append-only/);
    expect(await owner.run('DELETE FROM sheet_history')).toMatch(/append-only/);
    expect(await owner.run('TRUNCATE sheet_snapshots')).toMatch(/sheet_snapshots is never erased: TRUNCATE/);
    expect(await owner.run('DELETE FROM sheet_snapshots')).toMatch(/sheet_snapshots is never erased: DELETE/);
    expect(await owner.run('TRUNCATE result_corrections')).toMatch(
      /result_corrections is never erased: TRUNCATE/,
    );
    // The app may propose a correction (INSERT); nobody may delete it.
    const added = await asApp(
      t.database,
      `INSERT INTO result_corrections (indicator_id, fiscal_year, proposed_on_sheet_id, reason)
       SELECT p.indicator_id, 2022, g.sheet_id, '試験' FROM placements p JOIN goals g ON g.id = p.goal_id
        WHERE g.sheet_id = '${sheetId}' LIMIT 1`,
    );
    expect(added).toBe('allowed');
    expect(await owner.run('DELETE FROM result_corrections')).toMatch(
      /result_corrections is never erased: DELETE/,
    );
    expect(await asApp(t.database, "UPDATE result_corrections SET decision_comment = '確認'")).toBe(
      'allowed',
    );
    expect(await historyState()).toEqual(before);
  });
});

describe('the schema step', () => {
  it('lets the owner migrate again, and grants each later table by its category', async () => {
    const database = t.database;
    await owner.reopen();
    expect(
      await owner.run(`
        CREATE TABLE later_things (id int);
        CREATE TABLE later_records (id int GENERATED ALWAYS AS IDENTITY, note text);
        CREATE TRIGGER later_records_append_only BEFORE UPDATE OR DELETE ON later_records
          FOR EACH ROW EXECUTE FUNCTION mokuhyo_refuse_history_change();
        CREATE SCHEMA IF NOT EXISTS pgboss;
        CREATE TABLE pgboss.later_job (id serial, name text);
        CREATE TABLE granted_by_hand (id int);
        GRANT ALL ON granted_by_hand TO PUBLIC;
        GRANT ALL ON sheet_history TO PUBLIC;`),
    ).toBe('allowed');
    await owner.reopen(); // the next start
    const can = async (table: string, privilege: string) =>
      (
        await one<{ can: boolean }>(
          database,
          `select has_table_privilege(current_user, '${table}', '${privilege}') as can`,
        )
      ).can;
    const privileges = async (table: string) => {
      const list = [];
      for (const privilege of ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) {
        if (await can(table, privilege)) list.push(privilege);
      }
      return list;
    };
    expect(await privileges('later_things')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(await privileges('later_records')).toEqual(['SELECT', 'INSERT']);
    expect(await privileges('pgboss.later_job')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(await privileges('sheet_history')).toEqual(['SELECT', 'INSERT']);
    expect(await privileges('sheet_snapshots')).toEqual(['SELECT', 'INSERT', 'UPDATE']);
    expect(await privileges('sessions')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    // Rights granted by hand, to the role or to every role (PUBLIC), are taken back.
    expect(await privileges('granted_by_hand')).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(await asApp(database, "INSERT INTO later_records (note) VALUES ('a')")).toBe('allowed');
    expect(await asApp(database, "INSERT INTO pgboss.later_job (name) VALUES ('booklet')")).toBe('allowed');
    expect(await asApp(database, 'DELETE FROM pgboss.later_job')).toBe('allowed');
    expect(await asApp(database, 'TRUNCATE pgboss.later_job')).toMatch(/permission denied/);
    expect(await asApp(database, 'DROP TABLE pgboss.later_job')).toMatch(/must be owner/);
    expect(await asApp(database, 'CREATE TABLE pgboss.mine (id int)')).toMatch(/permission denied/);
    // Which migrations are applied it may read (a backup records them), never change.
    expect(await asApp(database, 'SELECT * FROM drizzle.__drizzle_migrations')).toBe('allowed');
    expect(await asApp(database, 'DELETE FROM drizzle.__drizzle_migrations')).toMatch(/permission denied/);
    expect(await asApp(database, 'CREATE TABLE drizzle.mine (id int)')).toMatch(/permission denied/);
  });
});

describe('a misconfigured app role', () => {
  it.runIf(!process.env.TEST_DATABASE_URL)(
    'is refused at start when it could erase history whatever the grants (embedded)',
    async () => {
      const refusedWhile = async (grant: string, undo: string, message: RegExp) => {
        expect(await owner.run(grant)).toBe('allowed');
        await expect(owner.reopen()).rejects.toThrow(message);
        expect(await owner.run(undo)).toBe('allowed');
      };
      const role = embeddedAppRole;
      await refusedWhile(
        `ALTER ROLE ${role} SUPERUSER`,
        `ALTER ROLE ${role} NOSUPERUSER`,
        /スーパーユーザー/,
      );
      await refusedWhile(`ALTER ROLE ${role} CREATEROLE`, `ALTER ROLE ${role} NOCREATEROLE`, /CREATEROLE/);
      await refusedWhile(
        `GRANT postgres TO ${role}`,
        `REVOKE postgres FROM ${role}`,
        /テーブルの所有者「postgres」/,
      );
      expect(
        await owner.run(`
          CREATE ROLE history_editors NOLOGIN;
          GRANT UPDATE, TRUNCATE ON sheet_history TO history_editors;
          GRANT history_editors TO ${embeddedAppRole};`),
      ).toBe('allowed');
      await expect(owner.reopen()).rejects.toThrow(/sheet_history（UPDATE・TRUNCATE）/);
      expect(await owner.run(`REVOKE history_editors FROM ${embeddedAppRole}`)).toBe('allowed');
      await owner.reopen();
    },
  );
});

describe('appPrivileges', () => {
  it('gives each category only what it needs', () => {
    const table = { schema: 'public', name: 't', refusesUpdate: false, refusesDelete: false } as const;
    expect(appPrivileges({ ...table, kind: 'table' })).toEqual(['SELECT', 'INSERT', 'UPDATE', 'DELETE']);
    expect(appPrivileges({ ...table, kind: 'table', refusesUpdate: true, refusesDelete: true })).toEqual([
      'SELECT',
      'INSERT',
    ]);
    expect(appPrivileges({ ...table, kind: 'table', refusesDelete: true })).toEqual([
      'SELECT',
      'INSERT',
      'UPDATE',
    ]);
    expect(appPrivileges({ ...table, kind: 'view' })).toEqual(['SELECT']);
    expect(appPrivileges({ ...table, kind: 'sequence' })).toEqual(['USAGE']);
  });
});

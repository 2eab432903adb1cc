import { quoteIdentifier, type SqlSession } from './sql-session';

/**
 * The schemas whose tables the app works with: mokuhyo's own, and the job queue's (pg-boss)
 * once a schema step has created it. Every table in them is granted by its category; the
 * migrations' bookkeeping (schema `drizzle`) is the owner's to write; the app may only read it.
 */
const appSchemas = ['public', 'pgboss'];

/** The role the embedded database (PGlite) runs the app as once migrated. */
export const embeddedAppRole = 'mokuhyo_app';

/**
 * Trigger functions of the migrations that refuse changing or erasing rows (0002, 0007). A
 * table with such a trigger on UPDATE or DELETE is a record: the app's role gets no right to
 * do what the trigger refuses, so a new protected table needs no change here.
 */
const refusalFunctions = ['mokuhyo_refuse_history_change', 'mokuhyo_refuse_erasure'];

const triggerOnDelete = 1 << 3;
const triggerOnUpdate = 1 << 4;

export interface Relation {
  schema: string;
  name: string;
  kind: 'table' | 'view' | 'sequence';
  refusesUpdate: boolean;
  refusesDelete: boolean;
}

/**
 * What the app's role may do with a relation, by category: an ordinary table is read and
 * written; a record (履歴 and the like) is read and added to, and updated only if its triggers
 * allow it; a view is read; a sequence is drawn from. Never TRUNCATE, REFERENCES or TRIGGER,
 * never with grant option, never ownership (so no ALTER, DISABLE TRIGGER or DROP).
 */
export function appPrivileges(relation: Relation): string[] {
  if (relation.kind === 'sequence') return ['USAGE'];
  if (relation.kind === 'view') return ['SELECT'];
  return [
    'SELECT',
    'INSERT',
    ...(relation.refusesUpdate ? [] : ['UPDATE']),
    ...(relation.refusesDelete ? [] : ['DELETE']),
  ];
}

interface RelationRow extends Relation {
  /** The role's own grants on it, sorted; `*` marks one held with grant option. */
  granted: string[];
  /** Whether PUBLIC (every role) holds any right on it. */
  publicGranted: boolean;
  /** What the role may do in effect: its grants, PUBLIC's, its memberships', predefined roles'. */
  effective: string[];
}

const kindByRelkind: Record<string, Relation['kind']> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'view',
  S: 'sequence',
};

/**
 * Give `appRole` exactly its rights on every table, view and sequence of the app's schemas,
 * and use of those schemas, as the session's role (their owner); then refuse to go on if the
 * role can still do more (see `refuseRoleThatCanErase`). Run after every schema step, on every
 * start: a table a later migration (or the job queue) adds is covered, and rights granted by
 * hand beyond these (to the role or to PUBLIC) are taken back. Only what differs is changed,
 * in one transaction.
 */
export async function grantAppRole(owner: SqlSession, appRole: string): Promise<void> {
  await refuseRoleThatCanErase(owner, appRole);
  const role = quoteIdentifier(appRole);
  const schemas = await owner.rows<{ name: string; usage: boolean; create: boolean }>(
    `select nspname as name,
            has_schema_privilege($2, oid, 'USAGE') as usage,
            has_schema_privilege($2, oid, 'CREATE') as "create"
       from pg_namespace where nspname = any($1) order by nspname`,
    [appSchemas, appRole],
  );
  const statements: string[] = [];
  for (const schema of schemas) {
    const name = quoteIdentifier(schema.name);
    if (!schema.usage) statements.push(`GRANT USAGE ON SCHEMA ${name} TO ${role}`);
    if (schema.create) statements.push(`REVOKE CREATE ON SCHEMA ${name} FROM ${role}`);
  }
  // The migrations' bookkeeping stays the owner's to write; the app may read which migrations
  // are applied (a backup records them, so a restore can tell whether it fits).
  const [bookkeeping] = await owner.rows<{ usage: boolean; read: boolean }>(
    `select has_schema_privilege($1, 'drizzle', 'USAGE') as usage,
            has_table_privilege($1, 'drizzle.__drizzle_migrations', 'SELECT') as read
       where to_regclass('drizzle.__drizzle_migrations') is not null`,
    [appRole],
  );
  if (bookkeeping && !bookkeeping.usage) statements.push(`GRANT USAGE ON SCHEMA drizzle TO ${role}`);
  if (bookkeeping && !bookkeeping.read)
    statements.push(`GRANT SELECT ON drizzle.__drizzle_migrations TO ${role}`);
  let relations = await listRelations(owner, appRole);
  for (const relation of relations) {
    const wanted = appPrivileges(relation);
    const target = `${relation.kind === 'sequence' ? 'SEQUENCE' : 'TABLE'} ${quoteIdentifier(relation.schema)}.${quoteIdentifier(relation.name)}`;
    if (relation.publicGranted) statements.push(`REVOKE ALL ON ${target} FROM PUBLIC`);
    if (sameSet(relation.granted, wanted)) continue;
    statements.push(
      `REVOKE ALL ON ${target} FROM ${role}`,
      `GRANT ${wanted.join(', ')} ON ${target} TO ${role}`,
    );
  }
  if (statements.length > 0) {
    // One script is one implicit transaction on both engines: all of it or none.
    await owner.run(`${statements.join(';\n')};`);
    relations = await listRelations(owner, appRole);
  }
  refuseExcessRights(relations, appRole);
}

async function listRelations(owner: SqlSession, appRole: string): Promise<RelationRow[]> {
  const rows = await owner.rows<Omit<RelationRow, 'kind'> & { relkind: string }>(
    `select n.nspname as schema, c.relname as name, c.relkind as relkind,
            exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and p.proname = any($3) and (t.tgtype & $4) <> 0) as "refusesUpdate",
            exists (select 1 from pg_trigger t join pg_proc p on p.oid = t.tgfoid
                     where t.tgrelid = c.oid and p.proname = any($3) and (t.tgtype & $5) <> 0) as "refusesDelete",
            array(select a.privilege_type || case when a.is_grantable then '*' else '' end
                    from aclexplode(c.relacl) a join pg_roles r on r.oid = a.grantee
                   where r.rolname = $2) as granted,
            exists (select 1 from aclexplode(c.relacl) a where a.grantee = 0) as "publicGranted",
            case when c.relkind = 'S'
              then array(select p from unnest(array['USAGE', 'SELECT', 'UPDATE']) p
                          where has_sequence_privilege($2, c.oid, p))
              else array(select p from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                                    'REFERENCES', 'TRIGGER']) p
                          where has_table_privilege($2, c.oid, p))
            end as effective
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S')
      order by 1, 2`,
    [appSchemas, appRole, refusalFunctions, triggerOnUpdate, triggerOnDelete],
  );
  return rows.map(({ relkind, ...row }) => ({ ...row, kind: kindByRelkind[relkind] ?? 'table' }));
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** Create the embedded database's app role if this data directory has none yet. */
export async function ensureEmbeddedAppRole(owner: SqlSession): Promise<void> {
  const [existing] = await owner.rows('select 1 from pg_roles where rolname = $1', [embeddedAppRole]);
  if (!existing) await owner.run(`CREATE ROLE ${quoteIdentifier(embeddedAppRole)} NOLOGIN`);
}

const advice =
  'アプリ（DATABASE_URL）には、テーブルを所有せず、スーパーユーザーでも CREATEROLE でもないロールを使ってください（README「データベースのロール」）。';

/**
 * Refuse to serve when no grant can keep the app's role from changing or erasing history: a
 * superuser, a role that can create roles (and so give itself the owner's), or a member of a
 * role that owns the app's tables (it could SET ROLE to it, or owns them itself).
 */
async function refuseRoleThatCanErase(owner: SqlSession, appRole: string): Promise<void> {
  const [role] = await owner.rows<{ superuser: boolean; createRole: boolean; owners: string[] }>(
    `select rolsuper as superuser, rolcreaterole as "createRole",
            array(select distinct pg_get_userbyid(c.relowner)::text
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                   where n.nspname = any($1) and c.relkind in ('r', 'p', 'v', 'm', 'S')
                     and pg_has_role($2, c.relowner, 'MEMBER')) as owners
       from pg_roles where rolname = $2`,
    [appSchemas, appRole],
  );
  if (role?.superuser) {
    throw new Error(
      `DATABASE_URL のロール「${appRole}」はスーパーユーザーなので、履歴を消せてしまいます。${advice}`,
    );
  }
  if (role?.createRole) {
    throw new Error(
      `DATABASE_URL のロール「${appRole}」はロールを作成できる（CREATEROLE）ので、所有者の権限を得られます。${advice}`,
    );
  }
  if (role && role.owners.length > 0) {
    const names = role.owners.map((name) => `「${name}」`).join('・');
    throw new Error(
      `DATABASE_URL のロール「${appRole}」はテーブルの所有者${names}か、そのメンバーなので、履歴を消せてしまいます。` +
        `テーブルの所有者を DATABASE_MIGRATION_URL のロールにしてください（例：REASSIGN OWNED BY ${appRole} TO 所有者のロール;）。${advice}`,
    );
  }
}

/**
 * Refuse to serve when, after the grants, the role still holds more than its category's rights
 * through another role (a group it belongs to, pg_write_all_data): the owner cannot take those.
 */
function refuseExcessRights(relations: RelationRow[], appRole: string): void {
  const excess = relations.flatMap((relation) => {
    const wanted = appPrivileges(relation);
    const extra = relation.effective.filter((privilege) => !wanted.includes(privilege));
    return extra.length > 0 ? [`${relation.schema}.${relation.name}（${extra.join('・')}）`] : [];
  });
  if (excess.length > 0) {
    throw new Error(
      `DATABASE_URL のロール「${appRole}」は、所属する別のロール（GRANT … TO ${appRole}）を通じて、` +
        `必要のない権限を持っています: ${excess.join('、')}。そのロールのメンバーから外してください。${advice}`,
    );
  }
}

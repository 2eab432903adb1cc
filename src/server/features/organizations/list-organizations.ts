import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { organizations } from '../../../db/schema';
import type { Organization } from '../../../schemas/sheet';
import { findWard } from './find-ward';

/** The organizations of one 部/区, the 部/区 itself first. */
export async function listOrganizations(
  db: Db,
  options: { ward: string; municipality?: string | undefined },
): Promise<Organization[]> {
  const ward = await findWard(db, options);
  const rows = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      kind: organizations.kind,
      parentId: organizations.parentId,
      wardId: organizations.wardId,
      phone: organizations.phone,
    })
    .from(organizations)
    .where(eq(organizations.wardId, ward.id))
    .orderBy(asc(organizations.kind), asc(organizations.createdAt), asc(organizations.name));
  return rows.sort((a, b) => Number(b.kind === 'ward') - Number(a.kind === 'ward'));
}

import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { indicators, organizationLineage, organizations } from '../../../db/schema';
import type { Actor } from '../../../domain/roles';
import type { Reorganize } from '../../../schemas/reorganization';
import { AppError } from '../../app-error';
import { findWardById } from '../organizations/find-ward';
import { authorizeWard } from '../organizations/ward-access';

/**
 * The request: the organizations that end (`predecessorIds`: one for rename and split, two or
 * more for merge), those that continue them by name (`successorNames`: one for rename and
 * merge, two or more for split), their first fiscal year, and for a split which successor (by
 * index) continues each indicator series (unlisted ones go to the first).
 */
export interface ReorganizeOptions extends Reorganize {
  actor: Actor;
}

/**
 * 組織の改編: rename, merge or split organizations from a fiscal year. Successors are created
 * beside their predecessors, the lineage is recorded, and each indicator series moves to the
 * successor that continues it — so its history follows, and the next sheet still shows three
 * years of 実績.
 */
export async function reorganize(db: Db, options: ReorganizeOptions): Promise<{ successorIds: string[] }> {
  const { kind, predecessorIds, successorNames } = options;
  const counts = { rename: [1, 1], merge: [2, 1], split: [1, 2] } as const;
  const [minPredecessors, minSuccessors] = counts[kind];
  if (predecessorIds.length < minPredecessors || (kind !== 'merge' && predecessorIds.length !== 1)) {
    throw new AppError('invalid', '改編前の組織の数が正しくありません。', [
      { path: 'predecessorIds', message: '組織の数' },
    ]);
  }
  if (successorNames.length < minSuccessors || (kind !== 'split' && successorNames.length !== 1)) {
    throw new AppError('invalid', '改編後の組織の数が正しくありません。', [
      { path: 'successorNames', message: '組織の数' },
    ]);
  }
  const predecessors = await db.select().from(organizations).where(inArray(organizations.id, predecessorIds));
  const first = predecessors[0];
  if (
    predecessors.length !== predecessorIds.length ||
    !first ||
    predecessors.some((p) => p.kind !== 'unit')
  ) {
    throw new AppError('not_found', '改編前の組織が見つかりません。');
  }
  if (predecessors.some((p) => p.wardId !== first.wardId) || !first.wardId) {
    throw new AppError('invalid', '異なる部区の組織はまとめて改編できません。');
  }
  const wardId = first.wardId;
  authorizeWard(options.actor, 'reorganize', await findWardById(db, wardId));
  return db.transaction(async (tx) => {
    const successorIds: string[] = [];
    for (const name of successorNames) {
      const [row] = await tx
        .insert(organizations)
        .values({
          municipalityId: first.municipalityId,
          wardId,
          parentId: first.parentId,
          kind: 'unit',
          name,
          phone: first.phone,
        })
        .returning({ id: organizations.id });
      if (!row) throw new Error('insert returned no row');
      successorIds.push(row.id);
    }
    await tx.insert(organizationLineage).values(
      predecessors.flatMap((p) =>
        successorIds.map((successorId) => ({
          predecessorId: p.id,
          successorId,
          fromFiscalYear: options.fromFiscalYear,
          kind,
        })),
      ),
    );
    const series = await tx
      .select({ id: indicators.id })
      .from(indicators)
      .where(inArray(indicators.organizationId, predecessorIds));
    for (const s of series) {
      const index = kind === 'split' ? (options.assignments?.[s.id] ?? 0) : 0;
      const successorId = successorIds[index];
      if (!successorId) {
        throw new AppError('invalid', '指標の引き継ぎ先が正しくありません。', [
          { path: `assignments.${s.id}`, message: '引き継ぎ先がありません' },
        ]);
      }
      await tx.update(indicators).set({ organizationId: successorId }).where(eq(indicators.id, s.id));
    }
    return { successorIds };
  });
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { evaluationRules, organizations, sheets } from '../../../db/schema';
import type { EvaluationRule } from '../../../domain/evaluation-rule';
import type { Actor } from '../../../domain/roles';
import { authorizeMunicipality } from '../organizations/municipality-access';

/** 管理者 sets the municipality's bands; every sheet's suggestions change with them. */
export async function setEvaluationRule(db: Db, actor: Actor, rule: EvaluationRule): Promise<EvaluationRule> {
  authorizeMunicipality(actor, 'setEvaluationRule', actor.municipalityId);
  await db.transaction(async (tx) => {
    await tx
      .insert(evaluationRules)
      .values({ municipalityId: actor.municipalityId, ...rule })
      .onConflictDoUpdate({
        target: evaluationRules.municipalityId,
        set: { ...rule, updatedAt: new Date() },
      });
    const affected = await tx
      .select({ id: sheets.id })
      .from(sheets)
      .innerJoin(organizations, eq(sheets.wardId, organizations.id))
      .where(eq(organizations.municipalityId, actor.municipalityId));
    await notifySheetChanged(
      tx,
      affected.map((s) => s.id),
    );
  });
  return rule;
}

import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notifySheetChanged } from '../../../db/notify';
import { evaluationRules, organizations, sheets } from '../../../db/schema';
import type { EvaluationRule } from '../../../domain/evaluation-rule';
import type { Actor } from '../../../domain/roles';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { evaluationRuleOf } from './evaluation-rule-of';

/**
 * 管理者 sets the municipality's bands (and whether the public sees the 目安 and the reasons);
 * every sheet's suggestions, and what its publication shows, change with them.
 */
export async function setEvaluationRule(
  db: Db,
  actor: Actor,
  change: Omit<EvaluationRule, 'publishAids'> & { publishAids?: boolean | undefined },
): Promise<EvaluationRule> {
  authorizeMunicipality(actor, 'setEvaluationRule', actor.municipalityId);
  const rule: EvaluationRule = await db.transaction(async (tx) => {
    const rule = {
      ...change,
      publishAids: change.publishAids ?? (await evaluationRuleOf(tx, actor.municipalityId)).publishAids,
    };
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
    return rule;
  });
  return rule;
}

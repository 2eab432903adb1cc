import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../../db/client';
import { evaluationRules } from '../../../db/schema';
import { defaultEvaluationRule, type EvaluationRule } from '../../../domain/evaluation-rule';

/** The municipality's evaluation rule, or the default (100% / 80%) when it has set none. */
export async function evaluationRuleOf(db: Db | Tx, municipalityId: string): Promise<EvaluationRule> {
  const [row] = await db
    .select()
    .from(evaluationRules)
    .where(eq(evaluationRules.municipalityId, municipalityId));
  return row
    ? { achieved: row.achieved, partly: row.partly, publishAids: row.publishAids }
    : defaultEvaluationRule;
}

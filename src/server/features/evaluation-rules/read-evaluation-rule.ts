import type { Db } from '../../../db/client';
import type { EvaluationRule } from '../../../domain/evaluation-rule';
import type { Actor } from '../../../domain/roles';
import { authorizeMunicipality } from '../organizations/municipality-access';
import { evaluationRuleOf } from './evaluation-rule-of';

/** The actor's municipality's evaluation rule, for its staff. */
export async function readEvaluationRule(db: Db, actor: Actor): Promise<EvaluationRule> {
  authorizeMunicipality(actor, 'readEvaluationRule', actor.municipalityId);
  return evaluationRuleOf(db, actor.municipalityId);
}

import { Hono } from 'hono';
import { canOnMunicipality } from '../../../domain/municipality-policy';
import { evaluationRuleSchema } from '../../../schemas/evaluation-rule';
import type { AppEnv } from '../../app-env';
import { AppError } from '../../app-error';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import { evaluationRuleOf } from './evaluation-rule-of';
import { setEvaluationRule } from './set-evaluation-rule';

export const evaluationRulesRoutes = () =>
  new Hono<AppEnv>()
    .get(
      '/',
      doc({
        summary: '評価の基準（達成・一部未達成の比率）',
        response: evaluationRuleSchema,
        access: '職員',
      }),
      async (c) => {
        const { actor } = signedIn(c);
        if (!canOnMunicipality(actor, 'readEvaluationRule', actor.municipalityId)) {
          throw new AppError('forbidden', '評価の基準を見る権限がありません。');
        }
        return c.json(await evaluationRuleOf(c.var.db, actor.municipalityId));
      },
    )
    .put(
      '/',
      doc({ summary: '評価の基準を変更', response: evaluationRuleSchema, access: '管理者' }),
      validate('json', evaluationRuleSchema),
      async (c) => {
        const { actor } = signedIn(c);
        return c.json(await setEvaluationRule(c.var.db, actor, c.req.valid('json')));
      },
    );

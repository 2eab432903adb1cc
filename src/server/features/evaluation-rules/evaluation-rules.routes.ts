import { Hono } from 'hono';
import { evaluationRuleSchema } from '../../../schemas/evaluation-rule';
import { evaluationRuleChangeSchema } from '../../../schemas/evaluation-rule-change';
import type { AppEnv } from '../../app-env';
import { signedIn } from '../../middleware/signed-in';
import { validate } from '../../middleware/validate';
import { doc } from '../../openapi/doc';
import type { SheetCache } from '../sheets/sheet-cache';
import { readEvaluationRule } from './read-evaluation-rule';
import { setEvaluationRule } from './set-evaluation-rule';

export const evaluationRulesRoutes = (cache: SheetCache) =>
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
        return c.json(await readEvaluationRule(c.get('db'), actor));
      },
    )
    .put(
      '/',
      doc({ summary: '評価の基準を変更', response: evaluationRuleSchema, access: '管理者' }),
      validate('json', evaluationRuleChangeSchema),
      async (c) => {
        const { actor } = signedIn(c);
        const rule = await setEvaluationRule(c.get('db'), actor, c.req.valid('json'));
        // Every sheet's 目安, and what its publication shows, follow at once on this server.
        cache.wardChanged(null);
        return c.json(rule);
      },
    );

import type { EvaluationRule } from '../../domain/evaluation-rule';
import { type IndicatorSeries, indicatorSeriesSchema } from '../../schemas/indicator-series';
import { z } from '../../schemas/zod';
import { requestJson } from './api';

/** The rule as the API answers it: fractions (1 = 100%). Checked as a shape only; the server judges. */
const evaluationRuleAnswerSchema = z.object({ achieved: z.number(), partly: z.number() });

/** Every year of one indicator series, for its history chart. */
export function fetchIndicatorSeries(id: string, signal?: AbortSignal): Promise<IndicatorSeries> {
  return requestJson('GET', `/api/v1/indicators/${encodeURIComponent(id)}/series`, indicatorSeriesSchema, {
    signal,
  });
}

/** The municipality's evaluation rule (signed-in users). */
export function fetchEvaluationRule(signal?: AbortSignal): Promise<EvaluationRule> {
  return requestJson('GET', '/api/v1/evaluation-rule', evaluationRuleAnswerSchema, { signal });
}

/** 管理者 only. */
export function saveEvaluationRule(rule: EvaluationRule): Promise<EvaluationRule> {
  return requestJson('PUT', '/api/v1/evaluation-rule', evaluationRuleAnswerSchema, { body: rule });
}

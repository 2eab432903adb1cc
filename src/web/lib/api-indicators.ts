import type { EvaluationRule } from '../../domain/evaluation-rule';
import { evaluationRuleSchema } from '../../schemas/evaluation-rule';
import { type IndicatorSeries, indicatorSeriesSchema } from '../../schemas/indicator-series';
import { requestJson } from './api';

/** Every year of one indicator series, for its history chart. */
export function fetchIndicatorSeries(id: string, signal?: AbortSignal): Promise<IndicatorSeries> {
  return requestJson('GET', `/api/v1/indicators/${encodeURIComponent(id)}/series`, indicatorSeriesSchema, {
    signal,
  });
}

/** The municipality's evaluation rule (signed-in users). */
export function fetchEvaluationRule(signal?: AbortSignal): Promise<EvaluationRule> {
  return requestJson('GET', '/api/v1/evaluation-rule', evaluationRuleSchema, { signal });
}

/** 管理者 only. */
export function saveEvaluationRule(rule: EvaluationRule): Promise<EvaluationRule> {
  return requestJson('PUT', '/api/v1/evaluation-rule', evaluationRuleSchema, { body: rule });
}

import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import type { EvaluationRule } from '../../../domain/evaluation-rule';
import { FormField } from '../../components/FormField';
import { ApiError } from '../../lib/api';
import { saveEvaluationRule } from '../../lib/api-indicators';
import { RuleBands } from './RuleBands';
import {
  checkRule,
  type RuleField,
  type RuleInputs,
  readPercent,
  ruleLabels,
  toPercentText,
} from './rule-percent';

const fields: RuleField[] = ['achieved', 'partly'];
const inputId = (field: RuleField) => `rule-${field}`;
const hints: Record<RuleField, string> = {
  achieved: 'この割合以上なら「達成」。例：100',
  partly: 'この割合以上なら「一部未達成」、未満なら「未達成」。例：80',
};

/** 管理者 sets the two bands, in percent; every sheet's suggestions follow. */
export function EvaluationRuleForm({ rule }: { rule: EvaluationRule }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [inputs, setInputs] = useState<RuleInputs>({
    achieved: toPercentText(rule.achieved),
    partly: toPercentText(rule.partly),
  });
  const [publishAids, setPublishAids] = useState(rule.publishAids);
  const [errors, setErrors] = useState<Map<RuleField, string>>(new Map());
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const focusFirst = (found: Map<RuleField, string>) => {
    const first = fields.find((field) => found.has(field));
    if (first) document.getElementById(inputId(first))?.focus();
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProblem(null);
    const checked = checkRule(inputs, publishAids);
    if (!checked.ok) {
      setErrors(checked.errors);
      focusFirst(checked.errors);
      return;
    }
    setErrors(new Map());
    setBusy(true);
    try {
      const saved = await saveEvaluationRule(checked.rule);
      queryClient.setQueryData(['evaluation-rule'], saved);
      // Every sheet's suggestions and the 点検表 follow the rule.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['sheet'] }),
        queryClient.invalidateQueries({ queryKey: ['consistency'] }),
      ]);
      await navigate({
        to: '/settings',
        replace: true,
        state: { flash: '評価の基準を保存しました。' },
      });
    } catch (error) {
      const found = new Map<RuleField, string>();
      for (const issue of error instanceof ApiError ? error.issues : []) {
        const field = fields.find((f) => f === issue.path);
        if (field && !found.has(field)) found.set(field, issue.message);
      }
      setErrors(found);
      setProblem(error instanceof Error ? error.message : '評価の基準を保存できませんでした。');
      focusFirst(found);
    } finally {
      setBusy(false);
    }
  };

  const achieved = readPercent(inputs.achieved);
  const partly = readPercent(inputs.partly);
  return (
    <form className="form-card rule-form" noValidate onSubmit={(event) => void submit(event)}>
      {fields.map((field) => (
        <FormField
          key={field}
          id={inputId(field)}
          label={`${ruleLabels[field]}（％）`}
          hint={hints[field]}
          error={errors.get(field)}
          className="form-field--narrow"
        >
          {(control) => (
            <span className="input-with-unit">
              <input
                {...control}
                className="input"
                type="text"
                inputMode="decimal"
                value={inputs[field]}
                onChange={(event) => setInputs((current) => ({ ...current, [field]: event.target.value }))}
              />
              <span aria-hidden="true">％</span>
            </span>
          )}
        </FormField>
      ))}
      {achieved !== null && partly !== null && partly <= achieved && (
        <>
          <p className="rule-form__preview-title">この基準による目安</p>
          <RuleBands achieved={String(achieved)} partly={String(partly)} />
        </>
      )}
      <fieldset className="rule-form__publish">
        <legend>公開するシートに載せるもの</legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={publishAids}
            onChange={(event) => setPublishAids(event.target.checked)}
          />
          基準による目安と、目安と異なる評価の理由も公開する
        </label>
        <p className="form-field__hint">
          チェックしないとき（既定）は、目安と理由は職員だけが見る内部の資料です。公開するシートの画面・印刷・PDF・ダウンロードには載りません。
        </p>
      </fieldset>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        {busy ? '保存しています…' : '保存'}
      </button>
    </form>
  );
}

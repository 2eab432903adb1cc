import { useSuspenseQuery } from '@tanstack/react-query';
import { evaluationRuleQuery, meQuery } from '../../lib/queries';
import { canOnMunicipality } from '../../lib/ward-permissions';
import { EvaluationRuleForm } from './EvaluationRuleForm';
import { RuleBands } from './RuleBands';
import { toPercentText } from './rule-percent';

function CurrentRule() {
  const { data: me } = useSuspenseQuery(meQuery());
  const { data: rule } = useSuspenseQuery(evaluationRuleQuery());
  if (canOnMunicipality(me, 'setEvaluationRule')) return <EvaluationRuleForm rule={rule} />;
  return (
    <>
      <RuleBands achieved={toPercentText(rule.achieved)} partly={toPercentText(rule.partly)} />
      <p className="notice notice--info">評価の基準を変更できるのは管理者です。</p>
    </>
  );
}

/**
 * 評価の基準, a section of the municipality's settings (`/settings`): the bands by which the rule
 * suggests 達成 / 一部未達成 / 未達成. 管理者 changes them; other signed-in users read them.
 */
export function EvaluationRuleSettings() {
  return (
    <section aria-labelledby="evaluation-rule-title" id="evaluation-rule">
      <h2 id="evaluation-rule-title">評価の基準</h2>
      <p className="lead">
        指標の結果から評価（達成・一部未達成・未達成）の目安を示すときの基準です。達成率は「結果÷目標」（低いほど良い指標は「目標÷結果」）で計算します。目安と異なる評価をするときは、理由の入力を求めます。評価そのものを書き換えることはありません。
      </p>
      <p>
        目標に「以上」「超」と書かれていれば高いほど良い、「以下」「以内」「未満」と書かれていれば低いほど良いものとして、その目標に限り指標の向きより優先します。「超」「未満」の目標は、目標と同じ値では達成になりません（例：「50％超」に対して結果50％は一部未達成）。数値の前の「△」「▲」はマイナスです。目標や結果が数値でない場合（「11地区で説明会を実施」「中止」、一つの欄に二つの数など）は達成率を計算せず、実施状況（実施済み・未実施）が選ばれたときだけ目安を示します。
      </p>
      <CurrentRule />
    </section>
  );
}

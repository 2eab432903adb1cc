import type { ReactNode } from 'react';
import { useEditor } from './editor-context';
import { TextField } from './fields';
import type { FormDocument } from './form-model';

/** The sheet-wide texts: 問合せ先, 組織の目的, and the two narratives under the table. */
export function HeaderFields({ form }: { form: FormDocument }) {
  const { dispatch } = useEditor();
  return (
    <>
      <TextField
        path="phone"
        label="問合せ先（電話番号）"
        part="plan"
        inputMode="tel"
        className="form-field--medium"
        value={form.phone}
        onChange={(value) => dispatch({ type: 'header', field: 'phone', value })}
      />
      <TextField
        path="purpose"
        label="組織の目的"
        part="plan"
        multiline
        value={form.purpose}
        onChange={(value) => dispatch({ type: 'header', field: 'purpose', value })}
      />
    </>
  );
}

export function NarrativeFields({ form }: { form: FormDocument }): ReactNode {
  const { dispatch, parts } = useEditor();
  return (
    <>
      <TextField
        path="approach"
        label="取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）"
        part="plan"
        multiline
        rows={5}
        value={form.approach}
        onChange={(value) => dispatch({ type: 'header', field: 'approach', value })}
      />
      <TextField
        path="outcome"
        label="取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）"
        part="results"
        multiline
        rows={5}
        lockedHint={parts.has('plan') ? '計画が承認されてから、評価とともに入力します。' : undefined}
        value={form.outcome}
        onChange={(value) => dispatch({ type: 'header', field: 'outcome', value })}
      />
    </>
  );
}

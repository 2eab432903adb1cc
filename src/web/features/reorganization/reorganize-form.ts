import { type Reorganize, reorganizationKinds } from '../../../schemas/reorganization';

/** The shape of each kind of 組織の改編, as the form checks it before asking the server. */
export { reorganizationKinds };
export type ReorganizationKind = Reorganize['kind'];

export const kindLabels: Record<ReorganizationKind, { label: string; hint: string }> = {
  rename: { label: '名称変更', hint: '一つの組織の名前が変わります。' },
  merge: {
    label: '統合',
    hint: '二つ以上の組織が一つになります。指標の実績はすべて新しい組織に引き継がれます。',
  },
  split: {
    label: '分割',
    hint: '一つの組織が二つ以上に分かれます。指標は最初の組織に引き継がれます（後から編集できます）。',
  },
};

export interface ReorganizeInputs {
  kind: ReorganizationKind;
  predecessorIds: string[];
  successorNames: string[];
}

export type ReorganizeField = 'predecessorIds' | 'successorNames';

/** Field → message for what does not fit the kind; empty when the form can be sent. */
export function checkReorganization(inputs: ReorganizeInputs): Map<ReorganizeField, string> {
  const errors = new Map<ReorganizeField, string>();
  const names = inputs.successorNames.map((n) => n.trim()).filter(Boolean);
  const before = inputs.predecessorIds.length;
  if (inputs.kind === 'merge' ? before < 2 : before !== 1) {
    errors.set(
      'predecessorIds',
      inputs.kind === 'merge' ? '統合する組織を二つ以上選んでください' : '組織を一つ選んでください',
    );
  }
  if (inputs.kind === 'split' ? names.length < 2 : names.length !== 1) {
    errors.set(
      'successorNames',
      inputs.kind === 'split'
        ? '分割後の組織名を二つ以上入力してください'
        : '改編後の組織名を入力してください',
    );
  }
  return errors;
}

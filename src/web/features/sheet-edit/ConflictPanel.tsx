import { type Ref, useState } from 'react';
import type { SheetChange } from '../../../domain/sheet-diff';
import { ConfirmDialog } from '../../components/Dialog';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ChangeValue } from '../history/ChangeValue';

export type Conflict = {
  message: string;
  /** The version someone else saved. */
  version: number;
  /** What differs between the user's input and that version. */
  changes: SheetChange[];
  /** The user chose to go on from the latest version; the table stays as a reminder. */
  continued: boolean;
};

/**
 * Someone saved the sheet first (409). Nothing was written: the panel shows where the user's
 * input and the latest version differ and lets the user either load the latest (discarding the
 * input, after confirmation) or go on editing from the latest with the input left in view.
 */
export function ConflictPanel({
  conflict,
  onReload,
  onContinue,
  ref,
}: {
  conflict: Conflict;
  onReload: () => void;
  onContinue: () => void;
  ref?: Ref<HTMLElement>;
}) {
  const [confirming, setConfirming] = useState(false);
  return (
    <section
      ref={ref}
      id="conflict"
      className="notice notice--error conflict"
      aria-labelledby="conflict-title"
      tabIndex={-1}
    >
      <h2 id="conflict-title" className="notice__title">
        {conflict.continued
          ? '他の人が保存した最新の内容を表示しています'
          : '保存できませんでした（編集の競合）'}
      </h2>
      <p>
        {conflict.continued
          ? `版 ${conflict.version} をもとに編集を続けています。下の表の「あなたの入力」は保存されていません。必要な項目はもう一度入力してください。`
          : conflict.message}
      </p>
      {conflict.changes.length === 0 ? (
        <p>あなたの入力と最新の内容に違いはありません。</p>
      ) : (
        <ScrollRegion labelledBy="conflict-caption">
          <table className="data-table data-table--compact diff-table">
            <caption id="conflict-caption">{`あなたの入力と最新の内容の違い（${conflict.changes.length}件）`}</caption>
            <thead>
              <tr>
                <th scope="col">項目</th>
                <th scope="col">あなたの入力</th>
                <th scope="col">最新の内容</th>
              </tr>
            </thead>
            <tbody>
              {conflict.changes.map((change) => (
                <tr key={change.path}>
                  <th scope="row">{change.label}</th>
                  <td>
                    <ChangeValue value={change.before} path={change.path} kind="plain" />
                  </td>
                  <td>
                    <ChangeValue value={change.after} path={change.path} kind="plain" />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {!conflict.continued && (
        <div className="button-row">
          <button type="button" className="button" onClick={onContinue}>
            最新の内容の上で編集を続ける
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            最新の内容を読み込む（入力を破棄）
          </button>
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title="最新の内容を読み込みますか"
        message="あなたがこの画面で入力した内容は破棄され、他の人が保存した最新の内容に置き換わります。"
        confirmLabel="入力を破棄して読み込む"
        cancelLabel="キャンセル"
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          onReload();
        }}
      />
    </section>
  );
}

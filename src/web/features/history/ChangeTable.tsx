import type { HistoryEntry } from '../../lib/api-sheet-edit';
import { ChangeValue } from './ChangeValue';

/** 項目 | 変更前 | 変更後 for one history entry. */
export function ChangeTable({ entry, caption }: { entry: HistoryEntry; caption: string }) {
  const captionId = `changes-${entry.id}`;
  return (
    <table className="data-table data-table--compact diff-table" aria-labelledby={captionId}>
      <caption id={captionId} className="visually-hidden">
        {caption}
      </caption>
      <thead>
        <tr>
          <th scope="col">項目</th>
          <th scope="col">変更前</th>
          <th scope="col">変更後</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={`${change.path}:${change.label}`}>
            <th scope="row">{change.label}</th>
            <td>
              <ChangeValue value={change.before} path={change.path} kind="before" />
            </td>
            <td>
              <ChangeValue value={change.after} path={change.path} kind="after" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

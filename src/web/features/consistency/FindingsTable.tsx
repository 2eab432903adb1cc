import { Link } from '@tanstack/react-router';
import { sheetAnchor } from '../../../domain/sheet-anchor';
import type { ConsistencyItem } from '../../lib/api-ward-year';
import { type Grouping, kindLabel } from './consistency-groups';

/**
 * One group of findings: 組織 (or 種類, when grouped by sheet) | 場所 | 内容. 場所 links to the row
 * of the sheet where it is fixed.
 */
export function FindingsTable({
  items,
  groupedBy,
  labelledBy,
}: {
  items: ConsistencyItem[];
  groupedBy: Grouping;
  labelledBy: string;
}) {
  return (
    <table className="data-table findings-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col" className="findings-table__first">
            {groupedBy === 'kind' ? '組織' : '種類'}
          </th>
          <th scope="col" className="findings-table__where">
            場所
          </th>
          <th scope="col">内容</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={`${item.sheetId}:${item.kind}:${item.path}`}>
            <th scope="row">{groupedBy === 'kind' ? item.sheetTitle : kindLabel(item.kind)}</th>
            <td>
              <Link to="/sheets/$sheetId" params={{ sheetId: item.sheetId }} hash={sheetAnchor(item.path)}>
                {item.where}
                {groupedBy === 'kind' && <span className="visually-hidden">{`（${item.sheetTitle}）`}</span>}
              </Link>
            </td>
            <td>{item.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

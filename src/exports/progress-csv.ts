import { phaseLabels } from '../domain/deadlines';
import { sheetStatusLabels } from '../domain/sheet-status';
import type { ProgressRow } from '../schemas/progress';
import { csvText, number, text } from './csv';

/** 進捗管理表 as CSV: one row per sheet, in the order and with the filters the board was asked with. */

const columns = [
  '部区',
  '組織名（部）',
  '組織名（準部・課・機関名）',
  '段階',
  '状態',
  '期限',
  '期限超過',
  '担当者',
  '所属長',
  '最終更新者',
  '最終更新日時',
  '最終更新の内容',
  '差戻しの理由',
  '未解決のコメント',
  '目標数',
  '指標数',
  '達成',
  '一部未達成',
  '未達成',
  '未評価',
] as const;

/** An instant as Japanese offices write it: 2023-03-31 17:05 (Japan time). */
function japanTime(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Tokyo',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

export function progressCsv(rows: readonly ProgressRow[]): string {
  return csvText(
    columns,
    rows.map((row) => [
      text(row.ward),
      text(row.departmentName),
      text(row.organizationName),
      text(phaseLabels[row.phase]),
      text(sheetStatusLabels[row.status]),
      text(row.deadline),
      text(row.overdue ? '超過' : null),
      text(row.responsible.join('、') || null),
      text(row.heads.join('、') || null),
      text(row.lastChange?.by ?? null),
      text(row.lastChange ? japanTime(row.lastChange.at) : null),
      text(row.lastChange?.what ?? null),
      text(row.returned?.comment ?? null),
      number(row.openComments),
      number(row.goalCount),
      number(row.indicatorCount),
      number(row.evaluations.達成),
      number(row.evaluations.一部未達成),
      number(row.evaluations.未達成),
      number(row.evaluations.未評価),
    ]),
  );
}

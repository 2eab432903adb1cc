import { formatFiscalYear, sheetColumnLabels } from '../../../../domain/fiscal-year';
import { ScrollRegion } from '../../../components/ScrollRegion';
import { fieldId } from '../../../lib/field-id';
import { SheetTableHead } from '../../sheets/SheetTable';
import { useEditor } from '../editor-context';
import { evaluationGuide } from '../evaluation-guide';
import type { FormDocument } from '../form-model';
import { AddGoalButton, addGoalId, ItemControls } from '../ItemControls';
import { GridCell, lockNoteId } from './GridCell';
import type { GridCell as Cell } from './grid-model';
import { type Grid, useGrid } from './use-grid';

/** Columns an indicator's row has (項目, 3 実績, 目標, 結果, 補足, 目標達成状況, 評価). */
const indicatorColumns = 9;

const tdClass: Record<number, string> = {
  0: 'goal-parent',
  1: 'goal-text',
  2: 'goal-initiatives',
  3: 'indicator-name',
  11: 'indicator-note',
  12: 'indicator-achievement',
  13: 'indicator-evaluation',
};

/** The cells of one grid row, a table cell for each and the joined ones inside the one before. */
function groupCells(cells: Cell[]): Cell[][] {
  const groups: Cell[][] = [];
  for (const cell of cells) {
    const last = groups.at(-1);
    if (cell.joined && last) last.push(cell);
    else groups.push([cell]);
  }
  return groups;
}

/**
 * The sheet in its official layout, editable where the state allows: a spreadsheet-like grid
 * (see `useGrid`), with goals and indicators added, moved and removed from each row's menu.
 */
export function SheetGrid({ form, title }: { form: FormDocument; title: string }) {
  const editor = useEditor();
  const grid = useGrid(form);
  const labels = sheetColumnLabels(editor.fiscalYear);
  const editable = editor.parts.has('plan');
  const reasons = [...new Set(grid.layout.cells.flatMap((cell) => cell.lockedBecause ?? []))];
  const captionId = 'sheet-grid-caption';
  return (
    <div className="sheet-grid" id={fieldId('goals')} tabIndex={-1}>
      <details className="sheet-grid__keys">
        <summary>キーボードと貼り付けの操作</summary>
        <ul id="sheet-grid-keys">
          <li>矢印キーで欄を移動します。Tab・Shift+Tab で、編集できる次の欄・前の欄へ移ります。</li>
          <li>
            選んだ欄に文字を入力すると、欄の内容を置き換えます。Enter・F2
            またはクリックで欄を開くと、続きから編集できます。
          </li>
          <li>
            開いた欄は Enter で確定して下の欄へ、Esc で開く前に戻します。欄の中の改行は Alt+Enter（または
            Shift+Enter）です。
          </li>
          <li>表計算ソフトでコピーした範囲は、選んだ欄を左上として、印刷される列の順に貼り付けます。</li>
          <li>Ctrl+Z で元に戻し、Ctrl+Y でやり直します。</li>
        </ul>
      </details>
      {editor.errors.get('goals') && <p className="form-field__error">{editor.errors.get('goals')}</p>}
      {reasons.length > 0 && (
        <ul className="sheet-grid__locks">
          {reasons.map((reason) => (
            <li key={reason} id={lockNoteId(reason, reasons)}>
              <span className="grid-lock-mark" aria-hidden="true" />
              {reason}
            </li>
          ))}
        </ul>
      )}
      <ScrollRegion labelledBy={captionId} className="sheet-table-scroll">
        <table className="sheet-table sheet-table--grid" aria-describedby="sheet-grid-keys">
          <caption
            id={captionId}
          >{`組織目標と指標の編集（${formatFiscalYear(editor.fiscalYear)} ${title}）`}</caption>
          <SheetTableHead labels={labels} />
          {form.goals.length === 0 && (
            <tbody>
              <tr>
                <td colSpan={13} className="no-indicator">
                  組織目標はまだありません。
                </td>
              </tr>
            </tbody>
          )}
          {form.goals.map((goal, g) => (
            <tbody key={goal.key} className="goal">
              {grid.layout.rows.map((row, r) => {
                if (row.goal !== g) return null;
                const cells = grid.layout.cells.filter((cell) => cell.row === r);
                const first = cells.find((cell) => cell.column === 0) !== undefined;
                const goalCells = cells.filter((cell) => cell.column <= 2);
                const indicatorCells = cells.filter((cell) => cell.column > 2);
                const indicator = row.indicator === null ? null : goal.indicators[row.indicator];
                return (
                  <tr key={indicator?.key ?? goal.key}>
                    {first && (
                      <th
                        scope="rowgroup"
                        rowSpan={Math.max(1, goal.indicators.length)}
                        className="goal-no"
                        id={fieldId(`goals[${g}]`)}
                        tabIndex={-1}
                        data-label="No."
                      >
                        {g + 1}
                        <GoalError goal={g} />
                        {editable && (
                          <GoalMenu
                            goal={g}
                            goalKey={goal.key}
                            count={form.goals.length}
                            indicators={goal.indicators.length}
                          />
                        )}
                      </th>
                    )}
                    {goalCells.map((cell) => (
                      <td
                        key={cell.id}
                        rowSpan={cell.rowSpan}
                        className={lockedTd(tdClass[cell.column] ?? '', [cell])}
                        data-label={cellTitle(cell)}
                      >
                        <GridCell cell={cell} grid={grid} errors={editor.errors} lockReasons={reasons} />
                      </td>
                    ))}
                    {row.indicator === null ? (
                      <td colSpan={indicatorColumns} className="no-indicator">
                        指標はありません。
                        {editable && <AddIndicator goal={g} count={0} />}
                      </td>
                    ) : (
                      groupCells(indicatorCells).map((group) => (
                        <IndicatorTd key={group[0]?.column} group={group} grid={grid} reasons={reasons}>
                          {group[0]?.column === 3 && editable && indicator && row.indicator !== null && (
                            <IndicatorMenu
                              goal={g}
                              index={row.indicator}
                              itemKey={indicator.key}
                              count={goal.indicators.length}
                            />
                          )}
                          {group[0]?.column === 13 && indicator && (
                            <Guide goal={g} index={row.indicator} form={form} />
                          )}
                        </IndicatorTd>
                      ))
                    )}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </ScrollRegion>
      <p role="status" className="sheet-grid__said">
        {grid.said}
      </p>
      <AddGoalButton count={form.goals.length} />
    </div>
  );
}

/** A table cell whose every control is locked is shaded whole, not only behind its text. */
function lockedTd(className: string, cells: Cell[]): string {
  return cells.every((cell) => cell.lockedBecause !== null) ? `${className} grid-td--locked` : className;
}

/** The column's name, shown beside the value when the grid reads as cards on a phone. */
function cellTitle(cell: Cell): string {
  return cell.label.replace(/^目標\d+ (指標\d+ )?/, '');
}

function IndicatorTd({
  group,
  grid,
  reasons,
  children,
}: {
  group: Cell[];
  grid: Grid;
  reasons: string[];
  children?: React.ReactNode;
}) {
  const { errors } = useEditor();
  const [head] = group;
  if (!head) return null;
  const className = tdClass[head.column] ?? 'cell-value';
  return (
    <td className={lockedTd(className, group)} data-label={cellTitle(head)}>
      {group.map((cell) => (
        <GridCell key={cell.id} cell={cell} grid={grid} errors={errors} lockReasons={reasons} />
      ))}
      {children}
    </td>
  );
}

/** The rule's suggestion (目安) under the 評価, for the values typed now. */
function Guide({ goal, index, form }: { goal: number; index: number | null; form: FormDocument }) {
  const { rule, suggestions } = useEditor();
  const indicator = index === null ? undefined : form.goals[goal]?.indicators[index];
  if (!indicator) return null;
  const { guide, differs } = evaluationGuide(indicator, rule, suggestions);
  if (!guide) return null;
  return (
    <span className={differs ? 'grid-guide grid-guide--differs' : 'grid-guide'}>
      {`目安：${guide.evaluation}（${guide.basis}）`}
      {differs && '。評価が目安と異なるため、評価の提出までに理由を入力してください。'}
    </span>
  );
}

/** What is wrong with a goal as a whole (no indicator, too many), in its No. cell. */
function GoalError({ goal }: { goal: number }) {
  const { errors } = useEditor();
  const message = errors.get(`goals[${goal}]`) ?? errors.get(`goals[${goal}].indicators`);
  return message ? <span className="grid-cell__error">{message}</span> : null;
}

function AddIndicator({ goal, count }: { goal: number; count: number }) {
  const { dispatch, fiscalYear, focusAfterRender } = useEditor();
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-label={`目標${goal + 1}に指標を追加`}
      onClick={() => {
        dispatch({ type: 'add', to: { list: 'indicators', goal }, fiscalYear });
        focusAfterRender([fieldId(`goals[${goal}].indicators[${count}].name`)]);
      }}
    >
      指標を追加
    </button>
  );
}

function GoalMenu({
  goal,
  goalKey,
  count,
  indicators,
}: {
  goal: number;
  goalKey: string;
  count: number;
  indicators: number;
}) {
  return (
    <RowMenu>
      <summary aria-label={`目標${goal + 1}の操作`}>操作</summary>
      <div className="row-menu__items">
        <ItemControls
          list={{ list: 'goals' }}
          index={goal}
          count={count}
          itemKey={goalKey}
          itemLabel={`目標${goal + 1}`}
          // The goal that takes its place, the one before it, or 目標を追加 when none is left.
          afterRemove={[fieldId(`goals[${goal}].text`), fieldId(`goals[${goal - 1}].text`), addGoalId]}
        />
        <AddIndicator goal={goal} count={indicators} />
      </div>
    </RowMenu>
  );
}

function IndicatorMenu({
  goal,
  index,
  itemKey,
  count,
}: {
  goal: number;
  index: number;
  itemKey: string;
  count: number;
}) {
  return (
    <RowMenu>
      <summary aria-label={`目標${goal + 1}の指標${index + 1}の操作`}>操作</summary>
      <div className="row-menu__items">
        <ItemControls
          list={{ list: 'indicators', goal }}
          index={index}
          count={count}
          itemKey={itemKey}
          itemLabel={`目標${goal + 1}の指標${index + 1}`}
          // The indicator that takes its place, the one before it, or the goal.
          afterRemove={[
            fieldId(`goals[${goal}].indicators[${index}].name`),
            fieldId(`goals[${goal}].indicators[${index - 1}].name`),
            fieldId(`goals[${goal}].text`),
          ]}
        />
      </div>
    </RowMenu>
  );
}

/**
 * A row's 操作: one open at a time (the details share a name), closed with Escape, focus back
 * on its button.
 */
function RowMenu({ children }: { children: React.ReactNode }) {
  return (
    <details
      className="row-menu"
      name="sheet-grid-row-menu"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !event.currentTarget.open) return;
        event.preventDefault();
        event.currentTarget.open = false;
        event.currentTarget.querySelector('summary')?.focus();
      }}
    >
      {children}
    </details>
  );
}

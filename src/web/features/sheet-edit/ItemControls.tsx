import { fieldId } from '../../lib/field-id';
import { useEditor } from './editor-context';
import type { ListRef } from './form-reducer';

/**
 * 上へ / 下へ / 削除 for one item of a list (goal, 主な取組, indicator). The buttons are named by
 * the item's key, so after a move focus stays on the moved item's button (or its other move
 * button at either end); after removal it goes to `afterRemove`.
 */
export function ItemControls({
  list,
  index,
  count,
  itemKey,
  itemLabel,
  afterRemove,
}: {
  list: ListRef;
  index: number;
  count: number;
  itemKey: string;
  itemLabel: string;
  afterRemove: string[];
}) {
  const { dispatch, focusAfterRender } = useEditor();
  const up = `${itemKey}-up`;
  const down = `${itemKey}-down`;
  const move = (by: -1 | 1) => {
    dispatch({ type: 'move', in: list, index, by });
    focusAfterRender(by === -1 ? [up, down] : [down, up]);
  };
  return (
    <div className="item-controls">
      <button
        id={up}
        type="button"
        className="button button--secondary button--small"
        aria-label={`${itemLabel}を上へ移動`}
        disabled={index === 0}
        onClick={() => move(-1)}
      >
        上へ
      </button>
      <button
        id={down}
        type="button"
        className="button button--secondary button--small"
        aria-label={`${itemLabel}を下へ移動`}
        disabled={index === count - 1}
        onClick={() => move(1)}
      >
        下へ
      </button>
      <button
        type="button"
        className="button button--danger-secondary button--small"
        aria-label={`${itemLabel}を削除`}
        onClick={() => {
          dispatch({ type: 'remove', from: list, index });
          focusAfterRender(afterRemove);
        }}
      >
        削除
      </button>
    </div>
  );
}

/** 目標を追加, under the goals of either view: the new goal's 部区 takes the focus. */
export const addGoalId = 'add-goal';

export function AddGoalButton({ count }: { count: number }) {
  const { dispatch, fiscalYear, focusAfterRender, parts } = useEditor();
  if (!parts.has('plan')) return null;
  return (
    <button
      id={addGoalId}
      type="button"
      className="button button--secondary"
      onClick={() => {
        dispatch({ type: 'add', to: { list: 'goals' }, fiscalYear });
        focusAfterRender([fieldId(`goals[${count}].parentNo`)]);
      }}
    >
      目標を追加
    </button>
  );
}

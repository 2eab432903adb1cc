import {
  type FormDocument,
  type FormGoal,
  type FormIndicator,
  newGoal,
  newIndicator,
  newInitiative,
} from './form-model';

type HeaderField = 'phone' | 'purpose' | 'approach' | 'outcome';
type GoalField = 'parentNo' | 'text';
type IndicatorField = Exclude<keyof FormIndicator, 'key' | 'indicatorId' | 'actuals'>;
/** Which list an item belongs to, for add / remove / move. */
export type ListRef =
  | { list: 'goals' }
  | { list: 'initiatives'; goal: number }
  | { list: 'indicators'; goal: number };

export type FormAction =
  | { type: 'reset'; form: FormDocument }
  | { type: 'header'; field: HeaderField; value: string }
  | { type: 'goal'; goal: number; field: GoalField; value: string }
  | { type: 'initiative'; goal: number; index: number; value: string }
  /** 主な取組 written one per line (the sheet's layout): each line an initiative, keys kept by place. */
  | { type: 'initiativeLines'; goal: number; value: string }
  | { type: 'indicator'; goal: number; index: number; field: IndicatorField; value: string }
  | { type: 'add'; to: ListRef; fiscalYear: number }
  | { type: 'remove'; from: ListRef; index: number }
  | { type: 'move'; in: ListRef; index: number; by: -1 | 1 }
  /** Several changes as one (a pasted block), undone together. */
  | { type: 'batch'; actions: FormAction[] };

function replaceAt<T>(items: readonly T[], index: number, change: (item: T) => T): T[] {
  return items.map((item, i) => (i === index ? change(item) : item));
}

function moved<T>(items: readonly T[], index: number, by: -1 | 1): T[] {
  const target = index + by;
  const item = items[index];
  const other = items[target];
  if (item === undefined || other === undefined) return [...items];
  const copy = [...items];
  copy[target] = item;
  copy[index] = other;
  return copy;
}

function withGoal(form: FormDocument, goal: number, change: (goal: FormGoal) => FormGoal): FormDocument {
  return { ...form, goals: replaceAt(form.goals, goal, change) };
}

function withIndicator(
  form: FormDocument,
  goal: number,
  index: number,
  change: (indicator: FormIndicator) => FormIndicator,
): FormDocument {
  return withGoal(form, goal, (g) => ({ ...g, indicators: replaceAt(g.indicators, index, change) }));
}

/** Apply `edit` to the list `ref` points at. */
function editList(
  form: FormDocument,
  ref: ListRef,
  edit: <T>(items: readonly T[], make: () => T) => T[],
  fiscalYear: number,
): FormDocument {
  if (ref.list === 'goals') return { ...form, goals: edit(form.goals, () => newGoal(fiscalYear)) };
  if (ref.list === 'initiatives') {
    return withGoal(form, ref.goal, (g) => ({ ...g, initiatives: edit(g.initiatives, newInitiative) }));
  }
  return withGoal(form, ref.goal, (g) => ({
    ...g,
    indicators: edit(g.indicators, () => newIndicator(fiscalYear)),
  }));
}

/** Every change the edit form makes to its document. */
export function formReducer(form: FormDocument, action: FormAction): FormDocument {
  switch (action.type) {
    case 'reset':
      return action.form;
    case 'header':
      return { ...form, [action.field]: action.value };
    case 'goal':
      return withGoal(form, action.goal, (g) => ({ ...g, [action.field]: action.value }));
    case 'initiative':
      return withGoal(form, action.goal, (g) => ({
        ...g,
        initiatives: replaceAt(g.initiatives, action.index, (n) => ({ ...n, text: action.value })),
      }));
    case 'initiativeLines':
      return withGoal(form, action.goal, (g) => ({
        ...g,
        initiatives: action.value
          .split('\n')
          .map((text, i) => ({ key: g.initiatives[i]?.key ?? newInitiative().key, text })),
      }));
    case 'batch':
      return action.actions.reduce(formReducer, form);
    case 'indicator':
      return withIndicator(form, action.goal, action.index, (i) => ({ ...i, [action.field]: action.value }));
    case 'add':
      return editList(form, action.to, (items, make) => [...items, make()], action.fiscalYear);
    case 'remove':
      return editList(form, action.from, (items) => items.filter((_, i) => i !== action.index), 0);
    case 'move':
      return editList(form, action.in, (items) => moved(items, action.index, action.by), 0);
  }
}

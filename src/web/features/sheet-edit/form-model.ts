import type { Direction, Evaluation } from '../../../domain/evaluation';
import { actualYears } from '../../../domain/fiscal-year';
import type { IndicatorDocument, SheetDocument } from '../../../domain/sheet-document';

/**
 * The edit form's copy of a SheetDocument: every text as the string in its control ('' for
 * nothing), and a key on every repeated item so that moving one keeps its controls and focus.
 * Positions are the document's: goal 1 is goals[0].
 */
export interface FormDocument {
  phone: string;
  purpose: string;
  approach: string;
  outcome: string;
  goals: FormGoal[];
}

export interface FormGoal {
  key: string;
  /** 部区: as typed, read as a number when sent. */
  parentNo: string;
  text: string;
  initiatives: FormInitiative[];
  indicators: FormIndicator[];
}

export interface FormInitiative {
  key: string;
  text: string;
}

export interface FormIndicator {
  key: string;
  indicatorId: string | null;
  name: string;
  unit: string;
  direction: Direction;
  /** Always the sheet's three 実績 years, oldest first. */
  actuals: { fiscalYear: number; text: string }[];
  target: string;
  result: string;
  note: string;
  achievement: string;
  evaluation: Evaluation | '';
  /** Why the 評価 differs from the rule's suggestion. */
  evaluationReason: string;
  /** For a milestone: 'done' 実施済み, 'notDone' 未実施, '' not said. */
  milestoneDone: MilestoneChoice;
}

type MilestoneChoice = '' | 'done' | 'notDone';

function milestoneChoice(done: boolean | null | undefined): MilestoneChoice {
  return done === true ? 'done' : done === false ? 'notDone' : '';
}

let lastKey = 0;
function newKey(): string {
  lastKey += 1;
  return `k${lastKey}`;
}

export function newInitiative(): FormInitiative {
  return { key: newKey(), text: '' };
}

export function newIndicator(fiscalYear: number): FormIndicator {
  return {
    key: newKey(),
    indicatorId: null,
    name: '',
    unit: '',
    direction: 'higher',
    actuals: actualYears(fiscalYear).map((year) => ({ fiscalYear: year, text: '' })),
    target: '',
    result: '',
    note: '',
    achievement: '',
    evaluation: '',
    evaluationReason: '',
    milestoneDone: '',
  };
}

export function newGoal(fiscalYear: number): FormGoal {
  return { key: newKey(), parentNo: '', text: '', initiatives: [], indicators: [newIndicator(fiscalYear)] };
}

function indicatorToForm(indicator: IndicatorDocument, fiscalYear: number): FormIndicator {
  return {
    key: newKey(),
    indicatorId: indicator.indicatorId,
    name: indicator.name,
    unit: indicator.unit ?? '',
    direction: indicator.direction,
    actuals: actualYears(fiscalYear).map((year) => ({
      fiscalYear: year,
      text: indicator.actuals.find((actual) => actual.fiscalYear === year)?.text ?? '',
    })),
    target: indicator.target.text ?? '',
    result: indicator.result.text ?? '',
    note: indicator.note ?? '',
    achievement: indicator.achievement ?? '',
    evaluation: indicator.evaluation ?? '',
    evaluationReason: indicator.evaluationReason ?? '',
    milestoneDone: milestoneChoice(indicator.milestoneDone),
  };
}

export function toForm(document: SheetDocument, fiscalYear: number): FormDocument {
  return {
    phone: document.phone ?? '',
    purpose: document.purpose ?? '',
    approach: document.approach ?? '',
    outcome: document.outcome ?? '',
    goals: document.goals.map((goal) => ({
      key: newKey(),
      parentNo: goal.parentNo === null ? '' : String(goal.parentNo),
      text: goal.text,
      initiatives: goal.initiatives.map((text) => ({ key: newKey(), text })),
      indicators: goal.indicators.map((indicator) => indicatorToForm(indicator, fiscalYear)),
    })),
  };
}

const orNull = (text: string): string | null => (text === '' ? null : text);

/** 部区 as typed: '' → none, '３' → 3; anything else stays NaN for the schema to refuse. */
function parentNoOf(text: string): number | null {
  const normalized = text.normalize('NFKC').trim();
  if (normalized === '') return null;
  return /^\d+$/.test(normalized) ? Number(normalized) : Number.NaN;
}

/** The document to validate and send (not yet checked). */
export function toDocument(form: FormDocument): SheetDocument {
  return {
    phone: orNull(form.phone),
    purpose: orNull(form.purpose),
    approach: orNull(form.approach),
    outcome: orNull(form.outcome),
    goals: form.goals.map((goal) => ({
      parentNo: parentNoOf(goal.parentNo),
      text: goal.text,
      // A blank line is not an initiative (the sheet's layout writes them one per line).
      initiatives: goal.initiatives.map((initiative) => initiative.text).filter((text) => text.trim() !== ''),
      indicators: goal.indicators.map((indicator) => ({
        indicatorId: indicator.indicatorId,
        name: indicator.name,
        unit: orNull(indicator.unit),
        direction: indicator.direction,
        actuals: indicator.actuals.map((actual) => ({
          fiscalYear: actual.fiscalYear,
          text: orNull(actual.text),
        })),
        target: { text: orNull(indicator.target) },
        result: { text: orNull(indicator.result) },
        note: orNull(indicator.note),
        achievement: orNull(indicator.achievement),
        evaluation: indicator.evaluation === '' ? null : indicator.evaluation,
        evaluationReason: orNull(indicator.evaluationReason),
        milestoneDone: indicator.milestoneDone === '' ? null : indicator.milestoneDone === 'done',
      })),
    })),
  };
}

import type { SheetDocument } from '../../domain/sheet-document';
import type { GoalFile, WardYearFile } from '../../schemas/interchange';
import { awkwardTexts } from '../../schemas/text-samples';
import { sampleFile, sheetFileTitled } from './finders';

/**
 * For tests: goals in which every text field holds one of the awkward texts (markup, SQL,
 * entities, template syntax, formulas), one goal per text, so each output can be checked field
 * by field. Goal i: its text, its one initiative, its indicator's name, target, result, 補足,
 * 目標達成状況 and 評価の理由 are all awkwardTexts[i].
 */
function awkwardGoalFiles(): GoalFile[] {
  return awkwardTexts.map((text, i) => ({
    no: i + 1,
    parentNo: null,
    text,
    initiatives: [text],
    indicators: [
      {
        name: text,
        unit: null,
        actuals: {},
        target: { text, value: null },
        result: { text, value: null },
        note: text,
        achievement: text,
        evaluation: '達成',
        evaluationReason: text,
      },
    ],
  }));
}

/** The same goals as the editor sends them (new indicators). */
export function awkwardGoalDocuments(): SheetDocument['goals'] {
  return awkwardTexts.map((text) => ({
    parentNo: null,
    text,
    initiatives: [text],
    indicators: [
      {
        indicatorId: null,
        name: text,
        unit: null,
        direction: 'higher',
        actuals: [],
        target: { text },
        result: { text },
        note: text,
        achievement: text,
        evaluation: '達成',
        evaluationReason: text,
      },
    ],
  }));
}

/**
 * One published sheet of 地域総務課 (新潟市 北区) in `fiscalYear` whose every text is awkward:
 * the narratives are the first three texts, the goals as above, `source` and `uncertain` too.
 */
export function awkwardWardYearFile(fiscalYear: number): WardYearFile {
  const base = sampleFile();
  const sheet = sheetFileTitled(base, '地域総務課');
  const [purpose = '', approach = '', outcome = ''] = awkwardTexts;
  return {
    municipality: base.municipality,
    ward: base.ward,
    fiscalYear,
    source: awkwardTexts.join('\n'),
    uncertain: [...awkwardTexts],
    sheets: [
      {
        ...sheet,
        purpose,
        approach,
        outcome,
        createdOn: `${fiscalYear}-04-01`,
        revisedOn: null,
        evaluatedOn: null,
        goals: awkwardGoalFiles(),
        status: 'published',
      },
    ],
  };
}

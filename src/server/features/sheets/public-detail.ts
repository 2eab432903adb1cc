import type { SheetDetail } from '../../../schemas/sheet';

/**
 * The sheet as it is published: the rule's suggestion (目安) and the reason given for a 評価 that
 * differs from it are internal aids — staff see them, the publication does not — unless the
 * municipality publishes them (`publishAids` of its evaluation rule). The public's page, its
 * print, the PDF, the booklet and the public's downloads are all made from this.
 */
export function publicDetail(detail: SheetDetail, publishAids: boolean): SheetDetail {
  if (publishAids) return detail;
  return {
    ...detail,
    goals: detail.goals.map((goal) => ({
      ...goal,
      indicators: goal.indicators.map((indicator) => ({
        ...indicator,
        suggestion: null,
        evaluationReason: null,
      })),
    })),
  };
}

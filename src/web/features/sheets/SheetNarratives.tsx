import type { SheetDetail } from '../../../schemas/sheet';

function Narrative({
  id,
  anchor,
  heading,
  text,
}: {
  id: string;
  /** Where links to this text land (see sheetAnchor). */
  anchor: string;
  heading: string;
  text: string | null;
}) {
  return (
    <section className="narrative" aria-labelledby={id} id={anchor}>
      <h2 id={id}>{heading}</h2>
      <p>{text ?? ''}</p>
    </section>
  );
}

/** The two free-text boxes under the table: the year's approach and, after evaluation, its outcome. */
export function SheetNarratives({ sheet }: { sheet: SheetDetail }) {
  return (
    <div className="narratives">
      <Narrative
        id="narrative-approach"
        anchor="at-approach"
        heading="取り組みについて（今年度重点的に取り組む内容や目標設定の考え方など）"
        text={sheet.approach}
      />
      <Narrative
        id="narrative-outcome"
        anchor="at-outcome"
        heading="取り組みの結果について（評価内容と評価結果を踏まえた今後の方針など）"
        text={sheet.outcome}
      />
    </div>
  );
}

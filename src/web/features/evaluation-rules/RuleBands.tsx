/** The rule in words: which achievement ratios give which evaluation. */
export function RuleBands({ achieved, partly }: { achieved: string; partly: string }) {
  return (
    <dl className="rule-bands">
      <div>
        <dt>達成</dt>
        <dd>{`達成率が${achieved}％以上`}</dd>
      </div>
      <div>
        <dt>一部未達成</dt>
        <dd>{`達成率が${partly}％以上${achieved}％未満`}</dd>
      </div>
      <div>
        <dt>未達成</dt>
        <dd>{`達成率が${partly}％未満`}</dd>
      </div>
    </dl>
  );
}

import '../styles/downloads.css';
/**
 * How far a job has got, as a bar with its numbers in words (「3/8 シート」). Before the total
 * is known the bar is indeterminate. The words are not a live region: the caller announces
 * the message (so that each step is not read out twice).
 */
export function JobProgress({
  label,
  done,
  total,
  unit = 'シート',
  pendingText = '準備中',
}: {
  label: string;
  done: number;
  total: number;
  unit?: string;
  /** What the bar says before the total is known (「ファイルを確認中」). */
  pendingText?: string;
}) {
  const known = total > 0;
  const percent = known ? Math.round((Math.min(done, total) / total) * 100) : 0;
  const text = known ? `${done}/${total} ${unit}` : pendingText;
  return (
    <div className="job-progress">
      <div
        className={known ? 'job-progress__bar' : 'job-progress__bar job-progress__bar--indeterminate'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={known ? total : undefined}
        aria-valuenow={known ? done : undefined}
        aria-valuetext={text}
      >
        <span className="job-progress__fill" style={known ? { width: `${percent}%` } : undefined} />
      </div>
      <span className="job-progress__text" aria-hidden="true">
        {text}
      </span>
    </div>
  );
}

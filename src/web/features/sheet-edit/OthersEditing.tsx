import { useEffect, useState } from 'react';
import type { Presence } from '../../../schemas/presence';
import { leavePresence, notePresence } from '../../lib/api-presence';

/** How often the open editor says so (the server forgets a mark after a minute). */
const everyMs = 20_000;

/**
 * 編集中: while this editor is open, who else has the same sheet's editor open, by name. Saving
 * over someone's newer save is still refused (409) and shown by the conflict panel; this says it
 * before it happens. A failed heartbeat says nothing (the editor works without it).
 */
export function OthersEditing({ sheetId }: { sheetId: string }) {
  const [others, setOthers] = useState<Presence['others']>([]);
  useEffect(() => {
    const abort = new AbortController();
    const beat = () =>
      notePresence(sheetId, abort.signal).then(
        (presence) => setOthers(presence.others),
        () => undefined,
      );
    void beat();
    const timer = setInterval(beat, everyMs);
    const leave = () => void leavePresence(sheetId).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      abort.abort();
      clearInterval(timer);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [sheetId]);

  return (
    <div role="status" className="others-editing">
      {others.length > 0 && (
        <div className="notice notice--warning">
          <p>
            <strong>{`${others.map((o) => `${o.name}さん`).join('、')}もこのシートを編集中です。`}</strong>
          </p>
          <p>
            先に保存された内容は上書きされません。後から保存した方には「保存できませんでした（編集の競合）」と違いが表示され、確かめてから保存し直せます。
          </p>
        </div>
      )}
    </div>
  );
}

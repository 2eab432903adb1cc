import { useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import {
  type MailDelivery,
  mailDeliveries,
  mailDeliveryLabels,
  notificationKindLabels,
} from '../../../domain/notifications';
import type { NotificationList } from '../../../schemas/notifications';
import { ErrorSummary } from '../../components/ErrorSummary';
import {
  mailSettingsQuery,
  markNotificationsRead,
  notificationsQuery,
  saveMailDelivery,
} from '../../lib/api-notifications';
import { formatDateTime } from '../../lib/format-date-time';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import '../../styles/notifications.css';

type Item = NotificationList['items'][number];

const mailStates: Record<Item['mail'], string | null> = {
  none: null,
  pending: 'メール：送信待ち',
  sent: 'メール：送信済み',
  failed: 'メール：送信できませんでした',
};

/** The page a notification points to: a sheet of this app, else the address as given. */
function NoticeLink({ item, onOpen }: { item: Item; onOpen: () => void }) {
  const sheetId = /^\/sheets\/([0-9a-f-]{36})$/.exec(item.link)?.[1];
  if (sheetId) {
    return (
      <Link to="/sheets/$sheetId" params={{ sheetId }} onClick={onOpen}>
        {item.subject}
      </Link>
    );
  }
  return (
    <a href={item.link} onClick={onOpen}>
      {item.subject}
    </a>
  );
}

function MailSettingsForm() {
  const queryClient = useQueryClient();
  const { data, error } = useQuery(mailSettingsQuery());
  const [choice, setChoice] = useState<MailDelivery | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (error)
    return <ErrorSummary message="通知メールの設定を読み込めませんでした。再読み込みしてください。" />;
  if (!data) return null;
  const chosen = choice ?? data.mailDelivery;
  const save = async () => {
    setBusy(true);
    setProblem(null);
    setStatus('');
    try {
      const saved = await saveMailDelivery(chosen);
      queryClient.setQueryData(mailSettingsQuery().queryKey, saved);
      setChoice(null);
      setStatus(`通知メールの受け取り方を「${mailDeliveryLabels[saved.mailDelivery]}」にしました。`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '保存できませんでした。');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="mail-settings app-chrome" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">通知メールの受け取り方</h2>
      {!data.mailEnabled && (
        <p className="muted">
          このシステムはメールを送信しない設定になっています。通知はこの画面でご覧ください。
        </p>
      )}
      <p>
        {data.email
          ? `送信先：${data.email}（変更は管理者に依頼してください）`
          : 'メールアドレスが登録されていないため、メールは届きません。管理者に登録を依頼してください。'}
      </p>
      <form
        className="form-card"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset>
          <legend>受け取り方</legend>
          {mailDeliveries.map((delivery) => (
            <label key={delivery} className="choice">
              <input
                type="radio"
                name="mail-delivery"
                value={delivery}
                checked={chosen === delivery}
                disabled={busy}
                onChange={() => setChoice(delivery)}
              />
              {mailDeliveryLabels[delivery]}
            </label>
          ))}
        </fieldset>
        <p className="form-field__hint">
          「まとめて（毎朝8時）」は、前回のメールから後の通知を、毎朝8時に1通のメールでお送りします。
        </p>
        <button type="submit" className="button" disabled={busy}>
          保存する
        </button>
      </form>
      <p role="status">{status}</p>
      {problem && <ErrorSummary message={problem} />}
    </section>
  );
}

/** `/notifications`: what the app has told the signed-in user, newest first, and how mail comes. */
export function NotificationsPage() {
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(notificationsQuery());
  // Whether mail goes out at all: without it, a mail's state says nothing to the reader.
  const mailEnabled = useQuery(mailSettingsQuery()).data?.mailEnabled === true;
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The button pressed goes away (or is disabled): focus moves to what it did.
  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (announcement) statusRef.current?.focus();
  }, [announcement]);
  useDocumentTitle('通知');

  const markRead = async (ids?: string[]) => {
    setProblem(null);
    try {
      const list = await markNotificationsRead(ids);
      queryClient.setQueryData(notificationsQuery().queryKey, list);
      await queryClient.invalidateQueries({ queryKey: meQuery().queryKey });
      return true;
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '既読にできませんでした。');
      return false;
    }
  };

  return (
    <>
      <h1>
        通知<span className="heading-sub">{`未読 ${data.unread}件`}</span>
      </h1>
      <p className="lead">
        シートの手続き、目標の修正などの申請、コメント、督促、期限のお知らせです。新しい順に100件まで表示します。
      </p>
      <p role="status" className="notifications__status" tabIndex={-1} ref={statusRef}>
        {announcement}
      </p>
      {problem && <ErrorSummary message={problem} />}
      {data.items.length === 0 ? (
        <p>通知はまだありません。</p>
      ) : (
        <>
          <p>
            <button
              type="button"
              className="button button--secondary"
              disabled={data.unread === 0}
              onClick={() =>
                void markRead().then((ok) => ok && setAnnouncement('すべての通知を既読にしました。'))
              }
            >
              すべて既読にする
            </button>
          </p>
          <ol className="notification-list">
            {data.items.map((item) => (
              <li key={item.id} className={item.read ? 'notification' : 'notification notification--unread'}>
                <article aria-labelledby={`notification-${item.id}`}>
                  <p className="notification__meta">
                    <span className="notification__kind">{notificationKindLabels[item.kind]}</span>
                    {formatDateTime(item.at)}
                    {!item.read && <strong className="notification__unread">未読</strong>}
                  </p>
                  <h2 id={`notification-${item.id}`} className="notification__subject">
                    <NoticeLink item={item} onOpen={() => void markRead([item.id])} />
                  </h2>
                  <p className="notification__body">{item.body}</p>
                  <p className="notification__footer">
                    {mailEnabled && mailStates[item.mail] && (
                      <span className="muted">{mailStates[item.mail]}</span>
                    )}
                    {!item.read && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() =>
                          void markRead([item.id]).then(
                            (ok) => ok && setAnnouncement(`「${item.subject}」を既読にしました。`),
                          )
                        }
                      >
                        既読にする
                      </button>
                    )}
                  </p>
                </article>
              </li>
            ))}
          </ol>
        </>
      )}
      <MailSettingsForm />
    </>
  );
}

import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useRouterState } from '@tanstack/react-router';
import { Suspense } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnMunicipality } from '../../lib/ward-permissions';
import { EvaluationRuleSettings } from '../evaluation-rules/EvaluationRuleSettings';
import { LicenceSettings } from '../licence/LicenceSettings';
import { MailSenderSettings } from '../mail-sender/MailSenderSettings';
import { NominalDatesSettings } from '../sheet-dates/NominalDatesSettings';
import { SignOnSettings } from '../sign-on/SignOnSettings';

/** The sections of the page, in order, for its table of contents. */
const sections = [
  { id: 'evaluation-rule', title: '評価の基準' },
  { id: 'sheet-dates', title: '作成日・修正日・評価日の既定の日付' },
  { id: 'licence', title: '公開するデータのライセンス' },
  { id: 'sign-on', title: 'シングルサインオン', permission: 'readSignOn' },
  { id: 'mail-sender', title: '通知メールの送信元', permission: 'readMailSender' },
] as const;

/**
 * `/settings`: everything the municipality sets for itself, on one page — the evaluation rule and
 * what the public sees of its aids, the nominal sheet dates, the licence of its open data, and
 * (管理者 only) its single sign-on and the sender of its 通知 mail.
 * 管理者 changes them; other signed-in users of the municipality read them.
 */
export function SettingsPage() {
  const { data: me } = useSuspenseQuery(meQuery());
  const href = useRouterState({ select: (state) => state.location.href });
  const title = me.user ? `${me.user.municipality}の設定` : '自治体の設定';
  useDocumentTitle(title);
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current={title}
      />
      <h1>{title}</h1>
      {me.user ? (
        <>
          <p className="lead">
            {canOnMunicipality(me, 'setEvaluationRule')
              ? 'この自治体のすべての部区に共通する設定です。項目ごとに保存します。'
              : 'この自治体のすべての部区に共通する設定です。変更できるのは管理者です。'}
          </p>
          <nav aria-labelledby="settings-contents">
            <h2 id="settings-contents" className="visually-hidden">
              この画面の項目
            </h2>
            <ul>
              {sections
                .filter((section) => !('permission' in section) || canOnMunicipality(me, section.permission))
                .map((section) => (
                  <li key={section.id}>
                    <a href={`#${section.id}`}>{section.title}</a>
                  </li>
                ))}
            </ul>
          </nav>
          <EvaluationRuleSettings />
          <NominalDatesSettings />
          {/* What the publication states beside what it shows: the licence of the open data. */}
          <Suspense fallback={null}>
            <LicenceSettings />
          </Suspense>
          <Suspense fallback={null}>
            <SignOnSettings />
          </Suspense>
          <Suspense fallback={null}>
            <MailSenderSettings />
          </Suspense>
        </>
      ) : (
        <p className="notice notice--info">
          自治体の設定を見るには
          <Link to="/sign-in" search={{ redirect: href }}>
            ログイン
          </Link>
          してください。
        </p>
      )}
    </>
  );
}

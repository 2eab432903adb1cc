import '../../styles/ward-year.css';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { phaseLabels } from '../../../domain/deadlines';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import { sheetStatusLabels } from '../../../domain/sheet-status';
import { formatSheetDate } from '../../../domain/sheet-text';
import type { Awaiting, AwaitingKind, HomeSheet, WardCard } from '../../../schemas/home';
import { formatDateTime } from '../../lib/format-date-time';
import { homeQuery } from '../../lib/progress-queries';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { canOnMunicipality } from '../../lib/ward-permissions';
import '../../styles/progress.css';

const awaitingLabels: Record<AwaitingKind, string> = {
  approve: 'シートの承認',
  approveEvaluation: '評価の承認',
  confirmEvaluation: '評価の確定',
  revision: '目標の修正の承認',
  correction: '過年度実績の訂正の承認',
};

function SheetLink({ item }: { item: { sheetId: string; title: string; ward: string; fiscalYear: number } }) {
  return (
    <Link to="/sheets/$sheetId" params={{ sheetId: item.sheetId }}>
      {`${item.title}（${item.ward} ${formatFiscalYear(item.fiscalYear)}）`}
    </Link>
  );
}

function Deadline({ sheet }: { sheet: HomeSheet }) {
  if (sheet.overdue) {
    return (
      <span className="overdue-badge">{`期限超過（${phaseLabels[sheet.overdue]}の期限 ${formatSheetDate(sheet.deadline ?? '')}）`}</span>
    );
  }
  return (
    <>
      {sheet.deadline
        ? `${phaseLabels[sheet.phase]}の期限 ${formatSheetDate(sheet.deadline)}`
        : '期限の設定なし'}
    </>
  );
}

function MySheets({ sheets }: { sheets: HomeSheet[] }) {
  return (
    <section className="home-section" aria-labelledby="home-mine">
      <h2 id="home-mine">自分の組織のシート</h2>
      {sheets.length === 0 ? (
        <p>作業中のシートはありません。</p>
      ) : (
        <ul className="home-list">
          {sheets.map((sheet) => (
            <li
              key={sheet.sheetId}
              className={sheet.returned ? 'home-item home-item--returned' : 'home-item'}
            >
              <p className="home-item__title">
                <SheetLink item={sheet} />
              </p>
              <p className="home-item__meta">
                {sheetStatusLabels[sheet.status]}　<Deadline sheet={sheet} />
              </p>
              {sheet.openComments > 0 && (
                <p className="home-item__meta">
                  <Link to="/sheets/$sheetId" params={{ sheetId: sheet.sheetId }} hash="comments">
                    {`未解決のコメント ${sheet.openComments}件`}
                  </Link>
                </p>
              )}
              {sheet.returned && (
                <div className="home-item__returned">
                  <p className="home-item__returned-title">
                    {`差し戻されています（${sheet.returned.by}・${formatDateTime(sheet.returned.at)}）`}
                  </p>
                  {sheet.returned.comment && <p className="home-item__comment">{sheet.returned.comment}</p>}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AwaitingList({ items }: { items: Awaiting[] }) {
  return (
    <section className="home-section" aria-labelledby="home-awaiting">
      <h2 id="home-awaiting">
        判断を待っているもの<span className="count-badge">{items.length}件</span>
      </h2>
      {items.length === 0 ? (
        <p>あなたの承認・確定を待っているものはありません。</p>
      ) : (
        <ul className="home-list">
          {items.map((item) => (
            <li
              key={`${item.kind}:${item.sheetId}:${item.indicator ?? ''}:${item.asked?.at ?? ''}`}
              className="home-item"
            >
              <p className="home-item__title">
                <span className="home-item__kind">{awaitingLabels[item.kind]}</span>
                <SheetLink item={item} />
              </p>
              <p className="home-item__meta">
                {item.indicator && `指標「${item.indicator}」　`}
                {item.asked && `${item.asked.by}・${formatDateTime(item.asked.at)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function WardCards({ wards, municipalityWide }: { wards: WardCard[]; municipalityWide: boolean }) {
  const latest = Math.max(0, ...wards.map((w) => w.fiscalYear ?? 0));
  return (
    <section className="home-section" aria-labelledby="home-wards">
      <h2 id="home-wards">部区の進捗</h2>
      {wards.length === 0 && (
        <p>
          まだ部区がありません。部区と組織は、シートを取り込むと登録されます（
          <Link to="/import">シートを取り込む</Link>）。
        </p>
      )}
      {municipalityWide && latest > 0 && (
        <p>
          <Link to="/years/$fiscalYear/progress" params={{ fiscalYear: latest }}>
            {`全部区の進捗管理表（${formatFiscalYear(latest)}）`}
          </Link>
        </p>
      )}
      <div className="ward-grid">
        {wards.map((card) => (
          <section
            key={`${card.municipality}:${card.ward}`}
            className="ward-card"
            aria-labelledby={`ward-${card.ward}`}
          >
            <h3 id={`ward-${card.ward}`}>
              {card.ward}
              {card.fiscalYear !== null && (
                <span className="heading-sub">{formatFiscalYear(card.fiscalYear)}</span>
              )}
            </h3>
            {card.fiscalYear === null ? (
              <p>シートはまだありません。</p>
            ) : (
              <>
                <dl className="ward-card__counts">
                  {(['plan', 'revision', 'evaluation', 'done'] as const).map((phase) => (
                    <div key={phase}>
                      <dt>{phaseLabels[phase]}</dt>
                      <dd>{card.totals.phases[phase]}件</dd>
                    </div>
                  ))}
                  <div>
                    <dt>期限超過</dt>
                    <dd>{card.totals.overdue}件</dd>
                  </div>
                  <div>
                    <dt>評価確定待ち</dt>
                    <dd>{card.toConfirm}件</dd>
                  </div>
                  <div>
                    <dt>公開待ち</dt>
                    <dd>{card.toPublish}件</dd>
                  </div>
                </dl>
                <ul className="link-list">
                  <li>
                    <Link
                      to="/years/$fiscalYear/wards/$wardName/progress"
                      params={{ fiscalYear: card.fiscalYear, wardName: card.ward }}
                      search={{ municipality: card.municipality }}
                    >
                      進捗管理表
                    </Link>
                  </li>
                  <li>
                    <Link
                      to="/years/$fiscalYear/wards/$wardName"
                      params={{ fiscalYear: card.fiscalYear, wardName: card.ward }}
                      search={{ municipality: card.municipality }}
                    >
                      シート一覧
                    </Link>
                  </li>
                </ul>
              </>
            )}
          </section>
        ))}
      </div>
    </section>
  );
}

/** `/home`: after sign-in, what this user has to do — by the roles they hold. */
export function HomePage() {
  const { data: me } = useQuery(meQuery());
  const { data } = useSuspenseQuery(homeQuery());
  useDocumentTitle('ホーム');
  const held = new Set(me?.user?.roles.map((r) => r.role));
  const ownsSheets = held.has('editor') || held.has('head');
  const decides = held.has('head') || held.has('planner');
  const followsWards = held.has('planner') || held.has('admin') || held.has('viewer');

  return (
    <>
      <h1>
        ホーム<span className="heading-sub">{me?.user ? `${me.user.displayName}さん` : ''}</span>
      </h1>
      <p className="lead">
        {formatSheetDate(data.today)}現在の、あなたの組織のシートと、あなたの判断を待っているものです。
        <Link to="/">部区・年度を選ぶ</Link>から、公開されているシートも見られます。
      </p>
      {(decides || data.awaiting.length > 0) && <AwaitingList items={data.awaiting} />}
      {ownsSheets && <MySheets sheets={data.mySheets} />}
      {followsWards && (
        <WardCards wards={data.wards} municipalityWide={canOnMunicipality(me, 'viewAllProgress')} />
      )}
      {me?.user?.systemAdmin && (
        <p>
          システム管理者は、<Link to="/admin/municipalities">自治体の管理</Link>
          で自治体とその管理者を登録し、<Link to="/settings/users">ユーザー管理</Link>
          ですべての自治体のユーザーを管理します。
        </p>
      )}
    </>
  );
}

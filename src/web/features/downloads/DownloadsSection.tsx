import '../../styles/downloads.css';
import { useQuery } from '@tanstack/react-query';
import { formatFiscalYear } from '../../../domain/fiscal-year';
import type { WardYearSheets } from '../../../schemas/sheet';
import { exportUrl } from '../../lib/api';
import { downloadUrls } from '../../lib/download-urls';
import { meQuery } from '../../lib/queries';
import { canOnWard } from '../../lib/ward-permissions';
import { BookletDownload } from './BookletDownload';

type FileLink = { href: string; label: string; type: string; description: string };

/**
 * ダウンロード: the 部区's year as files. Each follows who is signed in (the public gets the
 * published sheets only). Hidden in print.
 */
export function DownloadsSection({ data }: { data: WardYearSheets }) {
  const { data: me } = useQuery(meQuery());
  const query = { fiscalYear: data.fiscalYear, ward: data.ward.name, municipality: data.ward.municipality };
  const label = `${data.ward.municipality} ${data.ward.name} ${formatFiscalYear(data.fiscalYear)}`;
  const files: FileLink[] = [
    {
      href: downloadUrls.xlsx(query),
      label: 'Excel（.xlsx）',
      type: 'XLSX',
      description: '組織ごとのワークシートに分かれたブック。様式と同じ配置で、編集して取り込めます。',
    },
    {
      href: downloadUrls.csv(query),
      label: 'CSV（オープンデータ）',
      type: 'CSV',
      description: '指標と年度ごとに1行。文字コードは UTF-8（BOM 付き）です。',
    },
    {
      href: exportUrl(query),
      label: 'JSON（交換形式）',
      type: 'JSON',
      description: 'システム間でデータを受け渡すための形式です。',
    },
  ];
  if (canOnWard(me, 'import', data.ward)) {
    files.push({
      href: downloadUrls.template(data.fiscalYear),
      label: '空の様式（Excel）',
      type: 'XLSX',
      description: '新しい組織のシートを作るための、記入前の様式です。',
    });
  }

  const { licence } = data;
  // The DCAT description is of the published sheets: a year with none has none.
  const published = data.sheets.some((sheet) => sheet.status === 'published');

  return (
    <section className="downloads app-chrome" aria-labelledby="downloads-title">
      <h2 id="downloads-title">ダウンロード</h2>
      <p className="downloads__lead">{`${label}のシートをファイルで取得できます。`}</p>
      <h3 className="downloads__subtitle">冊子（PDF）</h3>
      <BookletDownload query={query} label={label} />
      <h3 className="downloads__subtitle">データ</h3>
      <ul className="downloads__list">
        {files.map((file) => (
          <li key={file.label}>
            <a href={file.href} download>
              {file.label}
            </a>
            <span className="file-type" aria-hidden="true">
              {file.type}
            </span>
            <span className="downloads__description">{file.description}</span>
          </li>
        ))}
      </ul>
      <h3 className="downloads__subtitle">ライセンス</h3>
      <p>
        公開しているシートとそのファイルは、<a href={licence.url}>{licence.name}</a>に従って利用できます。
      </p>
      {published && (
        <p>
          <a href={downloadUrls.dcat(query)} rel="alternate" type="application/ld+json">
            データセットの説明（DCAT、JSON-LD）
          </a>
          ：データカタログ（CKAN など）が取り込むための、公開済みのシートの各ファイルとライセンスの説明です。
        </p>
      )}
    </section>
  );
}

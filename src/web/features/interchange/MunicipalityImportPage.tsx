import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { mayImportSomewhere } from '../../../domain/ward-policy';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { meQuery } from '../../lib/queries';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ImportForm } from './ImportForm';

/**
 * `/import`: the municipality's own way to import, whatever the file's 部区 and year — the only
 * one for a new 部区 (管理者), such as a newly registered municipality's first sheets. The
 * municipality is the file's; the preview calls out a file of another.
 */
export function MunicipalityImportPage() {
  const { data: me } = useSuspenseQuery(meQuery());
  useDocumentTitle('シートを取り込む');
  const user = me.user;
  const allowed = user !== null && mayImportSomewhere(user.roles);
  return (
    <>
      <Breadcrumbs
        items={[
          <Link key="home" to="/">
            部区・年度を選ぶ
          </Link>,
        ]}
        current="シートを取り込む"
      />
      <h1>
        シートを取り込む
        {user && <span className="heading-sub">{user.municipality}</span>}
      </h1>
      {!allowed ? (
        <p className="notice notice--warning">
          {`シートを取り込めるのは、企画担当と管理者です。${user ? '' : 'ログインしてからお試しください。'}`}
        </p>
      ) : (
        <>
          <p>
            ファイルに書かれた部区・年度のシートを取り込みます。まだ登録されていない部区のシートを取り込むと、その部区と組織を登録します（管理者）。部区ごとのページの「Excel
            から取り込む」と同じく、先に取り込みの確認を表示します。
          </p>
          <ImportForm expected={{ municipality: user?.municipality }} />
        </>
      )}
    </>
  );
}

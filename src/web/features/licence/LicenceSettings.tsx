import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defaultLicence } from '../../../domain/licence';
import type { LicenceSetting } from '../../../schemas/licence-setting';
import { FormField } from '../../components/FormField';
import { licenceQuery, resetLicence, saveLicence } from '../../lib/api-licence';
import { meQuery } from '../../lib/queries';
import { useSettingsSave } from '../../lib/use-settings-save';
import { canOnMunicipality } from '../../lib/ward-permissions';

type Field = 'name' | 'url';
const fields: Field[] = ['name', 'url'];
const inputId = (field: Field) => `licence-${field}`;

/**
 * 公開するデータのライセンス: the licence the pages, the files and their DCAT descriptions state.
 * Signed-in users read it; 管理者 choose another or return to 公共データ利用規約 第1.0版.
 */
export function LicenceSettings() {
  const { data: me } = useSuspenseQuery(meQuery());
  const { data: licence } = useSuspenseQuery(licenceQuery());
  return (
    <section aria-labelledby="licence-title" id="licence">
      <h2 id="licence-title">公開するデータのライセンス</h2>
      <p>
        公開したシートの画面と、CSV・JSON・Excel・PDF
        のファイル、データカタログ向けの説明（DCAT）に、このライセンスを示します。既定は
        <a href={defaultLicence.url}>公共データ利用規約 第1.0版（PDL1.0）</a>
        で、クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）と互換性があります。
      </p>
      <p>
        現在のライセンス：<a href={licence.url}>{licence.name}</a>
        {licence.isDefault ? '（既定）' : ''}
      </p>
      {canOnMunicipality(me, 'setLicence') ? (
        <LicenceForm licence={licence} />
      ) : (
        <p className="notice notice--info">ライセンスを変更できるのは管理者です。</p>
      )}
    </section>
  );
}

function LicenceForm({ licence }: { licence: LicenceSetting }) {
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<Record<Field, string>>({ name: licence.name, url: licence.url });
  const { errors, problem, busy, run } = useSettingsSave<Field, LicenceSetting>(
    fields,
    inputId,
    'ライセンスを保存できませんでした。',
  );
  const saved = async (answer: LicenceSetting) => {
    queryClient.setQueryData(['licence'], answer);
    setInputs({ name: answer.name, url: answer.url });
    // The 部区 lists and sheets carry the licence.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['sheet'] }),
      queryClient.invalidateQueries({ queryKey: ['ward-year-sheets'] }),
    ]);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(() => saveLicence({ name: inputs.name, url: inputs.url }), 'ライセンスを保存しました。', saved);
  };

  return (
    <form className="form-card" noValidate onSubmit={submit} aria-label="ライセンスの変更">
      <FormField
        id={inputId('name')}
        label="ライセンスの名前"
        hint="例：クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）"
        error={errors.get('name')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            value={inputs.name}
            onChange={(event) => setInputs((current) => ({ ...current, name: event.target.value }))}
          />
        )}
      </FormField>
      <FormField
        id={inputId('url')}
        label="ライセンスの URL"
        hint="条文のページのアドレス（https:// または http:// で始まるもの）"
        error={errors.get('url')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="url"
            inputMode="url"
            value={inputs.url}
            onChange={(event) => setInputs((current) => ({ ...current, url: event.target.value }))}
          />
        )}
      </FormField>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : 'ライセンスを保存'}
        </button>
        {!licence.isDefault && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              void run(resetLicence, '既定のライセンス（公共データ利用規約 第1.0版）に戻しました。', saved)
            }
          >
            既定に戻す
          </button>
        )}
      </div>
    </form>
  );
}

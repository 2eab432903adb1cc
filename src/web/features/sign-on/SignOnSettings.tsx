import '../../styles/sign-on.css';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { type Role, roleLabels, roleReach, roles } from '../../../domain/roles';
import type { SignOnChange, SignOnSetting } from '../../../schemas/sign-on';
import { FormField } from '../../components/FormField';
import { removeSignOn, saveSignOn, signOnSettingQuery } from '../../lib/api-sign-on';
import { meQuery } from '../../lib/queries';
import { useSettingsSave } from '../../lib/use-settings-save';
import { canOnMunicipality } from '../../lib/ward-permissions';

type Field =
  | 'providerName'
  | 'issuer'
  | 'clientId'
  | 'clientSecret'
  | 'redirectUrl'
  | 'matchClaim'
  | 'groupsClaim';
const fieldIds: Record<Field, string> = {
  providerName: 'sign-on-provider-name',
  issuer: 'sign-on-issuer',
  clientId: 'sign-on-client-id',
  clientSecret: 'sign-on-client-secret',
  redirectUrl: 'sign-on-redirect-url',
  matchClaim: 'sign-on-match-claim',
  groupsClaim: 'sign-on-groups-claim',
};
const fields = Object.keys(fieldIds) as Field[];
const textFields: { field: Field; label: string; hint: string; type?: string }[] = [
  {
    field: 'providerName',
    label: '連携先の名前',
    hint: 'ログイン画面に「（名前）のアカウントでログイン」と表示します。例：○○市職員',
  },
  {
    field: 'issuer',
    label: '発行者（Issuer）の URL',
    hint: '認証サーバーの設定にある Issuer（https:// で始まるもの）',
    type: 'url',
  },
  { field: 'clientId', label: 'クライアントID', hint: '認証サーバーにこのシステムを登録したときの ID' },
  { field: 'redirectUrl', label: 'リダイレクト URL', hint: '認証サーバーに登録する戻り先。', type: 'url' },
  {
    field: 'matchClaim',
    label: '照合するクレーム',
    hint: '職員を特定する情報の名前。例：email、employee_number',
  },
];

interface MappingRow {
  group: string;
  role: Role;
  ward: string;
  organization: string;
}

const callbackPath = '/api/v1/auth/sign-on/callback';

/**
 * シングルサインオン: the municipality's OpenID Connect provider, which claim names a user and
 * which column of theirs it is compared with, the groups that give roles, and whether its staff
 * may still sign in with a password. 管理者 only (nothing is shown to others); the client secret
 * is written, never shown. Takes no props: it reads the signed-in user and the settings itself
 * (wrap it in Suspense).
 */
export function SignOnSettings() {
  const { data: me } = useSuspenseQuery(meQuery());
  if (!canOnMunicipality(me, 'readSignOn')) return null;
  return <SignOnSection />;
}

function SignOnSection() {
  const { data: setting } = useSuspenseQuery(signOnSettingQuery());
  return (
    <section aria-labelledby="sign-on-title" id="sign-on">
      <h2 id="sign-on-title">シングルサインオン</h2>
      <p>
        職員が、市の認証サーバー（OpenID Connect）のアカウントでログインできるようにします。
        {setting.source === 'environment' &&
          '現在は、サーバーの環境変数（MOKUHYO_OIDC_*）の設定が使われています。ここで保存すると、この自治体の設定が優先されます。'}
        {setting.source === 'none' && '現在は設定されていません。'}
      </p>
      <SignOnForm setting={setting} />
    </section>
  );
}

function SignOnForm({ setting }: { setting: SignOnSetting }) {
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<Record<Field, string>>({
    providerName: setting.providerName,
    issuer: setting.issuer,
    clientId: setting.clientId,
    clientSecret: '',
    redirectUrl: setting.redirectUrl || `${window.location.origin}${callbackPath}`,
    matchClaim: setting.matchClaim,
    groupsClaim: setting.groupsClaim ?? '',
  });
  const [matchField, setMatchField] = useState(setting.matchField);
  const [localPasswords, setLocalPasswords] = useState(setting.localPasswords);
  const [mappings, setMappings] = useState<MappingRow[]>(
    setting.groupMappings.map((m) => ({ ...m, ward: m.ward ?? '', organization: m.organization ?? '' })),
  );
  const { errors, problem, busy, run } = useSettingsSave<Field, SignOnSetting>(
    fields,
    (field) => fieldIds[field],
    'シングルサインオンの設定を保存できませんでした。',
  );
  const saved = async (answer: SignOnSetting) => {
    queryClient.setQueryData(signOnSettingQuery().queryKey, answer);
    await queryClient.invalidateQueries({ queryKey: ['sign-on-providers'] });
  };

  const set = (field: Field) => (value: string) => setInputs((current) => ({ ...current, [field]: value }));
  const setRow = (index: number, change: Partial<MappingRow>) =>
    setMappings((rows) => rows.map((row, i) => (i === index ? { ...row, ...change } : row)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const change: SignOnChange = {
      providerName: inputs.providerName,
      issuer: inputs.issuer,
      clientId: inputs.clientId,
      ...(inputs.clientSecret ? { clientSecret: inputs.clientSecret } : {}),
      redirectUrl: inputs.redirectUrl,
      matchClaim: inputs.matchClaim,
      matchField,
      groupsClaim: inputs.groupsClaim.trim() || null,
      groupMappings: mappings.map((row) => ({
        group: row.group,
        role: row.role,
        ward: row.ward || null,
        organization: row.organization || null,
      })),
      localPasswords,
    };
    void run(() => saveSignOn(change), 'シングルサインオンの設定を保存しました。', saved);
  };

  return (
    <form
      className="form-card sign-on-form"
      noValidate
      onSubmit={submit}
      aria-label="シングルサインオンの設定"
    >
      {textFields.map(({ field, label, hint, type }) => (
        <FormField
          key={field}
          id={fieldIds[field]}
          label={label}
          hint={field === 'redirectUrl' ? `${hint}通常は ${window.location.origin}${callbackPath}` : hint}
          error={errors.get(field)}
        >
          {(control) => (
            <input
              {...control}
              className="input"
              type={type ?? 'text'}
              spellCheck={false}
              value={inputs[field]}
              onChange={(event) => set(field)(event.target.value)}
            />
          )}
        </FormField>
      ))}
      <FormField
        id={fieldIds.clientSecret}
        label="クライアントシークレット"
        hint={
          setting.clientSecretSet
            ? '設定済みです（表示しません）。変えるときだけ入力してください。'
            : '認証サーバーが発行したシークレット。公開クライアントなら空のまま。'
        }
        error={errors.get('clientSecret')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="password"
            autoComplete="new-password"
            value={inputs.clientSecret}
            onChange={(event) => set('clientSecret')(event.target.value)}
          />
        )}
      </FormField>
      <FormField id="sign-on-match-field" label="照合するユーザーの項目" error={errors.get('matchField')}>
        {(control) => (
          <select
            {...control}
            className="select"
            value={matchField}
            onChange={(event) => setMatchField(event.target.value === 'loginId' ? 'loginId' : 'email')}
          >
            <option value="email">メールアドレス</option>
            <option value="loginId">ログインID（職員番号など）</option>
          </select>
        )}
      </FormField>
      <FormField
        id={fieldIds.groupsClaim}
        label="グループのクレーム"
        hint="空のとき、役割と組織はこのシステムで割り当てます。指定すると、ログインのたびに下の対応づけで役割を設定し直します。例：groups"
        error={errors.get('groupsClaim')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="text"
            spellCheck={false}
            value={inputs.groupsClaim}
            onChange={(event) => set('groupsClaim')(event.target.value)}
          />
        )}
      </FormField>
      <fieldset>
        <legend>グループと役割の対応づけ</legend>
        {mappings.length > 0 && (
          <div className="sign-on-mappings-wrap">
            <table className="sign-on-mappings">
              <thead>
                <tr>
                  <th scope="col">グループ</th>
                  <th scope="col">役割</th>
                  <th scope="col">部区</th>
                  <th scope="col">組織</th>
                  <th scope="col">
                    <span className="visually-hidden">操作</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {mappings.map((row, i) => {
                  const rowPath = `groupMappings[${i}]`;
                  const error = [...errors].find(
                    ([path]) => path === rowPath || path.startsWith(`${rowPath}.`),
                  )?.[1];
                  const n = i + 1;
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                    <tr key={i}>
                      <td>
                        <input
                          className="input"
                          aria-label={`${n}行目のグループ`}
                          value={row.group}
                          onChange={(event) => setRow(i, { group: event.target.value })}
                        />
                        {error && <p className="form-field__error">{error}</p>}
                      </td>
                      <td>
                        <select
                          className="select"
                          aria-label={`${n}行目の役割`}
                          value={row.role}
                          onChange={(event) =>
                            setRow(i, { role: roles.find((r) => r === event.target.value) ?? 'editor' })
                          }
                        >
                          {roles.map((role) => (
                            <option key={role} value={role}>
                              {roleLabels[role]}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td>
                        <input
                          className="input"
                          aria-label={`${n}行目の部区`}
                          disabled={roleReach[row.role] === 'municipality'}
                          value={row.ward}
                          onChange={(event) => setRow(i, { ward: event.target.value })}
                        />
                      </td>
                      <td>
                        <input
                          className="input"
                          aria-label={`${n}行目の組織`}
                          disabled={roleReach[row.role] !== 'organization'}
                          value={row.organization}
                          onChange={(event) => setRow(i, { organization: event.target.value })}
                        />
                      </td>
                      <td>
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          aria-label={`${n}行目を削除`}
                          onClick={() => setMappings((rows) => rows.filter((_, j) => j !== i))}
                        >
                          削除
                        </button>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() =>
            setMappings((rows) => [...rows, { group: '', role: 'editor', ward: '', organization: '' }])
          }
        >
          対応づけを追加
        </button>
      </fieldset>
      <p>
        <label>
          <input
            type="checkbox"
            checked={localPasswords}
            onChange={(event) => setLocalPasswords(event.target.checked)}
          />{' '}
          職員がパスワードでもログインできるようにする
        </label>
      </p>
      <p className="form-field__hint">
        外すと、この自治体の職員はシングルサインオンでしかログインできません。システム管理者は、認証サーバーが使えないときのため、いつでもパスワードでログインできます。
      </p>
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : 'シングルサインオンの設定を保存'}
        </button>
        {setting.source === 'municipality' && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              void run(removeSignOn, 'この自治体のシングルサインオンの設定を削除しました。', saved)
            }
          >
            設定を削除
          </button>
        )}
      </div>
    </form>
  );
}

import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { MailSenderSetting } from '../../../schemas/mail-sender';
import { FormField } from '../../components/FormField';
import { mailSenderQuery, resetMailSender, saveMailSender } from '../../lib/api-mail-sender';
import { meQuery } from '../../lib/queries';
import { useSettingsSave } from '../../lib/use-settings-save';
import { canOnMunicipality } from '../../lib/ward-permissions';

type Field = 'address' | 'name';
const fields: Field[] = ['address', 'name'];
const inputId = (field: Field) => `mail-sender-${field}`;

/** The sender as a mail program shows it: 「新潟市 組織目標管理 <mokuhyo@…>」. */
const senderText = (own: NonNullable<MailSenderSetting['own']>) =>
  own.name ? `${own.name} <${own.address}>` : own.address;

/**
 * 通知メールの送信元: the From of the mail the municipality's staff get (管理者 only; nothing is
 * shown to others). Without one of its own, the installation's (MOKUHYO_MAIL_FROM) is used.
 */
export function MailSenderSettings() {
  const { data: me } = useSuspenseQuery(meQuery());
  if (!canOnMunicipality(me, 'readMailSender')) return null;
  return <MailSenderSection />;
}

function MailSenderSection() {
  const { data: setting } = useSuspenseQuery(mailSenderQuery());
  return (
    <section aria-labelledby="mail-sender-title" id="mail-sender">
      <h2 id="mail-sender-title">通知メールの送信元</h2>
      <p>
        職員に届く通知メールの差出人です。
        {setting.own
          ? `現在は「${senderText(setting.own)}」です。`
          : `この自治体の設定はなく、このシステムの既定${setting.installation ? `（${setting.installation}）` : ''}を使います。`}
        {!setting.mailEnabled &&
          '（このサーバーはメールを送らない設定です。MOKUHYO_SMTP_URL を設定すると送ります。）'}
        メールサーバーがこの差出人からの送信を認めている必要があります。
      </p>
      <MailSenderForm setting={setting} />
    </section>
  );
}

function MailSenderForm({ setting }: { setting: MailSenderSetting }) {
  const queryClient = useQueryClient();
  const [inputs, setInputs] = useState<Record<Field, string>>({
    address: setting.own?.address ?? '',
    name: setting.own?.name ?? '',
  });
  const { errors, problem, busy, run } = useSettingsSave<Field, MailSenderSetting>(
    fields,
    inputId,
    '送信元を保存できませんでした。',
  );
  const saved = (answer: MailSenderSetting) => {
    queryClient.setQueryData(['mail-sender'], answer);
    setInputs({ address: answer.own?.address ?? '', name: answer.own?.name ?? '' });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = inputs.name.trim();
    void run(
      () => saveMailSender({ address: inputs.address.trim(), ...(name ? { name } : {}) }),
      '通知メールの送信元を保存しました。',
      saved,
    );
  };

  return (
    <form className="form-card" noValidate onSubmit={submit} aria-label="通知メールの送信元の変更">
      <FormField
        id={inputId('address')}
        label="送信元のメールアドレス"
        hint="例：mokuhyo@city.example.lg.jp"
        error={errors.get('address')}
      >
        {(control) => (
          <input
            {...control}
            className="input"
            type="email"
            autoComplete="off"
            value={inputs.address}
            onChange={(event) => setInputs((current) => ({ ...current, address: event.target.value }))}
          />
        )}
      </FormField>
      <FormField
        id={inputId('name')}
        label="送信者の名前（任意）"
        hint="例：組織目標管理（企画課）"
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
      {problem && (
        <p role="alert" className="form-field__error">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button" disabled={busy}>
          {busy ? '保存しています…' : '送信元を保存'}
        </button>
        {setting.own && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              void run(resetMailSender, '通知メールの送信元をこのシステムの既定に戻しました。', saved)
            }
          >
            既定に戻す
          </button>
        )}
      </div>
    </form>
  );
}

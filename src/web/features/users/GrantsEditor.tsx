import { useQuery } from '@tanstack/react-query';
import { type Role, roleLabels, roleReach, roles } from '../../../domain/roles';
import type { GrantInput } from '../../../schemas/users';
import { FormField } from '../../components/FormField';
import { fetchOrganizations } from '../../lib/api-ward-year';
import { wardsQuery } from '../../lib/queries';

export interface GrantRow {
  role: Role;
  ward: string;
  organization: string;
}

export const emptyGrant: GrantRow = { role: 'editor', ward: '', organization: '' };

/** A row as the API takes it: only the places its role reaches. */
export function grantInputOf(row: GrantRow): GrantInput {
  const reach = roleReach[row.role];
  if (reach === 'municipality') return { role: row.role };
  if (reach === 'ward') return { role: row.role, ...(row.ward ? { ward: row.ward } : {}) };
  return {
    role: row.role,
    ...(row.ward ? { ward: row.ward } : {}),
    ...(row.organization ? { organization: row.organization } : {}),
  };
}

const reachHint: Record<'municipality' | 'ward' | 'organization', string> = {
  municipality: '自治体全体に及びます（部区・組織の指定は不要です）。',
  ward: '部区を選んでください。',
  organization: '部区と、その組織を選んでください。',
};

function OrganizationPicker({
  index,
  municipality,
  row,
  error,
  onChange,
}: {
  index: number;
  municipality: string;
  row: GrantRow;
  error: string | undefined;
  onChange: (organization: string) => void;
}) {
  const { data: organizations = [], isLoading } = useQuery({
    queryKey: ['organizations', municipality, row.ward],
    queryFn: () => fetchOrganizations(row.ward, municipality),
    enabled: row.ward !== '',
  });
  const units = organizations.filter((o) => o.kind === 'unit');
  return (
    <FormField id={`grant-${index}-organization`} label="組織" error={error}>
      {(control) => (
        <select
          {...control}
          className="input"
          value={row.organization}
          disabled={row.ward === '' || isLoading}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{row.ward === '' ? '先に部区を選んでください' : '選んでください'}</option>
          {units.map((o) => (
            <option key={o.id} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/**
 * The roles of a user, each with the 部区 and organization it reaches, added and removed as rows.
 * `keepAdmin`: the 管理者 editing themselves, whose 管理者 role stays (the server refuses its
 * removal); `systemAdmin`: the user is a システム管理者, which is no role of a municipality.
 */
export function GrantsEditor({
  municipality,
  rows,
  errors,
  onChange,
  keepAdmin = false,
  systemAdmin = false,
}: {
  municipality: string;
  rows: GrantRow[];
  errors: Record<string, string>;
  onChange: (rows: GrantRow[]) => void;
  keepAdmin?: boolean;
  systemAdmin?: boolean;
}) {
  const { data: wards, isSuccess } = useQuery(wardsQuery());
  const wardNames = (wards ?? []).filter((w) => w.municipality === municipality).map((w) => w.name);
  const noWards = isSuccess && wardNames.length === 0;
  const kept = keepAdmin ? rows.findIndex((row) => row.role === 'admin') : -1;
  const set = (index: number, change: Partial<GrantRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset className="grants-editor">
      <legend>役割</legend>
      {errors['grant-add'] && (
        <p id="grant-add-error" className="form-field__error">
          <span className="visually-hidden">エラー：</span>
          {errors['grant-add']}
        </p>
      )}
      {noWards && (
        <p id="grants-no-wards" className="notice notice--info">
          {`${municipality}には、まだ部区がありません。部区と組織は、この自治体の組織目標管理シートを取り込む（「シートを取り込む」）と選べるようになります。部区・組織の指定が要らない管理者・閲覧者の役割は、今でも付けられます。`}
        </p>
      )}
      {rows.length === 0 &&
        (systemAdmin ? (
          <p>
            システム管理者です。自治体の役割はありません（役割を付けなくても、ユーザー管理と自治体の管理を行えます）。
          </p>
        ) : (
          <p>役割がありません（ログインはできますが、何もできません）。</p>
        ))}
      <ol className="grants-editor__rows">
        {rows.map((row, index) => {
          const reach = roleReach[row.role];
          const locked = index === kept;
          return (
            // Rows have no identity of their own: a row is its place in the list.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <li key={index} className="grants-editor__row">
              <FormField
                id={`grant-${index}-role`}
                label={`役割${index + 1}`}
                hint={
                  locked
                    ? '自分の管理者の役割は外せません（外すと、ユーザー管理を使えなくなるためです）。'
                    : reachHint[reach]
                }
                error={errors[`grant-${index}-role`]}
              >
                {(control) => (
                  <select
                    {...control}
                    className="input"
                    value={row.role}
                    disabled={locked}
                    onChange={(event) => set(index, { role: event.target.value as Role })}
                  >
                    {roles.map((role) => (
                      <option key={role} value={role}>
                        {roleLabels[role]}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              {reach !== 'municipality' && (
                <FormField id={`grant-${index}-ward`} label="部区" error={errors[`grant-${index}-ward`]}>
                  {(control) => (
                    <select
                      {...control}
                      aria-describedby={
                        [control['aria-describedby'], noWards ? 'grants-no-wards' : undefined]
                          .filter(Boolean)
                          .join(' ') || undefined
                      }
                      className="input"
                      value={row.ward}
                      onChange={(event) => set(index, { ward: event.target.value, organization: '' })}
                    >
                      <option value="">{noWards ? '部区がありません' : '選んでください'}</option>
                      {wardNames.map((name) => (
                        <option key={name} value={name}>
                          {name}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              )}
              {reach === 'organization' && (
                <OrganizationPicker
                  index={index}
                  municipality={municipality}
                  row={row}
                  error={errors[`grant-${index}-organization`]}
                  onChange={(organization) => set(index, { organization })}
                />
              )}
              {!locked && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={`役割${index + 1}（${roleLabels[row.role]}）を外す`}
                  onClick={() => onChange(rows.filter((_, i) => i !== index))}
                >
                  外す
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <button
        id="grant-add"
        type="button"
        className="button button--secondary"
        onClick={() => onChange([...rows, emptyGrant])}
      >
        役割を追加
      </button>
    </fieldset>
  );
}

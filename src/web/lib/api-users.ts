import { signedInOrOutSchema } from '../../schemas/auth';
import {
  type NewUserInput,
  type PasswordChange,
  type UserDetail,
  type UserEdit,
  type UserList,
  type UserWithPassword,
  userDetailSchema,
  userListSchema,
  userWithPasswordSchema,
} from '../../schemas/users';
import { requestJson } from './api';

/** ユーザー管理 (管理者, システム管理者) and the user's own password change. */

const municipalityParam = (municipality?: string) =>
  municipality ? `?municipality=${encodeURIComponent(municipality)}` : '';

const userPath = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;

export function fetchUsers(municipality?: string, signal?: AbortSignal): Promise<UserList> {
  return requestJson('GET', `/api/v1/users${municipalityParam(municipality)}`, userListSchema, { signal });
}

export function fetchUser(id: string, signal?: AbortSignal): Promise<UserDetail> {
  return requestJson('GET', userPath(id), userDetailSchema, { signal });
}

export function createUser(input: NewUserInput, municipality?: string): Promise<UserWithPassword> {
  return requestJson('POST', `/api/v1/users${municipalityParam(municipality)}`, userWithPasswordSchema, {
    body: input,
  });
}

export function updateUser(id: string, edit: UserEdit): Promise<UserDetail> {
  return requestJson('PUT', userPath(id), userDetailSchema, { body: edit });
}

export function deactivateUser(id: string): Promise<UserDetail> {
  return requestJson('POST', `${userPath(id)}/deactivate`, userDetailSchema);
}

export function reactivateUser(id: string): Promise<UserDetail> {
  return requestJson('POST', `${userPath(id)}/reactivate`, userDetailSchema);
}

export function resetPassword(id: string): Promise<UserWithPassword> {
  return requestJson('POST', `${userPath(id)}/reset-password`, userWithPasswordSchema);
}

export async function changePassword(change: PasswordChange): Promise<void> {
  await requestJson('POST', '/api/v1/auth/password', signedInOrOutSchema, { body: change });
}

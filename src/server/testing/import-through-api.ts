import type { TestClient } from './test-app';

/**
 * An import over HTTP in its two steps, as a client does it: the preview, then the same file
 * with the preview's token. When the preview asks for a reason (a final sheet is replaced) and
 * the test gives none, a fixed one is sent. Returns the preview's answer if it failed, else the
 * confirmation's.
 */
export async function importThroughApi(
  client: TestClient,
  file: unknown,
  options: { reason?: string } = {},
): Promise<Response> {
  const preview = await client.send('POST', '/api/v1/import/preview', file);
  if (preview.status !== 200) return preview;
  const { previewToken, needsReason } = (await preview.json()) as {
    previewToken: string;
    needsReason: boolean;
  };
  const params = new URLSearchParams({ previewToken });
  const reason = options.reason ?? (needsReason ? 'テストのための置き換え' : undefined);
  if (reason) params.set('reason', reason);
  return client.send('POST', `/api/v1/import?${params}`, file);
}

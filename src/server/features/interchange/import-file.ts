import type { Db } from '../../../db/client';
import type { ImportChannel, ImportSource } from '../../../domain/import-preview';
import type { Actor } from '../../../domain/roles';
import { readImportFile } from '../../../imports/read-import-file';
import type { ImportPreview, ImportResult } from '../../../schemas/import';
import { authorizeImport } from '../organizations/ward-access';
import type { HistoryActor } from '../sheets/history';
import { confirmImport, findImportTarget, previewImport } from './import-ward-year';

/** An uploaded file to import, with who sends it and how (the page or the API). */
export interface ImportFileRequest {
  bytes: Uint8Array;
  fileName?: string | undefined;
  channel: ImportChannel;
  actor: Actor;
  by: HistoryActor;
  onProgress?: (done: number, total: number) => void;
}

/** Read the file (JSON or Excel) and check that this person may import its 部区. */
async function readAllowed(db: Db, request: ImportFileRequest) {
  const fileName = request.fileName?.trim() || null;
  const read = await readImportFile(request.bytes, fileName);
  const target = await findImportTarget(db, read.file);
  authorizeImport(request.actor, {
    ...target,
    wardName: read.file.ward,
    municipalityName: read.file.municipality,
  });
  const source: ImportSource = { format: read.format, fileName, channel: request.channel };
  return { ...read, source };
}

/** 取り込みの確認 of an uploaded file. */
export async function previewImportFile(
  db: Db,
  request: ImportFileRequest & { expected?: { municipality?: string; ward?: string; fiscalYear?: number } },
): Promise<ImportPreview> {
  const { file, warnings, source } = await readAllowed(db, request);
  return previewImport(db, file, {
    actor: request.by,
    source,
    warnings,
    expected: request.expected ?? {},
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}

/** 取り込み of an uploaded file after its preview (the same file, the preview's token). */
export async function confirmImportFile(
  db: Db,
  request: ImportFileRequest & { previewToken: string; reason?: string | undefined },
): Promise<ImportResult> {
  const { file, warnings, source } = await readAllowed(db, request);
  return confirmImport(db, file, {
    actor: request.by,
    source,
    warnings,
    previewToken: request.previewToken,
    reason: request.reason,
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  });
}

import { correctionDecidedSchema, correctionProposedSchema } from '../../schemas/answers';
import type { DecideCorrection, ProposeCorrection } from '../../schemas/result-correction';
import type { SheetView } from '../../schemas/sheet-edit';
import { requestJson, sheetPath } from './api';

/** 過年度実績の訂正の申請, from the sheet where the result is shown; answers with that sheet. */
export async function proposeCorrection(sheetId: string, input: ProposeCorrection): Promise<SheetView> {
  return (
    await requestJson('POST', `${sheetPath(sheetId)}/corrections`, correctionProposedSchema, { body: input })
  ).sheet;
}

/** Approve or return a correction; answers with the sheet the decision was made on. */
export async function decideCorrection(
  sheetId: string,
  correctionId: string,
  input: DecideCorrection,
): Promise<SheetView> {
  const path = `/api/v1/corrections/${encodeURIComponent(correctionId)}/decision?sheet=${encodeURIComponent(sheetId)}`;
  const { sheet } = await requestJson('POST', path, correctionDecidedSchema, { body: input });
  if (!sheet) throw new Error('the decision answered without the sheet');
  return sheet;
}

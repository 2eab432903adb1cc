import { sheetViewSchema, toSheetDocument } from '../../schemas/sheet-edit';
import type { TestClient } from './test-app';

/**
 * Saves one sheet through the API again and again (each save from the version the last one
 * returned, one text field numbered) until stopped; returns how many saves succeeded.
 */
export interface SaveLoop {
  /** Saves that succeeded so far; throws the loop's error if a save failed. */
  saves(): number;
  stop(): Promise<number>;
}

export function saveLoop(
  client: TestClient,
  sheetId: string,
  /** A text field the sheet's state lets its editor change (outcome once approved, purpose in a draft). */
  field: 'outcome' | 'purpose',
): SaveLoop {
  let stopped = false;
  let saves = 0;
  let failure: unknown;
  const done = (async () => {
    let view = sheetViewSchema.parse(await (await client.get(`/api/v1/sheets/${sheetId}`)).json());
    while (!stopped) {
      const document = toSheetDocument(view);
      document[field] = `保存ループ ${saves + 1} 回目`;
      const res = await client.send('PUT', `/api/v1/sheets/${sheetId}`, { version: view.version, document });
      if (res.status !== 200) throw new Error(`save ${saves + 1} failed: ${res.status} ${await res.text()}`);
      view = sheetViewSchema.parse(((await res.json()) as { sheet: unknown }).sheet);
      saves++;
      // In process on PGlite a save's few queries resolve in microtasks, well within the 10 ms
      // after which embedded queries give the loop a turn (src/db/loop-turns.ts): let timers run.
      await new Promise((next) => setImmediate(next));
    }
    return saves;
  })();
  done.catch((error: unknown) => {
    failure = error;
  });
  return {
    saves: () => {
      if (failure) throw failure;
      return saves;
    },
    stop: async () => {
      stopped = true;
      return done;
    },
  };
}

/** All the loops' saves together; waits until they reach `count` (a failed save throws; so does a minute without progress). */
export async function untilSaves(loops: SaveLoop[], count: number): Promise<void> {
  const total = () => loops.reduce((sum, l) => sum + l.saves(), 0);
  const deadline = Date.now() + 120_000;
  while (total() < count) {
    if (Date.now() > deadline) throw new Error(`only ${total()} of ${count} saves after two minutes`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

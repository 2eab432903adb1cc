/**
 * What font fallback costs the printed sheets: size and render time of one sheet and of the
 * 8-sheet sample booklet (北区 令和4年度), as printed, and of one sheet whose every text field
 * also holds characters BIZ UDPGothic lacks (𠮷, emoji…), which pulls in the fallback fonts.
 * Run alone: `node --import tsx bench/pdf-fonts.ts` (about half a minute).
 */
import { renderBookletPdf, renderSheetPdf } from '../src/exports/pdf';
import { loadSampleWardYear } from '../src/exports/testing';
import type { SheetDetail } from '../src/schemas/sheet';
import { PdfWorkers, streamBytes } from '../src/server/pdf-workers/pdf-workers';
import { fmt, median, table } from './lib/report';

const extra = ' 𠮷野家 𩸽 ①㈱㎡Ⅱ ｶﾀｶﾅ 😀👍✅ 👨‍👩‍👧 👍🏽 葛󠄀飾';

/** The sheet with the characters added to every text an indicator and a goal show. */
function withFallbackCharacters(sheet: SheetDetail): SheetDetail {
  const copy = structuredClone(sheet);
  copy.purpose = `${copy.purpose ?? ''}${extra}`;
  for (const goal of copy.goals) {
    goal.text += extra;
    goal.initiatives = goal.initiatives.map((initiative) => initiative + extra);
    for (const indicator of goal.indicators) {
      indicator.name += extra;
      indicator.note = `${indicator.note ?? ''}${extra}`;
    }
  }
  return copy;
}

interface Timed<T> {
  /** Wall-clock time of each run. */
  ms: number[];
  /** CPU time of the whole process (all threads) of each run: less moved by other processes. */
  cpuMs: number[];
  last: T;
}

async function timed<T>(runs: number, work: () => Promise<T>): Promise<Timed<T>> {
  const ms: number[] = [];
  const cpuMs: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    last = await work();
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
    ms.push(performance.now() - start);
  }
  return { ms, cpuMs, last: last as T };
}

async function main() {
  const sample = await loadSampleWardYear();
  const sheet = sample.input.sheets.find((s) => s.title === '地域総務課');
  if (!sheet) throw new Error('地域総務課 is missing from the sample');
  const rich = withFallbackCharacters(sheet);
  const booklet = { ...sample.input, issuedOn: '2023-06-01' };

  // The first render of a process loads pdfmake and the fonts; it is reported on its own.
  const first = await timed(1, () => renderSheetPdf(sheet));
  const plain = await timed(10, () => renderSheetPdf(sheet));
  const firstRich = await timed(1, () => renderSheetPdf(rich));
  const richRuns = await timed(10, () => renderSheetPdf(rich));
  const book = await timed(3, () => renderBookletPdf(booklet));
  const workers = new PdfWorkers();
  const worker = await timed(2, async () => streamBytes(await workers.booklet(booklet)));
  await workers.close();

  const row = (name: string, result: Timed<Uint8Array>) => [
    name,
    `${fmt(result.last.byteLength / 1024, 1)} KiB`,
    `${fmt(median(result.ms), 0)} ms`,
    `${fmt(median(result.cpuMs), 0)} ms`,
    String(result.ms.length),
  ];
  console.log(
    table(
      ['PDF', 'size', 'median wall time', 'median CPU time', 'runs'],
      [
        row('one sheet, first render in the process', first),
        row('one sheet (地域総務課)', plain),
        row('one sheet + fallback characters, first', firstRich),
        row('one sheet + fallback characters', richRuns),
        row('booklet, 8 sheets', book),
        row('booklet, 8 sheets, in a worker thread', worker),
      ],
    ),
  );
}

await main();

/**
 * PGlite runs in the server's own thread and does its work synchronously under its promises, so a
 * chain of embedded queries — an import's transaction, a booklet's reads — resolves in microtasks
 * and never lets the event loop poll for I/O until the chain ends: a 150-sheet import held it for
 * 7 s, and every other request, even one answered from memory, waited that long.
 *
 * `loopTurnDue()` is asked before each embedded query. The first query of an event-loop turn
 * schedules a marker (`setImmediate`, which runs after the loop has polled for I/O); a query that
 * finds the marker still pending more than `heldMs` later has held the loop that long, and is
 * handed the marker to await first. A long chain gives the loop a turn every `heldMs`, in which
 * other requests are read and those answered from memory are answered; an ordinary request's few
 * queries wait only when one arrives in such a held turn, and then until the marker fires (the
 * same pass of the loop). Waiting queries go on in the order they came. Queries of other requests
 * still queue behind a chain's transaction, as before: PGlite has one connection.
 */
const heldMs = 10;
// Taken once: a test that fakes timers must not leave the marker, shared by the whole process,
// waiting for ever.
const nextCheckPhase = globalThis.setImmediate;

let marker: Promise<void> | undefined;
let markedAt = 0;

/** A promise to await before the next query when the loop is due a turn; otherwise undefined. */
export function loopTurnDue(): Promise<void> | undefined {
  if (!marker) {
    markedAt = performance.now();
    marker = new Promise((resolve) =>
      nextCheckPhase(() => {
        marker = undefined;
        resolve();
      }),
    );
    return undefined;
  }
  return performance.now() - markedAt > heldMs ? marker : undefined;
}

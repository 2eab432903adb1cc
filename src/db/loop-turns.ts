/**
 * PGlite runs in the server's own thread and does its work synchronously under its promises, so a
 * chain of embedded queries — an import's transaction, a booklet's reads — resolves in microtasks
 * and never lets the event loop poll for I/O until the chain ends: a 150-sheet import held it for
 * 7 s, and every other request, even one answered from memory, waited that long.
 *
 * `loopTurnDue()` is asked before each embedded query. The first query of an event-loop turn
 * schedules a marker (`setImmediate`, which runs after the loop has polled for I/O); a query that
 * finds the marker still pending more than `heldMs` later has held the loop that long, and is
 * handed the marker to await first. Queries of an ordinary request never wait (their turn is short);
 * a long chain gives the loop a turn every `heldMs`, in which other requests are read and those
 * answered from memory are answered. Their own queries queue behind the chain's transaction, as
 * before: PGlite has one connection.
 */
const heldMs = 10;

let marker: Promise<void> | undefined;
let markedAt = 0;

/** A promise to await before the next query when the loop is due a turn; otherwise undefined. */
export function loopTurnDue(): Promise<void> | undefined {
  if (!marker) {
    markedAt = performance.now();
    marker = new Promise((resolve) =>
      setImmediate(() => {
        marker = undefined;
        resolve();
      }),
    );
    return undefined;
  }
  return performance.now() - markedAt > heldMs ? marker : undefined;
}

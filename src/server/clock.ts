const japanDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' });

/** Today's date in Japan (YYYY-MM-DD): the date printed on a sheet, wherever the server runs. */
export function todayInJapan(now: Date = new Date()): string {
  return japanDate.format(now);
}

/** Time as the server sees it: injectable so tests can move it instead of waiting. */
export interface Clock {
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

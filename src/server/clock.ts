/** Today's date in Japan (YYYY-MM-DD): the date printed on a sheet, wherever the server runs. */
export function todayInJapan(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(now);
}

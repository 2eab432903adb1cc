import { formatJapaneseDate } from '../../domain/fiscal-year';

const japanTime = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as people in the city read it: '2023-03-31T05:05:00Z' → '令和5年3月31日 14:05'. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    japanTime.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  try {
    return `${formatJapaneseDate(`${part('year')}-${part('month')}-${part('day')}`)} ${part('hour')}:${part('minute')}`;
  } catch {
    return iso;
  }
}

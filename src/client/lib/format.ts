// Display formatting for the UI. Money stays integer cents until this last step.
export { formatCents, parseDollars } from '../../shared/money';

const dateFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
const dateTimeFmt = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

export const formatDate = (iso: string) => dateFmt.format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFmt.format(new Date(iso));

const dayFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
/** "Dec 4" this year, "Dec 4, 2025" before: for narrow table columns (full date in a title). */
export function formatShortDate(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  return date.getFullYear() === now.getFullYear() ? dayFmt.format(date) : dateFmt.format(date);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export const centsToDollarsText = (cents: number) => (cents / 100).toFixed(2);

/** "24 minutes", "1 minute", "less than a minute": how long until an ISO time, for holds. */
export function minutesUntil(iso: string, now: number = Date.now()): string {
  const minutes = Math.ceil((new Date(iso).getTime() - now) / 60_000);
  if (minutes <= 1) return minutes === 1 ? '1 minute' : 'less than a minute';
  return `${minutes} minutes`;
}

// Revenue per day as a bar chart (recharts, loaded only on the dashboard). To a screen reader the
// chart is one image named by its summary (total and best day), with the days that sold in a
// visually hidden table; it is no Tab stop (recharts' keyboard layer named it by every tick text).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents } from '../../lib/format';

type RevenueDay = { date: string; revenueCents: number; orders: number };

// Days are UTC dates ("2026-11-06"); read them as such, whatever the seller's zone.
const dayFmt = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const dayLabel = (date: string) => dayFmt.format(new Date(`${date}T00:00:00Z`));

/** "Revenue, last 30 days: $140.00 total; highest $90.00 on Nov 13". */
export function revenueSummary(data: RevenueDay[]): string {
  const total = data.reduce((sum, d) => sum + d.revenueCents, 0);
  const best = data.reduce<RevenueDay | null>((top, d) => (!top || d.revenueCents > top.revenueCents ? d : top), null);
  const head = `Revenue, last ${data.length} days: ${formatCents(total)} total`;
  return best && best.revenueCents > 0
    ? `${head}; highest ${formatCents(best.revenueCents)} on ${dayLabel(best.date)}`
    : head;
}

export default function RevenueChart({ data }: { data: RevenueDay[] }) {
  const rows = data.map((d) => ({ ...d, label: dayLabel(d.date), revenue: d.revenueCents / 100 }));
  const sold = data.filter((d) => d.revenueCents > 0);
  return (
    <>
      <div className="chart-box" role="img" aria-label={revenueSummary(data)}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid vertical={false} stroke="#eadfce" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} tickFormatter={(v: number) => `$${v}`} />
            <Tooltip
              formatter={(v) => [formatCents(Math.round(Number(v) * 100)), 'Revenue']}
              cursor={{ fill: '#f3ebe0' }}
            />
            <Bar dataKey="revenue" fill="#b8532b" radius={[4, 4, 0, 0]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <table className="visually-hidden">
        <caption>Revenue on the days with sales</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Revenue</th>
            <th scope="col">Orders</th>
          </tr>
        </thead>
        <tbody>
          {sold.map((d) => (
            <tr key={d.date}>
              <th scope="row">{dayLabel(d.date)}</th>
              <td>{formatCents(d.revenueCents)}</td>
              <td>{d.orders}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

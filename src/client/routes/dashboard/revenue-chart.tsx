// Revenue per day as a bar chart (recharts, loaded only on the dashboard).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCents } from '../../lib/format';

export default function RevenueChart({ data }: { data: { date: string; revenueCents: number; orders: number }[] }) {
  const rows = data.map((d) => ({ ...d, label: d.date.slice(5), revenue: d.revenueCents / 100 }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer>
        <CartesianGrid vertical={false} stroke="#eadfce" />
        <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} minTickGap={16} />
        <YAxis tickLine={false} axisLine={false} fontSize={12} width={56} tickFormatter={(v: number) => `$${v}`} />
        <Tooltip
          formatter={(v) => [formatCents(Math.round(Number(v) * 100)), 'Revenue']}
          labelFormatter={(l) => `Day ${String(l)}`}
          cursor={{ fill: '#f3ebe0' }}
        />
        <Bar dataKey="revenue" fill="#b8532b" radius={[4, 4, 0, 0]} />
      </BarChart>
    </ResponsiveContainer>
  );
}

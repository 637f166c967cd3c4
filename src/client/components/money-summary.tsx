// The items / shipping / tax / total block shown on checkout review and on an order page.
import type { ReactNode } from 'react';
import { formatCents } from '../../shared/money';

export interface MoneyTotals {
  subtotalCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
}

export function MoneySummary({
  totals,
  className,
  children,
}: {
  totals: MoneyTotals;
  className?: string;
  /** Extra rows after the total (e.g. a refund). */
  children?: ReactNode;
}) {
  const rows: [string, number][] = [
    ['Items', totals.subtotalCents],
    ['Shipping', totals.shippingCents],
    ['Tax', totals.taxCents],
  ];
  return (
    <div className={className ? `summary ${className}` : 'summary'}>
      {rows.map(([label, cents]) => (
        <div className="row" key={label}>
          <span>{label}</span>
          <span>{formatCents(cents)}</span>
        </div>
      ))}
      <div className="row total">
        <span>Total</span>
        <span>{formatCents(totals.totalCents)}</span>
      </div>
      {children}
    </div>
  );
}

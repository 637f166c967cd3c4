// Step 2: the (test) card. Real checkouts would collect card details in the provider's secure
// field and send only a token like these.
import { Link } from 'react-router';
import type { PaymentToken } from './checkout-state';
import { stepSearch } from './checkout-state';

/** `review` is how the Review step names the card: words a shopper reads, never the token. */
export const paymentTokens: { value: PaymentToken; label: string; explain: string; review: string }[] = [
  {
    value: 'tok_visa',
    label: 'Visa ending 4242',
    explain: 'Test card that always succeeds.',
    review: 'Test card: Visa ending 4242',
  },
  {
    value: 'tok_chargeDeclined',
    label: 'Card that is declined',
    explain: 'Test card the bank declines.',
    review: 'Test card: declined',
  },
  {
    value: 'tok_insufficientFunds',
    label: 'Card with insufficient funds',
    explain: 'Declined for lack of funds.',
    review: 'Test card: insufficient funds',
  },
];

export function PaymentStep({ initial, onDone }: { initial: PaymentToken | null; onDone: (t: PaymentToken) => void }) {
  return (
    <form
      aria-label="Payment"
      onSubmit={(e) => {
        e.preventDefault();
        const value = new FormData(e.currentTarget).get('token');
        const token = paymentTokens.find((t) => t.value === value);
        if (token) onDone(token.value);
      }}
    >
      <div className="notice">
        <p>
          <strong>This is a demo store — no real money moves.</strong> Pick a test card below. Real checkouts would
          collect card details in the payment provider’s secure field and send us only a token like these.
        </p>
      </div>
      <fieldset className="token-list">
        <legend className="visually-hidden">Test payment card</legend>
        {paymentTokens.map((t, i) => (
          <label key={t.value} className="token-option">
            <input
              type="radio"
              name="token"
              value={t.value}
              defaultChecked={initial ? initial === t.value : i === 0}
              required
            />
            <span className="token-text">
              <strong>{t.label}</strong>
              <span className="small muted">{t.explain}</span>
            </span>
            <code>{t.value}</code>
          </label>
        ))}
      </fieldset>
      <div className="step-actions">
        <Link to={stepSearch('address')} className="btn btn-ghost">
          ← Shipping
        </Link>
        <button type="submit" className="btn btn-primary btn-lg">
          Review order
        </button>
      </div>
    </form>
  );
}

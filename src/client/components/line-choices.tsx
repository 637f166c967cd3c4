// What the buyer chose for a cart line or order item (issue 16): the combination's values and the
// personalisation text, shown in cart, checkout review and order pages alike.
import { Link } from 'react-router';
import { optionsLabel } from '../../shared/variations';
import { formatCents } from '../lib/format';
import { ProductImage } from './product-image';

export function LineChoices({
  options,
  personalization,
}: {
  options: readonly { name: string; value: string }[];
  personalization: string;
}) {
  if (options.length === 0 && !personalization) return null;
  return (
    <>
      {options.length > 0 && <p className="line-options">{optionsLabel(options)}</p>}
      {personalization && (
        <p className="line-personalization">
          <span className="muted">Personalisation:</span> {personalization}
        </p>
      )}
    </>
  );
}

/** The product page with this line's combination chosen (the picker reads it from the URL). */
export function productHref(line: { productId: number; options: readonly { name: string; value: string }[] }): string {
  if (line.options.length === 0) return `/product/${line.productId}`;
  const q = new URLSearchParams(line.options.map((o) => [o.name, o.value]));
  return `/product/${line.productId}?${q}`;
}

/** A React key for a line: two lines of one listing differ by combination or text. */
export function lineKey(line: {
  productId: number;
  options: readonly { name: string; value: string }[];
  personalization: string;
}): string {
  return `${line.productId}|${optionsLabel(line.options)}|${line.personalization}`;
}

/**
 * A bought or about-to-be-bought line as checkout review and both order pages show it: picture,
 * title linking to the chosen combination, the choices, "2 × $12.00" and the line total. The
 * caller's <li> holds it, with anything else the page adds after it.
 */
export function LineSummary({
  line,
  unitCents,
  thumbClassName = 'thumb thumb-sm',
}: {
  line: {
    productId: number;
    title: string;
    image: string | null;
    quantity: number;
    options: readonly { name: string; value: string }[];
    personalization: string;
  };
  unitCents: number;
  thumbClassName?: string;
}) {
  return (
    <>
      <div className={thumbClassName}>
        <ProductImage src={line.image} alt="" seed={line.productId} />
      </div>
      <div>
        <Link to={productHref(line)} className="title">
          {line.title}
        </Link>
        <LineChoices options={line.options} personalization={line.personalization} />
        <div className="small muted">
          {line.quantity} × {formatCents(unitCents)}
        </div>
      </div>
      <strong>{formatCents(unitCents * line.quantity)}</strong>
    </>
  );
}

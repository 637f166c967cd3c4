// What the buyer chose for a cart line or order item (issue 16): the combination's values and the
// personalisation text, shown in cart, checkout review and order pages alike.
import { optionsLabel } from '../../shared/variations';

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

// The buyer's choice of a listing's variations (issue 16 item 1): one radio group per property,
// values the seller offers as chips; a value whose combination (with the other choice) is sold
// out, all in carts or switched off says so ("sold out", "in carts", "in your cart", "not available") and stays
// choosable, so the shopper sees why; values that do not combine with the other choice at all are
// disabled. The choice lives in the URL (?Size=7&Colour=Gold), so a shared or reloaded link shows
// the same combination.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ProductVariationsDto } from '../../shared/schemas/catalog';

export type Choice = (string | null)[];

type Combination = ProductVariationsDto['combinations'][number];

/** The combinations that have every value chosen so far (all of them when nothing is chosen). */
export function combinationsWith(variations: ProductVariationsDto, choice: Choice): Combination[] {
  return variations.combinations.filter((c) => c.values.every((v, i) => choice[i] === null || choice[i] === v));
}

/**
 * With some values chosen but not all, the combinations still open to the shopper: switched on,
 * with every value chosen so far. Null when nothing or everything is chosen.
 */
export function openCombinations(variations: ProductVariationsDto | null, choice: Choice): Combination[] | null {
  if (!variations) return null;
  const chosen = choice.filter((v) => v !== null).length;
  if (chosen === 0 || chosen === variations.properties.length) return null;
  return combinationsWith(variations, choice).filter((c) => c.enabled);
}

/** The values chosen in the URL (null where none or not a value of the property). */
export function useVariationChoice(variations: ProductVariationsDto | null) {
  const [params, setParams] = useSearchParams();
  const properties = variations?.properties ?? [];
  const fromUrl: Choice = properties.map((p) => {
    const v = params.get(p.name);
    return v !== null && p.values.includes(v) ? v : null;
  });
  // The radio follows the press at once; the URL (replace, no scroll) catches up a moment later,
  // and back/forward or an edited address bring the page back to what the URL says.
  const urlKey = JSON.stringify(fromUrl);
  const [choice, setChoice] = useState<Choice>(fromUrl);
  useEffect(() => setChoice(JSON.parse(urlKey) as Choice), [urlKey]);
  const combination =
    variations && choice.every((v) => v !== null)
      ? (variations.combinations.find((c) => c.values.every((v, i) => v === choice[i])) ?? null)
      : null;
  // The latest choice, ahead of React's next render: two presses in one task both count.
  const latest = useRef(choice);
  latest.current = choice;
  const choose = (index: number, value: string) => {
    const chosen = properties.map((_, i) => (i === index ? value : (latest.current[i] ?? null)));
    latest.current = chosen;
    setChoice(chosen);
    // Every choice goes into the address from `chosen`, not only this one: a second press can come
    // before the address has caught up with the first, and `params` would then still lack it.
    const next = new URLSearchParams(params);
    properties.forEach((p, i) => {
      const v = chosen[i];
      if (v !== null && v !== undefined) next.set(p.name, v);
    });
    setParams(next, { replace: true, preventScrollReset: true });
  };
  return { choice, combination, choose };
}

export function VariationPicker({
  variations,
  choice,
  onChoose,
  missing,
  ownHeld,
}: {
  variations: ProductVariationsDto;
  choice: Choice;
  onChoose: (index: number, value: string) => void;
  /** Properties the shopper tried to buy without choosing: their group says so. */
  missing: boolean;
  /** Units of each combination (by id) held in the shopper's own cart: theirs, not "in carts". */
  ownHeld: ReadonlyMap<number, number>;
}) {
  return (
    <div className="variation-picker">
      {variations.properties.map((p, i) => {
        const errorId = `variation-missing-${i}`;
        const unchosen = missing && choice[i] === null;
        return (
          <fieldset
            key={p.name}
            className="variation-group"
            aria-describedby={unchosen ? errorId : undefined}
            aria-invalid={unchosen || undefined}
          >
            <legend>
              {p.name}
              {choice[i] !== null && <span className="variation-chosen">: {choice[i]}</span>}
            </legend>
            <div className="variation-values">
              {p.values.map((value) => {
                // Combinations with this value and whatever else is chosen so far.
                const matches = combinationsWith(
                  variations,
                  choice.map((v, j) => (j === i ? value : v)),
                );
                const offered = matches.length > 0;
                const buyable = matches.some((c) => c.enabled && c.available > 0);
                // Stock in other shoppers' carts, none free: "in carts" (it may come back); in the
                // shopper's own: "in your cart". One word for every reason but stock (no such
                // combination, switched off).
                const own = (c: (typeof matches)[number]) => ownHeld.get(c.id) ?? 0;
                const note = buyable
                  ? null
                  : matches.some((c) => c.enabled && c.inCarts > own(c))
                    ? 'in carts'
                    : matches.some((c) => c.enabled && own(c) > 0)
                      ? 'in your cart'
                      : matches.some((c) => c.enabled)
                        ? 'sold out'
                        : 'not available';
                return (
                  <label key={value} className={`variation-value${note ? ' is-out' : ''}`}>
                    <input
                      type="radio"
                      name={`variation-${i}`}
                      value={value}
                      checked={choice[i] === value}
                      disabled={!offered}
                      onChange={() => onChoose(i, value)}
                    />
                    <span>
                      {value}
                      {note && <span className="variation-note"> · {note}</span>}
                    </span>
                  </label>
                );
              })}
            </div>
            {unchosen && (
              <p className="error" id={errorId} role="alert">
                Choose a {p.name.toLocaleLowerCase()}.
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}

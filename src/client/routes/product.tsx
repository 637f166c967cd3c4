// Product page: gallery, price, live availability (inventory.watch), add to cart, favourite,
// shop card, details, reviews and an also-bought row.
import { type ReactNode, useRef, useState } from 'react';
import { Link, type LoaderFunctionArgs, useParams } from 'react-router';
import { purchaseEstimate } from '../../shared/dispatch';
import { ContactShopButton } from '../components/contact-shop';
import { FavoriteProductButton } from '../components/favorite-button';
import { PersonalizationField } from '../components/personalization-field';
import { ProductCard } from '../components/product-card';
import { ProductGallery } from '../components/product-gallery';
import { ListingEstimate } from '../components/purchase-estimate';
import { FIRST_REVIEWS, ReviewsSection } from '../components/reviews-section';
import { VacationNotice } from '../components/shop-notices';
import { ShopPolicies } from '../components/shop-policies';
import { Stars } from '../components/stars';
import { RouteErrorBoundary } from '../components/states';
import { openCombinations, useVariationChoice, VariationPicker } from '../components/variation-picker';
import { useAddToCart } from '../lib/cart-actions';
import { dataClients, orNotFound } from '../lib/data-context';
import { formatCents, minutesUntil, plural } from '../lib/format';
import { inCartNotice } from '../lib/in-cart-notice';
import { summariseOpenChoice } from '../lib/open-choice';
import { useRenderTime } from '../lib/render-time';
import { useMe } from '../lib/session';
import { useLiveAvailability } from '../lib/use-live-availability';
import { useNow } from '../lib/use-now';
import { trpc } from '../trpc';

function productIdFrom(params: { productId?: string }): number {
  const id = Number(params.productId);
  if (!Number.isInteger(id) || id <= 0) throw new Response('Not found', { status: 404 });
  return id;
}

export async function loader({ params, context }: LoaderFunctionArgs) {
  const { utils } = dataClients(context);
  const productId = productIdFrom(params);
  void utils.catalog.availability.prefetch({ productId });
  void utils.reviews.forProduct.prefetchInfinite({ productId, ...FIRST_REVIEWS });
  // "Also bought" sits below the fold and is the slowest read: the server does not wait for it (the
  // row arrives after hydration); in the browser it starts with the rest.
  if (typeof document !== 'undefined') void utils.feed.alsoBought.prefetch({ productId });
  const product = await orNotFound(utils.catalog.product.ensureData({ productId }));
  // The shop's vacation state and policies (shown beside the buy box).
  void utils.shops.bySlug.prefetch({ slug: product.shop.slug });
  return null;
}

/** One line in the availability box that needs no counting (made to order, combination off). */
function AvailabilityNote({ out = false, children }: { out?: boolean; children: ReactNode }) {
  return (
    <div className="availability" aria-live="polite" data-testid="availability">
      <span className={out ? 'line out' : 'line'}>
        <span className="dot" aria-hidden="true" />
        {children}
      </span>
    </div>
  );
}

function AvailabilityLines({
  available,
  quantity,
  inOtherCarts,
  inCart,
  held,
  nextReleaseAt,
}: {
  available: number;
  quantity: number;
  inOtherCarts: number;
  inCart: number;
  /** Every unit left is in other shoppers' carts: not sold out, it may come back. */
  held: boolean;
  nextReleaseAt: string | null;
}) {
  const now = useNow();
  return (
    <div className="availability" aria-live="polite" data-testid="availability">
      {available <= 0 && inCart > 0 ? (
        <span className="line low">
          <span className="dot" aria-hidden="true" />
          {inCart === 1 ? 'You have the last one in your cart' : `You have all ${inCart} left in your cart`}
        </span>
      ) : available <= 0 && held ? (
        <span className="line low">
          <span className="dot" aria-hidden="true" />
          <span>
            In someone&rsquo;s cart
            <span className="small muted availability-note">
              {nextReleaseAt
                ? ` — if they don’t buy it, it may free up in ${minutesUntil(nextReleaseAt, now)}.`
                : ' — it may free up soon.'}
            </span>
          </span>
        </span>
      ) : available <= 0 ? (
        <span className="line out">
          <span className="dot" aria-hidden="true" />
          Sold out
        </span>
      ) : available === 1 ? (
        <span className="line low">
          <span className="dot" aria-hidden="true" />
          {quantity === 1 ? 'Only 1 left — one of a kind' : 'Only 1 left'}
        </span>
      ) : available <= 5 ? (
        <span className="line low">
          <span className="dot" aria-hidden="true" />
          Only {available} left
        </span>
      ) : (
        <span className="line">
          <span className="dot" aria-hidden="true" />
          In stock
        </span>
      )}
      {inOtherCarts > 0 && available > 0 && (
        <span className="small muted">In {plural(inOtherCarts, 'other cart')} right now</span>
      )}
    </div>
  );
}

function QuantityPicker({ value, max, onChange }: { value: number; max: number; onChange: (n: number) => void }) {
  return (
    <span className="qty-pick">
      <select className="select" aria-label="Quantity" value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </span>
  );
}

/** The buy button and its states: own listing, sold out, held, all in your cart, add. */
function BuyButton({
  productId,
  ownListing,
  soldOut,
  notOffered,
  held,
  inCart,
  canAddMore,
  added,
  add,
  onAdd,
}: {
  productId: number;
  ownListing: boolean;
  /** The chosen values are switched off or do not exist together: nothing to sell, not sold out. */
  notOffered: boolean;
  soldOut: boolean;
  held: boolean;
  /** Units of this listing in the shopper's own cart. */
  inCart: number;
  canAddMore: boolean;
  added: boolean;
  add: ReturnType<typeof useAddToCart>;
  onAdd: () => void;
}) {
  // A keyboard user who pressed the button keeps their place: while adding it stays focusable
  // (aria-disabled, not disabled, which would drop focus to the page), and when it turns into the
  // "In your cart" link that link takes the focus.
  const pressed = useRef(false);
  const keepFocus = (el: HTMLElement | null) => {
    if (el && pressed.current && document.activeElement === document.body) el.focus();
    pressed.current = false;
  };
  if (ownListing) {
    return (
      <Link to={`/dashboard/listings?edit=${productId}`} className="btn btn-primary btn-lg">
        Edit your listing
      </Link>
    );
  }
  if (notOffered) {
    return (
      <button type="button" className="btn btn-primary btn-lg" disabled>
        Not available
      </button>
    );
  }
  // The last one is in this shopper's own cart: not "sold out" to them, it is theirs to check out.
  if (soldOut && inCart > 0) {
    return (
      <Link to="/cart" className="btn btn-primary btn-lg" ref={keepFocus}>
        In your cart — check out
      </Link>
    );
  }
  if (soldOut) {
    return (
      <button type="button" className="btn btn-primary btn-lg" disabled>
        {held ? 'In someone’s cart' : 'Sold out'}
      </button>
    );
  }
  return (
    <button
      type="button"
      className="btn btn-primary btn-lg"
      aria-disabled={add.isPending || !canAddMore}
      onClick={(e) => {
        if (add.isPending || !canAddMore) return;
        pressed.current = document.activeElement === e.currentTarget;
        onAdd();
      }}
    >
      {add.isPending ? (
        <>
          <span className="spinner" aria-hidden="true" /> Adding…
        </>
      ) : !canAddMore ? (
        'All available are in your cart'
      ) : added ? (
        'Add another'
      ) : (
        'Add to cart'
      )}
    </button>
  );
}

export function Component() {
  const productId = productIdFrom(useParams());
  const { user } = useMe();
  const product = trpc.catalog.product.useQuery({ productId });
  const variations = product.data?.variations ?? null;
  const { choice, combination, choose } = useVariationChoice(variations);
  const variantId = combination?.id;
  const availability = trpc.catalog.availability.useQuery({ productId, variantId }, { staleTime: 5_000 });
  const alsoBought = trpc.feed.alsoBought.useQuery({ productId });
  const [liveAvailable, setLiveAvailable] = useState<number | null>(null);
  const [live, setLive] = useState<Record<string, number> | null>(null);
  useLiveAvailability([productId], (e) => {
    if (e.productId !== productId) return;
    setLiveAvailable(e.available);
    if (e.variants) setLive(e.variants);
  });
  const add = useAddToCart(productId);
  // The same query as the header's cart count: no extra request.
  const cart = trpc.cart.get.useQuery(undefined, { staleTime: 15_000 });
  const shop = trpc.shops.bySlug.useQuery({ slug: product.data?.shop.slug ?? '' }, { enabled: !!product.data });
  const vacation = shop.data?.vacation ?? null;
  const [tried, setTried] = useState(false);
  const [text, setText] = useState('');
  const [quantity, setQuantity] = useState(1);
  // Estimates count from today: the server's day while hydrating (lib/render-time.ts).
  const today = new Date(useRenderTime());

  const p = product.data;
  if (!p) return null;
  const a = availability.data;
  const unitsOf = (c: { id: number; available: number }) => live?.[c.id] ?? c.available;
  // The shopper's own lines of this listing, from their cart (the header's query).
  const ownLines = cart.data?.shops.flatMap((s) => s.items).filter((i) => i.productId === p.id) ?? [];
  const ownHeldLines = ownLines.filter((i) => i.held > 0);
  const unitsIn = (lines: typeof ownLines) => lines.reduce((n, i) => n + i.quantity, 0);
  // Some values chosen, not all (Size M of Size × Colour): the combinations still open to them,
  // summed with the shopper's own lines (lib/open-choice.ts).
  const open = openCombinations(variations, choice);
  const openChoice = open ? summariseOpenChoice(open, unitsOf, ownLines) : null;
  // Before a choice the listing's total shows; then the open combinations' or the combination's own.
  const fallback = combination ? unitsOf(combination) : (openChoice?.units ?? liveAvailable ?? p.available);
  // The server's answer when it is about what the line counts; with a partial choice it is the
  // listing's, and its carts and holds are not the chosen values'.
  const counted = open ? undefined : a;
  const available = counted?.available ?? fallback;
  const inCart = a?.inCart ?? 0;
  const countedInCart = counted?.inCart ?? openChoice?.ownInCart ?? 0;
  // Until the server's count arrives: the listing's held lines less the shopper's own (a line of
  // another combination in their own cart is not "In 1 other cart"); a combination's, or a partial
  // choice's, other carts only the server counts.
  const inOtherCartsBefore = combination || open ? 0 : Math.max(0, p.inCarts - ownHeldLines.length);
  // Units of each combination held in the shopper's own cart: the chips say "in your cart" for them.
  const ownHeld = new Map<number, number>();
  for (const i of ownHeldLines) ownHeld.set(i.variantId, (ownHeld.get(i.variantId) ?? 0) + i.held);
  // Every property chosen and no combination has those values: an address typed by hand, or kept
  // from before the seller changed the table. Nothing is missing from the choice; it is not offered.
  const noSuchCombination = variations !== null && combination === null && choice.every((v) => v !== null);
  const notOffered =
    noSuchCombination || (open !== null && open.length === 0) || (combination !== null && !combination.enabled);
  const properties = variations?.properties ?? [];
  // Named by its property when one value is in question: "This size is not available".
  const inQuestion = properties.length === 1 || open ? properties.filter((_, i) => choice[i] !== null) : [];
  const notOfferedText =
    inQuestion.length === 1
      ? `This ${inQuestion[0]!.name.toLocaleLowerCase()} is not available`
      : 'This combination is not available';
  const unavailable = p.status === 'archived' || notOffered;
  const soldOut = available <= 0 || unavailable;
  const added = add.isSuccess || inCart > 0;
  // The confirmation counts from the cart, as the header's badge does; the server's count (of the
  // chosen combination alone) until the cart has loaded.
  const listingInCart = cart.data ? unitsIn(ownLines) : inCart || (add.isSuccess ? 1 : 0);
  const chosenInCart =
    combination && cart.data ? unitsIn(ownLines.filter((i) => i.variantId === combination.id)) : null;
  // Live events carry only a count; while it is 0 trust the last answer on why (held or gone). With
  // a partial choice, the open combinations' own carts say it.
  const held = soldOut && (openChoice ? !notOffered && openChoice.othersHold > 0 : counted?.status === 'held');
  const ownListing = a?.ownListing ?? (user !== null && user.shopId === p.shop.id);
  const needsChoice = variations !== null && combination === null && !noSuchCombination;
  const textProblem = personalizationProblem(p.personalization, text);
  // Up to 10 at a time, never more than anyone can still add (made to order: no stock limit).
  // With a partial choice a line is one combination: no more than the one with the most left.
  const maxPick = Math.min(10, p.processing.madeToOrder ? 10 : (openChoice?.maxUnits ?? available));
  const onAdd = () => {
    setTried(true);
    if (needsChoice || textProblem) return;
    add.add(Math.min(quantity, maxPick), { variantId, personalization: text.trim(), onSuccess: () => setQuantity(1) });
  };
  // A partial choice narrows the price to its open combinations' ("$32.00" for every M).
  const price = combination
    ? formatCents(combination.priceCents)
    : (openChoice?.price ??
      (p.priceMaxCents !== null ? `From ${formatCents(p.priceCents)}` : formatCents(p.priceCents)));

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="small muted breadcrumb-bar">
        <Link to="/">Home</Link> › <Link to={`/search?category=${p.category.slug}`}>{p.category.name}</Link>
      </nav>
      <div className="product-layout">
        <ProductGallery images={p.images} title={p.title} seed={p.id} />
        <div className="buy-box">
          <Link to={`/shop/${p.shop.slug}`} className="small">
            {p.shop.name}
          </Link>
          <h1>{p.title}</h1>
          <Stars rating={p.rating} count={p.reviewCount} />
          {/* A listing without a price (off sale since decision 0199) shows none, never "$0.00". */}
          {p.priceCents > 0 && (
            <div className="price-big" data-testid="price">
              {price}
            </div>
          )}
          {p.isVintage && <span className="badge">Vintage</span>}
          {variations && p.status !== 'archived' && (
            <VariationPicker
              variations={variations}
              choice={choice}
              onChoose={choose}
              missing={tried && needsChoice}
              ownHeld={ownHeld}
            />
          )}
          {p.status === 'archived' ? (
            <div className="notice notice-warn" role="status">
              <p>This listing is no longer for sale.</p>
            </div>
          ) : ownListing ? (
            <div className="notice" role="status">
              <p>
                This is your listing. Shoppers see {plural(available, 'unit')} available
                {counted && counted.heldByOthers > 0 ? ` (${counted.heldByOthers} more in shoppers’ carts)` : ''}.
              </p>
            </div>
          ) : p.processing.madeToOrder && !soldOut ? (
            <AvailabilityNote>Made to order for you</AvailabilityNote>
          ) : notOffered ? (
            <AvailabilityNote out>{notOfferedText}</AvailabilityNote>
          ) : (
            <AvailabilityLines
              available={available}
              quantity={p.quantity}
              inOtherCarts={counted?.inOtherCarts ?? inOtherCartsBefore}
              inCart={countedInCart}
              held={held}
              nextReleaseAt={counted?.nextReleaseAt ?? null}
            />
          )}
          {vacation && !ownListing && p.status !== 'archived' && (
            <VacationNotice shopName={p.shop.name} vacation={vacation} />
          )}
          {p.personalization && p.status !== 'archived' && !ownListing && !vacation && (
            <PersonalizationField
              spec={p.personalization}
              value={text}
              onChange={setText}
              error={tried ? textProblem : null}
            />
          )}
          {p.status !== 'archived' && (
            <ListingEstimate
              processing={p.processing}
              estimate={purchaseEstimate(p.processing, {
                now: today,
                vacation: ownListing ? null : vacation,
                forSale: !soldOut,
              })}
            />
          )}
          <div className="buy-actions">
            {p.status !== 'archived' && vacation && !ownListing ? (
              <button type="button" className="btn btn-primary btn-lg" disabled>
                Shop on vacation
              </button>
            ) : (
              p.status !== 'archived' && (
                <>
                  {!ownListing && !soldOut && maxPick > 1 && (
                    <QuantityPicker value={Math.min(quantity, maxPick)} max={maxPick} onChange={setQuantity} />
                  )}
                  <BuyButton
                    productId={p.id}
                    ownListing={ownListing}
                    soldOut={soldOut}
                    notOffered={notOffered}
                    held={held}
                    inCart={countedInCart}
                    canAddMore={a ? a.canAddMore : true}
                    added={added}
                    add={add}
                    onAdd={onAdd}
                  />
                </>
              )
            )}
            {!ownListing && <FavoriteProductButton productId={p.id} title={p.title} />}
          </div>
          {listingInCart > 0 && !ownListing && (
            <p role="status" className="notice notice-ok">
              <span>
                {inCartNotice(
                  listingInCart,
                  chosenInCart,
                  properties.length === 1 ? properties[0]!.name.toLocaleLowerCase() : 'combination',
                )}{' '}
                <Link to="/cart">View in cart →</Link>
              </span>
            </p>
          )}

          <div className="shop-card">
            <div className="logo" aria-hidden="true">
              {p.shop.name.charAt(0)}
            </div>
            <div className="shop-card-body">
              <Link to={`/shop/${p.shop.slug}`} className="shop-card-name">
                {p.shop.name}
              </Link>
              <div>
                <Stars rating={p.shop.rating} />
              </div>
            </div>
            <Link to={`/shop/${p.shop.slug}`} className="btn btn-sm">
              Visit shop
            </Link>
          </div>
          {!ownListing && (
            <ContactShopButton
              shopId={p.shop.id}
              shopName={p.shop.name}
              productId={p.id}
              label="Ask a question"
              placeholder="Does this come in another colour? When could it ship?"
            />
          )}
          {shop.data && <ShopPolicies policies={shop.data.policies} headingLevel={2} listing={p.processing} />}

          <h2 className="h3 about-title">About this item</h2>
          <dl className="detail-list">
            <dt>Category</dt>
            <dd>{p.category.name}</dd>
            {p.materials.length > 0 && (
              <>
                <dt>Materials</dt>
                <dd className="capitalised">{p.materials.join(', ')}</dd>
              </>
            )}
            <dt>Favourited</dt>
            <dd>{plural(p.favoriteCount, 'time')}</dd>
          </dl>
          <p className="description">{p.description}</p>
          {p.tags.length > 0 && (
            <nav className="category-chips" aria-label="Tags">
              {p.tags.map((t) => (
                <Link key={t} className="chip" to={`/search?q=${encodeURIComponent(t)}`}>
                  {t}
                </Link>
              ))}
            </nav>
          )}
        </div>
      </div>

      <ReviewsSection target={{ productId }} canReply={user !== null && user.shopId === p.shop.id} />

      {!!alsoBought.data?.products.length && (
        <section aria-labelledby="also-title">
          <div className="section-head">
            <h2 id="also-title">
              {alsoBought.data.source === 'co-purchase' ? 'Shoppers also bought' : 'You may also like'}
            </h2>
          </div>
          <div className="feed-row">
            {alsoBought.data.products.slice(0, 6).map((x) => (
              <ProductCard key={x.id} product={x} />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

/** Why the buyer's personalisation cannot be sent as it is, or null. */
function personalizationProblem(spec: { maxChars: number; required: boolean } | null, value: string): string | null {
  if (!spec) return null;
  const length = [...value.trim()].length;
  if (spec.required && length === 0) return 'Add your personalisation: the seller needs it to make this.';
  if (length > spec.maxChars) return `Keep it to ${spec.maxChars} characters (${length} now).`;
  return null;
}

export const ErrorBoundary = RouteErrorBoundary;

// Pages as a search engine or a link preview sees them: HTML fetched without a browser, its
// <head> parsed (title, canonical, Open Graph, JSON-LD), status codes and redirects.
import { describe, expect, test } from 'bun:test';
import { resolve } from 'node:path';
import { listingPath } from '../../shared/listing-url';
import { createApp } from '../app';
import { createProduct, createSeller, createUser } from '../test/factories';
import { testDeps } from '../test/test-services';
import { DEFAULT_PAGE_CACHE, RenderedPageCache } from './page-cache';
import { fileShell } from './page-shell';

const ORIGIN = 'http://hearth.test';
const app = () => createApp(testDeps(), { shell: fileShell(resolve(import.meta.dir, '../../client/index.html')) });
const get = (path: string, headers: Record<string, string> = {}) => app().request(`${ORIGIN}${path}`, { headers });

const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)?.[1];
const canonical = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];
const metaContent = (html: string, key: string) =>
  new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON-LD, read field by field in assertions
type Ld = Record<string, any>;
const jsonLd = (html: string): Ld[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
const decode = (s: string | undefined) =>
  s?.replace(/&#(\d+);/g, (_m, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

async function listing(over: Parameters<typeof createProduct>[1] = {}) {
  const seller = await createSeller();
  const product = await createProduct(seller, { images: ['/images/ph/mug-1.svg'], ...over });
  return { seller, product, path: listingPath(product.id, product.title) };
}

describe('product page head', () => {
  test('title, description, canonical, Open Graph with the image, Product JSON-LD with price, stock and rating', async () => {
    const { product, path, seller } = await listing({ title: 'Hand-thrown “Moon” jar', priceCents: 4250 });
    await testDeps()
      .db.updateTable('products')
      .set({ rating: 4.6, review_count: 7 })
      .where('id', '=', product.id)
      .execute();
    expect(path).toBe(`/listing/${product.id}/hand-thrown-moon-jar`);
    const res = await get(path);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(decode(title(html))).toBe('Hand-thrown “Moon” jar · Hearth');
    expect(decode(metaContent(html, 'description'))).toStartWith(
      `Hand-thrown “Moon” jar by ${seller.shop.name}: Wheel-thrown`,
    );
    expect(canonical(html)).toBe(`${ORIGIN}${path}`);
    expect(metaContent(html, 'og:image')).toBe(`${ORIGIN}/images/ph/mug-1.svg`);
    // The largest picture starts loading from the head, before the body is rendered.
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toContain('<link rel="preload" as="image" href="/images/ph/mug-1.svg" fetchpriority="high" />');
    expect(metaContent(html, 'twitter:card')).toBe('summary_large_image');
    expect(metaContent(html, 'product:price:amount')).toBe('42.50');
    // The page itself is rendered on the server: name, price and stock in the markup, and the data
    // it was rendered from embedded for the browser.
    const root = html.slice(
      html.indexOf('<div id="root">'),
      html.indexOf('<script type="application/json" id="hearth-ssr">'),
    );
    expect(root).toContain('<h1>Hand-thrown “Moon” jar</h1>');
    expect(root).toContain('$42.50');
    expect(root.replace(/<!-- -->/g, '')).toContain('Only 5 left');
    const payload = JSON.parse(
      /<script type="application\/json" id="hearth-ssr">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}',
    );
    expect(payload.queries.queries.map((q: { queryKey: unknown }) => JSON.stringify(q.queryKey))).toContain(
      JSON.stringify([['catalog', 'product'], { input: { productId: product.id }, type: 'query' }]),
    );
    // Only one description: the shell's default is replaced, not duplicated.
    expect(html.match(/<meta name="description"/g)?.length).toBe(1);

    const blocks = jsonLd(html);
    const ld = blocks.find((b) => b['@type'] === 'Product') as Ld;
    expect(ld.name).toBe('Hand-thrown “Moon” jar');
    expect(ld.image).toEqual([`${ORIGIN}/images/ph/mug-1.svg`]);
    expect(ld.offers).toMatchObject({
      '@type': 'Offer',
      price: '42.50',
      priceCurrency: 'USD',
      availability: 'https://schema.org/InStock',
      url: `${ORIGIN}${path}`,
    });
    expect(ld.aggregateRating).toMatchObject({ '@type': 'AggregateRating', ratingValue: 4.6, reviewCount: 7 });
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList') as Ld;
    expect(crumbs.itemListElement.map((c: { name: string }) => c.name)).toEqual([
      'Home',
      'Kitchen & Dining',
      'Mugs & Cups',
      product.title,
    ]);
    expect(crumbs.itemListElement.at(-1).item).toBe(`${ORIGIN}${path}`);
  });

  test('sold out reads OutOfStock; no reviews means no AggregateRating', async () => {
    const { path } = await listing({ quantity: 1 });
    const { product } = await listing({ quantity: 1 });
    await testDeps().db.updateTable('products').set({ quantity: 0 }).where('id', '=', product.id).execute();
    const html = await (await get(listingPath(product.id, product.title))).text();
    const ld = jsonLd(html).find((b) => b['@type'] === 'Product') as Ld;
    expect(ld.offers.availability).toBe('https://schema.org/OutOfStock');
    expect(ld.aggregateRating).toBeUndefined();
    expect((await get(path)).status).toBe(200);
  });

  test('a seller’s title cannot break out of the head', async () => {
    const { path } = await listing({ title: 'Mug </script><script>alert(1)</script> "x"' });
    const html = await (await get(path)).text();
    expect(html).not.toContain('<script>alert(1)');
    const ld = jsonLd(html).find((b) => b['@type'] === 'Product') as Ld;
    expect(ld.name).toBe('Mug </script><script>alert(1)</script> "x"');
  });

  test('old and stale addresses redirect with 301 to the slug URL, keeping the query', async () => {
    const { product, path } = await listing({ title: 'Linen apron' });
    for (const old of [`/product/${product.id}`, `/listing/${product.id}`, `/listing/${product.id}/old-name`]) {
      const res = await get(`${old}?ref=mail`);
      expect(res.status).toBe(301);
      expect(res.headers.get('location')).toBe(`${path}?ref=mail`);
    }
  });

  test('unknown and malformed ids answer 404 with the not-found head; archived listings 410', async () => {
    for (const path of [
      '/listing/2147483000/x',
      '/product/0',
      '/listing/abc/x',
      '/product/99999999999999999999',
      '/listing/-1/x',
      '/product/1e3',
    ]) {
      const res = await get(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(title(html)).toContain('not found');
      expect(metaContent(html, 'robots')).toBe('noindex');
      expect(html).toContain('<div id="root">');
    }
    const { seller, product, path } = await listing();
    await seller.caller.catalog.archiveProduct({ productId: product.id });
    const gone = await get(path);
    expect(gone.status).toBe(410);
    const html = await gone.text();
    expect(decode(title(html))).toBe(`${product.title} · Hearth`);
    expect(metaContent(html, 'robots')).toBe('noindex');
    expect(jsonLd(html)).toEqual([]);
  });
});

describe('other public pages', () => {
  test('home names the site and offers a SearchAction', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(canonical(html)).toBe(`${ORIGIN}/`);
    const blocks = jsonLd(html);
    expect(blocks.find((b) => b['@type'] === 'Organization')?.url).toBe(`${ORIGIN}/`);
    const site = blocks.find((b) => b['@type'] === 'WebSite');
    expect(site?.potentialAction.target.urlTemplate).toBe(`${ORIGIN}/search?q={search_term_string}`);
    expect(site?.potentialAction['query-input']).toBe('required name=search_term_string');
  });

  test('shop page: its name, canonical and Organization; unknown or malformed shops 404', async () => {
    const { seller } = await listing();
    const html = await (await get(`/shop/${seller.shop.slug}`)).text();
    expect(decode(title(html))).toBe(`${seller.shop.name} · Hearth`);
    expect(canonical(html)).toBe(`${ORIGIN}/shop/${seller.shop.slug}`);
    expect(jsonLd(html).find((b) => b['@type'] === 'Organization')?.name).toBe(seller.shop.name);
    for (const path of ['/shop/no-such-shop-here', '/shop/%00', `/shop/${'x'.repeat(300)}`, '/shop/a%20b'])
      expect((await get(path)).status).toBe(404);
    // Listing filters no shop accepts: the site's 400 page, not a shop with an empty listings area.
    for (const q of ['section=abc', 'section=0', 'section=99999999999', `q=${'z'.repeat(201)}`, 'q=a%00b']) {
      const res = await get(`/shop/${seller.shop.slug}?${q}`);
      const page = await res.text();
      expect({ q, status: res.status, layout: page.includes('aria-label="Categories"') }).toEqual({
        q,
        status: 400,
        layout: true,
      });
    }
    expect(await (await get(`/shop/${seller.shop.slug}?section=abc`)).text()).toContain(
      'That is not one of the shop’s sections.',
    );
    expect(await (await get(`/shop/${seller.shop.slug}?q=${'z'.repeat(201)}`)).text()).toContain(
      'Search text must be 200 characters or fewer.',
    );
    expect(await (await get(`/shop/${seller.shop.slug}?section=12345`)).text()).toContain('Nothing in this section');
  });

  test('category page: breadcrumb JSON-LD and one canonical whatever the filter order', async () => {
    const res = await get('/search?material=wool&sort=newest&category=mugs&material=ceramic&stock=all&utm_source=x');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(decode(canonical(html))).toBe(`${ORIGIN}/search?category=mugs&material=ceramic&material=wool`);
    const plain = await (await get('/search?category=mugs')).text();
    expect(decode(title(plain))).toBe('Mugs & Cups · Hearth');
    expect(metaContent(plain, 'robots')).toBeUndefined();
    const crumbs = jsonLd(plain).find((b) => b['@type'] === 'BreadcrumbList') as Ld;
    expect(crumbs.itemListElement.map((c: { name: string }) => c.name)).toEqual([
      'Home',
      'Kitchen & Dining',
      'Mugs & Cups',
    ]);
    const page2 = await (await get('/search?category=mugs&page=2')).text();
    expect(decode(canonical(page2))).toBe(`${ORIGIN}/search?category=mugs&page=2`);
    expect(decode(title(page2))).toBe('Mugs & Cups — page 2 · Hearth');
    // Past the last page of an existing category's results: 404, not an empty page.
    const past = await get('/search?category=mugs&page=41');
    expect(past.status).toBe(404);
    expect(past.headers.get('cache-control')).toBe('private, no-cache');
  });

  test('text searches are not indexed; unreadable searches 400, pages past the end and unknown categories 404', async () => {
    const html = await (await get('/search?q=moon%20jar')).text();
    expect(metaContent(html, 'robots')).toBe('noindex, follow');
    expect(decode(title(html))).toBe('“moon jar” — search · Hearth');
    for (const q of [
      'category=BAD!!',
      'page=abc',
      'page=0',
      'min=abc',
      'sort=cheapest',
      'price=free',
      `q=${'a'.repeat(201)}`,
      'isVintage=maybe',
      'material=%00',
      // What an attacker sends in a price: NUL bytes, broken UTF-8, digits of another script, hex.
      'min=5%00',
      'max=%00',
      'min=%E0%A4%A',
      'min=%D9%A5',
      'min=0x10',
    ])
      expect({ q, status: (await get(`/search?${q}`)).status }).toEqual({ q, status: 400 });
    for (const q of ['page=999999999', 'category=no-such-category'])
      expect({ q, status: (await get(`/search?${q}`)).status }).toEqual({ q, status: 404 });
    // The tab of a page that could not read the address says what in it could not be read.
    for (const [q, named] of [
      ['q=mug&min=abc', 'Price not understood · Hearth'],
      ['q=mug&sort=cheapest', 'Sort order not understood · Hearth'],
      ['page=999999999', 'No such page of results · Hearth'],
    ] as const)
      expect({ q, title: decode(title(await (await get(`/search?${q}`)).text())) }).toEqual({ q, title: named });
  });

  test('a forged or oversized session cookie on a search with a bad price reads as signed out, never a 500', async () => {
    for (const cookie of ['hearth_session=forged%00; hearth_guest=abc.def', `hearth_session=${'x'.repeat(5000)}`]) {
      const refused = await app().request('http://localhost/search?q=mug&min=5%00', { headers: { cookie } });
      expect(refused.status).toBe(400);
      // Typed in the boxes, the same NUL is kept as typed and the page says what is wrong with it.
      const typed = await app().request('http://localhost/search?q=mug&pmin=5%00', { headers: { cookie } });
      expect(typed.status).toBe(200);
      const html = await typed.text();
      expect(html).toContain('is not an amount. Type dollars, like 25 or 12.50.');
      expect(html).toContain('Sign in');
    }
  });

  test('the filter form sent without JavaScript answers 301 to the search it means', async () => {
    const cases: [string, string][] = [
      // Empty fields dropped, typed dollars become a cents range that replaces a price range,
      // "relevance" is the default sort, the page starts again at 1.
      [
        '/search?q=mug&category=&price=under-25&pmin=%245&pmax=12.5&stock=all&sort=relevance&page=3',
        '/search?q=mug&stock=all&min=500&max=1250',
      ],
      // Prices that cannot be read are kept as typed (the page says why), not dropped or swapped.
      [
        '/search?q=mug&category=&price=under-25&pmin=12.5&pmax=%245&stock=all&sort=relevance&page=3',
        '/search?q=mug&price=under-25&stock=all&pmin=12.5&pmax=%245',
      ],
      [
        '/search?q=mug&category=mugs&price=25-50&pmin=&pmax=&sort=price_asc',
        '/search?q=mug&category=mugs&price=25-50&sort=price_asc',
      ],
      ['/search?material=wool&material=linen&pmin=abc&pmax=', '/search?material=wool&material=linen&pmin=abc'],
      ['/search?pmin=&pmax=', '/search'],
    ];
    for (const [from, to] of cases) {
      const res = await get(from);
      expect({ from, status: res.status, location: res.headers.get('location') }).toEqual({
        from,
        status: 301,
        location: to,
      });
    }
  });

  test('prices the filter form could not read: the page renders (no redirect loop) and says what is wrong', async () => {
    for (const [query, message] of [
      ['q=mug&pmin=abc', 'Minimum price: “abc” is not an amount. Type dollars, like 25 or 12.50.'],
      ['q=mug&pmax=-5', 'Maximum price can’t be negative.'],
      ['q=mug&pmin=50&pmax=20', 'Minimum price ($50.00) is more than the maximum ($20.00).'],
      // A hand-edited address in cents, the wrong way round: refused the same way, not swapped (decision 0160).
      ['q=mug&min=5000&max=2000', 'Minimum price ($50.00) is more than the maximum ($20.00).'],
      ['q=mug&max=999999999', 'Maximum price can be at most $1,000,000.00.'],
      // Past 15 digits too (decision 0172): the search runs, not a 400 page.
      ['q=mug&max=9999999999999999', 'Maximum price can be at most $1,000,000.00.'],
      [`q=mug&min=${'9'.repeat(4000)}`, 'Minimum price can be at most $1,000,000.00.'],
    ] as const) {
      const res = await get(`/search?${query}`);
      const html = await res.text();
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      expect(html).toContain('Your price range was not applied.');
      expect(html).toContain(message);
      // The box shows what was typed, marked invalid and tied to the same message.
      expect(html).toMatch(/<input[^>]*id="price-(min|max)"[^>]*aria-invalid="true"/);
      // No chip claims a price filter that was not applied.
      expect(html).not.toContain('Remove filter: $');
    }
    // The boxes show the address's range as it is, the minimum marked; search engines get the address without it.
    const reversed = await (await get('/search?q=mug&min=5000&max=2000')).text();
    const box = (end: string) => new RegExp(`<input[^>]*id="price-${end}"[^>]*>`).exec(reversed)?.[0] ?? '';
    expect(box('min')).toContain('value="50.00"');
    expect(box('min')).toContain('aria-invalid="true"');
    expect(box('max')).toContain('value="20.00"');
    expect(canonical(reversed)).toBe(`${ORIGIN}/search?q=mug`);
    // An amount too large for a Number is shown as written, and titled as the search it is.
    const huge = await (await get('/search?q=mug&max=9999999999999999')).text();
    expect(/<input[^>]*id="price-max"[^>]*>/.exec(huge)?.[0]).toContain('value="99999999999999.99"');
    expect(decode(title(huge))).toBe('“mug” — search · Hearth');
    expect(canonical(huge)).toBe(`${ORIGIN}/search?q=mug`);
  });

  test('bad input renders the site’s error page with its status, never a 500 or a blank page', async () => {
    const cases: [string, number, string][] = [
      ['/listing/abc/x', 404, 'We couldn&#x27;t find that'],
      ['/listing/2147483000/x', 404, 'We couldn&#x27;t find that'],
      ['/shop/no-such-shop-here', 404, 'We couldn&#x27;t find that'],
      ['/search?sort=cheapest', 400, 'That sort order is not one we offer.'],
      ['/search?min=abc', 400, 'The price in this address isn’t an amount we can search for.'],
      ['/search?max=%00', 400, 'The price in this address isn’t an amount we can search for.'],
      ['/search?page=999999999', 404, 'We couldn&#x27;t find that'],
      ['/search?category=no-such-category', 404, 'We couldn&#x27;t find that'],
      ['/no/such/page', 404, 'This page wandered off'],
    ];
    for (const [path, status, text] of cases) {
      const res = await get(path);
      const html = await res.text();
      expect({
        path,
        status: res.status,
        shown: html.includes(text),
        layout: html.includes('aria-label="Categories"'),
      }).toEqual({
        path,
        status,
        shown: true,
        layout: true,
      });
    }
  });

  test('a search address with a bad price: a 400 in words a shopper reads, its status text embedded to match', async () => {
    const payloadOf = (html: string) =>
      JSON.parse(/<script type="application\/json" id="hearth-ssr">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}');
    for (const [q, status, statusText] of [
      ['q=ring&min=abc', 400, 'Bad Request'],
      ['q=ring&max=5%00', 400, 'Bad Request'],
      ['q=ring&page=999999999', 404, 'Not Found'],
    ] as const) {
      const res = await get(`/search?${q}`);
      const html = await res.text();
      // Before: "Internal Server Error" beside the 400 or 404.
      const errors = Object.values(payloadOf(html).router.errors ?? {});
      expect({ q, status: res.status, errors }).toEqual({
        q,
        status,
        errors: [expect.objectContaining({ status, statusText, __type: 'RouteErrorResponse' })],
      });
      if (status === 400) {
        // Before: "Prices are whole numbers of cents." The way back keeps the shopper's words.
        expect(decode(html)).toContain('The price in this address isn’t an amount we can search for.');
        expect(decode(html)).toContain('Search for “ring”');
      }
    }
    // Typed in the boxes, a NUL is shown as "�" in the message, not echoed unseen.
    const typed = await get('/search?q=ring&pmin=5%00');
    const html = await typed.text();
    expect(typed.status).toBe(200);
    expect(html).toContain('Minimum price: “5\ufffd” is not an amount.');
    expect(html).not.toContain('“5\u0000”');
  });

  test('unknown paths 404; signed-in pages are served, not indexed, never shared', async () => {
    const missing = await get('/no/such/page');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<div id="root">');
    const cart = await get('/cart');
    expect(cart.status).toBe(200);
    expect(metaContent(await cart.text(), 'robots')).toBe('noindex');
    expect(cart.headers.get('cache-control')).toBe('private, no-cache');
  });
});

describe('HTTP caching of pages', () => {
  test('anonymous product HTML is shareable with an ETag; a matching If-None-Match answers 304', async () => {
    const { path } = await listing();
    const res = await get(path);
    expect(res.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    expect(res.headers.get('vary')).toContain('Cookie');
    const etag = res.headers.get('etag') as string;
    expect(etag).toMatch(/^W\/"[0-9a-z]+"$/);
    const again = await get(path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(path, { 'if-none-match': `"other", ${etag.replace('W/', '')}` })).status).toBe(304);
    expect((await get(path, { 'if-none-match': '"stale"' })).status).toBe(200);
  });

  test('an edit of the listing changes the ETag, so the old copy is not confirmed', async () => {
    const { seller, product, path } = await listing();
    const etag = (await get(path)).headers.get('etag') as string;
    await seller.caller.catalog.updateProduct({ productId: product.id, priceCents: 9900 });
    const after = await get(path, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(metaContent(await after.text(), 'product:price:amount')).toBe('99.00');
  });

  test('a visitor with a session or guest cart gets private HTML', async () => {
    const { path } = await listing();
    for (const cookie of ['hearth_session=abc', 'theme=dark; hearth_guest=xyz']) {
      const res = await get(path, { cookie });
      expect(res.headers.get('cache-control')).toBe('private, no-cache');
      expect(res.headers.get('vary')).toContain('Cookie');
      // Their page shows their cart and shop: nothing may confirm an old copy of it.
      expect(res.headers.get('etag')).toBeNull();
    }
  });
});

describe('rendered pages kept in memory', () => {
  /** One app with its own clock for the page cache: a second passes when the test says so. */
  function siteWithClock() {
    let now = Date.now();
    const pageCache = new RenderedPageCache({ ...DEFAULT_PAGE_CACHE, now: () => now });
    const site = createApp(testDeps(), {
      shell: fileShell(resolve(import.meta.dir, '../../client/index.html')),
      pageCache,
    });
    return {
      fetchPage: (path: string, headers: Record<string, string> = {}) => site.request(`${ORIGIN}${path}`, { headers }),
      pass: (ms: number) => {
        now += ms;
      },
    };
  }

  test('an anonymous listing page is served again as rendered; an edit shows within a second', async () => {
    const { seller, product, path } = await listing({ priceCents: 4100 });
    const { fetchPage, pass } = siteWithClock();
    const first = await (await fetchPage(path)).text();
    expect(first).toContain('$41.00');
    // The embedded data carries fetch times: identical bytes are the first render, not a second one.
    const again = await fetchPage(path);
    expect(again.headers.get('cache-control')).toBe('public, max-age=0, s-maxage=60, stale-while-revalidate=600');
    const etag = again.headers.get('etag') as string;
    expect(await again.text()).toBe(first);
    expect((await fetchPage(path, { 'if-none-match': etag })).status).toBe(304);
    // Checked against the listing a second on: unchanged, still the same copy.
    pass(1_001);
    expect(await (await fetchPage(path)).text()).toBe(first);
    // An edit: at most a second later the next visitor sees it.
    await seller.caller.catalog.updateProduct({ productId: product.id, priceCents: 9900 });
    pass(1_001);
    const edited = await (await fetchPage(path)).text();
    expect(edited).toContain('$99.00');
    expect(edited).not.toContain('$41.00');
    // So does the shop beside the buy box: on vacation, nothing can be bought.
    expect(edited).not.toContain('Shop on vacation');
    await seller.caller.shops.setVacation({ shopId: seller.shop.id, on: true, message: 'Away at a fair.' });
    pass(1_001);
    expect(await (await fetchPage(path)).text()).toContain('Shop on vacation');
  });

  test('a signed-in visitor or a guest cart never gets the copy rendered for anonymous visitors', async () => {
    const { path } = await listing();
    const buyer = await createUser();
    const { fetchPage } = siteWithClock();
    const anonymous = await (await fetchPage(path)).text();
    expect(anonymous).toContain('>Sign in</a>');
    const signedIn = await fetchPage(path, { cookie: `hearth_session=${buyer.sessionId}` });
    expect(signedIn.headers.get('cache-control')).toBe('private, no-cache');
    const html = await signedIn.text();
    expect(html).not.toContain('>Sign in</a>');
    expect(html).toContain(buyer.name);
    // However the cookie is spelled, if the page was rendered for them it is theirs alone.
    const spaced = await fetchPage(path, { cookie: `theme=dark; hearth_session =${buyer.sessionId}` });
    expect(spaced.headers.get('cache-control')).toBe('private, no-cache');
    expect(await spaced.text()).toContain(buyer.name);
    expect(await (await fetchPage(path)).text()).toBe(anonymous);
    const guest = await fetchPage(path, { cookie: 'hearth_guest=xyz' });
    expect(guest.headers.get('cache-control')).toBe('private, no-cache');
    expect(guest.headers.get('etag')).toBeNull();
    expect(await guest.text()).not.toBe(anonymous);
  });
});

describe('canonical origin', () => {
  test('a forged X-Forwarded-Host never reaches the canonical URL of a shared page', async () => {
    const { path } = await listing();
    const html = await (await get(path, { 'x-forwarded-host': 'evil.example' })).text();
    expect(canonical(html)).toBe(`${ORIGIN}${path}`);
    expect(html).not.toContain('evil.example');
  });
});

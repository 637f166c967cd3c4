// What a server-rendered page shows is rendered with the instant the page carries, so the browser
// hydrating it later (a minute on, past midnight, a cached copy) renders the same text first.
import { expect, test } from 'bun:test';
import { renderToString } from 'react-dom/server';
import { minutesUntil } from './format';
import { RenderTimeContext } from './render-time';
import { useNow } from './use-now';

function FreesUpIn({ iso }: { iso: string }) {
  return <span>{minutesUntil(iso, useNow())}</span>;
}

test('time-dependent text renders with the page’s render instant, not the clock', () => {
  const renderedAt = Date.now() - 10 * 60_000;
  const iso = new Date(renderedAt + 30 * 60_000).toISOString();
  const html = renderToString(
    <RenderTimeContext value={renderedAt}>
      <FreesUpIn iso={iso} />
    </RenderTimeContext>,
  );
  expect(html).toBe('<span>30 minutes</span>');
  // Without a render instant (a page the browser renders itself) it is the clock's: 20 minutes on.
  expect(renderToString(<FreesUpIn iso={iso} />)).toBe('<span>20 minutes</span>');
});

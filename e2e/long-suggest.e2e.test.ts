// A long query in the header search box (found by a walk): the box takes 200 characters but the
// typeahead's search.suggest takes 100, so past 100 every pause in typing sent a request the server
// refused (400, a console error). Past the typeahead's limit the box now asks for no suggestions
// (the list closes) and Enter still searches the whole text. Keyboard only, laptop and phone.
import { expect, test } from 'bun:test';
import { createUser, signedInPage, waitForFocus } from './fixtures';
import { projectNames, setupE2E } from './harness';

const e2e = setupE2E();
// The demo catalogue has mugs.
const word = 'mug';

for (const project of projectNames)
  test(`${project}: a query longer than the typeahead takes sends no suggest request it refuses`, async () => {
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, await createUser(), project);
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const refused: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('search.suggest') && r.status() >= 400) refused.push(r.status());
    });
    await page.goto('/');
    const box = page.getByRole('combobox', { name: /search/i });
    const list = page.getByRole('listbox', { name: 'Suggestions' });
    // Suggestions for the word once the catalogue is indexed (type it again until they come).
    const deadline = Date.now() + 60_000;
    for (;;) {
      await box.focus();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(word);
      if (
        await list.waitFor({ timeout: 3000 }).then(
          () => true,
          () => false,
        )
      )
        break;
      if (Date.now() > deadline) throw new Error('no suggestions for the word');
    }
    // Past the typeahead's 100 characters (the box takes 200): the list closes, nothing is refused.
    const long = `${word} ${'handmade '.repeat(13)}`.trim();
    expect(long.length).toBeGreaterThan(100);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.insertText(long);
    await list.waitFor({ state: 'hidden' });
    expect(refused).toEqual([]);

    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === long);
    await waitForFocus(page.locator('#results-title'));
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

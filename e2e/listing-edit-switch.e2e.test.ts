// The Edit listing dialog shows the listing its URL names (?edit=<id>), also when the address goes
// straight from one listing's ?edit= to another's: Back and Forward between two edits (the entries
// a link to another listing's editor leaves). It showed the first listing's fields under the second
// one's id. Unsaved edits still ask "Discard unsaved changes?" before the switch (decision 0174).
// Run at desktop and phone width.
import { expect, test } from 'bun:test';
import type { Page } from 'playwright';
import { waitUntil } from '../src/server/test/wait-until';
import { createProduct, createSeller, signedInPage, token, waitForFocus } from './fixtures';
import { type ProjectName, projectNames, screenshot, setupE2E } from './harness';

const e2e = setupE2E();

/**
 * Leaves two history entries after the listings page, `?edit=<first>` then `?edit=<second>`, as
 * links to two editors would (with the router's own state shape), and goes Back to the first: a
 * real popstate, which the router follows as it does the browser's Back and Forward buttons.
 */
async function pushTwoEdits(page: Page, first: number, second: number) {
  await page.evaluate(
    ([a, b]) => {
      const at = (history.state?.idx as number | undefined) ?? 0;
      history.pushState({ usr: null, key: `edit-${a}`, idx: at + 1 }, '', `?edit=${a}`);
      history.pushState({ usr: null, key: `edit-${b}`, idx: at + 2 }, '', `?edit=${b}`);
      history.back();
    },
    [first, second],
  );
}

for (const project of projectNames as ProjectName[]) {
  test(`${project}: Back and Forward between two listings' editors show the listing the URL names`, async () => {
    const seller = await createSeller();
    const bowl = await createProduct(seller, { title: `Cherry ${token()} bowl`, priceCents: 3600, quantity: 2 });
    const stool = await createProduct(seller, { title: `Ash ${token()} stool`, priceCents: 9000, quantity: 1 });
    const { context, page, errors } = await signedInPage(e2e.browser, e2e.app.baseUrl, seller, project);
    const dialog = page.getByRole('dialog', { name: 'Edit listing' });
    const question = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
    const title = dialog.getByLabel('Title');
    const editing = () => new URL(page.url()).searchParams.get('edit');
    // The editor for that listing, with that listing's title (not the one open before it).
    const showing = async (product: { id: number; title: string }) => {
      await page.waitForURL((url) => url.searchParams.get('edit') === String(product.id));
      await waitUntil(async () => (await title.inputValue().catch(() => null)) === product.title, {
        timeoutMs: 10_000,
        what: `the editor of ?edit=${product.id} to show "${product.title}"`,
      }).catch(() => {});
      expect(await title.inputValue()).toBe(product.title);
    };

    await page.goto('/dashboard/listings');
    await page.getByRole('button', { name: `Edit ${bowl.title}` }).waitFor();
    await pushTwoEdits(page, bowl.id, stool.id);
    await showing(bowl);
    // Forward to the stool's editor, Back to the bowl's, Forward again: each time its own fields.
    await page.goForward();
    await showing(stool);
    await page.goBack();
    await showing(bowl);
    await page.goForward();
    await showing(stool);
    await screenshot(page, `listing-edit-switch-${project}`);

    // Unsaved edits in the stool's editor: Back asks first; Keep editing stays on the stool.
    await title.focus();
    await page.keyboard.press('End');
    await page.keyboard.type(' (oiled)');
    await page.goBack();
    await question.waitFor();
    const keep = question.getByRole('button', { name: 'Keep editing' });
    await waitForFocus(keep);
    expect(editing()).toBe(String(stool.id));
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    expect(await title.inputValue()).toBe(`${stool.title} (oiled)`);
    expect(editing()).toBe(String(stool.id));

    // Back again and Discard: the bowl's editor, with the bowl's own fields and nothing to ask about.
    await page.goBack();
    await waitForFocus(keep);
    await page.keyboard.press('Tab');
    await waitForFocus(question.getByRole('button', { name: 'Discard changes' }));
    await page.keyboard.press('Enter');
    await question.waitFor({ state: 'hidden' });
    await showing(bowl);
    expect((await seller.caller.catalog.product({ productId: stool.id })).title).toBe(stool.title);
    // Nothing changed in the bowl's editor: Forward goes at once, to the stool's saved fields.
    await page.goForward();
    await showing(stool);
    expect(await question.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
}

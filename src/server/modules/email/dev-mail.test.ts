import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createApp } from '../../app';
import { APP_ICON_HREF } from '../../pages/app-icon';
import { unique } from '../../test/factories';
import { deliverMail, drainMailBeforeAll, inbox } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { enqueueEmail } from './email-outbox.repository';

drainMailBeforeAll();

describe('/dev/mail', () => {
  test('lists caught mail and shows one message as HTML (sandboxed), text and headers', async () => {
    const deps = testDeps();
    const app = createApp(deps);
    const to = `${unique('dev')}@example.test`;
    const subject = `Inbox <check> ${unique('s')}`;
    await enqueueEmail(deps.db, {
      kind: 'notice',
      to,
      payload: { name: 'Ada', subject, heading: 'Hello', paragraphs: ['Body text here.'], reason: 'Test.' },
    });
    await deliverMail();
    const id = inbox(to)[0]!.id;

    const list = await app.request('/dev/mail');
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    // Escaped, linked to the message.
    expect(listHtml).toContain(subject.replace('<', '&lt;').replace('>', '&gt;'));
    expect(listHtml).toContain(`href="/dev/mail/${id}"`);

    const page = await (await app.request(`/dev/mail/${id}`)).text();
    expect(page).toContain(`src="/dev/mail/${id}/html"`);
    expect(page).toContain('sandbox=');
    const text = await (await app.request(`/dev/mail/${id}?view=text`)).text();
    expect(text).toContain('Body text here.');
    const headers = await (await app.request(`/dev/mail/${id}?view=headers`)).text();
    expect(headers).toContain('message-id');

    const raw = await app.request(`/dev/mail/${id}/html`);
    const csp = raw.headers.get('content-security-policy') ?? '';
    expect(csp).toStartWith('sandbox');
    const rawHtml = await raw.text();
    expect(rawHtml).toContain('Body text here.');
    // One script runs in the frame: ours, reporting the mail's height, by a nonce made per answer
    // (the mail's own scripts have none); the doctype stays first.
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(csp).not.toContain("unsafe-inline'; img");
    expect(rawHtml).toMatch(new RegExp(`^<!DOCTYPE[^>]*><script nonce="${nonce}">`));
    const again = (await app.request(`/dev/mail/${id}/html`)).headers.get('content-security-policy');
    expect(again).not.toContain(String(nonce));

    const api = (await (await app.request('/dev/mail/api/messages')).json()) as { messages: { id: string }[] };
    expect(api.messages.some((m) => m.id === id)).toBe(true);

    // Every page names the app's icon (else the browser asks for /favicon.ico and logs a 404).
    const icon = `<link rel="icon" href="${APP_ICON_HREF.replaceAll("'", '&#x27;')}"/>`;
    for (const html of [listHtml, page, text, headers]) expect(html).toContain(icon);
    expect(await (await app.request('/dev/mail/nope')).text()).toContain(icon);
    expect(readFileSync(resolve(import.meta.dir, '../../../client/index.html'), 'utf8')).toContain(
      `<link rel="icon" href="${APP_ICON_HREF}" />`,
    );

    expect((await app.request('/dev/mail/nope')).status).toBe(404);
    expect((await app.request('/dev/mail/..%2F..%2Fetc/html')).status).toBe(404);
  });

  test('is not mounted in production', async () => {
    const deps = testDeps();
    const app = createApp({ ...deps, config: { ...deps.config, production: true } });
    expect((await app.request('/dev/mail')).status).toBe(404);
  });
});

import { describe, expect, test } from 'bun:test';
import { unique } from '../../test/factories';
import { catcherOf, deliverMail, drainMailBeforeAll, inbox, linkIn } from '../../test/mail';
import { testDeps } from '../../test/test-services';
import { enqueueEmail } from './email-outbox.repository';
import { MAX_ATTEMPTS, sendDueEmails } from './email-sender';
import { createMailer } from './mailer';

const address = () => `${unique('mail')}@example.test`;

function notice(to: string, over: Record<string, unknown> = {}) {
  return enqueueEmail(testDeps().db, {
    kind: 'notice',
    to,
    payload: {
      name: 'Ada',
      subject: 'Your shop is ready',
      heading: 'Welcome',
      paragraphs: ['Your shop is live.'],
      action: { href: `${testDeps().config.appUrl}/dashboard`, label: 'Open your dashboard' },
      reason: 'You have a Hearth account.',
      ...over,
    },
  });
}

const row = (id: number) =>
  testDeps().db.selectFrom('email_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

drainMailBeforeAll();

describe('email outbox', () => {
  test('a queued mail reaches the recipient over SMTP with an HTML and a text part, then is marked sent', async () => {
    const to = address();
    const id = (await notice(to))!;
    await deliverMail();
    const [mail, ...more] = inbox(to);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('Your shop is ready');
    expect(mail!.from).toContain('no-reply@hearth.test');
    expect(mail!.html).toContain('Open your dashboard');
    expect(mail!.text).toContain('Your shop is live.');
    expect(linkIn(mail!, '/dashboard')).toBe(`${testDeps().config.appUrl}/dashboard`);
    const stored = await row(id);
    expect(stored.status).toBe('sent');
    expect(stored.message_id).toBe(mail!.messageId);
    // The inputs (one-time links live there) are gone once sent.
    expect(stored.payload).toEqual({});
    // Sending again sends nothing more.
    await deliverMail();
    expect(inbox(to)).toHaveLength(1);
  });

  test('a same dedupe key queues one mail only', async () => {
    const to = address();
    const key = unique('cause');
    const deps = testDeps();
    const mail = {
      kind: 'notice',
      to,
      payload: { name: 'A', subject: 'Once', heading: 'H', paragraphs: [], reason: 'R' },
    };
    const first = await enqueueEmail(deps.db, { ...mail, dedupeKey: key });
    const second = await enqueueEmail(deps.db, { ...mail, dedupeKey: key });
    expect(first).toBeNumber();
    expect(second).toBeNull();
    await deliverMail();
    expect(inbox(to).map((m) => m.subject)).toEqual(['Once']);
  });

  test('header injection through names and subjects adds no recipient and no header', async () => {
    const to = address();
    const evil = `${unique('evil')}@example.test`;
    await notice(to, {
      name: `Eve\r\nBcc: ${evil}`,
      subject: `Hello\r\nBcc: ${evil}\nX-Injected: yes`,
    });
    await notice(to, { name: `Eve, ${evil}`, subject: 'Second' });
    await deliverMail();
    const mails = inbox(to);
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.envelope.to).toEqual([to]);
      expect(m.headers.bcc).toBeUndefined();
      expect(m.headers['x-injected']).toBeUndefined();
      expect(m.to).not.toContain(`<${evil}>`);
    }
    expect(mails.map((m) => m.subject).sort()).toEqual([`Hello Bcc: ${evil} X-Injected: yes`, 'Second']);
    expect(inbox(evil)).toHaveLength(0);
  });

  test('two senders racing over one burst send every mail exactly once', async () => {
    const deps = testDeps();
    const to = address();
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => notice(to, { subject: `Burst ${i}` })));
    // A second instance: its own SMTP connection pool, the same database and catcher.
    const other = { ...deps, mailer: createMailer(catcherOf().url, deps.config.mailFrom, deps.log) };
    const [a, b] = await Promise.all([sendDueEmails(deps), sendDueEmails(other)]);
    other.mailer.close();
    expect(a + b).toBeGreaterThanOrEqual(40);
    const subjects = inbox(to).map((m) => m.subject);
    expect(subjects).toHaveLength(40);
    expect(new Set(subjects).size).toBe(40);
    const rows = await deps.db
      .selectFrom('email_outbox')
      .select('status')
      .where('id', 'in', ids as number[])
      .execute();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  test('an unreachable server leaves the mail pending with a backoff, then gives up loudly after the last try', async () => {
    const deps = testDeps();
    const to = address();
    const id = (await notice(to))!;
    const dead = { ...deps, mailer: createMailer('smtp://127.0.0.1:9', deps.config.mailFrom, deps.log) };
    await sendDueEmails(dead, { backoffBaseMs: 60_000 });
    const waiting = await row(id);
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(1);
    expect(waiting.last_error).toBeString();
    expect(waiting.next_attempt_at.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // The last allowed try fails too: the row is closed as failed and never retried.
    await deps.db
      .updateTable('email_outbox')
      .set({ attempts: MAX_ATTEMPTS - 1, next_attempt_at: new Date() })
      .where('id', '=', id)
      .execute();
    await sendDueEmails(dead);
    dead.mailer.close();
    expect((await row(id)).status).toBe('failed');
    await deliverMail();
    expect(inbox(to)).toHaveLength(0);
  });

  test('a row of an unknown kind or a broken payload fails without sending', async () => {
    const deps = testDeps();
    const to = address();
    const unknown = (await enqueueEmail(deps.db, { kind: 'no-such-kind', to, payload: {} }))!;
    const broken = (await enqueueEmail(deps.db, { kind: 'notice', to, payload: { name: 1 } }))!;
    await deliverMail();
    expect((await row(unknown)).status).toBe('failed');
    expect((await row(broken)).status).toBe('failed');
    expect(inbox(to)).toHaveLength(0);
  });
});

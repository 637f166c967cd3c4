// SMTP down mid-burst: the SMTP server stops while the outbox is being sent. Mail keeps waiting
// in the outbox, goes out when the server is back on its address, and every message arrives
// exactly once (each carries its outbox id in X-Hearth-Email).
import { afterAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { enqueueEmail } from '../modules/email/email-outbox.repository';
import { sendDueEmails } from '../modules/email/email-sender';
import { createMailer } from '../modules/email/mailer';
import { type MailCatcher, startMailCatcher } from '../services/mail-catcher';
import { unique } from '../test/factories';
import { drainMailBeforeAll } from '../test/mail';
import { testDeps } from '../test/test-services';
import { waitUntil } from '../test/wait-until';

const dir = mkdtempSync(join(tmpdir(), 'hearth-smtp-fault-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

drainMailBeforeAll();

describe('SMTP killed mid-burst', () => {
  test('nothing is lost and nothing is sent twice', async () => {
    const base = testDeps();
    const slow = { closeTimeoutMs: 50, delayMs: 15 };
    let catcher: MailCatcher = await startMailCatcher(dir, base.log, slow);
    const port = catcher.port;
    const deps = { ...base, mailer: createMailer(catcher.url, base.config.mailFrom, base.log) };
    const to = `${unique('burst')}@example.test`;
    const payload = (i: number) => ({
      name: 'Ada',
      subject: `Burst ${i}`,
      heading: 'H',
      paragraphs: ['p'],
      reason: 'r',
    });
    const ids = new Set<number>();
    for (let i = 0; i < 60; i++) ids.add((await enqueueEmail(base.db, { kind: 'notice', to, payload: payload(i) }))!);

    const ours = () =>
      catcher
        .list()
        .filter((m) => m.envelope.to.includes(to))
        .map((m) => Number(m.headers['x-hearth-email']));
    // The sender keeps going the whole time, like the job does, with short backoffs.
    let stop = false;
    const sender = (async () => {
      while (!stop) {
        await sendDueEmails(deps, { backoffBaseMs: 100 }).catch(() => {});
        await Bun.sleep(20);
      }
    })();

    await waitUntil(() => ours().length >= 10, { intervalMs: 5, what: 'the first mails of the burst' });
    await catcher.stop();
    const caughtBeforeStop = ours().length;
    expect(caughtBeforeStop).toBeLessThan(60);
    // While it is down, sends fail and wait in the outbox.
    await waitUntil(
      async () => {
        const r = await base.db
          .selectFrom('email_outbox')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('id', 'in', [...ids])
          .where('status', '=', 'pending')
          .where('last_error', 'is not', null)
          .executeTakeFirstOrThrow();
        return Number(r.n) > 0;
      },
      { what: 'failed sends waiting in the outbox' },
    );

    catcher = await startMailCatcher(dir, base.log, { port, closeTimeoutMs: 50 });
    await waitUntil(
      async () => {
        const r = await base.db
          .selectFrom('email_outbox')
          .select('status')
          .where('id', 'in', [...ids])
          .execute();
        return r.every((x) => x.status === 'sent');
      },
      { timeoutMs: 60_000, what: 'every mail of the burst sent' },
    );
    stop = true;
    await sender;
    deps.mailer.close();

    const received = ours();
    expect(received.length).toBe(60);
    expect(new Set(received)).toEqual(ids);
    await catcher.stop();
  }, 90_000);
});

// /dev/mail: the inbox of the embedded SMTP catcher (development and tests only; never mounted
// in production, where there is no catcher). Server-rendered pages, no client bundle: a list, and
// one message with its HTML (sandboxed frame, as tall as the mail), its text part and its headers.
// Under the inbox, the outbox's mails that will not arrive: failed ones (someone must look) and
// skipped ones (turned off by their user, or nothing left to say), each with why, so a missing
// mail is explained.
import { Hono } from 'hono';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DbOrTx } from '../../db/kysely';
import { APP_ICON_HREF } from '../../pages/app-icon';
import type { CaughtMail, MailCatcher } from '../../services/mail-catcher';
import { listUnsentEmails, type UnsentEmail } from './email-outbox.repository';

const css = `
:root{--cream:#fbf7f1;--paper:#fff;--line:#e4d8c8;--ink:#2a211c;--ink-2:#5b4d44;--ink-3:#6b5d52;--clay:#b8532b;--sand:#f3ebe0;--focus:#1f6feb}
*{box-sizing:border-box}body{margin:0;background:var(--cream);color:var(--ink);font:16px/1.55 ui-sans-serif,system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
a{color:var(--clay)}a:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
header{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:baseline;justify-content:space-between;padding:16px clamp(16px,3vw,32px);border-bottom:1px solid var(--line);background:var(--paper)}
header h1{margin:0;font:700 22px/1.2 "Iowan Old Style",Palatino,Georgia,serif;color:var(--clay)}
header p{margin:0;color:var(--ink-3);font-size:14px}
main{max-width:1100px;margin:0 auto;padding:20px clamp(12px,3vw,32px) 48px}
.list{list-style:none;margin:0;padding:0;background:var(--paper);border:1px solid var(--line);border-radius:16px;overflow:hidden}
.list li+li{border-top:1px solid var(--line)}
.list a{display:grid;grid-template-columns:minmax(0,1.2fr) minmax(0,2fr) auto;gap:4px 16px;padding:12px 16px;text-decoration:none;color:var(--ink)}
.list a:hover{background:var(--sand)}
.to,.when{color:var(--ink-3);font-size:14px;overflow-wrap:anywhere}.subject{font-weight:600;overflow-wrap:anywhere}
@media (max-width:640px){.list a{grid-template-columns:minmax(0,1fr)}.when{order:-1}}
.empty{background:var(--paper);border:1px dashed var(--line);border-radius:16px;padding:32px;text-align:center;color:var(--ink-2)}
.meta{background:var(--paper);border:1px solid var(--line);border-radius:16px;padding:16px;margin:0 0 16px;display:grid;grid-template-columns:max-content minmax(0,1fr);gap:4px 12px}
.meta dt{color:var(--ink-3)}.meta dd{margin:0;overflow-wrap:anywhere}
nav.tabs{display:flex;gap:8px;margin:0 0 12px;flex-wrap:wrap}
nav.tabs a{padding:6px 14px;border-radius:999px;border:1px solid var(--line);background:var(--paper);text-decoration:none;color:var(--ink)}
nav.tabs a[aria-current=page]{background:var(--ink);color:#fff;border-color:var(--ink)}
iframe{display:block;width:100%;height:70vh;border:1px solid var(--line);border-radius:16px;background:#fff}
.unsent li{display:grid;grid-template-columns:88px minmax(0,1fr) auto;gap:4px 12px;padding:12px 16px;align-items:baseline}
.unsent .why{grid-column:2/-1;color:var(--ink-2);font-size:14px;overflow-wrap:anywhere}
.badge{justify-self:start;font-size:13px;font-weight:600;padding:1px 10px;border-radius:999px;border:1px solid var(--line);background:var(--sand);color:var(--ink-2)}
.badge-failed{background:#fbe9e4;border-color:#e8b4a3;color:#8a3116}
@media (max-width:640px){.unsent li{grid-template-columns:88px minmax(0,1fr)}.unsent .when{grid-column:1/-1;order:-1}.unsent .why{grid-column:1/-1}}
h2.section{margin:28px 0 12px;font-size:18px}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--paper);border:1px solid var(--line);border-radius:16px;padding:16px;font-size:14px;margin:0}
`;

function Page(props: { title: string; children: ReactNode; refresh?: boolean }) {
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {props.refresh ? <meta httpEquiv="refresh" content="10" /> : null}
        {/* Without it the browser asks for /favicon.ico, a 404 in the console. */}
        <link rel="icon" href={APP_ICON_HREF} />
        <title>{props.title}</title>
        <style>{css}</style>
      </head>
      <body>
        <header>
          <h1>
            <a href="/dev/mail" style={{ textDecoration: 'none' }}>
              Hearth mail
            </a>
          </h1>
          <p>Development inbox: mail the app sent, caught before it left this machine.</p>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

const html = (node: ReactNode, status = 200) =>
  new Response(`<!doctype html>${renderToStaticMarkup(node)}`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  });

const when = (iso: string) => new Date(iso).toISOString().replace('T', ' ').slice(0, 19);

const statusLabels = { failed: 'Failed', skipped: 'Skipped' } as const;

function Unsent({ rows }: { rows: UnsentEmail[] }) {
  // 'newest' only when the list is cut at its cap: '(newest 0)' read like a broken count.
  const count = rows.length < UNSENT_SHOWN ? `${rows.length}` : `newest ${rows.length}`;
  return (
    <section aria-labelledby="unsent-title">
      <h2 id="unsent-title" className="section">
        Not sent <span style={{ color: 'var(--ink-3)', fontWeight: 400 }}>{`(${count})`}</span>
      </h2>
      <p style={{ margin: '0 0 12px', color: 'var(--ink-2)', fontSize: 14 }}>
        Neither kind is sent again. Failed: the sender gave up, someone should look. Skipped: nothing is wrong, the user
        turned that email off or there was nothing left to say.
      </p>
      {rows.length === 0 ? (
        <p className="empty">Every mail in the outbox went out or is still on its way.</p>
      ) : (
        <ul className="list unsent">
          {rows.map((r) => (
            <li key={r.id} data-testid="unsent-mail">
              <span className={`badge badge-${r.status}`}>{statusLabels[r.status]}</span>
              <span>
                <span className="subject">{r.dedupe_key ?? r.kind}</span>
                {r.to_address ? <span className="to"> to {r.to_address}</span> : null}
              </span>
              <span className="when">{when(r.created_at.toISOString())}</span>
              <span className="why">
                {r.status === 'skipped' ? 'Skipped: ' : `After ${r.attempts} attempt${r.attempts === 1 ? '' : 's'}: `}
                {r.last_error ?? 'no reason recorded'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Inbox({ mails, unsent }: { mails: CaughtMail[]; unsent: UnsentEmail[] | null }) {
  return (
    <Page title="Hearth mail" refresh>
      <h2 style={{ margin: '0 0 12px', fontSize: 18 }}>
        Inbox <span style={{ color: 'var(--ink-3)', fontWeight: 400 }}>({mails.length})</span>
      </h2>
      {mails.length === 0 ? (
        <p className="empty">No mail yet. Register, reset a password or place an order, and it shows up here.</p>
      ) : (
        <ul className="list">
          {mails.map((m) => (
            <li key={m.id}>
              <a href={`/dev/mail/${m.id}`}>
                <span className="to">{m.envelope.to.join(', ')}</span>
                <span className="subject">{m.subject || '(no subject)'}</span>
                <span className="when">{when(m.receivedAt)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {unsent && <Unsent rows={unsent} />}
    </Page>
  );
}

function Message({ mail, view }: { mail: CaughtMail; view: 'html' | 'text' | 'headers' }) {
  const tab = (v: typeof view, label: string) => (
    <a href={`/dev/mail/${mail.id}?view=${v}`} aria-current={view === v ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <Page title={`${mail.subject} · Hearth mail`}>
      <p style={{ margin: '0 0 12px' }}>
        <a href="/dev/mail">← Inbox</a>
      </p>
      <h2 style={{ margin: '0 0 12px', fontSize: 20, overflowWrap: 'anywhere' }}>{mail.subject || '(no subject)'}</h2>
      <dl className="meta">
        <dt>From</dt>
        <dd>{mail.from}</dd>
        <dt>To</dt>
        <dd>{mail.envelope.to.join(', ')}</dd>
        <dt>Received</dt>
        <dd>{when(mail.receivedAt)}</dd>
      </dl>
      <nav className="tabs" aria-label="Message views">
        {mail.html ? tab('html', 'HTML') : null}
        {tab('text', 'Text')}
        {tab('headers', 'Headers')}
      </nav>
      {view === 'html' && mail.html ? (
        <>
          {/* Listening before the frame loads: its first report is not missed. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this file, no input in it */}
          <script dangerouslySetInnerHTML={{ __html: FIT_FRAME }} />
          <iframe
            title="Message as HTML"
            src={`/dev/mail/${mail.id}/html`}
            sandbox={`allow-scripts ${FRAME_SANDBOX}`}
          />
        </>
      ) : view === 'headers' ? (
        <pre>{Object.entries(mail.headers).map(([k, v]) => `${k}: ${v}\n`)}</pre>
      ) : (
        <pre data-testid="mail-text">{mail.text ?? '(no text part)'}</pre>
      )}
    </Page>
  );
}

function NotFound() {
  return (
    <Page title="Not found · Hearth mail">
      <p className="empty">
        This message is not in the inbox (the data directory may have been wiped).{' '}
        <a href="/dev/mail">Back to the inbox</a>
      </p>
    </Page>
  );
}

/**
 * The mail's HTML is shown as tall as it is, so the page scrolls once (a 70vh frame scrolled inside
 * the page, awkwardly on a phone). The frame is a sandbox of opaque origin: the page cannot measure
 * it, so one script of ours, allowed by a nonce no mail can know, posts the mail's height up;
 * the mail's own scripts and inline handlers stay blocked by the policy. Without scripts: 70vh.
 */
const FRAME_SANDBOX = 'allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation';
const REPORT_HEIGHT = `(function(){var last=0;function post(){var d=document.documentElement,b=document.body;var h=Math.ceil(Math.max(d.getBoundingClientRect().height,b?b.scrollHeight:0));if(h!==last){last=h;parent.postMessage({hearthMailHeight:h},'*');}}new ResizeObserver(post).observe(document.documentElement);addEventListener('load',post);addEventListener('DOMContentLoaded',function(){if(document.body)new ResizeObserver(post).observe(document.body);post();});})();`;
const FIT_FRAME = `addEventListener('message',function(e){var f=document.querySelector('iframe[title="Message as HTML"]');var h=e.data&&e.data.hearthMailHeight;if(!f||e.source!==f.contentWindow||typeof h!=='number'||!(h>0))return;f.style.height=Math.min(h,100000)+2+'px';});`;

/** The mail's HTML with the height report first (after its doctype, which must stay first). */
function withHeightReport(mailHtml: string, nonce: string): string {
  const script = `<script nonce="${nonce}">${REPORT_HEIGHT}</script>`;
  const doctype = /^\s*<!doctype[^>]*>/i.exec(mailHtml)?.[0] ?? '';
  return doctype + script + mailHtml.slice(doctype.length);
}

const UNSENT_SHOWN = 20;

/** `db` (optional) adds the outbox's unsent mails under the inbox. */
export function devMailRoutes(catcher: MailCatcher, db?: DbOrTx) {
  const app = new Hono();
  const safely = <T,>(read: () => T): T | Error => {
    try {
      return read();
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  };
  const failed = (err: Error) =>
    html(
      <Page title="Error · Hearth mail">
        <p className="empty">The inbox could not be read: {err.message}</p>
      </Page>,
      500,
    );

  app.get('/api/messages', (c) => {
    const mails = safely(() => catcher.list());
    if (mails instanceof Error) return c.json({ error: mails.message }, 500);
    return c.json({ messages: mails });
  });
  app.get('/', async () => {
    const mails = safely(() => catcher.list());
    if (mails instanceof Error) return failed(mails);
    const unsent = db ? await listUnsentEmails(db, UNSENT_SHOWN) : null;
    return html(<Inbox mails={mails} unsent={unsent} />);
  });
  app.get('/:id', (c) => {
    const mail = catcher.get(c.req.param('id'));
    if (!mail) return html(<NotFound />, 404);
    const asked = c.req.query('view');
    const view = asked === 'text' || asked === 'headers' ? asked : mail.html ? 'html' : 'text';
    return html(<Message mail={mail} view={view} />);
  });
  app.get('/:id/html', (c) => {
    const mail = catcher.get(c.req.param('id'));
    if (!mail?.html) return c.text('Not found', 404);
    // The mail's own HTML runs nothing and reaches nothing but images: only our height report, by
    // its nonce, runs, in a sandbox of opaque origin (no cookies, no access to the page).
    const nonce = crypto.randomUUID().replaceAll('-', '');
    return c.body(withHeightReport(mail.html, nonce), 200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `sandbox allow-scripts ${FRAME_SANDBOX}; default-src 'none'; script-src 'nonce-${nonce}'; img-src * data:; style-src 'unsafe-inline'`,
      'cache-control': 'no-store',
    });
  });
  return app;
}

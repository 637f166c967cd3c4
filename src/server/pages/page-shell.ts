// The HTML document every page starts from: the client's index.html as the bundler wrote it
// (production: dist/client/index.html, read once; development: Bun's HTML route, which rebundles
// on change). The server puts the page's own <head> tags into it, and, for server-rendered pages,
// the markup and data (page-render.tsx).

export type ShellSource = () => Promise<string>;

/** Reads the built shell once; the file only changes with a new deploy (a new process). */
export function fileShell(path: string): ShellSource {
  let cached: Promise<string> | null = null;
  return () => {
    cached ??= Bun.file(path).text();
    return cached;
  };
}

/** Development: asks Bun's own HTML route (hot reload keeps it current). */
export function devServerShell(url: () => string): ShellSource {
  return async () => {
    const res = await fetch(url());
    if (!res.ok) throw new Error(`shell: ${res.status} from ${url()}`);
    return res.text();
  };
}

export interface ShellParts {
  /** Everything up to and including `<div id="root">`. */
  head: string;
  /** `</div>` of the root and the rest of the document. */
  tail: string;
}

const ROOT_OPEN = '<div id="root">';

/** Replaces the shell's default title and description with the page's tags and splits at #root. */
export function shellParts(shell: string, headTags: string): ShellParts {
  const withHead = shell
    .replace(/<title>[\s\S]*?<\/title>/, () => headTags)
    .replace(/<meta name="description"[^>]*>\s*/, '');
  const at = withHead.indexOf(ROOT_OPEN);
  if (at < 0) throw new Error('shell: no <div id="root">');
  const rest = withHead.slice(at + ROOT_OPEN.length);
  const close = rest.indexOf('</div>');
  return { head: withHead.slice(0, at + ROOT_OPEN.length), tail: rest.slice(close) };
}

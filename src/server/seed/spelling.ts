// UK/US spelling of vocabulary text: "{jumper|sweater} in {grey|gray}" → "jumper in grey" for a
// UK shop. A bare top-level "a|b" picks the whole phrase. Kept apart from the vocabulary so the
// notation is defined in one place.

export type Locale = 'uk' | 'us';

const braces = /\{([^{}|]*)\|([^{}]*)\}/g;

export function spell(text: string, locale: Locale): string {
  const inline = text.replace(braces, (_m, uk: string, us: string) => (locale === 'uk' ? uk : us));
  const bar = inline.indexOf('|');
  if (bar === -1) return inline;
  return locale === 'uk' ? inline.slice(0, bar) : inline.slice(bar + 1);
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'uk' ? 'us' : 'uk';
}

export function capitalise(text: string): string {
  return text.length ? text[0]!.toUpperCase() + text.slice(1) : text;
}

// Text that goes into a mail header (subject, display names): one line, no control characters,
// bounded. Input schemas already refuse control characters; this holds for old rows and for any
// text a template builds, so a header can never be split into two.
const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;

export function headerText(value: string, max = 200): string {
  const one = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

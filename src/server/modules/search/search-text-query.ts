// Turns a shopper's query into the Postgres fallback's matching units: each unit is one word or
// phrase plus what the shared synonym list says it also finds. All units must match (like
// Meilisearch's matchingStrategy 'all'); a unit matches through the weighted tsvector or, for
// words long enough to have typos, through trigram word similarity on search_text.
import { expansionMap, normalizeSearchText } from './search-synonyms';

const synonyms = expansionMap();
const maxPhraseWords = Math.max(...[...synonyms.keys()].map((k) => k.split(' ').length));
const stopWords = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'with', 'in', 'on', 'to', 'by']);
const MAX_UNITS = 10;
/** Meilisearch allows one typo from 5 letters on; the fallback's trigram match does the same. */
const MIN_TYPO_WORD = 5;

export interface TextUnit {
  /** to_tsquery('english', …) text: alternatives OR-ed; only [a-z0-9] words and operators. */
  tsquery: string;
  /** The word to match approximately against search_text, if it may carry a typo. */
  fuzzyWord: string | null;
}

function phraseQuery(phrase: string, prefix: boolean): string {
  const words = phrase.split(' ');
  const last = words.length - 1;
  return words.map((w, i) => (prefix && i === last ? `${w}:*` : w)).join(' & ');
}

export function textUnits(q: string): TextUnit[] {
  const all = normalizeSearchText(q).split(' ').filter(Boolean);
  const kept = all.filter((w) => !stopWords.has(w));
  const words = kept.length ? kept : all;
  const units: TextUnit[] = [];
  let i = 0;
  while (i < words.length && units.length < MAX_UNITS) {
    let size = Math.min(maxPhraseWords, words.length - i);
    while (size > 1 && !synonyms.has(words.slice(i, i + size).join(' '))) size -= 1;
    const phrase = words.slice(i, i + size).join(' ');
    const isLast = i + size === words.length;
    const alternatives = [
      // Prefix match on the last word while the shopper is still typing, as Meilisearch does.
      `(${phraseQuery(phrase, isLast)})`,
      ...(synonyms.get(phrase) ?? []).map((alt) => `(${phraseQuery(alt, false)})`),
    ];
    units.push({
      tsquery: alternatives.join(' | '),
      fuzzyWord: size === 1 && phrase.length >= MIN_TYPO_WORD && !/\d/.test(phrase) ? phrase : null,
    });
    i += size;
  }
  return units;
}

// Turns a shopper's query into the Postgres fallback's matching units: each unit is one term or
// phrase (after the shared normaliser) plus what the shared synonym list says it also finds.
// All units must match (like Meilisearch's matchingStrategy 'all'); a unit matches through the
// weighted tsvector or, for terms long enough to have typos, through trigram word similarity
// on search_text. Terms are already stemmed, so tsqueries use the 'simple' configuration.
import { type SourcedTerm, sourcedTerms } from './search-normaliser';
import { expansionMap, knownTerms } from './search-synonyms';

const synonyms = expansionMap();
/** Words taken as typed, never fuzzed: the same list Meilisearch gets as disableOnWords. */
const known = new Set(knownTerms());
const maxPhraseWords = Math.max(...[...synonyms.keys()].map((k) => k.split(' ').length));
export const MAX_QUERY_TERMS = 10;
/** Meilisearch allows one typo from 6 letters on (minWordSizeForTypos); the fallback does the same. */
const MIN_TYPO_WORD = 6;

export interface TextUnit {
  /** The query term or phrase this unit stands for (normalised). */
  text: string;
  /** The shopper's word(s) it came from, as typed (lowercase): for "Showing results for …". */
  label: string;
  /** to_tsquery('simple', …) text: alternatives OR-ed; only [a-z0-9] words and operators. */
  tsquery: string;
  /** The term to match approximately against search_text, if it may carry a typo. */
  fuzzyWord: string | null;
}

function phraseQuery(phrase: string, prefix: boolean): string {
  const words = phrase.split(' ');
  const last = words.length - 1;
  return words.map((w, i) => (prefix && i === last ? `${w}:*` : w)).join(' & ');
}

function cappedTerms(q: string): SourcedTerm[] {
  return sourcedTerms(q).slice(0, MAX_QUERY_TERMS);
}

/** The query's terms as Meilisearch receives them (same normaliser, same cap). */
export function queryTerms(q: string): string[] {
  return cappedTerms(q).map((t) => t.term);
}

export function textUnits(q: string): TextUnit[] {
  const sourced = cappedTerms(q);
  const words = sourced.map((t) => t.term);
  const units: TextUnit[] = [];
  let i = 0;
  while (i < words.length) {
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
      text: phrase,
      label: sourced
        .slice(i, i + size)
        .map((t) => t.source)
        .join(' '),
      tsquery: alternatives.join(' | '),
      fuzzyWord:
        size === 1 && phrase.length >= MIN_TYPO_WORD && !/\d/.test(phrase) && !known.has(phrase) ? phrase : null,
    });
    i += size;
  }
  return units;
}

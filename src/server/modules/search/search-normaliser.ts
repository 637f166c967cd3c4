// The one text normaliser of search. Listing text at index time and the shopper's query at
// search time both go through it, for BOTH engines (Meilisearch gets the terms as document
// fields and as `q`; the Postgres fallback stores them in products.search_terms and matches them
// with the 'simple' text search configuration), so the two engines see the same tokens.
//
// What it does, in order: lowercase, strip accents, "1950's" -> "1950s", possessives and
// apostrophes ("goat's" -> "goat"), split on anything but [a-z0-9], drop stop words, join
// compound variants ("hand-bound" / "hand bound" / "handbound" -> one token), map eras and a few
// spellings to one canonical word ("fifties", "50s" -> "1950s"), and stem with Porter2
// (the Snowball English stemmer Postgres also uses: "plant pots" -> "plant pot", "crocheted" ->
// "crochet"). Numbers are kept as typed ("925", "14k").
import { stem } from 'porter2';

export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'for',
  'with',
  'in',
  'on',
  'to',
  'by',
  'at',
  'from',
  'is',
  'it',
  'as',
  'my',
  'your',
  'our',
  'this',
  'that',
]);

/** First halves that join whatever follows ("mid century", "t shirt", "eco friendly"). */
const COMPOUND_HEADS: ReadonlySet<string> = new Set(['mid', 'up', 'eco', 't']);
/** "hand" joins a making word ("hand knitted", "hand made", "hand-bound"), not "hand cream". */
const HAND_MADE = /(ed|en|wn|ilt|nit|cut|made|spun|bound|dyed)$/;

/** Other compounds written both ways, as the joined word. */
const COMPOUNDS: ReadonlySet<string> = new Set([
  'tiedye',
  'crossstitch',
  'crossbody',
  'barnwood',
  'wheelthrown',
  'handbag',
  'bookshelf',
  'bookcase',
  'bookmark',
  'teapot',
  'teacup',
  'teatowel',
  'lampshade',
  'keyring',
  'keychain',
  'doorstop',
  'lunchbox',
  'flowerpot',
  'bowtie',
  'dollhouse',
  'dollshouse',
  'sketchbook',
  'tablecloth',
  'placemat',
  'jumprings',
  'flipflops',
  'wallart',
  'potholder',
  'birdhouse',
  'giftwrap',
  'ragdoll',
  'necklace',
  'earring',
  'earrings',
  'sunglasses',
  'nightstand',
  'nightlight',
  'headband',
  'hairband',
  'scrunchie',
]);

/** Word -> canonical word, applied before stemming (eras, a few spellings stemming cannot join). */
const CANONICAL: Readonly<Record<string, string>> = {
  ...Object.fromEntries(
    ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].flatMap((w, i) => {
      const decade = 20 + i * 10;
      return [
        [w, `19${decade}s`],
        [`${decade}s`, `19${decade}s`],
      ];
    }),
  ),
  jewellery: 'jewelry',
  jewelery: 'jewelry',
  colour: 'color',
  colours: 'colors',
  coloured: 'colored',
  colourful: 'colorful',
  grey: 'gray',
  cosy: 'cozy',
  aluminium: 'aluminum',
  personalised: 'personalized',
  customised: 'customized',
  favour: 'favor',
  favours: 'favors',
  organise: 'organize',
  organiser: 'organizer',
  centre: 'center',
  metre: 'meter',
  fibre: 'fiber',
  mould: 'mold',
  moulded: 'molded',
  pyjamas: 'pajamas',
  plushie: 'plush',
  ceramics: 'ceramic',
  macramé: 'macrame',
};

/** Lowercase words of `text`: accents stripped, possessives and apostrophes gone, split on non-alphanumerics. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/(\d)['’‘`]s\b/g, '$1s')
    .replace(/['’‘`]s\b/g, '')
    .replace(/['’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Longest word kept: longer runs are noise (and cost typo matching), not vocabulary. */
export const MAX_WORD_LENGTH = 40;

/** A term and the word(s) it came from, as typed (lowercase): "hand-bound" -> handbound from "hand bound". */
export interface SourcedTerm {
  term: string;
  source: string;
}

function joinCompounds(words: string[]): { word: string; source: string }[] {
  const out: { word: string; source: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (
      next !== undefined &&
      /^[a-z]+$/.test(next) &&
      (COMPOUND_HEADS.has(w) || COMPOUNDS.has(w + next) || (w === 'hand' && HAND_MADE.test(next)))
    ) {
      out.push({ word: w + next, source: `${w} ${next}` });
      i++;
    } else out.push({ word: w, source: w });
  }
  return out;
}

/** One word to its index form: canonical spelling, then the Porter2 stem (numbers unchanged). */
export function termOf(word: string): string {
  const w = CANONICAL[word] ?? word;
  if (w.length <= 2 || /\d/.test(w)) return w;
  return stem(w);
}

/** Query terms of `text`, in order, with the words each came from. */
export function sourcedTerms(text: string): SourcedTerm[] {
  const words = searchWords(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => (w.length > MAX_WORD_LENGTH ? w.slice(0, MAX_WORD_LENGTH) : w));
  return joinCompounds(words).map(({ word, source }) => ({ term: termOf(word), source }));
}

/** Query terms of `text`, in order: stop words dropped, compounds joined, stemmed. */
export function searchTerms(text: string): string[] {
  return sourcedTerms(text).map((t) => t.term);
}

/**
 * Index terms of `text`: the query terms, and after each joined compound its parts too, so
 * "hand-knitted" is found by "hand knitted", "handknitted" and plain "knitted".
 */
export function indexTerms(text: string): string[] {
  return sourcedTerms(text).flatMap(({ term, source }) =>
    source.includes(' ')
      ? [
          term,
          ...source
            .split(' ')
            .filter((w) => !STOP_WORDS.has(w))
            .map(termOf),
        ]
      : [term],
  );
}

/** Query terms of `text` as one space-separated string. */
export function termText(text: string): string {
  return searchTerms(text).join(' ');
}

/** Index terms of `text` as one space-separated string. */
export function indexTermText(text: string): string {
  return indexTerms(text).join(' ');
}

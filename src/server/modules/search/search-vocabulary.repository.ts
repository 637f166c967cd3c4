// The catalogue's own vocabulary, read for spelling suggestions: every word of active listings'
// titles, tags and materials with the number of listings using it.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/kysely';

export async function loadVocabularyWords(db: DbOrTx): Promise<{ word: string; n: number }[]> {
  const { rows } = await sql<{ word: string; n: number }>`
    select w as word, count(*)::int as n
    from products p,
      regexp_split_to_table(
        lower(p.title || ' ' || array_to_string(p.tags, ' ') || ' ' || array_to_string(p.materials, ' ')),
        '[^a-z0-9]+') w
    where p.status = 'active' and length(w) between 2 and 30
    group by w`.execute(db);
  return rows;
}

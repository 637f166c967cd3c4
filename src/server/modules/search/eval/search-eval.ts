// Runs the judged query set against one engine and scores it: recall@24 (share of the listings
// that must be found that are on the first page, out of at most 24), MRR (1 / rank of the first
// one) and nDCG@10 (binary gains), per query class and overall; plus forbidden hits and
// did-you-mean accuracy. Relevance is judged from the database rows, not from either engine.
import { sql } from 'kysely';
import { type SearchEngine, searchProductsInput } from '../../../../shared/schemas/search';
import { listingAvailableSql } from '../../../db/available-units';
import type { AppDeps } from '../../../deps';
import { searchProducts } from '../search.service';
import { type JudgedQuery, type QueryClass, queryClasses } from './judged-queries';

export const PAGE = 24;
const NDCG_AT = 10;

export interface QueryScore {
  query: JudgedQuery;
  relevantCount: number;
  recall: number | null;
  rr: number | null;
  ndcg: number | null;
  missing: string[];
  forbidden: string[];
  suggestion: string | null;
  suggestionOk: boolean | null;
}

export interface ClassScore {
  cls: QueryClass | 'overall';
  queries: number;
  recall: number;
  mrr: number;
  ndcg: number;
  forbidden: number;
  suggestions: string;
}

interface JudgedListing {
  id: number;
  title: string;
  text: string;
}

/** Every active, in-stock listing with the text the judgement patterns read. */
export async function judgedListings(deps: AppDeps): Promise<JudgedListing[]> {
  const { rows } = await sql<{ id: number; title: string; text: string }>`
    select p.id, p.title,
      lower(p.title || ' | ' || array_to_string(p.tags, ', ') || ' | ' || array_to_string(p.materials, ', ')
        || ' | ' || c.name || ' | ' || coalesce(d.name, '')
        -- Variation values (a ring offered in 9ct gold is a gold ring to a shopper), issue 16.
        || ' | ' || coalesce((select string_agg(v, ', ') from jsonb_array_elements(p.variation_properties) e,
                                jsonb_array_elements_text(e->'values') v), ''))
        || case when p.is_vintage then ' [vintage]' else '' end as text
    from products p join categories c on c.id = p.category_id left join categories d on d.id = c.parent_id
    where p.status = 'active' and ${listingAvailableSql('p')} > 0`.execute(deps.db);
  return rows;
}

function dcg(flags: boolean[]): number {
  return flags.reduce((sum, rel, i) => sum + (rel ? 1 / Math.log2(i + 2) : 0), 0);
}

export async function scoreQuery(deps: AppDeps, listings: JudgedListing[], query: JudgedQuery): Promise<QueryScore> {
  const result = await searchProducts(deps, searchProductsInput.parse({ q: query.q, pageSize: PAGE }));
  const byId = new Map(listings.map((l) => [l.id, l]));
  const hitIds = result.hits.map((h) => h.id);
  const relevant = query.relevant ? listings.filter((l) => query.relevant!.test(l.text)) : [];
  const relevantIds = new Set(relevant.map((l) => l.id));
  const flags = hitIds.map((id) => relevantIds.has(id));
  const scored = query.relevant && relevant.length > 0;
  const firstHit = flags.indexOf(true);
  const ideal = Math.min(relevant.length, NDCG_AT);
  return {
    query,
    relevantCount: relevant.length,
    recall: scored ? flags.filter(Boolean).length / Math.min(relevant.length, PAGE) : null,
    rr: scored ? (firstHit === -1 ? 0 : 1 / (firstHit + 1)) : null,
    ndcg: scored ? dcg(flags.slice(0, NDCG_AT)) / dcg(Array.from({ length: ideal }, () => true)) : null,
    missing: scored
      ? relevant
          .filter((l) => !hitIds.includes(l.id))
          .slice(0, 3)
          .map((l) => l.title)
      : [],
    forbidden: query.forbid
      ? hitIds
          .map((id) => byId.get(id))
          .filter((l) => l && query.forbid!.test(l.text))
          .map((l) => l!.title)
      : [],
    suggestion: result.suggestion,
    suggestionOk: query.suggest === undefined ? null : result.suggestion === query.suggest,
  };
}

export async function runEval(deps: AppDeps, queries: JudgedQuery[]): Promise<QueryScore[]> {
  const listings = await judgedListings(deps);
  const scores: QueryScore[] = [];
  for (const query of queries) scores.push(await scoreQuery(deps, listings, query));
  return scores;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 1);

export function summarise(scores: QueryScore[]): ClassScore[] {
  const groups: [QueryClass | 'overall', QueryScore[]][] = [
    ...queryClasses.map((c) => [c, scores.filter((s) => s.query.cls === c)] as [QueryClass, QueryScore[]]),
    ['overall', scores],
  ];
  return groups
    .filter(([, g]) => g.length > 0)
    .map(([cls, g]) => {
      const judged = g.filter((s) => s.recall !== null);
      const suggested = g.filter((s) => s.suggestionOk !== null);
      return {
        cls,
        queries: g.length,
        recall: mean(judged.map((s) => s.recall!)),
        mrr: mean(judged.map((s) => s.rr!)),
        ndcg: mean(judged.map((s) => s.ndcg!)),
        forbidden: g.reduce((n, s) => n + s.forbidden.length, 0),
        suggestions: suggested.length ? `${suggested.filter((s) => s.suggestionOk).length}/${suggested.length}` : '-',
      };
    });
}

export function formatReport(engine: SearchEngine, scores: QueryScore[]): string {
  const rows = summarise(scores);
  const f = (n: number) => n.toFixed(3);
  const lines = [
    `${engine}: ${scores.length} queries`,
    `  ${'class'.padEnd(12)} ${'n'.padStart(4)} ${'recall@24'.padStart(10)} ${'MRR'.padStart(7)} ${'nDCG@10'.padStart(8)} ${'forbidden'.padStart(10)} ${'did-you-mean'.padStart(13)}`,
    ...rows.map(
      (r) =>
        `  ${r.cls.padEnd(12)} ${String(r.queries).padStart(4)} ${f(r.recall).padStart(10)} ${f(r.mrr).padStart(7)} ${f(r.ndcg).padStart(8)} ${String(r.forbidden).padStart(10)} ${r.suggestions.padStart(13)}`,
    ),
  ];
  const misses = scores.filter(
    (s) =>
      (s.recall !== null && s.recall < 1) ||
      (s.rr !== null && s.rr < 1) ||
      s.forbidden.length > 0 ||
      s.suggestionOk === false ||
      (s.query.relevant && s.relevantCount === 0),
  );
  if (misses.length) lines.push('  misses:');
  for (const m of misses) {
    const parts = [`[${m.query.cls}] "${m.query.q}"`];
    if (m.query.relevant && m.relevantCount === 0) parts.push('no listing in the catalogue matches the judgement');
    if (m.recall !== null) parts.push(`recall ${f(m.recall)} of ${m.relevantCount}, rr ${f(m.rr!)}`);
    if (m.missing.length && m.recall !== null && m.recall < 1)
      parts.push(`missing e.g. ${m.missing.map((t) => `"${t}"`).join(', ')}`);
    if (m.forbidden.length)
      parts.push(
        `forbidden: ${m.forbidden
          .slice(0, 3)
          .map((t) => `"${t}"`)
          .join(', ')}`,
      );
    if (m.suggestionOk === false)
      parts.push(`suggested ${JSON.stringify(m.suggestion)}, expected "${m.query.suggest}"`);
    lines.push(`    ${parts.join('; ')}`);
  }
  return lines.join('\n');
}

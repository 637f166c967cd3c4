// `bun run search:report [--days N] [--limit N]`
// Top queries and zero-result queries from the search analytics (search_query_stats), against
// the services the app would use: how the synonym list is curated (a zero-result query that a
// shopper meant as something the catalogue has is a missing synonym).
import { parseArgs } from 'node:util';
import { type QueryReportRow, queryReport } from '../src/server/modules/search/search-analytics.repository';
import { runWithServices } from './lib/run-with-services';

const { values } = parseArgs({
  options: { days: { type: 'string', default: '7' }, limit: { type: 'string', default: '25' } },
});
const days = Number(values.days);
const limit = Number(values.limit);
if (!Number.isInteger(days) || days < 1 || days > 3650 || !Number.isInteger(limit) || limit < 1 || limit > 1000) {
  console.error('search:report: --days must be 1..3650 and --limit 1..1000');
  process.exit(2);
}

function table(title: string, rows: QueryReportRow[]): string {
  if (rows.length === 0) return `${title}\n  (none)`;
  const width = Math.min(40, Math.max(5, ...rows.map((r) => r.query.length)));
  return [
    title,
    `  ${'query'.padEnd(width)} ${'searches'.padStart(9)} ${'zero'.padStart(6)} ${'avg results'.padStart(12)} ${'clicks'.padStart(7)} ${'CTR'.padStart(6)}`,
    ...rows.map(
      (r) =>
        `  ${r.query.slice(0, width).padEnd(width)} ${String(r.searches).padStart(9)} ${String(r.zeroResults).padStart(6)} ${r.avgResults.toFixed(1).padStart(12)} ${String(r.clicks).padStart(7)} ${(r.searches ? `${Math.round((100 * r.clicks) / r.searches)}%` : '-').padStart(6)}`,
    ),
  ].join('\n');
}

await runWithServices('search:report', async (deps) => {
  const report = await queryReport(deps.db, days, limit);
  console.log(table(`Top queries, last ${days} day(s)`, report.top));
  console.log('');
  console.log(table(`Queries with zero results, last ${days} day(s)`, report.zeroResults));
});

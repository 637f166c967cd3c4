// Reference tax rates by destination: US state sales tax (state level, no local add-ons),
// UK VAT, EU standard VAT, Canadian GST/HST (+ provincial PST/QST folded in) and Australian GST.
// region '' is the country-wide rate; a row with a region overrides it. Values in basis points.
import { type Kysely, sql } from 'kysely';

const US: Record<string, number> = {
  AL: 400,
  AK: 0,
  AZ: 560,
  AR: 650,
  CA: 725,
  CO: 290,
  CT: 635,
  DE: 0,
  DC: 600,
  FL: 600,
  GA: 400,
  HI: 400,
  ID: 600,
  IL: 625,
  IN: 700,
  IA: 600,
  KS: 650,
  KY: 600,
  LA: 500,
  ME: 550,
  MD: 600,
  MA: 625,
  MI: 600,
  MN: 688,
  MS: 700,
  MO: 423,
  MT: 0,
  NE: 550,
  NV: 685,
  NH: 0,
  NJ: 663,
  NM: 488,
  NY: 400,
  NC: 475,
  ND: 500,
  OH: 575,
  OK: 450,
  OR: 0,
  PA: 600,
  RI: 700,
  SC: 600,
  SD: 420,
  TN: 700,
  TX: 625,
  UT: 610,
  VT: 600,
  VA: 530,
  WA: 650,
  WV: 600,
  WI: 500,
  WY: 400,
};

const EU_AND_UK: Record<string, number> = {
  GB: 2000,
  AT: 2000,
  BE: 2100,
  BG: 2000,
  HR: 2500,
  CY: 1900,
  CZ: 2100,
  DK: 2500,
  EE: 2400,
  FI: 2550,
  FR: 2000,
  DE: 1900,
  GR: 2400,
  HU: 2700,
  IE: 2300,
  IT: 2200,
  LV: 2100,
  LT: 2100,
  LU: 1700,
  MT: 1800,
  NL: 2100,
  PL: 2300,
  PT: 2300,
  RO: 2100,
  SK: 2300,
  SI: 2200,
  ES: 2100,
  SE: 2500,
};

const CA: Record<string, number> = {
  '': 500,
  AB: 500,
  BC: 1200,
  MB: 1200,
  NB: 1500,
  NL: 1500,
  NS: 1400,
  NT: 500,
  NU: 500,
  ON: 1300,
  PE: 1500,
  QC: 1498,
  SK: 1100,
  YT: 500,
};

function rows() {
  return [
    ...Object.entries(US).map(([region, rate_bps]) => ({ country: 'US', region, rate_bps })),
    ...Object.entries(EU_AND_UK).map(([country, rate_bps]) => ({ country, region: '', rate_bps })),
    ...Object.entries(CA).map(([region, rate_bps]) => ({ country: 'CA', region, rate_bps })),
    { country: 'AU', region: '', rate_bps: 1000 },
  ];
}

export async function up(db: Kysely<any>): Promise<void> {
  await db
    .insertInto('tax_rates')
    .values(rows())
    .onConflict((oc) => oc.columns(['country', 'region']).doUpdateSet({ rate_bps: sql`excluded.rate_bps` }))
    .execute();
  // Seller order lists filter by status; buyers' and sellers' lists page by id.
  await sql`create index if not exists orders_shop_status_idx on orders (shop_id, status, id)`.execute(db);
  await sql`create index if not exists orders_payment_idx on orders (payment_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists orders_payment_idx`.execute(db);
  await sql`drop index if exists orders_shop_status_idx`.execute(db);
  for (const r of rows())
    await db.deleteFrom('tax_rates').where('country', '=', r.country).where('region', '=', r.region).execute();
}

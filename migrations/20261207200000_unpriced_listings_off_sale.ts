// A listing on sale has a price (decision 0199). Rows from before prices were required could
// still be on sale at $0.00: cards showed "$0.00" and checkout sold them for nothing. Those rows
// are taken off sale (archived: hidden from shoppers, kept for the seller, who restores the
// listing once it has a price; the products trigger queues their search removal), and a check
// keeps any listing from being on sale without a price again, whatever writes the row. A listing
// with combinations is priced from its cheapest enabled one, so a $0.00 combination counts too.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    update products set status = 'archived', updated_at = now()
    where status = 'active' and price_cents <= 0`.execute(db);
  await sql`
    alter table products add constraint products_on_sale_priced
    check (status <> 'active' or price_cents > 0)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table products drop constraint products_on_sale_priced`.execute(db);
}

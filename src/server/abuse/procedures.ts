// Every procedure of appRouter by dotted path, with its kind, zod inputs and authz metadata: the
// list the fuzz, CSRF and authorisation matrix tests walk, so a newly added procedure is covered
// without editing them.
import { appRouter } from '../trpc/root';
import type { ProcedureMeta } from '../trpc/trpc';

export type ProcType = 'query' | 'mutation' | 'subscription';
export interface ProcedureInfo {
  path: string;
  type: ProcType;
  /** In builder order: the ownership procedures' id schemas first, the procedure's own schema last. */
  inputs: unknown[];
  meta: Partial<ProcedureMeta> | undefined;
}

export function allProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcType; inputs: unknown[]; meta?: Partial<ProcedureMeta> } }
  >;
  return Object.entries(record).map(([path, p]) => ({
    path,
    type: p._def.type,
    inputs: p._def.inputs,
    meta: p._def.meta,
  }));
}

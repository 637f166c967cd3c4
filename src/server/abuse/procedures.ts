// Every procedure of appRouter by dotted path, with its kind and zod input: the list the fuzz and
// the authorisation matrix walk, so a newly added procedure is covered without editing them.
import { appRouter } from '../trpc/root';

export type ProcType = 'query' | 'mutation' | 'subscription';
export interface ProcedureInfo {
  path: string;
  type: ProcType;
  inputs: unknown[];
}

export function allProcedures(): ProcedureInfo[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: ProcType; inputs: unknown[] } }
  >;
  return Object.entries(record).map(([path, p]) => ({ path, type: p._def.type, inputs: p._def.inputs }));
}

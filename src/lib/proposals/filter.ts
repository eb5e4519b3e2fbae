import type { ProposalData } from '../../content/types.ts';

/** What a 专题's proposal list asks for: every given condition must hold (主办单位 for `unit`). */
export interface ProposalFilter {
  session?: string;
  category?: string;
  status?: string;
  unit?: string;
  sector?: string;
  /** Only key proposals (重点提案). */
  key?: boolean;
}

/** Whether a proposal meets every condition of the filter. */
export function matchesFilter(p: ProposalData, f: ProposalFilter): boolean {
  return (
    (!f.session || p.session === f.session) &&
    (!f.category || p.category === f.category) &&
    (!f.status || p.status === f.status) &&
    (!f.unit || p.leadUnits.includes(f.unit)) &&
    (!f.sector || p.sector === f.sector) &&
    (!f.key || p.key)
  );
}

/** A component's string attributes as a filter (a bare `key` attribute arrives as `true`). */
export function filterFromProps(props: Record<string, string | boolean | undefined>): ProposalFilter {
  const f: ProposalFilter = {};
  for (const k of ['session', 'category', 'status', 'unit', 'sector'] as const) {
    const v = props[k];
    if (typeof v === 'string' && v) f[k] = v;
  }
  if (props.key === true || props.key === 'true') f.key = true;
  return f;
}

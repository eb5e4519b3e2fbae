/**
 * The choices of a taxonomy picker in the CMS (届次, 承办单位, 类别 …) and how typing narrows them. Decap's relation
 * widget ranks by fuzzy subsequence, where 第三次 matches 第十三届…第五次会议 first (第…三…次) and Enter then picks another
 * meeting; here every typed word must appear as written, in the name, the short name or the id.
 */

export interface TaxonomyItem {
  id: string;
  name: string;
  shortName?: string | undefined;
}

export interface PickOption {
  value: string;
  label: string;
  /** The unit's role in the proposal (主办, 协办, 会办) when the choice is limited to the entry's own units. */
  role?: string | undefined;
  /** Words matched besides the label: the id and the short name. */
  also: string[];
  /** The value is kept though no longer allowed (a unit removed from the proposal): shown, never silently dropped. */
  stale?: boolean;
}

/** Taxonomy items read from YAML (ids may be numbers, names missing), as picker options. */
export function optionsOf(items: unknown): PickOption[] {
  if (!Array.isArray(items)) return [];
  return items
    .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object' && i.id !== undefined && i.id !== null)
    .map((i) => {
      const value = String(i.id);
      const shortName = typeof i.shortName === 'string' ? i.shortName : undefined;
      return {
        value,
        label: typeof i.name === 'string' && i.name ? i.name : value,
        also: [value, ...(shortName ? [shortName] : [])],
      };
    });
}

/**
 * In how few pieces, in order, `typed` is found in `text` (1: as written), or undefined when it is not. Each piece
 * but a lone typed character is at least two characters long, so 十四届第三次 finds 第十四届…第三次会议 (十四届 + 第三次) while
 * 第三次 does not find 第十三届…第五次会议 (第 … 三 … 次).
 */
export function pieces(typed: string, text: string): number | undefined {
  if (typed === '') return 0;
  if (text.includes(typed)) return 1;
  let count = 0;
  let from = 0;
  for (let i = 0; i < typed.length; ) {
    let len = typed.length - i;
    while (len > 0 && text.indexOf(typed.slice(i, i + len), from) < 0) len--;
    if (len === 0 || (len < 2 && typed.length > 1)) return undefined;
    from = text.indexOf(typed.slice(i, i + len), from) + len;
    i += len;
    count++;
  }
  return count;
}

/** How well an option answers what was typed (lower is better), or undefined: every word must be found. */
export function matchScore(option: PickOption, typed: string): number | undefined {
  const words = typed
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean);
  const texts = [option.label, ...option.also].map((t) => t.toLowerCase());
  let score = 0;
  for (const w of words) {
    const best = Math.min(...texts.map((t) => pieces(w, t) ?? Infinity));
    if (best === Infinity) return undefined;
    score += best;
  }
  return score;
}

/** The options answering what was typed, best first (found as written before found in pieces), else in their order. */
export function rankOptions(options: PickOption[], typed: string): PickOption[] {
  if (!typed.trim()) return options;
  return options
    .map((o, i) => ({ o, i, score: matchScore(o, typed) }))
    .filter((x): x is { o: PickOption; i: number; score: number } => x.score !== undefined)
    .sort((a, b) => a.score - b.score || a.i - b.i)
    .map((x) => x.o);
}

/**
 * The options allowed by the entry's own fields (`within`, e.g. a proposal's 主办/协办/会办 units), in the order of those
 * fields, each with the role of its field. A current value outside them stays, marked, so the rules can name it.
 */
export function optionsWithin(
  options: PickOption[],
  data: Record<string, unknown>,
  within: readonly string[],
  roles: readonly string[],
  current: string[] = [],
): PickOption[] {
  const byValue = new Map(options.map((o) => [o.value, o]));
  const out: PickOption[] = [];
  within.forEach((field, i) => {
    const values = data[field];
    for (const v of Array.isArray(values) ? values : []) {
      const value = String(v);
      if (out.some((o) => o.value === value)) continue;
      const o = byValue.get(value) ?? { value, label: value, also: [value] };
      out.push({ ...o, role: roles[i] });
    }
  });
  for (const value of current) {
    if (value && !out.some((o) => o.value === value))
      out.push({ ...(byValue.get(value) ?? { value, label: value, also: [value] }), stale: true });
  }
  return out;
}

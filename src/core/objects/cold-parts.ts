import type { CodeVerdict, SymbolComparison } from './model.js'

/** `probe.cold`, `probe.part.0.cold` (GCC 8+), `probe.cold.3` (older GCC numbered them). */
const COLD = /\.cold(\.\d+)?$/

/** The function a `.cold` part was split from, or undefined for any other name. */
export function coldParent(name: string): string | undefined {
  return COLD.test(name) ? name.replace(COLD, '') : undefined
}

const RANK: Record<CodeVerdict, number> = {
  unchanged: 0,
  'line-only': 1,
  changed: 2,
  added: 2,
  removed: 2
}

/** What a cold part's own verdict means for its parent, in the parent's terms. */
function asParent(cold: SymbolComparison): { verdict: CodeVerdict; detail?: string } {
  if (cold.verdict === 'unchanged') return cold
  if (cold.verdict === 'line-only')
    return { verdict: 'line-only', detail: `${cold.detail ?? ''} (in ${cold.name})` }
  if (cold.verdict === 'added')
    return { verdict: 'changed', detail: `now has a cold part ${cold.name}` }
  if (cold.verdict === 'removed')
    return { verdict: 'changed', detail: `no longer has a cold part ${cold.name}` }
  return { verdict: 'changed', detail: `its cold part ${cold.name} changed: ${cold.detail ?? ''}` }
}

/**
 * GCC's hot/cold splitting moves a function's unlikely paths into `foo.cold`, a part with its own
 * symbol that only `foo` jumps into and that jumps back into `foo`: not a function anybody calls,
 * and not one a livepatch replaces on its own (kpatch patches it as a child of its parent, and
 * klp's ftrace hook sits on `foo`'s entry only). Its verdict is folded into its parent's: the
 * parent changed when either part did. A cold part whose parent is not in the object either (it
 * cannot happen with GCC) stays as it is.
 */
export function foldColdParts(symbols: SymbolComparison[]): SymbolComparison[] {
  const functions = new Map<string, SymbolComparison>()
  for (const s of symbols) if (s.kind === 'function') functions.set(s.name, s)
  const out: SymbolComparison[] = []
  const folded = new Map<SymbolComparison, SymbolComparison>()
  for (const s of symbols) {
    const parentName = s.kind === 'function' ? coldParent(s.name) : undefined
    const parent = parentName === undefined ? undefined : functions.get(parentName)
    if (!parent) {
      out.push(s)
      continue
    }
    // A parent added or removed takes its cold part with it.
    if (parent.verdict === 'added' || parent.verdict === 'removed') continue
    const current = folded.get(parent) ?? parent
    const part = asParent(s)
    if (RANK[part.verdict] > RANK[current.verdict]) folded.set(parent, { ...current, ...part })
    else if (part.verdict === 'line-only' && current.verdict === 'line-only')
      folded.set(parent, { ...current, detail: `${current.detail ?? ''}; ${part.detail ?? ''}` })
  }
  return out.map(s => folded.get(s) ?? s)
}

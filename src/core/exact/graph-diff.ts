import type { TuGraph } from '../dumps/tu-graph.js'
import { baseName, symbolRemoved } from '../graph/walk.js'

/** What GCC decided differently for one function of a TU after the fix, seen in the two dumps. */
export interface GraphFlip {
  /** The function whose machine code the decision changes (a symbol of both builds). */
  name: string
  /** `inline`: its set of inlined bodies changed; `clone`: it is a clone derived differently. */
  kind: 'inline' | 'clone'
  /** One line for the chain: `now inlines compute_score`, `no longer inlines compute_score (calls it)`. */
  reason: string
}

/** A clone the fix made or dropped: a new or vanished symbol, whose callers the dumps do not name. */
export interface CloneChange {
  name: string
  origin: string
  reason: string
  change: 'made' | 'dropped'
}

export interface GraphDiff {
  flips: GraphFlip[]
  clones: CloneChange[]
}

/**
 * Compares one TU's clone graphs before and after the fix.
 *
 * Inlined bodies are compared by base name: a callee inlined as `find_next_bit` before and as
 * `find_next_bit.constprop.0` after is the same code once inlined (GCC propagated the constant the
 * call site had anyway); on the accuracy benchmark's rebuilt objects such pairs never changed code.
 * A function counts only when it is a symbol in both builds: one newly kept out of line is new
 * code (its callers show as "no longer inlines"), one newly fully inlined is gone.
 */
export function diffGraphs(pre: TuGraph, post: TuGraph): GraphDiff {
  const before = inlinedInto(pre)
  const after = inlinedInto(post)
  const flips: GraphFlip[] = []
  const names = [...new Set([...before.keys(), ...after.keys()])].sort()
  for (const name of names) {
    if (!wasSymbol(pre, name) || !wasSymbol(post, name)) continue
    const was = before.get(name) ?? new Set<string>()
    const now = after.get(name) ?? new Set<string>()
    const gained = [...now].filter(n => !was.has(n)).sort()
    const lost = [...was].filter(n => !now.has(n)).sort()
    if (gained.length === 0 && lost.length === 0) continue
    const words: string[] = []
    if (gained.length > 0) words.push(`now inlines ${gained.join(', ')}`)
    if (lost.length > 0) words.push(`no longer inlines ${lost.join(', ')} (calls it)`)
    flips.push({ name, kind: 'inline', reason: `after the fix GCC ${words.join('; ')}` })
  }
  const preClones = clonesOf(pre)
  const postClones = clonesOf(post)
  const clones: CloneChange[] = []
  for (const [name, derived] of postClones) {
    const old = preClones.get(name)
    if (!old) clones.push({ name, ...derived, change: 'made' })
    else if (old.origin !== derived.origin || old.reason !== derived.reason) {
      if (!isSymbol(pre, name) || !isSymbol(post, name)) continue
      flips.push({
        name,
        kind: 'clone',
        reason: `after the fix GCC derives it from ${derived.origin} (${derived.reason}), before from ${old.origin} (${old.reason})`
      })
    }
  }
  for (const [name, derived] of preClones)
    if (!postClones.has(name)) clones.push({ name, ...derived, change: 'dropped' })
  clones.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  return { flips, clones }
}

/**
 * Function name -> base names of every body its code ends up containing. Transitive, because the
 * order of GCC's decisions is not the code: `a` inlined into `b` and then `b` into `c` gives `c` the
 * same code as `b` inlined into `c` and then `a` into `c`, yet the dump lines differ. Edges are in
 * decision order, so a clone takes its origin's bodies as they were when it was made.
 */
function inlinedInto(g: TuGraph): Map<string, Set<string>> {
  const into = new Map<string, Set<string>>()
  for (const e of g.edges) {
    if (e.from === e.to || e.copy) continue
    const to = g.nodes[e.to].name
    const fromName = g.nodes[e.from].name
    let set = into.get(to)
    if (!set) into.set(to, (set = new Set()))
    const carried = into.get(fromName) ?? []
    if (e.kind === 'inline') {
      const from = baseName(fromName)
      if (from !== baseName(to)) set.add(from)
    }
    for (const b of carried) if (b !== baseName(to)) set.add(b)
  }
  return into
}

function clonesOf(g: TuGraph): Map<string, { origin: string; reason: string }> {
  const out = new Map<string, { origin: string; reason: string }>()
  for (const e of g.edges) {
    if (e.kind !== 'clone' || e.copy) continue
    const name = g.nodes[e.to].name
    if (!out.has(name)) out.set(name, { origin: g.nodes[e.from].name, reason: e.reason })
  }
  return out
}

/**
 * A function whose body nothing was inlined into has no line in its TU's dump, yet it is a symbol:
 * absent from a dump counts as present, unless the name is a GCC clone's (then it is new).
 * Functions the fix adds are dropped by the caller, which knows the diff.
 */
function wasSymbol(g: TuGraph, name: string): boolean {
  return g.byName.has(name) ? !symbolRemoved(g, name) : !name.includes('.')
}

function isSymbol(g: TuGraph, name: string): boolean {
  return g.byName.has(name) && !symbolRemoved(g, name)
}

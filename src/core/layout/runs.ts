import { maskCommentsAndStrings } from '../source/mask.js'
import { layoutOf, splitTop, withoutDefines, type Resolve } from './struct-layout.js'

/** The members a change rewrites, judged without the rest of the struct. */
export interface RunVerdict {
  /** Old members of the run at the same place with another type. */
  retyped: string[]
  /** Old members of the run the new one lacks. */
  removed: string[]
  /** Members only the new run has. */
  added: string[]
}

// x86_64's largest scalar alignment: a run whose members need more is not judged here.
const MAX_ALIGN = 8
const PAD = '__klp_run_pad'
const END = '__klp_run_end'

/**
 * Some structs cannot be laid out whole (`struct net_device`: cacheline-aligned groups, members
 * that macros generate), yet a fix rewrites a few members in the middle (`enum {...} reg_state:8`
 * becomes `u8 reg_state`). The members before the rewritten run are the same text on both sides,
 * so the run starts at the same offset S; the members after it are the same text, so they keep
 * their places when the run ends at the same bit. Where S falls is unknown, but it is byte-aligned
 * when a plain member precedes the run, and only S modulo the run's alignment matters: the run is
 * laid out at each of the 8 byte residues, old and new, and must place every old member and its
 * end alike in all of them. If the run's alignment changes, another member must already give the
 * struct at least the larger one. Undefined when any of this cannot be shown: the caller keeps
 * its conservative verdict.
 */
export function compareRuns(
  before: string,
  after: string,
  resolve: Resolve,
  enumSize: number
): RunVerdict | undefined {
  const a = members(before)
  const b = members(after)
  const { p, q } = commonEnds(a, b)
  const runA = a.slice(p, a.length - q).map(m => m.text)
  const runB = b.slice(p, b.length - q).map(m => m.text)
  if (runA.length === 0 && runB.length === 0) return { retyped: [], removed: [], added: [] }
  if (p > 0 && isBitfield(a[p - 1].key)) return undefined
  let verdict: RunVerdict | undefined
  for (let r = 0; r < MAX_ALIGN; r++) {
    const la = laidOut(runA, r, resolve, enumSize)
    const lb = laidOut(runB, r, resolve, enumSize)
    if (!la || !lb || la.align > MAX_ALIGN || lb.align > MAX_ALIGN) return undefined
    if (la.members.get(END)?.bit !== lb.members.get(END)?.bit) return undefined
    const v: RunVerdict = { retyped: [], removed: [], added: [] }
    for (const [name, m] of la.members) {
      if (name === PAD || name === END) continue
      const n = lb.members.get(name)
      if (!n) v.removed.push(name)
      else if (n.bit !== m.bit || n.bits !== m.bits) return undefined
      else if (n.type !== m.type) v.retyped.push(name)
    }
    for (const name of lb.members.keys()) if (!la.members.has(name)) v.added.push(name)
    if (la.align !== lb.align) {
      const need = Math.max(la.align, lb.align)
      const others = [...a.slice(0, p), ...a.slice(a.length - q)]
      if (!others.some(m => (layoutOf(m.text, 'struct', resolve, enumSize)?.align ?? 0) >= need))
        return undefined
    }
    if (verdict && JSON.stringify(verdict) !== JSON.stringify(v)) return undefined
    verdict ??= v
  }
  return verdict
}

/** Member declarations of a body, each with a key that ignores comments and spacing. */
export function members(body: string): Array<{ text: string; key: string }> {
  const bare = withoutDefines(maskCommentsAndStrings(body, false))
  return splitTop(bare, ';')
    .filter(text => text.trim() !== '')
    .map(text => ({ text, key: text.replace(/\s+/g, ' ').trim() }))
}

/** How many members both sides start with (`p`) and end with (`q`), by key, not overlapping. */
export function commonEnds(
  a: ReadonlyArray<{ key: string }>,
  b: ReadonlyArray<{ key: string }>
): { p: number; q: number } {
  let p = 0
  while (p < a.length && p < b.length && a[p].key === b[p].key) p++
  let q = 0
  while (
    q < a.length - p &&
    q < b.length - p &&
    a[a.length - 1 - q].key === b[b.length - 1 - q].key
  )
    q++
  return { p, q }
}

/** A bitfield declaration: a `:` outside braces and brackets (its next member may share bits). */
function isBitfield(decl: string): boolean {
  return /(?<!:):(?!:)/.test(decl.replace(/\{[^]*\}/g, '').replace(/\[[^\]]*\]/g, ''))
}

function laidOut(run: string[], pad: number, resolve: Resolve, enumSize: number) {
  // A one-bit bitfield after the run lands on the run's first free bit: where the next member starts.
  const body = [...(pad > 0 ? [`char ${PAD}[${pad}]`] : []), ...run, `unsigned char ${END}:1`]
  return layoutOf(body.join('; ') + ';', 'struct', resolve, enumSize)
}

import { commonEnds, members } from './runs.js'
import { layoutOf, type Layout, type Resolve } from './struct-layout.js'
import { raised } from './aligned.js'

/** What a struct change moves, laid out from its start to where the old and new offsets meet. */
export interface MovedMembers {
  /** Old members whose place or type differs afterwards. */
  moved: string[]
  /** The size and alignment are shown to stay. */
  sizeKept: boolean
  /** Old members the new struct lacks, and members only the new one has. */
  removed: string[]
  added: string[]
  /**
   * The first member after a change that could not be sized, when the offsets had not met before
   * it (run-moves): it and every member after it are in `moved`, whether they move or not.
   */
  unsized?: string
}

/**
 * Many structs cannot be laid out whole (`struct xhci_hcd` ends in a flexible array with
 * `__aligned`), yet a fix inserts a member in the middle, often into padding: `dma_mask_bits`
 * after `page_size` moves `page_shift` and `msix_count`, and `clk`, 8-aligned, starts where it
 * did. The members before the change are the same text on both sides and are laid out exactly;
 * the rewritten run and the members after it are laid out one by one, old and new, until a member
 * that is the same text starts at the same bit on both sides: every member after it keeps its
 * place too, whatever it is. Undefined when a member up to that point cannot be sized exactly, or
 * when the offsets never meet and the rest cannot be laid out (the caller keeps every member
 * after the change for moved).
 */
export function movedMembers(
  before: string,
  after: string,
  resolve: Resolve,
  /** The alignment the struct's own `aligned(N)` raises both sides to (1: none). */
  raise = 1
): MovedMembers | undefined {
  let verdict: MovedMembers | undefined
  // Enums are 4 bytes unless a value needs 8: both must give the same answer.
  for (const enumSize of [4, 8]) {
    const v = movedWith(before, after, resolve, enumSize, raise)
    if (!v || (verdict && JSON.stringify(verdict) !== JSON.stringify(v))) return undefined
    verdict ??= v
  }
  return verdict
}

function movedWith(
  before: string,
  after: string,
  resolve: Resolve,
  enumSize: number,
  raise: number
): MovedMembers | undefined {
  const a = members(before)
  const b = members(after)
  const { q } = commonEnds(a, b)
  const suffix = a.slice(a.length - q)
  const head = (list: Array<{ text: string }>, rest: number): Layout | undefined =>
    layoutOf(
      [...list.slice(0, list.length - q), ...suffix.slice(0, rest)].map(m => `${m.text};`).join(''),
      'struct',
      resolve,
      enumSize
    )
  // Each suffix member alone: the first one that cannot be sized ends what can be laid out, and
  // its names tell where it starts. One layout up to there, then one up to the member that meets.
  const own = suffix.map(m => layoutOf(`${m.text};`, 'struct', resolve, enumSize))
  const sized = own.findIndex(o => o === undefined)
  const end = sized < 0 ? q : sized
  const fa = head(a, end)
  const fb = head(b, end)
  if (!fa || !fb) return undefined
  const at = own.slice(0, end).findIndex(o => sameStart(fa, fb, [...(o?.members.keys() ?? [])]))
  const met = at >= 0
  if (!met && end < q) return undefined
  const la = met ? head(a, at + 1) : fa
  const lb = met ? head(b, at + 1) : fb
  if (!la || !lb) return undefined
  const moved = new Set<string>()
  for (const [name, m] of la.members) {
    const n = lb.members.get(name)
    if (n && (n.bit !== m.bit || n.bits !== m.bits || n.type !== m.type)) moved.add(name)
  }
  // Met: the members after are the same and in the same places, so the size stays unless the
  // alignment does not (it is the largest of every member's, those not laid out included).
  // Not met: the whole struct was laid out.
  const sa = raised(la, raise)
  const sb = raised(lb, raise)
  const sizeKept = sa.align === sb.align && (met || sa.size === sb.size)
  const removed = [...la.members.keys()].filter(n => !lb.members.has(n)).sort()
  const added = [...lb.members.keys()].filter(n => !la.members.has(n)).sort()
  return { moved: [...moved].sort(), sizeKept, removed, added }
}

/** Whether a member (its `names`) starts at the same bit in both layouts. */
export function sameStart(la: Layout, lb: Layout, names: readonly string[]): boolean {
  if (names.length === 0) return false
  return names.every(n => {
    const x = la.members.get(n)
    return x !== undefined && x.bit === lb.members.get(n)?.bit
  })
}

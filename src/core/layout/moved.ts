import { commonEnds, members } from './runs.js'
import { layoutOf, type Layout, type Resolve } from './struct-layout.js'

/** What a struct change moves, laid out from its start to where the old and new offsets meet. */
export interface MovedMembers {
  /** Old members whose place or type differs afterwards. */
  moved: string[]
  /** The size and alignment are shown to stay. */
  sizeKept: boolean
  /** Old members the new struct lacks, and members only the new one has. */
  removed: string[]
  added: string[]
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
  resolve: Resolve
): MovedMembers | undefined {
  let verdict: MovedMembers | undefined
  // Enums are 4 bytes unless a value needs 8: both must give the same answer.
  for (const enumSize of [4, 8]) {
    const v = movedWith(before, after, resolve, enumSize)
    if (!v || (verdict && JSON.stringify(verdict) !== JSON.stringify(v))) return undefined
    verdict ??= v
  }
  return verdict
}

function movedWith(
  before: string,
  after: string,
  resolve: Resolve,
  enumSize: number
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
  const moved = new Set<string>()
  let la: Layout | undefined
  let lb: Layout | undefined
  let met = false
  for (let k = 0; k <= q && !met; k++) {
    la = head(a, k)
    lb = head(b, k)
    if (!la || !lb) return undefined
    // The k-th member of the suffix (the last one laid out) starts at the same bit on both sides.
    if (k > 0) met = sameStart(la, lb, suffix[k - 1].text, resolve, enumSize)
  }
  if (!la || !lb) return undefined
  for (const [name, m] of la.members) {
    const n = lb.members.get(name)
    if (n && (n.bit !== m.bit || n.bits !== m.bits || n.type !== m.type)) moved.add(name)
  }
  // Met: the members after are the same and in the same places, so the size stays unless the
  // alignment does not (it is the largest of every member's, those not laid out included).
  // Not met: the whole struct was laid out.
  const sizeKept = la.align === lb.align && (met || la.size === lb.size)
  const removed = [...la.members.keys()].filter(n => !lb.members.has(n)).sort()
  const added = [...lb.members.keys()].filter(n => !la.members.has(n)).sort()
  return { moved: [...moved].sort(), sizeKept, removed, added }
}

/** Whether `text`, the last member laid out, starts at the same bit in both layouts. */
function sameStart(
  la: Layout,
  lb: Layout,
  text: string,
  resolve: Resolve,
  enumSize: number
): boolean {
  const own = layoutOf(`${text};`, 'struct', resolve, enumSize)
  const names = own ? [...own.members.keys()] : []
  if (names.length === 0) return false
  return names.every(n => la.members.get(n)?.bit === lb.members.get(n)?.bit)
}

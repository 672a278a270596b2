import { compareRuns, sameDirectives } from './runs.js'
import { layoutOf, type Resolve } from './struct-layout.js'
import { ALIGNED, alignedValue, raised } from './aligned.js'

/** What a struct/union change does to the offsets existing code was compiled with. */
export interface LayoutVerdict {
  /**
   * Every member of the old type that the new one still has keeps its place (offset, bits), and
   * the size and alignment stay.
   */
  kept: boolean
  /** Undefined when only the rewritten run of members could be laid out (see compareRuns). */
  before?: { size: number; align: number }
  after?: { size: number; align: number }
  /** Old members whose place differs afterwards. */
  moved: string[]
  /** Old members at the same place whose type differs: code touching them may compile otherwise. */
  retyped: string[]
  /** Old members the new type lacks: code naming them no longer compiles, so the fix changes it. */
  removed: string[]
  /** Members only the new type has. */
  added: string[]
  /** Unchanged members laid out with the rewritten run (compareRuns) to show where it ends. */
  neighbours?: number
}

/**
 * Compares the exact layouts of two images of one struct or union declaration (`struct x { ... };`
 * with its head and trailer). Undefined when either cannot be laid out exactly (see layoutOf), or
 * when the head or trailer carries attributes (`__packed`, `__randomize_layout`) this does not read
 * (an `aligned(N)` it reads).
 */
export function compareLayouts(
  before: string,
  after: string,
  resolve: Resolve
): LayoutVerdict | undefined {
  let verdict: LayoutVerdict | undefined
  // Enums are 4 bytes unless a value needs 8: both must give the same verdict.
  const a = parts(before)
  const b = parts(after)
  if (!a || !b || a.kind !== b.kind || !sameDirectives(a.body, b.body)) return undefined
  const na = ownAlignment(a, resolve)
  const nb = ownAlignment(b, resolve)
  if (na === undefined || nb === undefined) return undefined
  for (const enumSize of [4, 8]) {
    const la = layoutOf(a.body, a.kind, resolve, enumSize)
    const lb = layoutOf(b.body, b.kind, resolve, enumSize)
    if (!la || !lb) {
      // A rewritten run keeps the size only as far as the rest does: one attribute on both sides.
      const run =
        a.kind === 'struct' && na === nb
          ? compareRuns(a.body, b.body, resolve, enumSize)
          : undefined
      if (!run) return undefined
      const v = { kept: true, moved: [], ...run }
      if (verdict && sameMoves(verdict) !== sameMoves(v)) return undefined
      verdict ??= v
      continue
    }
    const moved: string[] = []
    const retyped: string[] = []
    const removed: string[] = []
    for (const [name, m] of la.members) {
      const n = lb.members.get(name)
      if (!n) removed.push(name)
      else if (n.bit !== m.bit || n.bits !== m.bits) moved.push(name)
      else if (n.type !== m.type) retyped.push(name)
    }
    const sa = raised(la, na)
    const sb = raised(lb, nb)
    const kept = moved.length === 0 && sa.size === sb.size && sa.align === sb.align
    const v = {
      kept,
      before: sa,
      after: sb,
      moved,
      retyped,
      removed,
      added: [...lb.members.keys()].filter(n => !la.members.has(n))
    }
    if (verdict && sameMoves(verdict) !== sameMoves(v)) return undefined
    verdict ??= v
  }
  return verdict
}

/** Sizes may differ with the enum size; what moves must not. */
function sameMoves(x: LayoutVerdict): string {
  return JSON.stringify([x.kept, x.moved, x.retyped, x.removed, x.added])
}

export interface Parts {
  kind: 'struct' | 'union'
  body: string
  /** The N of an `aligned(N)` right after the body (`} __attribute__((aligned(8)));`). */
  aligned?: string
}

export function parts(text: string): Parts | undefined {
  const open = text.indexOf('{')
  const close = text.lastIndexOf('}')
  if (open < 0 || close < open) return undefined
  const head = /^\s*(?:typedef\s+)?(struct|union)(?:\s+[A-Za-z_]\w*)?\s*$/.exec(text.slice(0, open))
  if (!head) return undefined
  const trailer = text.slice(close + 1)
  const aligned = ALIGNED.exec(trailer)
  // Then only names (a typedef name, a variable): no other attribute that changes the layout.
  const rest = aligned ? trailer.slice(aligned[0].length) : trailer
  if (!/^\s*(?:[A-Za-z]\w*\s*(?:,\s*[A-Za-z]\w*\s*)*)?;?\s*$/.test(rest)) return undefined
  const out: Parts = { kind: head[1] as 'struct' | 'union', body: text.slice(open + 1, close) }
  if (aligned) out.aligned = aligned[1] ?? aligned[2]
  return out
}

/**
 * The alignment a struct's own `aligned(N)` raises it to (1: none), undefined when N is not read:
 * `struct bpf_prog_info { ... } __attribute__((aligned(8)))` keeps its size when a `__u32 :32`
 * fills the padding that the attribute already added (6.1.187's uapi/linux/bpf.h).
 */
export function ownAlignment(p: Parts, resolve: Resolve): number | undefined {
  return p.aligned === undefined ? 1 : alignedValue(p.aligned, resolve.constant)
}

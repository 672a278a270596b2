import { append } from '../arrays.js'
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
  /** Unchanged members laid out with the run to show it (see compareRuns); absent when none. */
  neighbours?: number
}

// x86_64's largest scalar alignment: a run whose members need more is not judged here.
export const MAX_ALIGN = 8
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
 * struct at least the larger one.
 *
 * A member put into padding (`bool sk_use_task_frag` between `struct sock`'s u8 bitfields and a
 * pointer) ends the run one byte later; only the pointer after it shows that nothing moves, and
 * only the members before it show how much padding there is (after an `atomic_t` the bitfield byte
 * sits at 1 modulo 4, so at least two bytes pad up to the pointer). So the run is widened by up to
 * WIDEN unchanged neighbours on each side, and laid out with them at every residue: a member keeps
 * its alignment wherever the struct starts, so the residues the widened window cannot take are
 * the ones its first member's alignment rules out.
 *
 * A fix may rewrite several places of one struct (6.1.192's `struct sock`: `sk_timer` into a
 * union, a bool into padding further down, members between them that cannot be sized): each run
 * of changed members is judged on its own, in order. Everything before a run is unchanged members
 * or earlier runs shown to end at the same bit, so each run starts at the same offset on both
 * sides. A member name that leaves one run and comes back in another has moved: not judged.
 * Undefined when a run cannot be shown: the caller keeps its conservative verdict.
 */
export function compareRuns(
  before: string,
  after: string,
  resolve: Resolve,
  enumSize: number
): RunVerdict | undefined {
  const a = members(before)
  const b = members(after)
  const runs = changedRuns(a, b)
  // Runs that only show together (what one moves, the next puts back): as one run, as before.
  const first = judgeRuns(a, b, runs, resolve, enumSize)
  if (first || runs.length < 2) return first
  const whole = { ...runs[0], a1: runs[runs.length - 1].a1, b1: runs[runs.length - 1].b1 }
  return judgeRuns(a, b, [whole], resolve, enumSize)
}

function judgeRuns(
  a: ReadonlyArray<{ text: string; key: string }>,
  b: ReadonlyArray<{ text: string; key: string }>,
  runs: readonly Run[],
  resolve: Resolve,
  enumSize: number
): RunVerdict | undefined {
  const inRun = new Set(runs.flatMap(r => a.slice(r.a0, r.a1)))
  const others = a.filter(m => !inRun.has(m))
  const out: RunVerdict = { retyped: [], removed: [], added: [] }
  let neighbours = 0
  for (const [k, run] of runs.entries()) {
    const room = {
      back: run.a0 - (runs[k - 1]?.a1 ?? 0),
      ahead: (runs[k + 1]?.a0 ?? a.length) - run.a1
    }
    const judged = widened(room, (back, ahead) =>
      compareWindow(
        a.slice(run.a0 - back, run.a1 + ahead),
        b.slice(run.b0 - back, run.b1 + ahead),
        a[run.a0 - back - 1],
        others,
        resolve,
        enumSize
      )
    )
    if (!judged) return undefined
    append(out.retyped, judged.v.retyped)
    append(out.removed, judged.v.removed)
    append(out.added, judged.v.added)
    neighbours += judged.neighbours
  }
  if (out.removed.some(n => out.added.includes(n))) return undefined
  return neighbours > 0 ? { ...out, neighbours } : out
}

// How many unchanged members on each side a window may take: enough for a padding byte's context.
export const WIDEN = 3

export interface Run {
  a0: number
  a1: number
  b0: number
  b1: number
}

/** The narrowest window around a run that `judge` accepts, trying fewer neighbours first. */
function widened(
  room: { back: number; ahead: number },
  judge: (back: number, ahead: number) => RunVerdict | undefined
): { v: RunVerdict; neighbours: number } | undefined {
  for (let back = 0; back <= Math.min(room.back, WIDEN); back++)
    for (let ahead = 0; ahead <= Math.min(room.ahead, WIDEN); ahead++) {
      const v = judge(back, ahead)
      if (v) return { v, neighbours: back + ahead }
    }
  return undefined
}

/**
 * The runs of members that differ, by a longest common subsequence of the members' keys: between
 * two runs (and around them) the members are the same text on both sides.
 */
export function changedRuns(
  a: ReadonlyArray<{ key: string }>,
  b: ReadonlyArray<{ key: string }>
): Run[] {
  const n = a.length
  const m = b.length
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i][j] =
        a[i].key === b[j].key ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const runs: Run[] = []
  let i = 0
  let j = 0
  let open: Run | undefined
  while (i < n || j < m) {
    if (i < n && j < m && a[i].key === b[j].key && lcs[i][j] === lcs[i + 1][j + 1] + 1) {
      if (open) runs.push(open)
      open = undefined
      i++
      j++
      continue
    }
    open ??= { a0: i, a1: i, b0: j, b1: j }
    if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) open.b1 = ++j
    else open.a1 = ++i
  }
  if (open) runs.push(open)
  return runs
}

/**
 * One window of old members against new, laid out at every byte residue: every old member must
 * keep its bit and the window must end at the same bit. `prev`: the member before the window.
 */
function compareWindow(
  winA: ReadonlyArray<{ text: string; key: string }>,
  winB: ReadonlyArray<{ text: string; key: string }>,
  prev: { key: string } | undefined,
  others: ReadonlyArray<{ text: string }>,
  resolve: Resolve,
  enumSize: number
): RunVerdict | undefined {
  const runA = winA.map(m => m.text)
  const runB = winB.map(m => m.text)
  let verdict: RunVerdict | undefined
  for (const r of residues(prev)) {
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

/**
 * Whether the `#define`s inside two bodies leave the members alike: one changed there (an array
 * length, a member's type, an alignment) changes the members that spell it while their text
 * stays, and members are compared by their text. A `#define` no member spells (directly or
 * through another of the body's) changes nothing.
 */
export function sameDirectives(before: string, after: string): boolean {
  const a = defines(before)
  const b = defines(after)
  const changed = new Set(
    [...new Set([...a.keys(), ...b.keys()])].filter(name => a.get(name) !== b.get(name))
  )
  if (changed.size === 0) return true
  // Macros of either body that spell a changed one change with it.
  for (let grew = true; grew;) {
    grew = false
    for (const [name, text] of [...a, ...b])
      if (!changed.has(name) && spellsAny(text, changed)) {
        changed.add(name)
        grew = true
      }
  }
  const code = (body: string): string => withoutDefines(maskCommentsAndStrings(body, false))
  return !spellsAny(code(before), changed) && !spellsAny(code(after), changed)
}

function defines(body: string): Map<string, string> {
  const out = new Map<string, string>()
  const text = maskCommentsAndStrings(body, false).replace(/\\\r?\n/g, ' ')
  for (const m of text.matchAll(/^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)(.*)$/gm))
    out.set(m[1], m[2].replace(/\s+/g, ' ').trim())
  return out
}

function spellsAny(text: string, names: ReadonlySet<string>): boolean {
  return (text.match(/[A-Za-z_]\w*/g) ?? []).some(w => names.has(w))
}

/** A bitfield declaration: a `:` outside braces and brackets (its next member may share bits). */
function isBitfield(decl: string): boolean {
  return /(?<!:):(?!:)/.test(decl.replace(/\{[^]*\}/g, '').replace(/\[[^\]]*\]/g, ''))
}

/**
 * Whether a member may end mid-byte: a bitfield, or anything that is not plainly a declaration
 * (type words, then its name): a member a macro writes, `BITS3(f)` for `unsigned int f:3` or
 * `OBJFLAGS` for `unsigned int objf:5` (a hostile review's case), shows no `:`.
 */
function mayEndMidByte(key: string): boolean {
  if (isBitfield(key)) return true
  const flat = key.replace(/\{[^]*\}/g, '{}')
  if (/^[^()]*\(\s*\*\s*[A-Za-z_]\w*\s*\)\s*\([^:]*\)$/.test(flat)) return false
  return !/^[^():]*[\s*}][A-Za-z_]\w*(?:\s*\[[^\]]*\])*$/.test(flat)
}

/**
 * The bits, modulo the largest alignment, where a window after `prev` may start: any byte after a
 * plain member; any bit after one that may end mid-byte (see mayEndMidByte). Where a bitfield
 * goes depends only on the bit it would start at (GCC's x86_64 rule, see layoutOf), so these are
 * all the cases.
 */
export function residues(prev: { key: string } | undefined): number[] {
  const mid = prev !== undefined && mayEndMidByte(prev.key)
  return Array.from({ length: mid ? MAX_ALIGN * 8 : MAX_ALIGN }, (_, i) => (mid ? i : i * 8))
}

/** `run` laid out from bit `pad`, with a one-bit END after it (where the next member may start). */
export function laidOut(run: readonly string[], pad: number, resolve: Resolve, enumSize: number) {
  // A one-bit bitfield after the run lands on the run's first free bit: where the next member starts.
  const body = [
    ...(pad >= 8 ? [`char ${PAD}[${pad >> 3}]`] : []),
    // An unnamed bitfield takes bits without aligning anything (layoutOf, GCC 12 agrees).
    ...(pad % 8 > 0 ? [`unsigned char :${pad % 8}`] : []),
    ...run,
    `unsigned char ${END}:1`
  ]
  return layoutOf(body.join('; ') + ';', 'struct', resolve, enumSize)
}

import { memberNames } from './member-names.js'
import { sameStart, type MovedMembers } from './moved.js'
import { changedRuns, laidOut, MAX_ALIGN, members, residues, WIDEN, type Run } from './runs.js'
import { layoutOf, type Resolve } from './struct-layout.js'

type Member = { text: string; key: string }

/**
 * What a struct change moves when the struct cannot be laid out from its start (struct
 * task_struct: hundreds of members, some of them sized by other headers' macros), judged change
 * by change. Each run of rewritten members is laid out with the unchanged members after it, old
 * and new, from every bit the run may start at (see residues): the first unchanged member that
 * starts at the same bit on both sides, from every start, keeps its place, and so does everything
 * after it up to the next run. Only the members before it can move: a bit inserted among
 * `task_struct`'s flag bits moves the flags after it, not the 150 members after the word that
 * holds them.
 *
 * A run whose followers never meet before the next run is judged together with it; one whose
 * followers meet nowhere before a member that cannot be sized (or is aligned beyond 8 bytes)
 * moves every member from the run to the end. Undefined when no run could be judged at all.
 */
export function movedByRuns(
  before: string,
  after: string,
  resolve: Resolve,
  enumSize: number
): MovedMembers | undefined {
  const a = members(before)
  const b = members(after)
  const runs = changedRuns(a, b)
  if (runs.length === 0) return undefined
  const moved = new Set<string>()
  const removed = new Set<string>()
  const added = new Set<string>()
  let sizeKept = true
  let judged = false
  let unsized: string | undefined
  for (let k = 0; k < runs.length; k++) {
    let run = runs[k]
    let tail: Tail | undefined
    // The unchanged members before the run (and before the runs merged into it) begin here.
    const start = runs[k - 1]?.a1 ?? 0
    for (;;) {
      const end = runs[k + 1]?.a0 ?? a.length
      tail = judgeTail(a, b, run, start, end, resolve, enumSize)
      if (tail.kind !== 'apart' || k + 1 >= runs.length) break
      // What this run shifts reaches the next one: judged as one run.
      k++
      run = { a0: run.a0, b0: run.b0, a1: runs[k].a1, b1: runs[k].b1 }
    }
    if (tail.kind === 'unsized') {
      // From the run to the end: every old member may move, and the size with them.
      for (const m of a.slice(run.a0)) for (const n of memberNames(m.text)) moved.add(n)
      for (const m of b.slice(run.b0)) for (const n of memberNames(m.text)) added.add(n)
      const at = a[tail.at]
      if (at) unsized = memberNames(at.text)[0]
      sizeKept = false
      break
    }
    judged = true
    for (const n of tail.moved) moved.add(n)
    for (const n of tail.removed) removed.add(n)
    for (const n of tail.added) added.add(n)
    if (tail.kind === 'apart' || !tail.alignKept) sizeKept = false
  }
  if (!judged) return undefined
  // A name one run drops and another brings back has moved.
  for (const n of removed) if (added.has(n)) moved.add(n)
  const out: MovedMembers = {
    moved: [...moved].sort(),
    sizeKept,
    removed: [...removed].filter(n => !added.has(n)).sort(),
    added: [...added].filter(n => !removed.has(n) && !moved.has(n)).sort()
  }
  return unsized === undefined ? out : { ...out, unsized }
}

type Tail =
  /** The followers meet: only what is listed moved; alignKept: the struct's alignment stays. */
  | { kind: 'met'; moved: string[]; removed: string[]; added: string[]; alignKept: boolean }
  /** Laid out to `end` without meeting (the next run, or the struct's end: its size changes). */
  | { kind: 'apart'; moved: string[]; removed: string[]; added: string[] }
  /** A member before the meeting cannot be sized: `at`, its index among the old members. */
  | { kind: 'unsized'; at: number }

/**
 * One run with up to WIDEN unchanged members before it (members that show where it may start:
 * `unsigned :0` before a word of flags) and the unchanged members after it up to `end`.
 */
function judgeTail(
  a: readonly Member[],
  b: readonly Member[],
  run: Run,
  /** Where the unchanged members before the run begin. */
  start: number,
  /** The next run's first old member, or the end. */
  end: number,
  resolve: Resolve,
  enumSize: number
): Tail {
  // Followers a layout can hold: sized alone, aligned no more than residues can place.
  const followers = a.slice(run.a1, end)
  // Each follower's names as its own layout gives them (`__DECLARE_FLEX_ARRAY(T, x)` is `x`).
  const names: string[][] = []
  while (names.length < followers.length) {
    const own = layoutOf(`${followers[names.length].text};`, 'struct', resolve, enumSize)
    if (!own || own.align > MAX_ALIGN) break
    names.push([...own.members.keys()])
  }
  const sized = names.length
  // No window laid out: the run itself cannot be placed.
  let best: Tail = { kind: 'unsized', at: run.a0 }
  for (let back = 0; back <= Math.min(WIDEN, run.a0 - start); back++) {
    const t = tailFrom(
      a,
      b,
      run,
      back,
      followers.slice(0, sized),
      names,
      sized < followers.length,
      resolve,
      enumSize
    )
    if (!t) continue
    if (t.kind === 'met' || best.kind === 'unsized') best = t
    if (t.kind === 'met') break
  }
  return best
}

function tailFrom(
  a: readonly Member[],
  b: readonly Member[],
  run: Run,
  back: number,
  followers: readonly Member[],
  /** The names each follower declares. */
  names: readonly string[][],
  /** A follower after these could not be laid out. */
  cut: boolean,
  resolve: Resolve,
  enumSize: number
): Tail | undefined {
  const winA = [...a.slice(run.a0 - back, run.a1), ...followers].map(m => m.text)
  const winB = [...b.slice(run.b0 - back, run.b1), ...followers].map(m => m.text)
  const moved = new Set<string>()
  let meet = 0
  let alignKept = true
  let removed: string[] | undefined
  let added: string[] | undefined
  for (const r of residues(a[run.a0 - back - 1])) {
    const la = laidOut(winA, r, resolve, enumSize)
    const lb = laidOut(winB, r, resolve, enumSize)
    if (!la || !lb || la.align > MAX_ALIGN || lb.align > MAX_ALIGN) return undefined
    // The first follower at the same bit on both sides: from it on, the same text lays out alike.
    let at = names.findIndex(ns => sameStart(la, lb, ns))
    if (at < 0) at = followers.length
    meet = Math.max(meet, at)
    const keep = new Set(names.slice(at).flat())
    for (const [name, m] of la.members) {
      const n = lb.members.get(name)
      if (n && !keep.has(name) && (n.bit !== m.bit || n.bits !== m.bits || n.type !== m.type))
        moved.add(name)
    }
    removed ??= [...la.members.keys()].filter(n => !lb.members.has(n))
    added ??= [...lb.members.keys()].filter(n => !la.members.has(n))
    if (la.align !== lb.align) alignKept = false
  }
  if (removed === undefined || added === undefined) return undefined
  const clean = (list: string[]): string[] => list.filter(n => !n.startsWith('__klp_run_'))
  const lists = { moved: clean([...moved]), removed: clean(removed), added: clean(added) }
  if (meet < followers.length) return { kind: 'met', ...lists, alignKept }
  return cut ? { kind: 'unsized', at: run.a1 + followers.length } : { kind: 'apart', ...lists }
}

import { canonicalTypeSpelling } from '../equivalence/type-spelling.js'
import { splitTop } from '../layout/struct-layout.js'
import { matchBrace } from '../text/parens.js'
import { memberNames } from '../layout/member-names.js'
/**
 * The shape of one struct/union/enum declaration, read lexically from its text (comments already
 * blanked): enough to tell which members a change moves and which enumerators it renumbers.
 */
export type TypeShape =
  | { kind: 'struct' | 'union'; tag?: string; members: Member[] }
  | { kind: 'enum'; tag?: string; enumerators: Enumerator[] }
  /** A typedef of a function or function pointer type: it lays out nothing. */
  | { kind: 'function-typedef'; name: string }
  | { kind: 'other' }

export interface Member {
  /** Whitespace-normalised declaration: equal texts are the same member. */
  text: string
  /** Names it makes accessible (`a`; the inner names of an anonymous struct/union). */
  names: string[]
}

export interface Enumerator {
  name: string
  /** Value as (last explicit expression, count since it): equal pairs are equal values. */
  base: string
  offset: number
}

export function shapeOf(text: string): TypeShape {
  const open = text.indexOf('{')
  if (open < 0) {
    const fn =
      /\btypedef\b[^;]*?\(\s*\*\s*([A-Za-z_]\w*)\s*\)\s*\(|\btypedef\b[^;(]*?\b([A-Za-z_]\w*)\s*\(/.exec(
        text
      )
    return fn ? { kind: 'function-typedef', name: fn[1] ?? fn[2] } : { kind: 'other' }
  }
  const head = /\b(struct|union|enum)\b\s*([A-Za-z_]\w*)?\s*$/.exec(text.slice(0, open))
  if (!head) return { kind: 'other' }
  const close = matchBrace(text, open)
  if (close < 0) return { kind: 'other' }
  const body = text.slice(open + 1, close)
  const kind = head[1] as 'struct' | 'union' | 'enum'
  if (kind === 'enum') return { kind, tag: head[2], enumerators: enumerators(body) }
  return { kind, tag: head[2], members: members(body) }
}

function members(body: string): Member[] {
  // Members compare by canonical spelling: `u8` for `unsigned char`, `__rcu` dropped, lay out alike.
  return splitTop(body, ';').map(text => ({
    text: canonicalTypeSpelling(text) ?? text,
    names: memberNames(text)
  }))
}

/** Whether an enumerator's value is an integer in [0, 2^31): a literal without suffix, counted on. */
function smallValue(e: Enumerator): boolean {
  const m = /^(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9]\d*))$/.exec(e.base)
  if (!m) return false
  const value =
    m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 8) : Number(m[3])
  return value + e.offset < 2 ** 31
}

function enumerators(body: string): Enumerator[] {
  const out: Enumerator[] = []
  let base = '0'
  let offset = 0
  for (const item of splitTop(body, ',')) {
    const m = /^([A-Za-z_]\w*)\s*(?:=\s*([\s\S]+))?$/.exec(item)
    if (!m) continue
    if (m[2] !== undefined) {
      base = m[2].replace(/\s+/g, ' ').trim()
      offset = 0
    }
    out.push({ name: m[1], base, offset })
    offset++
  }
  return out
}

export interface ShapeChange {
  /**
   * `same`: only comments or layout differ; `appended`: existing offsets and values kept; `new`:
   * the header did not define the type before.
   */
  kind: 'same' | 'appended' | 'moved' | 'renumbered' | 'function-typedef' | 'new' | 'unknown'
  /** Members whose offset or type changes, or enumerators whose value changes (or that go away). */
  moved: string[]
  /** The first member or enumerator that differs (what was inserted, resized or removed). */
  at?: string
  /** Enumerators that only change name: the same place, the same value (`renumbered` only). */
  renamed?: Array<{ from: string; to: string }>
}

/** What going from `before` to `after` does to existing code. */
export function compareShapes(before: TypeShape, after: TypeShape): ShapeChange {
  if (before.kind === 'function-typedef' && after.kind === 'function-typedef')
    return { kind: 'function-typedef', moved: [] }
  if (before.kind === 'enum' && after.kind === 'enum') {
    const now = new Map(after.enumerators.map(e => [e.name, e]))
    const moved = before.enumerators
      .filter(e => {
        const n = now.get(e.name)
        return !n || n.base !== e.base || n.offset !== e.offset
      })
      .map(e => e.name)
    if (moved.length > 0) {
      const i = after.enumerators.findIndex((e, k) => before.enumerators[k]?.name !== e.name)
      const change: ShapeChange = {
        kind: 'renumbered',
        moved,
        at: after.enumerators[i]?.name ?? moved[0]
      }
      const was = new Set(before.enumerators.map(e => e.name))
      const renamed = before.enumerators.flatMap((e, k) => {
        const n = after.enumerators[k]
        // Gone from the enum (so among `moved`), its place taken by a new name at its value.
        return !now.has(e.name) &&
          n &&
          !was.has(n.name) &&
          n.base === e.base &&
          n.offset === e.offset
          ? [{ from: e.name, to: n.name }]
          : []
      })
      if (renamed.length === moved.length) change.renamed = renamed
      return change
    }
    if (after.enumerators.length === before.enumerators.length) return { kind: 'same', moved: [] }
    // An enum's type is the smallest that holds every value: one appended past int's range
    // (`0x100000000ULL`) or below zero (`-1`) changes it, and so every member of that type, every
    // comparison. Only values known to be small keep the old code as it was.
    const small = after.enumerators.slice(before.enumerators.length).every(smallValue)
    return small ? { kind: 'appended', moved: [] } : { kind: 'unknown', moved: [] }
  }
  if (
    (before.kind === 'struct' || before.kind === 'union') &&
    (after.kind === 'struct' || after.kind === 'union') &&
    before.kind === after.kind
  ) {
    const a = before.members
    const b = after.members
    let i = 0
    while (i < a.length && i < b.length && a[i].text === b[i].text) i++
    if (i === a.length && i === b.length) return { kind: 'same', moved: [] }
    if (i === a.length) return { kind: 'appended', moved: [], at: b[i].names[0] }
    // In a union every member stays at offset 0: only the members whose declaration changes move.
    const changed =
      before.kind === 'union' ? a.filter(m => !b.some(n => n.text === m.text)) : a.slice(i)
    return {
      kind: 'moved',
      moved: [...new Set(changed.flatMap(m => m.names))],
      at: (b[i] ?? a[i]).names[0]
    }
  }
  return { kind: 'unknown', moved: [] }
}

import type { Member, TypeShape } from './type-shape.js'
import { shapeOf } from './type-shape.js'
import { escapeRegExp } from '../text/escape-regexp.js'

/** How a struct/union holds a changed type by value, and what that moves in it. */
export interface Holding {
  /** Names of the members whose offset changes when the held type grows or shrinks. */
  moved: string[]
  /** The member (or anonymous aggregate's member) that holds the type. */
  holder: string
}

const POINTER_OR_CALL = /[*(]/

/**
 * Where `shape` holds a `spelling` by value: directly (`struct obj o;`, `struct obj a[4];`), or
 * inside an anonymous or nested struct/union member (`union { long *map; struct obj o; };`, how
 * the kernel overlays ring variants). A grown member moves every later member of a struct and
 * of each enclosing struct, but nothing in a union (all at offset 0); its own offset is kept.
 */
export function holding(shape: TypeShape, spelling: string): Holding | undefined {
  if (shape.kind !== 'struct' && shape.kind !== 'union') return undefined
  if (shape.tag === spelling) return undefined
  return holdingIn(shape.kind, shape.members, spelling)
}

function holdingIn(
  kind: 'struct' | 'union',
  members: Member[],
  spelling: string
): Holding | undefined {
  for (let i = 0; i < members.length; i++) {
    const inner = heldBy(members[i], spelling)
    if (!inner) continue
    const after = kind === 'struct' ? members.slice(i + 1).flatMap(m => m.names) : []
    return { holder: inner.holder, moved: [...new Set([...inner.moved, ...after])] }
  }
  return undefined
}

function heldBy(member: Member, spelling: string): Holding | undefined {
  const text = member.text
  if (text.includes('{')) {
    const inner = shapeOf(text)
    if (inner.kind !== 'struct' && inner.kind !== 'union') return undefined
    return holdingIn(inner.kind, inner.members, spelling)
  }
  const rest = typed(spelling).exec(text)?.[1]
  // `struct obj __rcu *p` and `struct obj (*fn)(void)` hold a pointer, not the type.
  if (rest === undefined || rest === '' || POINTER_OR_CALL.test(rest)) return undefined
  return { holder: member.names[0] ?? spelling, moved: [] }
}

/**
 * Members of `shape` (nested aggregates included) that point to a `spelling`: `tp->event->filter`
 * reaches `struct trace_probe_event` through `struct trace_probe`'s `event` without spelling it.
 */
export function pointersTo(shape: TypeShape, spelling: string): string[] {
  if (shape.kind !== 'struct' && shape.kind !== 'union') return []
  const out = new Set<string>()
  const visit = (members: Member[]): void => {
    for (const m of members) {
      if (m.text.includes('{')) {
        const inner = shapeOf(m.text)
        if (inner.kind === 'struct' || inner.kind === 'union') visit(inner.members)
        continue
      }
      const rest = typed(spelling).exec(m.text)?.[1]
      // A pointer, not a function pointer returning one (`struct obj *(*get)(void)`).
      if (rest !== undefined && rest.includes('*') && !rest.includes('('))
        for (const n of m.names) out.add(n)
    }
  }
  visit(shape.members)
  return [...out]
}

function typed(spelling: string): RegExp {
  return new RegExp(
    `^(?:(?:const|volatile)\\s+)*(?:(?:struct|union)\\s+)?${escapeRegExp(spelling)}\\b\\s*([^;]*)$`
  )
}

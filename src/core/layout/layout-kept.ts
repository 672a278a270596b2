import type { Finding } from '../model.js'
import { compareLayouts, ownAlignment, parts, type LayoutVerdict } from './kept.js'
import { movedMembers, type MovedMembers } from './moved.js'
import type { Resolve } from './struct-layout.js'
import { sameDirectives } from './runs.js'
import { movedByRuns } from './run-moves.js'
import { conditionVariants } from './variants.js'

export interface KeptLayout {
  finding: Omit<Finding, 'file' | 'line' | 'set'>
  /** Members at the same place with another type: the functions touching them are required. */
  retyped: string[]
}

/**
 * A struct/union change that keeps every remaining old member's place and the size (a member put
 * into padding, a pointer wrapped in a union with an alias, a member retyped at the same width):
 * code compiled against the old layout reads and writes the same bytes. Returns the finding saying
 * so; where the layout does change and both images lay out exactly, the members that move
 * (MovedMembers); undefined when the layout cannot be computed exactly (the caller then takes
 * every member after the change for moved).
 */
export function keptLayout(
  label: string,
  texts: { before: string; after: string },
  resolve: Resolve
): KeptLayout | MovedMembers | undefined {
  const variants = conditionVariants(texts)
  if (!variants) return undefined
  const each = variants.map(v => keptOne(label, v, resolve))
  if (each.length === 1) return each[0]
  // Kept only if kept every way; otherwise what any way moves.
  const kept = each.filter(v => v !== undefined && 'finding' in v)
  if (kept.length === each.length)
    return kept.every(v => v.finding.message === kept[0].finding.message) ? kept[0] : undefined
  const moved = each.filter(v => v !== undefined && 'moved' in v)
  if (kept.length + moved.length < each.length || kept.some(v => v.retyped.length > 0))
    return undefined
  return unionMoved(moved, texts.before)
}

function keptOne(
  label: string,
  texts: { before: string; after: string },
  resolve: Resolve
): KeptLayout | MovedMembers | undefined {
  const v = compareLayouts(texts.before, texts.after, resolve)
  if (v && !v.kept && v.before && v.after)
    return {
      moved: [...v.moved, ...v.retyped],
      sizeKept: v.before.size === v.after.size && v.before.align === v.after.align,
      removed: v.removed,
      added: v.added
    }
  if (v?.kept) return keptFinding(label, v)
  // Not laid out whole: from the start to where the offsets meet again (a plain struct only).
  const a = parts(texts.before)
  const b = parts(texts.after)
  const n = a && b ? ownAlignment(a, resolve) : undefined
  const plain =
    a?.kind === 'struct' &&
    b?.kind === 'struct' &&
    n !== undefined &&
    n === ownAlignment(b, resolve) &&
    sameDirectives(a.body, b.body)
  if (!plain) return undefined
  // Then change by change, where the members before the first one cannot be sized.
  const m = movedMembers(a.body, b.body, resolve, n) ?? byRuns(a.body, b.body, resolve)
  if (!m) return undefined
  if (m.moved.length > 0 || !m.sizeKept) return m
  // Nothing moves and the size stays (virtio_ring.c's `premapped`, into the padding before an int).
  return keptFinding(label, { retyped: [], removed: m.removed, added: m.added }, true)
}

function keptFinding(
  label: string,
  v: Pick<LayoutVerdict, 'before' | 'retyped' | 'removed' | 'added' | 'neighbours'>,
  /** Laid out from the start to where the offsets meet (moved.ts), not as a rewritten run. */
  fromStart = false
): KeptLayout {
  const place =
    v.retyped.length === 0
      ? 'every existing member keeps its offset and type'
      : `every existing member keeps its offset and width (${v.retyped.join(', ')} change type)`
  const effect =
    v.retyped.length === 0
      ? 'no existing code changes'
      : `only code touching ${v.retyped.join(', ')} can change`
  const kept = v.before
    ? `size ${v.before.size} and alignment ${v.before.align} are kept (x86_64 layout)`
    : fromStart
      ? 'so are the size and alignment (x86_64 layout of the members up to the first one that stays where it was; the rest are the same text)'
      : `so are the size and alignment (x86_64 layout of the rewritten members${v.neighbours ? ` and the ${v.neighbours} unchanged one${v.neighbours === 1 ? '' : 's'} next to them` : ''}, wherever they start; the members around them are the same text)`
  const common = `${label}: ${place}, ${kept}: ${effect}`
  const notes: string[] = []
  if (v.removed.length > 0)
    notes.push(
      `${v.removed.join(', ')} removed: code naming ${v.removed.length === 1 ? 'it' : 'them'} no longer compiles, so the fix changes that code itself`
    )
  if (v.added.length > 0)
    notes.push(
      `New ${v.added.join(', ')} sit in padding or alias an old member: objects the running kernel already holds have whatever was there (zero only if they were zero-allocated)`
    )
  const message = [common, ...notes].join('. ')
  const severity = v.added.length > 0 || v.retyped.length > 0 ? 'warning' : 'info'
  return { finding: { kind: 'type-change', severity, message }, retyped: v.retyped }
}

/** movedByRuns with enums of either size: what either moves. */
function byRuns(before: string, after: string, resolve: Resolve): MovedMembers | undefined {
  const four = movedByRuns(before, after, resolve, 4)
  const eight = movedByRuns(before, after, resolve, 8)
  return four && eight ? unionMoved([four, eight], before) : undefined
}

/** What any of `list` moves, the old members in the order `before` declares them. */
function unionMoved(list: readonly MovedMembers[], before: string): MovedMembers {
  const all = (pick: (m: MovedMembers) => string[]): string[] => [...new Set(list.flatMap(pick))]
  const at = new Map<string, number>()
  const place = (name: string): number => {
    let i = at.get(name)
    if (i === undefined) at.set(name, (i = before.search(new RegExp(`\\b${name}\\b`))))
    return i
  }
  const out: MovedMembers = {
    moved: all(m => m.moved).sort((x, y) => place(x) - place(y) || x.localeCompare(y)),
    sizeKept: list.every(m => m.sizeKept),
    removed: all(m => m.removed).sort(),
    added: all(m => m.added).sort()
  }
  const unsized = list.find(m => m.unsized !== undefined)?.unsized
  return unsized === undefined ? out : { ...out, unsized }
}

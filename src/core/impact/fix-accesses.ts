import type { FileChange } from '../diff/map.js'

/** `->m`, `.m`, and `m)` closing a macro's arguments (`offsetof(T, m)`, `container_of(p, T, m)`). */
const ACCESS = /(?:->|\.)\s*([A-Za-z_]\w*)|,\s*([A-Za-z_]\w*)\s*\)/g

/**
 * The member names the fix's own added lines access, in every file it changes: code the fix
 * writes against a new layout. A member's declaration (`refcount_t refcnt;`) is no access; a
 * comment that reads like one counts (an over-count only keeps a layout finding unresolved).
 */
export function fixAccesses(changes: readonly FileChange[]): Set<string> {
  const out = new Set<string>()
  for (const c of changes)
    for (const h of c.patch.hunks)
      for (const l of h.lines) {
        if (l.type !== 'add') continue
        for (const m of l.text.matchAll(ACCESS)) out.add(m[1] ?? m[2])
      }
  return out
}

import type { TopLevelFinding } from '../decls/top-level.js'
import type { MacroBodies } from './macro-bodies.js'
import { judgeNewGlobal } from './new-data.js'

/** A definition between functions, as the diff mapper sees it in the post-image. */
export interface AddedDefinition {
  /** Its lines, comments blanked. */
  code: string
  /** The locator's name: declarator, or callee of a top-level macro invocation. */
  name: string | undefined
  /** Every code line of it is an added line of the hunk. */
  whole: boolean
}

/**
 * The finding for a definition the fix adds, or undefined when it is not new (a change to
 * existing data: the mapper's `global-change`).
 */
export function addedGlobalFinding(
  def: AddedDefinition,
  preIdentifiers: ReadonlySet<string>,
  bodies: MacroBodies | undefined
): TopLevelFinding | undefined {
  if (!def.whole || !bodies) return undefined
  const verdict = judgeNewGlobal(def.code, def.name, preIdentifiers, bodies)
  if (!verdict) return undefined
  const names = verdict.label
  switch (verdict.kind) {
    case 'new-data':
      return {
        kind: 'added-data',
        severity: 'info',
        message: `${names} is new, and its expansion places nothing in a section and runs nothing at load (no section, constructor or asm): no existing code or data changes; a livepatch module carries what it defines, and the code that uses it is listed on its own`,
        functions: verdict.names
      }
    case 'new-inline':
      return {
        kind: 'added-data',
        severity: 'info',
        message: `${names} is new, and its expansion is a static inline function: code built before the fix cannot call it, and it is emitted only where a caller inlines it: no existing code or data changes`,
        functions: verdict.names
      }
    case 'placed': {
      const via = verdict.via.length > 0 ? ` through ${verdict.via.join(' -> ')}` : ''
      return {
        kind: 'global-change',
        severity: 'unresolved',
        message: `${names} is new, and its expansion${via} uses \`${verdict.what}\`: an entry of a table the kernel reads from its own image (initcalls, PCI fixups, __setup, parameters), or code run at load; a livepatch module cannot add it (a human must decide how the fix is carried)`,
        functions: verdict.names
      }
    }
    case 'unknown':
      return {
        kind: 'global-change',
        severity: 'unresolved',
        message: `${names} is new, but ${verdict.reason}: whether it is plain data cannot be told`,
        functions: verdict.names
      }
  }
}

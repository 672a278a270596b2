import type { Finding, FindingKind } from '../model.js'

/** A layout finding: a type the fix reshapes, which no function replacement carries. */
export function isLayout(f: Finding): boolean {
  return (
    f.kind === 'type-change' && f.severity === 'unresolved' && /not livepatchable/.test(f.message)
  )
}

/**
 * Unresolved kinds that say what the fix does, seen whole, is something a livepatch cannot carry
 * by replacing functions: a human decides how (shadow variables, a callback, a reworked fix).
 * Every other unresolved finding is an input the analysis could not cover.
 */
export const CANNOT_CARRY: Partial<Record<FindingKind, string>> = {
  'global-change': 'data the running kernel keeps',
  'export-change': "the kernel's export table",
  'module-param-change': 'a module parameter',
  'not-patchable': 'functions without an ftrace call site',
  'script-change': 'a linker script or constants assembler code reads'
}

/** Whether an unresolved finding is a change to carry (see CANNOT_CARRY), not a gap in the analysis. */
export function isDecision(f: Finding): boolean {
  return isLayout(f) || CANNOT_CARRY[f.kind] !== undefined
}


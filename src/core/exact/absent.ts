import type { AffectedFunction, Finding } from '../model.js'
import type { ObjectComparison } from '../objects/model.js'

/**
 * Predicted entries of a compared TU (or entries the post-fix dumps add) that name no function of its base build's object: inlined or
 * cloned everywhere (the dumps keep a node for it), or a symbol only one build has (the fix removes
 * it, or GCC emits it out of line only after the fix). A livepatch replaces symbols of the running kernel: the base build has none of
 * that name, or the callers that stop calling it are compared themselves. Each
 * returns an info finding saying so; the caller drops the entry.
 */
export function absentFinding(
  entry: AffectedFunction,
  cmp: ObjectComparison,
  set: string
): Finding | undefined {
  if ((entry.exact !== 'predicted' && entry.exact !== 'found') || entry.tu !== cmp.tu)
    return undefined
  const own = cmp.symbols.find(s => s.kind === 'function' && s.name === entry.name)
  if (own && own.verdict !== 'removed' && own.verdict !== 'added') return undefined
  // A global definition only the patched build has (its text was compiled out before): the
  // running kernel's callers reach whatever other definition of the name it links, a `__weak`
  // default in another file (the one a livepatch must replace) or none (a hostile review's case).
  const global = own?.verdict === 'added' && own.bind !== undefined
  const why = global
    ? `exists only in the patched build, and it is ${own.bind}: the running kernel's callers reach another definition of the name (a __weak default elsewhere, which the livepatch must replace with this code) or none, which the objects of ${cmp.tu} cannot tell`
    : own?.verdict === 'removed'
      ? 'exists only in the base build: the fix removes it, and its callers (compared with it) are what the livepatch replaces'
      : own
        ? 'exists only in the patched build (GCC no longer inlines it everywhere): the running kernel has no such symbol to replace, its callers are what changed'
        : `is no function of ${cmp.tu}'s object in either build (inlined or cloned wherever it is used): nothing to patch by this name, its containers are listed`
  return {
    kind: global ? 'object-compare' : 'code-unchanged',
    severity: global ? 'unresolved' : 'info',
    set,
    file: cmp.tu,
    functions: [entry.name],
    message: `${entry.name}: ${entry.exact === 'found' ? 'named by the post-fix dumps' : 'predicted from the dumps'} (from ${entry.origin}), but it ${why}`
  }
}

import type { Analysis } from './locate.js'

/**
 * Names of functions of an analysed source whose body spells `name` (a call, or its address
 * taken), for the review tier. Macros that expand to it are other names the caller search asks
 * about (see caller-search.ts).
 */
export function callersIn(analysis: Pick<Analysis, 'functions' | 'code'>, name: string): string[] {
  const { functions, code } = analysis
  const names = new Set<string>()
  for (const f of functions) {
    if (f.name !== name && referencesIn(code.slice(f.bodyStart, f.bodyEnd), name)) names.add(f.name)
  }
  return [...names].sort()
}

/**
 * Lexical on the masked view: identifiers in comments and strings are gone, and a member access
 * (`ops->callee`, `.callee =`) names a field, not the function.
 */
function referencesIn(body: string, name: string): boolean {
  let at = body.indexOf(name)
  while (at >= 0) {
    const end = at + name.length
    const before = body.slice(0, at).trimEnd()
    const boundary = !/\w$/.test(body.slice(0, at)) && !/^\w/.test(body.slice(end))
    if (boundary && !before.endsWith('.') && !before.endsWith('->')) return true
    at = body.indexOf(name, end)
  }
  return false
}

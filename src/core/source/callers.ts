import type { Parser } from 'web-tree-sitter'
import { analyseSource, type Analysis } from './locate.js'

/** Names of functions whose body calls `callee` (or takes its address), for the review tier. */
export function findCallers(parser: Parser, text: string, callee: string): string[] {
  return callersIn(analyseSource(parser, text), callee)
}

/** `findCallers` on a source already analysed (one file is searched for many callees). */
export function callersIn(
  analysis: Pick<Analysis, 'functions' | 'code'>,
  callee: string
): string[] {
  const { functions, code } = analysis
  const names = new Set<string>()
  for (const f of functions) {
    if (f.name !== callee && referencesIn(code.slice(f.bodyStart, f.bodyEnd), callee)) {
      names.add(f.name)
    }
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

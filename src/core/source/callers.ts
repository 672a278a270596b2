import type { Parser } from 'web-tree-sitter'
import { analyseSource, type Analysis } from './locate.js'
import { directiveRanges } from './mask.js'

/** Names of functions whose body calls `callee` (or takes its address), for the review tier. */
export function findCallers(parser: Parser, text: string, callee: string): string[] {
  return callersIn(analyseSource(parser, text), callee)
}

type Searchable = Pick<Analysis, 'functions' | 'code' | 'masked'>

/**
 * `findCallers` on a source already analysed (one file is searched for many callees). A body that
 * spells only a macro whose expansion calls `callee` (`PICK_TWICE(rq)`) calls it too: GCC compiles
 * the expansion, so the caller's code changes with the callee's signature.
 */
export function callersIn(analysis: Searchable, callee: string, expand = true): string[] {
  const { functions, code } = analysis
  // The whole-TU search expands macros across files itself and asks for each name plainly.
  const needles = expand ? expandingMacros(analysis, callee) : [callee]
  const names = new Set<string>()
  for (const f of functions) {
    if (f.name === callee) continue
    const body = code.slice(f.bodyStart, f.bodyEnd)
    if (needles.some(n => referencesIn(body, n))) names.add(f.name)
  }
  return [...names].sort()
}

const macroCache = new WeakMap<Searchable, Array<{ name: string; body: string }>>()

/** `callee` and every macro of the file whose expansion reaches it, through other macros too. */
function expandingMacros(analysis: Searchable, callee: string): string[] {
  let macros = macroCache.get(analysis)
  if (!macros) {
    macros = []
    for (const [from, to] of directiveRanges(analysis.masked)) {
      const m = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/.exec(analysis.masked.slice(from, to))
      if (m) macros.push({ name: m[1], body: analysis.masked.slice(from + m[0].length, to) })
    }
    macroCache.set(analysis, macros)
  }
  const needles = [callee]
  for (let i = 0; i < needles.length; i++) {
    for (const m of macros) {
      if (!needles.includes(m.name) && referencesIn(m.body, needles[i])) needles.push(m.name)
    }
  }
  return needles
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

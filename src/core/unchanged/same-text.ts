import type { MacroDef } from '../model.js'
import type { LocatedFunction } from '../source/locate.js'
import { macroClosure } from '../diff/macro-reach.js'

/** One image of a changed file, as this check reads it. */
export interface TextImage {
  functions: readonly LocatedFunction[]
  macros: readonly MacroDef[]
  /** Lines with comments blanked (strings kept). */
  uncommented: readonly string[]
  /** Builds that compile `line` out. */
  outIn: (line: number) => ReadonlyMap<string, string>
}

const builtKey = (img: TextImage, line: number): string => [...img.outIn(line).keys()].sort().join()

const IDENT = /[A-Za-z_]\w*/g

function linesOf(img: TextImage, from: number, to: number, normalize: (s: string) => string) {
  return normalize(img.uncommented.slice(from - 1, to).join('\n'))
}

/** Macros of the file whose definitions (all of them, in order) differ between the images. */
function changedMacros(
  pre: TextImage,
  post: TextImage,
  normalize: (s: string) => string
): Set<string> {
  const texts = (img: TextImage): Map<string, string> => {
    const out = new Map<string, string>()
    for (const m of img.macros) {
      const text = linesOf(img, m.startLine, m.endLine, normalize)
      out.set(m.name, `${out.get(m.name) ?? ''}\n${text}`)
    }
    return out
  }
  const a = texts(pre)
  const b = texts(post)
  const direct = [...a.keys(), ...b.keys()].filter(n => a.get(n) !== b.get(n))
  if (direct.length === 0) return new Set()
  // And the macros defined through them: `FLAGS` spelled `(LIMIT | 0x100)` changes with `LIMIT`.
  const images = [pre, post].map(img => ({
    masked: img.uncommented.join('\n'),
    macros: img.macros
  }))
  return macroClosure(direct, images)
}

/**
 * Functions whose code reads the same in both images although the diff's lines fall in them: git
 * aligns an inserted function with the `return NULL; }` that ends its neighbour, so the neighbour's
 * last lines show as added. Every definition of the name (an `#ifdef` pair counts twice) must read
 * the same, in order, with no macro of the file that it names changed; functions a macro generates
 * are left to the macro's own judgement. Whether the function moves against a `__LINE__` it uses is
 * the line-shift check's question, not this one.
 */
export function sameTextFunctions(
  pre: TextImage,
  post: TextImage,
  names: Iterable<string>,
  normalize: (s: string) => string
): Set<string> {
  const macros = changedMacros(pre, post, normalize)
  const out = new Set<string>()
  for (const name of names) {
    const a = pre.functions.filter(f => f.name === name)
    const b = post.functions.filter(f => f.name === name)
    if (a.length === 0 || a.length !== b.length) continue
    if ([...a, ...b].some(f => f.generatedBy !== undefined)) continue
    const same = a.every((f, i) => {
      const text = linesOf(pre, f.startLine, f.endLine, normalize)
      if (text !== linesOf(post, b[i].startLine, b[i].endLine, normalize)) return false
      // Moved into or out of an `#ifdef`: the same text, built by other sets.
      if (builtKey(pre, f.startLine) !== builtKey(post, b[i].startLine)) return false
      return !(text.match(IDENT) ?? []).some(id => macros.has(id))
    })
    if (same) out.add(name)
  }
  return out
}

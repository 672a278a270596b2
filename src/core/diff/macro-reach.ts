import type { MacroDef } from '../model.js'
import type { LocatedFunction } from '../source/locate.js'

/** One side of a changed file as the macro reach reads it. */
export interface ReachImage {
  /** Comments and strings blanked, directives kept (Analysis.masked). */
  masked: string
  functions: readonly LocatedFunction[]
  macros: readonly MacroDef[]
}

const IDENT = /[A-Za-z_]\w*/g
const lineCache = new WeakMap<object, string[]>()

function linesOf(img: Pick<ReachImage, 'masked'>): string[] {
  let lines = lineCache.get(img)
  if (!lines) lineCache.set(img, (lines = img.masked.split('\n')))
  return lines
}

/** The masked text of lines `from`..`to` (1-based, inclusive). */
function textOf(img: Pick<ReachImage, 'masked'>, from: number, to: number): string {
  return linesOf(img)
    .slice(from - 1, to)
    .join('\n')
}

function spellsAny(text: string, names: ReadonlySet<string>): boolean {
  for (const id of text.match(IDENT) ?? []) if (names.has(id)) return true
  return false
}

/**
 * Whether a `##` in `definition` may paste a name of `names`: the literal fragment before a `##`
 * starts it, or the one after ends it (`REG_##n` builds `REG_A`). Parameters are no fragments.
 */
function pastes(
  definition: string,
  params: readonly string[],
  names: ReadonlySet<string>
): boolean {
  if (!definition.includes('##')) return false
  const fragments = (re: RegExp): string[] =>
    [...definition.matchAll(re)].map(m => m[1]).filter(f => !params.includes(f))
  const heads = fragments(/(\w+)\s*##/g)
  const tails = fragments(/##\s*(\w+)/g)
  for (const n of names) {
    if (heads.some(h => n.startsWith(h)) || tails.some(t => n.endsWith(t))) return true
  }
  return false
}

/** Each macro's definition without its own name (computed once per image, kept with its lines). */
const bodyCache = new WeakMap<object, Array<{ name: string; body: string; params: string[] }>>()

function bodiesOf(
  img: Pick<ReachImage, 'masked' | 'macros'>
): Array<{ name: string; body: string; params: string[] }> {
  let bodies = bodyCache.get(img)
  if (!bodies) {
    bodies = img.macros.map(m => ({
      name: m.name,
      // The definition's own name is no use of itself.
      body: textOf(img, m.startLine, m.endLine).replace(/^\s*#\s*define\s+\w+/, ''),
      params: m.params ?? []
    }))
    bodyCache.set(img, bodies)
  }
  return bodies
}

/**
 * `names` and every macro of the file whose definition spells a name already in, or may paste one,
 * on either side of the change: a changed `LIMIT` changes `FLAGS` defined as `(LIMIT | 0x100)`, and
 * every function spelling `FLAGS` with it. Images are read once each: pass the same objects again.
 */
export function macroClosure(
  names: string | Iterable<string>,
  images: ReadonlyArray<Pick<ReachImage, 'masked' | 'macros'>>
): Set<string> {
  const reach = new Set(typeof names === 'string' ? [names] : names)
  if (reach.size === 0) return reach
  const all = images.flatMap(bodiesOf)
  for (let grew = true; grew;) {
    grew = false
    for (const m of all) {
      if (reach.has(m.name)) continue
      if (spellsAny(m.body, reach) || pastes(m.body, m.params, reach)) {
        reach.add(m.name)
        grew = true
      }
    }
  }
  return reach
}

/**
 * Whether `f`'s whole definition spells a name of `reach`: its header (a type or attribute macro),
 * its body and the directives inside it (`#if USE_FAST`), not only the body's code.
 */
export function functionSpells(
  img: ReachImage,
  f: LocatedFunction,
  reach: ReadonlySet<string>
): boolean {
  return spellsAny(textOf(img, f.startLine, f.endLine), reach)
}

/**
 * Lines outside every function and macro definition that spell a name of `reach` (an enum value,
 * a table, a type, a top-level `#if`): what the change does there is not traced here. With
 * `valueOnly` (the macro is defined on both sides), `#ifdef`, `#ifndef`, `#undef` and `defined()`
 * do not count: they read whether it is defined, which did not change.
 */
export function usesOutside(
  img: ReachImage,
  reach: ReadonlySet<string>,
  valueOnly: boolean
): number[] {
  const inside = new Set<number>()
  for (const r of [...img.functions, ...img.macros])
    for (let l = r.startLine; l <= r.endLine; l++) inside.add(l)
  const out: number[] = []
  linesOf(img).forEach((line, i) => {
    if (inside.has(i + 1)) return
    let text = line
    if (valueOnly) {
      text = text
        .replace(/^\s*#\s*(?:ifdef|ifndef|undef)\b.*/, '')
        .replace(/\bdefined\s*(?:\(\s*\w+\s*\)|\w+)/g, '')
    }
    if (spellsAny(text, reach)) out.push(i + 1)
  })
  return out
}

import type { BuildConfig } from '../config/kconfig.js'
import type { TopLevelFinding } from '../decls/top-level.js'
import {
  type IncludeDirective,
  includeDirectives,
  includeOf,
  sameInclude
} from '../source/includes.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import {
  type Closure,
  type ListedInclude,
  type SourceOf,
  chainOf,
  includeClosure,
  resolveInclude
} from './closure.js'

/** What the include judgement reads besides the changed file: the tree and the builds. */
export interface IncludeContext {
  sourceOf: SourceOf
  /** Architectures whose `arch/<arch>/include` the build searches (from the dump sets' TUs). */
  arches: string[]
  builds: BuildConfig[]
}

/** A changed file's two images and the identifiers its post-image code uses. */
export interface IncludeSubject {
  path: string
  preText: string
  postText: string
  /** Identifiers of the post-image code (comments, strings and directives blanked). */
  used: ReadonlySet<string>
}

const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)/gm
const INLINE =
  /\bstatic\s+(?:__always_inline|inline|__inline__|__inline)\b[^;{}()]*?\b([A-Za-z_]\w*)\s*\(/g
const SHOWN = 12

/** Macros and static inline functions a header defines: what an include can bring into code. */
function definitions(text: string): string[] {
  const masked = maskCommentsAndStrings(text)
  return [
    ...[...masked.matchAll(DEFINE)].map(m => m[1]),
    ...[...masked.matchAll(INLINE)].map(m => m[1])
  ]
}

/**
 * `text` split at the first line that is `inc` (comments blanked to find it): the text above it,
 * and the lines below it as `maskCommentsAndStrings` reads them; undefined when no line is `inc`.
 */
function splitAt(
  text: string,
  inc: IncludeDirective
): { above: string; below: string[] } | undefined {
  const lines = maskCommentsAndStrings(text, false).split('\n')
  const at = lines.findIndex(l => {
    const d = includeOf(l)
    return d !== undefined && sameInclude(d, inc)
  })
  if (at < 0) return undefined
  return { above: text.split('\n').slice(0, at).join('\n'), below: lines.slice(at + 1) }
}

/**
 * The closure of the first `#include` line of `below` that `brings` (a closure holding the file),
 * among lines that are only includes, blank or comments; undefined when a definition, a
 * conditional or code comes first, or none brings it.
 */
function firstBringing(
  below: readonly string[],
  brings: (line: string) => Closure | undefined
): Closure | undefined {
  for (const line of below) {
    if (line.trim() === '') continue
    if (!includeOf(line)) return undefined
    const closure = brings(line)
    if (closure) return closure
  }
  return undefined
}

const DIRECTIVE = /^[ \t]*#.*$/gm

/** The file's directives in order, spaces squeezed (comments blanked, strings kept). */
function directives(text: string): string {
  return (maskCommentsAndStrings(text, false).match(DIRECTIVE) ?? [])
    .map(d => d.trim().replace(/\s+/g, ' '))
    .join('\n')
}

/** Caches file reads and definitions for one mapping run (a closure reads hundreds of headers). */
export class IncludeJudge {
  private readonly texts = new Map<string, string | undefined | false>()
  private readonly defs = new Map<string, string[]>()
  private readonly lists = new Map<string, ListedInclude[]>()
  /** Each image's directives (`directives`), once per image for all its changed includes. */
  private readonly order = new Map<string, string>()
  private readonly sourceOf: SourceOf

  constructor(private readonly ctx: IncludeContext) {
    this.sourceOf = path => {
      if (!this.texts.has(path)) this.texts.set(path, ctx.sourceOf(path))
      return this.texts.get(path)
    }
  }

  private closure(root: string, text: string, tu: string, certain: boolean): Closure {
    const { arches, builds } = this.ctx
    const options = { sourceOf: this.sourceOf, arches, builds, certain, cache: this.lists }
    return includeClosure(root, text, tu, options)
  }

  /** Names the files bring (their macros and inlines) that `used` holds. */
  private brought(files: Iterable<string>, used: ReadonlySet<string>): string[] {
    const names = new Set<string>()
    for (const f of files) {
      let d = this.defs.get(f)
      if (!d) {
        const text = this.sourceOf(f)
        d = typeof text === 'string' ? definitions(text) : []
        this.defs.set(f, d)
      }
      for (const n of d) if (used.has(n)) names.add(n)
    }
    return [...names].sort()
  }

  private directivesOf(text: string): string {
    let d = this.order.get(text)
    if (d === undefined) this.order.set(text, (d = directives(text)))
    return d
  }

  /** One finding per include the hunk adds or removes. */
  judge(subject: IncludeSubject, inc: IncludeDirective, side: 'add' | 'del'): TopLevelFinding {
    const { path } = subject
    const written = inc.quoted ? `"${inc.name}"` : `<${inc.name}>`
    const target = resolveInclude(inc, path, path, {
      sourceOf: this.sourceOf,
      arches: this.ctx.arches
    })
    if (target === undefined) {
      return {
        kind: 'include-change',
        severity: 'unresolved',
        message: `#include ${written} ${side === 'add' ? 'added' : 'removed'}, and it resolves to no file of the tree: what it brings is unknown`
      }
    }
    const keptText = side === 'add' ? subject.preText : subject.postText
    // Moved: the same include on the other side, elsewhere among the directives. A header sees
    // the definitions and includes above it (`#define DEBUG` moved above printk.h turns
    // pr_debug on; swapped headers give one the other's macros), so the order is its input.
    const kept = includeDirectives(this.directivesOf(keptText)).some(
      d => d.name === inc.name && d.quoted === inc.quoted
    )
    if (kept && this.directivesOf(subject.preText) !== this.directivesOf(subject.postText)) {
      return {
        kind: 'include-change',
        severity: 'unresolved',
        message: `#include ${written} moved among the file's directives: the definitions and includes above a header decide what it makes, which is not traced`
      }
    }
    // Added: did the file get it before the fix, above the new line? (When the fix also drops the
    // include that brought it, that removal is judged on its own: what the file loses.) Removed:
    // does it still get it above the old line? Only the text above counts: an include moved above
    // a `#define DEBUG` (or `DISABLE_BRANCH_PROFILING`) makes the header with another definition
    // in force, which "already gets it further down" does not show (a hostile review's case).
    // Moved among code lines only (the directives' order kept): the header sees what it saw.
    const sideText = side === 'add' ? subject.postText : subject.preText
    const split = kept ? undefined : splitAt(sideText, inc)
    const certain = this.closure(path, kept ? keptText : (split?.above ?? sideText), path, true)
    // Or just below the line, past nothing but other includes: moved up among includes, with no
    // definition of this file between (rom.c puts <linux/bits.h> above the <linux/kernel.h> that
    // brought it). A header that tests what another header defines is not traced.
    const found = certain.parent.has(target)
      ? certain
      : split &&
        firstBringing(split.below, line => {
          const c = this.closure(path, line, path, true)
          return c.parent.has(target) ? c : undefined
        })
    if (found) {
      const via = chainOf(found, target).slice(1, -1)
      const where = kept
        ? ''
        : found === certain
          ? ' above that line'
          : ' just below it, past only includes'
      return {
        kind: 'include-change',
        severity: 'info',
        message: `#include ${written} ${side === 'add' ? 'added' : 'removed'}: the file ${side === 'add' ? 'already gets' : 'still gets'} ${target}${via.length > 0 ? ` through ${via.join(' -> ')}` : ''}${where} in every build, so nothing new reaches its code`
      }
    }
    const before = this.closure(path, subject.preText, path, false)
    const after = this.closure(path, subject.postText, path, false)
    const [from, to] = side === 'add' ? [after, before] : [before, after]
    const moved = [...from.parent.keys()].filter(f => !to.parent.has(f) && f !== path)
    const names = this.brought(moved, subject.used)
    const list =
      names.length === 0
        ? 'none of their macros or inline functions is named by this file'
        : `this file uses ${names.length} of their macros or inline functions: ${names.slice(0, SHOWN).join(', ')}${names.length > SHOWN ? ', ...' : ''}`
    return {
      kind: 'include-change',
      severity: 'unresolved',
      message: `#include ${written} ${side === 'add' ? 'added: it brings' : 'removed: the file loses'} ${moved.length} header(s) (${target}${moved.length > 1 ? ' and what it includes' : ''}); ${list}`
    }
  }
}

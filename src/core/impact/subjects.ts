import { append } from '../arrays.js'
import type { Parser } from 'web-tree-sitter'
import type { FileChange } from '../diff/map.js'
import type { Hunk } from '../diff/patch.js'
import { analyseSource, type Analysis } from '../source/locate.js'

/** One `#define` of a header that the fix adds, removes or changes. */
export interface MacroSubject {
  header: string
  name: string
  status: 'added' | 'removed' | 'changed'
  /** First changed line of the hunk (new image; old image for a deletion). */
  line: number
  /** A new macro's definition text (macroDefinitions' form). */
  body?: string
  /** The changed lines of its definitions: old image (`pre`) or new (`post`), 1-based. */
  changed: Array<{ side: 'pre' | 'post'; line: number }>
}

/** Both images of one changed header, analysed once. */
export interface HeaderImages {
  path: string
  pre: Analysis
  post: Analysis
  change: FileChange
}

/** Headers of the fix with both images (a new header is seen by no existing code). */
export function headerImages(parser: Parser, changes: FileChange[]): HeaderImages[] {
  return imagesOf(parser, changes, '.h')
}

/** Both images of each changed file whose name ends in `ext` and that the fix does not create. */
export function imagesOf(parser: Parser, changes: FileChange[], ext: string): HeaderImages[] {
  const out: HeaderImages[] = []
  for (const change of changes) {
    if (!change.path.endsWith(ext) || change.oldText === null || change.newText === null) continue
    if (change.patch.oldPath === null) continue
    out.push({
      path: change.path,
      pre: analyseSource(parser, change.oldText),
      post: analyseSource(parser, change.newText),
      change
    })
  }
  return out
}

export function hunkLine(h: Hunk): number {
  const add = h.lines.find(l => l.type === 'add')
  if (add?.newLine !== undefined) return add.newLine
  return h.lines.find(l => l.type === 'del')?.oldLine ?? h.newStart
}

/** Text of every definition of `name` in one image, comments and layout gone. */
export function macroDefinitions(a: Pick<Analysis, 'masked' | 'map'>, name: string): string {
  const lines = a.masked.split('\n')
  return a.map.macros
    .filter(m => m.name === name)
    .map(m =>
      lines
        .slice(m.startLine - 1, m.endLine)
        .join('\n')
        .replace(/\\\r?\n/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .join('\n')
}

/** The macros whose definition lines a hunk touches, and whether the fix adds, removes or changes them. */
export function macroSubjects(img: HeaderImages): MacroSubject[] {
  const found = new Map<string, MacroSubject>()
  for (const h of img.change.patch.hunks) {
    const line = hunkLine(h)
    const names = new Map<string, MacroSubject['changed']>()
    for (const l of h.lines) {
      const [a, n] =
        l.type === 'del' ? [img.pre, l.oldLine] : l.type === 'add' ? [img.post, l.newLine] : []
      if (!a || n === undefined) continue
      const side = l.type === 'del' ? 'pre' : 'post'
      for (const m of a.map.macros)
        if (n >= m.startLine && n <= m.endLine)
          names.set(m.name, [...(names.get(m.name) ?? []), { side, line: n }])
    }
    for (const [name, changed] of names) {
      const known = found.get(name)
      if (known) {
        append(known.changed, changed)
        continue
      }
      const before = macroDefinitions(img.pre, name)
      const after = macroDefinitions(img.post, name)
      if (before === after) continue
      const status = before === '' ? 'added' : after === '' ? 'removed' : 'changed'
      found.set(name, {
        header: img.path,
        name,
        status,
        line,
        changed,
        ...(status === 'added' ? { body: after } : {})
      })
    }
  }
  return [...found.values()].sort((a, b) => a.line - b.line || a.name.localeCompare(b.name))
}

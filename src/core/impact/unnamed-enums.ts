import type { HeaderImages } from './subjects.js'
import { hunkLine } from './subjects.js'
import type { TypeSubject } from './type-impact.js'
import { compareShapes, shapeOf } from './type-shape.js'

type Decl = HeaderImages['pre']['map']['declarations'][number]

/**
 * Anonymous enums a fix changes (`enum { IFLA_HSR_UNSPEC, ..., __IFLA_HSR_MAX };` in uapi
 * headers): what matters is which enumerators they renumber, like a named enum's. Each is paired
 * with its other image by its first enumerator and named after it. Only when every anonymous type
 * the hunks touch is such a pair: anything else is left to the mapper's finding, which the
 * subjects answer as `(unnamed)`.
 */
export function unnamedEnumSubjects(img: HeaderImages): TypeSubject[] {
  const sides = { pre: img.pre, post: img.post }
  const lines = { pre: img.pre.masked.split('\n'), post: img.post.masked.split('\n') }
  const touched = { pre: new Map<Decl, number>(), post: new Map<Decl, number>() }
  for (const h of img.change.patch.hunks) {
    for (const l of h.lines) {
      const side = l.type === 'del' ? 'pre' : l.type === 'add' ? 'post' : undefined
      const n = l.type === 'del' ? l.oldLine : l.newLine
      if (!side || n === undefined) continue
      for (const d of sides[side].map.declarations)
        if (d.kind === 'type' && !d.name && n >= d.startLine && n <= d.endLine)
          touched[side].set(d, hunkLine(h))
    }
  }
  if (touched.pre.size === 0 && touched.post.size === 0) return []
  const text = (side: 'pre' | 'post', d: Decl): string =>
    lines[side].slice(d.startLine - 1, d.endLine).join('\n')
  const firstOf = (side: 'pre' | 'post', d: Decl): string | undefined => {
    const s = shapeOf(text(side, d))
    return s.kind === 'enum' ? s.enumerators[0]?.name : undefined
  }
  const unnamed = (side: 'pre' | 'post'): Decl[] =>
    sides[side].map.declarations.filter(d => d.kind === 'type' && !d.name)
  const out = new Map<string, TypeSubject>()
  const pair = (pre: Decl, post: Decl, line: number): boolean => {
    const first = firstOf('pre', pre)
    if (first === undefined || firstOf('post', post) !== first) return false
    const before = text('pre', pre)
    const after = text('post', post)
    out.set(first, {
      header: img.path,
      name: `{ ${first}, ... }`,
      spellings: [],
      line,
      change: compareShapes(shapeOf(before), shapeOf(after)),
      kind: 'enum',
      texts: { before, after },
      spans: {
        before: { masked: img.pre.masked, start: pre.startLine, end: pre.endLine },
        after: { masked: img.post.masked, start: post.startLine, end: post.endLine }
      },
      answers: '(unnamed)'
    })
    return true
  }
  for (const [d, line] of touched.pre) {
    const first = firstOf('pre', d)
    const other = unnamed('post').find(p => first !== undefined && firstOf('post', p) === first)
    if (!other || !pair(d, other, touched.post.get(other) ?? line)) return []
  }
  for (const [d, line] of touched.post) {
    const first = firstOf('post', d)
    if (first !== undefined && out.has(first)) continue
    const other = unnamed('pre').find(p => first !== undefined && firstOf('pre', p) === first)
    if (!other || !pair(other, d, line)) return []
  }
  return [...out.values()]
}

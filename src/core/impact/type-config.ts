import type { Kconfig } from '../config/kconfig.js'
import { configuredDeclaration } from '../layout/configured.js'
import type { TypeSubject } from './type-impact.js'
import { compareShapes, shapeOf, type ShapeChange } from './type-shape.js'

/**
 * A changed type as one build compiles it: both declarations with the members its `.config`
 * compiles out blanked, compared again. `out`: the build compiles the whole declaration out on
 * both sides. Undefined when the declaration's spans are unknown, or it moves in or out of the
 * build (then the text as written is judged).
 */
export function configuredSubject(
  subject: TypeSubject,
  config: Kconfig
): { out: string } | { change: ShapeChange; texts: { before: string; after: string } } | undefined {
  if (!subject.spans) return undefined
  const a = configuredDeclaration(subject.spans.before, config)
  const b = configuredDeclaration(subject.spans.after, config)
  if ('out' in a && 'out' in b) return { out: a.out }
  if ('out' in a || 'out' in b) return undefined
  return {
    change: compareShapes(shapeOf(a.text), shapeOf(b.text)),
    texts: { before: a.text, after: b.text }
  }
}

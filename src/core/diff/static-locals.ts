import type { ImageView } from '../decls/top-level.js'
import type { Hunk } from './patch.js'

/**
 * A writable function-scope static declared on one line, with its value or without (zero):
 * `static int budget = 10;`, `static int budget;`, `static DEFINE_RATELIMIT_STATE(_rs, 5 * HZ,
 * 10);`. `const` tables are the function's own copy.
 */
const STATIC_LOCAL =
  /^\s*static\s+(?!const\b)(?:DEFINE_\w+\s*\(\s*([A-Za-z_]\w*)|[^=;(]*?\b([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*[=;])/

function declared(
  img: ImageView,
  line: number
): { fn: string; name: string; text: string } | undefined {
  const text = img.uncommented[line - 1] ?? ''
  const m = STATIC_LOCAL.exec(text)
  if (!m) return undefined
  const fn = img.analysis.functions.find(f => line > f.startLine && line <= f.endLine)
  return fn
    ? { fn: fn.name, name: m[1] ?? m[2], text: text.replace(/\s+/g, ' ').trim() }
    : undefined
}

/**
 * Function-scope statics a hunk declares again with another value. kpatch and klp-build give a
 * replaced function the running kernel's static locals (so that their state survives): the new
 * initial value never takes effect, whatever the livepatch replaces. A static only one side
 * declares is new (the livepatch brings it) or gone.
 */
export function restartedStatics(
  h: Hunk,
  pre: ImageView,
  post: ImageView
): Array<{ fn: string; name: string }> {
  const before = new Map<string, string>()
  for (const l of h.lines) {
    if (l.type !== 'del') continue
    const d = declared(pre, l.oldLine ?? 0)
    if (d) before.set(`${d.fn}\0${d.name}`, d.text)
  }
  const out: Array<{ fn: string; name: string }> = []
  for (const l of h.lines) {
    if (l.type !== 'add') continue
    const d = declared(post, l.newLine ?? 0)
    const was = d ? before.get(`${d.fn}\0${d.name}`) : undefined
    if (d && was !== undefined && was !== d.text) out.push({ fn: d.fn, name: d.name })
  }
  return out
}

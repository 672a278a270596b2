import { DIRECTIVE } from './configured.js'

// Conditions laid out both ways at most: 2^3 layouts of each image.
const MAX_CONDITIONS = 3

/**
 * A struct's members under an `#if` the `.config` cannot decide (`#ifndef TIF_RESTORE_SIGMASK`
 * in struct task_struct: the architecture's header decides it): the text of both images for each
 * way the conditions may go, every combination, the directives blanked (line numbers kept). The
 * same condition goes the same way in both images. Undefined when there are more than a few
 * conditions, or the directives do not pair up; [texts] when there are none.
 */
export function conditionVariants(texts: {
  before: string
  after: string
}): Array<{ before: string; after: string }> | undefined {
  const keys = new Set<string>()
  let directives = 0
  for (const text of [texts.before, texts.after])
    for (const line of text.split('\n')) {
      const d = directive(line)
      if (d) directives++
      if (d?.key !== undefined) keys.add(d.key)
    }
  if (directives === 0) return [texts]
  if (keys.size > MAX_CONDITIONS) return undefined
  const list = [...keys]
  const out: Array<{ before: string; after: string }> = []
  for (let bits = 0; bits < 1 << list.length; bits++) {
    const holds = (key: string): boolean => ((bits >> list.indexOf(key)) & 1) === 1
    const before = resolved(texts.before, holds)
    const after = resolved(texts.after, holds)
    if (before === undefined || after === undefined) return undefined
    out.push({ before, after })
  }
  return out
}

function directive(line: string): { word: string; key?: string; negated: boolean } | undefined {
  const m = DIRECTIVE.exec(line)
  if (!m) return undefined
  const [, word, rest] = m
  const arg = rest.trim().replace(/\s+/g, ' ')
  if (word === 'ifdef' || word === 'ifndef')
    return { word, key: `defined(${arg})`, negated: word === 'ifndef' }
  if (word === 'if' || word === 'elif') return { word, key: arg, negated: false }
  return { word, negated: false }
}

/** The text with the lines `holds` keeps, directives blanked; undefined if they do not pair up. */
function resolved(text: string, holds: (key: string) => boolean): string | undefined {
  // Per open #if: whether its lines are kept now, and whether a branch was taken already.
  const stack: Array<{ active: boolean; taken: boolean }> = []
  const active = (): boolean => stack.every(f => f.active)
  const out: string[] = []
  for (const line of text.split('\n')) {
    const d = directive(line)
    if (!d) {
      out.push(active() ? line : '')
      continue
    }
    const cond = d.key !== undefined && holds(d.key) !== d.negated
    const top = stack[stack.length - 1]
    if (d.word === 'if' || d.word === 'ifdef' || d.word === 'ifndef') {
      stack.push({ active: cond, taken: cond })
    } else if (!top) {
      return undefined
    } else if (d.word === 'elif') {
      top.active = !top.taken && cond
      top.taken ||= cond
    } else if (d.word === 'else') {
      top.active = !top.taken
      top.taken = true
    } else stack.pop()
    out.push('')
  }
  return stack.length === 0 ? out.join('\n') : undefined
}

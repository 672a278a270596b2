import type { AffectedFunction, ChainStep } from '../model.js'
import { codeSpan, escapeText } from './escape.js'

/**
 * How a step's function relates to the one before it, read backwards from the function to patch:
 * `ip_do_redirect` ← inlined `__build_flow_key.constprop.0` ← clone of `__build_flow_key`.
 */
const BACKWARD: Record<Exclude<ChainStep['kind'], 'changed'>, string> = {
  'inlined-into': 'inlined',
  'cloned-as': 'clone of',
  'caller-of': 'calls',
  // Exact mode's steps open a chain (the function GCC compiled differently, or whose object code
  // differs); should one follow another step, it reads like a containment.
  'gcc-decision': 'from',
  'object-diff': 'from'
}

const HEAD: Record<ChainStep['kind'], string> = {
  changed: 'changed',
  'gcc-decision': 'compiled differently after the fix',
  'object-diff': 'object code differs',
  'inlined-into': 'changed',
  'cloned-as': 'changed',
  'caller-of': 'changed'
}

/**
 * One chain as one line, from the function a livepatch must replace back to the changed one. The
 * first name is left out when the row already shows it (`withHead: false`).
 */
export function chainLine(chain: ChainStep[], withHead = true): string {
  if (chain.length === 0) return ''
  const head = chain[0]
  const label = HEAD[head.kind]
  const what = head.reason ? `${label}: ${escapeText(head.reason)}` : label
  const last = chain.length - 1
  if (last === 0 && !withHead)
    return `${head.kind === 'changed' ? 'changed by the fix' : label}${head.reason ? ` (${escapeText(head.reason)})` : ''}`
  const parts: string[] = withHead ? [codeSpan(chain[last].name)] : ['']
  for (let i = last; i > 0; i--) {
    const kind = chain[i].kind
    const verb = kind === 'changed' ? 'from' : BACKWARD[kind]
    parts.push(`${verb} ${codeSpan(chain[i - 1].name)}`)
  }
  return `${parts.join(' ← ').trimStart()} (${what})`
}

/** The distinct chains of one function (several changed functions or sets can reach it). */
export function chainLines(entries: AffectedFunction[], withHead = true): string[] {
  return [...new Set(entries.map(e => chainLine(e.chain, withHead)))]
}

import type { Analysis } from '../source/locate.js'
import { escapeRegExp } from '../text/escape-regexp.js'

/**
 * Names of a file through which code reaches a type spelled `spelling` without spelling it:
 * functions returning a pointer to it (the kernel's accessors, `pkt_sk(sk)`, `inet_sk(sk)`, cast
 * one object to the type that embeds it: `pkt_sk(sk)->ifindex`), and variables declared at file
 * scope with it (`extern struct key_type key_type_keyring;`: `key_type_keyring.link`).
 */
export function accessorsIn(analysis: Analysis, spelling: string): string[] {
  const lines = analysis.code.split('\n')
  const word = `\\b${escapeRegExp(spelling)}\\b`
  const returns = new RegExp(`${word}[^;{}()]*\\*[^;{}()]*$`)
  const out: string[] = []
  for (const f of analysis.functions) {
    if (f.generatedBy) continue
    const head = lines.slice(f.startLine - 1, f.bodyLine).join('\n')
    const call = new RegExp(`\\b${escapeRegExp(f.name)}\\s*\\(`).exec(head)
    if (call && returns.test(head.slice(0, call.index))) out.push(f.name)
  }
  // The type before the variable's name: an initializer that spells it makes no variable of it.
  const typed = new RegExp(`${word}[^;{}()=]*$`)
  for (const d of analysis.map.declarations) {
    if ((d.kind !== 'global' && d.kind !== 'extern') || d.name === undefined) continue
    const text = lines.slice(d.startLine - 1, d.endLine).join('\n')
    const at = new RegExp(`\\b${escapeRegExp(d.name)}\\b`).exec(text)
    if (at && typed.test(text.slice(0, at.index))) out.push(d.name)
  }
  return out
}

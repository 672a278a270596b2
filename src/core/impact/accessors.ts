import type { Analysis } from '../source/locate.js'
import { escapeRegExp } from '../text/escape-regexp.js'

/**
 * Functions of a file that return a pointer to a type spelled `spelling`: the kernel's accessors
 * (`pkt_sk(sk)`, `inet_sk(sk)`, `tcp_sk(sk)`) cast one object to the type that embeds it. Their
 * callers reach members (`pkt_sk(sk)->ifindex`) without ever spelling the type.
 */
export function accessorsIn(analysis: Analysis, spelling: string): string[] {
  const lines = analysis.code.split('\n')
  const returns = new RegExp(`\\b${escapeRegExp(spelling)}\\b[^;{}()]*\\*[^;{}()]*$`)
  const out: string[] = []
  for (const f of analysis.functions) {
    if (f.generatedBy) continue
    const head = lines.slice(f.startLine - 1, f.bodyLine).join('\n')
    const call = new RegExp(`\\b${escapeRegExp(f.name)}\\s*\\(`).exec(head)
    if (call && returns.test(head.slice(0, call.index))) out.push(f.name)
  }
  return out
}

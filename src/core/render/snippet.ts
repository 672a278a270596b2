import { cmp } from '../coverage/match.js'
import type { AffectedFunction, Coverage, DeclaredFunction } from '../model.js'

/** The declaration formats the livepatch readers understand, as a snippet can be written in them. */
export type SnippetFormat = 'klp-c' | 'kgraft' | 'suse-csv' | 'plain'

export const SNIPPET_LABEL: Record<SnippetFormat, string> = {
  'klp-c': 'klp_func',
  kgraft: 'KGR_PATCH',
  'suse-csv': 'patched_funcs.csv',
  plain: 'plain list'
}

/** Symbols a snippet may name: C identifiers with GCC's clone suffixes (`.constprop.0`). */
const SYMBOL = /^[A-Za-z_$][\w$]*(\.[\w$]+)*$/

/**
 * The format the repository's livepatch already uses, judged by where its declarations came from:
 * a `.csv` is SUSE's patched_funcs.csv, C files hold `klp_func` arrays unless a kGraft macro was
 * seen, anything else is a plain list. Upstream `klp_func` when nothing was declared.
 */
export function declarationFormat(coverage: Coverage | null): SnippetFormat {
  const decls: DeclaredFunction[] = [
    ...(coverage?.covered.map(c => c.declared) ?? []),
    ...(coverage?.extra ?? []),
    ...(coverage?.ambiguous?.map(a => a.declared) ?? [])
  ]
  const files = decls.map(d => d.source.replace(/:\d+$/, '').toLowerCase())
  if (files.some(f => f.endsWith('.csv'))) return 'suse-csv'
  if (files.length > 0 && files.every(f => !/\.(c|h|inc)$/.test(f))) return 'plain'
  return 'klp-c'
}

/** New-function name from an old one: clone suffixes are not part of a C identifier. */
function newName(prefix: string, name: string): string {
  return `${prefix}${name.replace(/\W/g, '_')}`
}

function line(format: SnippetFormat, a: AffectedFunction): string {
  const object = a.object ?? 'vmlinux'
  const pos = a.sympos
  switch (format) {
    case 'klp-c':
      return (
        `\t{ .old_name = "${a.name}", .new_func = ${newName('livepatch_', a.name)}` +
        `${pos ? `, .old_sympos = ${pos}` : ''} },`
      )
    case 'kgraft':
      return object === 'vmlinux'
        ? `\tKGR_PATCH(${a.name}, ${newName('kgr_', a.name)}),`
        : `\tKGR_PATCH_OBJ(${a.name}, ${newName('kgr_', a.name)}, "${object}"),`
    case 'suse-csv':
      return `${object} ${a.name}${pos ? `,${pos}` : ''} ${newName('klpp_', a.name)}`
    case 'plain':
      return `${object}:${a.name}${pos ? `,${pos}` : ''}`
  }
}

export interface Snippet {
  format: SnippetFormat
  language: string
  text: string
  /** Functions left out because their names are no C symbol a declaration could spell. */
  skipped: number
}

/**
 * Ready-to-paste declarations of `functions`, one object after the other (a `klp_object` needs its
 * own `funcs` array, so C formats get a comment naming the object each group belongs to).
 */
export function declarationSnippet(functions: AffectedFunction[], format: SnippetFormat): Snippet {
  const usable = functions.filter(a => SYMBOL.test(a.name))
  const byObject = new Map<string, AffectedFunction[]>()
  const seen = new Set<string>()
  for (const a of usable) {
    const o = a.object ?? 'vmlinux'
    // One declaration per symbol, however many dump sets or changed functions reach it.
    const key = `${o}\0${a.name}\0${a.sympos ?? 0}`
    if (seen.has(key)) continue
    seen.add(key)
    byObject.set(o, [...(byObject.get(o) ?? []), a])
  }
  const lines: string[] = []
  for (const object of [...byObject.keys()].sort(cmp)) {
    const list = byObject.get(object) ?? []
    if (format === 'klp-c' && byObject.size > 1) lines.push(`\t/* klp_object ${object} */`)
    for (const a of [...list].sort((x, y) => cmp(x.name, y.name))) lines.push(line(format, a))
  }
  return {
    format,
    language: format === 'klp-c' || format === 'kgraft' ? 'c' : 'text',
    text: lines.join('\n'),
    skipped: functions.length - usable.length
  }
}

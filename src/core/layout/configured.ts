import { evaluateCondition, kconfigEnv, type CppEnv } from '../config/expr.js'
import { lineGuards, lineState, logicalLine, type LineGuards } from '../config/guards.js'
import type { BuildConfig, Kconfig } from '../config/kconfig.js'
import { maskCommentsAndStrings } from '../source/mask.js'

/** One declaration's lines in a file (its text with comments blanked), 1-based and inclusive. */
export interface DeclarationSpan {
  masked: string
  start: number
  end: number
}

/** The declaration as one build compiles it, or why that build compiles it out altogether. */
export type Configured = { out: string } | { text: string }

export const DIRECTIVE = /^[ \t]*#[ \t]*(if|ifdef|ifndef|elif|else|endif)\b(.*)$/

/**
 * A struct's members under `#ifdef CONFIG_X` are laid out only when the build sets X: members the
 * `.config` compiles out are blanked, so that a member added under an unset option moves nothing.
 * See configuredText for what stays.
 */
export function configuredDeclaration(span: DeclarationSpan, config: Kconfig): Configured {
  const { guards, env, build } = evaluator(span.masked, config)
  const whole = lineState(guards[span.start - 1] ?? [], env, build)
  if (whole.state === 'out') return { out: whole.reason }
  const lines = configuredText(span.masked, config).split('\n')
  return { text: lines.slice(span.start - 1, span.end).join('\n') }
}

const configured = new Map<string, { config: Kconfig; text: string }>()

/**
 * The file as one build's preprocessor keeps it, as far as its `.config` decides: lines compiled
 * out are blanked, and so are the directives of every `#if` chain whose conditions the `.config`
 * decides. A chain it cannot decide (a macro of another header, an include guard) keeps its
 * directives, which the exact layout refuses: only what the `.config` decides is taken out.
 * Line numbers are kept.
 */
export function configuredText(masked: string, config: Kconfig): string {
  const hit = configured.get(masked)
  if (hit?.config === config) return hit.text
  const { guards, env } = evaluator(masked, config)
  const lines = masked.split('\n')
  const values = new Map<string, number | null>()
  const value = (expr: string): number | null => {
    let v = values.get(expr)
    if (v === undefined) {
      v = evaluateCondition(expr, env)
      values.set(expr, v)
    }
    return v
  }
  // Pass 1: each directive's chain (#if ... #endif), and whether every condition of it is decided.
  const chainOf = new Map<number, number>()
  const decided: boolean[] = []
  const open: number[] = []
  for (let n = 0; n < lines.length; n++) {
    const { text, last } = logicalLine(lines, n)
    const m = DIRECTIVE.exec(text)
    if (m) {
      const [, word, rest] = m
      const arg = rest.trim()
      if (word === 'if' || word === 'ifdef' || word === 'ifndef') {
        open.push(decided.length)
        decided.push(true)
      }
      const chain = open[open.length - 1]
      if (chain !== undefined) {
        for (let k = n; k <= last; k++) chainOf.set(k, chain)
        const expr =
          word === 'if' || word === 'elif'
            ? arg
            : word === 'ifdef'
              ? `defined(${arg})`
              : word === 'ifndef'
                ? `!defined(${arg})`
                : '1'
        if (value(expr) === null) decided[chain] = false
      }
      if (word === 'endif') open.pop()
    }
    n = last
  }
  // Pass 2: blank what is out, and the directives of decided chains.
  const out = lines.map((line, n) => {
    const chain = chainOf.get(n)
    if (chain !== undefined) return decided[chain] ? '' : line
    const gone = (guards[n] ?? []).some(t => {
      const v = value(t.expr)
      return v !== null && (v !== 0) !== t.positive
    })
    return gone ? '' : line
  })
  const text = out.join('\n')
  configured.set(masked, { config, text })
  if (configured.size > 4096) configured.delete(configured.keys().next().value as string)
  return text
}

/**
 * x86_64 is little-endian: the kernel's byteorder headers (uapi/linux/byteorder/little_endian.h,
 * which every TU gets through asm/byteorder.h) define these and never the big-endian names, and
 * structs choose their member order by them (qspinlock, iphdr's bitfields). The layout code is
 * x86_64's already (LP64).
 */
const X86_64: Record<string, number | null> = {
  __LITTLE_ENDIAN: 1234,
  __LITTLE_ENDIAN_BITFIELD: 1,
  __BIG_ENDIAN: null,
  __BIG_ENDIAN_BITFIELD: null
}

function evaluator(
  masked: string,
  config: Kconfig
): { guards: LineGuards; env: CppEnv; build: BuildConfig } {
  // A CONFIG_ name the file defines itself is not the .config's.
  const local = new Set([...masked.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)/gm)].map(m => m[1]))
  const base = kconfigEnv(config, local)
  const env: CppEnv = {
    value: name => (Object.hasOwn(X86_64, name) ? (X86_64[name] ?? 0) : base.value(name)),
    defined: name => (Object.hasOwn(X86_64, name) ? X86_64[name] !== null : base.defined(name))
  }
  return { guards: lineGuards(masked), env, build: { label: '', config } }
}

const INCLUDE = /^[ \t]*#[ \t]*include[ \t]*(?:"([^"\n]+)"|<([^>\n]+)>)/

/**
 * The files of a unit without those the `.config` keeps out: a header whose every `#include` line
 * in the unit's files is compiled out (`#else` of `CONFIG_SMP` includes spinlock_types_up.h, whose
 * empty `arch_spinlock_t` is not this build's). The unit's include closure is lexical; a file no
 * include line names (through a macro, resolved otherwise) stays, as does every file when in
 * doubt: only what the `.config` decides is taken out.
 */
export function configuredFiles(
  files: readonly string[],
  textOf: (path: string) => string | undefined | false,
  configure: (masked: string) => string
): string[] {
  /** Per file: the names its include lines give, and whether the `.config` keeps each line. */
  const lines = new Map<string, Array<{ name: string; kept: boolean }>>()
  for (const file of files) {
    const raw = textOf(file)
    if (typeof raw !== 'string' || !raw.includes('include')) continue
    const out: Array<{ name: string; kept: boolean }> = []
    const configured = configure(maskCommentsAndStrings(raw)).split('\n')
    raw.split('\n').forEach((line, i) => {
      const m = INCLUDE.exec(line)
      // Blanked by configuredText: compiled out (a kept line keeps its `#include`).
      if (m) out.push({ name: m[1] ?? m[2], kept: configured[i]?.trim() !== '' })
    })
    lines.set(file, out)
  }
  const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1)
  // Transitively: a header only a dropped header includes is dropped too (pgtable-3level.h's).
  let current = new Set(files)
  for (;;) {
    const kept = new Map<string, string[]>()
    const dropped = new Map<string, string[]>()
    for (const [file, list] of lines) {
      for (const l of list) {
        const into = l.kept && current.has(file) ? kept : dropped
        into.set(base(l.name), [...(into.get(base(l.name)) ?? []), l.name])
      }
    }
    const named = (file: string, by: Map<string, string[]>): boolean =>
      (by.get(base(file)) ?? []).some(n => file === n || file.endsWith(`/${n}`))
    const next = new Set(files.filter((f, i) => i === 0 || named(f, kept) || !named(f, dropped)))
    if (next.size === current.size) return files.filter(f => next.has(f))
    current = next
  }
}

import { kconfigEnv, type CppEnv } from '../config/expr.js'
import { lineGuards, lineState, type LineGuards } from '../config/guards.js'
import type { Kconfig } from '../config/kconfig.js'
import { maskCommentsAndStrings } from '../source/mask.js'
import type { ScriptKind } from './targets.js'

const DIRECTIVE = /^[ \t]*#[ \t]*(\w*)/
const TESTS = new Set(['if', 'ifdef', 'ifndef', 'elif', 'elifdef', 'elifndef'])
/** What kbuild defines when it preprocesses a linker script (`cpp_lds_S`), and a `.S`. */
const LINKER = new Set(['__ASSEMBLY__', 'LINKER_SCRIPT'])
const ASSEMBLER = new Set(['__ASSEMBLY__'])

/** A file's text as the searches read it, made once per file (a header is in many scripts). */
export interface ScriptText {
  lines: string[]
  guards: LineGuards
  /** The names it `#define`s: a CONFIG_ name defined there is not the `.config`'s. */
  local: ReadonlySet<string>
}

export function scriptText(text: string): ScriptText {
  const masked = maskCommentsAndStrings(text)
  return {
    lines: masked.split('\n'),
    guards: lineGuards(masked),
    local: new Set([...masked.matchAll(/^[ \t]*#[ \t]*define[ \t]+(\w+)/gm)].map(m => m[1]))
  }
}

/**
 * How a script's preprocessor decides `#if`s: a linker script is read as assembly
 * (`-D__ASSEMBLY__ -DLINKER_SCRIPT`), a `.S` as assembly, an offset generator as C; all with the
 * set's `.config`.
 */
export function scriptEnv(kind: ScriptKind, config: Kconfig | undefined, text: ScriptText): CppEnv {
  const base = kconfigEnv(config, text.local)
  if (kind === 'offsets') return base
  const set = kind === 'linker-script' ? LINKER : ASSEMBLER
  return {
    value: name => (set.has(name) ? 1 : base.value(name)),
    defined: name => (set.has(name) ? true : base.defined(name))
  }
}

/**
 * Lines (1-based) of a script's text where one of `names` is expanded or tested: spelled outside
 * comments and literals and outside `#define` bodies (a macro defined there is expanded only
 * where it is spelled, which `names` already follows), or in an `#if` condition; not on a line
 * `env` compiles out (`#ifndef __ASSEMBLY__` in a linker script's header; an unset option).
 * Lexical: a linker script is not C, and cpp reads it as text.
 */
export function scriptSpellings(
  text: ScriptText,
  names: ReadonlySet<string>,
  env?: CppEnv
): Array<{ line: number; name: string }> {
  const { lines, guards } = text
  const out: Array<{ line: number; name: string }> = []
  for (let i = 0; i < lines.length; i++) {
    const start = i
    let line = lines[i]
    while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + lines[++i]
    const directive = DIRECTIVE.exec(line)
    if (directive && !TESTS.has(directive[1])) continue
    const word = (line.match(/(?<!\w)[A-Za-z_]\w*/g) ?? []).find(w => names.has(w))
    if (word === undefined) continue
    if (env && lineState(guards[start] ?? [], env, { label: '' }).state === 'out') continue
    out.push({ line: start + 1, name: word })
  }
  return out
}

/**
 * A file as a script's preprocessor reads it, for following its `#include`s: the lines `kind`'s
 * preprocessor drops are blanked (a header's `#ifndef __ASSEMBLY__` part, whose includes bring C
 * that never reaches a linker script), the others kept as written.
 */
export function scriptView(kind: ScriptKind, config: Kconfig | undefined, text: string): string {
  const prepared = scriptText(text)
  const env = scriptEnv(kind, config, prepared)
  const raw = text.split('\n')
  return raw
    .map((line, i) =>
      lineState(prepared.guards[i] ?? [], env, { label: '' }).state === 'out' ? '' : line
    )
    .join('\n')
}

import type { Parser } from 'web-tree-sitter'
import { baseName } from '../graph/walk.js'
import type {
  AffectedFunction,
  ChangedFunction,
  DeclaredFunction,
  Finding,
  FunctionDef
} from '../model.js'
import { locateSource } from '../source/locate.js'
import { verdictOf, type Verdict } from './rules.js'
import { maxOf } from '../arrays.js'

export interface PatchabilityInput {
  affected: AffectedFunction[]
  changed: ChangedFunction[]
  /** Pre-images of the changed files, by path. */
  changedTexts: Map<string, string>
  parser: Parser
  /** Pre-image of another file of the tree (a container's TU), when the source is there. */
  sourceOf: (path: string) => string | undefined | false
  declared: DeclaredFunction[]
  /** TUs of a dump set compiled without ftrace's call sites (see `untracedTus`), when known. */
  untraced?: (set: string, tu: string) => boolean
}

/** Annotations that can make a definition unpatchable, to skip files that cannot have one. */
const ANNOTATION =
  /\b(?:__init|__exit|noinstr|notrace|__naked|naked|__meminit|no_instrument_function|__no_instrument_function__)\b|\.(?:init|exit|noinstr|entry)\.text/

/**
 * Marks the affected functions a livepatch cannot replace (`unpatchable`, with a note) and says
 * why, one finding each. Only definitions that can be seen are judged: the changed files' images,
 * and a container's own TU when its source is given; a definition elsewhere (another header) is
 * not read.
 */
export function judgePatchability(input: PatchabilityInput): Finding[] {
  const findings: Finding[] = []
  const defs = new DefinitionFinder(input)
  const fileOf = new Map(input.changed.map(c => [c.name, c.file]))
  for (const a of input.affected) {
    if (a.symbol === 'removed') continue
    const def = defs.find(a, fileOf.get(a.origin))
    let verdict = def?.def.attributes ? verdictOf(def.def.attributes) : undefined
    let file = def?.file ?? a.tu
    if (!verdict && input.untraced?.(a.set, a.tu)) {
      const object = `${a.tu.slice(a.tu.lastIndexOf('/') + 1, -2)}.o`
      verdict = {
        kind: 'notrace',
        because:
          `in ${a.tu}, which kbuild compiled without ftrace's flags ` +
          `(CFLAGS_REMOVE_${object} = $(CC_FLAGS_FTRACE))`
      }
      file = a.tu
    }
    if (!verdict) continue
    const declared = input.declared.filter(
      d => d.name === a.name && (d.object === '*' || a.object === null || d.object === a.object)
    )
    findings.push(finding(a, verdict, file, declared))
  }
  return findings
}

function finding(
  a: AffectedFunction,
  v: Verdict,
  file: string,
  declared: DeclaredFunction[]
): Finding {
  const own = a.chain.length <= 1
  const what = own
    ? `${a.name} is ${v.because}`
    : `${a.name} (which contains ${a.origin}) is ${v.because}`
  const loads =
    declared.length > 0
      ? ` It is declared (${declared.map(d => d.source).join(', ')}): the kernel cannot hook it, so the livepatch would fail to load.`
      : ''
  let severity: Finding['severity']
  let message: string
  let note: string
  if (v.kind === 'boot-only') {
    severity = declared.length > 0 ? 'unresolved' : 'info'
    const when = a.object === null || a.object === 'vmlinux' ? 'at boot' : 'when its module loads'
    note = `runs only ${when}: nothing to patch in a running kernel`
    message = `${what}: it runs only ${when} and is freed afterwards, so there is nothing to patch in a running kernel.${loads}`
  } else if (v.kind === 'exit' && a.object === 'vmlinux') {
    severity = declared.length > 0 ? 'unresolved' : 'info'
    note = '__exit in vmlinux: never runs, nothing to patch'
    message = `${what}: exit code of a built-in object never runs (dropped at link time, or freed with the init sections after boot, as on x86), so there is nothing to patch.${loads}`
  } else {
    severity = a.tier === 'required' ? 'unresolved' : 'warning'
    const why =
      v.kind === 'exit'
        ? 'exit code is notrace and runs only at module unload'
        : v.kind === 'noinstr'
          ? 'code that must not be instrumented (entry, idle) has no ftrace call site'
          : 'it has no ftrace call site (fentry)'
    note = `not patchable: ${v.because}`
    message =
      `${what}: ${why}, so neither a livepatch nor kpatch can replace it. Carry the fix through ` +
      `its callers (replace them with copies that call a fixed ${baseName(a.name)}) or rework the fix.${loads}`
  }
  a.unpatchable = v.kind
  a.note = a.note ? `${a.note}; ${note}` : note
  return {
    kind: 'not-patchable',
    severity,
    message,
    file,
    set: a.set,
    functions: [a.name]
  }
}

/** Definitions by file, each file located once, and only when it may hold an annotated one. */
class DefinitionFinder {
  private readonly located = new Map<string, FunctionDef[] | null>()
  private readonly candidates = new Map<string, Set<string> | null>()

  constructor(private readonly input: PatchabilityInput) {}

  /**
   * The entry's own TU decides first (a static of that name there is the one compiled); then a
   * changed header, or the changed `.c` its change comes from (a `.c` #included by the TU).
   */
  find(a: AffectedFunction, originFile?: string): { def: FunctionDef; file: string } | undefined {
    const name = baseName(a.name)
    const own = this.defIn(a.tu, name)
    if (own) return { def: own, file: a.tu }
    for (const file of this.input.changedTexts.keys()) {
      if (file === a.tu || (file.endsWith('.c') && file !== originFile)) continue
      const def = this.defIn(file, name)
      if (def) return { def, file }
    }
    return undefined
  }

  private read(file: string): string | undefined {
    const text = this.input.changedTexts.get(file) ?? this.input.sourceOf(file)
    return typeof text === 'string' ? text : undefined
  }

  private defIn(file: string, name: string): FunctionDef | undefined {
    let candidates = this.candidates.get(file)
    if (candidates === undefined) {
      const text = this.read(file)
      candidates = text === undefined ? null : annotatedNames(text)
      this.candidates.set(file, candidates)
    }
    if (!candidates?.has(name)) return undefined
    let defs = this.located.get(file)
    if (defs === undefined) {
      const text = this.read(file)
      defs = text === undefined ? null : locateSource(this.input.parser, text).functions
      this.located.set(file, defs)
    }
    return defs?.find(d => d.name === name || d.symbols.includes(name))
  }
}

/**
 * A cheap look before parsing: every name followed by `(` in a declaration head that carries an
 * annotation (from the `;`, `{` or `}` before the annotation to the `{` or `;` after it). Once per
 * file: a header fix reaches hundreds of TUs and thousands of entries.
 */
function annotatedNames(text: string): Set<string> {
  const names = new Set<string>()
  const re = new RegExp(ANNOTATION.source, 'g')
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const before = text.slice(Math.max(0, m.index - 400), m.index)
    const from =
      m.index - before.length + 1 + maxOf([';', '{', '}'].map(c => before.lastIndexOf(c)))
    const rest = text.slice(m.index, m.index + 400)
    const stops = ['{', ';'].map(c => rest.indexOf(c)).filter(i => i >= 0)
    const to = m.index + (stops.length > 0 ? -maxOf(stops.map(i => -i)) : rest.length)
    for (const n of text.slice(from, to).matchAll(/\b([A-Za-z_]\w*)\s*\(/g)) names.add(n[1])
    re.lastIndex = Math.max(re.lastIndex, to)
  }
  return names
}

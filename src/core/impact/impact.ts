import type { Parser } from 'web-tree-sitter'
import type { FileChange, MappedChanges } from '../diff/map.js'
import type { ChangedFunction, Finding } from '../model.js'
import type { HeaderDeps } from './deps.js'
import { macroImpact, planMacroSearch, searchedFiles } from './macro-impact.js'
import { headerImages, macroSubjects, type HeaderImages, type MacroSubject } from './subjects.js'
import { typeImpact, typeSubjects, type TypeSubject } from './type-impact.js'
import { sourceImages } from './source-types.js'
import { Units } from './units.js'
import { UseIndex } from './uses.js'
import { append } from '../arrays.js'
import { hasTraceEvents, traceEventImpact } from '../trace-events/impact.js'
import { TypeSizes } from '../layout/type-sizes.js'
import type { Resolve } from '../layout/struct-layout.js'
import type { Kconfig } from '../config/kconfig.js'
import { configuredFiles, configuredText } from '../layout/configured.js'
import { scriptUnitsOf } from '../scripts/units.js'
import { scriptImpact } from '../scripts/impact.js'
import { scriptView, type ScriptText } from '../scripts/spellings.js'
import { compiledOutTest } from './compiled-out.js'
import type { ScriptList } from '../scripts/targets.js'

export interface ImpactContext {
  parser: Parser
  changes: FileChange[]
  mapped: MappedChanges
  /** A file of the tree other than the fix's (see AnalysisInput.sourceOf). */
  sourceOf: (path: string) => string | undefined | false
  /** What `sourceOf` would answer, without reading (see AnalysisInput.sourceStatus). */
  sourceStatus?: (path: string) => 'ok' | undefined | false
}

export interface SetImpact {
  /** Functions whose code the fix's header changes reach, to walk like changed functions. */
  targets: ChangedFunction[]
  /** Functions touching a struct member the fix moves, or the size: the `layout` tier's roots. */
  layout: ChangedFunction[]
  findings: Finding[]
  /** The mapper's findings this analysis answers (replaced by `findings`). */
  superseded: Set<Finding>
}

/**
 * What a fix's non-function header changes do to the code of one dump set. Everything read is
 * cached across sets: the second set's question about a header is mostly lookups.
 */
export function makeImpact(ctx: ImpactContext): (set: {
  label: string
  tus: string[]
  deps?: HeaderDeps
  config?: Kconfig
  /** kbuild's lists of the set's linker scripts and offset generators, when uploaded. */
  scripts?: readonly ScriptList[]
}) => SetImpact {
  const pre = new Map<string, string>()
  for (const c of ctx.changes) if (c.oldText !== null) pre.set(c.path, c.oldText)
  const deleted = deletedLines(ctx.changes)
  const rewritten = (file: string, line: number): boolean => deleted.get(file)?.has(line) ?? false
  const absent = new Map<string, undefined | false>()
  const textOf = (path: string): string | undefined | false => {
    const own = pre.get(path)
    if (own !== undefined) return own
    // Texts are not kept (the caches above them keep what they need); misses are, since include
    // resolution asks for the same absent candidates again and again.
    if (absent.has(path)) return absent.get(path)
    const text = ctx.sourceOf(path)
    if (typeof text !== 'string') absent.set(path, text)
    return text
  }
  // Whether a file can be read, for the kbuild lists' files: reading each to know cost a pass
  // over a wide header's whole reach (6,000 files) before the searches read them again. Every
  // TU's list names the common headers again: each file is asked once.
  const readable = new Set<string>()
  const statusOf = (path: string): 'ok' | undefined | false => {
    if (pre.has(path) || readable.has(path)) return 'ok'
    if (absent.has(path)) return absent.get(path)
    const status = ctx.sourceStatus
      ? ctx.sourceStatus(path)
      : typeof textOf(path) === 'string'
        ? 'ok'
        : absent.get(path)
    if (status === 'ok') readable.add(path)
    else absent.set(path, status)
    return status
  }
  const uses = new UseIndex(ctx.parser, textOf)
  const sizesIn = (files: readonly string[], config?: Kconfig): Resolve => {
    if (!config) return new TypeSizes(() => files, textOf).resolve
    const configure = (masked: string): string => configuredText(masked, config)
    return new TypeSizes(() => configuredFiles(files, textOf, configure), textOf, configure).resolve
  }
  let images: HeaderImages[] | undefined
  let subjects: MacroSubject[] | undefined
  let types: TypeSubject[] | undefined
  const known = new Set(ctx.mapped.changed.map(c => `${c.file}\u0000${c.name}`))
  const scriptTexts = new Map<string, ScriptText | null>()

  return set => {
    images ??= headerImages(ctx.parser, ctx.changes)
    subjects ??= images.flatMap(macroSubjects)
    types ??= [...images, ...sourceImages(ctx.parser, ctx.changes)].flatMap(typeSubjects)
    const result: SetImpact = { targets: [], layout: [], findings: [], superseded: new Set() }
    const traced = images.filter(img => hasTraceEvents(img))
    if (subjects.length === 0 && types.length === 0 && traced.length === 0) return result
    const units = new Units({ tus: set.tus, deps: set.deps, textOf, statusOf })
    const scripts = scriptUnitsOf(set, textOf, units)
    const seen = new Set(known)
    // One entry per function across macros and types: the first reason found is kept.
    const addTargets = (targets: ChangedFunction[]): void => {
      for (const t of targets) {
        const key = `${t.file}\u0000${t.name}`
        if (seen.has(key)) continue
        seen.add(key)
        result.targets.push(t)
      }
    }
    const searches = subjects.map(s => planMacroSearch(s, units, uses))
    // One read of every file for every changed macro: a search each read a wide header's whole
    // reach again (bitfield.h: 12 macros, 2,148 TUs, 12 reads of each of their files).
    const { files, names } = searchedFiles(searches)
    uses.prime(files, names)
    const config = set.config
    // The .config is the set's: made per set, each header's views once per kind.
    const outIn = compiledOutTest(
      new Map(
        images.map(i => [i.path, { pre: i.change.oldText ?? '', post: i.change.newText ?? '' }])
      ),
      (kind, text) => scriptView(kind, config, text)
    )
    for (const search of searches) {
      const { subject } = search
      append(
        result.findings,
        scriptImpact(subject, scripts, uses, set.label, config, scriptTexts, kind =>
          outIn(subject, kind)
        )
      )
      // The mapper says `not-built` of those lines; the users expand another definition. Read
      // as C with the .config alone (no byte order assumed: the set may not be x86_64).
      if (outIn(subject, 'offsets')) continue
      const impact = macroImpact(search, uses, set.label, rewritten)
      if (!impact.searched) continue
      append(result.findings, impact.findings)
      addTargets(impact.targets)
      for (const f of ctx.mapped.findings) {
        if (
          f.kind === 'macro-change' &&
          f.file === subject.header &&
          f.message.startsWith(`#define ${subject.name} changed in a header`)
        )
          result.superseded.add(f)
      }
    }
    const answered = new Map<string, Set<string>>()
    const queue = types.map(t => ({ subject: t, depth: 0 }))
    const followed = new Set(queue.map(q => `${q.subject.header}\u0000${q.subject.name}`))
    const layoutSeen = new Set<string>()
    for (let i = 0; i < queue.length; i++) {
      const { subject, depth } = queue[i]
      const impact = typeImpact(subject, units, uses, set.label, sizesIn, set.config)
      if (!impact.answered) continue
      if (subject.line !== undefined) {
        const names = answered.get(subject.header) ?? new Set<string>()
        names.add(subject.name)
        if (subject.answers) names.add(subject.answers)
        answered.set(subject.header, names)
      }
      append(result.findings, impact.findings)
      addTargets(impact.targets)
      for (const t of impact.layout) {
        const key = `${t.file}\u0000${t.name}`
        if (layoutSeen.has(key)) continue
        layoutSeen.add(key)
        result.layout.push(t)
      }
      // Embedding is followed a few levels: each level is a type a human must look at anyway.
      if (depth >= EMBED_DEPTH) continue
      for (const e of impact.embedders) {
        const key = `${e.header}\u0000${e.name}`
        if (followed.has(key)) continue
        followed.add(key)
        queue.push({ subject: e, depth: depth + 1 })
      }
    }
    for (const img of traced) {
      const trace = traceEventImpact(img, units, textOf, set.label, ctx.mapped.findings)
      append(result.findings, trace.findings)
      addTargets(trace.targets)
      for (const f of trace.superseded) result.superseded.add(f)
    }
    for (const f of ctx.mapped.findings) {
      if (f.kind !== 'type-change' || f.file === undefined) continue
      const names = answered.get(f.file)
      const listedNames = f.message.split(' changed: ')[0].split(', ')
      if (names && listedNames.every(n => names.has(n))) result.superseded.add(f)
    }
    return result
  }
}

const EMBED_DEPTH = 3

/**
 * Whether the fix changes a header's macros (or types) in a way whose reach is only known once the
 * dump set's TUs are: such a fix loads every dump (no focus), since its targets are not names yet.
 */
export function reachesBeyondFunctions(parser: Parser, changes: FileChange[]): boolean {
  return (
    headerImages(parser, changes).some(
      img => macroSubjects(img).length > 0 || typeSubjects(img).length > 0 || hasTraceEvents(img)
    ) || sourceImages(parser, changes).some(img => typeSubjects(img).length > 0)
  )
}

/** Per file of the fix, the old image's lines its hunks delete. */
function deletedLines(changes: readonly FileChange[]): Map<string, Set<number>> {
  const out = new Map<string, Set<number>>()
  for (const c of changes) {
    const lines = new Set<number>()
    for (const h of c.patch.hunks)
      for (const l of h.lines) if (l.type === 'del' && l.oldLine !== undefined) lines.add(l.oldLine)
    if (lines.size > 0) out.set(c.path, lines)
  }
  return out
}

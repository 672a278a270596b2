import type { Parser } from 'web-tree-sitter'
import { computeCoverage } from './coverage/coverage.js'
import { evaluatePolicy } from './coverage/policy.js'
import { lineShiftFindings } from './diff/line-shift.js'
import type { FileChange, MappedChanges } from './diff/map.js'
import type { DumpSet } from './dumps/dump-set.js'
import type { DumpFocus } from './dumps/focus.js'
import { computeAffected, explainSymbol, type AffectedOptions } from './graph/affected.js'
import { readDeclarations, type DeclarationFile } from './livepatch/read.js'
import type {
  AffectedFunction,
  ChangedFunction,
  DumpSetSummary,
  Finding,
  Policy,
  Report
} from './model.js'
import { makeCallerSearch } from './source/caller-search.js'
import type { SymbolTables } from './symbols/table.js'
import type { Kconfig } from './config/kconfig.js'
import { tuCompiledOut } from './config/kbuild-objects.js'

/** One dump set with what was learnt about its build while loading it. */
export interface AnalysisSet {
  set: DumpSet
  /** tu -> object; absent when kbuild's `*.mod` files were not in the set. */
  objectOf?: (tu: string) => string
  /** Every object of the build (`vmlinux` and the modules), with `objectOf`. */
  objects?: string[]
  symbols?: SymbolTables
  /** The build's `.config`, when the set has one: the diff mapper weighs `#if` blocks against it. */
  config?: Kconfig
  /** Findings from loading (archive refusals, build flags). */
  findings: Finding[]
}

export interface AnalysisInput {
  sets: AnalysisSet[]
  changes: FileChange[]
  /** What `mapChanges` made of `changes`. */
  mapped: MappedChanges
  parser: Parser
  /**
   * Pre-image source of a file of the tree other than the changed ones (a TU, a `.c` it includes,
   * a header), asked on demand by the review tier's caller search; undefined when not available.
   */
  sourceOf: (path: string) => string | undefined | false
  declarations?: DeclarationFile[]
  policy: Policy
  /** Findings made before analysis (diff parsing, missing source files, API gaps). */
  findings: Finding[]
  version: string
}

/**
 * Every symbol and `.c` file `analyze` (and the review tier's source search) will ask the dump sets
 * about, for the same changes: load the sets with it and they keep only the dumps that matter.
 */
export function analysisFocus(changes: FileChange[], mapped: MappedChanges): DumpFocus {
  const names = new Set<string>()
  const files = new Set<string>()
  const addFile = (file: string | undefined): void => {
    if (file?.endsWith('.c')) files.add(file)
  }
  for (const fn of mapped.changed) {
    names.add(fn.name)
    for (const s of fn.symbols) names.add(s)
    addFile(fn.file)
  }
  for (const f of lineShiftFindings(changes, mapped)) {
    for (const n of f.functions ?? []) names.add(n)
    addFile(f.file)
  }
  return { names, files }
}

/** The whole analysis, from loaded data to the report: pure and deterministic. */
export function analyze(input: AnalysisInput): Report {
  const { mapped } = input
  const findings: Finding[] = [
    ...input.findings,
    ...mapped.findings,
    ...withContainers(lineShiftFindings(input.changes, mapped), input.sets)
  ]
  const changedTexts = new Map<string, string>()
  for (const change of input.changes) {
    if (change.oldText !== null) changedTexts.set(change.path, change.oldText)
  }
  const callersOf = makeCallerSearch({
    parser: input.parser,
    changed: changedTexts,
    sourceOf: input.sourceOf
  })
  const affected: AffectedFunction[] = []
  const changed = sortChanged(mapped.changed)
  const targets = changed.filter(c => c.change !== 'added')

  for (const entry of input.sets) {
    findings.push(...entry.set.findings, ...entry.findings)
    const others = input.sets.filter(s => s !== entry)
    const options: AffectedOptions = {
      objectOf: entry.objectOf,
      callersOf,
      symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
      objects: entry.objects,
      functionFiles: entry.symbols ? (o, n) => entry.symbols?.functionFiles(o, n) : undefined,
      tuBuiltElsewhere: tu => others.some(s => s.set.hasTu(tu))
    }
    const label = entry.set.label
    const built = targets.filter(c => !c.notBuiltIn?.includes(label))
    for (const c of targets.filter(c => c.notBuiltIn?.includes(label))) {
      findings.push({
        kind: 'not-built',
        severity: 'info',
        set: label,
        file: c.file,
        line: c.line,
        functions: [c.name],
        message: `${c.name}: every changed line of it is compiled out in set ${label} (its .config): nothing changes there`
      })
    }
    const result = computeAffected(entry.set, built, options)
    affected.push(...result.affected)
    findings.push(...result.findings.map(f => compiledOutTu(f, entry, input.sourceOf)))
  }

  let coverage = null
  if (input.declarations && input.declarations.length > 0) {
    const read = readDeclarations(input.declarations)
    findings.push(...read.findings)
    coverage = computeCoverage(affected, read.declared, findings)
  }
  const sorted = sortFindings(findings)
  const verdict = evaluatePolicy(input.policy, affected, coverage, sorted)
  return {
    schemaVersion: 1,
    tool: { name: 'klp-affected', version: input.version },
    sets: input.sets.map(summarize),
    changed,
    affected,
    coverage,
    findings: sorted,
    policy: input.policy,
    result: verdict.result,
    reasons: verdict.reasons
  }
}

/** A TU without a dump whose Makefile line the set's .config switches off is not built: info. */
function compiledOutTu(
  f: Finding,
  entry: AnalysisSet,
  sourceOf: AnalysisInput['sourceOf']
): Finding {
  if (f.kind !== 'not-built' || f.severity !== 'unresolved' || !f.file || !entry.config) return f
  const reason = tuCompiledOut(f.file, entry.config, sourceOf)
  if (reason === undefined) return f
  return {
    ...f,
    severity: 'info',
    message: `${f.file} is not built in set ${entry.set.label}: compiled out: ${reason}`
  }
}

/** A line-shifted function inlined elsewhere shifts its containers too (vfs_read in the validation). */
function withContainers(findings: Finding[], sets: AnalysisSet[]): Finding[] {
  for (const f of findings) {
    const names = new Set(f.functions)
    for (const name of f.functions ?? []) {
      for (const { set } of sets) {
        for (const a of explainSymbol(set, name, f.file).affected) names.add(a.name)
      }
    }
    f.functions = [...names].sort(cmp)
  }
  return findings
}

/** The report's view of one dump set. */
export function summarize(entry: AnalysisSet): DumpSetSummary {
  return {
    label: entry.set.label,
    dumps: entry.set.dumpCount,
    lines: entry.set.lineCount,
    lto: entry.set.lto,
    symbolsMode: entry.symbols ? 'symbol-tables' : 'dump-only',
    objectsKnown: entry.objectOf !== undefined
  }
}

const SEVERITY_RANK = { unresolved: 0, warning: 1, info: 2 } as const

function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      cmp(a.set ?? '', b.set ?? '') ||
      cmp(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      cmp(a.kind, b.kind) ||
      cmp(a.message, b.message)
  )
}

/** One entry per function even when a patch series changes it in several steps. */
function sortChanged(changed: ChangedFunction[]): ChangedFunction[] {
  const merged = new Map<string, ChangedFunction>()
  for (const c of changed) {
    const key = `${c.file}\0${c.name}`
    const known = merged.get(key)
    if (!known) merged.set(key, { ...c, hunks: [...c.hunks] })
    else {
      known.hunks.push(...c.hunks)
      // Added by one step and modified by a later one is still new code.
      if (known.change !== c.change && c.change === 'removed') known.change = 'removed'
    }
  }
  return [...merged.values()].sort(
    (a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.name, b.name)
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

import type { Parser } from 'web-tree-sitter'
import { computeCoverage } from './coverage/coverage.js'
import { evaluatePolicy } from './coverage/policy.js'
import { lineShiftFindings } from './diff/line-shift.js'
import type { FileChange, MappedChanges } from './diff/map.js'
import type { DumpFocus } from './dumps/focus.js'
import { computeAffected, explainSymbol, type AffectedOptions } from './graph/affected.js'
import { makeImpact } from './impact/impact.js'
import { layoutEntries } from './impact/layout.js'
import { readDeclarations, type DeclarationFile } from './livepatch/read.js'
import type { AffectedFunction, ChangedFunction, Finding, Policy, Report } from './model.js'
import { makeCallerSearch } from './source/caller-search.js'
import { judgePatchability } from './patchability/judge.js'
import { codeChangingFiles, judgeNoDumpByEffect } from './kbuild/code-changing.js'
import { judgeUnheld } from './kbuild/no-dump.js'
import { judgeIncludeByReaders } from './includes/already-read.js'
import { makeCopiesOf } from './sympos/copies.js'
import { tuCompiledOut } from './config/kbuild-objects.js'
import { append } from './arrays.js'
import { mergeExact } from './exact/merge.js'
import { staleDumpFindings } from './staleness/dump-lines.js'
import { settleByObjects } from './exact/settle.js'
import { foldExportEchoes } from './exact/export-echo.js'
import { scriptUnitsOf } from './scripts/units.js'
import type { ExactSet, ExactSummary } from './exact/model.js'
import { setsConditionEvaluator } from './livepatch/set-conditions.js'
import { summarize, type AnalysisSet } from './analysis-set.js'

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
  /** What `sourceOf` would answer, without reading ('ok' for a text); absent: read to know. */
  sourceStatus?: (path: string) => 'ok' | undefined | false
  declarations?: DeclarationFile[]
  policy: Policy
  /** Findings made before analysis (diff parsing, missing source files, API gaps). */
  findings: Finding[]
  version: string
  /** The patched build per set (exact mode); absent: predicted from the dumps alone. */
  exact?: ExactSet[]
  /** Wraps the review tier's caller search (the benchmark times it apart). */
  wrapCallerSearch?: (search: CallerSearchFn) => CallerSearchFn
}

export type CallerSearchFn = NonNullable<AffectedOptions['callersOf']>

/**
 * Every symbol and `.c` file `analyze` (and the review tier's source search) will ask the dump sets
 * about, for the same changes: load the sets with it and they keep only the dumps that matter.
 */
export function analysisFocus(
  changes: FileChange[],
  mapped: MappedChanges,
  sourceOf?: AnalysisInput['sourceOf'],
  /** Declared names too: their same-name copies are counted for `old_sympos`. */
  declared: Iterable<string> = []
): DumpFocus {
  const names = new Set<string>(declared)
  const files = new Set<string>()
  const addFile = (file: string | undefined): void => {
    if (file?.endsWith('.c')) files.add(file)
  }
  for (const fn of mapped.changed) {
    names.add(fn.name)
    for (const s of fn.symbols) names.add(s)
    addFile(fn.file)
  }
  // Every changed `.c` the mapper read: its dumps are checked against its functions' lines
  // (staleness/dump-lines.ts), whether or not a function of it changed.
  for (const file of mapped.preFunctions.keys()) addFile(file)
  for (const f of lineShiftFindings(changes, mapped, sourceOf)) {
    for (const n of f.functions ?? []) names.add(n)
    addFile(f.file)
  }
  return { names, files }
}

/** The whole analysis, from loaded data to the report: pure and deterministic. */
export function analyze(input: AnalysisInput): Report {
  const { mapped } = input
  const impactOf = makeImpact({
    parser: input.parser,
    changes: input.changes,
    mapped,
    sourceOf: input.sourceOf,
    ...(input.sourceStatus ? { sourceStatus: input.sourceStatus } : {})
  })
  const impacts = input.sets.map(entry =>
    impactOf({
      label: entry.set.label,
      tus: entry.set.tus(),
      deps: entry.deps,
      config: entry.config,
      scripts: entry.scripts
    })
  )
  const readers = input.sets.map(e => ({ label: e.set.label, tus: e.set.tus(), deps: e.deps }))
  const postOf = (path: string): string | null | undefined =>
    input.changes.find(c => c.path === path)?.newText
  // A mapper finding an impact answers is replaced, when every set could answer it.
  const superseded = (f: Finding): boolean =>
    impacts.length > 0 && impacts.every(i => i.superseded.has(f))
  const findings: Finding[] = [
    ...input.findings,
    ...mapped.findings
      .filter(f => !superseded(f))
      .map(f => judgeIncludeByReaders(f, readers, input.sourceOf, postOf)),
    ...withContainers(lineShiftFindings(input.changes, mapped, input.sourceOf), input.sets),
    ...impacts.flatMap(i => i.findings)
  ]
  const changedTexts = new Map<string, string>()
  for (const change of input.changes) {
    if (change.oldText !== null) changedTexts.set(change.path, change.oldText)
  }
  const search = makeCallerSearch({
    parser: input.parser,
    changed: changedTexts,
    sourceOf: input.sourceOf
  })
  const callersOf = input.wrapCallerSearch ? input.wrapCallerSearch(search) : search
  const affected: AffectedFunction[] = []
  const changed = sortChanged([...mapped.changed, ...impacts.flatMap(i => i.targets)])
  const targets = sortChanged(mapped.changed).filter(c => c.change !== 'added')

  const changedPaths = new Set(input.changes.map(c => c.path))
  const codePaths = codeChangingFiles(changedPaths, changed, findings)
  for (const [si, entry] of input.sets.entries()) {
    append(findings, entry.set.findings)
    for (const f of entry.findings)
      findings.push(
        judgeUnheld(judgeNoDumpByEffect(f, entry.deps, changedPaths, codePaths), entry.unheld)
      )
    const others = input.sets.filter(s => s !== entry)
    const options: AffectedOptions = {
      objectOf: entry.objectOf,
      callersOf,
      symbolInfo: entry.symbols ? (o, tu, n) => entry.symbols?.lookup(o, tu, n) : undefined,
      objects: entry.objects,
      functionFiles: entry.symbols ? (o, n) => entry.symbols?.functionFiles(o, n) : undefined,
      tuBuiltElsewhere: tu => others.some(s => s.set.hasTu(tu)),
      tusReading: entry.deps ? file => entry.deps?.tusSeeing(file) ?? [] : undefined,
      newCalls: mapped.newCalls
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
    // A header change reaches functions per set (its TUs see different headers).
    const result = computeAffected(entry.set, [...built, ...impacts[si].targets], options)
    append(affected, result.affected)
    for (const f of result.findings) findings.push(compiledOutTu(f, entry, input.sourceOf))
    const layout = layoutEntries(entry.set, impacts[si].layout, options)
    append(affected, layout.affected)
    append(findings, layout.findings)
  }

  let exact: ExactSummary | undefined
  if (input.exact) {
    const added = new Set(changed.filter(c => c.change === 'added').flatMap(c => c.symbols))
    const own = new Set(changed.filter(c => c.change !== 'modified').flatMap(c => c.symbols))
    const merged = mergeExact(affected, input.exact, input.sets, added)
    affected.length = 0
    append(affected, merged.affected)
    const settled = settleByObjects(
      findings,
      input.exact,
      input.sets.map(s => {
        const scripts = scriptUnitsOf(
          { tus: s.set.tus(), scripts: s.scripts, config: s.config },
          input.sourceOf
        )
        return {
          label: s.set.label,
          readers: (file: string) => (s.deps?.complete() ? s.deps.tusSeeing(file) : undefined),
          linkers: (file: string) =>
            scripts
              .seeing(file)
              .filter(u => u.kind === 'linker-script')
              .map(u => u.target)
        }
      }),
      own,
      new Set(merged.affected.filter(a => a.exact === 'found').map(a => `${a.set}\0${a.tu}`))
    )
    const folded = foldExportEchoes(settled, merged.findings)
    findings.length = 0
    append(findings, folded.source)
    append(findings, folded.objects)
    exact = merged.summary
  }
  // After the objects settle what they can: a dump of other source is a doubt no object removes.
  append(
    findings,
    staleDumpFindings([
      ...input.sets.map(s => ({
        set: s.set,
        side: 'pre' as const,
        functions: mapped.preFunctions
      })),
      ...(input.exact ?? []).flatMap(e =>
        e.post ? [{ set: e.post, side: 'post' as const, functions: mapped.postFunctions }] : []
      )
    ])
  )

  const read = input.declarations
    ? readDeclarations(input.declarations, setsConditionEvaluator(input.sets.map(s => s.config)))
    : undefined
  append(
    findings,
    judgePatchability({
      affected,
      changed,
      changedTexts,
      parser: input.parser,
      sourceOf: input.sourceOf,
      declared: read?.declared ?? [],
      untraced: (set, tu) => input.sets.some(s => s.set.label === set && s.untraced?.has(tu))
    })
  )
  let coverage = null
  if (read && input.declarations && input.declarations.length > 0) {
    append(findings, read.findings)
    coverage = computeCoverage(
      affected,
      read.declared,
      findings,
      makeCopiesOf(
        input.sets.map(s => ({ set: s.set, objectOf: s.objectOf, symbols: s.symbols })),
        affected
      )
    )
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
    reasons: verdict.reasons,
    ...(exact ? { exact } : {})
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

const SEVERITY_RANK = { unresolved: 0, warning: 1, info: 2 } as const

/**
 * Notes learnt once the report was made (a cache that could not be saved), in their sorted place.
 * Info only: a note never changes the verdict, which was judged without it.
 */
export function withNotes(report: Report, notes: Finding[]): Report {
  if (notes.length === 0) return report
  if (notes.some(n => n.severity !== 'info')) throw new Error('withNotes takes info notes only')
  return { ...report, findings: sortFindings([...report.findings, ...notes]) }
}

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
      append(known.hunks, c.hunks)
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

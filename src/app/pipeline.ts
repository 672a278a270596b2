import { stat } from 'node:fs/promises'
import { loadCParser } from '../adapters/tree-sitter.js'
import { makeSourceReader } from '../adapters/fs/source-tree.js'
import { readDeclarationFile } from '../adapters/fs/declaration-file.js'
import {
  analysisFocus,
  analyze,
  withNotes,
  type AnalysisInput,
  type CallerSearchFn
} from '../core/analyze.js'
import { openParseCache } from '../adapters/fs/parse-cache.js'
import { openGraphCache } from '../adapters/fs/graph-cache.js'
import type { GraphStore } from '../core/graph-cache/store.js'
import { forgetParses, keepParses } from '../core/parse-cache/store.js'
import type { Parser } from 'web-tree-sitter'
import { applyHunks, detectStrip, parsePatch, rawPatchPaths } from '../core/diff/patch.js'
import { mapChanges, type FileChange } from '../core/diff/map.js'
import { diffInputProblem } from '../core/diff-input/check.js'
import { reachesBeyondFunctions } from '../core/impact/impact.js'
import type { FilePatch } from '../core/diff/patch.js'
import { placeImages, placeNext } from '../core/placement/images.js'
import { MAX_FUZZ } from '../core/placement/place.js'
import { readDeclarations } from '../core/livepatch/read.js'
import { foreignFormat, foreignFormatMessage } from '../core/livepatch/foreign.js'
import type { Finding, Policy, Report } from '../core/model.js'
import { archesOf } from '../core/source/includes.js'
import { VERSION } from '../version.js'
import { StageTimes } from './stage-times.js'
import { append } from '../core/arrays.js'
import { compareObjectPairs } from '../adapters/objects/pairs.js'
import {
  exactSets,
  focusWithPost,
  loadPostDumps,
  wantsExact,
  type CompareObjectPairs,
  type ObjectRoots
} from './exact.js'
import { loadSets, type DumpSource } from './load-sets.js'
import { generatedOf, type AnalysisSet } from '../core/analysis-set.js'
import { prewarmScanThread } from '../adapters/fs/scan-pool.js'

export type { DumpSource } from './load-sets.js'

export interface PipelineOptions {
  dumps: DumpSource[]
  /** Unified diff text of the fix. */
  diff: string
  /** `-p` strip level of the diff's paths; detected against the source tree when undefined. */
  strip?: number
  /** Kernel tree (or the changed files alone, at their tree paths) the diff applies to. */
  source?: string
  /**
   * The kernel's build output (an `O=` folder, or the built tree): files kbuild generates
   * (`include/generated/`, vdso images, `certs/shipped-certs.c`) are TUs and headers the review
   * and reach searches must read, and a checkout lacks them. Read only where `source` has no file.
   */
  build?: string
  /** `pre` (default): `source` is the tree before the fix; `post`: after it. */
  sourceSide?: 'pre' | 'post'
  /** Livepatch declaration files (C, patched_funcs.csv, KGR_PATCH, plain list); empty: report only. */
  livepatch: string[]
  /** Where the livepatch files must lie (their real paths): the action's checkout. */
  workspace?: string
  policy: Policy
  /** Findings the caller already has (e.g. files the GitHub API gave no patch for). */
  findings?: Finding[]
  /** Progress for long loads (the CLI prints it on stderr). */
  progress?: (message: string) => void
  /** How many files the review tier's source search reads between two progress messages [500]. */
  searchProgressEvery?: number
  /**
   * Keep every dump's text, not only those the fix's functions appear in: the same report for
   * ~10x the memory at distribution scale. For the equivalence tests and the benchmark.
   */
  keepAllDumps?: boolean
  /** Exact mode: the patched build's dumps per set (labels as in `dumps`). */
  postDumps?: DumpSource[]
  /** Exact mode: the base and patched builds' object trees per set. */
  objects?: ObjectRoots[]
  /** The object comparer (tests inject one). */
  compareObjects?: CompareObjectPairs
  /** Wall time per stage, when the caller wants it (the benchmark). */
  times?: StageTimes
}

/**
 * The kernel's largest hand-written C files are a few hundred KB; beyond this are generated
 * register headers, whose changes are #defines anyway. Locating functions in a file of millions of
 * lines would take minutes and gigabytes, so such a file is an unresolved finding instead.
 */
const MAX_SOURCE_BYTES = 4 << 20

/** A diff this large is not a livepatch fix: refuse it as an input error rather than run out of memory. */
const MAX_DIFF_BYTES = 64 << 20

function tooLarge(change: FileChange, findings: Finding[]): boolean {
  const size = Math.max(change.oldText?.length ?? 0, change.newText?.length ?? 0)
  if (size <= MAX_SOURCE_BYTES) return false
  findings.push({
    kind: 'unmapped-hunk',
    severity: 'unresolved',
    file: change.path,
    message: `${change.path} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_SOURCE_BYTES >> 20} MB the engine locates functions in: its hunks were not mapped`
  })
  return true
}

/** Runs the whole analysis from files on disk: the one entry the CLI and the action share. */
export async function runPipeline(options: PipelineOptions): Promise<Report> {
  const progress = options.progress ?? (() => undefined)
  if (options.diff.length > MAX_DIFF_BYTES) {
    throw new Error(
      `the diff is ${(options.diff.length / 1048576).toFixed(0)} MB, over the ${MAX_DIFF_BYTES >> 20} MB limit: not a livepatch fix`
    )
  }
  // V8 compiles the grammar's wasm off the main thread: started now, it is ready by the map.
  const parserLoad = loadCParser()
  // Awaited below; a run that fails before then must not also report this promise as unhandled.
  parserLoad.catch(() => undefined)
  if (options.source !== undefined) await requireDirectory(options.source, 'source')
  const reader = options.source ? makeSourceReader(options.source) : undefined
  if (options.build !== undefined) await requireDirectory(options.build, 'build')
  const built = options.build ? makeSourceReader(options.build) : undefined
  const findings: Finding[] = [...(options.findings ?? [])]

  const strip =
    options.strip ??
    (reader
      ? detectStrip(rawPatchPaths(options.diff), p => reader.exists(p))
      : defaultStrip(options.diff))
  const parsed = parsePatch(options.diff, strip)
  // An empty diff that comes with the caller's findings (files GitHub gave no patch for) is
  // explained by them; otherwise an empty, foreign or cut-off text is an input error.
  const problem = diffInputProblem(options.diff, parsed.files.length)
  if (problem && !(options.diff.trim() === '' && findings.length > 0)) throw new Error(problem)
  append(findings, parsed.findings)
  if (parsed.files.length === 0) {
    findings.push({
      kind: 'diff-unparsed',
      severity: 'unresolved',
      message: 'the diff contains no file changes that could be parsed'
    })
  }

  const changes: FileChange[] = []
  const sized = (change: FileChange | undefined): FileChange | undefined =>
    change && tooLarge(change, findings) ? undefined : change
  // A format-patch series may touch one file several times: later patches apply to the image the
  // earlier ones made, not to the tree on disk.
  const images = new Map<string, string | null>()
  for (const patch of parsed.files) {
    const path = patch.newPath ?? patch.oldPath ?? ''
    const change = sized(
      images.has(path)
        ? nextStep(patch, path, images.get(path) ?? null, findings)
        : await rebuildImages(patch, reader, options.sourceSide ?? 'pre', findings)
    )
    images.set(path, change?.newText ?? null)
    if (change) changes.push(change)
  }

  progress('locating changed functions')
  // The dumps are scanned once the diff is mapped: a thread boots meanwhile on the idle core.
  // With a scan index, it takes the dumps' stats as well (what a warm load answers most from).
  if (options.dumps.length > 0)
    prewarmScanThread(
      options.dumps.flatMap(d => d.paths),
      new Set(options.dumps.flatMap(d => (d.indexCache === undefined ? [] : d.paths)))
    )
  const times = options.times ?? new StageTimes()
  const parser = await times.time('parser', () => parserLoad)
  // The parses are kept beside the scan index: the tree's files parse the same in every run.
  const cacheDir = options.dumps.find(d => d.indexCache !== undefined)?.indexCache
  if (cacheDir === undefined) return mapAndAnalyse(parser)
  const parses = openParseCache(cacheDir)
  // And so are the dump graphs the analysis reads: a dump's graph is a function of its bytes.
  const graphs = openGraphCache(cacheDir)
  keepParses(parser, parses.store)
  try {
    const report = await mapAndAnalyse(parser, graphs.store)
    return withNotes(report, [...parses.flush(), ...graphs.flush()])
  } finally {
    forgetParses(parser)
  }

  async function mapAndAnalyse(parser: Parser, graphs?: GraphStore): Promise<Report> {
    const unconfigured = times.sync('map', () => mapChanges(parser, changes))
    // Past the locator's limit a file is not searched (it is named as such), never parsed.
    // Once loaded, the sets' generated sources answer for what the checkout and --build lack.
    let sets: AnalysisSet[] = []
    const generated = (path: string): string | undefined | false =>
      generatedOf(sets, path, MAX_SOURCE_BYTES) ?? undefined
    const sourceOf = (path: string): string | undefined | false =>
      reader?.readSync(path, MAX_SOURCE_BYTES) ??
      built?.readSync(path, MAX_SOURCE_BYTES) ??
      generated(path)
    const sourceStatus = (path: string): 'ok' | undefined | false => {
      const status =
        reader?.statusSync(path, MAX_SOURCE_BYTES) ?? built?.statusSync(path, MAX_SOURCE_BYTES)
      if (status !== null && status !== undefined) return status
      const text = generated(path)
      return typeof text === 'string' ? 'ok' : text
    }
    const declarations = await Promise.all(
      options.livepatch.map(async path => ({
        path,
        text: await readDeclarationFile(path, options.workspace)
      }))
    )
    for (const file of declarations) {
      const foreign = foreignFormat(file)
      if (foreign) throw new Error(foreignFormatMessage(file, foreign))
    }
    // Mapped first: the sets then keep only the dumps this fix's functions appear in.
    // A header's macro or type change reaches functions no name in the diff tells: every dump is kept.
    const declared = readDeclarations(declarations).declared.map(d => d.name)
    const whole = options.keepAllDumps || reachesBeyondFunctions(parser, changes)
    const exactInputs = {
      dumps: options.dumps,
      postDumps: options.postDumps,
      objects: options.objects,
      compare: options.compareObjects ?? compareObjectPairs,
      progress
    }
    const exact = wantsExact(exactInputs)
    const post = exact ? await loadPostDumps(exactInputs) : undefined
    const baseFocus = whole ? undefined : analysisFocus(changes, unconfigured, sourceOf, declared)
    const focus = post ? focusWithPost(baseFocus, post) : baseFocus
    sets = await times.time('load', () => loadSets(options.dumps, { progress, focus, graphs }))
    // Mapped again against each set's .config (fewer functions, never more: the focus holds) and
    // with the tree at hand, where added and removed includes are judged by what they bring.
    const mapped =
      sets.some(s => s.config) || reader
        ? times.sync('remap', () =>
            mapChanges(parser, changes, {
              builds: sets.map(s => ({
                label: s.set.label,
                config: s.config,
                hasTu: (tu: string) => s.set.hasTu(tu)
              })),
              ...(reader
                ? { includes: { sourceOf, arches: archesOf(sets.flatMap(s => s.set.tus())) } }
                : {})
            })
          )
        : unconfigured
    progress('computing the affected set')
    // The review tier's caller search reads TUs and headers on demand: on a wide header it is the
    // long stage, so its counter climbs on the same progress line as the loader's.
    const searched = new Set<string>()
    const searchedSourceOf = (path: string): string | undefined | false => {
      if (!searched.has(path)) {
        searched.add(path)
        if (searched.size % (options.searchProgressEvery ?? 500) === 0)
          progress(`review tier: ${searched.size} source files searched`)
      }
      return sourceOf(path)
    }
    const exactSet = post ? await exactSets(exactInputs, post, changes) : undefined
    const input: AnalysisInput = {
      sets,
      changes,
      mapped,
      parser,
      sourceOf: searchedSourceOf,
      sourceStatus,
      declarations,
      policy: options.policy,
      findings,
      version: VERSION,
      ...(exactSet ? { exact: exactSet } : {}),
      wrapCallerSearch:
        (search: CallerSearchFn): CallerSearchFn =>
        (tu, callee, also) =>
          times.sync('review-search', () => search(tu, callee, also))
    }
    return times.sync('analyze', () => analyze(input))
  }
}

async function requireDirectory(path: string, what: string): Promise<void> {
  const info = await stat(path).catch(() => undefined)
  if (!info?.isDirectory()) {
    throw new Error(
      `${what} '${path}' is ${info ? 'not a directory' : 'missing'}: give the kernel tree`
    )
  }
}

/** git and `diff -Nupr a/ b/` both put one leading folder on every path. */
function defaultStrip(diff: string): number {
  const paths = rawPatchPaths(diff)
  return paths.length > 0 && paths.every(p => p.includes('/')) ? 1 : 0
}

async function rebuildImages(
  patch: FilePatch,
  reader: ReturnType<typeof makeSourceReader> | undefined,
  side: 'pre' | 'post',
  findings: Finding[]
): Promise<FileChange | undefined> {
  const path = patch.newPath ?? patch.oldPath ?? ''
  if (!/\.[ch]$/.test(path)) return { patch, path, oldText: null, newText: null }
  if (patch.oldPath === null) {
    return { patch, path, oldText: null, newText: applyHunks('', patch.hunks) }
  }
  const onDisk = reader ? await reader.read(side === 'pre' ? patch.oldPath : path) : null
  if (onDisk === null) {
    // Without either image nothing can be located: the mapper reports every hunk as source-missing.
    return { patch, path, oldText: null, newText: null }
  }
  const placed = placeImages(path, patch, onDisk, side)
  if (placed) {
    append(findings, placed.findings)
    // The tree given is the other side of the fix (a common mix-up): still usable, but say so.
    if (placed.side !== side) findings.push(sideNote(path, placed.side))
    return { patch: placed.patch, path, oldText: placed.oldText, newText: placed.newText }
  }
  findings.push({
    kind: 'source-mismatch',
    severity: 'unresolved',
    file: path,
    line: patch.hunks[0]?.oldStart,
    message: `the diff does not apply to ${path} in the source tree (context differs, even at other lines and with fuzz ${MAX_FUZZ}): its functions could not be located`
  })
  return undefined
}

function nextStep(
  patch: FilePatch,
  path: string,
  previous: string | null,
  findings: Finding[]
): FileChange | undefined {
  if (!/\.[ch]$/.test(path)) return { patch, path, oldText: null, newText: null }
  const next = previous === null ? null : placeNext(path, patch, previous)
  if (previous !== null && next !== null) {
    append(findings, next.findings)
    return { patch: next.patch, path, oldText: previous, newText: next.newText }
  }
  findings.push({
    kind: 'source-mismatch',
    severity: 'unresolved',
    file: path,
    line: patch.hunks[0]?.oldStart,
    message: `a later patch of the series does not apply to ${path} as the earlier ones left it: its functions could not be located`
  })
  return undefined
}

function sideNote(path: string, found: 'pre' | 'post'): Finding {
  return {
    kind: 'source-mismatch',
    severity: 'info',
    file: path,
    message: `${path} in the source tree is the ${found === 'pre' ? 'pre' : 'post'}-image of the fix; used it as such`
  }
}

import type { DumpSet } from './dumps/dump-set.js'
import type { HeaderDeps } from './impact/deps.js'
import type { DumpSetSummary, Finding } from './model.js'
import type { SymbolTables } from './symbols/table.js'
import type { Kconfig } from './config/kconfig.js'
import type { ScriptList } from './scripts/targets.js'

// Apart from analyze.ts: `explain` needs a loaded set and its summary, not the diff's machinery
// (impact, livepatch readers, source search), which would be a third of its start-up to load.

/**
 * Files kbuild generated that a set carries (see adapters/fs/generated.ts): null when the set has
 * no such file, false when it has one it will not read (over `maxBytes`, unreadable).
 */
export interface GeneratedSources {
  readSync(path: string, maxBytes: number): string | null | false
}

/** Per set: every TU it compiled has a complete kbuild list (see needsNo). */
const listed = new WeakMap<AnalysisSet, boolean>()

/**
 * The set neither compiled `path` as a TU nor has a TU that read it, by kbuild's lists of every
 * TU: an x86_64 vdso image is nothing to an arm64 set.
 */
function needsNo(s: AnalysisSet, path: string): boolean {
  const deps = s.deps
  if (!deps?.complete() || s.set.hasTu(path)) return false
  let all = listed.get(s)
  if (all === undefined) listed.set(s, (all = s.set.tus().every(tu => deps.has(tu))))
  return all && deps.tusSeeing(path).length === 0
}

/**
 * The generated file the sets carry, for a search that is not per set: one text only when every
 * set that may read it carries the same. A set that may read it without carrying it, or two
 * texts (a matrix's arm64 and x86_64 `include/generated/`), leave it absent or unreadable: its
 * TUs stay "could not be searched", a doubt, rather than searched in another build's copy.
 */
export function generatedOf(
  sets: readonly AnalysisSet[],
  path: string,
  maxBytes: number
): string | null | false {
  let found: string | null = null
  for (const s of sets) {
    const text = s.generated?.readSync(path, maxBytes) ?? null
    if (text === false) return false
    if (text === null) {
      if (needsNo(s, path)) continue
      return null
    }
    if (found !== null && found !== text) return false
    found = text
  }
  return found
}

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
  /** TUs kbuild compiled without ftrace's call sites, when its `.cmd` files were in the set. */
  untraced?: Set<string>
  /** kbuild's dependency lists (`.*.o.cmd`), when the set has them: which TUs see which header. */
  deps?: HeaderDeps
  /**
   * TUs compiled into objects kbuild links into neither vmlinux nor a module (the archive lists,
   * `.*.a.cmd`: kbuild/linked.ts); absent when the set has no complete lists.
   */
  unheld?: Set<string>
  /**
   * kbuild's lists of the linker scripts and offset generators (`.vmlinux.lds.cmd`,
   * `.asm-offsets.s.cmd`), when the set has them: which headers reach a link or assembler code.
   */
  scripts?: ScriptList[]
  /** Generated sources the set carries: searched where the checkout and `--build` lack a file. */
  generated?: GeneratedSources
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

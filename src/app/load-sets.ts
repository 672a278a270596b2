import { loadDumpSet } from '../adapters/fs/load-dumps.js'
import type { AnalysisSet } from '../core/analysis-set.js'
import { append } from '../core/arrays.js'
import { parseKconfig } from '../core/config/kconfig.js'
import type { DumpFocus } from '../core/dumps/focus.js'
import { buildObjectList, buildObjectMap, objectMapFindings } from '../core/kbuild/objects.js'
import { checkBuildFlags } from '../core/kbuild/flags.js'
import { archivedObjects, unheldTus, vmlinuxObjects } from '../core/kbuild/linked.js'
import { untracedTus } from '../core/patchability/untraced.js'
import { parseSymbolFiles } from '../core/symbols/table.js'
import type { GraphStore } from '../core/graph-cache/store.js'

/** One dump set: directories and/or archives of one kernel build, labelled (e.g. `x86_64`). */
export interface DumpSource {
  label: string
  /** Directories or archives (`.zip`, `.tar.gz`, `.tgz`, `.tar.xz`). */
  paths: string[]
  /** Folder of the persistent scan index (see adapters/fs/scan-index-file.ts); none: no index. */
  indexCache?: string
}

export interface LoadOptions {
  progress?: (message: string) => void
  /** What the query will ask (see DumpSet): only the dumps that can answer keep their text. */
  focus?: DumpFocus
  graphs?: GraphStore
  /**
   * Parse each set's `.config` (default): `analyze` weighs `#if` blocks, header impacts and
   * compiled-out TUs against it; `explain` never asks.
   */
  config?: boolean
}

/** Loads every dump set with its kbuild side files (objects, flags, symbol tables). */
export async function loadSets(
  sources: DumpSource[],
  { progress = () => undefined, focus, graphs, config: wantsConfig = true }: LoadOptions = {}
): Promise<AnalysisSet[]> {
  const sets: AnalysisSet[] = []
  for (const source of sources) {
    progress(`loading dump set ${source.label} from ${source.paths.join(', ')}`)
    const loaded = await loadDumpSet(source.label, source.paths, progress, focus, source.indexCache)
    if (loaded.set.dumpCount === 0) {
      // An empty set would make every TU "not built here": a broken upload must not read as clean.
      throw new Error(
        `dump set ${source.label} (${source.paths.join(', ')}) holds no *.000i.ipa-clones file`
      )
    }
    const findings = [...loaded.findings]
    const { kbuild, set } = loaded
    if (graphs) set.useGraphStore(graphs)
    const kbuildKnown = kbuild.mods.size > 0 || kbuild.modulesOrder !== undefined
    const objectOf = kbuildKnown ? buildObjectMap(kbuild.mods, kbuild.modulesOrder) : undefined
    const objects = kbuildKnown ? buildObjectList(kbuild.mods, kbuild.modulesOrder) : undefined
    append(findings, objectMapFindings(kbuild.mods, kbuild.modulesOrder))
    let untraced
    let unheld
    if (kbuild.cmds.size > 0) {
      append(findings, checkBuildFlags(kbuild.cmds, tu => set.hasTu(tu)).findings)
      const linked = kbuild.archives.size > 0 ? vmlinuxObjects(kbuild.archives) : undefined
      if (linked && objectOf)
        unheld = unheldTus(kbuild.cmds, linked, archivedObjects(kbuild.archives), objectOf)
      untraced = untracedTus(kbuild.cmds)
    }
    let symbols
    if (kbuild.symbols.size > 0) {
      const parsed = parseSymbolFiles(kbuild.symbols)
      symbols = parsed.tables
      append(findings, parsed.findings)
    }
    const scripts = [...kbuild.scripts.values()].sort((a, b) => a.target.localeCompare(b.target))
    for (const f of findings) f.set ??= source.label
    const config =
      kbuild.config === undefined || !wantsConfig ? undefined : parseKconfig(kbuild.config)
    sets.push({
      set,
      objectOf,
      objects,
      symbols,
      findings,
      untraced,
      deps: kbuild.deps,
      ...(unheld ? { unheld } : {}),
      ...(scripts.length > 0 ? { scripts } : {}),
      ...(config ? { config } : {}),
      ...(kbuild.generated.empty ? {} : { generated: kbuild.generated })
    })
    const kept = focus ? `, ${set.keptCount} of them kept for this query` : ''
    progress(`dump set ${source.label}: ${set.dumpCount} dumps, ${set.lineCount} lines${kept}`)
  }
  return sets
}

import { join } from 'node:path'
import type { GeneratedSources } from '../../core/analysis-set.js'
import { isGeneratedSource } from './classify.js'
import { makeSourceReader } from './source-tree.js'

/**
 * Source text an archive may keep per set: the corpus' defconfig build generates 90 such files
 * (121 KB as .tar.xz), a distribution's thousands of modules add a few KB of `*.mod.c` each; a
 * whole build tree packed by mistake stops here, and the files past it are as absent (their TUs
 * "could not be searched", a doubt, never a guess).
 */
export const GENERATED_TEXT_BUDGET = 256 * 1024 * 1024

/** KLP_AFFECTED_GENERATED_BUDGET (bytes) overrides the budget: tests use it to spend it. */
export function generatedBudget(): number {
  const forced = process.env.KLP_AFFECTED_GENERATED_BUDGET
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : GENERATED_TEXT_BUDGET
}

/**
 * The generated sources of one set: archive entries kept in memory and its folders. A path two
 * of its inputs hold with different texts (an archive and a folder, two folders, `tar rf` of a
 * newer copy) is unreadable: which one the build compiled is not knowable here.
 */
export class SetSources implements GeneratedSources {
  /** false: two different copies. */
  private readonly files = new Map<string, string | false>()
  private held = 0
  private readonly readers: Array<ReturnType<typeof makeSourceReader>> = []

  constructor(readonly budget = generatedBudget()) {}

  /** A folder input, rooted where its kernel tree starts (the same root its dumps' paths have). */
  addFolder(input: string, root: string): void {
    this.readers.push(makeSourceReader(root === '' ? input : join(input, root)))
  }

  /**
   * Takes `bytes` of the budget for an archive entry before it is decompressed; false, taking
   * nothing, once the budget is spent.
   */
  reserve(bytes: number): boolean {
    if (this.held + bytes > this.budget) return false
    this.held += bytes
    return true
  }

  keep(path: string, text: string): void {
    const known = this.files.get(path)
    this.files.set(path, known === undefined || known === text ? text : false)
  }

  get empty(): boolean {
    return this.files.size === 0 && this.readers.length === 0
  }

  readSync(path: string, maxBytes: number): string | null | false {
    if (!isGeneratedSource(path)) return null
    const kept = this.files.get(path)
    if (kept === false) return false
    let found = kept ?? null
    if (found !== null && found.length > maxBytes) return false
    for (const r of this.readers) {
      const text = r.readSync(path, maxBytes)
      if (text === null) continue
      if (text === false || (found !== null && found !== text)) return false
      found = text
    }
    return found
  }
}

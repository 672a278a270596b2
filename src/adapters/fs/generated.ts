import { join } from 'node:path'
import type { GeneratedSources } from '../../core/analysis-set.js'
import { isGeneratedSource } from './classify.js'
import { makeSourceReader } from './source-tree.js'

/**
 * Source text an archive may keep per set: a 6.1 distribution build generates ~20 MB of C (its
 * `*.mod.c` files mostly); a whole build tree packed by mistake stops here, and the files past it
 * are as absent (their TUs "could not be searched", a doubt, never a guess).
 */
export const GENERATED_TEXT_BUDGET = 256 * 1024 * 1024

/** KLP_AFFECTED_GENERATED_BUDGET (bytes) overrides the budget: tests use it to spend it. */
export function generatedBudget(): number {
  const forced = process.env.KLP_AFFECTED_GENERATED_BUDGET
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : GENERATED_TEXT_BUDGET
}

/** The generated sources of one set: archive entries kept in memory, then its folders, in order. */
export class SetSources implements GeneratedSources {
  readonly files = new Map<string, string>()
  private held = 0
  private readonly readers: Array<ReturnType<typeof makeSourceReader>> = []

  constructor(readonly budget = generatedBudget()) {}

  /** A folder input, rooted where its kernel tree starts (the same root its dumps' paths have). */
  addFolder(input: string, root: string): void {
    this.readers.push(makeSourceReader(root === '' ? input : join(input, root)))
  }

  /** False, keeping nothing, once the budget is spent. */
  keep(path: string, text: string): boolean {
    if (this.held + text.length > this.budget) return false
    this.held += text.length
    this.files.set(path, text)
    return true
  }

  get empty(): boolean {
    return this.files.size === 0 && this.readers.length === 0
  }

  readSync(path: string, maxBytes: number): string | null | false {
    const kept = this.files.get(path)
    if (kept !== undefined) return kept.length > maxBytes ? false : kept
    if (!isGeneratedSource(path)) return null
    for (const r of this.readers) {
      const text = r.readSync(path, maxBytes)
      if (text !== null) return text
    }
    return null
  }
}

import { append } from '../../core/arrays.js'
import { DumpSet } from '../../core/dumps/dump-set.js'
import { KEPT_TEXT_BUDGET } from '../../core/dumps/text-store.js'
import type { DumpFocus } from '../../core/dumps/focus.js'
import type { Finding } from '../../core/model.js'
import { collectInputs } from './collect.js'
import type { KbuildFiles } from './collector.js'
import { openScanIndex, saveScanIndex } from './scan-index-file.js'

export type { KbuildFiles } from './collector.js'

export interface LoadedDumpSet {
  set: DumpSet
  kbuild: KbuildFiles
  /** The loader's own findings (refused entries, unreadable files); the set's are on `set.findings`. */
  findings: Finding[]
}

/**
 * KLP_AFFECTED_KEPT_TEXT_BUDGET (bytes) overrides the set's budget of kept text: tests use it to
 * send every kept dump down the re-read path.
 */
function keptTextBudget(): number {
  const forced = process.env.KLP_AFFECTED_KEPT_TEXT_BUDGET
  return forced !== undefined && /^\d+$/.test(forced) ? Number(forced) : KEPT_TEXT_BUDGET
}

/**
 * Loads one dump set from directories and/or archives (.zip, .tar, .tar.gz/.tgz, .tar.xz), each
 * rooted where its kernel tree starts. Progress every ~1,000 files read. With a focus, only the
 * dumps that can answer it keep their text (see DumpSet). `indexCache`: a folder holding the
 * set's persistent scan index (read, then updated), which spares unchanged dumps their validation.
 */
export async function loadDumpSet(
  label: string,
  paths: string[],
  onProgress?: (msg: string) => void,
  focus?: DumpFocus,
  indexCache?: string
): Promise<LoadedDumpSet> {
  const set = new DumpSet(label, focus, keptTextBudget())
  const opened = indexCache === undefined ? undefined : await openScanIndex(indexCache, label)
  const { kbuild, findings } = await collectInputs(label, paths, set, onProgress, opened?.index)
  set.finish()
  if (opened) {
    append(findings, opened.findings)
    // The index serves dump folders: an archive's entries are validated on every run.
    if (opened.index.saved.size === 0 && set.dumpCount > 0)
      findings.push({
        kind: 'scan-index',
        severity: 'info',
        set: label,
        message: `scan index of ${label} not used: its dumps come from archives, and the index serves dump folders (extract the archive to use it)`
      })
    else append(findings, await saveScanIndex(opened, label))
  }
  return { set, kbuild, findings }
}

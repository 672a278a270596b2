import { DumpSet } from '../../core/dumps/dump-set.js'
import type { DumpFocus } from '../../core/dumps/focus.js'
import type { Finding } from '../../core/model.js'
import { collectInputs } from './collect.js'
import type { KbuildFiles } from './collector.js'

export type { KbuildFiles } from './collector.js'

export interface LoadedDumpSet {
  set: DumpSet
  kbuild: KbuildFiles
  /** The loader's own findings (refused entries, unreadable files); the set's are on `set.findings`. */
  findings: Finding[]
}

/**
 * Loads one dump set from directories and/or archives (.zip, .tar, .tar.gz/.tgz, .tar.xz), each
 * rooted where its kernel tree starts. Progress every ~1,000 files read. With a focus, only the
 * dumps that can answer it keep their text (see DumpSet).
 */
export async function loadDumpSet(
  label: string,
  paths: string[],
  onProgress?: (msg: string) => void,
  focus?: DumpFocus
): Promise<LoadedDumpSet> {
  const set = new DumpSet(label, focus)
  const { kbuild, findings } = await collectInputs(label, paths, set, onProgress)
  set.finish()
  return { set, kbuild, findings }
}

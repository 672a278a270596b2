import { stat } from 'node:fs/promises'
import type { Finding } from '../../core/model.js'
import { sniffArchive } from './archive-kind.js'
import { Collector, type DumpSink, type KbuildFiles } from './collector.js'
import { readDirectory } from './read-dir.js'
import type { ScanIndex } from '../../core/scan-index/store.js'

/**
 * Feeds every input of one dump set to `sink` and gathers the kbuild side files. Throws, naming
 * the path, when an input is missing or is not a readable archive: that is the caller's mistake.
 */
export async function collectInputs(
  label: string,
  paths: string[],
  sink: DumpSink,
  onProgress?: (msg: string) => void,
  index?: ScanIndex
): Promise<{ kbuild: KbuildFiles; findings: Finding[] }> {
  const collector = new Collector(label, sink, onProgress, paths.length, index)
  for (const path of paths) {
    let isDir: boolean
    try {
      const info = await stat(path)
      isDir = info.isDirectory()
      // Opening a FIFO waits for a writer and a device never ends: only files are archives.
      if (!isDir && !info.isFile()) throw new Error(`${path}: not a directory or a regular file`)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === undefined) throw error
      throw new Error(
        code === 'ENOENT'
          ? `${path}: no such file or directory`
          : `${path}: ${(error as Error).message}`,
        { cause: error }
      )
    }
    collector.beginInput(path, isDir ? path : undefined)
    if (isDir) await readDirectory(path, collector)
    else {
      const kind = await sniffArchive(path)
      // Loaded when an archive comes: their decompressors are a third of the CLI's code, and a
      // directory of dumps (the common input) would pay for compiling them at every start.
      const { readArchive } = await import('./read-archive.js')
      await readArchive(path, kind, collector)
    }
    collector.endInput()
  }
  return { kbuild: collector.finish(), findings: collector.findings }
}

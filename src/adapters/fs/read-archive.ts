import type { ArchiveKind } from './archive-kind.js'
import type { Collector } from './collector.js'
import { readTar } from './read-tar.js'
import { readZip } from './read-zip.js'

/** Feeds every file of interest in the archive at `path` to the collector. */
export async function readArchive(
  path: string,
  kind: ArchiveKind,
  collector: Collector
): Promise<void> {
  if (kind === 'zip') await readZip(path, collector)
  else await readTar(path, kind, collector)
}

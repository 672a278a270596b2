import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Finding } from '../../core/model.js'
import { encodeScanIndex, parseScanIndex } from '../../core/scan-index/format.js'
import { ScanIndex } from '../../core/scan-index/store.js'
import { VERSION } from '../../version.js'
import { crc32 } from 'node:zlib'

/**
 * The index file's own check, over its entries' text, against a truncated or damaged file: a
 * CRC-32 with the body's length in the header. Whoever can write the cache folder can also
 * recompute any digest written beside the body, so SHA-256 guarded against nothing more, and cost
 * a warm 10x run ~15 ms (9 MB of entries).
 */
export function textDigest(text: string): string {
  return crc32(text).toString(16).padStart(8, '0')
}

/** One dump set's index file in the cache folder, and what opening it found. */
export interface OpenedScanIndex {
  index: ScanIndex
  file: string
  findings: Finding[]
}

/** The file of set `label` in `dir`: one per set, so sets of several architectures share a folder. */
export function scanIndexFile(dir: string, label: string): string {
  return join(dir, `scan-index.${label.replace(/[^A-Za-z0-9._-]/g, '_')}.klpidx`)
}

/**
 * Reads the set's index. A missing file is a first run; a file that is not a valid index of this
 * version is not trusted in any part (a note says so) and is replaced when the run saves.
 */
export async function openScanIndex(dir: string, label: string): Promise<OpenedScanIndex> {
  const file = scanIndexFile(dir, label)
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return { index: new ScanIndex(), file, findings: [] }
    return { index: new ScanIndex(), file, findings: [note(label, file, (error as Error).message)] }
  }
  const parsed = parseScanIndex(text, VERSION, textDigest)
  if (parsed.ok) return { index: parsed.index, file, findings: [] }
  const finding = note(label, file, `${parsed.reason}; ignored, every dump is validated`)
  // A foreign index (another version) is routine after an upgrade; a corrupt one is worth a look.
  if (parsed.problem === 'corrupt') finding.severity = 'warning'
  return { index: new ScanIndex(), file, findings: [finding] }
}

/**
 * Writes the index when the run changed it, through a temporary file renamed over the old one, so
 * a concurrent reader sees the old index or the new one, never half of one. A failure is a note:
 * the analysis itself is complete without the index.
 */
export async function saveScanIndex(opened: OpenedScanIndex, label: string): Promise<Finding[]> {
  const { index, file } = opened
  if (!index.dirty) return []
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await mkdir(join(file, '..'), { recursive: true })
    await writeFile(tmp, encodeScanIndex(index.saved, VERSION, textDigest))
    await rename(tmp, file)
    return []
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined)
    return [note(label, file, `could not be written: ${(error as Error).message}`)]
  }
}

function note(label: string, file: string, what: string): Finding {
  return {
    kind: 'scan-index',
    severity: 'info',
    set: label,
    message: `scan index ${file}: ${what}`
  }
}

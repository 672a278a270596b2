import { unreadDump } from '../../core/dumps/scanner.js'
import type { ScannedFile } from './scan-pool.js'

/**
 * A scanned file as a thread posts it: most dumps of a query come back not kept, with no finding
 * and no path sample, and are posted as their line count alone. Cloning 27,000 such objects across
 * threads cost more than scanning them.
 */
export type PostedFile = ScannedFile | number

export function post(file: ScannedFile): PostedFile {
  if (!('scanned' in file) || file.print !== undefined || file.made !== undefined) return file
  const s = file.scanned
  const plain = !s.kept && s.text === '' && s.findings.length === 0 && !s.sampled
  return plain && s.rename === undefined && !s.names?.length ? s.lines : file
}

/**
 * `path`: the path the file was scanned as (the chunk's); `focused`: the scan had a focus (its
 * dumps then list the focus names they hold, none for a dump posted as a number).
 */
export function received(posted: PostedFile, path: string, focused: boolean): ScannedFile {
  if (typeof posted !== 'number') return posted
  return { scanned: unreadDump(path, posted, focused) }
}

import { createHash } from 'node:crypto'
import { statfsSync, statSync, type BigIntStats } from 'node:fs'
import { crc32 } from 'node:zlib'
import type { IndexedDump } from '../../core/scan-index/entry.js'
import type { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import { rawBytes, readBytes } from './dump-bytes.js'
import type { ScannedDump } from '../../core/dumps/scanner.js'

/** A dump read through the scan index: what the set needs, and the entry made for it, if one was. */
export interface IndexedFile {
  scanned: ScannedDump
  print?: string
  made?: IndexedDump
}

/**
 * The digest an entry is keyed by: of the file's bytes, so a dump rebuilt with other contents never
 * reuses its old answers, whatever its timestamps say. SHA-256 costs ~1 ms per MB here (less than
 * decoding the text), and no accidental or crafted change of the bytes keeps it.
 */
export function digestOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64')
}

/**
 * How old (ms) a file's last change must be before its size, times and inode may stand for its bytes:
 * a change within the same tick of a coarse clock (1 s on some filesystems, 2 s on FAT) as the
 * read would leave them as they were (git's "racy" entries).
 */
const STABLE_MS = 3000
/** KLP_AFFECTED_INDEX_STABLE_MS overrides STABLE_MS (tests, which cannot wait for old files). */
export function stableWindow(): number {
  const v = process.env.KLP_AFFECTED_INDEX_STABLE_MS
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : STABLE_MS
}

/**
 * Filesystems (statfs `f_type`) whose change time is the inode's last change as this machine's
 * kernel set it, which no tool sets back: ext2/3/4, xfs, btrfs, tmpfs, overlayfs, zfs, f2fs.
 * Elsewhere it is not: squashfs, erofs and ISO 9660 report the stored mtime (and give the same tree
 * the same inodes), vfat the creation time, sshfs and object-store FUSE mounts the mtime, and an
 * NFS client cached attributes for up to a minute (only `open` asks the server again). There a
 * same-size copy that keeps the mtime (`cp -p`, `rsync -t`, reproducible images) would look
 * unchanged, so every dump is read.
 */
const CHANGE_TIME_KEPT = new Set([
  0xef53, 0x58465342, 0x9123683e, 0x01021994, 0x794c7630, 0x2fc12fc1, 0xf2f52010
])
/** By device: one statfs per filesystem. */
const keepsChangeTime = new Map<bigint, boolean>()

function changeTimeKept(abs: string, dev: bigint): boolean {
  let kept = keepsChangeTime.get(dev)
  if (kept === undefined) {
    try {
      kept = CHANGE_TIME_KEPT.has(Number(statfsSync(abs).type) >>> 0)
    } catch {
      kept = false
    }
    keepsChangeTime.set(dev, kept)
  }
  return kept
}

/**
 * What an entry's `stat` holds: the file's device, inode, size, and modification and change times
 * (ns), as seen before its bytes were read; undefined where they cannot stand for the bytes: on a
 * filesystem that does not keep the change time (above), or while the change time is too recent
 * to tell a later change from this one (`stableMs`). A change after the read moves the change
 * time, so an equal `stat` means the bytes the entry was made from.
 */
export function statKey(st: BigIntStats, stableMs: number, abs: string): string | undefined {
  const changed = st.ctimeNs > st.mtimeNs ? st.ctimeNs : st.mtimeNs
  if (Number(changed / 1_000_000n) > Date.now() - stableMs) return undefined
  if (!changeTimeKept(abs, st.dev)) return undefined
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`
}

/**
 * Reads one dump file and scans it with the index's help. An entry whose `stat` the file still
 * has, and whose summary holds no focus name or file, answers without a read. Else, with an entry
 * for these bytes, a dump the focus cannot want is neither decoded nor validated (kgraft's grep,
 * then the recorded answer); any other is decoded, and validated unless the entry already says
 * what validation finds. `print`: the fingerprint Collector compares copies with, made from the
 * text as it does. `made`: a new entry, or one whose `stat` changed.
 */
export function scanIndexedFile(
  scanner: IndexedScanner,
  abs: string,
  path: string,
  entry: IndexedDump | undefined,
  print: boolean,
  stableMs: number
): IndexedFile | { error: string } {
  let bytes: Buffer
  let stat: string | undefined
  let unchanged: IndexedDump | undefined
  try {
    stat = statKey(statSync(abs, { bigint: true }), stableMs, abs)
    unchanged = stat !== undefined && entry?.stat === stat ? entry : undefined
    if (unchanged && !print && scanner.ruledOut(path, unchanged))
      return { scanned: scanner.fromEntry(path, unchanged) }
    bytes = readBytes(abs)
  } catch (error) {
    return { error: (error as Error).message }
  }
  // Unchanged: the bytes are the entry's (the premise of not reading at all), not hashed again.
  const hash = unchanged ? unchanged.hash : digestOf(bytes)
  const valid = entry?.hash === hash ? entry : undefined
  const restated = valid && valid.stat !== stat ? withStat(valid, stat) : undefined
  if (valid && !print && !scanner.needsText(path, valid, rawBytes(bytes)))
    return { scanned: scanner.fromEntry(path, valid), ...(restated ? { made: restated } : {}) }
  const text = bytes.toString('utf8')
  const { scanned, made } = scanner.scan(path, text, hash, valid)
  const fresh = made && withStat(made, stat)
  return {
    scanned,
    ...(print ? { print: `${text.length}:${crc32(text)}` } : {}),
    ...(fresh || restated ? { made: fresh ?? restated } : {})
  }
}

function withStat(entry: IndexedDump, stat: string | undefined): IndexedDump {
  const out = { ...entry }
  if (stat === undefined) delete out.stat
  else out.stat = stat
  return out
}

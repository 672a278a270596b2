import { statfsSync, statSync, type Stats } from 'node:fs'

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
const keepsChangeTime = new Map<number, boolean>()

function changeTimeKept(abs: string, dev: number): boolean {
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
 * (ms, to a fraction of a microsecond), as seen before its bytes were read; undefined where they
 * cannot stand for the bytes: on a filesystem that does not keep the change time (above), or
 * while the change time is too recent to tell a later change from this one (`stableMs`). A change
 * after the read moves the change time past the read, so at least `stableMs` past the one kept:
 * an equal `stat` means the bytes the entry was made from. `ino`: the inode, exactly.
 */
export function statKey(st: Stats, ino: string, stableMs: number, abs: string): string | undefined {
  const changed = st.ctimeMs > st.mtimeMs ? st.ctimeMs : st.mtimeMs
  if (changed > Date.now() - stableMs) return undefined
  if (!changeTimeKept(abs, st.dev)) return undefined
  return `${st.dev}:${ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}`
}

/** The `statKey` of the file at `abs` now (throws as `statSync` does). */
export function currentStatKey(abs: string, stableMs: number): string | undefined {
  // Plain numbers: 64-bit stats took a warm `explain` at 2,711 dumps ~6 ms more, and nanoseconds
  // tell nothing the stable window does not. But an inode past 2^53 is not exact as a double
  // (overlayfs with `xino` numbers a lower layer's files from 2^63 up: a review made two trees
  // with one path and other bytes give one plain key), so such a file is asked again, in 64 bits.
  const st = statSync(abs)
  const ino = Number.isSafeInteger(st.ino)
    ? String(st.ino)
    : String(statSync(abs, { bigint: true }).ino)
  return statKey(st, ino, stableMs, abs)
}

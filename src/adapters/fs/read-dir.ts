import { readFileSync } from 'node:fs'
import { CMD_HEAD_BYTES } from './classify.js'
import type { Collector } from './collector.js'
import { DumpFeed } from './dump-feed.js'
import { readBytes } from './dump-bytes.js'
import { inOrder } from './ordered.js'
import { takePrewalk } from './prewalk.js'
import type { ScannedFile } from './scan-pool.js'
import { replayWalk, walkTree, type WalkedFile } from './walk-tree.js'

/** Enough scans in flight to keep the threads busy; more only costs memory. */
const READS_IN_FLIGHT = 32

/**
 * A side file (modules.order, `.mod`, `.config`, a `.cmd` file's head), read here synchronously,
 * as the dumps are (on the threads, or here without them): a kernel tree has a modules.order per
 * folder, and 652 of them read through fs.readFile's callbacks took 45 ms, synchronously 5 ms.
 */
function readSide(f: WalkedFile): string | Promise<never> {
  try {
    return f.role === 'cmd'
      ? readBytes(f.abs, CMD_HEAD_BYTES).toString('utf8')
      : readFileSync(f.abs, 'utf8')
  } catch (error) {
    // Unreadable (EACCES, EISDIR, gone): a finding of the set, as a dump's read error is.
    return Promise.reject(error instanceof Error ? error : new Error(String(error)))
  }
}

/** Feeds every file of interest under `root` to the collector, in path order. */
export async function readDirectory(root: string, collector: Collector): Promise<void> {
  const feed = new DumpFeed(collector.scanSpec, collector.scanIndex)
  try {
    const walked = await takePrewalk(root)
    if (walked?.stats) feed.useStats(walked.stats)
    const offer = (f: WalkedFile): void => feed.offer(f)
    // Without scan threads nothing answers during the walk: it need not yield.
    const found = walked
      ? await replayWalk(walked, offer)
      : await walkTree(root, offer, () => feed.pooled)
    feed.end()
    for (const rel of found.links.sort()) collector.refuse(rel, 'it is a symbolic link')
    for (const e of found.errors) collector.unreadable(e.rel, e.message)
    // The per-folder modules.order files count only when there is no top-level one (see
    // Collector.finish): a kernel build tree has 650 of them, each a read on this thread.
    const top = found.files.find(f => f.role === 'modules-order' && feed.atRoot(f))
    // By index in the walk, as the feed knows them.
    const files: number[] = []
    for (let i = 0; i < found.files.length; i++) {
      const f = found.files[i]
      if (!top || f.role !== 'modules-order' || f === top) files.push(i)
    }
    const lending = feed.lend()
    await inOrder(
      files,
      READS_IN_FLIGHT,
      (i): string | ScannedFile | Promise<ScannedFile> | Promise<never> =>
        feed.result(i) ?? readSide(found.files[i]),
      (i, r) => {
        const f = found.files[i]
        if (!r.ok) collector.unreadable(f.rel, (r.error as Error).message)
        else if (typeof r.value === 'string') collector.add(f.rel, r.value, f.abs)
        else if ('error' in r.value) collector.unreadable(f.rel, r.value.error)
        else if ('cmd' in r.value) collector.addCmd(f.rel, r.value.cmd)
        else {
          if (r.value.made) collector.scanIndex?.record(r.value.scanned.path, r.value.made)
          collector.addScanned(f.rel, f.abs, r.value)
        }
      }
    )
    await lending
  } finally {
    await feed.close()
  }
}

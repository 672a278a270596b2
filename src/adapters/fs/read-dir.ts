import { readFile } from 'node:fs'
import { open } from 'node:fs/promises'
import { CMD_HEAD_BYTES } from './classify.js'
import type { Collector } from './collector.js'
import { DumpFeed } from './dump-feed.js'
import { inOrder } from './ordered.js'
import type { ScannedFile } from './scan-pool.js'
import { walkTree } from './walk-tree.js'

/** Enough reads in flight to keep the disk queue full; more only costs memory. */
const READS_IN_FLIGHT = 32

/**
 * The callback API on purpose: on 27,000 cached dumps `fs.promises.readFile` spent ~4 s in its
 * per-call promise and FileHandle machinery, the callback one ~1.5 s (readFileSync ~0.8 s, but it
 * would serialise a cold disk).
 */
function readText(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    readFile(path, 'utf8', (error, text) => (error ? reject(error) : resolve(text)))
  })
}

async function readHead(path: string, bytes: number): Promise<string> {
  const fh = await open(path, 'r')
  try {
    // Sized to the file: a zero-filled buffer of the whole cap for each of a build's 2,800
    // `.cmd` files (~60 KB each) cost 0.3 s of memset.
    const { size } = await fh.stat()
    const buf = Buffer.allocUnsafe(Math.min(bytes, size))
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0)
    return buf.toString('utf8', 0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** Feeds every file of interest under `root` to the collector, in path order. */
export async function readDirectory(root: string, collector: Collector): Promise<void> {
  const feed = new DumpFeed(collector.scanSpec, collector.scanIndex)
  try {
    const found = await walkTree(root, f => feed.offer(f))
    feed.end()
    for (const rel of found.links.sort()) collector.refuse(rel, 'it is a symbolic link')
    for (const e of found.errors) collector.unreadable(e.rel, e.message)
    // The per-folder modules.order files count only when there is no top-level one (see
    // Collector.finish): a kernel build tree has 650 of them, each a read on this thread.
    const top = found.files.find(f => f.role === 'modules-order' && feed.atRoot(f))
    const files = top
      ? found.files.filter(f => f.role !== 'modules-order' || f === top)
      : found.files
    const lending = feed.lend()
    await inOrder(
      files,
      READS_IN_FLIGHT,
      (f): Promise<string | ScannedFile> =>
        feed.result(f) ?? (f.role === 'cmd' ? readHead(f.abs, CMD_HEAD_BYTES) : readText(f.abs)),
      (f, r) => {
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

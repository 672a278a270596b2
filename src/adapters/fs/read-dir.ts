import type { Dirent } from 'node:fs'
import { readFile, readdirSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { CMD_HEAD_BYTES, roleOf, type Role } from './classify.js'
import type { Collector } from './collector.js'
import { inOrder } from './ordered.js'
import { IndexedScanner } from '../../core/scan-index/indexed-scanner.js'
import {
  poolCheckpoint,
  scanThreads,
  scanWorkerAvailable,
  startScanPool,
  type ScanPool,
  type ScannedFile
} from './scan-pool.js'
import { scanIndexedFile } from './scan-indexed.js'
import { RootDetector } from './set-root.js'

/** Enough reads in flight to keep the disk queue full; more only costs memory. */
const READS_IN_FLIGHT = 32

interface Walk {
  files: Array<{ abs: string; rel: string; role: Role }>
  links: string[]
  errors: Array<{ rel: string; message: string }>
}

/**
 * What a path of interest is when it is not a regular file. A FIFO would hang the read and a
 * device could stream forever, so neither is opened; but skipping them quietly would drop a dump
 * from the set, so each is named.
 */
function special(e: Dirent): string {
  if (e.isFIFO()) return 'a FIFO'
  if (e.isSocket()) return 'a socket'
  if (e.isCharacterDevice()) return 'a character device'
  if (e.isBlockDevice()) return 'a block device'
  return 'of an unknown file type'
}

/**
 * Synchronous on purpose: on 27,000 cached dumps in 6,700 folders, `fs.promises.readdir` spent
 * 300 ms in its per-folder promises, `readdirSync` 90 ms. `onDump` hears of each dump found, so
 * the scan threads can start booting while the walk goes on.
 */
function walk(dir: string, rel: string, out: Walk, onDump: () => void): void {
  let entries: Dirent[]
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    out.errors.push({ rel: rel || '.', message: (error as Error).message })
    return
  }
  for (const e of entries) {
    const path = rel ? `${rel}/${e.name}` : e.name
    const role = roleOf(path)
    if (e.isDirectory()) {
      if (role) out.errors.push({ rel: path, message: 'it is a directory, not a file' })
      walk(join(dir, e.name), path, out, onDump)
      continue
    }
    if (!role) continue
    if (e.isFile()) {
      out.files.push({ abs: join(dir, e.name), rel: path, role })
      if (role === 'dump') onDump()
    }
    // Followed links could pull in any file on the runner; O= build trees also carry a `source`
    // link to the whole source tree, which must not be walked. Links of no interest are ignored.
    else if (e.isSymbolicLink()) out.links.push(path)
    else out.errors.push({ rel: path, message: `it is ${special(e)}, not a regular file` })
  }
}

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
    const buf = Buffer.alloc(bytes)
    const { bytesRead } = await fh.read(buf, 0, bytes, 0)
    return buf.toString('utf8', 0, bytesRead)
  } finally {
    await fh.close()
  }
}

/** Feeds every file of interest under `root` to the collector, in path order. */
export async function readDirectory(root: string, collector: Collector): Promise<void> {
  const found: Walk = { files: [], links: [], errors: [] }
  const spec = collector.scanSpec
  let dumps = 0
  let pool: ScanPool | undefined
  walk(root, '', found, () => {
    if (!spec || pool || !poolCheckpoint(++dumps)) return
    const threads = scanThreads(dumps)
    if (threads > 0 && scanWorkerAvailable())
      pool = startScanPool(collector.scanIndex ? { ...spec, index: true } : spec, threads)
  })
  for (const rel of found.links.sort()) collector.refuse(rel, 'it is a symbolic link')
  for (const e of found.errors) collector.unreadable(e.rel, e.message)
  const files = found.files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))
  try {
    const scanned = scanDumps(files, collector, pool)
    await inOrder(
      files.map((f, i) => ({ ...f, i })),
      READS_IN_FLIGHT,
      (f): Promise<string | ScannedFile> =>
        scanned?.(f.i) ?? (f.role === 'cmd' ? readHead(f.abs, CMD_HEAD_BYTES) : readText(f.abs)),
      (f, r) => {
        if (!r.ok) collector.unreadable(f.rel, (r.error as Error).message)
        else if (typeof r.value === 'string') collector.add(f.rel, r.value, f.abs)
        else if ('error' in r.value) collector.unreadable(f.rel, r.value.error)
        else {
          if (r.value.made) collector.scanIndex?.record(r.value.scanned.path, r.value.made)
          collector.addScanned(f.rel, r.value.scanned, f.abs, r.value.print)
        }
      }
    )
  } finally {
    await pool?.close()
  }
}

/**
 * The dumps among `files` read and validated on worker threads (the load's cost at kernel scale is
 * that per-file work, and the main thread has little else to do meanwhile), or undefined to read
 * them here. Each is scanned under the root-relative path the collector will give it. With a scan
 * index, every dump goes through it (see scan-indexed.ts): on the threads, or here, in path order,
 * when there are none.
 */
function scanDumps(
  files: Array<{ abs: string; rel: string; role: Role }>,
  collector: Collector,
  pool: ScanPool | undefined
): ((i: number) => Promise<ScannedFile> | undefined) | undefined {
  const spec = collector.scanSpec
  const index = collector.scanIndex
  if (!spec || (!pool && !index)) return undefined
  const root = new RootDetector<number>()
  const paths: string[] = []
  const place = (out: Array<{ path: string; item: number }>): void => {
    for (const o of out) paths[o.item] = o.path
  }
  files.forEach((f, i) => place(root.offer(f.rel, i)))
  place(root.finish())
  const picked = files.flatMap((f, i) => (f.role === 'dump' ? [i] : []))
  const at = new Map(picked.map((i, k) => [i, k]))
  const list = picked.map(i => ({
    abs: files[i].abs,
    path: paths[i],
    ...(index ? { entry: index.lookup(paths[i]) } : {})
  }))
  if (!pool) {
    // Asked once per file, in path order (inOrder starts them so), as a scanner must be fed.
    const scanner = new IndexedScanner(spec.label, spec.focus)
    return i => {
      const k = at.get(i)
      if (k === undefined) return undefined
      const f = list[k]
      return Promise.resolve(scanIndexedFile(scanner, f.abs, f.path, f.entry, !!spec.print))
    }
  }
  const results = pool.scan(list)
  return i => {
    const k = at.get(i)
    return k === undefined ? undefined : results[k]
  }
}

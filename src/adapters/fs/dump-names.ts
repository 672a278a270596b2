import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { NearNames } from '../../core/explain/near-names.js'
import { collectInputs } from './collect.js'
import { searchNearNames, type NearRequest } from './near-search.js'
import { deferredScanWorker, scanThreads, scanWorkerAvailable } from './scan-pool.js'
import { RootDetector } from './set-root.js'
import { walkTree, type WalkedFile } from './walk-tree.js'

/**
 * One share on a thread of its own; undefined when none can be started (EAGAIN) or when it fails:
 * the promise never rejects, since the shares are awaited one after another and a thread that
 * failed while an earlier one was awaited would otherwise end the process.
 */
function onThread(query: string, files: string[]): Promise<Array<[string, number]> | undefined> {
  const worker = deferredScanWorker()
  if (!worker) return Promise.resolve(undefined)
  return new Promise<Array<[string, number]> | undefined>(resolve => {
    worker.once('message', (found: Array<[string, number]>) => resolve(found))
    worker.once('error', () => resolve(undefined))
    worker.once('exit', () => resolve(undefined))
    const request: NearRequest = { near: query, files }
    worker.postMessage(request)
  }).finally(() => void worker.terminate())
}

/**
 * The dumps of one set the load took, as it took them: each input's paths made relative to its
 * kernel tree (RootDetector, fed every file in walk order as the collector is), a path already
 * given by an earlier input or tree skipped (the load reports it and uses the first).
 */
async function setDumps(paths: string[], files: string[]): Promise<void> {
  const seen = new Set<string>()
  for (const input of paths) {
    const root = new RootDetector<WalkedFile>()
    const take = (out: Array<{ path: string; item: WalkedFile }>): void => {
      for (const { path, item } of out) {
        if (item.role !== 'dump' || seen.has(path)) continue
        seen.add(path)
        files.push(item.abs)
      }
    }
    await walkTree(input, f => take(root.offer(f.rel, f)))
    take(root.finish())
  }
}

/**
 * The names of every dump the sets hold near `query`, for what the focused load did not keep (a
 * mistyped `explain` target): a directory's dumps read undecoded, their shares searched on scan
 * threads beside this one (at 27,000 dumps one thread spent 1.2 s in the search and 0.7 s in
 * the reads); a set with an archive through the collector, as the load read it, as text. A file
 * that cannot be read is passed over: the load before this one reported it.
 */
export async function nearDumpNames(
  query: string,
  sets: Array<{ label: string; paths: string[] }>
): Promise<string[]> {
  const near = new NearNames(query)
  const files: string[] = []
  for (const { label, paths } of sets) {
    const dirs = await Promise.all(paths.map(async p => (await stat(p)).isDirectory()))
    if (dirs.every(Boolean)) await setDumps(paths, files)
    else await collectInputs(label, paths, near)
  }
  // This thread searches a share too: one thread fewer than the cores.
  const workers = scanWorkerAvailable()
    ? Math.min(scanThreads(files.length), Math.max(1, availableParallelism() - 1))
    : 0
  const shares = workers + 1
  const parts = Array.from({ length: shares }, (_, k) => files.filter((_, i) => i % shares === k))
  const threads = parts.slice(1).map(part => ({ part, found: onThread(query, part) }))
  searchNearNames(near, parts[0])
  for (const { part, found } of threads) {
    const answer = await found
    // A thread that failed leaves its share to this one: suggestions are not worth a failed run.
    if (answer) near.absorb(answer)
    else searchNearNames(near, part)
  }
  return near.names()
}

import { stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { NearNames } from '../../core/explain/near-names.js'
import { collectInputs } from './collect.js'
import { searchNearNames, type NearRequest } from './near-search.js'
import { SCAN_SCRIPT, scanThreads, scanWorkerAvailable } from './scan-pool.js'
import { walkTree } from './walk-tree.js'

/** One share on a thread of its own, or undefined when none can be started (EAGAIN). */
function onThread(query: string, files: string[]): Promise<Array<[string, number]>> | undefined {
  let worker: Worker
  try {
    worker = new Worker(SCAN_SCRIPT, { workerData: { deferred: true } })
  } catch {
    return undefined
  }
  return new Promise<Array<[string, number]>>((resolve, reject) => {
    worker.once('message', (found: Array<[string, number]>) => resolve(found))
    worker.once('error', reject)
    worker.once('exit', code => reject(new Error(`name search thread exited (${code})`)))
    const request: NearRequest = { near: query, files }
    worker.postMessage(request)
  }).finally(() => void worker.terminate())
}

/**
 * The names of every dump of `paths` near `query`, for what the focused load did not keep (a
 * mistyped `explain` target): a directory's dumps read undecoded, their shares searched on scan
 * threads beside this one (at 27,000 dumps one thread spent 1.2 s in the search and 0.7 s in
 * the reads); an archive's through the collector, as text. A file that cannot be read is passed
 * over: the load before this one reported it.
 */
export async function nearDumpNames(query: string, paths: string[]): Promise<string[]> {
  const near = new NearNames(query)
  const files: string[] = []
  for (const path of paths) {
    if ((await stat(path)).isDirectory()) {
      const walk = await walkTree(path, () => undefined)
      for (const f of walk.files) if (f.role === 'dump') files.push(f.abs)
    } else await collectInputs('', [path], near)
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
    try {
      if (found) {
        near.absorb(await found)
        continue
      }
    } catch {
      // A thread that failed leaves its share to this one: suggestions are not worth a failed run.
    }
    searchNearNames(near, part)
  }
  return near.names()
}

import type { Worker } from 'node:worker_threads'
import type { Role } from './classify.js'
import { currentStatKey, stableWindow } from './stat-key.js'
import { walkPrefix, walkTreeSync, type Walk } from './walk-tree.js'

/**
 * A dump folder walked on the prewarmed scan thread while `analyze` maps the diff on this one:
 * at 27,000 dumps the walk (6,700 folders read and sorted) took this thread ~0.3 s after the map,
 * with the other core idle during the map. The thread walks each folder the run names, in the
 * order named, before it takes any other message; the set's load then hands the files on as the
 * walk would have (see `replayWalk`), or walks here itself if the thread failed. The folder is
 * listed when the map starts, not when it ends: a dump written meanwhile is not in the set (the
 * dumps are a finished build's). With a scan index, the thread also takes each dump's stat key
 * (see stat-key.ts) after its walk: a warm run answers most dumps from them, and 27,000 stats took
 * this thread ~180 ms after the map (see PostedWalk.stats). Those dumps are then the set as it was
 * while the diff was mapped, as the listing is: one changed or deleted later in the run is answered
 * as it was (its entry was made from those bytes), where a stat at the load would have seen the
 * change. Either way a dump changed after it was looked at goes unseen until the next run.
 */

/** A walk as a thread posts it: one string per list, the parts NUL-separated (no path holds NUL). */
export interface PostedWalk {
  files: string
  roles: string
  links: string[]
  errors: Array<{ rel: string; message: string }>
  /**
   * With `stat` asked: per file, its dump's stat key as `currentStatKey` gave it, '' for none
   * (undefined), NOT_STATTED for a file that is not a dump or whose stat failed (the load stats
   * it again, and words the failure as it would have).
   */
  stats?: string
}

export interface WalkRequest {
  walk: string
  /** Take the stat keys of the dumps walked (a run with a scan index). */
  stat?: true
}

export interface WalkReply {
  walked: string
  walk: PostedWalk
}

const pending = new Map<string, Promise<Walk | undefined>>()

/** A file the walking thread took no stat key of (the reader stats it). */
export const NOT_STATTED = '\u0001'

/** On the thread: the reply to a walk request. */
export function walkReply(request: WalkRequest): WalkReply {
  const w = walkTreeSync(request.walk)
  const walk: PostedWalk = {
    files: w.files.map(f => f.rel).join('\0'),
    roles: w.files.map(f => f.role).join('\0'),
    links: w.links,
    errors: w.errors
  }
  if (request.stat) {
    const stableMs = stableWindow()
    walk.stats = w.files
      .map(f => (f.role === 'dump' ? statOf(f.abs, stableMs) : NOT_STATTED))
      .join('\0')
  }
  return { walked: request.walk, walk }
}

function statOf(abs: string, stableMs: number): string {
  try {
    return currentStatKey(abs, stableMs) ?? ''
  } catch {
    return NOT_STATTED
  }
}

function received(root: string, posted: PostedWalk): Walk {
  const prefix = walkPrefix(root)
  const rels = posted.files === '' ? [] : posted.files.split('\0')
  const roles = posted.roles.split('\0') as Role[]
  const walk: Walk = {
    files: rels.map((rel, i) => ({ abs: prefix + rel, rel, role: roles[i] })),
    links: posted.links,
    errors: posted.errors
  }
  if (posted.stats !== undefined) walk.stats = posted.stats.split('\0')
  return walk
}

/** Forgets the walks asked for and not taken: an earlier run's, stale for a new one. */
export function forgetPrewalks(): void {
  pending.clear()
}

/**
 * Asks `worker`, a prewarmed thread no pool has taken yet (unreferenced), to walk `roots` (folders
 * or not: a root that is no folder is never asked for), and to take the stat keys of the dumps
 * under those in `statted`.
 */
export function startPrewalks(
  worker: Worker,
  roots: readonly string[],
  statted: ReadonlySet<string> = new Set()
): void {
  const waiting = new Map<string, (w: Walk | undefined) => void>()
  for (const root of new Set(roots)) {
    pending.set(root, new Promise(resolve => waiting.set(root, resolve)))
    const request: WalkRequest = { walk: root }
    if (statted.has(root)) request.stat = true
    worker.postMessage(request)
  }
  if (waiting.size === 0) return
  const settle = (root: string, walk: Walk | undefined): void => {
    waiting.get(root)?.(walk)
    waiting.delete(root)
    if (waiting.size > 0) return
    worker.off('message', onMessage)
    worker.off('error', onEnd)
    worker.off('exit', onEnd)
  }
  const onMessage = (m: unknown): void => {
    if (typeof m === 'object' && m !== null && 'walked' in m) {
      const { walked, walk } = m as WalkReply
      settle(walked, received(walked, walk))
    }
  }
  // A thread lost before it answered: the load walks on its own thread.
  const onEnd = (): void => {
    for (const root of [...waiting.keys()]) settle(root, undefined)
  }
  worker.on('message', onMessage)
  worker.on('error', onEnd)
  worker.on('exit', onEnd)
  // A message listener references the thread again; unreferenced, a run that fails before its
  // load exits at once instead of waiting for the walk (see takePrewalk for one that waits).
  worker.unref()
}

/** The walk of `root` a thread was asked for, once; undefined if none was (or it failed). */
export async function takePrewalk(root: string): Promise<Walk | undefined> {
  const walk = pending.get(root)
  pending.delete(root)
  if (!walk) return undefined
  // The thread is unreferenced until a pool takes it: awaiting its answer must keep this process
  // alive, without touching the thread's own reference (a pool's to manage). Only a load that
  // waits does: a run that ends before its load (a failure) does not wait for the walk.
  const alive = setInterval(() => undefined, 1 << 30)
  try {
    return await walk
  } finally {
    clearInterval(alive)
  }
}

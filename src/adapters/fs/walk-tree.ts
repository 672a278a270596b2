import type { Dirent } from 'node:fs'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { roleOf, type Role } from './classify.js'

export interface WalkedFile {
  abs: string
  rel: string
  role: Role
}

export interface Walk {
  /** Files of interest, in path order. */
  files: WalkedFile[]
  links: string[]
  errors: Array<{ rel: string; message: string }>
  /** Per file, its stat key as the walking thread took it (see prewalk.ts), when it took them. */
  stats?: string[]
}

/** Folders read between two turns of the event loop (a scan thread's answer waits for one). */
const FOLDERS_PER_TURN = 32
/** Files handed on between two turns when the folders were read elsewhere (see `replayWalk`). */
const FILES_PER_TURN = 256

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

/** A folder sorts as its name plus `/`. */
function sortKey(e: Dirent): string {
  return e.isDirectory() ? `${e.name}/` : e.name
}

/**
 * Every file of interest under `root`, handed to `onFile` in path order (the order of `rel` as
 * strings) while the walk goes on, so the dumps can be scanned meanwhile. A folder sorts as its
 * name plus `/`, which makes the depth-first order the order of the whole paths. Folders are read
 * synchronously, yielding now and then: on 27,000 cached dumps in 6,700 folders
 * `fs.promises.readdir` spent 300 ms in its per-folder promises, `readdirSync` 90 ms. `yields`:
 * whether a turn of the event loop can serve anyone now (a scan thread's answers); while none
 * can, the turns are skipped (22 of them, ~2 ms, in a kernel's walk with no thread).
 */
export async function walkTree(
  root: string,
  onFile: (f: WalkedFile) => void,
  yields: () => boolean = () => true
): Promise<Walk> {
  const walk = new FolderWalk(root, onFile)
  let folders = 1
  while (walk.step())
    if (++folders % FOLDERS_PER_TURN === 0 && yields())
      await new Promise(resolve => setImmediate(resolve))
  return walk.out
}

/** `walkTree` in one go, for a thread that walks ahead of the one that wants it (see prewalk.ts). */
export function walkTreeSync(root: string): Walk {
  const walk = new FolderWalk(root, () => undefined)
  while (walk.step());
  return walk.out
}

/** The same walk's files handed to `onFile` as `walkTree` would hand them, yielding now and then. */
export async function replayWalk(walk: Walk, onFile: (f: WalkedFile) => void): Promise<Walk> {
  for (let i = 0; i < walk.files.length; i++) {
    onFile(walk.files[i])
    if (i % FILES_PER_TURN === FILES_PER_TURN - 1)
      await new Promise(resolve => setImmediate(resolve))
  }
  return walk
}

/**
 * The depth-first walk with its own stack, one folder read per `step` (where `walkTree` may
 * yield); a generator doing the same cost a cold walk of a kernel's 650 folders 3 ms more.
 */
class FolderWalk {
  readonly out: Walk = { files: [], links: [], errors: [] }
  private readonly stack: Array<{ entries: Dirent[]; at: number; rel: string }> = []
  // The root with a trailing separator, so that a file's path is the root's and its own joined
  // with no path.join (which normalizes: 200 ms on the main thread at 27,000 dumps).
  private readonly prefix: string

  constructor(
    root: string,
    private readonly onFile: (f: WalkedFile) => void
  ) {
    this.prefix = walkPrefix(root)
    this.open(root, '')
  }

  /** Goes on to the next folder read: false when the walk is over. */
  step(): boolean {
    const { stack, out, prefix } = this
    while (stack.length > 0) {
      const top = stack[stack.length - 1]
      if (top.at === top.entries.length) {
        stack.pop()
        continue
      }
      const e = top.entries[top.at++]
      const path = top.rel ? `${top.rel}/${e.name}` : e.name
      const role = roleOf(path)
      if (e.isDirectory()) {
        if (role) out.errors.push({ rel: path, message: 'it is a directory, not a file' })
        if (this.open(prefix + path, path)) return true
        continue
      }
      if (!role) continue
      if (e.isFile()) {
        const f = { abs: prefix + path, rel: path, role }
        out.files.push(f)
        this.onFile(f)
      }
      // Followed links could pull in any file on the runner; O= build trees also carry a `source`
      // link to the whole source tree, which must not be walked. Links of no interest are ignored.
      else if (e.isSymbolicLink()) out.links.push(path)
      else out.errors.push({ rel: path, message: `it is ${special(e)}, not a regular file` })
    }
    return false
  }

  /** Reads a folder onto the stack: false when it cannot be read (an error of the walk). */
  private open(dir: string, rel: string): boolean {
    let entries: Dirent[]
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch (error) {
      this.out.errors.push({ rel: rel || '.', message: (error as Error).message })
      return false
    }
    entries.sort((a, b) => {
      const ka = sortKey(a)
      const kb = sortKey(b)
      return ka < kb ? -1 : ka > kb ? 1 : 0
    })
    this.stack.push({ entries, at: 0, rel })
    return true
  }
}

/** What a file's root-relative path is joined to for its absolute one. */
export function walkPrefix(root: string): string {
  return join(root, 'x').slice(0, -1)
}

import { createHash } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../core/model.js'

/** How the notes name a folder's bodies: `parse`, `parse cache`, `the files were parsed again`. */
export interface FolderWords {
  what: string
  cache: string
  again: string
}

/** Bodies one run read from a keyed folder and the ones it made, saved by `flush`. */
export interface KeyedFolder {
  /** The body stored under `key` by this engine; undefined when none is, or it is damaged. */
  get(key: string): string | undefined
  /** A body to write under `key` at `flush`; after a `get` of the same key, the read one was refused. */
  set(key: string, body: string): void
  /** Writes the run's new bodies; a failure is a note (the analysis is complete without them). */
  flush(): Finding[]
  readonly hits: number
  readonly made: number
}

/** A cache of the run over a keyed folder: its store (keyed as the caller knows its values). */
export interface KeyedCache<Store> {
  store: Store
  /** Writes the run's new values; a failure is a note (the analysis is complete without them). */
  flush(): Finding[]
  readonly hits: number
  readonly made: number
}

/** `store` over `folder`, with the folder's flush and counts. */
export function keyedCache<Store>(folder: KeyedFolder, store: Store): KeyedCache<Store> {
  return {
    store,
    flush: () => folder.flush(),
    get hits() {
      return folder.hits
    },
    get made() {
      return folder.made
    }
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Bodies kept in `dir/<folder>/<engine>/`, one file per key (a hex digest of what the body was
 * made from). `engine` names the code that makes the bodies: it changes, the folder changes, and
 * another engine's bodies are never read (the older folders are removed when this one is
 * written). A file is a line with its engine, its key and its body's digest, then the body: a cut,
 * edited or misplaced file, or one whose body the reader refuses (a `set` after a `get`), is a
 * miss, counted in a note, and written again.
 */
export function openKeyedFolder(
  dir: string,
  folder: string,
  engine: string,
  words: FolderWords
): KeyedFolder {
  const { what, again } = words
  const note = (message: string): Finding => ({
    kind: 'parse-cache',
    severity: 'info',
    message: `${words.cache}: ${message}`
  })
  const root = join(dir, folder)
  const here = join(root, engine)
  const magic = `klp-affected ${what.replace(/ /g, '-')}`
  const pending = new Map<string, string>()
  /** Keys answered from a file: a `set` of one means the reader refused what the file held. */
  const answered = new Set<string>()
  let damaged = 0
  const fileOf = (key: string): string => join(here, key.slice(0, 2), key)
  const header = (key: string, body: string): string =>
    `${magic} ${engine} ${key} ${sha256(body)}\n`
  return {
    get(key) {
      const raw = readEntry(fileOf(key))
      if (raw === undefined) return undefined
      const cut = raw === false ? -1 : raw.indexOf('\n')
      const body = raw === false ? '' : raw.slice(cut + 1)
      if (raw === false || cut < 0 || raw.slice(0, cut + 1) !== header(key, body)) {
        damaged++
        return undefined
      }
      answered.add(key)
      return body
    },
    set(key, body) {
      if (answered.delete(key)) damaged++
      pending.set(key, body)
    },
    get hits() {
      return answered.size
    },
    get made() {
      return pending.size
    },
    flush() {
      const findings: Finding[] = []
      if (damaged > 0)
        findings.push(note(`${damaged} cached ${what}(s) in ${here} were damaged: ${again}`))
      if (pending.size === 0) return findings
      let failed = 0
      let first = ''
      for (const [key, body] of pending) {
        const file = fileOf(key)
        // Renamed into place: a concurrent run reads the old file or the whole new one.
        const tmp = `${file}.${process.pid}.tmp`
        try {
          mkdirSync(join(file, '..'), { recursive: true })
          writeFileSync(tmp, header(key, body) + body)
          renameSync(tmp, file)
        } catch (error) {
          if (failed++ === 0) first = (error as Error).message
          removeQuietly(tmp)
        }
      }
      const total = pending.size
      pending.clear()
      if (failed > 0) {
        findings.push(
          note(`${failed} of ${total} ${what}(s) could not be written to ${here}: ${first}`)
        )
        return findings
      }
      try {
        for (const old of readdirSync(root))
          if (old !== engine) rmSync(join(root, old), { recursive: true, force: true })
      } catch (error) {
        findings.push(
          note(`older ${what}s in ${root} could not be removed: ${(error as Error).message}`)
        )
      }
      return findings
    }
  }
}

/** A temporary file left by a failed write, if any (where the folder was not made, none is). */
function removeQuietly(file: string): void {
  try {
    rmSync(file, { force: true })
  } catch {
    // Nothing was written there.
  }
}

/**
 * An entry's text; undefined when there is none; false when something else is there (a folder,
 * a FIFO, which a plain read would wait on forever) or it cannot be read.
 */
function readEntry(file: string): string | undefined | false {
  let fd: number
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    // No entry; or no folder for it (a file in its place: the write that follows says so).
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : false
  }
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : false
  } catch {
    return false
  } finally {
    closeSync(fd)
  }
}

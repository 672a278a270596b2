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
import { PARSE_CACHE_SCHEMA } from '../../core/parse-cache/stored-parse.js'
import type { ParseStore } from '../../core/parse-cache/store.js'
import { VERSION } from '../../version.js'
import { parserDigest } from '../tree-sitter.js'

const MAGIC = 'klp-affected parse'

/** The folder under the cache folder (`--index-cache`) that holds the parses. */
export const PARSES_FOLDER = 'parses'

/** The parses a run read from the cache folder and the ones it made, saved by `flush`. */
export interface ParseCache {
  store: ParseStore
  /** Writes the run's new parses; a failure is a note (the analysis is complete without them). */
  flush(): Finding[]
  readonly hits: number
  readonly made: number
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

/**
 * Parses kept in `dir/parses/<engine>/`, one file per source text, named by the text's SHA-256.
 * `engine` is the tool's version, the locator's schema and the digest of the parser's code (both
 * wasm files and the bundle): any of them changes, the folder changes, and the parses of another
 * engine are never read (the older folders are removed when this one is written). A file is a
 * line with its engine, its text's digest and its body's digest, then the body: a cut, edited or
 * misplaced file, or one whose body the locator refuses, is a miss, counted in a note, and written
 * again.
 */
export function openParseCache(dir: string): ParseCache {
  const engine = sha256(`${VERSION}\n${PARSE_CACHE_SCHEMA}\n${parserDigest()}`).slice(0, 16)
  const root = join(dir, PARSES_FOLDER)
  const folder = join(root, engine)
  const pending = new Map<string, string>()
  /** Keys answered from a file: a `set` of one means the locator refused what the file held. */
  const answered = new Set<string>()
  let damaged = 0
  // The locator stores a text right after asking for it (a miss): its digest is not made twice.
  let asked = { text: '', key: sha256('') }
  const keyOf = (text: string): string =>
    text === asked.text ? asked.key : (asked = { text, key: sha256(text) }).key
  const fileOf = (key: string): string => join(folder, key.slice(0, 2), key)
  const header = (key: string, body: string): string =>
    `${MAGIC} ${engine} ${key} ${sha256(body)}\n`
  const store: ParseStore = {
    get(text) {
      const key = keyOf(text)
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
    set(text, stored) {
      const key = keyOf(text)
      if (answered.delete(key)) damaged++
      pending.set(key, stored)
    }
  }
  return {
    store,
    get hits() {
      return answered.size
    },
    get made() {
      return pending.size
    },
    flush() {
      const findings: Finding[] = []
      if (damaged > 0)
        findings.push(
          note(`${damaged} cached parse(s) in ${folder} were damaged: the files were parsed again`)
        )
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
          note(`${failed} of ${total} parse(s) could not be written to ${folder}: ${first}`)
        )
        return findings
      }
      try {
        for (const old of readdirSync(root))
          if (old !== engine) rmSync(join(root, old), { recursive: true, force: true })
      } catch (error) {
        findings.push(
          note(`older parses in ${root} could not be removed: ${(error as Error).message}`)
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

function note(message: string): Finding {
  return { kind: 'parse-cache', severity: 'info', message: `parse cache: ${message}` }
}

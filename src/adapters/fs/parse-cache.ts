import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Finding } from '../../core/model.js'
import { PARSE_CACHE_SCHEMA } from '../../core/parse-cache/stored-parse.js'
import type { ParseStore } from '../../core/parse-cache/store.js'
import { VERSION } from '../../version.js'
import { grammarDigest } from '../tree-sitter.js'

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
 * `engine` is the tool's version, the locator's schema and the digest of both wasm files: any of
 * them changes, the folder changes, and the parses of another engine are never read (the older
 * folders are removed when this one is written). A file is its engine line, the digest of its
 * body and the body: a cut or edited file is a miss, counted, and written again.
 */
export function openParseCache(dir: string): ParseCache {
  const engine = sha256(`${VERSION}\n${PARSE_CACHE_SCHEMA}\n${grammarDigest()}`).slice(0, 16)
  const root = join(dir, PARSES_FOLDER)
  const folder = join(root, engine)
  const pending = new Map<string, string>()
  let hits = 0
  let damaged = 0
  const fileOf = (key: string): string => join(folder, key.slice(0, 2), key)
  const header = (body: string): string => `${MAGIC} ${engine} ${sha256(body)}\n`
  const store: ParseStore = {
    get(text) {
      let raw: string
      try {
        raw = readFileSync(fileOf(sha256(text)), 'utf8')
      } catch {
        return undefined
      }
      const cut = raw.indexOf('\n')
      const body = raw.slice(cut + 1)
      if (cut < 0 || raw.slice(0, cut + 1) !== header(body)) {
        damaged++
        return undefined
      }
      hits++
      return body
    },
    set(text, stored) {
      pending.set(sha256(text), stored)
    }
  }
  return {
    store,
    get hits() {
      return hits
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
      let tmp = ''
      try {
        for (const [key, body] of pending) {
          const file = fileOf(key)
          mkdirSync(join(file, '..'), { recursive: true })
          // Renamed into place: a concurrent run reads the old file or the whole new one.
          tmp = `${file}.${process.pid}.tmp`
          writeFileSync(tmp, header(body) + body)
          renameSync(tmp, file)
          tmp = ''
        }
        pending.clear()
        for (const old of readdirSync(root))
          if (old !== engine) rmSync(join(root, old), { recursive: true, force: true })
      } catch (error) {
        if (tmp !== '') rmSync(tmp, { force: true })
        findings.push(note(`${folder} could not be written: ${(error as Error).message}`))
      }
      return findings
    }
  }
}

function note(message: string): Finding {
  return { kind: 'parse-cache', severity: 'info', message: `parse cache: ${message}` }
}

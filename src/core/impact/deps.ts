import { normalizePath } from '../paths.js'

/**
 * The files each TU was compiled from, as fixdep wrote them into kbuild's `.<obj>.o.cmd`
 * (`deps_<obj> := \` then one path per line). Exact where it exists: the compiler's own `-MD`
 * list, `#if` branches already decided. At kernel scale (2,700 TUs x ~600 files) the paths are
 * interned and each TU keeps an array of ids: a few MB instead of the ~60 MB of text.
 */
export class HeaderDeps {
  private readonly paths: string[] = []
  private readonly ids = new Map<string, number>()
  private readonly byTu = new Map<string, Uint32Array>()
  private readonly cut = new Set<string>()
  private seers: Map<number, string[]> | undefined

  /** Reads one `.cmd` file's text; returns the TU it describes, or undefined (no C compile, no deps). */
  add(text: string): string | undefined {
    const parsed = parseDeps(text)
    return parsed && this.addParsed(parsed)
  }

  /** One `.cmd` file's list, parsed elsewhere (a scan thread); returns its TU. */
  addParsed(parsed: ParsedDeps): string {
    const ids = new Uint32Array(parsed.files.length)
    parsed.files.forEach((p, i) => {
      let id = this.ids.get(p)
      if (id === undefined) {
        id = this.paths.length
        this.paths.push(p)
        this.ids.set(p, id)
      }
      ids[i] = id
    })
    this.byTu.set(parsed.tu, ids)
    if (!parsed.complete) this.cut.add(parsed.tu)
    else this.cut.delete(parsed.tu)
    this.seers = undefined
    return parsed.tu
  }

  get size(): number {
    return this.byTu.size
  }

  /** The TU has a complete list (a list cut by a size cap counts as none). */
  has(tu: string): boolean {
    return this.byTu.has(tu) && !this.cut.has(tu)
  }

  /** Every file the TU was compiled from (its `.c` first), tree-relative; undefined when not known. */
  filesOf(tu: string): string[] | undefined {
    if (!this.has(tu)) return undefined
    return [...(this.byTu.get(tu) ?? [])].map(i => this.paths[i])
  }

  /** Every TU's list is complete: `tusSeeing` then names every TU that reads a file. */
  complete(): boolean {
    return this.cut.size === 0
  }

  /** TUs with a complete list that name `file` among their dependencies. */
  tusSeeing(file: string): string[] {
    if (!this.seers) {
      const seers = new Map<number, string[]>()
      for (const [tu, ids] of this.byTu) {
        if (this.cut.has(tu)) continue
        for (const id of ids) {
          const list = seers.get(id)
          if (list) list.push(tu)
          else seers.set(id, [tu])
        }
      }
      this.seers = seers
    }
    const id = this.ids.get(normalizePath(file))
    return id === undefined ? [] : [...(this.seers.get(id) ?? [])].sort()
  }
}

export interface ParsedDeps {
  tu: string
  /**
   * Tree-relative paths, the TU's source first (fixdep lists it on the `source_` line, not in
   * `deps_`); the compiler's own headers (absolute, outside the tree) left out.
   */
  files: string[]
  /** False when the list stops mid-way (a capped read of a huge `.cmd`). */
  complete: boolean
}

const DEPS_HEAD = /^deps_(\S+?)\s*:=\s*\\?\s*$/
const SOURCE = /^source_\S+?\s*:=\s*(\S+)/

/**
 * One `.cmd` file's dependency list. Kconfig entries (`$(wildcard include/config/FOO)`) are not
 * files. In an O= build the paths are absolute under the source tree: the `source_` line tells
 * that prefix, and any other absolute path (the compiler's own headers) is outside the tree.
 */
export function parseDeps(text: string): ParsedDeps | undefined {
  const head = depsHead(text)
  if (!head?.target.endsWith('.o')) return undefined
  const tu = `${normalizePath(head.target).slice(0, -2)}.c`
  if (head.source !== undefined && !head.source.endsWith('.c')) return undefined
  const { files, complete } = depsFiles(text, head, tu)
  return { tu, files, complete }
}

/**
 * The list of a kbuild target that `parseDeps` does not read (`arch/x86/kernel/vmlinux.lds` from
 * its `.lds.S`, `asm-offsets.s` from its `.c`, an object assembled from a `.S`): the files it was
 * preprocessed from, its source first. kbuild makes such a target beside its source, so the
 * source's tree path is the target's folder and the source's name.
 */
export function parseTargetDeps(
  text: string
): { target: string; source: string; files: string[]; complete: boolean } | undefined {
  const head = depsHead(text)
  if (!head?.source || (head.target.endsWith('.o') && head.source.endsWith('.c'))) return undefined
  const target = normalizePath(head.target)
  const folder = target.slice(0, target.lastIndexOf('/') + 1)
  const source = folder + head.source.slice(head.source.lastIndexOf('/') + 1)
  const { files, complete } = depsFiles(text, head, source)
  return { target, source, files, complete }
}

interface DepsHead {
  target: string
  source?: string
  /** Where the list's first entry starts, and whether the text ended at the head. */
  pos: number
  last: boolean
}

function depsHead(text: string): DepsHead | undefined {
  // Walked line by line in place: a build's 2,800 lists are ~1.7 million lines, and splitting
  // each file whole (the command lines after the list included) cost more than reading them.
  let source: string | undefined
  let pos = 0
  let last = false
  while (!last) {
    let end = text.indexOf('\n', pos)
    last = end < 0
    if (last) end = text.length
    const line = text.slice(pos, end)
    pos = end + 1
    const s = SOURCE.exec(line)
    if (s && source === undefined) source = s[1]
    const d = DEPS_HEAD.exec(line)
    if (d) return { target: d[1], source, pos, last }
  }
  return undefined
}

/** The list after its head, `own` (the tree path of the source) first. */
function depsFiles(
  text: string,
  head: DepsHead,
  own: string
): { files: string[]; complete: boolean } {
  const { source } = head
  const prefix =
    source?.startsWith('/') && source.endsWith(own) ? source.slice(0, -own.length) : undefined
  const files = new Set<string>([own])
  let complete = false
  let { pos, last } = head
  while (!last) {
    let end = text.indexOf('\n', pos)
    last = end < 0
    if (last) end = text.length
    // trimEnd takes a CRLF's `\r` too.
    const line = text.slice(pos, end).trimEnd()
    pos = end + 1
    const more = line.endsWith('\\')
    const entry = (more ? line.slice(0, -1) : line).trim()
    if (entry !== '' && !entry.startsWith('$(')) {
      if (entry.startsWith('/')) {
        if (prefix !== undefined && entry.startsWith(prefix))
          files.add(normalizePath(entry.slice(prefix.length)))
      } else files.add(normalizePath(entry))
    }
    if (!more) {
      // fixdep ends the list with a blank line; a read cut at the cap ends anywhere.
      complete = entry === '' && !last
      break
    }
  }
  return { files: [...files], complete }
}

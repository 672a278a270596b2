import { archesOf, includeCandidates, includeDirectives } from '../source/includes.js'
import type { HeaderDeps } from './deps.js'
import { append } from '../arrays.js'

type Directives = ReturnType<typeof includeDirectives>

/** The files one TU is compiled from, and what of it could not be known. */
export interface Unit {
  tu: string
  /** The TU's `.c` first, then every file it includes (headers and `.c`). */
  files: string[]
  /** Files of the unit that should be read but cannot be (not in the source tree, unreadable). */
  lost: string[]
  /** `deps`: kbuild's dependency list; `source`: the include closure over the source tree. */
  from: 'deps' | 'source'
}

export interface UnitSourceInput {
  /** Every TU of the dump set. */
  tus: readonly string[]
  deps?: HeaderDeps
  /** Text of a file of the tree (pre-image for the fix's files), undefined: none, false: unreadable. */
  textOf: (path: string) => string | undefined | false
  /** What `textOf` would answer, without reading: 'ok' for a text. */
  statusOf?: (path: string) => 'ok' | undefined | false
}

/** A kernel TU pulls in 300 to 1,500 headers; past this the closure is cut and says so. */
const CLOSURE_MAX = 8000

/**
 * Which files make up each TU, and so which TUs see a header. kbuild's `-MD` lists are exact and
 * preferred; without them the include closure is walked over the source tree as kbuild's compiler
 * would resolve it (lexically: an `#include` in a disabled `#if` branch counts, which only widens).
 * Closures, resolutions and directive lists are cached for the whole run: the first header fix
 * walks every TU once, each later question is a lookup.
 */
export class Units {
  private readonly arches: string[]
  private readonly units = new Map<string, Unit | null>()
  /** Per file: its includes, or why there are none to read. */
  private readonly directives = new Map<string, Directives | 'missing' | 'unreadable'>()
  private readonly resolved = new Map<string, string | null>()
  private readonly includes = new Map<string, { paths: string[]; lost: string[] }>()
  private seers: Map<string, string[]> | undefined
  private readonly unknown: string[] = []
  /** TUs whose files were read from their #include lines, not from a kbuild list. */
  private readonly guessed: string[] = []

  constructor(private readonly input: UnitSourceInput) {
    this.arches = archesOf(input.tus)
  }

  /** The TU's files; null when neither its deps nor its source is available. */
  unit(tu: string): Unit | null {
    let unit = this.units.get(tu)
    if (unit === undefined) {
      const files = this.input.deps?.filesOf(tu)
      if (files) {
        const lost = files.filter(f => !generated(f) && !this.readable(f))
        unit = { tu, files, lost, from: 'deps' }
      } else unit = this.walk(tu)
      this.units.set(tu, unit)
    }
    return unit
  }

  /** TUs whose unit holds `file`, and TUs whose unit is not known at all (not searchable). */
  seeing(file: string): { tus: string[]; unknown: string[] } {
    if (!this.seers) {
      const seers = new Map<string, string[]>()
      for (const tu of this.input.tus) {
        const unit = this.unit(tu)
        if (!unit) {
          this.unknown.push(tu)
          continue
        }
        if (unit.from === 'source') this.guessed.push(tu)
        for (const f of unit.files) {
          const list = seers.get(f)
          if (list) list.push(tu)
          else seers.set(f, [tu])
        }
      }
      this.seers = seers
    }
    const tus = [...(this.seers.get(file) ?? [])].sort()
    // Read from the #include lines (no kbuild list), "no TU sees it" is only what those tell: an
    // include through a macro (`#include CFG_HDR`), `-include`, an -I folder or an arch's asm/
    // they cannot resolve would be missed. Those TUs are then not known not to see it.
    if (tus.length === 0) return { tus, unknown: [...this.unknown, ...this.guessed] }
    return { tus, unknown: [...this.unknown] }
  }

  /**
   * The include closure of any file over the source tree (a script's source: `vmlinux.lds.S`),
   * kbuild's lists aside; null when the file is not in the tree.
   */
  closure(path: string): { files: string[]; lost: string[] } | null {
    const walked = this.walk(path)
    return walked && { files: walked.files, lost: walked.lost.filter(f => !generated(f)) }
  }

  private readable(path: string): boolean {
    const status = this.input.statusOf
    return status ? status(path) === 'ok' : typeof this.directivesOf(path) !== 'string'
  }

  private directivesOf(path: string): Directives | 'missing' | 'unreadable' {
    let list = this.directives.get(path)
    if (list === undefined) {
      const text = this.input.textOf(path)
      list =
        typeof text === 'string'
          ? includeDirectives(text)
          : text === false
            ? 'unreadable'
            : 'missing'
      this.directives.set(path, list)
    }
    return list
  }

  private resolve(inc: Directives[number], from: string, tu: string): string | null {
    const dir = (p: string): string => p.slice(0, p.lastIndexOf('/') + 1)
    const key = inc.quoted ? `"${inc.name}\u0000${dir(from)}\u0000${dir(tu)}` : `<${inc.name}`
    let hit = this.resolved.get(key)
    if (hit === undefined) {
      hit =
        includeCandidates(inc, from, tu, this.arches).find(
          // A file that is there but cannot be read resolves too: it is then named as lost.
          p => this.directivesOf(p) !== 'missing'
        ) ?? null
      this.resolved.set(key, hit)
    }
    return hit
  }

  /**
   * What one file's includes resolve to for a TU: the same for every TU unless the file has a
   * quoted include (which also looks in the TU's folders), so a whole-tree walk resolves each
   * header's includes about once.
   */
  private includesOf(file: string, tu: string): { paths: string[]; lost: string[] } | null {
    const list = this.directivesOf(file)
    if (typeof list === 'string') return null
    const quoted = list.some(inc => inc.quoted)
    const key = quoted ? `${file}\u0000${tu.slice(0, tu.lastIndexOf('/') + 1)}` : file
    let known = this.includes.get(key)
    if (!known) {
      known = { paths: [], lost: [] }
      for (const inc of list) {
        const path = this.resolve(inc, file, tu)
        if (path !== null) known.paths.push(path)
        // As in the caller search: a quoted include written in or naming a `.c` is a file of
        // the tree; an unresolved header include is another platform's or a generated one.
        else if (inc.quoted && (inc.name.endsWith('.c') || file.endsWith('.c')))
          known.lost.push(includeCandidates(inc, file, tu, this.arches)[0] ?? inc.name)
      }
      this.includes.set(key, known)
    }
    return known
  }

  private walk(tu: string): Unit | null {
    if (typeof this.directivesOf(tu) === 'string') return null
    const files = [tu]
    const seen = new Set(files)
    const lost: string[] = []
    for (let i = 0; i < files.length; i++) {
      const own = this.includesOf(files[i], tu)
      if (!own) {
        lost.push(files[i])
        continue
      }
      append(lost, own.lost)
      for (const path of own.paths) {
        if (seen.has(path)) continue
        seen.add(path)
        if (files.length >= CLOSURE_MAX) {
          lost.push(`the includes past ${CLOSURE_MAX} files`)
          return { tu, files, lost, from: 'source' }
        }
        files.push(path)
      }
    }
    return { tu, files, lost, from: 'source' }
  }
}

/** Headers kbuild generates at build time (`include/generated/`, `asm/generated`): not in a source tree. */
function generated(path: string): boolean {
  return /(^|\/)generated\//.test(path) || path.startsWith('include/config/')
}

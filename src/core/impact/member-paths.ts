import type { LocatedFunction } from '../source/locate.js'
import { append } from '../arrays.js'
import type { UseIndex } from './uses.js'
import { escapeRegExp } from '../text/escape-regexp.js'

export interface PathUser {
  file: string
  function: LocatedFunction
  /** The member of another type the function goes through. */
  member: string
  why: 'touches moved members of' | 'uses the size of'
}

/** Members of the types of a unit that lead to the changed type. */
export interface PathMembers {
  /** Members pointing to it. */
  pointers: Set<string>
  /** Members holding it by value. */
  holders: Set<string>
}

/**
 * Functions that reach a changed type through a member of another type without spelling it:
 * `tu->tp.event->filter` (a pointer member), `rb->prb_bdqc.kblk_size` (a member holding it), or
 * `&mbox->chans[i]` (indexing a pointer member scales by the type's size, as does pointer
 * arithmetic on it). Only the member name is lexical; the path must end in a moved member, or
 * index or offset the pointer, so a common member name alone does not match.
 *
 * One search serves every TU that sees the type's header: a wide header is seen by thousands of
 * TUs sharing most files, and each TU's own types add member names. The patterns are therefore
 * one per member (a function matches the alternation over a TU's members exactly when it matches
 * one member's pattern), so that each file's answer for a member is found once for the whole run.
 */
export class PathSearch {
  private readonly chains = new Map<string, RegExp>()
  private readonly scales = new Map<string, RegExp>()
  private readonly movedIn = new Map<string, boolean>()
  private readonly movedPattern: string

  private readonly macroPattern: string
  /** viaMacros: the files and macros whose users were given already. */
  private readonly viaAnswered = new Set<string>()

  constructor(
    private readonly spellings: readonly string[],
    private readonly moved: readonly string[],
    private readonly uses: UseIndex,
    /**
     * Macros that read a moved member of what they are given (`GRAPHICS_VER(i915)` reads
     * `i915->__runtime` through RUNTIME_INFO): a path passed to one (`GRAPHICS_VER(engine->i915)`)
     * reaches the moved member with none written.
     */
    private readonly macros: readonly string[] = []
  ) {
    this.movedPattern = moved.map(escapeRegExp).join('|')
    this.macroPattern = macros.map(escapeRegExp).join('|')
  }

  /** Members of the types of `files` that point to or hold the type. */
  members(files: readonly string[]): PathMembers {
    const pointers = new Set<string>()
    const holders = new Set<string>()
    for (const spelling of this.spellings) {
      for (const file of files) {
        for (const m of this.uses.pointerMembers(file, spelling)) pointers.add(m)
        for (const e of this.uses.typesEmbedding(file, spelling)) holders.add(e.holder)
      }
    }
    return { pointers, holders }
  }

  /** The names `users` asks files about, for one read of each file beforehand (UseIndex.prime). */
  names(found: PathMembers): string[] {
    return [...found.pointers, ...found.holders, ...this.moved, ...this.macros]
  }

  users(files: readonly string[], found: PathMembers = this.members(files)): PathUser[] {
    const { pointers, holders } = found
    const out: PathUser[] = []
    if (pointers.size === 0 && holders.size === 0) return out
    const through = [...new Set([...pointers, ...holders])]
    // File by file: one parse of a file answers every member (common member names such as `dev`
    // are spelled by most files of a unit; a moved member must be spelled too for a chain).
    const spelledIn = (file: string): string[] => through.filter(m => this.uses.spells(file, m))
    for (const file of files) {
      const here = spelledIn(file)
      if (here.length > 0) append(out, this.usersIn(file, here, pointers))
    }
    return append(out, this.viaMacros(files, spelledIn))
  }

  /**
   * Functions of `files` using a macro of theirs whose body goes through one of the members to a
   * moved member, through other macros too: `intel_atomic_get_old_cdclk_state(state)` expands to
   * `&to_i915(state->base.dev)->display.cdclk.obj`, and its users spell neither. `spelledIn`: the
   * members a file spells.
   */
  viaMacros(files: readonly string[], spelledIn: (file: string) => string[]): PathUser[] {
    if (this.moved.length === 0) return []
    const member = new Map<string, string>()
    for (const file of files) {
      if (!this.movesIn(file)) continue
      for (const m of spelledIn(file)) {
        let re = this.chains.get(m)
        if (!re) this.chains.set(m, (re = this.chain(m)))
        for (const name of this.uses.accessMacros(file, re))
          if (!member.has(name)) member.set(name, m)
      }
    }
    if (member.size === 0) return []
    const out: PathUser[] = []
    // A macro using one goes through the same member (expand lists callees before callers).
    const names = this.uses.expand(files, [...member.keys()])
    for (const name of names) {
      const via = member.get(name) ?? member.values().next().value!
      for (const file of files) {
        // Every unit of a wide header asks again about the files it shares: each is answered once.
        const key = `${file}\u0000${name}`
        if (this.viaAnswered.has(key) || !this.uses.spells(file, name)) continue
        this.viaAnswered.add(key)
        for (const f of this.uses.uses(file, name).functions)
          out.push({ file, function: f, member: via, why: 'touches moved members of' })
      }
    }
    return out
  }

  /** The users of one file through `here`, the members of a unit it spells (in the unit's order). */
  usersIn(file: string, here: readonly string[], pointers: ReadonlySet<string>): PathUser[] {
    const out: PathUser[] = []
    const chained =
      this.moved.length > 0 && this.movesIn(file)
        ? this.matching(file, here, this.chains, m => this.chain(m))
        : undefined
    const scaledHere = here.filter(m => pointers.has(m))
    const scaled =
      scaledHere.length > 0
        ? this.matching(file, scaledHere, this.scales, m => this.scaled(m))
        : undefined
    for (const member of here) {
      const spelling = this.uses.uses(file, member).functions
      if (chained)
        for (const f of spelling)
          if (chained.has(keyOf(f)))
            out.push({ file, function: f, member, why: 'touches moved members of' })
      if (scaled && pointers.has(member))
        for (const f of spelling)
          if (scaled.has(keyOf(f))) out.push({ file, function: f, member, why: 'uses the size of' })
    }
    return out
  }

  private movesIn(file: string): boolean {
    let found = this.movedIn.get(file)
    if (found === undefined) {
      const spells = (m: string): boolean => this.uses.spells(file, m)
      this.movedIn.set(file, (found = this.moved.some(spells) || this.macros.some(spells)))
    }
    return found
  }

  /** Functions of `file` that match the pattern of any of `members`. */
  private matching(
    file: string,
    members: readonly string[],
    patterns: Map<string, RegExp>,
    make: (member: string) => RegExp
  ): Set<string> {
    const out = new Set<string>()
    for (const m of members) {
      let re = patterns.get(m)
      if (!re) patterns.set(m, (re = make(m)))
      for (const f of this.uses.usesWith(file, m, re)) out.add(keyOf(f))
    }
    return out
  }

  /**
   * `->member.moved`, `.member[i]->moved`, or `->member` ending an argument of a macro that reads
   * a moved member (`GRAPHICS_VER(engine->i915)`; earlier arguments may hold parentheses one deep).
   */
  private chain(member: string): RegExp {
    const m = escapeRegExp(member)
    const chained = `(?:->|\\.)\\s*(?:${m})\\s*(?:\\[[^\\]]*\\]\\s*)?(?:->|\\.)\\s*(?:${this.movedPattern})\\b`
    if (this.macroPattern === '') return new RegExp(chained)
    const arg = '(?:[^;{}()]|\\([^;{}()]*\\))*'
    return new RegExp(
      `${chained}|(?:->|\\.)\\s*(?:${m})\\s*(?=[,)])(?<=\\b(?:${this.macroPattern})\\s*\\(${arg})`
    )
  }

  /** `->member[i]`, `->member + n`, `n - a->member`: scaled by the type's size. */
  private scaled(member: string): RegExp {
    const p = escapeRegExp(member)
    return new RegExp(
      `(?:->|\\.)\\s*(?:${p})\\s*(?:\\[|[-+](?![->=+]))|[-+]\\s*(?:[A-Za-z_]\\w*\\s*(?:->|\\.)\\s*)+(?:${p})\\b`
    )
  }
}

/** A function of a file, the same whichever parse of the file found it. */
function keyOf(f: LocatedFunction): string {
  return `${f.startLine}:${f.endLine}:${f.bodyStart}:${f.name}`
}

/** The users of one unit's files (see PathSearch; a search per call). */
export function pathUsers(
  files: readonly string[],
  spellings: readonly string[],
  moved: readonly string[],
  uses: UseIndex
): PathUser[] {
  const search = new PathSearch(spellings, moved, uses)
  const found = search.members(files)
  uses.prime(files, new Set(search.names(found)))
  return search.users(files, found)
}

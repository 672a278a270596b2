import { append } from '../arrays.js'
import type { PathMembers, PathSearch, PathUser } from './member-paths.js'

/**
 * What is left to search in each unit of a wide header: its thousands of TUs share most files,
 * and a question about a file (does it spell `name`, which functions match) has the same answer in
 * every unit, so a unit's search repeats the earlier units' answers, whose targets are known. Here
 * a unit only walks what no earlier unit asked, in the order the unit's own search would have
 * (the first reason found for a function is the one reported).
 */

/** (name, file) pairs, each handed out once per search. */
export class PairsOnce {
  private readonly done = new Map<string, Set<string>>()

  first(name: string, file: string): boolean {
    let files = this.done.get(name)
    if (!files) this.done.set(name, (files = new Set()))
    if (files.has(file)) return false
    files.add(file)
    return true
  }
}

/**
 * Pairs of (needle, file) a unit's search over its needles and files still has to answer: per
 * file the needles of all units it spells, not asked yet. A file shared by every unit is done by
 * the first, so later units cost their own files, not names times files.
 */
export class NeedlesOnce {
  private readonly pending = new Map<string, Set<string>>()
  private readonly all: ReadonlySet<string>

  constructor(
    /** Every needle any unit asks about. */
    all: readonly string[],
    /** The names of a set that a file spells (UseIndex.spelledAmong). */
    private readonly among: (file: string, names: ReadonlySet<string>) => string[]
  ) {
    this.all = new Set(all)
  }

  /** Needle-major, in the order of `needles`, then in the order of `files`. */
  take(files: readonly string[], needles: readonly string[]): Array<[string, string]> {
    const rank = new Map<string, number>()
    needles.forEach((n, i) => {
      if (!rank.has(n)) rank.set(n, i)
    })
    const found: Array<{ needle: string; file: string; n: number; f: number }> = []
    for (let f = 0; f < files.length; f++) {
      const file = files[f]
      const open = this.openIn(file)
      if (open.size === 0) continue
      for (const needle of open) {
        const n = rank.get(needle)
        if (n === undefined) continue
        open.delete(needle)
        found.push({ needle, file, n, f })
      }
    }
    found.sort((a, b) => a.n - b.n || a.f - b.f)
    return found.map(p => [p.needle, p.file])
  }

  private openIn(file: string): Set<string> {
    let open = this.pending.get(file)
    if (!open) this.pending.set(file, (open = new Set(this.among(file, this.all))))
    return open
  }
}

/**
 * PathSearch.users for unit after unit: a file is searched again only when the unit's members it
 * spells differ from every earlier unit's (each TU's own types add member names).
 */
export class PathUsersOnce {
  /** Per file: the members of any unit it spells. */
  private readonly spelled = new Map<string, string[]>()
  private readonly searched = new Map<string, Set<string>>()

  constructor(
    private readonly search: PathSearch,
    /** The members of every unit. */
    private readonly all: readonly string[],
    private readonly spells: (file: string, name: string) => boolean
  ) {}

  users(files: readonly string[], found: PathMembers): PathUser[] {
    const { pointers, holders } = found
    const out: PathUser[] = []
    if (pointers.size === 0 && holders.size === 0) return out
    const rank = new Map<string, number>()
    for (const m of pointers) if (!rank.has(m)) rank.set(m, rank.size)
    for (const m of holders) if (!rank.has(m)) rank.set(m, rank.size)
    for (const file of files) {
      const here = this.spelledIn(file).filter(m => rank.has(m))
      if (here.length === 0) continue
      here.sort((a, b) => rank.get(a)! - rank.get(b)!)
      const key = here.map(m => (pointers.has(m) ? `*${m}` : m)).join(' ')
      let keys = this.searched.get(file)
      if (!keys) this.searched.set(file, (keys = new Set()))
      if (keys.has(key)) continue
      keys.add(key)
      append(out, this.search.usersIn(file, here, pointers))
    }
    return append(
      out,
      this.search.viaMacros(files, file => this.spelledIn(file).filter(m => rank.has(m)))
    )
  }

  private spelledIn(file: string): string[] {
    let found = this.spelled.get(file)
    if (!found) this.spelled.set(file, (found = this.all.filter(m => this.spells(file, m))))
    return found
  }
}

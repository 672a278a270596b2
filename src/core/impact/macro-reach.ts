/** Per file: identifier -> the file's macros whose body names it. */
export type MacroIndex = Map<string, string[]>

/**
 * A macro body's `HEAD ## param ## TAIL` (`PFA_##name`, `NETIF_F_##name##_BIT`): a use of the
 * macro with argument X spells HEAD + X + TAIL, which no search for the whole name finds.
 */
export interface Paste {
  head: string
  tail: string
}

const NAME = /^[A-Za-z_]\w+$/
const FAMILY = /[A-Za-z0-9]{2}/

/** The `##` chains of a macro (`rest`: what follows its name) with one parameter in them. */
export function pastesIn(rest: string): Paste[] {
  if (!rest.includes('##')) return []
  const open = /^\(([^)]*)\)/.exec(rest)
  if (!open) return []
  const params = new Set(open[1].split(',').map(p => p.trim().replace(/\.\.\.$/, '')))
  const out: Paste[] = []
  for (const m of rest.slice(open[0].length).matchAll(/\w+(?:\s*##\s*\w+)+/g)) {
    const parts = m[0].split('##').map(p => p.trim())
    const at = parts.filter(p => params.has(p))
    if (at.length !== 1) continue
    const i = parts.indexOf(at[0])
    const head = parts.slice(0, i).join('')
    const tail = parts.slice(i + 1).join('')
    // `__##x` or `x##_` would make any name a paste of some argument: a fragment says which
    // family it builds only with a word in it (`PFA_`, `BH_`, `_BIT`).
    if (FAMILY.test(head) || FAMILY.test(tail)) out.push({ head, tail })
  }
  return out
}

interface Naming {
  file: string
  macros: string[]
}

/**
 * The macros of a unit that name some identifiers, through other macros too (UseIndex.expand).
 * A wide header's units share most of their thousands of files and ask about hundreds of names
 * (a type's accessors, the macros around them): asking every file of every unit about every name
 * is TUs x names x files. Here each file's index is merged once into one index over all files, and
 * a unit only filters the few files whose macros name an identifier.
 */
export class MacroReach {
  private readonly byName = new Map<string, Naming[]>()
  private readonly merged = new Set<string>()
  /** Per list of files (units keep theirs): each file's first position. */
  private readonly orders = new WeakMap<readonly string[], Map<string, number>>()

  /**
   * Pastes of the merged files, by their head ('' for a tail alone), then by their tail: a list
   * per head, walked for every needle of every unit, cost more than the rest of a wide header's
   * search (sched.h: 43 of 180 s in the '' list alone).
   */
  private readonly heads = new Map<string, Map<string, string[]>>()
  /** Each (head, tail) of `heads` in the order it first appeared, with its (growing) files. */
  private readonly pasteKeys: Array<{ head: string; tail: string; files: string[] }> = []
  /**
   * Per name asked about: the pastes that build it (the argument, the files pasting it), as of
   * the first `seen` of pasteKeys. A unit asks about the same names as every unit before it:
   * walking the index for every prefix and suffix of each, unit after unit, cost 22 of 140 s of
   * sched.h's search.
   */
  private readonly builds = new Map<
    string,
    { seen: number; found: Array<{ x: string; files: string[] }> }
  >()

  constructor(
    private readonly indexOf: (path: string) => MacroIndex,
    private readonly pastesOf: (path: string) => readonly Paste[] = () => []
  ) {}

  /**
   * The roots, then every macro of `files` whose body names a needle found so far, in the order
   * of a search of the files one after the other (file order, then the file's defines).
   */
  expand(files: readonly string[], roots: readonly string[]): string[] {
    const order = this.orderOf(files)
    const needles = [...roots]
    const known = new Set(needles)
    for (let i = 0; i < needles.length; i++) {
      const naming = this.byName.get(needles[i])
      const here = naming?.filter(n => order.has(n.file)) ?? []
      if (here.length > 1) here.sort((a, b) => order.get(a.file)! - order.get(b.file)!)
      for (const n of here) {
        for (const m of n.macros) {
          if (!known.has(m)) needles.push(m)
          known.add(m)
        }
      }
      for (const x of this.pasted(needles[i], order)) {
        if (!known.has(x)) needles.push(x)
        known.add(x)
      }
    }
    return needles
  }

  /**
   * The arguments that make a paste of `files` build `name`: `HOST_FIRST` for `ATA_LITER_HOST_FIRST`
   * and `ATA_LITER_##mode`. Spelled where the pasting macro is used, they are its uses.
   */
  private pasted(name: string, order: Map<string, number>): string[] {
    let known = this.builds.get(name)
    if (!known) this.builds.set(name, (known = this.buildsOf(name)))
    for (; known.seen < this.pasteKeys.length; known.seen++) {
      const { head, tail, files } = this.pasteKeys[known.seen]
      if (name.length - head.length - tail.length < 2) continue
      if (!name.startsWith(head) || !name.endsWith(tail)) continue
      const x = name.slice(head.length, name.length - tail.length)
      if (NAME.test(x)) known.found.push({ x, files })
    }
    const out: string[] = []
    for (const { x, files } of known.found) if (files.some(f => order.has(f))) out.push(x)
    return out
  }

  /** The pastes of the index so far that build `name`: by each prefix, then each suffix. */
  private buildsOf(name: string): { seen: number; found: Array<{ x: string; files: string[] }> } {
    const found: Array<{ x: string; files: string[] }> = []
    for (let k = 0; k < name.length - 1; k++) {
      const tails = this.heads.get(name.slice(0, k))
      if (!tails) continue
      for (let j = k + 2; j <= name.length; j++) {
        const files = tails.get(name.slice(j))
        const x = name.slice(k, j)
        if (files && NAME.test(x)) found.push({ x, files })
      }
    }
    return { seen: this.pasteKeys.length, found }
  }

  /** Position of each file of `files`, merging the files not seen yet into the whole index. */
  orderOf(files: readonly string[]): Map<string, number> {
    let order = this.orders.get(files)
    if (order) return order
    order = new Map()
    for (let i = 0; i < files.length; i++) {
      const file = files[i]
      if (!order.has(file)) order.set(file, i)
      if (this.merged.has(file)) continue
      this.merged.add(file)
      for (const { head, tail } of this.pastesOf(file)) {
        let tails = this.heads.get(head)
        if (!tails) this.heads.set(head, (tails = new Map<string, string[]>()))
        const files = tails.get(tail)
        if (files) files.push(file)
        else {
          const fresh = [file]
          tails.set(tail, fresh)
          this.pasteKeys.push({ head, tail, files: fresh })
        }
      }
      for (const [name, macros] of this.indexOf(file)) {
        const list = this.byName.get(name)
        if (list) list.push({ file, macros })
        else this.byName.set(name, [{ file, macros }])
      }
    }
    this.orders.set(files, order)
    return order
  }
}

/** Per file: identifier -> the file's macros whose body names it. */
export type MacroIndex = Map<string, string[]>

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

  constructor(private readonly indexOf: (path: string) => MacroIndex) {}

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
      if (!naming) continue
      const here = naming.filter(n => order.has(n.file))
      if (here.length > 1) here.sort((a, b) => order.get(a.file)! - order.get(b.file)!)
      for (const n of here) {
        for (const m of n.macros) {
          if (!known.has(m)) needles.push(m)
          known.add(m)
        }
      }
    }
    return needles
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

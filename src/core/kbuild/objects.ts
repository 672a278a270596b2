import type { Finding } from '../model.js'
import { normalizePath } from '../paths.js'

/** `klp_object.name` spells modules with `_` where kbuild file names may use `-`. */
export function moduleName(fileStem: string): string {
  return fileStem.replace(/-/g, '_')
}

function stem(path: string, ext: string): string | undefined {
  return path.endsWith(ext) ? path.slice(0, -ext.length) : undefined
}

function baseName(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash < 0 ? path : path.slice(slash + 1)
}

/**
 * Module paths (`net/netfilter/xt_LOG`, no extension) named by modules.order. Kernels up to 6.1
 * write `.ko` there, later ones `.o`; both name the same module.
 */
function orderedModules(modulesOrder: string): Set<string> {
  const out = new Set<string>()
  for (const raw of modulesOrder.split('\n')) {
    const line = normalizePath(raw.trim())
    const base = stem(line, '.ko') ?? stem(line, '.o')
    if (base) out.add(base)
  }
  return out
}

/**
 * Every object of the build: `vmlinux` and each module (`_` spelling), from the same files as
 * `buildObjectMap`: modules.order when given, else the `.mod` files.
 */
export function buildObjectList(mods: Map<string, string>, modulesOrder?: string): string[] {
  const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder)
  const paths = new Set<string>(listed ?? [])
  if (!listed) {
    for (const path of mods.keys()) {
      const modPath = stem(normalizePath(path), '.mod')
      if (modPath) paths.add(modPath)
    }
  }
  return ['vmlinux', ...new Set([...paths].map(p => moduleName(baseName(p))).sort())]
}

/**
 * tu ('net/netfilter/xt_LOG.c') -> 'vmlinux' or module name ('xt_LOG', '-' as '_'), from *.mod
 * files (each lists the module's .o files) and modules.order.
 */
export function buildObjectMap(
  mods: Map<string, string>,
  modulesOrder?: string
): (tu: string) => string {
  const listed = modulesOrder === undefined ? undefined : orderedModules(modulesOrder)
  const byObject = new Map<string, string>()
  const modulePaths = new Set<string>()
  for (const [path, text] of mods) {
    const modPath = stem(normalizePath(path), '.mod')
    if (!modPath) continue
    // A .mod left over from an older configuration (module now built in) would misname its
    // objects; modules.order is what the last build really linked as modules.
    if (listed && !listed.has(modPath)) continue
    modulePaths.add(modPath)
    const name = moduleName(baseName(modPath))
    // Tokens, not lines: kernels before 6.0 put all objects on line one and the undefined
    // symbols (never ending in .o) on line two.
    for (const token of text.split(/\s+/)) {
      if (token.endsWith('.o')) byObject.set(normalizePath(token), name)
    }
  }
  // Without a .mod, a listed module is most likely the single object of the same name.
  for (const modPath of listed ?? []) {
    if (!modulePaths.has(modPath) && !byObject.has(`${modPath}.o`)) {
      byObject.set(`${modPath}.o`, moduleName(baseName(modPath)))
    }
  }
  const moduleByPath = new Map<string, string>()
  for (const modPath of [...modulePaths, ...(listed ?? [])]) {
    moduleByPath.set(modPath, moduleName(baseName(modPath)))
  }

  return (tu: string): string => {
    const path = normalizePath(tu)
    // modpost's generated `<module>.mod.c` is linked into that module only.
    const modC = stem(path, '.mod.c')
    if (modC !== undefined) return moduleByPath.get(modC) ?? 'vmlinux'
    const base = stem(path, '.c') ?? stem(path, '.S') ?? path
    return byObject.get(`${base}.o`) ?? 'vmlinux'
  }
}

/** Modules named one by one in the finding about missing `.mod` files. */
const MISSING_MOD_NAMED = 10

/**
 * Modules that modules.order lists but whose `.mod` file is not in the set. `buildObjectMap` then
 * guesses that the module is the single object of its own name; the other objects of a
 * multi-object module (`foo-y := a.o b.o`) would be counted as vmlinux, so this is said, not
 * assumed. An empty list when every listed module has its `.mod`.
 */
export function modulesWithoutMod(mods: Map<string, string>, modulesOrder?: string): string[] {
  if (modulesOrder === undefined) return []
  const have = new Set<string>()
  for (const path of mods.keys()) {
    const modPath = stem(normalizePath(path), '.mod')
    if (modPath) have.add(modPath)
  }
  return [...orderedModules(modulesOrder)].filter(m => !have.has(m)).sort()
}

/** The finding for `modulesWithoutMod`, or none. */
export function objectMapFindings(
  mods: Map<string, string>,
  modulesOrder: string | undefined,
  set?: string
): Finding[] {
  const missing = modulesWithoutMod(mods, modulesOrder)
  if (missing.length === 0) return []
  const named = missing.slice(0, MISSING_MOD_NAMED).map(m => `${m}.mod`)
  const more = missing.length > named.length ? ` and ${missing.length - named.length} more` : ''
  const finding: Finding = {
    kind: 'module-objects-unknown',
    severity: 'warning',
    message:
      `modules.order lists ${missing.length} module(s) without their .mod file (${named.join(', ')}${more}): ` +
      'each is taken to be the single object of its own name, and any other object file of such ' +
      'a module is counted as vmlinux. Include the .mod files with the dumps to name objects exactly.'
  }
  if (set !== undefined) finding.set = set
  return [finding]
}

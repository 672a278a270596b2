import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { compareObjects } from '../../core/objects/compare.js'
import type { ElfObject } from '../../core/objects/elf-text.js'
import type { LineShiftTest, ObjectComparison } from '../../core/objects/model.js'
import { readObject, ReadelfMissingError } from './readelf.js'

async function objectsUnder(root: string): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    // `foo.mod.o` is modpost's generated module info, not a TU of the fix.
    if ((e.isFile() || e.isSymbolicLink()) && e.name.endsWith('.o') && !e.name.endsWith('.mod.o')) {
      out.push(relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
    }
  }
  return out.sort()
}

/**
 * The source an object was compiled from, by its FILE symbols: one `x.c` is a TU; several are an
 * `ld -r` composite of TUs (a module's `foo.o`), whose parts are compared on their own; none is
 * assembler output.
 */
function sourceOf(path: string, obj: ElfObject): string | null {
  const files = obj.symbols.filter(s => s?.type === 'FILE').map(s => s.name)
  if (files.length > 1) return null
  const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : ''
  return files.length === 1 ? dir + files[0] : path.replace(/\.o$/, '.S')
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i])
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

/**
 * Compares the `.o` files found under `postRoot` (may hold only the recompiled TUs) with the ones
 * at the same repository path under `preRoot`. A post object without a pre one cannot be compared:
 * an unresolved finding. Throws ReadelfMissingError when readelf is not installed.
 */
export async function compareObjectPairs(
  preRoot: string,
  postRoot: string,
  isLineShift: LineShiftTest
): Promise<ObjectComparison[]> {
  const post = await objectsUnder(postRoot)
  const pre = new Set(await objectsUnder(preRoot))
  const results = await mapLimit(post, 2, async (path): Promise<ObjectComparison | null> => {
    const tu = path.replace(/\.o$/, '.c')
    if (!pre.has(path)) {
      return uncompared(
        tu,
        path,
        `${path} was rebuilt after the fix but has no pre-fix object to compare with`
      )
    }
    let a: ElfObject
    let b: ElfObject
    try {
      ;[a, b] = [await readObject(join(preRoot, path)), await readObject(join(postRoot, path))]
    } catch (error) {
      if (error instanceof ReadelfMissingError) throw error
      return uncompared(tu, path, `${path}: ${(error as Error).message}`)
    }
    const source = sourceOf(path, b)
    return source === null ? null : compareObjects(source, a, b, isLineShift)
  })
  return results.filter((r): r is ObjectComparison => r !== null)
}

/** An object that cannot be compared: its TU's code is unknown, so the gate must not pass on it. */
function uncompared(tu: string, path: string, message: string): ObjectComparison {
  return {
    tu,
    symbols: [],
    findings: [{ kind: 'object-compare', severity: 'unresolved', file: path, message }]
  }
}

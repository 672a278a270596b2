import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { loadDumpSet } from '../adapters/fs/load-dumps.js'
import type { DumpSet } from '../core/dumps/dump-set.js'
import type { DumpFocus } from '../core/dumps/focus.js'
import type { FileChange } from '../core/diff/map.js'
import { makeLineShiftTest } from '../core/objects/line-shift-test.js'
import type { ExactSet } from '../core/exact/model.js'
import type { LineShiftTest, ObjectComparison } from '../core/objects/model.js'

/** A dump set's label and its inputs (the pipeline's `DumpSource`). */
export interface LabelledPaths {
  label: string
  paths: string[]
}

/** The base and patched builds' object trees of one set (roots where the kernel tree starts). */
export interface ObjectRoots {
  label: string
  pre: string
  post: string
}

export type CompareObjectPairs = (
  preRoot: string,
  postRoot: string,
  isLineShift: LineShiftTest
) => Promise<ObjectComparison[]>

export interface ExactInputs {
  /** The base build's dump sources: their folders hold the pre objects when none are named. */
  dumps: LabelledPaths[]
  postDumps?: LabelledPaths[]
  objects?: ObjectRoots[]
  compare: CompareObjectPairs
  progress: (message: string) => void
}

/** True when exact mode was asked for: without these inputs the analysis is exactly as before. */
export function wantsExact(inputs: Pick<ExactInputs, 'postDumps' | 'objects'>): boolean {
  return (inputs.postDumps?.length ?? 0) > 0 || (inputs.objects?.length ?? 0) > 0
}

/** Loads the patched build's dumps (whole: they are the recompiled TUs only), checked by label. */
export async function loadPostDumps(inputs: ExactInputs): Promise<Map<string, DumpSet>> {
  const labels = new Set(inputs.dumps.map(d => d.label))
  const sets = new Map<string, DumpSet>()
  for (const source of [...(inputs.postDumps ?? []), ...(inputs.objects ?? [])]) {
    if (!labels.has(source.label)) {
      throw new Error(
        `post-fix set '${source.label}' has no base dump set of that label (base labels: ${[...labels].join(', ')})`
      )
    }
  }
  for (const source of inputs.postDumps ?? []) {
    inputs.progress(`loading post-fix dump set ${source.label} from ${source.paths.join(', ')}`)
    const loaded = await loadDumpSet(source.label, source.paths, inputs.progress)
    sets.set(source.label, loaded.set)
  }
  return sets
}

/** The base sets must keep the dumps of every recompiled TU: the focus grows by those files. */
export function focusWithPost(
  focus: DumpFocus | undefined,
  post: Map<string, DumpSet>
): DumpFocus | undefined {
  if (!focus) return undefined
  const files = new Set(focus.files)
  for (const set of post.values()) for (const tu of set.tus()) files.add(tu)
  return { names: focus.names, files }
}

/**
 * Compares the objects of each set (named roots, or `.o` files inside single-folder dump sets,
 * paired by label) and joins them with the post-fix dumps.
 */
export async function exactSets(
  inputs: ExactInputs,
  post: Map<string, DumpSet>,
  changes: FileChange[]
): Promise<ExactSet[]> {
  const isLineShift = makeLineShiftTest(changes)
  const roots = [...(inputs.objects ?? [])]
  for (const source of inputs.postDumps ?? []) {
    if (roots.some(r => r.label === source.label)) continue
    const base = inputs.dumps.find(d => d.label === source.label)
    if (base?.paths.length !== 1 || source.paths.length !== 1) continue
    if ((await hasObjects(source.paths[0])) && (await hasObjects(base.paths[0])))
      roots.push({ label: source.label, pre: base.paths[0], post: source.paths[0] })
  }
  const labels = [...new Set([...post.keys(), ...roots.map(r => r.label)])]
  const out: ExactSet[] = []
  for (const label of labels) {
    const root = roots.find(r => r.label === label)
    let objects: ObjectComparison[] | undefined
    if (root) {
      inputs.progress(`comparing objects of set ${label}: ${root.pre} against ${root.post}`)
      objects = await inputs.compare(root.pre, root.post, isLineShift)
    }
    out.push({
      label,
      ...(post.has(label) ? { post: post.get(label) } : {}),
      ...(objects ? { objects } : {})
    })
  }
  return out
}

/** A folder (not an archive) with a `.o` somewhere below it. */
async function hasObjects(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined)
  if (!entries) return false
  for (const e of entries) if (e.isFile() && e.name.endsWith('.o')) return true
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && (await hasObjects(join(dir, e.name))))
      return true
  }
  return false
}

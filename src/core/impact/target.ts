import type { ChangedFunction } from '../model.js'

/** A function a header change reaches without a hunk in it: a target of the affected walk. */
export function impactTarget(
  file: string,
  f: { name: string; symbols: string[]; startLine: number },
  via: NonNullable<ChangedFunction['via']>,
  hunk: { file: string; line: number }
): ChangedFunction {
  return {
    name: f.name,
    symbols: f.symbols,
    file,
    line: f.startLine,
    change: 'modified',
    via,
    hunks: [hunk]
  }
}

type Found = { name: string; symbols: string[]; startLine: number }

/**
 * Targets keyed by file and function, the first reason kept: a function reached through several
 * members or spellings of one change is one target, with the reason it was found by first.
 */
export function targetCollector(
  kind: NonNullable<ChangedFunction['via']>['kind'],
  hunk: { file: string; line: number }
): { targets: Map<string, ChangedFunction>; add: (file: string, f: Found, via: string) => void } {
  const targets = new Map<string, ChangedFunction>()
  return {
    targets,
    add: (file, f, via) => {
      const key = `${file}\u0000${f.name}`
      if (!targets.has(key)) targets.set(key, impactTarget(file, f, { kind, macro: via }, hunk))
    }
  }
}

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

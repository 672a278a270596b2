import type { Parser } from 'web-tree-sitter'
import type { BuildConfig } from '../../../src/core/config/kconfig.js'
import { mapChanges, type MappedChanges, type MapOptions } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'

/** One-hunk unified diff of two small texts (LCS, whole file as context). */
export function unifiedDiff(path: string, before: string, after: string): string {
  const a = before.split('\n')
  const b = after.split('\n')
  if (a[a.length - 1] === '') a.pop()
  if (b[b.length - 1] === '') b.pop()
  const lcs = a.map(() => new Array<number>(b.length + 1).fill(0))
  lcs.push(new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: string[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push(` ${a[i++]}`)
      j++
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j]))
      out.push(`+${b[j++]}`)
    else out.push(`-${a[i++]}`)
  }
  return [
    `--- a/${path}`,
    `+++ b/${path}`,
    `@@ -${a.length > 0 ? 1 : 0},${a.length} +${b.length > 0 ? 1 : 0},${b.length} @@`,
    ...out,
    ''
  ].join('\n')
}

export function mapPair(
  parser: Parser,
  path: string,
  before: string,
  after: string,
  options: MapOptions & { builds?: BuildConfig[] } = {}
): MappedChanges {
  const [patch] = parsePatch(unifiedDiff(path, before, after), 1).files
  return mapChanges(parser, [{ patch, path, oldText: before, newText: after }], options)
}

export const kinds = (m: MappedChanges): string[] => m.findings.map(f => `${f.kind} ${f.severity}`)

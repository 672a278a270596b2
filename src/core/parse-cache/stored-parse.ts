import type { SourceMap } from '../model.js'
import type { LocatedFunction } from '../source/locate.js'

type Declaration = SourceMap['declarations'][number]

/**
 * What tree-sitter tells of one source text: the function bodies and the top-level declarations.
 * The rest of an analysis (masks, line index, macros, macro-generated functions) is recomputed
 * from the text in a few milliseconds; this part is the parse, 0.1-0.3 s on a large header.
 */
export interface StoredParse {
  bodies: LocatedFunction[]
  declarations: Declaration[]
}

/**
 * What the locator computes and how. A stored parse holds its answer, so a change to the files
 * that make it (locate.ts, attributes.ts, definers.ts, header.ts, mask.ts) must bump this: a test
 * pins it to those files' digest and fails until it is bumped. The grammar and the tree-sitter
 * runtime are part of the store's key (the adapter hashes their wasm), not of this number.
 */
export const PARSE_CACHE_SCHEMA = 6

export function encodeParse(parse: StoredParse): string {
  return JSON.stringify({ b: parse.bodies, d: parse.declarations })
}

/**
 * The stored parse, or undefined when `stored` is not one this code wrote (then the text is
 * parsed again). The store checked its digest; the shape is checked here field by field, since
 * a wrong field would become a wrong function name or line in a report.
 */
export function decodeParse(stored: string): StoredParse | undefined {
  let value: unknown
  try {
    value = JSON.parse(stored)
  } catch {
    return undefined
  }
  if (!isRecord(value) || !Array.isArray(value.b) || !Array.isArray(value.d)) return undefined
  const bodies = value.b as unknown[]
  const declarations = value.d as unknown[]
  if (!bodies.every(isBody) || !declarations.every(isDeclaration)) return undefined
  return { bodies, declarations }
}

const DECLARATION_KINDS = new Set<string>([
  'type',
  'global',
  'include',
  'prototype',
  'extern',
  'other'
])

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isLine(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0
}

function isStrings(v: unknown): v is string[] {
  return Array.isArray(v) && v.every(s => typeof s === 'string')
}

function isBody(v: unknown): v is LocatedFunction {
  return (
    isRecord(v) &&
    typeof v.name === 'string' &&
    isStrings(v.symbols) &&
    isLine(v.startLine) &&
    isLine(v.endLine) &&
    isLine(v.bodyLine) &&
    typeof v.isStatic === 'boolean' &&
    (v.generatedBy === undefined || typeof v.generatedBy === 'string') &&
    (v.guessed === undefined || v.guessed === true) &&
    (v.attributes === undefined || isStrings(v.attributes)) &&
    isLine(v.bodyStart) &&
    isLine(v.bodyEnd)
  )
}

function isDeclaration(v: unknown): v is Declaration {
  return (
    isRecord(v) &&
    typeof v.kind === 'string' &&
    DECLARATION_KINDS.has(v.kind) &&
    (v.name === undefined || typeof v.name === 'string') &&
    isLine(v.startLine) &&
    isLine(v.endLine)
  )
}

import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { FindingKind, Report } from '../../../src/core/model.js'
import { renderJson } from '../../../src/core/render/json.js'
import { ambiguousReport, missingFunctions, reportOnly, reviewAndUnresolved } from './reports.js'

/** jest 29's ESM runtime has no import.meta.dirname. */
const TEST_DIR = fileURLToPath(new URL('.', import.meta.url))

type Schema = Record<string, unknown>
const schema = JSON.parse(
  readFileSync(resolve(TEST_DIR, '../../../docs/report-schema.json'), 'utf8')
) as Schema

/**
 * The subset of JSON Schema the report schema uses (type, const, enum, required, properties,
 * additionalProperties false, items, minItems, minimum, oneOf, $ref): enough to catch drift
 * between the model and the published schema without a validator dependency.
 */
function validate(value: unknown, s: Schema, path: string, errors: string[]): void {
  if (typeof s.$ref === 'string') {
    const target = s.$ref.replace('#/$defs/', '')
    return validate(value, (schema.$defs as Record<string, Schema>)[target], path, errors)
  }
  if (Array.isArray(s.oneOf)) {
    const ok = (s.oneOf as Schema[]).filter(alt => {
      const e: string[] = []
      validate(value, alt, path, e)
      return e.length === 0
    })
    if (ok.length !== 1) errors.push(`${path}: matches ${ok.length} of oneOf`)
    return
  }
  if ('const' in s && value !== s.const) errors.push(`${path}: not ${JSON.stringify(s.const)}`)
  if (Array.isArray(s.enum) && !s.enum.includes(value))
    errors.push(`${path}: ${String(value)} not in enum`)
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
    const actual =
      value === null
        ? 'null'
        : Array.isArray(value)
          ? 'array'
          : Number.isInteger(value)
            ? 'integer'
            : typeof value
    if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) {
      errors.push(`${path}: ${actual} is not ${types.join('|')}`)
      return
    }
  }
  if (typeof s.minimum === 'number' && typeof value === 'number' && value < s.minimum) {
    errors.push(`${path}: below ${s.minimum}`)
  }
  if (Array.isArray(value)) {
    if (typeof s.minItems === 'number' && value.length < s.minItems)
      errors.push(`${path}: too short`)
    if (s.items) value.forEach((v, i) => validate(v, s.items as Schema, `${path}[${i}]`, errors))
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    const props = (s.properties ?? {}) as Record<string, Schema>
    for (const key of (s.required ?? []) as string[]) {
      if (!(key in obj)) errors.push(`${path}: missing ${key}`)
    }
    for (const [key, v] of Object.entries(obj)) {
      if (props[key]) validate(v, props[key], `${path}.${key}`, errors)
      else if (s.additionalProperties === false) errors.push(`${path}: unexpected ${key}`)
    }
  }
}

function errorsOf(report: Report): string[] {
  const errors: string[] = []
  validate(JSON.parse(renderJson(report)), schema, '$', errors)
  return errors
}

describe('renderJson', () => {
  it('validates against docs/report-schema.json', () => {
    expect(errorsOf(missingFunctions())).toEqual([])
    expect(errorsOf(reviewAndUnresolved())).toEqual([])
    expect(errorsOf(reportOnly())).toEqual([])
    expect(errorsOf(ambiguousReport())).toEqual([])
  })

  it('is caught by the schema check when the report drifts', () => {
    const bad = { ...reportOnly(), result: 'maybe', extra: 1 } as unknown as Report
    bad.sets[0] = { ...bad.sets[0], dumps: -1 }
    expect(errorsOf(bad)).toEqual([
      '$.result: maybe not in enum',
      '$.sets[0].dumps: below 0',
      '$: unexpected extra'
    ])
  })

  it('lists every FindingKind of the model in the schema', () => {
    const kinds: Record<FindingKind, true> = {
      'dump-malformed-line': true,
      'dump-unreadable': true,
      'dump-stale': true,
      'no-dump': true,
      'not-built': true,
      'non-c-file': true,
      'unmapped-hunk': true,
      'source-missing': true,
      'source-mismatch': true,
      'hunk-offset': true,
      'hunk-fuzz': true,
      'added-function': true,
      'removed-function': true,
      'type-change': true,
      'global-change': true,
      'added-data': true,
      'empty-call': true,
      'macro-change': true,
      'script-change': true,
      'include-change': true,
      'comment-only': true,
      'same-type-spelling': true,
      'line-shift': true,
      'header-out-of-line': true,
      'review-callers-unknown': true,
      'lto-build': true,
      'build-flags': true,
      'symbols-mode': true,
      'declaration-unparsed': true,
      'declaration-duplicate': true,
      'diff-unparsed': true,
      'archive-refused': true,
      'dump-duplicate': true,
      'module-objects-unknown': true,
      'not-patchable': true,
      'prototype-change': true,
      'extern-change': true,
      'export-change': true,
      'module-info-change': true,
      'module-param-change': true,
      'preprocessor-change': true,
      'object-compare': true,
      'code-unchanged': true,
      'gcc-decision': true,
      'trace-event': true,
      'scan-index': true,
      'parse-cache': true
    }
    const defs = schema.$defs as Record<string, { properties: { kind: { enum: string[] } } }>
    expect([...defs.finding.properties.kind.enum].sort()).toEqual(Object.keys(kinds).sort())
  })

  it('is stable: same bytes whatever the key order, verdict first', () => {
    const report = missingFunctions()
    const shuffled = Object.fromEntries(Object.entries(report).reverse()) as unknown as Report
    const json = renderJson(report)
    expect(renderJson(shuffled)).toBe(json)
    expect(Object.keys(JSON.parse(json) as object).slice(0, 4)).toEqual([
      'schemaVersion',
      'tool',
      'result',
      'reasons'
    ])
    expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(report)))
    expect(json.endsWith('}\n')).toBe(true)
  })
})

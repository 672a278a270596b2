import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

const before = (decl: string): string => `#include <linux/ratelimit.h>

static int budget_left(int n)
{
	${decl}
	return n < 3;
}
`
const map = (a: string, b: string) => mapPair(parser, 'drivers/net/x.c', before(a), before(b))

describe('a function-scope static that starts from another value', () => {
  it('is unresolved: a livepatch keeps the running kernel variable', () => {
    const m = map(
      'static DEFINE_RATELIMIT_STATE(_rs, 5 * HZ, 10);',
      'static DEFINE_RATELIMIT_STATE(_rs, 5 * HZ, 20);'
    )
    const f = m.findings.find(x => x.kind === 'global-change')
    expect(f).toMatchObject({ severity: 'unresolved', functions: ['budget_left'] })
    expect(f?.message).toMatch(
      /^budget_left: its static _rs starts from another value: a livepatch's copy of budget_left keeps using the running kernel's _rs/
    )
    // The function still changes, and is listed.
    expect(m.changed.map(c => c.name)).toEqual(['budget_left'])
    expect(kinds(map('static int budget = 10;', 'static int budget = 100;'))).toContain(
      'global-change unresolved'
    )
    // Zero before: no initializer written.
    expect(kinds(map('static int budget;', 'static int budget = 100;'))).toContain(
      'global-change unresolved'
    )
  })

  it('is not a const table, a new static, or another declaration', () => {
    expect(
      kinds(map('static const int steps[] = { 1, 2 };', 'static const int steps[] = { 1, 3 };'))
    ).toEqual([])
    expect(kinds(map('int budget = 10;', 'int budget = 100;'))).toEqual([])
    expect(kinds(map('int spare = 0;', 'static int budget = 100;'))).toEqual([])
  })
})

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runPipeline } from '../../../src/app/pipeline.js'
import type { Policy, Report } from '../../../src/core/model.js'
import { renderMarkdown } from '../../../src/core/render/markdown.js'
import { renderText } from '../../../src/core/render/text.js'
import { FIXTURES } from '../dumps/load-fixture.js'

/**
 * Real GCC fixture: include/obj.h gets `int z` inserted after obj.a (b and c move), `int w`
 * appended to struct tail (held by value in struct wrap, so wrap.after moves), YELLOW inserted
 * into enum color (GREEN, BLUE renumbered), TRIANGLE appended to enum shape, and a parameter
 * added to the function typedef obj_cb. lib/u.c touches each in one function.
 */
const DIR = join(FIXTURES, 'header-layout')

function run(livepatch: string[] = [], policy: Policy = ['missing']): Promise<Report> {
  return runPipeline({
    dumps: [{ label: 'x86_64', paths: [DIR] }],
    diff: readFileSync(join(DIR, 'fix.patch'), 'utf8'),
    source: DIR,
    livepatch,
    policy
  })
}

const entries = (r: Report): string[] =>
  r.affected.map(
    a =>
      `${a.name} ${a.tier} ${a.symbol}: ${a.chain.map(s => (s.reason ? `${s.name} (${s.reason})` : s.name)).join(' > ')}`
  )

const types = (r: Report): string[] =>
  r.findings.filter(f => f.kind === 'type-change').map(f => `${f.severity} ${f.message}`)

describe('header type impact (real GCC: fixtures/gcc/header-layout)', () => {
  it('lists the reach of moved members and sizes under layout, renumbered users as required', async () => {
    const r = await run()
    expect(entries(r)).toEqual([
      'u_green required present: u_green (uses enumerator GREEN)',
      'obj_c layout removed: obj_c (touches moved members of struct obj)',
      'u_b layout present: u_b (touches moved members of struct obj)',
      'u_inl layout present: obj_c (touches moved members of struct obj) > u_inl',
      'u_size layout present: u_size (uses the size of struct tail)',
      'u_wrap layout present: u_wrap (touches moved members of struct wrap)'
    ])
    expect(types(r)).toEqual([
      expect.stringMatching(
        /^unresolved struct wrap: t \(holds struct tail\) inserted, removed or resized: after move; .* 1 function/
      ),
      expect.stringMatching(
        /^unresolved struct obj: z added: b, c move \(exact x86_64 layout: the other members keep their offsets\); not livepatchable as it is: shadow variables, or a fix that keeps the layout\. 2 functions in 1 TUs/
      ),
      expect.stringMatching(
        /^unresolved struct tail: members appended \(w\): offsets are kept, its size changes; not livepatchable .* 1 function in 1 TUs touch its size \(layout tier\)\. Held by value in wrap/
      ),
      expect.stringMatching(
        /^warning enum color: YELLOW renumbers GREEN, BLUE; 1 function use them and are required/
      ),
      'info enum shape: enumerators appended; existing values are kept, no existing code changes',
      'info obj_cb is a typedef of a function type: it lays out no data; code changes only where its users change'
    ])
    // The mapper's opaque type-change findings are replaced by these.
    expect(types(r).filter(t => t.includes('data layout change'))).toEqual([])
  })

  it('never counts layout entries as missing: the unresolved type change is what fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klp-layout-'))
    try {
      const list = join(dir, 'functions.list')
      writeFileSync(list, 'u_green\n')
      const missingOnly = await run([list], ['missing'])
      expect(missingOnly.coverage?.missing).toEqual([])
      expect(missingOnly.coverage?.review).toEqual([])
      expect(missingOnly.coverage?.covered.map(c => c.affected.name)).toEqual(['u_green'])
      expect(missingOnly.result).toBe('pass')
      const strict = await run([list], ['missing', 'unresolved'])
      expect(strict.result).toBe('fail')
      expect(strict.coverage?.unresolved.map(f => f.kind)).toContain('type-change')
      const text = renderText(strict)
      expect(text).toMatch(
        /Layout \(touch what a type change moves; see the type-change findings\) \(4\):/
      )
      expect(text).toContain('u_b')
      expect(renderMarkdown(strict)).toMatch(
        /<details><summary>Layout \(4\)<\/summary>\n\nThey touch a struct member or size the fix moves \(`unknown`: 4\)/
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

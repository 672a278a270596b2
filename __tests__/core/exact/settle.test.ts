import { settleByObjects } from '../../../src/core/exact/settle.js'
import type { Finding } from '../../../src/core/model.js'
import type { ObjectComparison } from '../../../src/core/objects/model.js'
import { compareCase, hasTool } from '../objects/object-fixtures.js'

const withReadelf = hasTool('readelf') ? describe : describe.skip

const globalChange = (file: string): Finding => ({
  kind: 'global-change',
  severity: 'unresolved',
  file,
  message: `a global initializer of ${file} changed`
})
const noDump = (file: string): Finding => ({
  kind: 'no-dump',
  severity: 'unresolved',
  file,
  message: `${file.replace(/\.c$/, '.o')} was compiled from ${file} but the dump set has no dump`
})
const one = (objects: ObjectComparison[]) => [{ label: 'x86_64', objects }]

withReadelf('settleByObjects (real GCC objects)', () => {
  let same: ObjectComparison
  let changed: ObjectComparison
  beforeAll(async () => {
    same = await compareCase('data-same')
    changed = await compareCase('data-init')
  })

  it('settles a global change whose TU data reads the same after an equivalent rewrite', () => {
    const [f] = settleByObjects([globalChange('flags.c')], one([same]), ['x86_64'])
    expect(f.severity).toBe('info')
    expect(f.message).toMatch(/every data object of flags\.c is identical/)
  })

  it('keeps a global change whose data did change', () => {
    const [f] = settleByObjects([globalChange('params.c')], one([changed]), ['x86_64'])
    expect(f.severity).toBe('unresolved')
  })

  it('keeps a global change in a header: its readers are not one object', () => {
    const [f] = settleByObjects([globalChange('flags.h')], one([same]), ['x86_64'])
    expect(f.severity).toBe('unresolved')
  })

  it('settles a missing dump only where that TU object was compared, in every set', () => {
    const found = settleByObjects([noDump('flags.c'), noDump('other.c')], one([same]), ['x86_64'])
    expect(found.map(f => f.severity)).toEqual(['info', 'unresolved'])
    const twoSets = settleByObjects([noDump('flags.c')], one([same]), ['x86_64', 'arm64'])
    expect(twoSets[0].severity).toBe('unresolved')
    const labelled = settleByObjects([{ ...noDump('flags.c'), set: 'arm64' }], one([same]), [
      'x86_64',
      'arm64'
    ])
    expect(labelled[0].severity).toBe('unresolved')
  })

  it('leaves findings alone without objects', () => {
    const f = noDump('flags.c')
    expect(settleByObjects([f], [{ label: 'x86_64' }], ['x86_64'])[0]).toBe(f)
  })
})

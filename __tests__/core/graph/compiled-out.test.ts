import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { computeAffected, type AffectedOptions } from '../../../src/core/graph/affected.js'
import type { ChangedFunction } from '../../../src/core/model.js'
import { parseSymbolFiles } from '../../../src/core/symbols/table.js'
import { FIXTURES, fixtureSet } from '../dumps/load-fixture.js'

// fixtures/gcc/compiled-out: lib/dev.c uses SLOT_MASK of include/slots.h in dev_dpc_size, under a
// CONFIG_DEV_DPC this build does not set, and in dev_slot; dev_index inlines slot_of. The regen
// script wrote the object's symbol table (vmlinux.syms). A change of SLOT_MASK names both users
// from the source, as the macro reach does (include/linux/bitfield.h's FIELD_GET reached
// drivers/pci/quirks.c's dpc_log_size, under CONFIG_PCIE_DPC, off).
const user = (name: string): ChangedFunction => ({
  name,
  symbols: [name],
  file: 'lib/dev.c',
  line: 1,
  change: 'modified',
  hunks: [],
  via: { kind: 'header-macro', macro: 'SLOT_MASK' }
})

function withTables(syms: string, file = 'vmlinux.syms'): AffectedOptions {
  const { tables } = parseSymbolFiles(new Map([[file, syms]]))
  if (!tables) throw new Error('no table')
  return {
    objectOf: () => 'vmlinux',
    objects: ['vmlinux'],
    symbolInfo: (o, tu, n) => tables.lookup(o, tu, n),
    functionFiles: (o, n) => tables.functionFiles(o, n)
  }
}

const syms = readFileSync(join(FIXTURES, 'compiled-out', 'vmlinux.syms'), 'utf8')
const rows = (options: AffectedOptions = {}) => {
  const r = computeAffected(
    fixtureSet('compiled-out'),
    [user('dev_dpc_size'), user('dev_slot')],
    options
  )
  return {
    affected: r.affected.map(a => `${a.name} ${a.symbol}${a.note ? ` (${a.note})` : ''}`),
    findings: r.findings.map(f => `${f.kind} ${f.severity} ${f.functions?.join() ?? ''}`)
  }
}

describe('a source-found function no dump line and no symbol has (real GCC: compiled-out)', () => {
  it('is required and present from the dumps alone: nothing tells it is compiled out', () => {
    expect(rows()).toEqual({
      affected: ['dev_dpc_size present', 'dev_slot present'],
      findings: []
    })
  })

  it('is not compiled in this build when the symbol tables lack it too: nothing to patch', () => {
    expect(rows(withTables(syms))).toEqual({
      affected: [
        "dev_dpc_size removed (neither its TU's dump nor the symbol tables have it: not compiled in this build (an #if the .config leaves out, or nothing calls it))",
        'dev_slot present'
      ],
      findings: []
    })
  })

  it('still conflicts when the dump has a node a table without FILE symbols lacks (another build)', () => {
    const without = (text: string): string =>
      text
        .split('\n')
        .filter(l => !/\sdev_index$/.test(l))
        .join('\n')
    const map = readFileSync(join(FIXTURES, 'compiled-out', 'System.map'), 'utf8')
    const r = computeAffected(
      fixtureSet('compiled-out'),
      [{ ...user('slot_of'), file: 'include/slots.h' }],
      withTables(without(map), 'System.map')
    )
    expect(r.affected.map(a => `${a.name} ${a.symbol}`)).toEqual([
      'dev_index present',
      'slot_of removed'
    ])
    expect(
      r.findings.filter(f => f.kind === 'symbols-mode').map(f => [f.severity, f.functions])
    ).toEqual([['unresolved', ['dev_index']]])
    // readelf's table lists dev.c and no dev_index anywhere: this build emitted none.
    const listed = computeAffected(
      fixtureSet('compiled-out'),
      [{ ...user('slot_of'), file: 'include/slots.h' }],
      withTables(without(syms))
    )
    expect(listed.affected.map(a => `${a.name} ${a.symbol}`)).toEqual([
      'dev_index removed',
      'slot_of removed'
    ])
    expect(listed.findings.filter(f => f.kind === 'symbols-mode')).toEqual([])
  })
})

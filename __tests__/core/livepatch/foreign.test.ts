import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { resolve } from 'node:path'
import { foreignFormat, foreignFormatMessage } from '../../../src/core/livepatch/foreign.js'

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..')

describe('foreignFormat', () => {
  it('names JSON, YAML and patches, by name or by content', () => {
    expect(foreignFormat({ path: 'lp.json', text: '{"funcs": ["a"]}' })).toBe('JSON')
    expect(foreignFormat({ path: 'funcs', text: '[\n  "tcp_v4_rcv"\n]' })).toBe('JSON')
    // an INI section (a git config) is no JSON: read as a list, its lines are unparsed entries
    expect(foreignFormat({ path: 'lp.list', text: '[http]\n\textraheader = x\n' })).toBeUndefined()
    expect(foreignFormat({ path: 'lp.yaml', text: 'x' })).toBe('YAML')
    expect(foreignFormat({ path: 'funcs', text: 'vmlinux:\n  - tcp_v4_rcv\n' })).toBe('YAML')
    const fix = readFileSync(resolve(ROOT, 'examples/route-flow-key/fix.patch'), 'utf8')
    expect(foreignFormat({ path: 'livepatch.txt', text: fix })).toBe('a patch')
    expect(foreignFormat({ path: 'fix.diff', text: '' })).toBe('a patch')
  })

  it('leaves the known formats to their readers', () => {
    const c = readFileSync(resolve(ROOT, 'examples/route-flow-key/livepatch.c'), 'utf8')
    expect(foreignFormat({ path: 'livepatch.c', text: c })).toBeUndefined()
    // a C label is no YAML key
    expect(foreignFormat({ path: 'lp.inc', text: 'out:\n\treturn 0;\n' })).toBeUndefined()
    expect(
      foreignFormat({ path: 'patched_funcs.csv', text: 'vmlinux tcp_v4_rcv klpp_tcp_v4_rcv\n' })
    ).toBeUndefined()
    expect(
      foreignFormat({ path: 'funcs.txt', text: 'vmlinux:tcp_v4_rcv\nip_vti:vti_err,2\n' })
    ).toBeUndefined()
  })

  it('the message names every known format', () => {
    const m = foreignFormatMessage({ path: 'lp.json', text: '' }, 'JSON')
    expect(m).toMatch(/^livepatch 'lp.json' looks like JSON/)
    expect(m).toMatch(/klp_func.*KGR_PATCH.*patched_funcs\.csv.*plain list/)
  })
})

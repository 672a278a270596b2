import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** Shaped like drivers/crypto/caam: its Makefile defines CONFIG_CAAM_QI, which no .config has. */
const before = `int caam_probe(int v)
{
#ifdef CONFIG_CAAM_QI
	v += 1;
#endif
	return v;
}
`
const after = before.replace('v += 1;', 'v += 2;')
const builds = [{ label: 'arm64', config: parseKconfig('CONFIG_CRYPTO_DEV_FSL_CAAM=m\n') }]

describe('CONFIG_ names defined by a Makefile', () => {
  it('are not read as unset: the change under them is analysed', () => {
    const tree: Record<string, string> = {
      'drivers/crypto/caam/Makefile':
        'ifneq ($(CONFIG_CAAM_QI),)\n\tccflags-y += -DCONFIG_CAAM_QI\nendif\n'
    }
    const includes = { sourceOf: (p: string): string | undefined => tree[p], arches: ['arm64'] }
    const m = mapPair(parser, 'drivers/crypto/caam/ctrl.c', before, after, { builds, includes })
    expect(m.changed.map(c => c.name)).toEqual(['caam_probe'])
    expect(kinds(m)).toEqual([])
  })

  it('without that Makefile the .config decides: compiled out', () => {
    const includes = { sourceOf: (): undefined => undefined, arches: ['arm64'] }
    const m = mapPair(parser, 'drivers/crypto/caam/ctrl.c', before, after, { builds, includes })
    expect(m.changed).toEqual([])
    expect(m.findings.map(f => f.message)).toEqual([
      '2 changed line(s) compiled out: CONFIG_CAAM_QI is not set in set arm64'
    ])
  })
})

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

describe('CONFIG_ names a quoted header defines', () => {
  // Shaped like sound/soc/codecs/es8326.c, whose es8326.h defines CONFIG_HHTECH_MINIPMP.
  const c = (body: string): string =>
    `#include "es8326.h"\nint es8326_probe(int v)\n{\n#ifdef CONFIG_HHTECH_MINIPMP\n\t${body}\n#endif\n\treturn v;\n}\n`
  const builds = [{ label: 'x86_64', config: parseKconfig('CONFIG_SND_SOC_ES8326=m\n') }]
  const map = (tree: Record<string, string>) =>
    mapPair(parser, 'sound/soc/codecs/es8326.c', c('v += 1;'), c('v += 2;'), {
      builds,
      includes: { sourceOf: (p: string): string | undefined => tree[p], arches: ['x86'] }
    })

  it('are not read as unset, through a header the header includes too', () => {
    const m = map({
      'sound/soc/codecs/es8326.h': '#include "regs/es8326-regs.h"\n',
      'sound/soc/codecs/regs/es8326-regs.h': '#define CONFIG_HHTECH_MINIPMP 1\n'
    })
    expect(m.changed.map(x => x.name)).toEqual(['es8326_probe'])
  })

  it('a header that does not define it leaves the .config to decide', () => {
    const m = map({ 'sound/soc/codecs/es8326.h': '#define ES8326_RESET 0x00\n' })
    expect(m.changed).toEqual([])
  })
})

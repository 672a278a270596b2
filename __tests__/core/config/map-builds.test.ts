import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** Shaped like fs/nfs/client.c: a session helper only NFSv4.1 builds, and its stub. */
const before = `#if IS_ENABLED(CONFIG_NFS_V4_1)
static int nfs_session_limit(int v)
{
	return v * 2;
}
#else
static inline int nfs_session_limit(int v)
{
	return 0;
}
#endif

int nfs_client_init(int v)
{
	return nfs_session_limit(v) + 1;
}
`
const after = before.replace('return v * 2;', 'return v * 4;')
const set = (label: string, config: string) => ({ label, config: parseKconfig(config) })

describe('a change under #if, with several dump sets', () => {
  it('is not-built info when every set compiles it out', () => {
    const m = mapPair(parser, 'fs/nfs/client.c', before, after, {
      builds: [set('x86_64', '# CONFIG_NFS_V4_1 is not set\n'), set('arm64', '')]
    })
    expect(m.changed).toEqual([])
    expect(m.findings.map(f => `${f.kind} ${f.severity} ${f.message}`)).toEqual([
      'not-built info 2 changed line(s) compiled out: CONFIG_NFS_V4_1 is not set in sets x86_64, arm64'
    ])
  })

  it('is analysed for the sets that build it, and marked for the others', () => {
    const m = mapPair(parser, 'fs/nfs/client.c', before, after, {
      builds: [set('x86_64', 'CONFIG_NFS_V4_1=y\n'), set('arm64', 'CONFIG_NFS_V4=m\n')]
    })
    expect(m.changed.map(c => [c.name, c.notBuiltIn])).toEqual([['nfs_session_limit', ['arm64']]])
    expect(kinds(m)).toEqual([])
  })

  it('=m counts for IS_ENABLED; a set without .config may build it', () => {
    const m = mapPair(parser, 'fs/nfs/client.c', before, after, {
      builds: [set('x86_64', 'CONFIG_NFS_V4_1=m\n'), { label: 'other' }]
    })
    expect(m.changed.map(c => [c.name, c.notBuiltIn])).toEqual([['nfs_session_limit', undefined]])
  })
})

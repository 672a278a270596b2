import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { readDeclarations } from '../../../src/core/livepatch/read.js'
import { setsConditionEvaluator } from '../../../src/core/livepatch/set-conditions.js'

const X86 = parseKconfig('CONFIG_X86_64=y\nCONFIG_NET=y\nCONFIG_FOO=m\n')
const ARM = parseKconfig('CONFIG_ARM64=y\nCONFIG_NET=y\n')

const LP = `#include <linux/livepatch.h>
static struct klp_func funcs[] = {
\t{ .old_name = "tcp_v4_rcv", .new_func = a, },
#ifdef CONFIG_ARM64
\t{ .old_name = "arm_only", .new_func = b, },
#endif
#if IS_ENABLED(CONFIG_NET)
\t{ .old_name = "net_only", .new_func = c, },
#endif
\t{ }
};
static struct klp_object objs[] = { { .funcs = funcs, }, { } };
`

const read = (configs: Parameters<typeof setsConditionEvaluator>[0]) =>
  readDeclarations([{ path: 'lp.c', text: LP }], setsConditionEvaluator(configs))

describe('livepatch #if entries against the dump sets .config', () => {
  it('an x86_64 .config drops the ARM64 entry (info) and keeps the decided-true one silently', () => {
    const r = read([X86])
    expect(r.declared.map(d => d.name).sort()).toEqual(['net_only', 'tcp_v4_rcv'])
    expect(r.findings.map(f => [f.severity, f.line])).toEqual([['info', 5]])
  })

  it('sets that disagree, or one without a .config, leave it undecided: counted with a warning', () => {
    for (const configs of [
      [X86, ARM],
      [X86, undefined]
    ]) {
      const r = read(configs)
      expect(r.declared.map(d => d.name).sort()).toEqual(['arm_only', 'net_only', 'tcp_v4_rcv'])
      expect(r.findings.filter(f => f.severity === 'warning').map(f => f.line)).toEqual(
        configs[1] === undefined ? [5, 8] : [5]
      )
    }
  })

  it('is no evaluator without any .config', () => {
    expect(setsConditionEvaluator([undefined])).toBeUndefined()
    expect(setsConditionEvaluator([])).toBeUndefined()
  })
})

import { evaluateCondition, kconfigEnv } from '../../../src/core/config/expr.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'

const config = parseKconfig(
  [
    'CONFIG_NET=y',
    'CONFIG_E1000=m',
    '# CONFIG_KASAN is not set',
    'CONFIG_NR_CPUS=64',
    'CONFIG_LOCALVERSION=""'
  ].join('\n')
)
const env = kconfigEnv(config, new Set(['CONFIG_LOCAL']))
const bare = kconfigEnv(undefined, new Set())
const ev = (expr: string): number | null => evaluateCondition(expr, env)

describe('evaluateCondition against a .config', () => {
  it('reads =y, =m (CONFIG_X_MODULE) and unset symbols as autoconf.h defines them', () => {
    expect(ev('defined(CONFIG_NET)')).toBe(1)
    expect(ev('defined CONFIG_E1000')).toBe(0)
    expect(ev('defined(CONFIG_E1000_MODULE)')).toBe(1)
    expect(ev('defined(CONFIG_KASAN)')).toBe(0)
    // Absent from the .config altogether: not defined either.
    expect(ev('defined(CONFIG_NOT_IN_THIS_KERNEL)')).toBe(0)
    expect(ev('CONFIG_NR_CPUS > 32')).toBe(1)
    expect(ev('CONFIG_KASAN')).toBe(0)
  })

  it('knows the kconfig.h macros, IS_REACHABLE of a module staying open', () => {
    expect(ev('IS_ENABLED(CONFIG_E1000)')).toBe(1)
    expect(ev('IS_BUILTIN(CONFIG_E1000)')).toBe(0)
    expect(ev('IS_MODULE(CONFIG_E1000)')).toBe(1)
    expect(ev('IS_ENABLED(CONFIG_KASAN)')).toBe(0)
    expect(ev('IS_REACHABLE(CONFIG_NET)')).toBe(1)
    expect(ev('IS_REACHABLE(CONFIG_E1000)')).toBeNull()
    expect(ev('IS_REACHABLE(CONFIG_KASAN)')).toBe(0)
  })

  it('computes past 32 bits as the preprocessor does, or leaves it undecided', () => {
    expect(ev('(1 << 33) > 4')).toBe(1)
    expect(ev('(3 << 30) > 0')).toBe(1)
    expect(ev('(1 << 40) >> 38')).toBe(4)
    expect(ev('(-8 >> 1) == -4')).toBe(1)
    // Unsigned arithmetic (`-1 > 0u` holds), bitwise operators past 32 bits, shifts past 62.
    expect(ev('-1 > 0u')).toBeNull()
    expect(ev('(0x100000000 | 1) > 0')).toBeNull()
    expect(ev('~0x100000000 < 0')).toBeNull()
    expect(ev('(1 << 63) != 0')).toBeNull()
    expect(ev('(7 & 3) == 3')).toBe(1)
  })

  it('keeps other macros unknown, short-circuiting where the answer is sure', () => {
    expect(ev('defined(_LINUX_SKBUFF_H)')).toBeNull()
    expect(ev('FOO > 2')).toBeNull()
    expect(ev('defined(CONFIG_KASAN) && FOO')).toBe(0)
    expect(ev('defined(CONFIG_NET) || FOO')).toBe(1)
    expect(ev('defined(CONFIG_NET) && FOO')).toBeNull()
    expect(ev('!defined(__ASSEMBLY__)')).toBe(1)
    expect(ev('__has_attribute(__fallthrough__)')).toBeNull()
    // A CONFIG_ name the file #defines itself is not the .config's.
    expect(ev('defined(CONFIG_LOCAL)')).toBeNull()
    // A string symbol has no value in #if.
    expect(ev('CONFIG_LOCALVERSION')).toBeNull()
  })

  it('decides literal conditions with or without a .config', () => {
    expect(evaluateCondition('0', bare)).toBe(0)
    expect(evaluateCondition('1 && (2 * 3 == 6)', bare)).toBe(1)
    expect(evaluateCondition('0 ? FOO : 4', bare)).toBe(4)
    expect(evaluateCondition('IS_ENABLED(CONFIG_NET)', bare)).toBeNull()
    expect(evaluateCondition('0x10 >> 4 == 1UL', bare)).toBe(1)
    expect(evaluateCondition('010 == 8 && 0 == 0', bare)).toBe(1)
    expect(evaluateCondition('(1', bare)).toBeNull()
  })
})

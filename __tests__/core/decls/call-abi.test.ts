import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { arity, callAbi, sameCallAbi } from '../../../src/core/decls/call-abi.js'
import { declarationShape } from '../../../src/core/decls/signature.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'

const abi = (decl: string): string | undefined => callAbi(declarationShape(decl))

describe('callAbi', () => {
  it('passes every data pointer alike, and drops qualifiers of the parameter', () => {
    // security/selinux/include/security.h and include/sound/control.h in 6.1.190.
    expect(abi('int security_get_classes(struct selinux_policy *p, char ***c, int *n);')).toBe(
      abi('int security_get_classes(struct selinux_policy *p, char ***c, u32 *n);')
    )
    expect(abi('struct k *find(struct card *c, struct id *id);')).toBe(
      abi('struct k *find(struct card *c, const struct id *id);')
    )
    expect(abi('void f(const int x, char buf[16]);')).toBe(abi('void f(int x, char *buf);'))
    expect(abi('void f(u8 x);')).toBe(abi('void f(unsigned char y);'))
    // kernel/audit.h in 6.1.187: inode numbers `unsigned long` -> `u64`, one 8-byte argument.
    expect(abi('int audit_mark_compare(struct m *m, unsigned long ino, dev_t dev);')).toBe(
      abi('int audit_mark_compare(struct m *m, u64 ino, dev_t dev);')
    )
    expect(abi('long f(long x);')).toBe(abi('long f(long long x);'))
    // A result is typed for the caller: `_Generic(f(x), long: ...)` tells them apart.
    expect(abi('long f(long x);')).not.toBe(abi('s64 f(long x);'))
  })

  it('keeps scalars, parameter counts and struct values apart', () => {
    expect(abi('void f(int x);')).not.toBe(abi('void f(unsigned int x);'))
    expect(abi('void f(int x);')).not.toBe(abi('void f(long x);'))
    expect(abi('int count(struct dev *d, int t);')).not.toBe(
      abi('int count(struct dev *d, int t, bool details);')
    )
    expect(abi('void f(struct a x);')).not.toBe(abi('void f(struct b x);'))
    expect(abi('int f(void);')).not.toBe(abi('long f(void);'))
  })

  it('needs one form on each side', () => {
    const one = new Set([declarationShape('void f(int *x);')])
    const two = new Set([declarationShape('void f(int *x);'), declarationShape('void f(long x);')])
    expect(sameCallAbi(one, new Set([declarationShape('void f(u32 *x);')]))).toBe(true)
    expect(sameCallAbi(one, two)).toBe(false)
  })
})

describe('prototype changes in a header', () => {
  let parser: Parser
  beforeAll(async () => {
    parser = await loadCParser()
  })
  const pre = [
    '#ifndef X_H',
    '#define X_H',
    'int get_classes(char ***classes, int *nclasses);',
    'int count(struct dev *d, int t);',
    '#endif',
    ''
  ].join('\n')
  const run = (from: string, to: string): ReturnType<typeof mapChanges> => {
    const diff = [
      '--- a/include/x.h',
      '+++ b/include/x.h',
      '@@ -3,2 +3,2 @@',
      ...from.split('\n').map(l => `-${l}`),
      ...to.split('\n').map(l => `+${l}`),
      ''
    ].join('\n')
    const [f] = parsePatch(diff, 1).files
    return mapChanges(parser, [{ patch: f, path: 'include/x.h', oldText: pre, newText: null }])
  }

  it('is info when callers pass the same (a pointer to another type)', () => {
    const { findings } = run(
      'int get_classes(char ***classes, int *nclasses);\nint count(struct dev *d, int t);',
      'int get_classes(char ***classes, u32 *nclasses);\nint count(struct dev *d, int t);'
    )
    const f = findings.find(x => x.functions?.includes('get_classes'))
    expect([f?.kind, f?.severity]).toEqual(['prototype-change', 'info'])
    expect(f?.message).toMatch(/only types its callers pass alike/)
    expect(findings.every(x => x.severity === 'info')).toBe(true)
  })

  it('is info when a parameter is added (no old call compiles), unresolved when a type changes', () => {
    const { findings } = run(
      'int get_classes(char ***classes, int *nclasses);\nint count(struct dev *d, int t);',
      'int get_classes(char ***classes, int *nclasses);\nint count(struct dev *d, int t, bool all);'
    )
    const f = findings.find(x => x.functions?.includes('count'))
    expect([f?.kind, f?.severity]).toEqual(['prototype-change', 'info'])
    expect(f?.message).toMatch(/takes 3 parameters, not 2/)
    // The same count, an argument extended otherwise: callers compile against it unchanged.
    const widened = run(
      'int get_classes(char ***classes, int *nclasses);\nint count(struct dev *d, int t);',
      'int get_classes(char ***classes, int *nclasses);\nint count(struct dev *d, u8 t);'
    ).findings.find(x => x.functions?.includes('count'))
    expect([widened?.kind, widened?.severity]).toEqual(['prototype-change', 'unresolved'])
  })
})

describe('arity', () => {
  const count = (decl: string, name: string): number | undefined =>
    arity(declarationShape(decl), name)
  it('counts the parameters of a fixed list, none for (void)', () => {
    expect(count('int f(void);', 'f')).toBe(0)
    expect(count('int f(int (*cb)(int, long), char buf[2], long);', 'f')).toBe(3)
    expect(count('struct s *(f)(int a);', 'f')).toBeUndefined()
    expect(count('struct s *f(int a);', 'f')).toBe(1)
    // include/net/tcp.h, 6.1.190: the names inside a function pointer parameter are its own.
    expect(
      count(
        'struct sock *syn(const struct sock *sk, bool *own, void (*init)(struct sock *newsk, const struct sock *sk));',
        'syn'
      )
    ).toBe(3)
  })
  it('has no count for a variadic list, an unprototyped one or a returned function pointer', () => {
    expect(count('int f(const char *fmt, ...);', 'f')).toBeUndefined()
    expect(count('int f();', 'f')).toBeUndefined()
    expect(count('void (*f(int sig))(int);', 'f')).toBeUndefined()
  })
})

describe('declarationShape drops annotations that make no code', () => {
  // 6.1's netdevice.h and fs_context.h respelled so: GCC 12 builds every user byte-identical.
  it.each([
    [
      'int dev_set_alias(struct net_device *, const char *, size_t);',
      'int __must_check dev_set_alias(struct net_device *, const char *, size_t);'
    ],
    [
      'extern __attribute__((format(printf, 4, 5))) void logfc(struct fc_log *log, const char *prefix, char level, const char *fmt, ...);',
      'extern __printf(4, 5) void logfc(struct fc_log *log, const char *prefix, char level, const char *fmt, ...);'
    ],
    [
      'void f(int) __attribute__((noreturn));',
      'void f(int) __attribute__((format(printf, 1, 2), noreturn));'
    ]
  ])('%s == %s', (a, b) => {
    expect(declarationShape(a)).toBe(declarationShape(b))
  })

  it.each([
    ['void f(int);', 'void __cold f(int);'],
    ['void f(int);', 'void f(int) __attribute__((noreturn));'],
    ['int f(int);', 'long f(int);']
  ])('%s != %s', (a, b) => {
    expect(declarationShape(a)).not.toBe(declarationShape(b))
  })
})

import { readDeclarations } from '../../../src/core/livepatch/read.js'
import { evalCondition } from '../../../src/core/livepatch/cpp-expr.js'

const brief = (d: { object: string; name: string; condition?: string }): string =>
  `${d.object}:${d.name}${d.condition === undefined ? '' : ` if ${d.condition}`}`

const read = (text: string, evaluate?: (c: string) => boolean | undefined) =>
  readDeclarations([{ path: 'lp.c', text }], evaluate)

const funcs = (body: string, objName = 'NULL'): string => `
static struct klp_func funcs[] = {
${body}
};
static struct klp_object objs[] = {
	{ .name = ${objName}, .funcs = funcs, },
	{ }
};
`

describe('livepatch sentinels end the array where they stand', () => {
  it.each([['{ }'], ['{ NULL }'], ['{ .old_name = NULL }'], ['{ 0 }']])(
    'a %s in the middle of klp_func[]: later entries are named, not declared',
    sentinel => {
      const r = read(
        funcs(`	{ .old_name = "a_fn", .new_func = klpp_a },
	${sentinel},
	{ .old_name = "b_fn", .new_func = klpp_b },
	{ }`)
      )
      expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn'])
      const f = r.findings.find(x => x.functions?.includes('b_fn'))
      expect(f).toMatchObject({ severity: 'warning', file: 'lp.c', line: 4 })
      expect(f?.message).toContain('b_fn (line 5)')
    }
  )

  it('an all-zero klp_object in the middle: later objects patch nothing', () => {
    const r = read(`
static struct klp_func a[] = { { .old_name = "a_fn" }, { } };
static struct klp_func b[] = { { .old_name = "b_fn" }, { } };
static struct klp_object objs[] = {
	{ .name = NULL, .funcs = a },
	{ .name = NULL, .funcs = NULL },
	{ .name = "ext4", .funcs = b },
	{ }
};`)
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn'])
    const f = r.findings.find(x => x.functions?.includes('b_fn'))
    expect(f?.message).toContain('line 6')
    // b is used by an object, even an unreached one: no "unused array" finding on top.
    expect(r.findings).toHaveLength(1)
  })

  it('an array without an all-zero last entry: the kernel walks past its end', () => {
    const r = read(`
static struct klp_func funcs[] = {
	{ .old_name = "a_fn" },
};
static struct klp_object objs[] = {
	{ .name = NULL, .funcs = funcs, },
#ifdef CONFIG_X86_64
	{ }
#endif
};`)
    expect(r.declared.map(d => d.name)).toEqual(['a_fn'])
    expect(r.findings.map(f => [f.severity, f.line, f.message])).toEqual([
      [
        'warning',
        2,
        'klp_func array funcs has no all-zero last entry ({ }): the kernel walks past its end'
      ],
      [
        'warning',
        5,
        'klp_object array ends with an all-zero entry only under #if defined(CONFIG_X86_64): the kernel walks past its end'
      ]
    ])
  })

  it('an index designator that skips a slot leaves it all-zero: the walk stops there', () => {
    const r = read(
      funcs(`	[0] = { .old_name = "a_fn", .new_func = klpp_a },
	[2] = { .old_name = "b_fn", .new_func = klpp_b },
	{ }`)
    )
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn'])
    expect(r.findings.map(f => [f.severity, f.line, f.functions, f.message])).toEqual([
      [
        'warning',
        4,
        ['b_fn'],
        'klp_func array funcs ends at line 4 (slot 1, left all-zero by [2] =): the kernel stops there and does not patch b_fn (line 4)'
      ]
    ])
  })

  it('designators in order, and a skipped klp_object slot', () => {
    const r = read(`
static struct klp_func a[] = { [0] = { .old_name = "a_fn" }, [1] = { .old_name = "b_fn" }, [2] = { } };
static struct klp_func c[] = { { .old_name = "c_fn" }, { } };
static struct klp_object objs[] = {
	[0] = { .name = NULL, .funcs = a },
	[2] = { .name = "ext4", .funcs = c },
	{ }
};`)
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn', 'vmlinux:b_fn'])
    expect(r.findings.map(f => [f.severity, f.functions, f.message])).toEqual([
      [
        'warning',
        ['c_fn'],
        "klp_object ext4 comes after the array's slot 1, left all-zero by [2] =, at line 6: the kernel stops there, so c_fn are not patched"
      ]
    ])
  })

  it.each([
    ['[1] = { .old_name = "b_fn" }, [0] = { .old_name = "a_fn" },', 'out of order'],
    ['[N] = { .old_name = "a_fn" },', 'not a plain number'],
    [
      '#ifdef CONFIG_X86\n{ .old_name = "x_fn" },\n#endif\n[1] = { .old_name = "a_fn" },',
      'after #if-guarded entries'
    ]
  ])('a slot the reader cannot place is unresolved: %s', (body, why) => {
    const r = read(funcs(body + '\n\t{ }'))
    expect(r.findings.filter(f => f.severity === 'unresolved').map(f => f.message)).toEqual([
      expect.stringContaining(why)
    ])
  })

  it('a // comment ending in a backslash hides the next line (an entry in it is not declared)', () => {
    const r = read(
      funcs(`	{ .old_name = "a_fn", .new_func = klpp_a }, // b_fn is done in v2 \\
	{ .old_name = "b_fn", .new_func = klpp_b },
	{ }`)
    )
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn'])
    expect(r.findings).toEqual([])
  })

  it('KGR_PATCH_END in the middle of a kGraft list', () => {
    const r = read(`
static struct kgr_patch patch = {
	.patches = {
		KGR_PATCH(a_fn, kgr_a),
		KGR_PATCH_END,
		KGR_PATCH(b_fn, kgr_b),
		KGR_PATCH_END
	}
};
static struct kgr_patch patch2 = { .patches = { KGR_PATCH(c_fn, kgr_c), KGR_PATCH_END } };`)
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn', 'vmlinux:c_fn'])
    expect(r.findings.map(f => [f.severity, f.line, f.functions])).toEqual([
      ['warning', 6, ['b_fn']]
    ])
  })

  it('a sentinel under a condition leaves later entries conditional on its negation', () => {
    const r = read(
      funcs(`	{ .old_name = "a_fn" },
#ifdef CONFIG_X86_64
	{ },
#endif
	{ .old_name = "b_fn" },
	{ }`)
    )
    expect(r.declared.map(brief)).toEqual([
      'vmlinux:a_fn',
      'vmlinux:b_fn if !(defined(CONFIG_X86_64))'
    ])
  })
})

describe('livepatch #if conditions', () => {
  const lp = funcs(`#if (0)
	{ .old_name = "zero_paren" },
#endif
#if 1
	{ .old_name = "one_taken" },
#elif defined(CONFIG_X86_64)
	{ .old_name = "one_elif" },
#else
	{ .old_name = "one_else" },
#endif
#if 2 * 3 - 6
	{ .old_name = "arith_zero" },
#elif CONFIG_FOO
	{ .old_name = "elif_undecided" },
#else
	{ .old_name = "else_undecided" },
#endif
#ifndef THIS_MODULE
	{ .old_name = "no_this_module" },
#endif
#ifdef CONFIG_ARM64
	{ .old_name = "arm_only" },
#endif
#define LOCAL_FLAG 1
#if LOCAL_FLAG && !defined(LOCAL_FLAG)
	{ .old_name = "local_false" },
#endif
	{ }`)

  it('drops branches the file alone decides false and keeps undecided ones with their condition', () => {
    const r = read(lp)
    expect(r.declared.map(brief)).toEqual([
      'vmlinux:one_taken',
      'vmlinux:elif_undecided if CONFIG_FOO',
      'vmlinux:else_undecided if !(CONFIG_FOO)',
      'vmlinux:no_this_module if !defined(THIS_MODULE)',
      'vmlinux:arm_only if defined(CONFIG_ARM64)'
    ])
  })

  it('makes each undecided entry a warning naming its condition', () => {
    const r = read(lp)
    const warned = r.findings.filter(f => f.severity === 'warning')
    expect(warned.map(f => f.functions?.[0])).toEqual([
      'elif_undecided',
      'else_undecided',
      'no_this_module',
      'arm_only'
    ])
    expect(warned[3].message).toContain('#if defined(CONFIG_ARM64)')
  })

  it('lets a .config evaluator decide: false drops the entry (info), true keeps it quietly', () => {
    const r = read(lp, c => (c === 'defined(CONFIG_ARM64)' ? false : true))
    expect(r.declared.map(d => d.name)).not.toContain('arm_only')
    expect(r.declared.map(d => d.name)).toContain('no_this_module')
    expect(r.findings.map(f => [f.severity, f.functions?.[0]])).toEqual([['info', 'arm_only']])
  })

  it('a condition on the klp_object applies to its functions', () => {
    const r = read(`
static struct klp_func a[] = { { .old_name = "a_fn" }, { } };
static struct klp_object objs[] = {
#ifdef CONFIG_ARM64
	{ .name = NULL, .funcs = a },
#endif
	{ }
};`)
    expect(r.declared.map(brief)).toEqual(['vmlinux:a_fn if defined(CONFIG_ARM64)'])
  })
})

describe('macros the file defines once per architecture', () => {
  const text = `#ifdef CONFIG_X86_64
#define SYS_IOPERM "__x64_sys_ioperm"
#else
#define SYS_IOPERM "__arm64_sys_ioperm"
#endif
#define ENTRY(n) { .old_name = n, .new_func = klpp_ioperm }
static struct klp_func funcs[] = {
	ENTRY(SYS_IOPERM),
	{ .old_name = "plain_fn" },
	{ }
};
static struct klp_object objs[] = { { .funcs = funcs }, { } };`

  it("without the build, an entry using one is unresolved (the last spelling is not the build's)", () => {
    const r = read(text)
    expect(r.declared.map(brief)).toEqual(['vmlinux:plain_fn'])
    expect(r.findings.map(f => [f.severity, f.line, f.message])).toEqual([
      [
        'unresolved',
        8,
        "klp_func entry uses SYS_IOPERM, which the file defines per build (#if defined(CONFIG_X86_64); #if !(defined(CONFIG_X86_64))): which definition the build reads is not decided here (the build's .config decides it)"
      ]
    ])
  })

  it.each([
    [true, 'vmlinux:__x64_sys_ioperm'],
    [false, 'vmlinux:__arm64_sys_ioperm']
  ])('the .config decides it (CONFIG_X86_64 %s): %s', (x86, name) => {
    const r = read(text, c =>
      c === 'defined(CONFIG_X86_64)' ? x86 : c === '!(defined(CONFIG_X86_64))' ? !x86 : undefined
    )
    expect(r.declared.map(brief)).toEqual([name, 'vmlinux:plain_fn'])
    expect(r.findings).toEqual([])
  })

  it('an #undef in some builds only leaves the name per build too', () => {
    const r = read(`#define NAME "a_fn"
#ifdef CONFIG_ARM64
#undef NAME
#define NAME "b_fn"
#endif
static struct klp_func funcs[] = { { .old_name = NAME }, { } };
static struct klp_object objs[] = { { .funcs = funcs }, { } };`)
    expect(r.declared).toEqual([])
    expect(r.findings.map(f => f.severity)).toEqual(['unresolved'])
  })
})

describe('klp_object names the kernel never matches', () => {
  it.each([['"foo_mod.ko"'], ['"foo-mod"'], ['" foo_mod "'], ['"vmlinux"'], ['""']])(
    '.name = %s patches nothing: unresolved, not covered',
    name => {
      const r = read(funcs('	{ .old_name = "foo_fn" },\n	{ }', name))
      expect(r.declared).toEqual([])
      expect(r.findings).toHaveLength(1)
      expect(r.findings[0]).toMatchObject({ severity: 'unresolved', functions: ['foo_fn'] })
      expect(r.findings[0].message).toContain('names no module')
    }
  )

  it('kbuild spelling is matched as written', () => {
    const r = read(funcs('	{ .old_name = "foo_fn" },\n	{ }', '"foo_mod"'))
    expect(r.declared.map(brief)).toEqual(['foo_mod:foo_fn'])
    expect(r.findings).toEqual([])
  })

  it('KGR_PATCH_OBJ with a module name the kernel cannot find', () => {
    const r = read('KGR_PATCH_OBJ(foo_fn, kgr_foo, "foo-mod"), KGR_PATCH_OBJ(b, kgr_b, "ext4"),')
    expect(r.declared.map(brief)).toEqual(['ext4:b'])
    expect(r.findings.map(f => [f.severity, f.functions])).toEqual([['unresolved', ['foo_fn']]])
  })
})

describe('evalCondition', () => {
  const none = (): undefined => undefined
  it.each<[string, boolean | undefined]>([
    ['0', false],
    ['(0)', false],
    ['1', true],
    ['0x10 >> 4 == 1', true],
    ['010 == 8', true],
    ['1 || CONFIG_X', true],
    ['0 && CONFIG_X', false],
    ['CONFIG_X', undefined],
    ['IS_ENABLED(CONFIG_X) && 1', undefined],
    ['IS_ENABLED(CONFIG_X) && 0', false],
    ['1 ? 2 : 0', true],
    ['1 +', undefined],
    ['"str"', undefined]
  ])('%s -> %s', (text, expected) => {
    expect(evalCondition(text, none)).toBe(expected)
  })
})

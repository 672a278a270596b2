import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { kinds, mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** A kernel-shaped tree: skbuff.h gets its helpers through include guards and a CONFIG_ branch. */
const TREE: Record<string, string> = {
  'include/linux/skbuff.h': `#ifndef _LINUX_SKBUFF_H
#define _LINUX_SKBUFF_H
#include <linux/compiler.h>
#ifdef CONFIG_NET_SCHED
#include <net/sch_generic.h>
#endif
#ifdef __ASSEMBLY__
#include <asm/linkage.h>
#endif
static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}
#endif
`,
  'include/linux/compiler.h':
    '#ifndef __LINUX_COMPILER_H\n#define __LINUX_COMPILER_H\n#define likely(x) __builtin_expect(!!(x), 1)\n#endif\n',
  'include/net/sch_generic.h': '#define TC_H_ROOT 0xFFFFFFFFU\n',
  'arch/x86/include/asm/linkage.h': '#define SYM_FUNC_START(x) x\n',
  'include/linux/overflow.h': `#define check_add_overflow(a, b, d) __builtin_add_overflow(a, b, d)
static __always_inline size_t size_add(size_t a, size_t b)
{
	return a + b;
}
#define unused_helper(x) (x)
`
}

const TU = `#include <linux/skbuff.h>

int tcp_len(const struct sk_buff *skb, size_t extra)
{
	if (likely(skb))
		return size_add(skb_headlen(skb), extra);
	return 0;
}
`

const includes = { sourceOf: (p: string): string | undefined => TREE[p], arches: ['x86'] }
const withInclude = (line: string): string =>
  TU.replace('#include <linux/skbuff.h>\n', `#include <linux/skbuff.h>\n${line}\n`)

describe('added and removed includes', () => {
  it('a header the file already gets through an include guard is info, with the chain', () => {
    const m = mapPair(
      parser,
      'net/ipv4/tcp_len.c',
      TU,
      withInclude('#include <linux/compiler.h>'),
      { includes }
    )
    expect(kinds(m)).toEqual(['include-change info'])
    expect(m.findings[0].message).toContain(
      'already gets include/linux/compiler.h through include/linux/skbuff.h'
    )
  })

  it('a header the file gets only further down is unresolved: what precedes it differs', () => {
    // A hostile review's case: the include lands above a `#define DISABLE_BRANCH_PROFILING` (or
    // `DEBUG`), so the header is first read with another definition in force.
    const tu = `#define DISABLE_BRANCH_PROFILING\n${TU}`
    const m = mapPair(parser, 'net/ipv4/tcp_len.c', tu, `#include <linux/compiler.h>\n${tu}`, {
      includes
    })
    expect(kinds(m)).toEqual(['include-change unresolved'])
    // Below the include that brings it, the line reads an already guarded header: nothing.
    const below = mapPair(
      parser,
      'net/ipv4/tcp_len.c',
      tu,
      tu.replace(
        '#include <linux/skbuff.h>\n',
        '#include <linux/skbuff.h>\n#include <linux/compiler.h>\n'
      ),
      { includes }
    )
    expect(kinds(below)).toEqual(['include-change info'])
    expect(below.findings[0].message).toContain('through include/linux/skbuff.h above that line')
  })

  it('an include moved up past other includes only is info: nothing of the file is between', () => {
    // drivers/pci/rom.c (6.1.187) puts <linux/bits.h> above the <linux/kernel.h> that brought it.
    const m = mapPair(parser, 'net/ipv4/tcp_len.c', TU, `#include <linux/compiler.h>\n\n${TU}`, {
      includes
    })
    expect(kinds(m)).toEqual(['include-change info'])
    expect(m.findings[0].message).toContain(
      'through include/linux/skbuff.h just below it, past only includes'
    )
  })

  it('an include moved among the directives is unresolved; moved among code lines only, not', () => {
    // The diff keeps the two definitions and moves the include below them.
    const tu = `#include <linux/compiler.h>\n#define DEBUG\n#define VERBOSE 1\n${TU}`
    const swapped = tu.replace(
      '#include <linux/compiler.h>\n#define DEBUG\n#define VERBOSE 1\n',
      '#define DEBUG\n#define VERBOSE 1\n#include <linux/compiler.h>\n'
    )
    const m = mapPair(parser, 'net/ipv4/tcp_len.c', tu, swapped, { includes })
    // Its removal and its addition are one move: said once (a holdout's kernel/params.c said
    // each of its 6 moved includes twice).
    expect(kinds(m)).toEqual(['include-change unresolved'])
    expect(m.findings[0].message).toContain('moved among the file')
    const code = `#include <linux/compiler.h>\nint x;\n#include <linux/skbuff.h>\n`
    const moved = `#include <linux/compiler.h>\n#include <linux/skbuff.h>\nint x;\n`
    expect(kinds(mapPair(parser, 'net/ipv4/tcp_len.c', code, moved, { includes }))).not.toContain(
      'include-change unresolved'
    )
  })

  it('a header reached only under a CONFIG_ branch counts only when the .config sets it', () => {
    const after = withInclude('#include <net/sch_generic.h>')
    const unset = mapPair(parser, 'net/ipv4/tcp_len.c', TU, after, {
      includes,
      builds: [{ label: 'x86_64', config: parseKconfig('CONFIG_NET=y\n') }]
    })
    expect(kinds(unset)).toEqual(['include-change unresolved'])
    const set = mapPair(parser, 'net/ipv4/tcp_len.c', TU, after, {
      includes,
      builds: [{ label: 'x86_64', config: parseKconfig('CONFIG_NET_SCHED=y\n') }]
    })
    expect(kinds(set)).toEqual(['include-change info'])
    // Without a .config the branch may be compiled out: not surely included.
    expect(kinds(mapPair(parser, 'net/ipv4/tcp_len.c', TU, after, { includes }))).toEqual([
      'include-change unresolved'
    ])
  })

  it('a new header names the macros and inlines of it the file uses', () => {
    const after = withInclude('#include <linux/overflow.h>')
    const m = mapPair(parser, 'net/ipv4/tcp_len.c', TU, after, { includes })
    expect(kinds(m)).toEqual(['include-change unresolved'])
    expect(m.findings[0].message).toBe(
      '#include <linux/overflow.h> added: it brings 1 header(s) (include/linux/overflow.h); this file uses 1 of their macros or inline functions: size_add'
    )
  })

  it('a removed include the file still gets is info; one it loses names what it used', () => {
    const both = withInclude('#include <linux/compiler.h>')
    expect(kinds(mapPair(parser, 'net/ipv4/tcp_len.c', both, TU, { includes }))).toEqual([
      'include-change info'
    ])
    const lost = mapPair(
      parser,
      'net/ipv4/tcp_len.c',
      TU,
      TU.replace('#include <linux/skbuff.h>\n', ''),
      { includes }
    )
    expect(kinds(lost)).toEqual(['include-change unresolved'])
    expect(lost.findings[0].message).toContain('loses 4 header(s)')
    expect(lost.findings[0].message).toContain('likely, skb_headlen')
  })

  it('an include that resolves nowhere stays unresolved', () => {
    const m = mapPair(
      parser,
      'net/ipv4/tcp_len.c',
      TU,
      withInclude('#include <generated/autoconf.h>'),
      { includes }
    )
    expect(m.findings.map(f => f.message)).toEqual([
      '#include <generated/autoconf.h> added, and it resolves to no file of the tree: what it brings is unknown'
    ])
  })
})

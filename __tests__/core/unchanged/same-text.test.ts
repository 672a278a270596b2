import type { Parser } from 'web-tree-sitter'
import { loadCParser } from '../../../src/adapters/tree-sitter.js'
import { mapChanges } from '../../../src/core/diff/map.js'
import { parsePatch } from '../../../src/core/diff/patch.js'
import { parseKconfig } from '../../../src/core/config/kconfig.js'
import { mapPair } from '../decls/helpers.js'

let parser: Parser
beforeAll(async () => {
  parser = await loadCParser()
})

/** include/linux/of_graph.h of Linux 6.1.187 (its `!CONFIG_OF` stubs), trimmed. */
const BEFORE = `static inline int of_graph_get_endpoint_count(const struct device_node *np)
{
	return 0;
}

static inline struct device_node *of_graph_get_next_endpoint(
					const struct device_node *parent,
					struct device_node *previous)
{
	return NULL;
}

static inline struct device_node *of_graph_get_endpoint_by_regs(
		const struct device_node *parent, int port_reg, int reg)
{
	return NULL;
}
`

/** The 6.1.190 hunk as git wrote it: the added stub takes the neighbour's `return NULL; }`. */
const PATCH = `--- a/include/linux/of_graph.h
+++ b/include/linux/of_graph.h
@@ -7,6 +7,13 @@
 					const struct device_node *parent,
 					struct device_node *previous)
 {
+	return NULL;
+}
+
+static inline struct device_node *of_graph_get_next_port(
+					const struct device_node *parent,
+					struct device_node *previous)
+{
 	return NULL;
 }
 
`

function map(patch: string, before: string) {
  const [file] = parsePatch(patch, 1).files
  return mapChanges(parser, [
    { patch: file, path: 'include/linux/of_graph.h', oldText: before, newText: null }
  ])
}

describe('functions whose code reads the same on both sides', () => {
  it('the neighbour of an inserted function is not changed (include/linux/of_graph.h, 6.1.190)', () => {
    const m = map(PATCH, BEFORE)
    expect(m.changed.map(c => `${c.name} ${c.change}`)).toEqual(['of_graph_get_next_port added'])
    const same = m.findings.find(f => f.kind === 'comment-only')
    expect(same?.functions).toEqual(['of_graph_get_next_endpoint'])
    expect(same?.severity).toBe('info')
  })

  it('a real change in the neighbour still counts', () => {
    const m = map(
      PATCH.replace('+\treturn NULL;\n+}\n+\n', '+\treturn ERR_PTR(-ENODEV);\n+}\n+\n'),
      BEFORE
    )
    expect(m.changed.map(c => c.name).sort()).toEqual([
      'of_graph_get_next_endpoint',
      'of_graph_get_next_port'
    ])
  })

  it('a function that reads the same but names a macro the fix changes still counts', () => {
    const before = `#define STUB NULL\n${BEFORE.replace(/return NULL;/g, 'return STUB;')}`
    const patch = `--- a/include/linux/of_graph.h
+++ b/include/linux/of_graph.h
@@ -1,1 +1,1 @@
-#define STUB NULL
+#define STUB ERR_PTR(-ENODEV)
@@ -8,6 +8,13 @@
 					const struct device_node *parent,
 					struct device_node *previous)
 {
+	return STUB;
+}
+
+static inline struct device_node *of_graph_get_next_port(
+					const struct device_node *parent,
+					struct device_node *previous)
+{
 	return STUB;
 }
 
`
    const m = map(patch, before)
    expect(m.changed.map(c => c.name)).toContain('of_graph_get_next_endpoint')
    expect(m.findings.some(f => f.kind === 'comment-only' && f.functions)).toBe(false)
  })

  it('a function moved under an #ifdef the .config leaves unset still counts', () => {
    const fn = 'static int helper(int x)\n{\n\treturn x + 1;\n}\n'
    const before = `${fn}\nint other(void)\n{\n\treturn 0;\n}\n`
    const after = `int other(void)\n{\n\treturn 0;\n}\n\n#ifdef CONFIG_FOO\n${fn}#endif\n`
    const builds = [{ label: 'x86_64', config: parseKconfig('CONFIG_BAR=y\n') }]
    const m = mapPair(parser, 'lib/x.c', before, after, { builds })
    expect(m.findings.some(f => f.kind === 'comment-only' && f.functions?.includes('helper'))).toBe(
      false
    )
  })
})

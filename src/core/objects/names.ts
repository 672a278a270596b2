/**
 * Numbered local names: GCC numbers function-local statics and string labels (`__func__.3`,
 * `__already_done.12`, `.LC7`), the kernel's `__UNIQUE_ID_` macro appends `__COUNTER__`. Any
 * definition added above them renumbers them all, so a name compares without its number. Clone
 * suffixes keep theirs: `foo.constprop.0` and `foo.constprop.1` are different functions.
 */
const CLONE_SUFFIX = new Set([
  'constprop',
  'isra',
  'part',
  'cold',
  'lto_priv',
  'localalias',
  'clone'
])

export function normaliseName(name: string): string {
  return (
    name
      // __UNIQUE_ID(prefix) pastes __COUNTER__ after the prefix, which may hold digits of its own
      // (`__UNIQUE_ID_dma_64bit412`, `__UNIQUE_ID___addressable_quirk_dma_func0_alias517`).
      .replace(/^(__UNIQUE_ID_\w*?)\d+$/, '$1N')
      .replace(/^\.L([A-Za-z]*)\d+$/, '.L$1N')
      .replace(/([A-Za-z_][\w.]*?)\.(\d+)\b/g, (all: string, stem: string) =>
        CLONE_SUFFIX.has(stem.split('.').pop() ?? '') ? all : `${stem}.N`
      )
  )
}

/** Whether a symbol's name carries such a number (it pairs with its counterpart by content, not name). */
export function isNumbered(name: string): boolean {
  return normaliseName(name) !== name
}

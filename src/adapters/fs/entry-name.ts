/**
 * Why an archive entry name must not be used, or undefined when it is a plain relative path.
 * Nothing is ever written to disk, but a name that escapes the root would still let an untrusted
 * artifact pose as a file elsewhere in the tree (or in another set), so it is refused outright
 * rather than normalized.
 */
export function unsafeEntryName(name: string): string | undefined {
  if (name.includes('\0')) return 'its name contains a NUL byte'
  const slashed = name.replace(/\\/g, '/')
  if (slashed.startsWith('/')) return 'it is an absolute path'
  if (/^[A-Za-z]:/.test(slashed)) return 'it starts with a drive letter'
  if (slashed.split('/').includes('..')) return 'it climbs out of the archive root (`..`)'
  return undefined
}

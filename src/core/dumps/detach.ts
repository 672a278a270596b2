/**
 * A copy of `s` that does not keep the text it was cut from alive. V8 makes a slice of 13 or more
 * characters a view into its parent string: a node name cut from a dump kept the whole dump in
 * memory for as long as a report entry named it (a header inline at distribution scale: every dump
 * it is in). Flattening a concatenation copies the characters; the slice then points into that copy.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : (s + ' ').slice(0, -1)
}

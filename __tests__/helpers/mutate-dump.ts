/** Bytes that change what a line parses as: separators, digits, `*`, CR, newline, non-ASCII. */
const PIECES = [';', '0', '7', 'a', '*', ' ', '\r', '\n', '<-', 'C', 'r']
  .map(s => Buffer.from(s, 'latin1'))
  .concat([[0xc3, 0xa9], [0xff], [0xef, 0xbb, 0xbf], [0xe2, 0x82], [0x80]].map(a => Buffer.from(a)))

/** One to three random deletions, insertions or overwrites of such pieces. */
export function mutate(b: Buffer, rnd: () => number): Buffer {
  let out = b
  const edits = 1 + Math.floor(rnd() * 3)
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1))
    const piece = PIECES[Math.floor(rnd() * PIECES.length)]
    const op = rnd()
    if (op < 0.33) out = Buffer.concat([out.subarray(0, at), out.subarray(at + 1)])
    else if (op < 0.66) out = Buffer.concat([out.subarray(0, at), piece, out.subarray(at)])
    else out = Buffer.concat([out.subarray(0, at), piece, out.subarray(at + piece.length)])
  }
  return out
}

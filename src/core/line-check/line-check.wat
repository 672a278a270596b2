;; The validation of a dump's lines that `acceptRaw` (core/dumps/raw-accept.ts) makes with a
;; regular expression, on the undecoded bytes, for the dumps a query does not read. Same language,
;; never laxer: -1 sends the dump to the full scan, which words the findings. A regular expression
;; needs the bytes copied into a latin1 string (0.3 ns a byte here) and then walks them one by one
;; (1.0 ns); here the file is read straight into this memory and searched for the separators
;; sixty-four bytes at a time (four vector compares into one 64-bit mask: a third faster than
;; sixteen at a time on the 10x corpus, the loop's turns and tail tests being most of its work).
;;
;; A line (`F` a byte other than `;` and newline, `D` a digit):
;;   Callgraph clone;NODE;NODE;F*G        Callgraph removal;NAME;D+;F+;DF*;D(F*G)?
;;   NODE = NAME;D+;F+;DF*;DF*            NAME = (*F|H)F*
;; where G is F but a carriage return and H is F but `*`. Empty lines are skipped.
;;
;; Focus (see raw-focus.ts): a name field whose name (past one `*`) is as long as a focus name (a
;; bitmap of lengths, 255 standing for 255 or more, skips the hash of all the others) and in the
;; names' bloom filter,
;; or a file field whose last L bytes are in the bases' filter, for each base name length L listed
;; at `lengths` (only hashed when its third-last byte is one a base has there: a bitmap at `tails`
;; tells; most file fields end otherwise, and two hashes a line were a tenth of the check), or
;; that ends with `/`, `\`, `/.`, `\.` or `..` when any is listed, refuses its
;; line: a false positive only sends a dump to the full scan. Whole strings are hashed, so two
;; names that share their ends, or two files that share their last bytes, do not collide.
;;
;; Graph (`out` not 0, no focus; see LineCheck.graph): the same pass also reads a kept dump's clone
;; graph into records after the dump, where the JavaScript line loop took ~575 µs a kept dump (the
;; largest part of a focused load at 27,000 dumps). It reads only what it can read exactly, as
;; GraphReader and DumpConsistency would, and gives -1 otherwise (the full scan words why): a
;; byte past ASCII (the text's offsets would not be the bytes'), a number past nine digits, an
;; order past the table, an order met again with another name or file, a clone created at an
;; order already met.
;;
;; Memory: the two filters of 2^bits bits each from 0, the `count` base name lengths (a byte each)
;; at `lengths`, the dump from `off` (past them, and at least 16 bytes in), with 64 bytes of room
;; after it: vector loads read past the end, and a newline is written after an unterminated last
;; line.
(module
  (memory (export "memory") 1)

  ;; A 64-bit hash of the `n` bytes at `s`, eight at a time (the last ones masked);
  ;; `stringHash` in line-check.ts is the same function.
  (func $hash (param $s i32) (param $n i32) (result i64)
    (local $x i64) (local $i i32) (local $c i64)
    (local.set $x (i64.extend_i32_u (local.get $n)))
    (block $done
      (loop $chunk
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i64.load (i32.add (local.get $s) (local.get $i))))
        (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 8))
          (then
            (local.set $c
              (i64.and (local.get $c)
                (i64.sub
                  (i64.shl (i64.const 1)
                    (i64.extend_i32_u
                      (i32.shl (i32.sub (local.get $n) (local.get $i)) (i32.const 3))))
                  (i64.const 1))))))
        (local.set $x
          (i64.rotl
            (i64.mul (i64.xor (local.get $x) (local.get $c)) (i64.const 0x9E3779B97F4A7C15))
            (i64.const 31)))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $chunk)))
    (i64.mul
      (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 29)))
      (i64.const 0xD6E8FEB86659FD93)))

  ;; Whether hash `x` is in the bloom filter at `base`: two bits of it, its top `bits` bits and
  ;; the `bits` below them (`shift1`, `shift2`, `mask` are made of `bits` once per check).
  (func $member (param $base i32) (param $x i64) (param $shift1 i64) (param $shift2 i64)
    (param $mask i32) (result i32)
    (local $h i32)
    (local.set $h (i32.wrap_i64 (i64.shr_u (local.get $x) (local.get $shift1))))
    (if (i32.eqz
          (i32.and
            (i32.load8_u (i32.add (local.get $base) (i32.shr_u (local.get $h) (i32.const 3))))
            (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7)))))
      (then (return (i32.const 0))))
    (local.set $h
      (i32.and (i32.wrap_i64 (i64.shr_u (local.get $x) (local.get $shift2))) (local.get $mask)))
    (i32.ne
      (i32.and
        (i32.load8_u (i32.add (local.get $base) (i32.shr_u (local.get $h) (i32.const 3))))
        (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7))))
      (i32.const 0)))

  ;; Non-empty lines of the `len` bytes at `off`, or -1. `names`: where the bitmap of the focus
  ;; names' lengths is (32 bytes), 0 when there are no focus names; `tails`: the bitmap of the
  ;; bases' third-last bytes (32 bytes), read when `count` is not 0. `out`: where the graph's
;; records go (nodes from out + 16, see $node; edges of 24 bytes from `edges`, below `cap`: from,
;; to, the reason's start or 0 for `inlining to`, its end, the 1-based line), 0 for none;
;; `orders`, `stamp`: see $node.
  (func (export "check")
    (param $off i32) (param $len i32) (param $names i32) (param $lengths i32) (param $count i32)
    (param $bits i32) (param $tails i32)
    (param $out i32) (param $edges i32) (param $cap i32) (param $orders i32) (param $stamp i32)
    (param $files i32)
    (result i32)
    (local $end i32) (local $p i32) (local $pos i32) (local $c i32)
    (local $k i32) (local $s i32) (local $last i32) (local $lines i32) (local $n i32)
    (local $i i32) (local $v v128)
    (local $h i32) (local $j i32) (local $l i32) (local $x i64) (local $w i64)
    (local $shift1 i64) (local $shift2 i64) (local $mask i32) (local $bases i32) (local $mm i64)
    ;; The graph (with $out): the current line's nodes (name, order, file, line) and reason, the
    ;; physical line number, a number being read, the edges written.
    (local $n1s i32) (local $n1e i32) (local $o1 i32) (local $f1s i32) (local $f1e i32) (local $l1 i32)
    (local $n2s i32) (local $n2e i32) (local $o2 i32) (local $f2s i32) (local $f2e i32) (local $l2 i32)
    (local $rs i32) (local $phys i32) (local $val i32) (local $id1 i32) (local $id2 i32)
    (local $ne i32) (local $r i32) (local $g i32)
    (local.set $shift1 (i64.extend_i32_u (i32.sub (i32.const 64) (local.get $bits))))
    (local.set $shift2 (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (local.get $bits) (i32.const 1)))))
    (local.set $mask (i32.sub (i32.shl (i32.const 1) (local.get $bits)) (i32.const 1)))
    (local.set $bases (i32.shl (i32.const 1) (i32.sub (local.get $bits) (i32.const 3))))
    (local.set $end (i32.add (local.get $off) (local.get $len)))
    (if (i32.eqz (local.get $len)) (then (return (i32.const 0))))
    ;; An unterminated last line ends where the dump does.
    (if (i32.ne (i32.load8_u (i32.sub (local.get $end) (i32.const 1))) (i32.const 10))
      (then
        (i32.store8 (local.get $end) (i32.const 10))
        (local.set $end (i32.add (local.get $end) (i32.const 1)))))
    ;; With room for a graph (`out`) and a focus, the check reads the graph only once a line
    ;; names the focus: the dump is read again from its start then, whole (see $hit below).
    (local.set $g
      (i32.and (i32.ne (local.get $out) (i32.const 0))
        (i32.and (i32.eqz (local.get $names)) (i32.eqz (local.get $count)))))
    (loop $restart
     (block $hit
      (local.set $p (local.get $off))
      (local.set $s (local.get $off))
      (block $fail
      (if (local.get $g)
        (then
          ;; The graph's offsets are the decoded text's only when every byte is ASCII.
          (i32.store (local.get $out) (i32.const 0))
          (i32.store offset=8 (local.get $out) (i32.const 0))
          (local.set $i (local.get $off))
          (block $ascii
            (loop $wide
              (br_if $ascii (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $end)))
              (br_if $fail
                (v128.any_true (v128.and (v128.load (local.get $i)) (i8x16.splat (i32.const 128)))))
              (local.set $i (i32.add (local.get $i) (i32.const 16)))
              (br $wide)))
          (block $tail_done
            (loop $tail
              (br_if $tail_done (i32.ge_u (local.get $i) (local.get $end)))
              (br_if $fail (i32.ge_u (i32.load8_u (local.get $i)) (i32.const 128)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $tail)))))
      (loop $blocks
        ;; A bit per separator (`;` or newline) of the 64 bytes at $p, sixteen bytes at a time
        ;; written out four times (V8 does not inline calls between wasm functions).
        (local.set $v (v128.load (local.get $p)))
        (local.set $mm
          (i64.extend_i32_u
            (i8x16.bitmask
              (v128.or
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 59)))
                (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10)))))))
        (local.set $v (v128.load offset=16 (local.get $p)))
        (local.set $mm
          (i64.or (local.get $mm)
            (i64.shl
              (i64.extend_i32_u
                (i8x16.bitmask
                  (v128.or
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 59)))
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10))))))
              (i64.const 16))))
        (local.set $v (v128.load offset=32 (local.get $p)))
        (local.set $mm
          (i64.or (local.get $mm)
            (i64.shl
              (i64.extend_i32_u
                (i8x16.bitmask
                  (v128.or
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 59)))
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10))))))
              (i64.const 32))))
        (local.set $v (v128.load offset=48 (local.get $p)))
        (local.set $mm
          (i64.or (local.get $mm)
            (i64.shl
              (i64.extend_i32_u
                (i8x16.bitmask
                  (v128.or
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 59)))
                    (i8x16.eq (local.get $v) (i8x16.splat (i32.const 10))))))
              (i64.const 48))))
        (if (i32.lt_u (i32.sub (local.get $end) (local.get $p)) (i32.const 64))
          (then
            (local.set $mm
              (i64.and (local.get $mm)
                (i64.sub
                  (i64.shl (i64.const 1) (i64.extend_i32_u (i32.sub (local.get $end) (local.get $p))))
                  (i64.const 1))))))
        (block $block_done
          (loop $seps
            (br_if $block_done (i64.eqz (local.get $mm)))
            (local.set $pos (i32.add (local.get $p) (i32.wrap_i64 (i64.ctz (local.get $mm)))))
            (local.set $mm (i64.and (local.get $mm) (i64.sub (local.get $mm) (i64.const 1))))
            (local.set $c (i32.load8_u (local.get $pos)))
            (local.set $n (i32.sub (local.get $pos) (local.get $s)))
            ;; The field [s, pos) is field k of its line.
            (block $checked
              (block $reason
                (block $lastcol
                  (block $digit
                    (block $file
                      (block $order
                        (block $name
                          (block $head
                            (br_table
                              $head $name $order $file $digit $digit
                              $name $order $file $digit $digit $reason
                              $head $name $order $file $digit $lastcol
                              (i32.add (local.get $k)
                                (select (i32.const 12) (i32.const 0)
                                  (i32.eq (local.get $last) (i32.const 5))))))
                          ;; head: an empty line, or `Callgraph clone` / `Callgraph removal`.
                          (if (i32.eqz (local.get $n))
                            (then
                              (br_if $fail (i32.ne (local.get $c) (i32.const 10)))
                              (local.set $phys (i32.add (local.get $phys) (i32.const 1)))
                              (local.set $s (i32.add (local.get $pos) (i32.const 1)))
                              (br $seps)))
                          (br_if $fail
                            (i64.ne (i64.load (local.get $s)) (i64.const 0x706172676c6c6143)))
                          (if (i32.eq (local.get $n) (i32.const 15))
                            (then
                              (br_if $fail
                                (i64.ne (i64.load (i32.add (local.get $s) (i32.const 7)))
                                  (i64.const 0x656e6f6c63206870)))
                              (local.set $last (i32.const 11))
                              (br $checked)))
                          (br_if $fail (i32.ne (local.get $n) (i32.const 17)))
                          (br_if $fail
                            (i64.ne (i64.load (i32.add (local.get $s) (i32.const 8)))
                              (i64.const 0x61766f6d65722068)))
                          (br_if $fail
                            (i32.ne (i32.load8_u (i32.add (local.get $s) (i32.const 16)))
                              (i32.const 108)))
                          (local.set $last (i32.const 5))
                          (br $checked))
                        ;; name: not empty past one leading `*`.
                        (br_if $fail (i32.eqz (local.get $n)))
                        (if (i32.eq (i32.load8_u (local.get $s)) (i32.const 42))
                          (then
                            (local.set $s (i32.add (local.get $s) (i32.const 1)))
                            (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                            (br_if $fail (i32.eqz (local.get $n)))))
                        (if (local.get $g)
                          (then
                            (if (i32.lt_u (local.get $k) (i32.const 6))
                              (then (local.set $n1s (local.get $s)) (local.set $n1e (local.get $pos)))
                              (else (local.set $n2s (local.get $s)) (local.set $n2e (local.get $pos))))))
                        (if (local.get $names)
                          (then
                            ;; A name as long as no focus name: no hash.
                            (local.set $h
                              (select (i32.const 255) (local.get $n)
                                (i32.gt_u (local.get $n) (i32.const 255))))
                            (br_if $checked
                              (i32.eqz
                                (i32.and
                                  (i32.load8_u
                                    (i32.add (local.get $names) (i32.shr_u (local.get $h) (i32.const 3))))
                                  (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7))))))
                            ;; $hash and $member written out: V8 (Node 20) does not inline calls
                            ;; between wasm functions, and these run at every name field.
                            (local.set $x (i64.extend_i32_u (local.get $n)))
                            (local.set $i (i32.const 0))
                            (loop $chunk
                              (local.set $w (i64.load (i32.add (local.get $s) (local.get $i))))
                              (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 8))
                                (then
                                  (local.set $w
                                    (i64.and (local.get $w)
                                      (i64.sub
                                        (i64.shl (i64.const 1)
                                          (i64.extend_i32_u
                                            (i32.shl (i32.sub (local.get $n) (local.get $i))
                                              (i32.const 3))))
                                        (i64.const 1))))))
                              (local.set $x
                                (i64.rotl
                                  (i64.mul (i64.xor (local.get $x) (local.get $w))
                                    (i64.const 0x9E3779B97F4A7C15))
                                  (i64.const 31)))
                              (local.set $i (i32.add (local.get $i) (i32.const 8)))
                              (br_if $chunk (i32.lt_u (local.get $i) (local.get $n))))
                            (local.set $x
                              (i64.mul
                                (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 29)))
                                (i64.const 0xD6E8FEB86659FD93)))
                            (local.set $h (i32.wrap_i64 (i64.shr_u (local.get $x) (local.get $shift1))))
                            (if (i32.and
                                  (i32.load8_u (i32.shr_u (local.get $h) (i32.const 3)))
                                  (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7))))
                              (then
                                (local.set $h
                                  (i32.and (i32.wrap_i64 (i64.shr_u (local.get $x) (local.get $shift2)))
                                    (local.get $mask)))
                                (br_if $hit
                                  (i32.and
                                    (i32.load8_u (i32.shr_u (local.get $h) (i32.const 3)))
                                    (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7)))))))))
                        (br $checked))
                      ;; order: digits only.
                      (br_if $fail (i32.eqz (local.get $n)))
                      (local.set $i (local.get $s))
                      (local.set $val (i32.const 0))
                      (loop $digits
                        (local.set $h (i32.sub (i32.load8_u (local.get $i)) (i32.const 48)))
                        (br_if $fail (i32.gt_u (local.get $h) (i32.const 9)))
                        (local.set $val (i32.add (i32.mul (local.get $val) (i32.const 10)) (local.get $h)))
                        (local.set $i (i32.add (local.get $i) (i32.const 1)))
                        (br_if $digits (i32.lt_u (local.get $i) (local.get $pos))))
                      (if (local.get $g)
                        (then
                          ;; Past nine digits the number may not fit: the full scan reads it.
                          (br_if $fail (i32.gt_u (local.get $n) (i32.const 9)))
                          (if (i32.lt_u (local.get $k) (i32.const 6))
                            (then (local.set $o1 (local.get $val)))
                            (else (local.set $o2 (local.get $val))))))
                      (br $checked))
                    ;; file: not empty.
                    (br_if $fail (i32.eqz (local.get $n)))
                    (if (local.get $g)
                      (then
                        (if (i32.lt_u (local.get $k) (i32.const 6))
                          (then (local.set $f1s (local.get $s)) (local.set $f1e (local.get $pos)))
                          (else (local.set $f2s (local.get $s)) (local.set $f2e (local.get $pos))))))
                    (if (local.get $count)
                      (then
                        ;; Ends with `/`, `\`, `/.`, `\.` or `..`: normalizing may drop that.
                        (local.set $h (i32.load8_u (i32.sub (local.get $pos) (i32.const 1))))
                        (br_if $hit
                          (i32.or (i32.eq (local.get $h) (i32.const 47)) (i32.eq (local.get $h) (i32.const 92))))
                        (if (i32.eq (local.get $h) (i32.const 46))
                          (then
                            (local.set $h (i32.load8_u (i32.sub (local.get $pos) (i32.const 2))))
                            (br_if $hit
                              (i32.or
                                (i32.or (i32.eq (local.get $h) (i32.const 47))
                                  (i32.eq (local.get $h) (i32.const 92)))
                                (i32.eq (local.get $h) (i32.const 46))))))
                        ;; Its third-last byte ends no base: none of their hashes can match (a
                        ;; base shorter than three bytes sets every bit of `tails`).
                        (local.set $h (i32.load8_u (i32.sub (local.get $pos) (i32.const 3))))
                        (br_if $checked
                          (i32.eqz
                            (i32.and
                              (i32.load8_u
                                (i32.add (local.get $tails) (i32.shr_u (local.get $h) (i32.const 3))))
                              (i32.shl (i32.const 1) (i32.and (local.get $h) (i32.const 7))))))
                        ;; Its last L bytes, for each base name length L.
                        (local.set $j (i32.const 0))
                        (loop $length
                          (local.set $l (i32.load8_u (i32.add (local.get $lengths) (local.get $j))))
                          (br_if $hit
                            (call $member (local.get $bases)
                              (call $hash (i32.sub (local.get $pos) (local.get $l)) (local.get $l))
                              (local.get $shift1) (local.get $shift2) (local.get $mask)))
                          (local.set $j (i32.add (local.get $j) (i32.const 1)))
                          (br_if $length (i32.lt_u (local.get $j) (local.get $count))))))
                    (br $checked))
                  ;; line or column: starts with a digit.
                  (br_if $fail (i32.eqz (local.get $n)))
                  (br_if $fail
                    (i32.gt_u (i32.sub (i32.load8_u (local.get $s)) (i32.const 48)) (i32.const 9)))
                  (if (i32.and (local.get $g)
                        (i32.or (i32.eq (local.get $k) (i32.const 4)) (i32.eq (local.get $k) (i32.const 9))))
                    (then
                      ;; A line: its leading digits (what follows them is not read).
                      (local.set $val (i32.const 0))
                      (local.set $i (local.get $s))
                      (block $number
                        (loop $more
                          (br_if $number (i32.ge_u (local.get $i) (local.get $pos)))
                          (local.set $h (i32.sub (i32.load8_u (local.get $i)) (i32.const 48)))
                          (br_if $number (i32.gt_u (local.get $h) (i32.const 9)))
                          (br_if $fail (i32.ge_u (i32.sub (local.get $i) (local.get $s)) (i32.const 9)))
                          (local.set $val (i32.add (i32.mul (local.get $val) (i32.const 10)) (local.get $h)))
                          (local.set $i (i32.add (local.get $i) (i32.const 1)))
                          (br $more)))
                      (if (i32.eq (local.get $k) (i32.const 4))
                        (then (local.set $l1 (local.get $val)))
                        (else (local.set $l2 (local.get $val))))))
                  (br $checked))
                ;; a removal's column: starts with a digit, ends with no carriage return.
                (br_if $fail (i32.eqz (local.get $n)))
                (br_if $fail
                  (i32.gt_u (i32.sub (i32.load8_u (local.get $s)) (i32.const 48)) (i32.const 9)))
                (br_if $fail
                  (i32.eq (i32.load8_u (i32.sub (local.get $pos) (i32.const 1))) (i32.const 13)))
                (br $checked))
              ;; a clone's reason: not empty, ends with no carriage return.
              (br_if $fail (i32.eqz (local.get $n)))
              (local.set $rs (local.get $s))
              (br_if $fail
                (i32.eq (i32.load8_u (i32.sub (local.get $pos) (i32.const 1))) (i32.const 13))))
            ;; The separator: a newline must end the last field, a `;` any other.
            (if (i32.eq (local.get $c) (i32.const 10))
              (then
                (br_if $fail (i32.ne (local.get $k) (local.get $last)))
                (local.set $phys (i32.add (local.get $phys) (i32.const 1)))
                (if (local.get $g)
                  (then
                    (local.set $id1
                      (call $node (local.get $out) (local.get $edges) (local.get $orders)
                        (local.get $files) (local.get $stamp) (local.get $n1s) (local.get $n1e) (local.get $o1)
                        (local.get $f1s) (local.get $f1e) (local.get $l1) (i32.const 0)))
                    (br_if $fail (i32.lt_s (local.get $id1) (i32.const 0)))
                    (if (i32.eq (local.get $last) (i32.const 5))
                      (then
                        ;; A removal marks its node.
                        (i32.store offset=40
                          (i32.add (local.get $out) (i32.shl (local.get $id1) (i32.const 5)))
                          (i32.const 1)))
                      (else
                        ;; `inlining to`: the edge's reason 0, and the new node is the caller that
                        ;; exists; any other reason creates the clone, whose order is new then.
                        (local.set $j
                          (i32.and
                            (i32.eq (i32.sub (local.get $pos) (local.get $rs)) (i32.const 11))
                            (i32.and
                              (i64.eq (i64.load (local.get $rs)) (i64.const 0x676e696e696c6e69))
                              (i32.eq
                                (i32.and (i32.load offset=8 (local.get $rs)) (i32.const 0xffffff))
                                (i32.const 0x6f7420)))))
                        (local.set $id2
                          (call $node (local.get $out) (local.get $edges) (local.get $orders)
                            (local.get $files) (local.get $stamp) (local.get $n2s) (local.get $n2e) (local.get $o2)
                            (local.get $f2s) (local.get $f2e) (local.get $l2) (i32.eqz (local.get $j))))
                        (br_if $fail (i32.lt_s (local.get $id2) (i32.const 0)))
                        (local.set $r (i32.add (local.get $edges) (i32.mul (local.get $ne) (i32.const 24))))
                        (br_if $fail (i32.gt_u (i32.add (local.get $r) (i32.const 24)) (local.get $cap)))
                        (i32.store (local.get $r) (local.get $id1))
                        (i32.store offset=4 (local.get $r) (local.get $id2))
                        (i32.store offset=8 (local.get $r) (select (i32.const 0) (local.get $rs) (local.get $j)))
                        (i32.store offset=12 (local.get $r) (local.get $pos))
                        (i32.store offset=16 (local.get $r) (local.get $phys))
                        (local.set $ne (i32.add (local.get $ne) (i32.const 1)))))))
                (local.set $lines (i32.add (local.get $lines) (i32.const 1)))
                (local.set $k (i32.const 0))
                (local.set $last (i32.const 0)))
              (else
                (br_if $fail (i32.eq (local.get $k) (local.get $last)))
                (local.set $k (i32.add (local.get $k) (i32.const 1)))))
            (local.set $s (i32.add (local.get $pos) (i32.const 1)))
            (br $seps)))
        (local.set $p (i32.add (local.get $p) (i32.const 64)))
        (br_if $blocks (i32.lt_u (local.get $p) (local.get $end))))
      (if (local.get $g) (then (i32.store offset=4 (local.get $out) (local.get $ne))))
      (if (local.get $out) (then (i32.store offset=12 (local.get $out) (local.get $g))))
      (return (local.get $lines)))
      (return (i32.const -1)))
    ;; A line names a focus symbol or file: without room for a graph the full scan reads the
    ;; dump; with it, the check reads it again as a graph, the focus no longer looked for.
    (if (i32.eqz (local.get $out)) (then (return (i32.const -1))))
    (local.set $g (i32.const 1))
    (local.set $names (i32.const 0))
    (local.set $count (i32.const 0))
    (local.set $k (i32.const 0))
    (local.set $last (i32.const 0))
    (local.set $lines (i32.const 0))
    (local.set $phys (i32.const 0))
    (local.set $ne (i32.const 0))
    (br $restart))
    (unreachable))

  ;; The graph's node of a line's `name;order;file;line` (offsets and numbers), or -1 where the
  ;; full scan must read the dump. Nodes are 32-byte records from `out` + 16 (order, name start and
  ;; end, file start and end, line, removed, file), their count at `out`; below `lim`. Files are
;; numbered in the order new nodes name them (see $file), their count at `out` + 8. A node is its
  ;; order: `orders` holds per order the `stamp` of the dump that met it and its node, so a dump
  ;; needs no clearing. One order must keep the name and file it was first met with (GCC gives
  ;; every symbol its own order), and a clone's creating line (`creates`) must be its order's
  ;; first: a dump that breaks either is read by the full scan, which words the finding.
  (func $node (param $out i32) (param $lim i32) (param $orders i32) (param $files i32)
    (param $stamp i32)
    (param $ns i32) (param $ne i32) (param $o i32) (param $fs i32) (param $fe i32) (param $line i32)
    (param $creates i32) (result i32)
    (local $e i32) (local $id i32) (local $r i32)
    (if (i32.ge_u (local.get $o) (i32.const 131072)) (then (return (i32.const -1))))
    (local.set $e (i32.add (local.get $orders) (i32.shl (local.get $o) (i32.const 3))))
    (if (i32.eq (i32.load (local.get $e)) (local.get $stamp))
      (then
        (if (local.get $creates) (then (return (i32.const -1))))
        (local.set $id (i32.load offset=4 (local.get $e)))
        (local.set $r (i32.add (local.get $out) (i32.shl (local.get $id) (i32.const 5))))
        (if (i32.eqz
              (call $same (i32.load offset=20 (local.get $r)) (i32.load offset=24 (local.get $r))
                (local.get $ns) (local.get $ne)))
          (then (return (i32.const -1))))
        (if (i32.eqz
              (call $same (i32.load offset=28 (local.get $r)) (i32.load offset=32 (local.get $r))
                (local.get $fs) (local.get $fe)))
          (then (return (i32.const -1))))
        (return (local.get $id))))
    (local.set $id (i32.load (local.get $out)))
    (local.set $r (i32.add (local.get $out) (i32.shl (local.get $id) (i32.const 5))))
    (if (i32.gt_u (i32.add (local.get $r) (i32.const 48)) (local.get $lim))
      (then (return (i32.const -1))))
    (local.set $e (call $file (local.get $out) (local.get $files) (local.get $stamp)
      (local.get $fs) (local.get $fe)))
    (if (i32.lt_s (local.get $e) (i32.const 0)) (then (return (i32.const -1))))
    (i32.store offset=44 (local.get $r) (local.get $e))
    (local.set $e (i32.add (local.get $orders) (i32.shl (local.get $o) (i32.const 3))))
    (i32.store offset=16 (local.get $r) (local.get $o))
    (i32.store offset=20 (local.get $r) (local.get $ns))
    (i32.store offset=24 (local.get $r) (local.get $ne))
    (i32.store offset=28 (local.get $r) (local.get $fs))
    (i32.store offset=32 (local.get $r) (local.get $fe))
    (i32.store offset=36 (local.get $r) (local.get $line))
    (i32.store offset=40 (local.get $r) (i32.const 0))
    (i32.store (local.get $e) (local.get $stamp))
    (i32.store offset=4 (local.get $e) (local.get $id))
    (i32.store (local.get $out) (i32.add (local.get $id) (i32.const 1)))
    (local.get $id))

  ;; The number of the file spelled [fs, fe): the next one (its count at `out` + 8) if no node of
  ;; this dump named it yet. `files` is a table of 8,192 entries of 32 bytes (the dump's `stamp`,
  ;; the spelling's hash, its number, its start and end), probed linearly from its hash; at 6,144
  ;; files it is full enough: -1, the full scan reads the dump.
  (func $file (param $out i32) (param $files i32) (param $stamp i32) (param $fs i32) (param $fe i32)
    (result i32)
    (local $h i32) (local $slot i32) (local $e i32) (local $id i32) (local $x i64)
    (local.set $x (call $hash (local.get $fs) (i32.sub (local.get $fe) (local.get $fs))))
    (local.set $h (i32.wrap_i64 (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const 32)))))
    (local.set $slot (i32.and (local.get $h) (i32.const 8191)))
    (loop $probe
      (local.set $e (i32.add (local.get $files) (i32.shl (local.get $slot) (i32.const 5))))
      (if (i32.ne (i32.load (local.get $e)) (local.get $stamp))
        (then
          (local.set $id (i32.load offset=8 (local.get $out)))
          (if (i32.ge_u (local.get $id) (i32.const 6144)) (then (return (i32.const -1))))
          (i32.store (local.get $e) (local.get $stamp))
          (i32.store offset=4 (local.get $e) (local.get $h))
          (i32.store offset=8 (local.get $e) (local.get $id))
          (i32.store offset=12 (local.get $e) (local.get $fs))
          (i32.store offset=16 (local.get $e) (local.get $fe))
          (i32.store offset=8 (local.get $out) (i32.add (local.get $id) (i32.const 1)))
          (return (local.get $id))))
      (if (i32.eq (i32.load offset=4 (local.get $e)) (local.get $h))
        (then
          (if (call $same (i32.load offset=12 (local.get $e)) (i32.load offset=16 (local.get $e))
                (local.get $fs) (local.get $fe))
            (then (return (i32.load offset=8 (local.get $e)))))))
      (local.set $slot (i32.and (i32.add (local.get $slot) (i32.const 1)) (i32.const 8191)))
      (br $probe))
    (i32.const -1))

  ;; Whether bytes [a, ae) and [b, be) are equal, eight at a time (reads up to 7 bytes past each).
  (func $same (param $a i32) (param $ae i32) (param $b i32) (param $be i32) (result i32)
    (local $n i32) (local $i i32) (local $x i64)
    (local.set $n (i32.sub (local.get $ae) (local.get $a)))
    (if (i32.ne (local.get $n) (i32.sub (local.get $be) (local.get $b)))
      (then (return (i32.const 0))))
    (block $done
      (loop $word
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x
          (i64.xor (i64.load (i32.add (local.get $a) (local.get $i)))
            (i64.load (i32.add (local.get $b) (local.get $i)))))
        (if (i32.lt_u (i32.sub (local.get $n) (local.get $i)) (i32.const 8))
          (then
            (local.set $x
              (i64.and (local.get $x)
                (i64.sub
                  (i64.shl (i64.const 1)
                    (i64.extend_i32_u (i32.shl (i32.sub (local.get $n) (local.get $i)) (i32.const 3))))
                  (i64.const 1))))))
        (br_if $done (i64.ne (local.get $x) (i64.const 0)))
        (local.set $i (i32.add (local.get $i) (i32.const 8)))
        (br $word)))
    (i32.ge_u (local.get $i) (local.get $n))))

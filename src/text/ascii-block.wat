;; Plain-ASCII log blocks, neutralised in place: SGR colour sequences (ESC [ then at most 60 of
;; 0-9 : ; then m) removed, anything else that is not printable ASCII or LF refused (-1), so the
;; general path decides. Sixteen bytes at a time (SIMD) find the next byte that needs a look.
(module
  (memory (export "memory") 1)

  ;; The first byte at or after $i, below $len, that is not printable ASCII or LF; $len if none.
  (func $next (param $i i32) (param $len i32) (result i32)
    (local $v v128) (local $b i32)
    (block $tail
      (loop $vector
        (br_if $tail (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $len)))
        (local.set $v (v128.load (local.get $i)))
        (local.set $b
          (i8x16.bitmask
            (v128.or
              (v128.and
                (i8x16.lt_u (local.get $v) (v128.const i8x16 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20 0x20))
                (i8x16.ne (local.get $v) (v128.const i8x16 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a 0x0a)))
              (i8x16.gt_u (local.get $v) (v128.const i8x16 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e 0x7e)))))
        (if (local.get $b) (then (return (i32.add (local.get $i) (i32.ctz (local.get $b))))))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $vector)))
    (block $end
      (loop $byte
        (br_if $end (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (local.get $i)))
        (if (i32.or
              (i32.and (i32.lt_u (local.get $b) (i32.const 0x20)) (i32.ne (local.get $b) (i32.const 0x0a)))
              (i32.gt_u (local.get $b) (i32.const 0x7e)))
          (then (return (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $byte)))
    (local.get $len))

  ;; Neutralises the $len bytes at 0 in place; returns their new length, or -1 when a byte other
  ;; than a complete colour sequence is not printable ASCII or LF.
  (func (export "stripColour") (param $len i32) (result i32)
    (local $read i32) (local $write i32) (local $at i32) (local $p i32)
    (loop $runs
      (local.set $at (call $next (local.get $read) (local.get $len)))
      (if (i32.ne (local.get $read) (local.get $write))
        (then (memory.copy (local.get $write) (local.get $read) (i32.sub (local.get $at) (local.get $read)))))
      (local.set $write (i32.add (local.get $write) (i32.sub (local.get $at) (local.get $read))))
      (if (i32.ge_u (local.get $at) (local.get $len)) (then (return (local.get $write))))
      ;; ESC [
      (if (i32.ne (i32.load8_u (local.get $at)) (i32.const 0x1b)) (then (return (i32.const -1))))
      (local.set $p (i32.add (local.get $at) (i32.const 1)))
      (if (i32.ge_u (local.get $p) (local.get $len)) (then (return (i32.const -1))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x5b)) (then (return (i32.const -1))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      ;; parameters 0-9 : ; (0x30..0x3b)
      (block $done
        (loop $params
          (br_if $done (i32.ge_u (local.get $p) (local.get $len)))
          (br_if $done (i32.gt_u (i32.sub (i32.load8_u (local.get $p)) (i32.const 0x30)) (i32.const 0x0b)))
          (local.set $p (i32.add (local.get $p) (i32.const 1)))
          (br $params)))
      ;; at most 60 of them, then m
      (if (i32.gt_u (i32.sub (local.get $p) (local.get $at)) (i32.const 62)) (then (return (i32.const -1))))
      (if (i32.ge_u (local.get $p) (local.get $len)) (then (return (i32.const -1))))
      (if (i32.ne (i32.load8_u (local.get $p)) (i32.const 0x6d)) (then (return (i32.const -1))))
      (local.set $read (i32.add (local.get $p) (i32.const 1)))
      (br $runs))
    (i32.const -1)))

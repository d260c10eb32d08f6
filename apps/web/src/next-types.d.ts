// Next's ambient types without next-env.d.ts: that generated file imports .next/types/*,
// which does not exist before the first build/dev run, so `tsc` on a fresh clone would fail.
/// <reference types="next" />
/// <reference types="next/image-types/global" />

// Tests only, preloaded with `node --import`: moves this process's wall clock (Date.now(), new
// Date()) by LINKS_TEST_CLOCK_SKEW_MS, as on a server whose clock is wrong. Monotonic clocks stay.
const skew = Number(process.env.LINKS_TEST_CLOCK_SKEW_MS ?? 0);
const RealDate = Date;

class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + skew);
    else super(...args);
  }

  static now() {
    return RealDate.now() + skew;
  }
}

globalThis.Date = SkewedDate;

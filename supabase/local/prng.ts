/** Seeded randomness for the demo data and the sandbox's dialer: the same seed gives the same data everywhere. */

/** mulberry32: small, fast, good enough for demo data and simulated calls, identical on every platform. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const some = <T>(xs: readonly T[], min: number, max: number): T[] => {
    const pool = [...xs];
    const out: T[] = [];
    for (let n = int(min, Math.min(max, pool.length)); n > 0; n--) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
    return out;
  };
  const weighted = <T>(xs: readonly (readonly [T, number])[]): T => {
    let r = next() * xs.reduce((s, [, w]) => s + w, 0);
    for (const [x, w] of xs) if ((r -= w) < 0) return x;
    return xs[xs.length - 1][0];
  };
  return { next, int, pick, some, weighted };
}

/**
 * Normal-distribution numerics for the model-based samplers: erfc (fdlibm's rational approximations,
 * double precision), Φ, Φ⁻¹, a log Gaussian mass that survives the tails, and log expected improvement
 * computed without cancellation far from the incumbent (Ament et al., "Unexpected Improvements to
 * Expected Improvement", 2023), so the acquisition still ranks points where plain EI underflows to 0.
 */

const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2, -5.77027029648944159157e-3, -2.37630166566501626084e-5,
] as const;
const QQ = [
  3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3, 1.32494738004321644526e-4, -3.9602282787753681232e-6,
] as const;
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1, 3.18346619901161753674e-1, -1.10894694282396677476e-1,
  3.54783043256182359371e-2, -2.166375594868790843e-3,
] as const;
const QA = [
  1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2, 1.26171219808761642112e-1, 1.36370839120290507362e-2,
  1.1984499846799107417e-2,
] as const;
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1, -6.23753324503260060396e1, -1.62396669462573470355e2,
  -1.84605092906711035994e2, -8.12874355063065934246e1, -9.81432934416914548592,
] as const;
const SA = [
  1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2, 6.45387271733267880336e2, 4.29008140027567833386e2,
  1.08635005541779435134e2, 6.57024977031928170135, -6.04244152148580987438e-2,
] as const;
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1, -1.60636384855821916062e2, -6.37566443368389627722e2,
  -1.02509513161107724954e3, -4.83519191608651397019e2,
] as const;
const SB = [
  3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3, 3.19985821950859553908e3, 2.55305040643316442583e3,
  4.74528541206955367215e2, -2.24409524465858183362e1,
] as const;

/** Horner evaluation of c0 + c1 s + c2 s² + ... */
function poly(c: readonly number[], s: number): number {
  let r = 0;
  for (let i = c.length - 1; i >= 0; i--) r = r * s + c[i]!;
  return r;
}

/** exp(-x² - 0.5625 + R/S) / x for x >= 1.25: the tail form of erfc shared by both outer ranges. */
function erfcTail(x: number): number {
  const s = 1 / (x * x);
  const [r, q] = x < 1 / 0.35 ? [poly(RA, s), 1 + s * poly(SA, s)] : [poly(RB, s), 1 + s * poly(SB, s)];
  return (Math.exp(-x * x - 0.5625) * Math.exp(r / q)) / x;
}

/** Complementary error function with full relative precision in the upper tail (until underflow at x ≈ 27). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -56) return 1 - x;
    const z = x * x;
    const y = poly(PP, z) / (1 + z * poly(QQ, z));
    return x < 0.25 ? 1 - (x + x * y) : 0.5 - (x - 0.5 + x * y);
  }
  if (a < 1.25) {
    const s = a - 1;
    const pq = poly(PA, s) / (1 + s * poly(QA, s));
    return x >= 0 ? 1 - ERX - pq : 1 + ERX + pq;
  }
  if (a >= 28) return x > 0 ? 0 : 2;
  const t = erfcTail(a);
  return x > 0 ? t : 2 - t;
}

/** Error function (used only where |x| is moderate; tails go through erfc). */
export function erf(x: number): number {
  const a = Math.abs(x);
  if (a < 0.84375) {
    if (a < 2 ** -28) return x + EFX * x;
    const z = x * x;
    return x + (x * poly(PP, z)) / (1 + z * poly(QQ, z));
  }
  return x >= 0 ? 1 - erfc(x) : erfc(-x) - 1;
}

const SQRT1_2 = Math.SQRT1_2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal CDF. */
export function normCdf(z: number): number {
  return 0.5 * erfc(-z * SQRT1_2);
}

/** Standard normal density. */
export function normPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
}

export function normLogPdf(z: number): number {
  return -0.5 * z * z - LOG_SQRT_2PI;
}

const ICDF_A = [
  -3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239,
] as const;
const ICDF_B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const ICDF_C = [
  -7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783,
] as const;
const ICDF_D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;

/** Rational approximation in the lower tail, coefficients highest power first. */
function hornerHigh(c: readonly number[], q: number): number {
  let r = 0;
  for (const v of c) r = r * q + v;
  return r;
}

/** Inverse standard normal CDF (Acklam's approximation plus one Halley step on erfc: ~1e-15 relative). */
export function normIcdf(p: number): number {
  if (!(p > 0)) return p === 0 ? -Infinity : NaN;
  if (!(p < 1)) return p === 1 ? Infinity : NaN;
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = hornerHigh(ICDF_C, q) / (hornerHigh(ICDF_D, q) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    x = -hornerHigh(ICDF_C, q) / (hornerHigh(ICDF_D, q) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    x = (hornerHigh(ICDF_A, r) * q) / (hornerHigh(ICDF_B, r) * r + 1);
  }
  // Halley refinement; in the upper half work with the complement so precision is not lost near 1.
  const e = x <= 0 ? normCdf(x) - p : 1 - p - normCdf(-x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp(0.5 * x * x);
  return x - u / (1 + 0.5 * x * u);
}

/** log Φ(z), accurate for very negative z (Mills-ratio continued fraction below -5). */
export function logNormCdf(z: number): number {
  if (z > -5) return Math.log(normCdf(z));
  const x = -z;
  return normLogPdf(x) + Math.log(millsRatio(x));
}

/** R(x) = Φ(-x)/φ(x) for x >= 3 by its continued fraction, evaluated backwards. */
function millsRatio(x: number): number {
  return 1 / (x + tailFraction(x));
}

/** T(x) = 1/(x + 2/(x + 3/(x + ...))), so that 1/R(x) = x + T(x) with no cancellation. */
function tailFraction(x: number): number {
  let t = 0;
  for (let k = 120; k >= 2; k--) t = k / (x + t);
  return 1 / (x + t);
}

/** log of the standard normal mass on [a, b] (a <= b), stable in either tail. */
export function logGaussMass(a: number, b: number): number {
  if (b <= 0) {
    // Both in the lower tail: Φ(b) - Φ(a) = Φ(b)(1 - Φ(a)/Φ(b)).
    const lb = logNormCdf(b);
    const la = logNormCdf(a);
    return la === -Infinity ? lb : lb + Math.log1p(-Math.exp(la - lb));
  }
  if (a >= 0) return logGaussMass(-b, -a);
  // Straddling zero: the mass is at least min(Φ(b) - 1/2, 1/2 - Φ(a)) and no cancellation matters.
  return Math.log(1 - normCdf(a) - normCdf(-b));
}

/**
 * log h(z) where h(z) = φ(z) + zΦ(z) is expected improvement per unit σ at standardised improvement z.
 * Direct above z = -3; below, h(-x) = φ(x)·R(x)·T(x) with R the Mills ratio and T its continued-fraction
 * tail, which is cancellation-free for every x (plain EI loses all digits past z ≈ -8 and is 0 past -38).
 */
export function logH(z: number): number {
  if (z > -3) return Math.log(normPdf(z) + z * normCdf(z));
  const x = -z;
  const t = tailFraction(x);
  return normLogPdf(x) - Math.log(x + t) + Math.log(t);
}

/** log EI for minimisation at predictive mean mu, sd sigma, incumbent best. */
export function logEI(mu: number, sigma: number, best: number): number {
  return Math.log(sigma) + logH((best - mu) / sigma);
}

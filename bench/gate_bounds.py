"""Reference values for src/core/gate/spending.ts, computed independently of it with scipy.

One-sided group-sequential boundaries c_1..c_K for a standardised statistic looked at after information fractions
t_1 < ... < t_K = 1, from a Lan-DeMets alpha-spending function: the chance of crossing at look k for the first time,
under no drift, is alpha(t_k) - alpha(t_{k-1}). Here that chance is taken from the joint normal of (Z_1, ..., Z_k)
(corr(Z_i, Z_j) = sqrt(t_i / t_j)) with scipy's multivariate_normal.cdf, and each c_k is solved with brentq: a
different method from the TypeScript's recursive integration (Armitage, McPherson & Rowe 1969).

Usage: /usr/bin/python3 bench/gate_bounds.py ALPHA SPENDING T1 T2 ... 1
  SPENDING: pocock | obf | hsd:GAMMA (Hwang, Shih & DeCani 1990: alpha (1 - e^(-gamma t)) / (1 - e^(-gamma)))
Prints the boundaries (z) and their nominal one-sided levels 1 - Phi(c_k).
"""

import math
import sys

import numpy as np
from scipy.optimize import brentq
from scipy.stats import norm
from scipy.stats._multivariate import multivariate_normal_frozen as multivariate_normal


# Genz's algorithm is randomised: ask for far more accuracy than the 4 decimals the tests compare, with a fixed seed.
PRECISION = {"abseps": 1e-9, "releps": 1e-9, "maxpts": 10**7, "seed": 1}


def spent(spending, alpha, t):
    if t <= 0:
        return 0.0
    if t >= 1:
        return alpha
    if spending == "pocock":
        return alpha * math.log(1 + (math.e - 1) * t)
    if spending == "obf":
        return 2 * norm.sf(norm.isf(alpha / 2) / math.sqrt(t))
    if spending.startswith("hsd:"):
        g = float(spending[4:])
        return alpha * t if g == 0 else alpha * (1 - math.exp(-g * t)) / (1 - math.exp(-g))
    raise SystemExit(f"unknown spending {spending!r}")


def bounds(alpha, fractions, spending):
    cs = []
    previous = 0.0
    for k, t in enumerate(fractions):
        target = spent(spending, alpha, t) - spent(spending, alpha, previous)
        if k == 0:
            cs.append(norm.isf(target))
        else:
            ts = fractions[: k + 1]
            cov = np.array([[math.sqrt(min(a, b) / max(a, b)) for b in ts] for a in ts])
            below_before = multivariate_normal(np.zeros(k), cov[:k, :k], **PRECISION).cdf(np.array(cs))
            joint = multivariate_normal(np.zeros(k + 1), cov, **PRECISION)

            def excess(c):
                # P(below every earlier boundary, above c now) - target
                below_all = joint.cdf(np.array(cs + [c]))
                return (below_before - below_all) - target

            cs.append(brentq(excess, -5, 12, xtol=1e-7))
        previous = t
    return cs


if __name__ == "__main__":
    alpha = float(sys.argv[1])
    spending = sys.argv[2]
    fractions = [float(eval(x)) for x in sys.argv[3:]]
    cs = bounds(alpha, fractions, spending)
    print("z:     " + ", ".join(f"{c:.4f}" for c in cs))
    print("level: " + ", ".join(f"{norm.sf(c):.5f}" for c in cs))

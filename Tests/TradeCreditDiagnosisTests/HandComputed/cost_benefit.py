"""Hand computation of the cost/benefit ledger of CostBenefitTests, written from Documentation/Domain.md before the
engine: average outstanding = sales x (terms + days beyond terms) / period days, prior PD = logistic(logit(1.5 %) +
country shift + sector shift), loss = outstanding x LGD 0.8, indemnity = loss x 90 % - deductible (nothing at or under
the claims threshold), retained = loss - indemnity."""
from math import exp, log

period = 365                       # 2026-01-01 .. 2027-01-01
ead = {"A": 365_000 * 60 / period,  # paid on the due date
       "B": 73_000 * (30 + 30) / period,  # 30 days terms, paid 30 days late
       "C": 36_500 * 10 / period}   # individual, 10 days
logit = lambda p: log(p / (1 - p))
logistic = lambda x: 1 / (1 + exp(-x))
pd = {"A": logistic(logit(0.015) + 0.5),   # FR category 0, construction F +0.5
      "B": logistic(logit(0.015) + 0.15),  # DE category 0, trade G +0.15
      "C": 0.015}                          # no sector
loss = {k: v * 0.8 for k, v in ead.items()}
for deductible in (0, 500):
    indemnity = {"A": max(0, loss["A"] * 0.9 - deductible), "B": max(0, loss["B"] * 0.9 - deductible), "C": 0}
    retained = {k: loss[k] - indemnity[k] for k in loss}
    el = sum(pd[k] * loss[k] for k in loss)
    el_ret = sum(pd[k] * retained[k] for k in loss)
    print(f"deductible {deductible}: EAD {ead} PD {pd}")
    print(f"  loss {loss} indemnity {indemnity} retained {retained}")
    print(f"  EL {el:.6f} EL retained {el_ret:.6f}")

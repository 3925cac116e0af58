#!/usr/bin/env python3
# Run: python3 Tests/TradeCreditRiskTests/Fixtures/scoring/hand_computed.py
# Prints the literals pasted into Scoring/ScoringTableTests.swift, computed from the rules as documented, not from the Swift code.
# Independent hand computation of the scoring cases (DOMAIN.md §3 rules, illustrative tables).
from math import log, exp, sqrt
def logit(p): return log(p/(1-p))
def logistic(x): return 1/(1+exp(-x))
ref = logit(0.01)
def w(rel, age): return rel * 0.5**(age/180)
def conf(W, s): return W/(W+0.5) * 1/(1+s/1.0)
bounds=[0.0005,0.001,0.002,0.004,0.008,0.016,0.032,0.064]
def grade(p):
    for i,b in enumerate(bounds):
        if p<=b: return i+1
    return 9
def show(name, srcs, adj, floor=0.0003):
    W=sum(x[0] for x in srcs)
    L=sum(x[0]*logit(x[1]) for x in srcs)/W
    s=sqrt(sum(x[0]*(logit(x[1])-L)**2 for x in srcs)/W)
    Lf=L+sum(adj)
    p=logistic(Lf)
    fl=None
    if p<floor: fl=logit(floor)-Lf; p=floor
    print(name)
    print("  weights", [repr(x[0]) for x in srcs], "W", repr(W))
    print("  L", repr(L), "spread", repr(s), "Lfinal", repr(Lf))
    print("  contributions", [repr(x[0]/W*(logit(x[1])-ref)) for x in srcs], "floor", fl)
    print("  pd", repr(p), "grade", grade(p), "confidence", repr(conf(W,s)))
# Case A: creditsafe score 60 (PD 0.004) rated 90 days before; F, 10 y, cat 0, DBT 20, 0 overdues, share 0.25
show("A", [(w(0.8,90),0.004)], [0, 0.5, 0, 0.35, 0, 0.2])
# Case B: creditsafe 60 (0.004) 30 days; dnb class 3 (0.015) 200 days; C, cat 3, age 1y, DBT 0, overdues 2, share 0.05
show("B", [(w(0.8,30),0.004),(w(0.8,200),0.015)], [0.25, 0.1, 0.35, 0, 0.7, 0])
# Case C: creditsafe 80 (0.0003) today, O public admin (-0.3), cat 0, age 30y, DBT 0, 0, 0 -> floor
show("C", [(w(0.8,0),0.0003)], [0, -0.3, 0, 0, 0, 0])
# Case D: file source (0.7) banque-de-france 4 (0.012) 365 days (kept); unknown source 'acme' rel 0.5 dnb class 2 (0.003) 10 days; no factors
show("D", [(w(0.7,365),0.012),(w(0.5,10),0.003)], [])
# Altman Z'' and Z on the example statements (amounts in EUR)
TA,WC,RE,EBIT,BE,TL,S,ME=1_000_000,150_000,200_000,80_000,400_000,600_000,1_500_000,900_000
x1,x2,x3,x4=WC/TA,RE/TA,EBIT/TA,BE/TL
zpp=6.56*x1+3.26*x2+6.72*x3+1.05*x4
z=1.2*x1+1.4*x2+3.3*x3+0.6*(ME/TL)+1.0*(S/TA)
print("Z''", repr(zpp), "Z", repr(z))
# Case E: Altman Z'' (PD 0.005, band 2.6..4.0) statements 120 days old rel 0.6 + creditsafe 40 (0.02) 60 days; G, cat 2, 5y
show("E", [(w(0.8,60),0.02),(w(0.6,120),0.005)], [0.1, 0.15, 0, 0, 0, 0])
# Case F: in default (Banque de France P from 'file', 30 days) + creditsafe 80 today: confidence = W/(W+0.5)
Wf = w(0.7,30) + w(0.8,0)
print("F W", repr(Wf), "confidence", repr(Wf/(Wf+0.5)))

import Foundation
import PropertyBased
import Testing
import TradeCreditModel
import TradeCreditRisk

/// Random capacity data for one decision.
private struct CapacityCase: Sendable, CustomStringConvertible {
    var requestedCents: Int
    var perBuyerMaximum: Int
    var gradeCaps: [Int]        // grades 1…7
    var suggested: Int?         // units; nil: no suggestion
    var equity: Int?            // units, may be negative; nil: no financials
    var stepIndex: Int

    static let steps = ["0.01", "1", "250", "1000", "2500", "100000"]
    var step: Money { try! Money(parsing: Self.steps[stepIndex], currency: .EUR) }

    var description: String {
        "requested \(requestedCents) c, max \(perBuyerMaximum), caps \(gradeCaps), suggested \(suggested.map(String.init) ?? "-"), "
            + "equity \(equity.map(String.init) ?? "-"), step \(Self.steps[stepIndex])"
    }

    static let generator = zip(
        Gen.int(in: 1...600_000_000), Gen.int(in: 1...5_000_000), Gen.int(in: 0...5_000_000).array(of: 7),
        Gen.int(in: -1...3_000_000), Gen.int(in: -3_000_000...30_000_000), Gen.bool(), Gen.int(in: 0...5)
    ).map { requested, maximum, caps, suggested, equity, withEquity, step in
        CapacityCase(requestedCents: requested, perBuyerMaximum: maximum, gradeCaps: caps,
                     suggested: suggested < 0 ? nil : suggested, equity: withEquity ? equity : nil, stepIndex: step)
    }
}

@Suite("Limits: properties")
struct LimitPropertyTests {
    /// The granted amount never exceeds the request nor any capacity component, and is a multiple of the step;
    /// the kind agrees with the amounts.
    @Test func grantedNeverExceedsCapacityOrRequest() async {
        await propertyCheck(count: 300, input: CapacityCase.generator, Profile.generator) { capacity, profile in
            var policy = LimitFixture.policy
            policy.underwriting.perBuyerMaximum = Fixture.eur(capacity.perBuyerMaximum)
            policy.underwriting.automaticAuthority = Fixture.eur(10_000_000)
            policy.underwriting.limitStep = capacity.step
            policy.underwriting.gradeCaps = Dictionary(uniqueKeysWithValues: capacity.gradeCaps.enumerated().map { ($0.offset + 1, Fixture.eur($0.element)) })

            var input = profile.input
            input.ratings[0] = Fixture.rating("creditsafe", Fixture.creditsafe, .score(profile.creditsafeScore),
                                              daysOld: profile.creditsafeAge, suggestedLimit: capacity.suggested.map(Fixture.eur))
            input.financialStatements = capacity.equity.map { Fixture.statements(daysOld: 30, equity: $0) }
            let assessment = try BuyerScorer().assess(input)
            let requested = Money.eurCents(capacity.requestedCents)
            let request = try LimitRequest(id: "R", buyerID: "B001", kind: .newLimit, requestedAmount: requested,
                                           requestDate: Fixture.asOf)
            let decision = try LimitUnderwriter(policy: policy).decide(request, for: Fixture.buyer(), assessment: assessment,
                                                                       decisionID: "D", on: Fixture.asOf)
            let granted = decision.grantedAmount
            let grade = try #require(assessment.grade)

            #expect(try granted.compare(to: requested) <= 0)
            #expect(try granted.compare(to: policy.underwriting.perBuyerMaximum) <= 0)
            if grade <= 7 { #expect(try granted.compare(to: Fixture.eur(capacity.gradeCaps[grade - 1])) <= 0) }
            if let suggested = capacity.suggested { #expect(try granted.compare(to: Fixture.eur(suggested)) <= 0) }
            if let equity = capacity.equity {
                let share = try Fixture.eur(max(0, equity)).multiplied(by: Decimal(string: "0.10")!)
                #expect(try granted.compare(to: share) <= 0)
            }
            #expect(try granted.rounded(toMultipleOf: capacity.step, .floor) == granted)
            #expect(!granted.isNegative)

            switch decision.kind {
            case .approved: #expect(granted == requested)
            case .partlyApproved: #expect(try granted.isPositive && granted.compare(to: requested) < 0)
            case .refused: #expect(granted.isZero && (grade >= 8 || decision.limitReasons.contains(.belowLimitStep)))
            case .referred: Issue.record("referred although every grade has a cap and the authority is not reached: \(decision.reasons)")
            default: Issue.record("unexpected kind \(decision.kind)")
            }
        }
    }
}

extension Money {
    /// An amount in euro cents, for generated amounts.
    static func eurCents(_ cents: Int) -> Money {
        try! Money(Decimal(sign: .plus, exponent: -2, significand: Decimal(cents)), .EUR)
    }
}

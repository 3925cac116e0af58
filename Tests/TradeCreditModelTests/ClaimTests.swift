import Foundation
import Testing
@testable import TradeCreditModel

// The states and transitions follow DOMAIN.md §6: notified → filed → under review → approved / partly approved /
// rejected → paid → recovering → closed, plus the exits notified → closed (withdrawn), rejected → closed and
// paid → closed (nothing to recover). Dates and amounts are made up.

private func date(_ text: String) throws -> CalendarDate { try CalendarDate(parsing: text) }

private func eur(_ text: String) throws -> Money { try Money(parsing: text, currency: .EUR) }

private func makeClaim(in state: ClaimState = .notified, on day: String = "2026-05-30") throws -> Claim {
    try Claim(id: "C1", policyID: "POL-1", buyerID: "B1", cause: .insolvency, invoiceNumbers: ["F-1", "F-2"],
              claimedAmount: eur("15000.00"), notificationID: "N1", initialState: state, date: date(day),
              actor: "seller")
}

/// A claim's JSON with the given state and events; each event is `(from, to, date)`.
private func claimJSON(state: String, events: [(String?, String, String)], claimed: String = "15000.00") -> String {
    let list = events.map { from, to, day in
        let fromMember = from.map { #""from":"\#($0)","# } ?? ""
        return #"{"date":"\#(day)","actor":"system",\#(fromMember)"to":"\#(to)","reason":"test"}"#
    }
    return #"{"id":"C1","policyID":"POL-1","buyerID":"B1","cause":"protractedDefault","invoiceNumbers":["F-1"],"#
        + #""claimedAmount":{"amount":"\#(claimed)","currency":"EUR"},"state":"\#(state)","#
        + #""events":[\#(list.joined(separator: ","))]}"#
}

/// Decoding `json` as a claim fails with `DecodingError.dataCorrupted` on `key`, its description containing `text`.
private func expectClaimDecodingFailure(
    _ json: String, key: String, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let error = try #require(throws: DecodingError.self, sourceLocation: sourceLocation) {
        try JSONDecoder().decode(Claim.self, from: Data(json.utf8))
    }
    guard case .dataCorrupted(let context) = error else {
        Issue.record("expected dataCorrupted, got \(error)", sourceLocation: sourceLocation)
        return
    }
    #expect(context.codingPath.last?.stringValue == key, sourceLocation: sourceLocation)
    #expect(context.debugDescription.contains(text), "\(context.debugDescription)", sourceLocation: sourceLocation)
}

@Suite("Claim: states and events")
struct ClaimStateTests {
    @Test func happyPathRecordsEveryEvent() throws {
        var claim = try makeClaim()
        try claim.transition(to: .filed, on: date("2026-06-15"), actor: "seller", reason: "claim filed")
        try claim.transition(to: .underReview, on: date("2026-06-16"), actor: "uw-7", reason: "documents complete")
        try claim.transition(to: .approved, on: date("2026-07-01"), actor: "uw-7", reason: "eligible",
                             amount: eur("13500.00"))
        try claim.transition(to: .paid, on: date("2026-07-20"), actor: "system", reason: "indemnity paid",
                             amount: eur("13500.00"))
        try claim.transition(to: .recovering, on: date("2026-07-20"), actor: "collector", reason: "proceedings")
        try claim.transition(to: .closed, on: date("2026-12-01"), actor: "system", reason: "recovered 2,000",
                             amount: eur("2000.00"))
        #expect(claim.state == .closed)

        let expected: [(ClaimState?, ClaimState, String, String, String, String?)] = [
            (nil, .notified, "2026-05-30", "seller", "claim opened", nil),
            (.notified, .filed, "2026-06-15", "seller", "claim filed", nil),
            (.filed, .underReview, "2026-06-16", "uw-7", "documents complete", nil),
            (.underReview, .approved, "2026-07-01", "uw-7", "eligible", "13500.00"),
            (.approved, .paid, "2026-07-20", "system", "indemnity paid", "13500.00"),
            (.paid, .recovering, "2026-07-20", "collector", "proceedings", nil),  // same day as the last: allowed
            (.recovering, .closed, "2026-12-01", "system", "recovered 2,000", "2000.00"),
        ]
        try #require(claim.events.count == expected.count)
        for (event, (from, to, day, actor, reason, amount)) in zip(claim.events, expected) {
            #expect(event.from == from)
            #expect(event.to == to)
            #expect(event.date == (try date(day)))
            #expect(event.actor == actor)
            #expect(event.reason == reason)
            #expect(event.amount == (try amount.map(eur)))
        }
    }

    /// The transitions of DOMAIN.md §6, listed by hand.
    @Test(arguments: [
        (ClaimState.notified, [ClaimState.filed, .closed]),
        (.filed, [.underReview]),
        (.underReview, [.approved, .partlyApproved, .rejected]),
        (.approved, [.paid]),
        (.partlyApproved, [.paid]),
        (.rejected, [.closed]),
        (.paid, [.recovering, .closed]),
        (.recovering, [.closed]),
        (.closed, []),
    ])
    func allowedNext(_ state: ClaimState, _ next: [ClaimState]) {
        #expect(state.allowedNext == Set(next))
    }

    @Test(arguments: ClaimState.allCases)
    func everyAllowedTransitionSucceeds(_ state: ClaimState) throws {
        for next in state.allowedNext {
            var claim = try makeClaim(in: state)
            try claim.transition(to: next, on: date("2026-06-01"), actor: "uw", reason: "next")
            #expect(claim.state == next)
            #expect(claim.events.last?.from == state)
        }
    }

    @Test(arguments: ClaimState.allCases)
    func everyDisallowedTransitionThrowsAndChangesNothing(_ state: ClaimState) throws {
        for next in ClaimState.allCases where !state.allowedNext.contains(next) {
            try expectRefused(from: state, to: next)
        }
    }

    @Test(arguments: [
        (ClaimState.notified, ClaimState.paid),  // no indemnity before review
        (.notified, .underReview),  // must be filed first
        (.filed, .approved),  // must be reviewed first
        (.rejected, .paid),
        (.approved, .closed),  // an approved claim is paid first
        (.paid, .approved),  // no going back
        (.underReview, .underReview),  // no transition to the same state
    ])
    func explicitlyDisallowed(_ from: ClaimState, _ to: ClaimState) throws {
        try expectRefused(from: from, to: to)
    }

    @Test(arguments: ClaimState.allCases)
    func closedIsFinal(_ next: ClaimState) throws {
        try expectRefused(from: .closed, to: next)
    }

    private func expectRefused(from state: ClaimState, to next: ClaimState,
                               sourceLocation: SourceLocation = #_sourceLocation) throws {
        var claim = try makeClaim(in: state)
        let before = claim
        let error = try #require(throws: ModelError.self, sourceLocation: sourceLocation) {
            try claim.transition(to: next, on: date("2026-06-01"), actor: "uw", reason: "try")
        }
        #expect(error.code == .invalidOperation, sourceLocation: sourceLocation)
        #expect(error.field == "state", sourceLocation: sourceLocation)
        #expect(error.value == "\(state.rawValue) -> \(next.rawValue)", sourceLocation: sourceLocation)
        #expect(claim == before, sourceLocation: sourceLocation)
    }

    @Test func eventBeforeTheLastThrows() throws {
        var claim = try makeClaim(on: "2026-05-30")
        try claim.transition(to: .filed, on: date("2026-06-15"), actor: "seller", reason: "filed")
        let before = claim
        let error = try #require(throws: ModelError.self) {
            try claim.transition(to: .underReview, on: date("2026-06-14"), actor: "uw", reason: "review")
        }
        #expect(error.code == .invalidOperation)
        #expect(error.field == "date")
        #expect(claim == before)
        try claim.transition(to: .underReview, on: date("2026-06-15"), actor: "uw", reason: "review")  // same day
        #expect(claim.state == .underReview)
    }

    @Test func negativeClaimedAmount() throws {
        let error = try #require(throws: ModelError.self) {
            try Claim(id: "C1", policyID: "POL-1", buyerID: "B1", cause: .insolvency, invoiceNumbers: [],
                      claimedAmount: eur("-1.00"), date: date("2026-05-30"), actor: "seller")
        }
        #expect(error.code == .outOfRange)
        #expect(error.field == "claimedAmount")
    }

    @Test(arguments: [
        (CauseOfLoss.insolvency, false), (.protractedDefault, false), (.transferRestriction, true),
        (.moratorium, true), (.war, true), (.importLicenceCancelled, true),
    ])
    func isPolitical(_ cause: CauseOfLoss, _ political: Bool) {
        #expect(cause.isPolitical == political)
    }

    @Test func everyCauseIsClassified() {
        #expect(CauseOfLoss.allCases.count == 6)
    }
}

@Suite("Claim: JSON")
struct ClaimJSONTests {
    @Test func roundTripWithEvents() throws {
        var made = try makeClaim()
        try made.transition(to: .filed, on: date("2026-06-15"), actor: "seller", reason: "filed")
        try made.transition(to: .underReview, on: date("2026-06-16"), actor: "uw-7", reason: "review")
        try made.transition(to: .partlyApproved, on: date("2026-07-01"), actor: "uw-7", reason: "F-2 disputed",
                             amount: eur("9000.00"))
        var decoded = try JSONDecoder().decode(Claim.self, from: JSONEncoder().encode(made))
        #expect(decoded == made)
        #expect(decoded.events.count == 4)
        // The decoded claim moves on like the original.
        try decoded.transition(to: .paid, on: date("2026-07-20"), actor: "system", reason: "paid", amount: eur("9000.00"))
        #expect(decoded.state == .paid)
    }

    @Test func jsonFormIsUnchanged() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(try makeClaim()), as: UTF8.self)
        #expect(text == #"{"buyerID":"B1","cause":"insolvency","claimedAmount":{"amount":"15000.00","currency":"EUR"},"#
            + #""events":[{"actor":"seller","date":"2026-05-30","reason":"claim opened","to":"notified"}],"id":"C1","#
            + #""invoiceNumbers":["F-1","F-2"],"notificationID":"N1","policyID":"POL-1","state":"notified"}"#)
    }

    @Test func handWrittenValidClaimDecodes() throws {
        let json = claimJSON(state: "underReview", events: [
            (nil, "notified", "2026-05-30"), ("notified", "filed", "2026-06-15"), ("filed", "underReview", "2026-06-15"),
        ])
        let decoded = try JSONDecoder().decode(Claim.self, from: Data(json.utf8))
        #expect(decoded.state == .underReview)
        #expect(decoded.events.map(\.to) == [.notified, .filed, .underReview])
        #expect(decoded.notificationID == nil)
    }

    @Test func eventsThatSkipAState() throws {
        // notified → underReview skips filed.
        try expectClaimDecodingFailure(claimJSON(state: "underReview", events: [
            (nil, "notified", "2026-05-30"), ("notified", "underReview", "2026-06-15"),
        ]), key: "events", mentioning: "events[1]")
        // The second event claims to start from filed, but the claim was notified.
        try expectClaimDecodingFailure(claimJSON(state: "underReview", events: [
            (nil, "notified", "2026-05-30"), ("filed", "underReview", "2026-06-15"),
        ]), key: "events", mentioning: "events[1]")
        // A gap later in the list: approved → closed without being paid.
        try expectClaimDecodingFailure(claimJSON(state: "closed", events: [
            (nil, "notified", "2026-05-30"), ("notified", "filed", "2026-06-15"), ("filed", "underReview", "2026-06-16"),
            ("underReview", "approved", "2026-07-01"), ("approved", "closed", "2026-07-02"),
        ]), key: "events", mentioning: "events[4]")
    }

    @Test func stateDifferentFromLastEvent() throws {
        try expectClaimDecodingFailure(claimJSON(state: "filed", events: [
            (nil, "notified", "2026-05-30"), ("notified", "filed", "2026-06-15"), ("filed", "underReview", "2026-06-16"),
        ]), key: "state", mentioning: "underReview")
        try expectClaimDecodingFailure(claimJSON(state: "paid", events: [(nil, "notified", "2026-05-30")]),
                                       key: "state", mentioning: "notified")
    }

    @Test func eventsGoingBackInTime() throws {
        try expectClaimDecodingFailure(claimJSON(state: "underReview", events: [
            (nil, "notified", "2026-05-30"), ("notified", "filed", "2026-06-15"), ("filed", "underReview", "2026-06-14"),
        ]), key: "events", mentioning: "events[2]")
    }

    @Test func firstEventWithAPreviousStateOrNoEvent() throws {
        try expectClaimDecodingFailure(claimJSON(state: "filed", events: [("notified", "filed", "2026-06-15")]),
                                       key: "events", mentioning: "events[0]")
        try expectClaimDecodingFailure(claimJSON(state: "notified", events: []), key: "events", mentioning: "event")
    }

    @Test func negativeClaimedAmount() throws {
        try expectClaimDecodingFailure(claimJSON(state: "notified", events: [(nil, "notified", "2026-05-30")],
                                                 claimed: "-1.00"), key: "claimedAmount", mentioning: "negative")
    }
}

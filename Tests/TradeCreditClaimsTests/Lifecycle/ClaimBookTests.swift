import Foundation
import Testing
import TradeCreditClaims
import TradeCreditModel

private typealias F = IndemnityFixtures

@Suite("Claim lifecycle")
struct ClaimBookTests {
    private func claim(_ id: ClaimID = "C-1", invoices: [String] = ["A", "B"]) throws -> Claim {
        try Claim(id: id, policyID: "P-1", buyerID: "B-1", cause: .protractedDefault, invoiceNumbers: invoices,
                  claimedAmount: F.eur("30000"), date: F.date("2022-05-30"), actor: "seller")
    }

    /// The transitions that reach each state from `notified`.
    private static let paths: [ClaimState: [ClaimState]] = [
        .notified: [],
        .filed: [.filed],
        .underReview: [.filed, .underReview],
        .approved: [.filed, .underReview, .approved],
        .partlyApproved: [.filed, .underReview, .partlyApproved],
        .rejected: [.filed, .underReview, .rejected],
        .paid: [.filed, .underReview, .approved, .paid],
        .recovering: [.filed, .underReview, .approved, .paid, .recovering],
        .closed: [.filed, .underReview, .approved, .paid, .recovering, .closed],
    ]

    private func book(in state: ClaimState) throws -> ClaimBook {
        var book = try ClaimBook()
        try book.file(claim())
        for (day, next) in Self.paths[state]!.enumerated() {
            try book.transition("C-1", to: next, on: F.date("2022-06-01").adding(days: day), actor: "underwriter",
                                reason: "step \(day)", amount: next == .approved || next == .paid ? F.eur("27000") : nil)
        }
        return book
    }

    private static let invalidPairs: [(ClaimState, ClaimState)] = ClaimState.allCases.flatMap { from in
        ClaimState.allCases.filter { !from.allowedNext.contains($0) }.map { (from, $0) }
    }

    @Test(arguments: invalidPairs)
    func anInvalidTransitionIsATypedError(from: ClaimState, to: ClaimState) throws {
        var book = try book(in: from)
        let before = book
        let paidBefore = Self.paths[from]!.contains(.paid)
        #expect {
            try book.transition("C-1", to: to, on: F.date("2022-12-01"), actor: "underwriter", reason: "try")
        } throws: { ($0 as? IndemnityError)?.code == (to == .paid && paidBefore ? .alreadyPaid : .invalidTransition) }
        #expect(book == before)
    }

    @Test func everyTransitionIsRecordedWithDateActorAndReason() throws {
        let book = try book(in: .closed)
        let events = try #require(book["C-1"]).events
        #expect(events.map(\.to) == [.notified] + Self.paths[.closed]!)
        #expect(events.dropFirst().allSatisfy { $0.actor == "underwriter" && $0.reason.hasPrefix("step") })
        #expect(events[4].amount == F.eur("27000"))
        #expect(events[4].date == F.date("2022-06-04"))
    }

    @Test func filingTwiceReturnsTheExistingClaimAndNeverPaysTwice() throws {
        var book = try ClaimBook()
        #expect(try book.file(claim()).isNew)
        try book.transition("C-1", to: .filed, on: F.date("2022-06-01"), actor: "seller", reason: "filed")
        let again = try book.file(claim())
        #expect(!again.isNew)
        #expect(again.claim.state == .filed)
        #expect(book.claims.count == 1)
        try book.transition("C-1", to: .underReview, on: F.date("2022-06-02"), actor: "u", reason: "review")
        try book.transition("C-1", to: .approved, on: F.date("2022-06-03"), actor: "u", reason: "ok", amount: F.eur("27000"))
        try book.pay("C-1", amount: F.eur("27000"), on: F.date("2022-06-04"), actor: "treasury")
        #expect(try book.file(claim()).claim.state == .paid)
        #expect { try book.pay("C-1", amount: F.eur("27000"), on: F.date("2022-06-05"), actor: "treasury") } throws: {
            ($0 as? IndemnityError)?.code == .alreadyPaid
        }
    }

    @Test func anInvoiceInALiveClaimCannotBeClaimedAgain() throws {
        var book = try ClaimBook()
        try book.file(claim("C-1", invoices: ["A", "B"]))
        #expect { try book.file(self.claim("C-2", invoices: ["B", "C"])) } throws: {
            ($0 as? IndemnityError)?.code == .invoiceAlreadyClaimed
        }
        try book.transition("C-1", to: .closed, on: F.date("2022-06-01"), actor: "seller", reason: "withdrawn")
        #expect(try book.file(claim("C-2", invoices: ["B", "C"])).isNew)
    }

    @Test func payingAboveTheApprovedAmountIsRefused() throws {
        var book = try book(in: .approved)
        #expect { try book.pay("C-1", amount: F.eur("27000.01"), on: F.date("2022-07-01"), actor: "t") } throws: {
            ($0 as? IndemnityError)?.code == .outOfRange
        }
    }

    @Test func unknownClaimsAndEventsOutOfOrder() throws {
        var book = try book(in: .filed)
        #expect { try book.transition("C-9", to: .filed, on: F.date("2022-07-01"), actor: "u", reason: "") } throws: {
            ($0 as? IndemnityError)?.code == .unknownClaim
        }
        #expect { try book.transition("C-1", to: .underReview, on: F.date("2022-05-01"), actor: "u", reason: "") } throws: {
            ($0 as? IndemnityError)?.code == .eventOutOfOrder
        }
    }

    @Test func theBookIsCodableAndReplayRebuildsTheSameState() throws {
        var book = try book(in: .recovering)
        try book.file(claim("C-2", invoices: ["Z"]))
        let data = try JSONEncoder().encode(book)
        let decoded = try JSONDecoder().decode(ClaimBook.self, from: data)
        #expect(decoded == book)
        #expect(try book.replayed() == book)
        #expect(try ClaimReplay.rebuild(#require(book["C-1"])).state == .recovering)
    }

    @Test func aTamperedHistoryDoesNotDecode() throws {
        let book = try book(in: .paid)
        let json = String(decoding: try JSONEncoder().encode(book), as: UTF8.self)
            .replacingOccurrences(of: "\"state\":\"paid\"", with: "\"state\":\"closed\"")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ClaimBook.self, from: Data(json.utf8)) }
    }
}

import Foundation
import Logging
import TradeCreditHTTP
import TradeCreditModel

/// A small HTTP bureau written for these tests, correct by default, with flaws that can be switched on one at a
/// time to prove that each check of the kit catches what it is meant to catch.
///
/// `GET {base}v1/ratings/{siren}` with `Authorization: Bearer {key}` answers `{"score":72,"date":"2026-09-14",
/// "status":"active"}`; `score` may be `null` (not rated), `status` `"insolvent"` (in default); `404` is no match.
struct ProbeBureau: RatingBureau {
    struct Flaws: OptionSet, Sendable, Hashable, CustomStringConvertible {
        let rawValue: Int
        /// Throws the HTTP layer's and the parser's errors as they come, not as an AdapterError.
        static let untypedErrors = Flaws(rawValue: 1 << 0)
        /// Quotes the API key in the error for a refused key.
        static let secretInError = Flaws(rawValue: 1 << 1)
        /// Sends the request again, three times, when the key is refused.
        static let retriesRefusals = Flaws(rawValue: 1 << 2)
        /// Turns a cancellation into an `unavailable` error.
        static let swallowsCancellation = Flaws(rawValue: 1 << 3)
        /// Reads a missing score as 50 instead of not rated.
        static let guessesMissingScore = Flaws(rawValue: 1 << 4)
        /// Logs the API key.
        static let logsSecret = Flaws(rawValue: 1 << 5)
        /// Treats a 404 as a failure instead of no match.
        static let noMatchIsAnError = Flaws(rawValue: 1 << 6)
        /// Reads the payload with no check, so a truncated one passes as "not rated".
        static let lenientParsing = Flaws(rawValue: 1 << 7)

        var description: String { String(rawValue) }
    }

    struct ProbeError: AdapterError {
        let failure: AdapterFailure
        var field: String?
        var status: Int?
        let description: String
        var adapter: String { "probe" }
    }

    let name = "probe"
    let scale: RatingScale
    let baseURL: URL
    let apiKey: String
    let client: any HTTPClient
    let logger: Logger
    let flaws: Flaws

    /// Scores 1–100 in two bands.
    static let probeScale = try! RatingScale(
        id: "probe-score", name: "Probe score", kind: .scores(min: 1, max: 100),
        pdMap: PDMap(version: "probe-1", date: CalendarDate(year: 2026, month: 1, day: 1), isIllustrative: true,
                     source: "tests", entries: [.init(.scores(from: 1, to: 49), 0.05),
                                                .init(.scores(from: 50, to: 100), 0.005)]))

    init(baseURL: URL, apiKey: String, client: any HTTPClient, logger: Logger, flaws: Flaws = []) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.client = client
        self.logger = logger
        self.flaws = flaws
        scale = Self.probeScale
    }

    func ratings(for query: BuyerQuery) async throws -> [BureauRating] {
        guard let siren = query.identifiers.first(where: { $0.scheme == .siren }) else { return [] }
        let url = baseURL.appendingPathComponent("v1/ratings/\(siren.value)")
        let request = HTTPRequest.get(url, headers: ["Authorization": "Bearer \(apiKey)"])
        // The HTTP layer's header description masks Authorization; this flaw logs the key by itself.
        if flaws.contains(.logsSecret) { logger.debug("asking the probe", metadata: ["key": "\(apiKey)"]) }
        var response = try await send(request)
        if response.status == 401, flaws.contains(.retriesRefusals) {
            for _ in 0..<3 where response.status == 401 { response = try await send(request) }
        }
        switch response.status {
        case 200: return [try rating(from: response.body, identifier: siren)]
        case 404 where !flaws.contains(.noMatchIsAnError): return []
        case 401, 403:
            let quoted = flaws.contains(.secretInError) ? " (key \(apiKey))" : ""
            throw ProbeError(failure: .unauthorized, status: response.status, description: "probe: key refused\(quoted)")
        case 429: throw ProbeError(failure: .rateLimited, status: 429, description: "probe: rate limited")
        default: throw ProbeError(failure: .unavailable, status: response.status, description: "probe: HTTP \(response.status)")
        }
    }

    private func send(_ request: HTTPRequest) async throws -> HTTPResponse {
        do {
            return try await client.send(request)
        } catch let error as HTTPError where flaws.contains(.untypedErrors) {
            throw error
        } catch let error as HTTPError where error.code == .cancelled && !flaws.contains(.swallowsCancellation) {
            throw error
        } catch let error as HTTPError {
            throw ProbeError(failure: .unavailable, description: "probe: \(error)")
        }
    }

    private func rating(from body: Data, identifier: BuyerIdentifier) throws -> BureauRating {
        func invalid(_ field: String, _ message: String) -> any Error {
            flaws.contains(.untypedErrors) ? CocoaError(.coderReadCorrupt)
                : ProbeError(failure: .invalidResponse, field: field, description: "probe: \(field): \(message)")
        }
        let object = try? JSONSerialization.jsonObject(with: body)
        if flaws.contains(.lenientParsing), object == nil {
            return BureauRating(source: name, scaleID: scale.id, buyerIdentifier: identifier,
                                ratedOn: try CalendarDate(year: 2026, month: 9, day: 14), value: .notRated)
        }
        guard let document = object as? [String: Any] else { throw invalid("(document)", "not a JSON object") }
        guard let dateText = document["date"] as? String, let date = try? CalendarDate(parsing: dateText) else {
            throw invalid("date", "not a yyyy-mm-dd date")
        }
        var value: RatingValue
        switch document["score"] {
        case let score as Int where (1...100).contains(score): value = .score(score)
        case is NSNull, nil: value = flaws.contains(.guessesMissingScore) ? .score(50) : .notRated
        default: throw invalid("score", "not a whole number from 1 to 100")
        }
        if document["status"] as? String == "insolvent" { value = .inDefault }
        return BureauRating(source: name, scaleID: scale.id, buyerIdentifier: identifier, ratedOn: date, value: value)
    }
}

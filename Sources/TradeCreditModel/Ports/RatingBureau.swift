/// What a bureau is asked: a buyer's identifiers, and its name and country for bureaus that search by them.
public struct BuyerQuery: Hashable, Sendable, Codable {
    /// The host's key, echoed back in batch results.
    public let buyerID: BuyerID?
    /// Every identifier known for the buyer.
    public let identifiers: [BuyerIdentifier]
    /// The legal name, for name searches.
    public let legalName: String?
    /// The country, for searches that need one.
    public let country: CountryCode?

    public init(buyerID: BuyerID? = nil, identifiers: [BuyerIdentifier], legalName: String? = nil, country: CountryCode? = nil) {
        self.buyerID = buyerID
        self.identifiers = identifiers
        self.legalName = legalName
        self.country = country
    }

    /// The query for a known buyer.
    public init(_ buyer: Buyer) {
        self.init(buyerID: buyer.id, identifiers: buyer.identifiers, legalName: buyer.legalName, country: buyer.country)
    }
}

/// The outcome of one lookup in a batch.
public enum BureauLookupOutcome: Hashable, Sendable {
    /// The bureau answered (an empty list: it does not know the buyer).
    case rated([BureauRating])
    /// The lookup failed. The message is the error's description: adapters' errors (such as the HTTP layer's) are
    /// redacted, so it carries no secret as long as the adapter's error type redacts its own.
    case failed(code: String, message: String)
}

/// One entry of a batch lookup.
public struct BureauLookupResult: Hashable, Sendable, Codable {
    /// The query asked.
    public let query: BuyerQuery
    /// Its outcome.
    public let outcome: BureauLookupOutcome

    public init(query: BuyerQuery, outcome: BureauLookupOutcome) {
        self.query = query
        self.outcome = outcome
    }
}

/// A port to a buyer-rating bureau (Creditsafe, D&B, a local file, …).
///
/// Adapters translate the bureau's answers into ``BureauRating`` values on their declared ``scale``; the engines
/// never call a port — the composition layer does, and passes the ratings in.
public protocol RatingBureau: Sendable {
    /// A short stable name recorded in every rating (`"creditsafe"`).
    var name: String { get }
    /// The scale the bureau's ratings are on, with its PD map.
    var scale: RatingScale { get }
    /// The ratings the bureau has for the buyer; empty when a search finds no match.
    /// Throws the adapter's typed error (an ``AdapterError``) on failure — network, credentials, a malformed answer —
    /// and with ``AdapterFailure/notFound`` when a key of the bureau's own (a DUNS, a connectId) does not exist.
    func ratings(for query: BuyerQuery) async throws -> [BureauRating]
    /// Looks many buyers up. The default asks one at a time, stops at cancellation, and records each failure
    /// instead of failing the batch; adapters with a bulk endpoint override it.
    func ratings(for queries: [BuyerQuery]) async -> [BureauLookupResult]
}

extension RatingBureau {
    public func ratings(for queries: [BuyerQuery]) async -> [BureauLookupResult] {
        var results: [BureauLookupResult] = []
        results.reserveCapacity(queries.count)
        for query in queries {
            if Task.isCancelled {
                results.append(BureauLookupResult(query: query, outcome: .failed(code: "cancelled", message: "lookup cancelled")))
                continue
            }
            do {
                results.append(BureauLookupResult(query: query, outcome: .rated(try await ratings(for: query))))
            } catch let error as any AdapterError {
                results.append(BureauLookupResult(query: query, outcome: .failed(code: error.failure.rawValue, message: error.description)))
            } catch let error as ModelError {
                results.append(BureauLookupResult(query: query, outcome: .failed(code: error.code.rawValue, message: error.description)))
            } catch is CancellationError {
                results.append(BureauLookupResult(query: query, outcome: .failed(code: "cancelled", message: "lookup cancelled")))
            } catch {
                results.append(BureauLookupResult(query: query, outcome: .failed(code: "lookup_failed", message: String(describing: error))))
            }
        }
        return results
    }
}

extension BureauLookupOutcome: Codable {
    private enum CodingKeys: String, CodingKey { case ratings, failure }
    private struct Failure: Codable { let code: String; let message: String }

    /// JSON: `{"ratings":[…]}` or `{"failure":{"code":"…","message":"…"}}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let ratings = try container.decodeIfPresent([BureauRating].self, forKey: .ratings) {
            self = .rated(ratings)
        } else {
            let failure = try container.decode(Failure.self, forKey: .failure)
            self = .failed(code: failure.code, message: failure.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .rated(let ratings): try container.encode(ratings, forKey: .ratings)
        case .failed(let code, let message): try container.encode(Failure(code: code, message: message), forKey: .failure)
        }
    }
}

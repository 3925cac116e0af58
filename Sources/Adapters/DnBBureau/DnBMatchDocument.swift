import Foundation
import TradeCreditModel

/// The parts of a D&B identity-resolution answer (`/v1/match/cleanseMatch`) that the adapter reads:
/// `matchCandidates[].displaySequence`, `.organization.duns` and `.matchQualityInformation.confidenceCode`.
///
/// Shapes follow D&B's public Direct+ documentation and are **unverified against the live API**. A candidate must
/// have a DUNS and an integer confidence code; a wrong type is an error naming its path.
struct DnBMatchDocument: Decodable {
    struct Candidate: Decodable {
        let displaySequence: Int?
        let organization: Organization
        let matchQualityInformation: Quality
    }

    struct Organization: Decodable {
        let duns: String
    }

    struct Quality: Decodable {
        let confidenceCode: Int
    }

    /// A checked candidate.
    struct Match: Hashable {
        let duns: BuyerIdentifier
        let confidenceCode: Int
    }

    let candidatesMatchedQuantity: Int?
    let matchCandidates: [Candidate]?

    /// The candidate with the highest confidence code, ties going to the lowest `displaySequence` (then to the first
    /// listed); `nil` when there is none.
    /// - Throws: ``DnBError`` `.invalidResponse` naming the path when a candidate's DUNS is not 9 digits or its
    ///   confidence code is not in 0…10 (every candidate is checked, not only the best), or when D&B counts
    ///   candidates it does not list.
    func best(status: Int) throws -> Match? {
        guard let candidates = matchCandidates else {
            if let count = candidatesMatchedQuantity, count > 0 {
                throw DnBError(.invalidResponse, status: status, field: "matchCandidates",
                               message: "missing, with candidatesMatchedQuantity \(count)")
            }
            return nil
        }
        var ranked: [(match: Match, sequence: Int, index: Int)] = []
        for (index, candidate) in candidates.enumerated() {
            let path = "matchCandidates[\(index)]"
            let confidence = candidate.matchQualityInformation.confidenceCode
            guard (0...10).contains(confidence) else {
                throw DnBError(.invalidResponse, status: status,
                               field: "\(path).matchQualityInformation.confidenceCode",
                               message: "confidence code \(confidence) is not in 0...10")
            }
            let text = candidate.organization.duns
            guard text.count == 9, text.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let duns = try? BuyerIdentifier(scheme: .duns, value: text) else {
                throw DnBError(.invalidResponse, status: status, field: "\(path).organization.duns",
                               message: "\"\(text)\" is not a 9-digit D-U-N-S number")
            }
            ranked.append((Match(duns: duns, confidenceCode: confidence), candidate.displaySequence ?? Int.max, index))
        }
        return ranked.min { lhs, rhs in
            (-lhs.match.confidenceCode, lhs.sequence, lhs.index) < (-rhs.match.confidenceCode, rhs.sequence, rhs.index)
        }?.match
    }
}

import Foundation

/// The parts of a D&B Direct+ data-blocks answer (`/v1/data/duns/{duns}?blockIDs=…`) that the adapter reads.
///
/// Shapes follow D&B's public Direct+ documentation and are **unverified against the live API**. Every field is
/// optional in the decoding: what is missing is decided by the mapping, what has the wrong type is an error naming
/// its path.
struct DnBDocument: Decodable {
    struct TransactionDetail: Decodable {
        let transactionTimestamp: String?
    }

    struct Organization: Decodable {
        let duns: String?
        let dunsControlStatus: ControlStatus?
        let dnbAssessment: Assessment?
        let businessTrading: [BusinessTrading]?
        let legalEvents: LegalEvents?
    }

    /// `companyinfo_L2_v1`: `organization.dunsControlStatus`.
    struct ControlStatus: Decodable {
        let isOutOfBusiness: Bool?
        let operatingStatus: CodedText?
    }

    struct CodedText: Decodable {
        let description: String?
    }

    /// `financialstrengthinsight_L2_v1`: `organization.dnbAssessment`. Only the failure score is read: fields that
    /// are not mapped (delinquency score, D&B rating, raw score, percentiles) are not decoded, so that their shape
    /// cannot fail a lookup.
    struct Assessment: Decodable {
        let failureScore: Score?
    }

    /// A D&B score: `classScore` 1–5 and `scoreDate`.
    struct Score: Decodable {
        let classScore: Int?
        let scoreDate: String?
    }

    /// `paymentinsight_L1_v1`: `organization.businessTrading[].summary[].paydexScore`, dated `summaryDate`.
    struct BusinessTrading: Decodable {
        let summaryDate: String?
        let summary: [TradeSummary]?
    }

    struct TradeSummary: Decodable {
        let paydexScore: Int?
    }

    /// Filing blocks (not requested by default): `organization.legalEvents.hasBankruptcy`, read when present.
    struct LegalEvents: Decodable {
        let hasBankruptcy: Bool?
        let hasOpenBankruptcy: Bool?
    }

    let transactionDetail: TransactionDetail?
    let organization: Organization?

    /// Decodes `body`.
    /// - Throws: ``DnBError`` `.invalidResponse` naming the path of the first bad field, or saying the body is not
    ///   JSON (a truncated body, say).
    static func decode(_ body: Data, status: Int) throws -> DnBDocument {
        do {
            return try JSONDecoder().decode(DnBDocument.self, from: body)
        } catch let error as DecodingError {
            switch error {
            case .typeMismatch(let type, let context):
                throw invalid(context, status: status, "expected \(describe(type))")
            case .valueNotFound(let type, let context):
                throw invalid(context, status: status, "expected \(describe(type)), found null")
            case .keyNotFound(let key, let context):
                let path = render(context.codingPath + [key])
                throw DnBError(.invalidResponse, status: status, field: path, message: "missing")
            case .dataCorrupted(let context):
                if context.codingPath.isEmpty {
                    throw DnBError(.invalidResponse, status: status, field: "$",
                                   message: "the body is not a complete JSON document (\(body.count) bytes)")
                }
                throw invalid(context, status: status, "unreadable value")
            @unknown default:
                throw DnBError(.invalidResponse, status: status, field: "$", message: "undecodable body")
            }
        }
    }

    private static func invalid(_ context: DecodingError.Context, status: Int, _ message: String) -> DnBError {
        DnBError(.invalidResponse, status: status, field: render(context.codingPath), message: message)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: return "an integer"
        case is String.Type: return "a string"
        case is Bool.Type: return "a boolean"
        default: return "\(type)"
        }
    }

    /// `organization.businessTrading[0].summary[0].paydexScore`.
    static func render(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "$" : text
    }
}

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
}

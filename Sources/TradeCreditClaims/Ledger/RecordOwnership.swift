import TradeCreditModel

/// Checks that records given for one buyer's account all belong to that buyer.
enum RecordOwnership {
    /// - Parameter groups: a field name and the buyer ids of its records, in order (`("payments", [...])`).
    /// - Throws: ``ClaimsError`` `.inconsistent` naming the first record of another buyer (`payments[2].buyerID`).
    static func require(_ owner: BuyerID, _ groups: [(field: String, ids: [BuyerID])]) throws {
        for (field, ids) in groups {
            if let index = ids.firstIndex(where: { $0 != owner }) {
                throw ClaimsError(.inconsistent, field: "\(field)[\(index)].buyerID", value: ids[index].rawValue,
                                  "the account is buyer \(owner)'s")
            }
        }
    }
}

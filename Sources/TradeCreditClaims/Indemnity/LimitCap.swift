import TradeCreditModel

/// The amount the limits cover, taking eligible invoices in delivery order:
/// covered = max(covered, min(covered + outstanding, limit in force at that delivery)).
///
/// A limit reduction thus protects earlier deliveries at the old limit and caps only later ones.
struct LimitCap {
    /// The covered amount.
    let covered: Money
    /// The part of each invoice above its limit.
    let excess: [IndemnityExclusion]

    init(entries: [LossBasis.Entry], currency: CurrencyCode) throws {
        var covered = Money.zero(currency)
        var excess: [IndemnityExclusion] = []
        for entry in entries {
            let before = covered
            covered = try Money.max(covered, Money.min(covered + entry.outstanding, entry.limit))
            let over = try before + entry.outstanding - covered
            if over.isPositive {
                excess.append(IndemnityExclusion(invoiceNumber: entry.number, amount: over, reasons: [
                    ReasonCode("above_limit", detail: "limit in force at delivery \(entry.deliveryDate): \(entry.limit)"),
                ]))
            }
        }
        self.covered = covered
        self.excess = excess
    }
}

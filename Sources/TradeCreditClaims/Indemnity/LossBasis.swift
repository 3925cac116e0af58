import TradeCreditModel

/// Step 1 of the indemnity: every invoice in the policy currency, the eligible loss, and what was left out.
struct LossBasis {
    /// An eligible invoice in the policy currency: the amount it adds to the loss, and its limit.
    struct Entry {
        let number: String
        let deliveryDate: CalendarDate
        let outstanding: Money
        let limit: Money
    }

    /// Eligible invoices in delivery order.
    let entries: [Entry]
    /// The step record of the loss.
    let record: IndemnityStepRecord
    /// The conversions made.
    let conversions: [CurrencyConversion]

    init(claim: IndemnityClaim, terms: PolicyTerms, settings: IndemnitySettings, rates: RateTable?) throws {
        var converter = Converter(target: terms.currency, settings: settings, rates: rates)
        let currency = terms.currency
        // A political cause the policy does not cover: nothing of the loss is insured.
        let refusal: ReasonCode? = claim.cause.isPolitical && !terms.politicalRisk.isCovered
            ? ReasonCode("political_risk_not_covered", detail: "\(claim.cause.rawValue): the policy does not cover political risk")
            : nil
        var gross = Money.zero(currency)
        var exclusions: [IndemnityExclusion] = []
        var entries: [Entry] = []
        for invoice in claim.invoices {
            let date = settings.conversionDate.date(for: invoice, of: claim)
            let net = try converter.convert(invoice.outstandingNet, on: date)
            let vat = try converter.convert(invoice.outstandingVAT, on: date)
            let invoiceGross = try net + vat
            gross = try gross + invoiceGross
            guard invoice.isEligible else {
                exclusions.append(IndemnityExclusion(invoiceNumber: invoice.number, amount: invoiceGross,
                                                     reasons: invoice.exclusions))
                continue
            }
            var outstanding = net
            if terms.vatCovered {
                outstanding = invoiceGross
            } else if vat.isPositive {
                exclusions.append(IndemnityExclusion(invoiceNumber: invoice.number, amount: vat, reasons: [
                    ReasonCode("vat_not_covered", detail: "the policy does not insure VAT"),
                ]))
            }
            if let refusal {
                if outstanding.isPositive {
                    exclusions.append(IndemnityExclusion(invoiceNumber: invoice.number, amount: outstanding, reasons: [refusal]))
                }
                continue
            }
            let limit = try converter.convert(invoice.limitInForce, on: date)
            entries.append(Entry(number: invoice.number, deliveryDate: invoice.deliveryDate, outstanding: outstanding,
                                 limit: limit))
        }
        entries.sort { ($0.deliveryDate, $0.number) < ($1.deliveryDate, $1.number) }
        let loss = try Money.sum(entries.map(\.outstanding), currency: currency)
        self.entries = entries
        self.record = IndemnityStepRecord(stage: .loss, input: gross, output: loss, exclusions: exclusions)
        self.conversions = converter.conversions
    }
}

/// Converts amounts to the policy currency and records each conversion.
private struct Converter {
    let target: CurrencyCode
    let settings: IndemnitySettings
    let rates: RateTable?
    var conversions: [CurrencyConversion] = []

    mutating func convert(_ money: Money, on date: CalendarDate) throws -> Money {
        // Zero is zero in every currency, and the policy currency needs no rate.
        guard money.currency != target else { return money }
        guard !money.isZero else { return .zero(target) }
        guard let rates else {
            throw IndemnityError(.missingValue, field: "rates", value: money.currency.code,
                                 "an invoice in \(money.currency) needs a rate table to convert to \(target)")
        }
        let conversion = try rates.convert(money, to: target, on: date, policy: settings.conversionPolicy)
        conversions.append(conversion)
        return conversion.converted
    }
}

import Foundation
import TradeCreditModel

/// Validates a ledger and computes ``DiagnosisIndicators`` from it. Pure: no I/O, no clock.
struct IndicatorCalculator {
    let seller: SellerProfile
    let ledger: SellerLedger
    let evaluationDate: CalendarDate
    let rates: RateTable?
    let conversion: ConversionPolicy
    let cyclical: CyclicalSectors
    let countryCategories: CountryRiskCategories
    let thresholds: DiagnosisThresholds

    /// One validated invoice with its converted amount.
    private struct Line {
        let invoice: LedgerInvoice
        let buyer: LedgerBuyer
        let amount: Decimal
    }

    /// The indicators alone.
    func compute() throws -> DiagnosisIndicators { try analyse().indicators }

    /// The indicators and each buyer's own figures, for the cost/benefit table.
    func analyse() throws -> LedgerAnalysis {
        let buyers = try indexBuyers()
        var conversions: [CurrencyConversion] = []
        var lines: [Line] = []
        var seenInvoices: Set<String> = []
        for (index, invoice) in ledger.invoices.enumerated() {
            let field = "invoices[\(index)]"
            guard seenInvoices.insert(invoice.id).inserted else {
                throw DiagnosisError(.duplicateID, field: "\(field).id", value: invoice.id, "invoice listed twice")
            }
            guard let buyer = buyers[invoice.buyerID] else {
                throw DiagnosisError(.unknownBuyer, field: "\(field).buyerID", value: invoice.buyerID,
                                     "the ledger lists no buyer with this id")
            }
            if invoice.amount.isNegative {
                throw DiagnosisError(.negativeAmount, field: "\(field).amount", value: invoice.amount.description,
                                     "an invoice amount is zero or more (enter credit notes against their invoice)")
            }
            if invoice.dueDate < invoice.invoiceDate {
                throw DiagnosisError(.invalidDate, field: "\(field).dueDate", value: invoice.dueDate.description,
                                     "the due date is before the invoice date \(invoice.invoiceDate)")
            }
            if invoice.invoiceDate > evaluationDate {
                throw DiagnosisError(.invalidDate, field: "\(field).invoiceDate", value: invoice.invoiceDate.description,
                                     "the invoice is dated after the evaluation date \(evaluationDate)")
            }
            var amount = invoice.amount
            if let conversion = try convert(invoice.amount, on: invoice.invoiceDate, field: "\(field).amount") {
                conversions.append(conversion)
                amount = conversion.converted
            }
            lines.append(Line(invoice: invoice, buyer: buyer, amount: amount.amount))
        }
        let total = lines.reduce(Decimal(0)) { $0 + $1.amount }
        guard total > 0 else {
            throw DiagnosisError(.emptyLedger, field: "invoices", "no invoice, or all invoices are zero")
        }
        func share(_ lines: some Sequence<Line>) -> Decimal { lines.reduce(Decimal(0)) { $0 + $1.amount } / total }
        func weighted(_ value: (Line) -> Int) -> Decimal {
            lines.reduce(Decimal(0)) { $0 + $1.amount * Decimal(value($1)) } / total
        }

        // Concentration by buyer.
        var byBuyer: [String: Decimal] = [:]
        for line in lines { byBuyer[line.buyer.id, default: 0] += line.amount }
        let ranked = byBuyer.values.sorted(by: >)
        let top1 = (ranked.first ?? 0) / total
        let top5 = ranked.prefix(5).reduce(Decimal(0), +) / total
        let hhi = ranked.reduce(0.0) { sum, amount in
            let s = NSDecimalNumber(decimal: amount / total).doubleValue
            return sum + s * s
        }

        // Exports and currencies.
        let exports = lines.filter { $0.buyer.country != seller.country }
        var byCategory: [CountryRiskBucket: Decimal] = [:]
        for line in exports {
            byCategory[CountryRiskBucket(category: countryCategories.category(of: line.buyer.country)), default: 0] += line.amount
        }
        var byCurrency: [CurrencyCode: Decimal] = [:]
        for line in lines { byCurrency[line.invoice.amount.currency, default: 0] += line.amount }

        let lineDays = try daysBeyondTerms(lines: lines)
        let (dbt, measured) = Self.weightedDays(lines.indices.map { (lines[$0].amount, lineDays[$0]) })
        let unallocated = ledger.payments.filter { $0.invoiceID == nil }.count
        let (sizeClass, turnoverEUR, turnoverConversion) = try size()
        if let turnoverConversion { conversions.append(turnoverConversion) }

        let indicators = DiagnosisIndicators(
            totalSales: try Money(total, seller.reportingCurrency),
            b2bShare: share(lines.filter { $0.buyer.category != .individual }),
            weightedTermsDays: weighted { $0.invoice.termDays },
            weightedDaysBeyondTerms: dbt,
            measuredInvoiceCount: measured,
            unallocatedPaymentCount: unallocated,
            top1Share: top1,
            top5Share: top5,
            herfindahl: hhi,
            cyclicalShare: share(lines.filter { cyclical.contains($0.buyer.sector) }),
            unknownSectorShare: share(lines.filter { $0.buyer.sector == nil }),
            sellerSectorCyclical: cyclical.contains(seller.sector),
            ageYears: try age(),
            sizeClass: sizeClass,
            turnoverEUR: turnoverEUR,
            exportShare: share(exports),
            exportShareByCategory: byCategory.mapValues { $0 / total },
            shareByCurrency: byCurrency.mapValues { $0 / total },
            foreignCurrencyShare: share(lines.filter { $0.invoice.amount.currency != seller.reportingCurrency }),
            conversions: conversions)

        // Each buyer's sales, terms and days beyond terms, in ledger order of first appearance.
        var order: [String] = []
        var grouped: [String: [Int]] = [:]
        for (index, line) in lines.enumerated() {
            if grouped[line.buyer.id] == nil { order.append(line.buyer.id) }
            grouped[line.buyer.id, default: []].append(index)
        }
        let figures = try order.map { id in
            let indices = grouped[id]!
            let sales = indices.reduce(Decimal(0)) { $0 + lines[$1].amount }
            let terms = sales > 0
                ? indices.reduce(Decimal(0)) { $0 + lines[$1].amount * Decimal(lines[$1].invoice.termDays) } / sales : 0
            let (days, _) = Self.weightedDays(indices.map { (lines[$0].amount, lineDays[$0]) })
            return BuyerLedgerFigures(buyer: buyers[id]!, sales: try Money(sales, seller.reportingCurrency),
                                      share: sales / total, weightedTermsDays: terms, weightedDaysBeyondTerms: days)
        }
        let firstInvoice = lines.map(\.invoice.invoiceDate).min()!
        return LedgerAnalysis(indicators: indicators, buyers: figures,
                              periodDays: max(1, evaluationDate.days(since: firstInvoice)))
    }

    /// Σ amount × days / Σ amount over the measurable lines (days not `nil`), with their count.
    private static func weightedDays(_ lines: [(amount: Decimal, days: Int?)]) -> (Decimal?, Int) {
        var weightedSum = Decimal(0), base = Decimal(0), measured = 0
        for line in lines {
            guard let days = line.days else { continue }
            weightedSum += line.amount * Decimal(days)
            base += line.amount
            measured += 1
        }
        return (base > 0 ? weightedSum / base : nil, measured)
    }

    private func indexBuyers() throws -> [String: LedgerBuyer] {
        var buyers: [String: LedgerBuyer] = [:]
        for (index, buyer) in ledger.buyers.enumerated() {
            guard buyers.updateValue(buyer, forKey: buyer.id) == nil else {
                throw DiagnosisError(.duplicateID, field: "buyers[\(index)].id", value: buyer.id, "buyer listed twice")
            }
        }
        return buyers
    }

    private func convert(_ money: Money, to target: CurrencyCode? = nil, on date: CalendarDate,
                         field: String) throws -> CurrencyConversion? {
        let target = target ?? seller.reportingCurrency
        if money.currency == target { return nil }
        guard let rates else {
            throw DiagnosisError(.conversionUnavailable, field: field, value: money.currency.code,
                                 "no rate table given to convert \(money.currency) to \(target)")
        }
        do {
            return try rates.convert(money, to: target, on: date, policy: conversion)
        } catch let error as ModelError {
            throw DiagnosisError(.conversionUnavailable, field: field, value: money.currency.code,
                                 "cannot convert to \(target) on \(date): \(error.message)")
        }
    }

    /// Days beyond terms per invoice, in line order: the date its allocated payments (on or before the evaluation
    /// date) first cover its amount, minus the due date, floored at 0; unpaid and overdue: evaluation date − due date;
    /// unpaid and not yet due: not measurable (`nil`).
    private func daysBeyondTerms(lines: [Line]) throws -> [Int?] {
        let invoices = Dictionary(uniqueKeysWithValues: lines.map { ($0.invoice.id, $0.invoice) })
        var paid: [String: [LedgerPayment]] = [:]
        for (index, payment) in ledger.payments.enumerated() {
            let field = "payments[\(index)]"
            guard payment.amount.isPositive else {
                throw DiagnosisError(.negativeAmount, field: "\(field).amount", value: payment.amount.description,
                                     "a payment is positive")
            }
            guard let invoiceID = payment.invoiceID else { continue }
            guard let invoice = invoices[invoiceID] else {
                throw DiagnosisError(.unknownInvoice, field: "\(field).invoiceID", value: invoiceID,
                                     "the ledger lists no invoice with this id")
            }
            guard invoice.amount.currency == payment.amount.currency else {
                throw DiagnosisError(.currencyMismatch, field: "\(field).amount", value: payment.amount.currency.code,
                                     "the invoice \(invoiceID) is in \(invoice.amount.currency)")
            }
            if payment.date <= evaluationDate { paid[invoiceID, default: []].append(payment) }
        }
        return lines.map { line in
            let invoice = line.invoice
            var covered = Decimal(0)
            for payment in (paid[invoice.id] ?? []).sorted(by: { $0.date < $1.date }) {
                covered += payment.amount.amount
                if covered >= invoice.amount.amount { return max(0, payment.date.days(since: invoice.dueDate)) }
            }
            return evaluationDate > invoice.dueDate ? evaluationDate.days(since: invoice.dueDate) : nil
        }
    }

    private func age() throws -> Int {
        let start = seller.incorporationDate
        guard start <= evaluationDate else {
            throw DiagnosisError(.invalidDate, field: "seller.incorporationDate", value: start.description,
                                 "incorporated after the evaluation date \(evaluationDate)")
        }
        let (y0, m0, d0) = start.components
        let (y1, m1, d1) = evaluationDate.components
        return y1 - y0 - ((m1, d1) < (m0, d0) ? 1 : 0)
    }

    private func size() throws -> (SizeClass, Money?, CurrencyConversion?) {
        if let employees = seller.employees, employees < 0 {
            throw DiagnosisError(.negativeAmount, field: "seller.employees", value: "\(employees)", "a headcount is not negative")
        }
        var turnoverEUR: Money?
        var conversion: CurrencyConversion?
        if let turnover = seller.annualTurnover {
            if turnover.isNegative {
                throw DiagnosisError(.negativeAmount, field: "seller.annualTurnover", value: turnover.description,
                                     "a turnover is not negative")
            }
            conversion = try convert(turnover, to: .EUR, on: evaluationDate, field: "seller.annualTurnover")
            turnoverEUR = conversion?.converted ?? turnover
        }
        let employeesOK = seller.employees.map { $0 < thresholds.smeEmployeesBelow }
        let turnoverOK = turnoverEUR.map { $0.amount <= thresholds.smeTurnoverEURAtMost }
        let sizeClass: SizeClass = switch (employeesOK, turnoverOK) {
        case (false, _), (_, false): .large
        case (true, true): .sme
        default: .unknown
        }
        return (sizeClass, turnoverEUR, conversion)
    }
}

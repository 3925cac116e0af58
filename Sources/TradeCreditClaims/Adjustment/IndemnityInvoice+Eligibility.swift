import TradeCreditModel

extension IndemnityInvoice {
    /// The indemnity's view of an invoice judged by eligibility: its outstanding net and VAT after the account's
    /// payments and credit notes (in the invoice currency), the amount of the limit in force at delivery (zero in the
    /// invoice currency when none was), and eligibility's reasons as its exclusions.
    ///
    /// A limit that eligibility reports but does not accept (a zero or invalid discretionary one) is passed on as it
    /// is: the invoice is excluded by its reasons anyway.
    /// - Throws: never for a result of ``EligibilityEvaluator`` (its amounts are non-negative and in one currency).
    public init(_ eligibility: InvoiceEligibility) throws {
        try self.init(number: eligibility.invoiceNumber, deliveryDate: eligibility.deliveryDate,
                      outstandingNet: eligibility.outstanding.net, outstandingVAT: eligibility.outstanding.vat,
                      limitInForce: eligibility.limitInForce?.amount ?? .zero(eligibility.currency),
                      exclusions: eligibility.reasons)
    }
}

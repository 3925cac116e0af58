extension SampleData {
    /// The policyholder of the demo: a fictional French machine builder (the seller of ``sellerProfileJSON``), who
    /// sells on credit to the sample buyers (``buyersCSV``).
    public static let demoPolicyholderName = "Atelier Demo SAS"

    /// The demo policyholder's country (ISO 3166-1 alpha-2), which sets the premium tax of its quote.
    public static let demoPolicyholderCountry = "FR"

    /// The demo's claim case, in the format of ``claimCaseJSON``: the sample case moved into 2026 (the demo policy's
    /// year, early enough for the loss to be established and a recovery made by the demo's date, 2026-11-27) and to
    /// sample buyer B008, Elektro Schulz AG, a German buyer of the policyholder in protracted default.
    /// INV-101 is partly paid (24,000 with VAT, 12,000 paid), INV-102 is disputed, INV-103 is in USD and delivered
    /// after the limit was reduced to 15,000, INV-104 was delivered after stop supply. N-1 is the overdue notification
    /// that opens the claim.
    public static let demoClaimCaseJSON = """
    {
      "buyer": {
        "id": "B008", "legalName": "Elektro Schulz AG", "country": "DE", "category": "business"
      },
      "limits": [
        { "id": "L-B008-1", "buyerID": "B008", "amount": { "amount": "50000.00", "currency": "EUR" },
          "effectiveDate": "2026-01-01" },
        { "id": "L-B008-2", "buyerID": "B008", "amount": { "amount": "15000.00", "currency": "EUR" },
          "effectiveDate": "2026-02-10" }
      ],
      "invoices": [
        { "number": "INV-101", "buyerID": "B008", "deliveryDate": "2026-01-03", "issueDate": "2026-01-03",
          "dueDate": "2026-03-04", "netAmount": { "amount": "20000.00", "currency": "EUR" },
          "vatAmount": { "amount": "4000.00", "currency": "EUR" } },
        { "number": "INV-102", "buyerID": "B008", "deliveryDate": "2026-02-03", "issueDate": "2026-02-03",
          "dueDate": "2026-04-04", "netAmount": { "amount": "15000.00", "currency": "EUR" },
          "vatAmount": { "amount": "3000.00", "currency": "EUR" } },
        { "number": "INV-103", "buyerID": "B008", "deliveryDate": "2026-02-17", "issueDate": "2026-02-17",
          "dueDate": "2026-04-18", "netAmount": { "amount": "10000.00", "currency": "USD" } },
        { "number": "INV-104", "buyerID": "B008", "deliveryDate": "2026-05-16", "issueDate": "2026-05-16",
          "dueDate": "2026-07-15", "netAmount": { "amount": "8000.00", "currency": "EUR" },
          "vatAmount": { "amount": "1600.00", "currency": "EUR" } }
      ],
      "payments": [
        { "id": "P-1", "buyerID": "B008", "date": "2026-03-20", "amount": { "amount": "12000.00", "currency": "EUR" } }
      ],
      "creditNotes": [],
      "disputes": [
        { "id": "D-1", "buyerID": "B008", "invoiceNumbers": ["INV-102"], "openedOn": "2026-04-10",
          "description": "switchgear delivered without its test certificate" }
      ],
      "notifications": [
        { "id": "N-1", "buyerID": "B008", "notifiedOn": "2026-05-30",
          "overdueAmount": { "amount": "30000.00", "currency": "EUR" },
          "invoiceNumbers": ["INV-101", "INV-102", "INV-103"], "oldestDueDate": "2026-03-04" },
        { "id": "N-2", "buyerID": "B008", "notifiedOn": "2026-07-20",
          "overdueAmount": { "amount": "9600.00", "currency": "EUR" },
          "invoiceNumbers": ["INV-104"], "oldestDueDate": "2026-07-15" }
      ],
      "claim": {
        "id": "C-2026-017", "cause": "protractedDefault", "filedOn": "2026-07-28",
        "invoiceNumbers": ["INV-101", "INV-102", "INV-103", "INV-104"]
      },
      "evaluationDate": "2026-08-03",
      "policyYearTotals": {
        "aggregateFirstLossAbsorbed": { "amount": "20000.00", "currency": "EUR" },
        "indemnities": { "amount": "40000.00", "currency": "EUR" }
      },
      "annualPremium": { "amount": "12000.00", "currency": "EUR" }
    }
    """

    /// The demo's recovery on claim C-2026-017: 6,000 EUR from the buyer's administrator on 2026-11-16, at a cost of
    /// 600 EUR.
    public static func demoRecovery() throws -> Recovery {
        try Recovery(claimID: ClaimID("C-2026-017"), date: CalendarDate(parsing: "2026-11-16"),
                     amount: Money(parsing: "6000.00", currency: .EUR), costs: Money(parsing: "600.00", currency: .EUR))
    }
}

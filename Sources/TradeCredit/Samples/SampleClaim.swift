extension SampleData {
    /// The sample claim's policy: a French seller's, `PolicyTerms.typical` in EUR, id `FR-2025-001`, 2025.
    public static func claimPolicy() throws -> PolicyTerms {
        PolicyTerms.typical(policyID: "FR-2025-001", currency: .EUR,
                            period: try DatePeriod(start: CalendarDate(parsing: "2025-01-01"),
                                                   end: CalendarDate(parsing: "2025-12-31")))
    }

    /// The sample claim case (format: Documentation/CLI.md, "Claims"): a German buyer of the French seller in
    /// protracted default. INV-101 is partly paid (24,000 with VAT, 12,000 paid), INV-102 is disputed, INV-103 is in
    /// USD and delivered after the limit was reduced to 15,000, INV-104 was delivered after stop supply (INV-101
    /// more than 60 days past due).
    public static let claimCaseJSON = """
    {
      "buyer": {
        "id": "B-DE-001", "legalName": "Müller Maschinenbau GmbH", "country": "DE", "category": "business"
      },
      "limits": [
        { "id": "L-1", "buyerID": "B-DE-001", "amount": { "amount": "50000.00", "currency": "EUR" },
          "effectiveDate": "2025-01-01" },
        { "id": "L-2", "buyerID": "B-DE-001", "amount": { "amount": "15000.00", "currency": "EUR" },
          "effectiveDate": "2025-03-10" }
      ],
      "invoices": [
        { "number": "INV-101", "buyerID": "B-DE-001", "deliveryDate": "2025-02-03", "issueDate": "2025-02-03",
          "dueDate": "2025-04-04", "netAmount": { "amount": "20000.00", "currency": "EUR" },
          "vatAmount": { "amount": "4000.00", "currency": "EUR" } },
        { "number": "INV-102", "buyerID": "B-DE-001", "deliveryDate": "2025-03-03", "issueDate": "2025-03-03",
          "dueDate": "2025-05-02", "netAmount": { "amount": "15000.00", "currency": "EUR" },
          "vatAmount": { "amount": "3000.00", "currency": "EUR" } },
        { "number": "INV-103", "buyerID": "B-DE-001", "deliveryDate": "2025-03-17", "issueDate": "2025-03-17",
          "dueDate": "2025-05-16", "netAmount": { "amount": "10000.00", "currency": "USD" } },
        { "number": "INV-104", "buyerID": "B-DE-001", "deliveryDate": "2025-06-16", "issueDate": "2025-06-16",
          "dueDate": "2025-08-15", "netAmount": { "amount": "8000.00", "currency": "EUR" },
          "vatAmount": { "amount": "1600.00", "currency": "EUR" } }
      ],
      "payments": [
        { "id": "P-1", "buyerID": "B-DE-001", "date": "2025-04-20", "amount": { "amount": "12000.00", "currency": "EUR" } }
      ],
      "creditNotes": [],
      "disputes": [
        { "id": "D-1", "buyerID": "B-DE-001", "invoiceNumbers": ["INV-102"], "openedOn": "2025-05-10",
          "description": "machine delivered without its safety guard" }
      ],
      "notifications": [
        { "id": "N-1", "buyerID": "B-DE-001", "notifiedOn": "2025-06-30",
          "overdueAmount": { "amount": "30000.00", "currency": "EUR" },
          "invoiceNumbers": ["INV-101", "INV-102", "INV-103"], "oldestDueDate": "2025-04-04" },
        { "id": "N-2", "buyerID": "B-DE-001", "notifiedOn": "2025-08-20",
          "overdueAmount": { "amount": "9600.00", "currency": "EUR" },
          "invoiceNumbers": ["INV-104"], "oldestDueDate": "2025-08-15" }
      ],
      "claim": {
        "id": "C-2025-017", "cause": "protractedDefault", "filedOn": "2025-08-28",
        "invoiceNumbers": ["INV-101", "INV-102", "INV-103", "INV-104"]
      },
      "evaluationDate": "2025-09-01",
      "policyYearTotals": {
        "aggregateFirstLossAbsorbed": { "amount": "20000.00", "currency": "EUR" },
        "indemnities": { "amount": "40000.00", "currency": "EUR" }
      },
      "annualPremium": { "amount": "12000.00", "currency": "EUR" }
    }
    """
}

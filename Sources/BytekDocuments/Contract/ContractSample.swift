import BytekModel

/// A realistic contract from `QuoteSample`, for the tests and previews.
public enum ContractSample {
    public static func contract(lineCount: Int = 12) -> ContractDocument {
        let quote = QuoteSample.quote(lineCount: lineCount)
        return ContractDocument(
            company: quote.company, customer: quote.customer, number: "CTR-2026-00007", quoteNumber: quote.number,
            quoteVersion: quote.version, date: quote.issueDate, total: quote.totals.total,
            scope: quote.lines.map { "\($0.description) — \(DocumentFormat.quantity($0.quantity)) \($0.unit.lowercased())" },
            milestones: quote.milestones, paymentTerms: quote.paymentTerms, deliveryTime: quote.deliveryTime,
            scopeHash: "9f2c4a7e1b0d5c3e8a6f4b2d0c9e7a5b3d1f8e6c4a2b0d9f7e5c3a1b8d6f4e2c")
    }
}

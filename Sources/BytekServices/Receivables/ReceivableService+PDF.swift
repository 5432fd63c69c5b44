import BytekDocuments
import BytekModel
import Foundation

extension ReceivableService {
    /// Writes the customer's estado de cuenta (as `statement` gives it, with the same permission and scope)
    /// as an A4 PDF at `path`, under the company profile's letterhead; returns the page count.
    @discardableResult
    public func statementPDF(customerId: Int64, from: LocalDate, to: LocalDate, path: String) throws -> Int {
        let statement = try statement(customerId: customerId, from: from, to: to)
        let company = try QuoteRendering.company(services.store)
        return try AccountStatementPDF.render(statement, company: company, to: path)
    }
}

import BytekDocuments
import BytekModel
import BytekStore

extension QuoteService {
    /// Writes the PDF of version `id` to `path` (default `documentos/COT-…-vN.pdf`) and returns the
    /// path. Prepared by the quote's owner (the actor when it has none). Another customer's quote,
    /// for a contact, is `notFound`.
    public func pdf(_ id: Int64, to path: String? = nil) throws -> String {
        try actor.authorize(.quotePDF)
        guard let quote = try repository.get(id) else { throw ServiceError.notFound }
        try actor.authorize(.quotePDF, customer: try customer(of: quote))
        return try QuoteRendering.renderQuote(quote, store: services.store,
                                              preparer: quote.owner.isEmpty ? actor.auditName : quote.owner, to: path)
    }
}

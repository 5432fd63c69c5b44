import BytekServices
import BytekStore

/// Customer names by id for list rows, read once per id (a list shows few distinct customers).
@MainActor
final class CustomerNames {
    private let lookup: (Int64) -> String?
    private var cache: [Int64: String] = [:]

    /// Names read through the quote operations (the actor's scope applies).
    init(_ quotes: QuoteService) { lookup = { (try? quotes.customer($0))?.legalName } }

    init(repository: CustomerRepository) { lookup = { (try? repository.get($0))?.legalName } }

    func name(_ id: Int64?) -> String {
        guard let id else { return "—" }
        if let known = cache[id] { return known }
        let name = lookup(id) ?? "#\(id)"
        cache[id] = name
        return name
    }

    func forget() { cache.removeAll() }
}

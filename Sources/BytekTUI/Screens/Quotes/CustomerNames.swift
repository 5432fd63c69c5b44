import BytekStore

/// Customer names by id for list rows, read once per id (a list shows few distinct customers).
@MainActor
final class CustomerNames {
    private let repository: CustomerRepository
    private var cache: [Int64: String] = [:]

    init(repository: CustomerRepository) { self.repository = repository }

    func name(_ id: Int64?) -> String {
        guard let id else { return "—" }
        if let known = cache[id] { return known }
        let name = (try? repository.get(id))?.legalName ?? "#\(id)"
        cache[id] = name
        return name
    }

    func forget() { cache.removeAll() }
}

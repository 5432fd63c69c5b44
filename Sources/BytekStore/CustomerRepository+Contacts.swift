import BytekModel

extension CustomerRepository {
    /// Every customer's contacts in one query, by customer id, in their stored order (the export).
    public func contactsByCustomer() throws -> [Int64: [Contact]] {
        var all: [Int64: [Contact]] = [:]
        for row in try db.query(
            "SELECT customer_id, name, role, email, phone, whatsapp FROM customer_contact ORDER BY customer_id, id") {
            all[row.int("customer_id"), default: []].append(
                Contact(name: row.string("name"), role: row.string("role"), email: row.string("email"),
                        phone: row.string("phone"), whatsapp: row.string("whatsapp")))
        }
        return all
    }
}

import BytekModel

extension Actor {
    /// Refuses `operation` unless this actor may do it. Every operation calls this first, even when
    /// the door already hid the action (a door is not a security boundary).
    public func authorize(_ operation: Operation) throws {
        guard operation.allows(self) else { throw ServiceError.forbidden(operation: operation.name, role: role) }
    }

    /// Refuses `operation` on a row that belongs to `customerId`: a contact reaching for another
    /// customer's row gets `notFound`, exactly as for a row that does not exist.
    public func authorize(_ operation: Operation, customer customerId: Int64?) throws {
        try authorize(operation)
        if let scope = customerScope, scope != customerId { throw ServiceError.notFound }
    }

    /// Whether a row of `customerId` is visible to this actor (filters of lists).
    public func sees(customer customerId: Int64?) -> Bool {
        guard let scope = customerScope else { return true }
        return scope == customerId
    }
}

import BytekModel
import BytekStore
import Foundation

/// Customers and their contacts, for an actor: the repository's operations behind permission and scope.
public struct CustomerService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// The repository acting as this actor, through its door.
    var repository: CustomerRepository { services.acting(CustomerRepository.self) }

    /// Saves a new customer (normalized, validated, document unique) with its contacts.
    @discardableResult
    public func create(_ customer: Customer) throws -> Customer {
        try actor.authorize(.customerCreate)
        return try repository.create(customer)
    }

    /// Saves changes (refused with `modifiedElsewhere` when the record changed since it was read).
    @discardableResult
    public func update(_ customer: Customer) throws -> Customer {
        try actor.authorize(.customerEdit)
        return try repository.update(customer)
    }

    @discardableResult
    public func archive(_ id: Int64) throws -> Customer {
        try actor.authorize(.customerArchive)
        return try repository.archive(id)
    }

    @discardableResult
    public func restore(_ id: Int64) throws -> Customer {
        try actor.authorize(.customerArchive)
        return try repository.restore(id)
    }

    /// The customer with its contacts; nil when it does not exist or lies outside the actor's scope.
    public func get(_ id: Int64) throws -> Customer? {
        try actor.authorize(.customerView)
        guard actor.sees(customer: id) else { return nil }
        return try repository.get(id)
    }

    /// The customer with this document, with its contacts.
    public func find(docType: DocumentType, docNumber: String) throws -> Customer? {
        try actor.authorize(.customerList)
        return try repository.find(docType: docType, docNumber: docNumber)
    }

    /// The customer list as a keyset pager.
    public func pager(_ query: CustomerQuery = CustomerQuery()) throws -> KeysetPager<Customer> {
        try actor.authorize(.customerList)
        return repository.pager(query)
    }

    /// The customer list and the order it is really in.
    public func listing(_ query: CustomerQuery = CustomerQuery()) throws -> CustomerListing {
        try actor.authorize(.customerList)
        return repository.listing(query)
    }
}

extension Services {
    public var customers: CustomerService { CustomerService(services: self) }
}

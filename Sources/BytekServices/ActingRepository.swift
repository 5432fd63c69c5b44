import BytekModel
import BytekStore
import Foundation

/// A repository whose audit entries name who acted and through which door.
public protocol ActingRepository {
    init(db: Database, user: String, now: @escaping @Sendable () -> Date)
    var door: Door? { get set }
}

extension UserRepository: ActingRepository {}
extension SSHKeyRepository: ActingRepository {}
extension PortalRepository: ActingRepository {}
extension CatalogRepository: ActingRepository {}
extension ContractRepository: ActingRepository {}
extension CustomerRepository: ActingRepository {}
extension DealRepository: ActingRepository {}
extension ExchangeRateRepository: ActingRepository {}
extension PipelineRepository: ActingRepository {}
extension QuoteRepository: ActingRepository {}

extension Services {
    /// The repository acting as this actor, through its door, on this clock.
    func acting<R: ActingRepository>(_ type: R.Type) -> R {
        var repository = R(db: db, user: actor.auditName, now: now)
        repository.door = actor.door
        return repository
    }
}

import BytekModel
import BytekStore
import Foundation

/// A repository whose audit entries record the door the actor came through.
public protocol DoorRecording {
    var door: Door? { get set }
}

/// A repository built for an actor: who acted (its audit name), on which clock, through which door.
public protocol ActingRepository: DoorRecording {
    init(db: Database, user: String, now: @escaping @Sendable () -> Date)
}

extension UserRepository: ActingRepository {}
extension SSHKeyRepository: ActingRepository {}
extension PortalRepository: ActingRepository {}
extension CatalogRepository: ActingRepository {}
extension ContractRepository: ActingRepository {}
extension CustomerRepository: ActingRepository {}
extension DealRepository: ActingRepository {}
extension ExchangeRateRepository: ActingRepository {}
extension PeriodRepository: ActingRepository {}
extension PipelineRepository: ActingRepository {}
extension QuoteRepository: ActingRepository {}

extension EDocumentRepository: DoorRecording {}
extension EBatchRepository: DoorRecording {}
extension CompanyProfileRepository: DoorRecording {}
extension EInvoicingSettingsRepository: DoorRecording {}

extension Services {
    /// The repository acting as this actor, through its door, on this clock.
    func acting<R: ActingRepository>(_ type: R.Type) -> R {
        throughDoor(R(db: db, user: actor.auditName, now: now))
    }

    /// `repository` recording this actor's door in its audit entries.
    func throughDoor<R: DoorRecording>(_ repository: R) -> R {
        var r = repository
        r.door = actor.door
        return r
    }
}

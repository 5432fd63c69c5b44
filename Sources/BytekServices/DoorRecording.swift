import BytekModel
import BytekStore

/// A repository whose audit entries record the door the actor came through.
protocol DoorRecording {
    var door: Door? { get set }
}

extension EDocumentRepository: DoorRecording {}
extension EBatchRepository: DoorRecording {}
extension CompanyProfileRepository: DoorRecording {}
extension EInvoicingSettingsRepository: DoorRecording {}

extension Services {
    /// `repository` recording this actor's door in its audit entries.
    func throughDoor<R: DoorRecording>(_ repository: R) -> R {
        var r = repository
        r.door = actor.door
        return r
    }
}

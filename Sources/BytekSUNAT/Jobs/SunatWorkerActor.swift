import BytekModel
import BytekStore
import Foundation

/// Who the SUNAT jobs write as: the worker actor of the operations layer (audit name `worker`, door
/// `worker`), so the audit log tells the worker's answers from what people did.
public enum SunatWorkerActor {
    public static let auditName = "worker"

    /// The document repository acting as the worker.
    static func documents(_ db: Database) -> EDocumentRepository {
        var r = EDocumentRepository(db: db, user: auditName)
        r.door = .worker
        return r
    }

    /// The batch repository acting as `user` (the worker unless a caller says otherwise) through the worker's door.
    static func batches(_ db: Database, clock: @escaping MillisecondClock, user: String = auditName) -> EBatchRepository {
        var r = EBatchRepository(db: db, user: user, clock: clock)
        r.door = .worker
        return r
    }
}

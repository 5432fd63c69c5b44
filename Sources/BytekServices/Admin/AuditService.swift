import BytekModel
import BytekStore
import Foundation

/// The audit log, read (Auditoría: admin and finanzas): newest first, filtered; one entry in full.
public struct AuditService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var log: AuditLog { AuditLog(db: services.db, user: actor.auditName, now: services.now) }

    public func pager(_ filter: AuditFilter = AuditFilter()) throws -> KeysetPager<AuditEntry> {
        try actor.authorize(.auditRead)
        return log.pager(filter)
    }

    public func entry(_ id: Int64) throws -> AuditEntry? {
        try actor.authorize(.auditRead)
        return try log.entry(id)
    }

    /// The logins the user filter cycles through.
    public func logins() throws -> [String] {
        try actor.authorize(.auditRead)
        return try UserRepository(db: services.db, user: actor.auditName).list().map(\.login)
    }
}

extension Services {
    public var audit: AuditService { AuditService(services: self) }
}

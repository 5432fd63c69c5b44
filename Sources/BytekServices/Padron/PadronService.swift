import BytekModel
import BytekStore
import Foundation

/// SUNAT's padrón reducido in `padron.sqlite` beside the store's database: its import (admin, audited)
/// and the lookups by RUC the customer and lead forms fill in from.
public struct PadronService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    /// Where the padrón of this store lives.
    public var path: String { PadronFiles.path(besideDatabase: services.store.path) }

    /// Replaces the padrón with SUNAT's file (.zip or .txt). The old file stays when it fails; the
    /// audit log records who imported which file and how many taxpayers it held.
    @discardableResult
    public func importFile(_ source: String, configure: (PadronImporter) -> Void = { _ in },
                           progress: (PadronProgress) -> Void = { _ in }) throws -> PadronImportReport {
        try actor.authorize(.padronImport)
        let importer = PadronImporter(destination: path)
        configure(importer)
        let report = try importer.run(source: source, progress: progress)
        let log = AuditLog(db: services.db, user: actor.auditName, door: actor.door, now: services.now)
        let name = (source as NSString).lastPathComponent
        try services.db.write {
            try log.append(entity: AuditEntity.padron, entityId: nil, action: .import,
                           summary: "Padrón de SUNAT importado de \(name): \(report.imported) contribuyentes",
                           after: PadronAuditState(origen: name, contribuyentes: report.imported,
                                                   lineasConErrores: report.malformed))
        }
        return report
    }

    /// The padrón opened for lookups (nil when none was imported yet). A screen keeps it open and opens
    /// it again to see a newer import.
    public func reader() throws -> Padron? {
        try actor.authorize(.padronLookup)
        return try Padron.open(besideDatabase: services.store.path)
    }

    /// The taxpayer with this RUC; nil when it is not in the padrón (or there is no padrón).
    public func entry(ruc: String) throws -> PadronEntry? {
        try reader()?.entry(ruc: ruc)
    }

    /// What a customer or lead form fills in for this RUC: razón social, dirección, ubigeo.
    public func formFill(ruc: String) throws -> PadronFormFill? {
        try entry(ruc: ruc)?.formFill
    }
}

/// What the audit log keeps of an import.
struct PadronAuditState: Encodable {
    let origen: String
    let contribuyentes: Int
    let lineasConErrores: Int
}

extension Services {
    public var padron: PadronService { PadronService(services: self) }
}

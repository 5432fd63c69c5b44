import BytekModel
import BytekStore
import Foundation

/// The milestones of U2 projects for an actor (issue 13 §3): deliverables attached and released, the
/// milestone marked ready, the customer's sign-off (in the portal, or recorded by staff with evidence), and
/// once approved its invoice — queued for the worker (`hitos.facturar`) in the approval's own transaction,
/// or listed for finanzas (setting `hitos.facturacion`). See `MilestoneService+Invoicing`.
public struct MilestoneService: Sendable {
    let services: Services
    var actor: Actor { services.actor }

    var repository: MilestoneRepository { services.acting(MilestoneRepository.self) }
    var dataFolder: String { DocumentFolders.data(of: services.store) }

    // MARK: reading

    /// Milestone `id` (a contact: only its customer's; another's reads as not found).
    public func milestone(_ id: Int64) throws -> MilestoneRecord {
        try actor.authorize(.milestoneView)
        return try scoped(id, .milestoneView)
    }

    /// The milestones of project `code`.
    public func milestones(projectCode code: String) throws -> [MilestoneRecord] {
        try actor.authorize(.milestoneView)
        let list = try repository.milestones(projectCode: code)
        if let first = list.first { try actor.authorize(.milestoneView, customer: first.customerId) }
        guard !list.isEmpty else { throw MilestoneServiceError.projectNotFound(code) }
        return list
    }

    public func deliverables(milestoneId: Int64) throws -> [DeliverableRecord] {
        _ = try milestone(milestoneId)
        return try repository.deliverables(milestoneId: milestoneId)
    }

    public func signoffs(milestoneId: Int64) throws -> [SignoffRecord] {
        _ = try milestone(milestoneId)
        return try repository.signoffs(milestoneId: milestoneId)
    }

    /// The approved hash the milestone's deliverables give now (what an approval would record).
    public func currentHash(milestoneId: Int64) throws -> String {
        MilestoneSignoffHash.hash(try deliverables(milestoneId: milestoneId).map { .init(sha256: $0.sha256, fileName: $0.fileName) })
    }

    func scoped(_ id: Int64, _ op: Operation) throws -> MilestoneRecord {
        guard let m = try repository.milestone(id: id) else {
            if actor.customerScope != nil { throw ServiceError.notFound }
            throw MilestoneServiceError.store(.milestoneNotFound(id))
        }
        try actor.authorize(op, customer: m.customerId)
        return m
    }

    // MARK: deliverables

    /// Copies the file at `path` as a deliverable of milestone `milestoneId` (named `name`, or the file's own name).
    @discardableResult
    public func attach(milestoneId: Int64, path: String, name: String? = nil) throws -> DeliverableRecord {
        try actor.authorize(.deliverableAttach)
        let m = try scoped(milestoneId, .deliverableAttach)
        let fileName = name ?? (path as NSString).lastPathComponent
        let stored = try DeliverableFiles.copy(source: path, name: fileName, data: dataFolder,
                                               relativeFolder: DeliverableFiles.relativeFolder(projectCode: m.projectCode,
                                                                                               position: m.milestone.position))
        do {
            return try wrap {
                try repository.addDeliverable(milestoneId: milestoneId, fileName: stored.fileName, storedPath: stored.relativePath,
                                              sha256: stored.sha256, bytes: stored.bytes)
            }
        } catch {
            DeliverableFiles.discard(stored, data: dataFolder)
            throw error
        }
    }

    /// Makes deliverable `id` downloadable in the portal; refused while the payment gate holds its milestone.
    public func release(deliverableId id: Int64) throws {
        try actor.authorize(.deliverableRelease)
        guard let d = try repository.deliverable(id: id) else { throw MilestoneServiceError.store(.deliverableNotFound(id)) }
        try services.projectGate.check(projectId: d.projectId, milestoneId: d.milestoneId)
        try wrap { try repository.release(deliverableId: id) }
    }

    /// The absolute path of a deliverable for a download. A contact gets only released ones, or those of a
    /// milestone waiting for its approval, of its own customer; anything else reads as not found.
    public func download(deliverableId id: Int64) throws -> (record: DeliverableRecord, path: String) {
        try actor.authorize(.milestoneView)
        guard let d = try repository.deliverable(id: id) else {
            if actor.customerScope != nil { throw ServiceError.notFound }
            throw MilestoneServiceError.store(.deliverableNotFound(id))
        }
        let m = try scoped(d.milestoneId, .milestoneView)
        if actor.customerScope != nil && !(d.released || m.milestone.state == .ready) { throw ServiceError.notFound }
        return (d, dataFolder + "/" + d.storedPath)
    }

    // MARK: readiness and sign-off

    /// Ready for the customer's approval (needs at least one deliverable).
    public func markReady(milestoneId: Int64) throws {
        try actor.authorize(.milestoneReady)
        _ = try scoped(milestoneId, .milestoneReady)
        try wrap { try repository.markReady(milestoneId: milestoneId) }
    }

    /// Staff record a decision received another way (correo, acta, otro) with its evidence file copied beside
    /// the deliverables; `who` is the name typed (who approved at the customer).
    @discardableResult
    public func recordSignoff(milestoneId: Int64, decision: SignoffDecision = .approved, channel: SignoffChannel, who: String,
                              evidencePath: String, comment: String = "") throws -> SignoffRecord {
        try actor.authorize(.milestoneSignoffRecord)
        let m = try scoped(milestoneId, .milestoneSignoffRecord)
        guard channel != .portal else {
            throw MilestoneServiceError.invalid("Medio: use correo, acta u otro (las aprobaciones del portal las registra el cliente).")
        }
        let name = who.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw MilestoneServiceError.invalid("Aprobado por: escriba el nombre de quien aprobó en el cliente.") }
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .changes && text.isEmpty { throw MilestoneServiceError.commentRequired }
        guard m.milestone.state == .ready else {
            throw MilestoneServiceError.store(.wrongState(m.milestone.state, action: decision == .approved ? "aprobarlo" : "pedir cambios"))
        }
        guard !evidencePath.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw MilestoneServiceError.invalid("Evidencia: adjunte el archivo del correo o del acta firmada.")
        }
        let stored = try DeliverableFiles.copy(source: evidencePath, name: (evidencePath as NSString).lastPathComponent, data: dataFolder,
                                               relativeFolder: DeliverableFiles.relativeFolder(projectCode: m.projectCode,
                                                                                               position: m.milestone.position, evidence: true))
        do {
            return try wrap {
                try repository.recordSignoff(milestoneId: milestoneId, decision: decision, how: channel, who: name, comment: text,
                                             evidencePath: stored.relativePath, evidenceSha256: stored.sha256)
            }
        } catch {
            DeliverableFiles.discard(stored, data: dataFolder)
            throw error
        }
    }

    /// The customer's contact decides in the portal: approve, or ask for changes (comment required).
    @discardableResult
    public func decide(milestoneId: Int64, decision: SignoffDecision, comment: String = "") throws -> SignoffRecord {
        try actor.authorize(.milestoneSignoffPortal)
        _ = try scoped(milestoneId, .milestoneSignoffPortal)
        guard case .contact(_, _, let email) = actor.kind else { throw ServiceError.forbidden(operation: Operation.milestoneSignoffPortal.name, role: actor.role) }
        let text = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if decision == .changes && text.isEmpty { throw MilestoneServiceError.commentRequired }
        guard text.count <= 2000 else { throw MilestoneServiceError.invalid("Comentario: tiene más de 2000 caracteres; acórtelo.") }
        return try wrap {
            try repository.recordSignoff(milestoneId: milestoneId, decision: decision, how: .portal, who: email, comment: text)
        }
    }

    /// The setting `hitos.facturacion`.
    public func billingMode() throws -> MilestoneBillingMode {
        try actor.authorize(.milestoneInvoiceQueue)
        return try repository.billingMode()
    }

    public func setBillingMode(_ mode: MilestoneBillingMode) throws {
        try actor.authorize(.milestoneBillingSetting)
        try repository.setBillingMode(mode)
    }

    func wrap<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let e as MilestoneStoreError { throw MilestoneServiceError.store(e) }
    }
}

/// Why a milestone action was refused; `message` in Spanish, naming the field and what to fix.
public enum MilestoneServiceError: Error, Sendable, Hashable {
    case store(MilestoneStoreError)
    case invalid(String)
    case tooLarge(Int64)
    case commentRequired
    case projectNotFound(String)
    case invoicing(String)

    public var message: String {
        switch self {
        case .store(let e): return e.message
        case .invalid(let text): return text
        case .tooLarge(let bytes):
            return "Archivo: pesa \(bytes / 1_048_576) MB; el límite es 200 MB. Compártalo en partes o comprimido."
        case .commentRequired: return "Comentario: diga qué cambios pide; es obligatorio al pedir cambios."
        case .projectNotFound(let code): return "No existe el proyecto \(code) o no tiene hitos."
        case .invoicing(let text): return text
        }
    }
}

extension MilestoneRepository: ActingRepository {}

extension Services {
    public var milestones: MilestoneService { MilestoneService(services: self) }
}

extension MilestoneService {
    /// The projects of `customerId` with their milestones (a contact: only its own customer).
    public func projects(customerId: Int64) throws -> [CustomerProjectOverview] {
        try actor.authorize(.milestoneView, customer: customerId)
        return try repository.projects(customerId: customerId)
    }
}

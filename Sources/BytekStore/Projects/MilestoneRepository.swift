import BytekModel
import Foundation

/// A milestone with what the fronts show beside it: its project's code, customer and quote.
public struct MilestoneRecord: Sendable, Hashable {
    public var milestone: ProjectMilestone
    public var projectCode: String
    public var projectName: String
    public var customerId: Int64
    public var customerName: String
    public var quoteId: Int64?
    public var currency: Currency
    /// How many milestones the project has.
    public var count: Int
    /// The invoice's number ("F001-12"), once issued.
    public var documentNumber: String?
}

/// A file delivered for a milestone (stored beside the database; `storedPath` relative to the data folder).
public struct DeliverableRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var projectId: Int64
    public var milestoneId: Int64
    public var fileName: String
    public var storedPath: String
    public var sha256: String
    public var bytes: Int64
    public var released: Bool
    public var uploadedBy: String
    public var uploadedAt: String
}

/// One decision on a milestone (`milestone_signoff`).
public struct SignoffRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var milestoneId: Int64
    public var decision: String
    public var how: String
    public var who: String
    public var comment: String
    public var evidencePath: String?
    public var evidenceSha256: String?
    public var approvedHash: String
    public var decidedAt: String
    public var recordedBy: String
}

/// What happens once a milestone is approved (setting `hitos.facturacion`).
public enum MilestoneBillingMode: String, Sendable, CaseIterable {
    /// The worker issues the invoice (job `hitos.facturar`, queued with the approval).
    case automatic = "automatica"
    /// The milestone is listed for finanzas, who issue it.
    case finance = "finanzas"
}

/// Why a milestone write was refused; `message` in Spanish.
public enum MilestoneStoreError: Error, Sendable, Hashable {
    case milestoneNotFound(Int64)
    case deliverableNotFound(Int64)
    case noDeliverables
    case wrongState(MilestoneState, action: String)
    case alreadyInvoiced

    public var message: String {
        switch self {
        case .milestoneNotFound(let id): return "No existe el hito \(id)."
        case .deliverableNotFound(let id): return "No existe el entregable \(id)."
        case .noDeliverables:
            return "El hito no tiene entregables: adjunte al menos un archivo antes de marcarlo listo para aprobación."
        case .wrongState(let s, let action):
            return "No se puede \(action): el hito está «\(s.displayName)»."
        case .alreadyInvoiced: return "El hito ya está facturado."
        }
    }
}

/// Milestones of U2 projects: deliverables, readiness, sign-offs and the milestone's invoice. Every write
/// is one IMMEDIATE transaction with its audit entry (`hito`, `entregable`, `aprobacion_hito`).
public struct MilestoneRepository: Sendable {
    public let db: Database
    public let user: String
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public static let milestoneEntity = "hito"
    public static let deliverableEntity = "entregable"
    public static let signoffEntity = "aprobacion_hito"
    public static let billingSetting = "hitos.facturacion"
    public static let jobKind = "hitos.facturar"

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { ProcessClock.now() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    var stamp: String { ISOTimestamp.format(now()) }

    // MARK: reading

    static let select = """
        SELECT m.*, p.code AS p_code, p.name AS p_name, p.customer_id AS p_customer, p.quote_id AS p_quote,
        p.currency AS p_currency, c.legal_name AS c_name,
        (SELECT count(*) FROM project_milestone x WHERE x.project_id = m.project_id) AS m_count,
        (SELECT d.series || '-' || d.number FROM e_document d WHERE d.id = m.document_id) AS d_number
        FROM project_milestone m JOIN project p ON p.id = m.project_id JOIN customer c ON c.id = p.customer_id
        """

    static func record(_ row: Row) -> MilestoneRecord {
        let currency = Currency(rawValue: row.string("p_currency")) ?? .pen
        let m = ProjectMilestone(
            id: row.int("id"), projectId: row.int("project_id"), position: Int(row.int("position")), name: row.string("name"),
            percent: Decimal(string: row.string("percent")) ?? 0, amount: Money(minorUnits: row.int("amount_cents"), currency),
            plannedDate: LocalDate(row.string("planned_date")) ?? LocalDate(daysSinceEpoch: 0),
            state: MilestoneState(rawValue: row.string("state")) ?? .pending,
            quoteMilestoneId: row["quote_milestone_id"].intValue, documentId: row["document_id"].intValue,
            invoiceQueuedAt: row.optionalString("invoice_queued_at").flatMap(ISOTimestamp.parse))
        return MilestoneRecord(milestone: m, projectCode: row.string("p_code"), projectName: row.string("p_name"),
                               customerId: row.int("p_customer"), customerName: row.string("c_name"),
                               quoteId: row["p_quote"].intValue, currency: currency, count: Int(row.int("m_count")),
                               documentNumber: row.optionalString("d_number"))
    }

    public func milestone(id: Int64) throws -> MilestoneRecord? {
        try db.queryOne(Self.select + " WHERE m.id = ?", [.int(id)]).map(Self.record)
    }

    /// The milestones of project `code` (or id), in order.
    public func milestones(projectCode code: String) throws -> [MilestoneRecord] {
        try db.query(Self.select + " WHERE p.code = ? COLLATE NOCASE ORDER BY m.position", [.text(code)]).map(Self.record)
    }

    public func milestones(projectId: Int64) throws -> [MilestoneRecord] {
        try db.query(Self.select + " WHERE m.project_id = ? ORDER BY m.position", [.int(projectId)]).map(Self.record)
    }

    /// Approved milestones waiting for finanzas to issue their invoice, oldest first.
    public func queuedForFinance() throws -> [MilestoneRecord] {
        try db.query(Self.select + " WHERE m.state = 'aprobado' AND m.invoice_queued_at IS NOT NULL AND m.document_id IS NULL "
                     + "ORDER BY m.invoice_queued_at, m.id").map(Self.record)
    }

    static func deliverable(_ row: Row) -> DeliverableRecord {
        DeliverableRecord(id: row.int("id"), projectId: row.int("project_id"), milestoneId: row.int("milestone_id"),
                          fileName: row.string("file_name"), storedPath: row.string("stored_path"), sha256: row.string("sha256"),
                          bytes: row.int("bytes"), released: row.bool("released"), uploadedBy: row.string("uploaded_by"),
                          uploadedAt: row.string("uploaded_at"))
    }

    public func deliverables(milestoneId: Int64) throws -> [DeliverableRecord] {
        try db.query("SELECT * FROM project_deliverable WHERE milestone_id = ? ORDER BY id", [.int(milestoneId)]).map(Self.deliverable)
    }

    public func deliverable(id: Int64) throws -> DeliverableRecord? {
        try db.queryOne("SELECT * FROM project_deliverable WHERE id = ?", [.int(id)]).map(Self.deliverable)
    }

    public func signoffs(milestoneId: Int64) throws -> [SignoffRecord] {
        try db.query("SELECT * FROM milestone_signoff WHERE milestone_id = ? ORDER BY decided_at, id", [.int(milestoneId)]).map { r in
            SignoffRecord(id: r.int("id"), milestoneId: r.int("milestone_id"), decision: r.string("decision"), how: r.string("how"),
                          who: r.string("who"), comment: r.string("comment"), evidencePath: r.optionalString("evidence_path"),
                          evidenceSha256: r.optionalString("evidence_sha256"), approvedHash: r.string("approved_hash"),
                          decidedAt: r.string("decided_at"), recordedBy: r.string("recorded_by"))
        }
    }

    /// The setting `hitos.facturacion` (automatic when unset or unknown).
    public func billingMode() throws -> MilestoneBillingMode {
        try SettingsRepository(db: db).value(Self.billingSetting).flatMap(MilestoneBillingMode.init(rawValue:)) ?? .automatic
    }

    public func setBillingMode(_ mode: MilestoneBillingMode) throws {
        try db.write {
            try SettingsRepository(db: db).set(Self.billingSetting, mode.rawValue)
            try audit.append(entity: Self.milestoneEntity, entityId: nil, action: .update,
                             summary: "Facturación de hitos aprobados: \(mode.rawValue)", at: now())
        }
    }

    // MARK: writes

    /// Records a delivered file (already copied to `storedPath`).
    @discardableResult
    public func addDeliverable(milestoneId: Int64, fileName: String, storedPath: String, sha256: String, bytes: Int64) throws -> DeliverableRecord {
        try db.write {
            guard let m = try milestone(id: milestoneId) else { throw MilestoneStoreError.milestoneNotFound(milestoneId) }
            guard m.milestone.state != .approved && m.milestone.state != .invoiced else {
                throw MilestoneStoreError.wrongState(m.milestone.state, action: "adjuntar entregables")
            }
            try db.execute("""
                INSERT INTO project_deliverable(project_id, milestone_id, file_name, stored_path, sha256, bytes, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(m.milestone.projectId), .int(milestoneId), .text(fileName), .text(storedPath), .text(sha256), .int(bytes),
                      .text(user), .text(stamp)])
            let id = db.lastInsertRowID
            if m.milestone.state == .pending {
                try db.execute("UPDATE project_milestone SET state = 'en_curso' WHERE id = ?", [.int(milestoneId)])
            }
            guard let d = try deliverable(id: id) else { throw MilestoneStoreError.deliverableNotFound(id) }
            try audit.append(entity: Self.deliverableEntity, entityId: id, action: .create,
                             summary: "\(m.projectCode) hito \(m.milestone.position): \(fileName) (\(bytes) bytes, SHA-256 \(sha256))",
                             after: d, at: now())
            return d
        }
    }

    /// Marks a deliverable downloadable in the portal.
    public func release(deliverableId: Int64) throws {
        try db.write {
            guard let d = try deliverable(id: deliverableId) else { throw MilestoneStoreError.deliverableNotFound(deliverableId) }
            try db.execute("UPDATE project_deliverable SET released = 1 WHERE id = ?", [.int(deliverableId)])
            try audit.append(entity: Self.deliverableEntity, entityId: deliverableId, action: .update,
                             summary: "Entregable \(d.fileName) liberado en el portal", at: now())
        }
    }

    /// Ready for the customer's approval: needs at least one deliverable. `ready_since` is today in Lima by the
    /// injected clock (the alarms count the working days an approval waits from it).
    public func markReady(milestoneId: Int64) throws {
        try db.write {
            guard let m = try milestone(id: milestoneId) else { throw MilestoneStoreError.milestoneNotFound(milestoneId) }
            guard [.pending, .inProgress, .changesRequested].contains(m.milestone.state) else {
                throw MilestoneStoreError.wrongState(m.milestone.state, action: "marcarlo listo para aprobación")
            }
            let n = try db.scalar("SELECT count(*) FROM project_deliverable WHERE milestone_id = ?", [.int(milestoneId)]).intValue ?? 0
            guard n > 0 else { throw MilestoneStoreError.noDeliverables }
            try db.execute("UPDATE project_milestone SET state = 'listo', ready_since = ? WHERE id = ?",
                           [.text(LimaTime.date(now()).description), .int(milestoneId)])
            try audit.append(entity: Self.milestoneEntity, entityId: milestoneId, action: .update,
                             summary: "\(m.projectCode) hito \(m.milestone.position) \(m.milestone.name): listo para aprobación", at: now())
        }
    }

    /// Records a decision on a milestone in state `listo`: approval → `aprobado` and, in the same transaction,
    /// the invoice job queued (automatic) or the milestone listed for finanzas; changes → `cambios`.
    /// `approvedHash` is computed here from the deliverables as they are now (`MilestoneSignoffHash`).
    @discardableResult
    public func recordSignoff(milestoneId: Int64, decision: SignoffDecision, how: SignoffChannel, who: String, comment: String,
                              evidencePath: String? = nil, evidenceSha256: String? = nil) throws -> SignoffRecord {
        try db.write {
            guard let m = try milestone(id: milestoneId) else { throw MilestoneStoreError.milestoneNotFound(milestoneId) }
            guard m.milestone.state == .ready else {
                throw MilestoneStoreError.wrongState(m.milestone.state,
                                                     action: decision == .approved ? "aprobarlo" : "pedir cambios")
            }
            let items = try deliverables(milestoneId: milestoneId).map { MilestoneSignoffHash.Item(sha256: $0.sha256, fileName: $0.fileName) }
            let hash = MilestoneSignoffHash.hash(items)
            let at = stamp
            try db.execute("""
                INSERT INTO milestone_signoff(milestone_id, decision, how, who, comment, evidence_path, evidence_sha256, approved_hash,
                decided_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [.int(milestoneId), .text(decision.rawValue), .text(how.rawValue), .text(who), .text(comment),
                      evidencePath.map(SQLValue.text) ?? .null, evidenceSha256.map(SQLValue.text) ?? .null, .text(hash), .text(at), .text(user)])
            let id = db.lastInsertRowID
            switch decision {
            case .changes:
                try db.execute("UPDATE project_milestone SET state = 'cambios' WHERE id = ?", [.int(milestoneId)])
            case .approved:
                try db.execute("UPDATE project_milestone SET state = 'aprobado' WHERE id = ?", [.int(milestoneId)])
                switch try billingMode() {
                case .automatic:
                    let clock: MillisecondClock = { [now] in Int64((now().timeIntervalSince1970 * 1000).rounded()) }
                    try JobQueue(db: db, clock: clock).enqueue(kind: Self.jobKind, payload: "{\"hito\":\(milestoneId)}",
                                                               idempotencyKey: "\(Self.jobKind):\(milestoneId)")
                case .finance:
                    try db.execute("UPDATE project_milestone SET invoice_queued_at = ? WHERE id = ?", [.text(at), .int(milestoneId)])
                }
            }
            guard let s = try signoffs(milestoneId: milestoneId).first(where: { $0.id == id }) else {
                throw MilestoneStoreError.milestoneNotFound(milestoneId)
            }
            let verb = decision == .approved ? "aprobado" : "cambios pedidos"
            try audit.append(entity: Self.signoffEntity, entityId: id, action: .create,
                             summary: "\(m.projectCode) hito \(m.milestone.position) \(verb) por \(who) (\(how.displayName)); hash \(hash)",
                             after: s, at: now())
            return s
        }
    }

    /// Called inside the invoice's issuing transaction: links the document and moves the milestone to
    /// `facturado`. Throws (rolling the whole document back, no number taken) when it was invoiced already.
    public func linkInvoice(milestoneId: Int64, documentId: Int64) throws {
        try db.execute("UPDATE project_milestone SET document_id = ?, state = 'facturado' WHERE id = ? AND document_id IS NULL AND state = 'aprobado'",
                       [.int(documentId), .int(milestoneId)])
        guard db.changes == 1 else { throw MilestoneStoreError.alreadyInvoiced }
        let documentNumber = try db.scalar("SELECT series || '-' || number FROM e_document WHERE id = ?", [.int(documentId)]).stringValue ?? "\(documentId)"
        try audit.append(entity: Self.milestoneEntity, entityId: milestoneId, action: .update,
                         summary: "Hito facturado con \(documentNumber)", at: now())
    }
}

/// A project as the customer's portal shows it: progress and milestones.
public struct CustomerProjectOverview: Sendable, Hashable {
    public var id: Int64
    public var code: String
    public var name: String
    public var status: String
    public var promisedDate: String
    public var tasksDone: Int
    public var tasksTotal: Int
    public var milestones: [MilestoneRecord]

    /// Percent done: tasks done of the tasks (cancelled ones left out), else milestones approved or invoiced.
    public var progressPercent: Int {
        if tasksTotal > 0 { return tasksDone * 100 / tasksTotal }
        guard !milestones.isEmpty else { return 0 }
        let done = milestones.filter { $0.milestone.state == .approved || $0.milestone.state == .invoiced }.count
        return done * 100 / milestones.count
    }
}

extension MilestoneRepository {
    /// The projects of `customerId` (archived ones left out), newest first.
    public func projects(customerId: Int64) throws -> [CustomerProjectOverview] {
        try db.query("""
            SELECT p.id, p.code, p.name, p.status, p.promised_date,
            (SELECT count(*) FROM project_task t WHERE t.project_id = p.id AND t.state = 'hecho') AS done,
            (SELECT count(*) FROM project_task t WHERE t.project_id = p.id AND t.state <> 'cancelada') AS total
            FROM project p WHERE p.customer_id = ? AND p.status <> 'archivado' ORDER BY p.id DESC
            """, [.int(customerId)]).map { r in
            CustomerProjectOverview(id: r.int("id"), code: r.string("code"), name: r.string("name"), status: r.string("status"),
                                    promisedDate: r.string("promised_date"), tasksDone: Int(r.int("done")),
                                    tasksTotal: Int(r.int("total")), milestones: try milestones(projectId: r.int("id")))
        }
    }
}

import BytekModel
import Foundation

/// What was done to a record (the `action` column of the audit log).
public enum AuditAction: String, CaseIterable, Sendable, Codable {
    case create, update, archive, restore, delete, `import`, login
}

/// The entity names the repositories write in the audit log.
public enum AuditEntity {
    public static let customer = "customer"
    public static let catalogItem = "catalog_item"
    public static let user = "user"
    /// The company profile printed on documents.
    public static let company = CompanyProfileRepository.auditEntity
    /// An electronic document (factura, boleta, nota).
    public static let eDocument = "e_document"
    /// A resumen diario or a comunicación de baja sent to SUNAT.
    public static let eBatch = "e_batch"
    /// A customer contact's or technician's access to the web portal.
    public static let portalAccount = "portal_account"
    /// An import of SUNAT's padrón reducido (the file beside the database).
    public static let padron = "padron"

    /// Every entity name written to the audit log, in the order the Auditoría filter offers them.
    /// A repository that audits a new kind of record adds its name here (and the screen's string
    /// catalog its Spanish name): a test reads every `append(entity:)` in the sources and fails
    /// for a name missing from this list or from the catalog.
    public static let all: [String] = [
        customer, catalogItem, SalesAuditEntity.lead, SalesAuditEntity.deal, SalesAuditEntity.dealActivity,
        SalesAuditEntity.pipelineStage, SalesAuditEntity.quote, SalesAuditEntity.subscription, SalesAuditEntity.contract,
        eDocument, eBatch, company, user, SSHKeyRepository.entity, portalAccount,
        ExchangeRateRepository.rateAuditEntity,
        padron,
        SalesRegisterRepository.auditEntity,
        RecurringRepository.runAuditEntity,
        ReceivableAuditEntity.ledgerReceivable, ReceivableAuditEntity.ledgerPayment, ReceivableAuditEntity.ledgerBankAccount,
        ReceivableAuditEntity.ledgerDeposit, ReceivableAuditEntity.ledgerRetention, ReceivableAuditEntity.ledgerCredit,
        PeriodRepository.auditEntity,
        BankStatementRepository.auditEntity,
        CreditOverrideRepository.auditEntity,
        CardAuditEntity.savedCardEntity, CardAuditEntity.cardAutopayEntity, CardAuditEntity.cardChargeEntity,
        CardAuditEntity.cardRefundEntity, CardAuditEntity.cardPayoutEntity,
        MessageOutbox.auditEntity,
        ReminderRepository.policyEntity, ReminderRepository.customerEntity, ReminderRepository.sentEntity,
        HolidayRepository.auditEntity,
        ProjectRepository.projectEntity, ProjectRepository.taskEntity, ProjectRepository.templateEntity,
        GateRepository.auditEntity,
        MilestoneRepository.milestoneEntity, MilestoneRepository.deliverableEntity, MilestoneRepository.signoffEntity,
        ProjectCostRepository.auditEntity,
        TimesheetRepository.entryEntity, TimesheetRepository.weekEntity, TimesheetRepository.rateEntity,
    ]
}

/// One line of the audit log: who did what to which record, when, with the record's state
/// before and after as JSON objects (nil for a creation's before or a deletion's after).
public struct AuditEntry: Sendable, Hashable {
    public var id: Int64
    public var at: Date
    public var user: String
    public var entity: String
    public var entityId: Int64?
    public var action: AuditAction
    public var summary: String
    public var before: String?
    public var after: String?
    /// The door the change came through; nil for entries written before doors were recorded.
    public var door: Door? = nil
}

/// Filters for browsing the audit log; nil or empty means "any".
public struct AuditFilter: Sendable, Hashable {
    public var entity: String?
    public var entityId: Int64?
    public var user: String?
    public var action: AuditAction?
    /// Inclusive lower bound.
    public var from: Date?
    /// Exclusive upper bound.
    public var to: Date?
    /// Words looked for in the summary, case- and accent-insensitively.
    public var text: String?

    public init(entity: String? = nil, entityId: Int64? = nil, user: String? = nil, action: AuditAction? = nil,
                from: Date? = nil, to: Date? = nil, text: String? = nil) {
        self.entity = entity; self.entityId = entityId; self.user = user; self.action = action
        self.from = from; self.to = to; self.text = text
    }
}

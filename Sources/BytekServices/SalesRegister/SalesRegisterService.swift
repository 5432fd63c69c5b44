import BytekModel
import BytekStore
import BytekSUNAT
import Foundation

extension SalesRegisterRepository: ActingRepository {}

/// A period of the sales register as BYTEK keeps it: its RVIE lines and their totals.
public struct SalesRegisterPeriodView: Sendable {
    public var period: YearMonth
    /// The RUC and name the file states (the company profile's).
    public var ruc: String
    public var legalName: String
    public var lines: [RVIELine]
    /// Where each document stands with SUNAT ("aceptado", "pendiente", "anulado" …).
    public var statuses: [RVIEKey: String]

    public var file: RVIEFile { RVIEFile(ruc: ruc, period: period, lines: lines) }
    public var totals: SalesRegisterTotals { SalesRegisterTotals(lines) }
    /// The plain CSV of the period's documents, for the accountant.
    public var csv: [UInt8] { SalesRegisterCSV.documents(lines, statuses: statuses) }
}

/// The sales register for SIRE (RVIE), for an actor: the period's lines and totals, the replacement ZIP, and
/// the comparison with the proposal SUNAT builds from the documents it received.
public struct SalesRegisterService: Sendable {
    let services: Services
    var actor: Actor { services.actor }
    var repository: SalesRegisterRepository { services.acting(SalesRegisterRepository.self) }

    /// The month before the services' clock's (Lima): the one whose register is due.
    public var lastMonth: YearMonth {
        SalesRegisterPeriod.previous(LocalDate(services.now(), in: ExchangeRateService.lima).yearMonth)
    }

    /// The period's documents as RVIE lines (by type, series, number).
    public func period(_ period: YearMonth) throws -> SalesRegisterPeriodView {
        try actor.authorize(.salesRegisterView)
        return try load(period)
    }

    /// Writes the replacement ZIP of `period` into `directory` and records it in the audit log; returns the
    /// period as written and the zip's path.
    public func generate(_ period: YearMonth, into directory: String) throws -> (view: SalesRegisterPeriodView, path: String) {
        try actor.authorize(.salesRegisterGenerate)
        let view = try load(period)
        let path = try SalesRegisterFiles.writeZip(view.file, into: directory)
        do {
            try repository.recordGeneration(period: period, fileName: view.file.zipName, totals: view.totals)
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return (view, path)
    }

    /// Reads SUNAT's proposal (TXT or ZIP, as downloaded) and compares it with the period's documents.
    /// Throws `SalesRegisterError` naming the line and what is wrong when the file is not a proposal of this
    /// RUC and period.
    public func compare(_ period: YearMonth, proposalPath: String) throws -> (view: SalesRegisterPeriodView, comparison: RVIEComparison) {
        try actor.authorize(.salesRegisterCompare)
        let view = try load(period)
        let sunat = try RVIEProposal.parse(try SalesRegisterFiles.readProposal(proposalPath), ruc: view.ruc, period: period)
        return (view, RVIEComparison(ours: view.lines, sunat: sunat))
    }

    /// Queues the worker's "sire.propuesta" job: ask SUNAT's SIRE API for the proposal of `period` and save it in
    /// `folder`; returns the path it will have. The request and its audit entry are one transaction.
    public func requestProposal(_ period: YearMonth, into folder: String) throws -> String {
        try actor.authorize(.salesRegisterRequest)
        let path = SireProposalJob.path(period: period, folder: folder)
        let now = services.now
        let queue = JobQueue(db: services.db, clock: { Int64(now().timeIntervalSince1970 * 1000) })
        try services.db.write {
            _ = try queue.enqueue(kind: SireProposalJob.kind, payload: SireProposalJob.payload(period: period, folder: folder))
            try repository.recordProposalRequest(period: period, path: path)
        }
        return path
    }

    private func load(_ period: YearMonth) throws -> SalesRegisterPeriodView {
        let docs = try repository.documents(period)
        let profile = try CompanyProfileRepository(db: services.db, user: actor.auditName, now: services.now).load()
        var ruc = profile.ruc
        var name = profile.legalName
        if DocumentType.ruc.validate(ruc) != nil, let first = docs.first {
            ruc = first.document.issuer.ruc
            name = first.document.issuer.legalName
        }
        guard DocumentType.ruc.validate(ruc) == nil else { throw SalesRegisterError.companyRUCMissing }
        var lines: [RVIELine] = []
        var statuses: [RVIEKey: String] = [:]
        lines.reserveCapacity(docs.count)
        for d in docs {
            do throws(EDocumentError) {
                let line = try RVIELine(d, ruc: ruc, legalName: name, period: period)
                statuses[line.key] = d.status
                lines.append(line)
            } catch {
                throw SalesRegisterError.document(id: d.document.id, reason: error.message)
            }
        }
        return SalesRegisterPeriodView(period: period, ruc: ruc, legalName: name, lines: lines, statuses: statuses)
    }
}

extension Services {
    public var salesRegister: SalesRegisterService { SalesRegisterService(services: self) }
}

import BytekModel
import Foundation

/// Leads, deals and their activities. Every change is one transaction with its audit entry.
public struct DealRepository: Sendable {
    public let db: Database
    /// The login of the user acting (for the audit log).
    public let user: String
    /// The door the actor came through, recorded in the audit log (nil: not known).
    public var door: Door? = nil
    public let now: @Sendable () -> Date

    public init(db: Database, user: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.db = db; self.user = user; self.now = now
    }

    var audit: AuditLog { AuditLog(db: db, user: user, door: door, now: now) }
    private var pipelines: PipelineRepository { PipelineRepository(db: db, user: user, now: now) }

    // MARK: deals

    /// Saves a new deal in its stage (which must be an active stage of its unit's pipeline, and not a
    /// lost one without a reason). The time it entered the stage is now.
    @discardableResult
    public func create(_ deal: Deal) throws -> Deal {
        do { try deal.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            let stage = try stageFor(deal, stageId: deal.stageId)
            let stamp = SalesColumns.truncated(now())
            var d = Deal(title: deal.title, leadId: deal.leadId, customerId: deal.customerId, unit: deal.unit,
                         stageId: deal.stageId, owner: deal.owner, estimatedValue: deal.estimatedValue,
                         expectedClose: deal.expectedClose, source: deal.source, stageEnteredAt: stamp)
            if stage.kind == .lost {
                do { try d.move(to: stage, at: stamp, lostReason: deal.lostReason) }
                catch let error as PipelineError { throw SalesRepositoryError.pipeline(error) }
            }
            let at = ISOTimestamp.format(stamp)
            try db.execute(
                "INSERT INTO deal(\(DealRepository.dataColumns.joined(separator: ", ")), created_at, updated_at) VALUES ("
                    + Array(repeating: "?", count: DealRepository.dataColumns.count + 2).joined(separator: ", ") + ")",
                DealRepository.values(d) + [.text(at), .text(at)])
            d.id = db.lastInsertRowID
            try audit.append(entity: SalesAuditEntity.deal, entityId: d.id, action: .create,
                             summary: DealRepository.summary(d, stage), after: d, at: stamp)
            return d
        }
    }

    /// Saves a deal's title, lead/customer, owner, value, close date and source. Its stage is
    /// changed only by `move`.
    @discardableResult
    public func update(_ deal: Deal) throws -> Deal {
        guard let id = deal.id else { throw SalesRepositoryError.notFound(SalesAuditEntity.deal, 0) }
        do { try deal.validate() } catch { throw SalesRepositoryError.pipeline(error) }
        return try db.write {
            guard let before = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.deal, id) }
            let after = Deal(id: id, title: deal.title, leadId: deal.leadId, customerId: deal.customerId,
                             unit: before.unit, stageId: before.stageId, owner: deal.owner,
                             estimatedValue: deal.estimatedValue, expectedClose: deal.expectedClose,
                             source: deal.source, lostReason: before.lostReason, stageEnteredAt: before.stageEnteredAt)
            if after == before { return before }
            try write(after, before: before, summary: "editado")
            return after
        }
    }

    /// Moves a deal to another stage of its unit's pipeline. A lost stage needs `lostReason`; a
    /// retired stage is refused.
    @discardableResult
    public func move(_ id: Int64, to stageId: Int64, lostReason: String? = nil) throws -> Deal {
        try db.write {
            guard let before = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.deal, id) }
            let stage = try stageFor(before, stageId: stageId)
            var after = before
            do { try after.move(to: stage, at: SalesColumns.truncated(now()), lostReason: lostReason) }
            catch let error as PipelineError { throw SalesRepositoryError.pipeline(error) }
            if after == before { return before }
            try write(after, before: before, summary: "→ \(stage.name)")
            return after
        }
    }

    /// Moves a deal to its pipeline's lost stage with the reason.
    @discardableResult
    public func markLost(_ id: Int64, reason: String) throws -> Deal {
        try db.write {
            guard let deal = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.deal, id) }
            guard let lost = try pipelines.pipeline(for: deal.unit)?.lostStage, let stageId = lost.id else {
                throw SalesRepositoryError.pipeline(.needsWonAndLostStage)
            }
            return try move(id, to: stageId, lostReason: reason)
        }
    }

    /// Moves a deal to its pipeline's won stage.
    @discardableResult
    public func markWon(_ id: Int64) throws -> Deal {
        try db.write {
            guard let deal = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.deal, id) }
            guard let won = try pipelines.pipeline(for: deal.unit)?.wonStage, let stageId = won.id else {
                throw SalesRepositoryError.pipeline(.needsWonAndLostStage)
            }
            return try move(id, to: stageId)
        }
    }

    private func stageFor(_ deal: Deal, stageId: Int64) throws -> Stage {
        guard let (stage, unit) = try pipelines.stage(stageId) else {
            throw SalesRepositoryError.pipeline(.stageNotInPipeline(stageId))
        }
        guard unit == deal.unit else { throw SalesRepositoryError.stageOfAnotherUnit(stageId: stageId, unit: unit) }
        guard stage.active else { throw SalesRepositoryError.pipeline(.stageRetired(stageId)) }
        return stage
    }

    private func write(_ after: Deal, before: Deal, summary: String) throws {
        guard let id = after.id else { return }
        let stamp = now()
        try db.execute(
            "UPDATE deal SET " + DealRepository.dataColumns.map { "\($0) = ?" }.joined(separator: ", ")
                + ", updated_at = ? WHERE id = ?",
            DealRepository.values(after) + [.text(ISOTimestamp.format(stamp)), .int(id)])
        try audit.append(entity: SalesAuditEntity.deal, entityId: id, action: .update,
                         summary: "\(after.unit.code) \(after.title) \(summary)", before: before, after: after, at: stamp)
    }

    // MARK: reading

    public func get(_ id: Int64) throws -> Deal? {
        try db.queryOne("SELECT \(DealRepository.selectColumns) FROM deal WHERE id = ?", [.int(id)])
            .map(DealRepository.decode)
    }

    /// The deals matching `query`, oldest first, as a keyset pager (the list view and a board column).
    public func pager(_ query: DealQuery = DealQuery()) -> KeysetPager<Deal> {
        let (condition, args) = DealRepository.filter(query)
        return KeysetPager(db: db, from: "deal", where: condition, arguments: args,
                           columns: DealRepository.allColumns.map { "deal.\($0) AS \($0)" },
                           order: [SortKey("deal.id")], decode: DealRepository.decode)
    }

    /// All deals matching `query`, oldest first (for a board of one unit or a forecast).
    public func deals(_ query: DealQuery = DealQuery()) throws -> [Deal] {
        let (condition, args) = DealRepository.filter(query)
        return try db.query("SELECT \(DealRepository.selectColumns) FROM deal"
                                + (condition.map { " WHERE \($0)" } ?? "") + " ORDER BY id", args)
            .map(DealRepository.decode)
    }

    /// The board's columns for `unit`: every active stage (and any retired stage that still has
    /// deals) in order, with its count and Σ value per currency, optionally for one owner.
    public func columns(unit: BusinessUnit, owner: String? = nil) throws -> [StageColumnSummary] {
        try db.read {
            guard let pipeline = try pipelines.pipeline(for: unit) else { return [] }
            var sums: [Int64: (count: Int, totals: [Currency: Money])] = [:]
            var sql = "SELECT stage_id, currency, count(*) AS n, sum(value_cents) AS cents FROM deal WHERE unit = ?"
            var args: [SQLValue] = [.text(unit.rawValue)]
            if let owner { sql += " AND owner = ?"; args.append(.text(owner)) }
            try db.forEach(sql + " GROUP BY stage_id, currency", args) { row in
                let currency = SalesColumns.currency(row.string("currency"))
                var cell = sums[row.int("stage_id")] ?? (0, [:])
                cell.count += Int(row.int("n"))
                cell.totals[currency] = Money(minorUnits: row.int("cents"), currency)
                sums[row.int("stage_id")] = cell
            }
            return pipeline.stages.compactMap { stage in
                guard let id = stage.id else { return nil }
                let cell = sums[id] ?? (0, [:])
                guard stage.active || cell.count > 0 else { return nil }
                return StageColumnSummary(stage: stage, count: cell.count, totals: cell.totals)
            }
        }
    }

    /// The weighted forecast of open deals (see `SalesForecast`), optionally for one unit.
    /// Nil when a deal is in the other currency and `penPerUSD` is missing.
    public func forecast(currency: Currency, penPerUSD: Decimal?, unit: BusinessUnit? = nil) throws -> [ForecastEntry]? {
        try db.read {
            SalesForecast.weighted(try deals(DealQuery(unit: unit, openOnly: true)), stages: try pipelines.stagesById(),
                                   currency: currency, penPerUSD: penPerUSD)
        }
    }

    // MARK: mapping

    static let dataColumns = [
        "title", "lead_id", "customer_id", "unit", "stage_id", "owner", "value_cents", "currency", "expected_close",
        "source", "lost_reason", "stage_entered_at",
    ]
    static let allColumns = ["id"] + dataColumns
    static let selectColumns = allColumns.joined(separator: ", ")

    static func filter(_ q: DealQuery) -> (String?, [SQLValue]) {
        var conditions: [String] = []
        var args: [SQLValue] = []
        if let unit = q.unit { conditions.append("deal.unit = ?"); args.append(.text(unit.rawValue)) }
        if let stage = q.stageId { conditions.append("deal.stage_id = ?"); args.append(.int(stage)) }
        if let owner = q.owner { conditions.append("deal.owner = ?"); args.append(.text(owner)) }
        if q.openOnly {
            conditions.append("deal.stage_id IN (SELECT id FROM pipeline_stage WHERE kind = 'open')")
        }
        return (conditions.isEmpty ? nil : conditions.joined(separator: " AND "), args)
    }

    static func values(_ d: Deal) -> [SQLValue] {
        [.text(d.title), SalesColumns.id(d.leadId), SalesColumns.id(d.customerId), .text(d.unit.rawValue),
         .int(d.stageId), .text(d.owner), .int(d.estimatedValue.minorUnits), .text(d.estimatedValue.currency.rawValue),
         SalesColumns.dateValue(d.expectedClose), .text(d.source.rawValue), d.lostReason.map { .text($0) } ?? .null,
         .text(ISOTimestamp.format(d.stageEnteredAt))]
    }

    @Sendable static func decode(_ row: Row) -> Deal {
        let currency = SalesColumns.currency(row.string("currency"))
        return Deal(
            id: row.int("id"), title: row.string("title"), leadId: SalesColumns.optionalInt(row["lead_id"]),
            customerId: SalesColumns.optionalInt(row["customer_id"]), unit: SalesColumns.unit(row.string("unit")),
            stageId: row.int("stage_id"), owner: row.string("owner"),
            estimatedValue: Money(minorUnits: row.int("value_cents"), currency),
            expectedClose: SalesColumns.date(row["expected_close"]),
            source: DealSource(rawValue: row.string("source")) ?? .other, lostReason: row.optionalString("lost_reason"),
            stageEnteredAt: ISOTimestamp.parse(row.string("stage_entered_at")) ?? Date(timeIntervalSince1970: 0))
    }

    static func summary(_ d: Deal, _ stage: Stage) -> String { "\(d.unit.code) \(d.title) (\(stage.name))" }
}

import BytekModel
import Foundation

extension QuoteRepository {
    /// When a version is accepted, the other open versions of its number (drafts and sent ones) are
    /// superseded: closed as rejected, with "sustituida por vN" in the audit log.
    func supersedeOtherVersions(of accepted: Quote) throws {
        guard let acceptedId = accepted.id else { return }
        let others = try db.query("SELECT id FROM quote WHERE number = ? AND id <> ? AND state IN ('draft','sent')",
                                  [.text(accepted.number), .int(acceptedId)]).map { $0.int("id") }
        for otherId in others {
            guard let before = try get(otherId) else { continue }
            let stamp = now()
            try db.execute("UPDATE quote SET state = 'rejected', updated_at = ?, decided_at = ? WHERE id = ?",
                           [.text(ISOTimestamp.format(stamp)), .text(ISOTimestamp.format(stamp)), .int(otherId)])
            try audit.append(entity: SalesAuditEntity.quote, entityId: otherId, action: .update,
                             summary: "\(before.number) v\(before.version) sustituida por v\(accepted.version)",
                             before: before, after: try get(otherId), at: stamp)
        }
    }

    /// What keeps accepted version `id` from being reopened; empty when it can be.
    public func reopenBlockers(_ id: Int64) throws -> [QuoteReopenBlocker] {
        guard let quote = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
        var blockers: [QuoteReopenBlocker] = []
        let documents = try db.query(
            "SELECT series, number FROM e_document WHERE quote_number = ? ORDER BY id", [.text(quote.number)]
        ).map { $0.string("series") + "-" + String(format: "%08lld", $0.int("number")) }
        if !documents.isEmpty { blockers.append(.invoiced(documents)) }
        let projects = try ProjectRepository(db: db, user: user, now: now).projectsWithWork(quoteId: id)
        if !projects.isEmpty { blockers.append(.projectWork(projects)) }
        return blockers
    }

    /// Reopens accepted version `id` (back to sent), an explicit action audited with `reason`, only while
    /// nothing its acceptance created has moved on (no document issued from it: subscriptions are not
    /// billed yet and there is no project work in this version of the program). Undoes what the
    /// acceptance created, in the same transaction: its subscriptions are deleted, its milestone amounts
    /// cleared, and its deal goes back from the won stage to the last open one. A contract recorded for it
    /// stays, numbered, as a record of what was signed; the next accepted version gets its own.
    @discardableResult
    public func reopen(_ id: Int64, reason: String) throws -> Quote {
        try db.write {
            guard let stored = try get(id) else { throw SalesRepositoryError.notFound(SalesAuditEntity.quote, id) }
            guard stored.state == .accepted else {
                throw SalesRepositoryError.quote(.invalidTransition(from: stored.state, to: .sent))
            }
            let blockers = try reopenBlockers(id)
            guard blockers.isEmpty else { throw SalesRepositoryError.cannotReopen(blockers) }
            let subscriptions = try db.query("SELECT id, description FROM subscription WHERE quote_id = ?", [.int(id)])
            for row in subscriptions {
                try db.execute("DELETE FROM subscription WHERE id = ?", [.int(row.int("id"))])
                try audit.append(entity: SalesAuditEntity.subscription, entityId: row.int("id"), action: .delete,
                                 summary: "\(stored.number) v\(stored.version) \(row.string("description")) (cotización reabierta)")
            }
            var projects = ProjectRepository(db: db, user: user, now: now)
            projects.door = door
            try projects.archiveForReopen(quoteId: id, quoteNumber: stored.number)
            try db.execute("UPDATE quote_milestone SET amount_cents = NULL WHERE quote_id = ?", [.int(id)])
            if let dealId = stored.dealId {
                if let deal = try deals.get(dealId),
                   let pipeline = try PipelineRepository(db: db, user: user, now: now).pipeline(for: deal.unit),
                   deal.stageId == pipeline.wonStage?.id,
                   let back = pipeline.activeStages.last(where: { $0.kind == .open })?.id {
                    _ = try deals.move(dealId, to: back)
                }
            }
            let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            return try transition(id, summary: "reabierta: \(trimmed)") { q throws(QuoteError) in try q.reopen() }
        }
    }
}

import BytekModel
import BytekStore
import Foundation

/// One deal as `bytek deal list` and `bytek export deals` print it: the deal, its stage and who it is for.
public struct DealListRow: Sendable, Hashable {
    public var deal: Deal
    /// Nil only for a stage that no longer exists (never, as stages are retired, not deleted).
    public var stage: Stage?
    /// The customer's legal name, else the lead's name.
    public var partyName: String
    /// "RUC 20100047218" (the lead's, when it has one); empty when unknown.
    public var partyDocument: String
    /// Whole days in its stage, and whether that is more than the stage expects.
    public var daysInStage: Int
    public var stale: Bool
}

/// Why a deal listing was refused.
public enum DealListingError: Error, Equatable, Sendable {
    /// No stage of any pipeline has this name; `known` lists the names there are.
    case unknownStage(String, known: [String])
}

extension SalesService {
    /// Every deal of `unit` (nil: all), owned by `owner` (nil: anyone) and in a stage named
    /// `stageName` in any unit (accents and case aside; nil: any), oldest first.
    public func listing(unit: BusinessUnit? = nil, owner: String? = nil, stageName: String? = nil) throws -> [DealListRow] {
        try actor.authorize(.dealList)
        let db = services.db
        return try db.read {
            let stages = try pipelineRepository.stagesById()
            var stageFilter: Set<Int64>?
            if let stageName {
                let wanted = TextFold.fold(stageName)
                let ids = Set(stages.filter { TextFold.fold($0.value.name) == wanted }.map(\.key))
                guard !ids.isEmpty else {
                    throw DealListingError.unknownStage(stageName, known: Set(stages.values.map(\.name)).sorted())
                }
                stageFilter = ids
            }
            let repository = deals
            let customers = CustomerRepository(db: db, user: actor.auditName)
            var parties: [String: (name: String, document: String)] = [:]
            func party(_ deal: Deal) throws -> (name: String, document: String) {
                if let id = deal.customerId {
                    if let hit = parties["c\(id)"] { return hit }
                    let c = try customers.get(id)
                    let found = (c?.legalName ?? "", c.map { $0.docType.rawValue + " " + $0.docNumber } ?? "")
                    parties["c\(id)"] = found
                    return found
                }
                guard let id = deal.leadId else { return ("", "") }
                if let hit = parties["l\(id)"] { return hit }
                let lead = try repository.lead(id)
                let found = (lead?.name ?? "",
                             lead.map { $0.docNumber.isEmpty ? "" : ($0.docType?.rawValue ?? "") + " " + $0.docNumber } ?? "")
                parties["l\(id)"] = found
                return found
            }
            let now = services.now()
            return try repository.deals(DealQuery(unit: unit, owner: owner))
                .filter { stageFilter?.contains($0.stageId) ?? true }
                .map { d in
                    let stage = stages[d.stageId]
                    let p = try party(d)
                    return DealListRow(deal: d, stage: stage, partyName: p.name, partyDocument: p.document,
                                       daysInStage: d.daysInStage(now: now),
                                       stale: stage.map { d.isStale(in: $0, now: now) } ?? false)
                }
        }
    }
}

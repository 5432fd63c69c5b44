/// The stages deals of one business unit move through, in order.
public struct Pipeline: Sendable, Hashable, Codable {
    /// Set by the store.
    public var id: Int64?
    public var unit: BusinessUnit
    public var name: String
    /// In board order, retired ones included (filter on `active`).
    public var stages: [Stage]

    public init(id: Int64? = nil, unit: BusinessUnit, name: String, stages: [Stage]) {
        self.id = id; self.unit = unit; self.name = name; self.stages = stages
    }

    public var activeStages: [Stage] { stages.filter(\.active) }

    /// The stage new deals enter: the first active open stage.
    public var entryStage: Stage? { stages.first { $0.active && $0.kind == .open } }
    public var wonStage: Stage? { stages.first { $0.active && $0.kind == .won } }
    public var lostStage: Stage? { stages.first { $0.active && $0.kind == .lost } }

    public func stage(id: Int64) -> Stage? { stages.first { $0.id == id } }

    /// Each stage valid, and one active won and one active lost stage.
    public func validate() throws(PipelineError) {
        for s in stages { try s.validate() }
        guard wonStage != nil, lostStage != nil else { throw .needsWonAndLostStage }
    }

    /// The pipeline every unit starts with (U1 counts in days, U2 in weeks, U3 in between).
    public static func defaultPipeline(for unit: BusinessUnit) -> Pipeline {
        switch unit {
        case .digital:
            return Pipeline(unit: unit, name: "Digital", stages: [
                Stage(name: "Nuevo", probability: 10, expectedDays: 1),
                Stage(name: "Contactado", probability: 30, expectedDays: 2),
                Stage(name: "Propuesta enviada", probability: 60, expectedDays: 3),
                Stage(name: "Ganado", probability: 100, expectedDays: 0, kind: .won),
                Stage(name: "Perdido", probability: 0, expectedDays: 0, kind: .lost),
            ])
        case .software:
            return Pipeline(unit: unit, name: "Software", stages: [
                Stage(name: "Prospecto", probability: 5, expectedDays: 7),
                Stage(name: "Reunión de descubrimiento", probability: 15, expectedDays: 14),
                Stage(name: "Análisis", probability: 30, expectedDays: 21),
                Stage(name: "Cotización", probability: 50, expectedDays: 14),
                Stage(name: "Negociación", probability: 70, expectedDays: 14),
                Stage(name: "Contrato", probability: 90, expectedDays: 7),
                Stage(name: "Ganado", probability: 100, expectedDays: 0, kind: .won),
                Stage(name: "Perdido", probability: 0, expectedDays: 0, kind: .lost),
            ])
        case .infrastructure:
            return Pipeline(unit: unit, name: "Infraestructura", stages: [
                Stage(name: "Prospecto", probability: 10, expectedDays: 5),
                Stage(name: "Visita técnica (levantamiento)", probability: 30, expectedDays: 7),
                Stage(name: "Cotización", probability: 50, expectedDays: 7),
                Stage(name: "Negociación", probability: 75, expectedDays: 10),
                Stage(name: "Ganado", probability: 100, expectedDays: 0, kind: .won),
                Stage(name: "Perdido", probability: 0, expectedDays: 0, kind: .lost),
            ])
        }
    }
}

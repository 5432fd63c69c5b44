import BytekModel
import BytekStore
import Foundation
import Testing
@testable import BytekServices

/// The whole permission matrix: every operation of `Operation.all`, done by every role, a customer's
/// contact (on its own customer's rows and on another's), the worker and a device, each on its own
/// copy of a seeded store. Allowed means the operation really ran (and, for a write, left an audit
/// entry naming the actor and its door); refused means `forbidden`, and for a contact reaching for
/// another customer's row, `notFound` — never a hint that the row exists.
@Suite("Permission matrix: every role × every operation")
struct PermissionMatrixTests {
    static let cases: [MatrixCase] = MatrixAreas.all.flatMap { $0.cases }

    @Test func everyOperationHasACaseAndARowInTheTable() {
        let covered = Set(Self.cases.map(\.operation.name))
        for op in Operation.all {
            #expect(covered.contains(op.name), "sin caso en la matriz: \(op.name)")
            #expect(ExpectedMatrix.table[op.name] != nil, "sin fila en ExpectedMatrix: \(op.name)")
        }
        #expect(Set(Operation.all.map(\.name)).count == Operation.all.count, "nombres de operación repetidos")
        #expect(ExpectedMatrix.table.count == Operation.all.count, "filas de más en ExpectedMatrix")
        #expect(ExpectedMatrix.rowCount == ExpectedMatrix.table.count, "una operación en dos áreas")
    }

    @Test func declaredRulesMatchTheTable() {
        for op in Operation.all {
            let expected = ExpectedMatrix.allowed(op.name)
            for role in Role.allCases {
                #expect(op.allows(role) == expected.contains(role.rawValue), "\(op.name) × \(role.rawValue)")
            }
            #expect(op.contacts == expected.contains("contacto"), "\(op.name) × contacto")
            #expect(op.worker == expected.contains("worker"), "\(op.name) × worker")
        }
    }

    @Test func everyActorTimesEveryOperationDoesWhatTheTableSays() throws {
        let world = try MatrixWorld(seeds: MatrixAreas.all.map { $0.seed })
        var walked = 0
        for c in Self.cases {
            let expected = ExpectedMatrix.allowed(c.operation.name)
            for (name, actor) in MatrixActors.all(world) {
                let targets: [MatrixTarget] = name == "contacto" ? [.own, .other] : [.own]
                for target in targets {
                    walked += 1
                    let store = try world.copy()
                    defer { world.remove(store) }
                    let services = Services(store: store, actor: actor, now: MatrixWorld.now, environment: { [:] })
                    let auditBefore = try store.db.scalar("SELECT coalesce(max(id), 0) FROM audit_log").intValue ?? 0
                    let label = "\(c.operation.name) × \(name)\(target == .other ? " (otro cliente)" : "")"
                    let outcome: String
                    do {
                        try c.run(services, world, target)
                        outcome = "permitido"
                    } catch ServiceError.forbidden {
                        outcome = "prohibido"
                    } catch ServiceError.notFound {
                        outcome = "no encontrado"
                    } catch {
                        Issue.record("\(label): error inesperado \(error)")
                        continue
                    }
                    let allowed = expected.contains(name)
                    let want = !allowed ? (name == "contacto" && target == .other && c.operation.contacts
                                           ? "no encontrado" : "prohibido")
                        : (name == "contacto" && target == .other ? "no encontrado" : "permitido")
                    #expect(outcome == want, "\(label): \(outcome), se esperaba \(want)")
                    if outcome == "permitido" && c.audited {
                        let row = try store.db.queryOne(
                            "SELECT user_login, door FROM audit_log WHERE id > ? ORDER BY id DESC LIMIT 1", [.int(auditBefore)])
                        #expect(row?.string("user_login") == actor.auditName, "\(label): auditoría sin el actor")
                        #expect(row?.optionalString("door") == actor.door.rawValue, "\(label): auditoría sin la puerta")
                    }
                }
            }
        }
        #expect(walked >= Self.cases.count * 10)
    }
}
